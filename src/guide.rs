//! 매뉴얼 따라하기 and 연습 과제: the manual's STEP 01–14, and each practice task's steps, laid
//! over the live screens. This module holds the tables that map each step to its screens and
//! its numbered actions (each action's target is a `data-guide` attribute on the page), and the
//! learner's progress through a task. The panel and the badges that show it are
//! `components::guide`.

use serde::{Deserialize, Serialize};

mod steps;
mod task_steps;
mod tasks;

pub use steps::STEPS;
pub use tasks::{Earlier, End, Kept, MANUAL, PRACTICE_PASSWORD, Start, TASKS, Task, task};

/// One numbered action of a STEP (`01`, `02`…): what to do, and where on the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Callout {
    /// The `data-guide` value of the control the manual's callout points at.
    pub target: &'static str,
    /// The instruction, with the screen's button names exact.
    pub ko: &'static str,
    /// The same in English, for learners who read it better.
    pub en: &'static str,
}

/// One STEP of the manual, or of a task.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ManualStep {
    /// From 1 (the manual's: to 14).
    pub number: u8,
    /// The manual's heading, shortened.
    pub title: &'static str,
    /// The heading in English.
    pub title_en: &'static str,
    /// The paths of the screens the STEP happens on; the first is where to go back to.
    pub screens: &'static [&'static str],
    /// The numbered actions.
    pub actions: &'static [Callout],
}

impl ManualStep {
    /// What 음성 안내 says for this step: its title, then each action in order.
    pub fn spoken(&self) -> String {
        let actions: Vec<&str> = self.actions.iter().map(|a| a.ko).collect();
        format!("{}. {}.", self.title, actions.join(". "))
    }
}

/// Where the learner is, measured against the manual.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Position {
    /// On the screen of the STEP to do now (or a later one, skipping ahead).
    OnPath(&'static ManualStep),
    /// Back on the screen of a STEP already done.
    Behind(&'static ManualStep),
    /// On a screen the manual does not show.
    Off,
}

/// A refusal or wrong entry the learner met, and whether the STEP was then finished.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mistake {
    /// The STEP it happened in.
    pub step: u8,
    /// The message the screen showed.
    pub message: String,
}

/// The learner's way through the manual or a task, kept for the tab.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GuideProgress {
    /// Whether guided mode is on.
    pub on: bool,
    /// The task's id; empty for the manual (guided mode switched on by itself).
    #[serde(default)]
    pub task: String,
    /// What the task's start prepared, said while its first step is current.
    #[serde(default)]
    pub prepared: Option<String>,
    /// Whether instructions show in English too.
    pub english: bool,
    /// The STEP to do now; 0 before the first screen is seen.
    pub current: u8,
    /// When each STEP was first reached (ms since the epoch).
    pub entered: Vec<(u8, f64)>,
    /// STEPs passed without their screen (the app went straight on, e.g. after login).
    pub skipped: Vec<u8>,
    /// Actions done, as (STEP, target).
    pub ticks: Vec<(u8, String)>,
    /// Refusals and wrong entries, in order.
    pub mistakes: Vec<Mistake>,
    /// When the last step was finished.
    pub finished_at: Option<f64>,
}

impl GuideProgress {
    /// Guided mode switched on, from the start of the manual.
    pub fn started() -> Self {
        Self {
            on: true,
            ..Self::default()
        }
    }

    /// Guided mode on, from the start of `task`, whose start prepared what `prepared` says.
    pub fn started_task(task: &Task, prepared: String) -> Self {
        Self {
            task: task.id.to_owned(),
            prepared: Some(prepared),
            ..Self::started()
        }
    }

    /// The task under way (the manual's unless another was started).
    pub fn task(&self) -> &'static Task {
        task(&self.task).unwrap_or(MANUAL)
    }

    /// The current step.
    pub fn step(&self) -> Option<&'static ManualStep> {
        self.task().step(self.current)
    }

    /// Where `path` is for this learner.
    pub fn locate(&self, path: &str) -> Position {
        self.task().locate(path, self.current)
    }

    /// The learner reached STEP `number` at `now`: the STEPs between the last one and this
    /// one count as passed (skipped when never seen). Says whether anything changed.
    pub fn reach(&mut self, number: u8, now: f64) -> bool {
        if number <= self.current || self.finished() {
            return false;
        }
        for between in self.current.max(1)..number {
            if !self.was_entered(between) && !self.skipped.contains(&between) {
                self.skipped.push(between);
            }
        }
        self.entered.push((number, now));
        self.current = number;
        true
    }

    /// The task's end is reached (for a certificate login: the learner, `logged_in`, has left
    /// the login page at `path` in the last step). Says whether anything changed.
    pub fn finish_if_done(&mut self, logged_in: bool, path: &str, now: f64) -> bool {
        let done = match self.task().end {
            End::CertificateLogin => logged_in && path != "/login",
            End::LastScreen => true,
        };
        done && self.finish(now)
    }

    /// The last step is done. Says whether anything changed.
    fn finish(&mut self, now: f64) -> bool {
        let finishing = self.current == self.task().last() && !self.finished();
        if finishing {
            self.finished_at = Some(now);
        }
        finishing
    }

    /// Whether the whole task is done.
    pub fn finished(&self) -> bool {
        self.finished_at.is_some()
    }

    fn was_entered(&self, number: u8) -> bool {
        self.entered.iter().any(|(n, _)| *n == number)
    }

    /// Ticks the action whose target is `target`, if the current STEP has one not yet
    /// ticked. Says whether anything changed.
    pub fn tick(&mut self, target: &str) -> bool {
        let Some(step) = self.step() else {
            return false;
        };
        let new =
            step.actions.iter().any(|a| a.target == target) && !self.ticked(self.current, target);
        if new {
            self.ticks.push((self.current, target.to_owned()));
        }
        new
    }

    /// Whether the action `target` of STEP `number` was done.
    pub fn ticked(&self, number: u8, target: &str) -> bool {
        self.ticks.iter().any(|(n, t)| *n == number && t == target)
    }

    /// The current STEP's next action (its index): the first not done after the last one
    /// done (a learner who went on past an action, as when the picker's first certificate is
    /// already chosen, is not sent back to it), or else the first not done.
    pub fn next_action(&self) -> Option<usize> {
        let step = self.step()?;
        let done = |a: &Callout| self.ticked(self.current, a.target);
        let after = step.actions.iter().rposition(done).map_or(0, |i| i + 1);
        (after..step.actions.len())
            .find(|i| !done(&step.actions[*i]))
            .or_else(|| step.actions.iter().position(|a| !done(a)))
    }

    /// Notes a message the screen showed, the first time it shows, while the manual is under
    /// way. Says whether anything changed.
    pub fn mistake(&mut self, message: &str) -> bool {
        let message = message.trim();
        let seen = self.mistakes.iter().any(|m| m.message == message);
        let new = !message.is_empty() && self.current > 0 && !self.finished() && !seen;
        if new {
            self.mistakes.push(Mistake {
                step: self.current,
                message: message.to_owned(),
            });
        }
        new
    }

    /// Whether STEP `number` is behind the learner (done or skipped).
    pub fn passed(&self, number: u8) -> bool {
        number < self.current || (number == self.current && self.finished())
    }

    /// Each STEP reached and how long it took (ms), until the next STEP was reached or the
    /// manual finished; `None` while it is still going on.
    pub fn durations(&self) -> Vec<(u8, Option<f64>)> {
        self.entered
            .iter()
            .enumerate()
            .map(|(i, (number, start))| {
                let end = self.entered.get(i + 1).map(|e| e.1).or(self.finished_at);
                (*number, end.map(|end| (end - start).max(0.0)))
            })
            .collect()
    }
}

/// `1분 05초`, `42초`.
pub fn minutes_seconds(ms: f64) -> String {
    let total = (ms / 1000.0).round() as u64;
    match (total / 60, total % 60) {
        (0, s) => format!("{s}초"),
        (m, s) => format!("{m}분 {s:02}초"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAST: u8 = 14;

    fn step(number: u8) -> &'static ManualStep {
        MANUAL.step(number).unwrap()
    }

    fn locate(path: &str, current: u8) -> Position {
        MANUAL.locate(path, current)
    }

    #[test]
    fn every_task_numbers_its_steps_from_one_with_distinct_targets() {
        assert_eq!(MANUAL.steps, STEPS);
        assert_eq!(MANUAL.last(), LAST);
        let mut ids: Vec<_> = TASKS.iter().map(|t| t.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), TASKS.len(), "two tasks share an id");
        for (i, t) in TASKS.iter().enumerate() {
            assert_eq!(usize::from(t.number), i + 1, "{}", t.id);
            assert_eq!(task(t.id), Some(t));
            assert!(!t.title.is_empty() && !t.story.is_empty() && !t.practises.is_empty());
            let numbers: Vec<u8> = t.steps.iter().map(|s| s.number).collect();
            assert_eq!(numbers, (1..=t.last()).collect::<Vec<_>>(), "{}", t.id);
            for s in t.steps {
                assert!(!s.actions.is_empty() && !s.screens.is_empty(), "{s:?}");
                let mut targets: Vec<_> = s.actions.iter().map(|a| a.target).collect();
                targets.sort();
                targets.dedup();
                assert_eq!(targets.len(), s.actions.len(), "a target twice in {s:?}");
                assert!(s.screens.iter().all(|p| p.starts_with('/')), "{s:?}");
            }
            // A task ends with a certificate login on the login page, or on a screen of its own.
            let last = t.steps.last().unwrap().screens;
            match t.end {
                End::CertificateLogin => assert_eq!(last, ["/login"], "{}", t.id),
                End::LastScreen => assert!(!last.contains(&"/login"), "{}", t.id),
            }
            assert!(
                crate::bank::demo::find(t.start.user_id).is_some(),
                "{}",
                t.id
            );
        }
        assert_eq!(task("no-such-task"), None);
    }

    #[test]
    fn a_task_says_what_it_prepared() {
        let said = |id| task(id).unwrap().start.said();
        assert_eq!(
            said("first"),
            "준비했습니다: 홍길동(hong01)의 연습 기록을 처음 상태로 돌렸고, 인증서가 없는 상태입니다."
        );
        assert!(
            said("forgot-password").contains("30일 전에")
                && said("forgot-password").contains("암호는 잊은")
        );
        assert!(said("formatted").contains("지워진"));
        assert!(said("renew").contains(PRACTICE_PASSWORD));
    }

    #[test]
    fn progress_follows_the_task_it_was_started_with() {
        let renew = task("renew").unwrap();
        let mut p = GuideProgress::started_task(renew, renew.start.said());
        assert_eq!(p.task(), renew);
        assert_eq!(
            p.locate("/center"),
            Position::OnPath(renew.step(1).unwrap())
        );
        assert!(p.reach(1, 0.0));
        assert_eq!(
            p.locate("/center/renew"),
            Position::OnPath(renew.step(3).unwrap())
        );
        assert!(p.tick("center-renew") && !p.tick("personal-issue"));
        p.reach(4, 5_000.0);
        assert_eq!(p.skipped, vec![2, 3]);
        assert!(!p.finish_if_done(true, "/login", 6_000.0));
        assert!(!p.finish_if_done(false, "/", 6_000.0));
        assert!(p.finish_if_done(true, "/", 7_000.0) && p.finished());
        // Saved before tasks existed: the manual.
        let old: GuideProgress = serde_json::from_str(r#"{"on":true,"english":false,"current":3,"entered":[],"skipped":[],"ticks":[],"mistakes":[],"finished_at":null}"#).unwrap();
        assert_eq!(old.task(), MANUAL);
    }

    #[test]
    fn a_screen_shown_twice_in_the_manual_is_the_step_to_do_now() {
        assert_eq!(locate("/center", 0), Position::OnPath(step(2)));
        assert_eq!(locate("/center/", 5), Position::OnPath(step(6)));
        assert_eq!(locate("/login", 3), Position::OnPath(step(5)));
        assert_eq!(locate("/login", 13), Position::OnPath(step(14)));
        // Back at the center while issuing: a STEP already done.
        assert_eq!(locate("/center", 10), Position::Behind(step(6)));
        assert_eq!(locate("/center/manage", 10), Position::Off);
        assert_eq!(
            locate("/center/issue/personal/2", 9),
            Position::OnPath(step(9))
        );
    }

    #[test]
    fn steps_the_app_goes_past_are_skipped_and_times_add_up() {
        let mut p = GuideProgress::started();
        p.reach(1, 0.0);
        p.reach(2, 1_000.0);
        p.reach(5, 3_000.0);
        p.reach(8, 10_000.0);
        assert_eq!(p.skipped, vec![3, 4, 6, 7]);
        // Going back does not move the learner back.
        assert!(!p.reach(6, 11_000.0));
        assert_eq!(p.current, 8);
        assert!(p.passed(7) && !p.passed(8));
        p.tick("rrn");
        p.tick("kind-General");
        assert!(p.ticked(8, "rrn") && !p.ticked(8, "kind-General"));
        // Next comes after the last action done.
        assert_eq!(p.next_action(), Some(3));
        p.tick("terms-ok");
        assert_eq!(p.next_action(), Some(0));
        assert!(p.mistake("주민등록번호가 올바르지 않습니다."));
        assert!(!p.mistake("주민등록번호가 올바르지 않습니다."));
        assert_eq!(p.mistakes.len(), 1);
        for n in 9..=LAST {
            p.reach(n, 10_000.0 + f64::from(n) * 1_000.0);
        }
        assert!(p.finish_if_done(true, "/", 30_000.0) && !p.finish_if_done(true, "/", 31_000.0));
        assert!(
            !p.mistake("끝난 뒤의 메시지"),
            "nothing is counted after STEP 14"
        );
        assert!(p.finished() && p.passed(LAST));
        let times = p.durations();
        assert_eq!(times[0], (1, Some(1_000.0)));
        assert_eq!(times[2], (5, Some(7_000.0)));
        assert_eq!(times.last(), Some(&(14, Some(6_000.0))));
        assert_eq!(minutes_seconds(65_000.0), "1분 05초");
        assert_eq!(minutes_seconds(42_400.0), "42초");
    }
}
