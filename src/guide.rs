//! 매뉴얼 따라하기: the manual's STEP 01–14 laid over the live screens. This module is the one
//! table that maps each STEP to its screens and its numbered actions (each action's target is
//! a `data-guide` attribute on the page), and the learner's progress through it. The panel and
//! the badges that show it are `components::guide`.

use serde::{Deserialize, Serialize};

mod steps;

pub use steps::STEPS;

/// One numbered action of a STEP (`01`, `02`…): what to do, and where on the screen.
#[derive(Debug, PartialEq)]
pub struct Callout {
    /// The `data-guide` value of the control the manual's callout points at.
    pub target: &'static str,
    /// The instruction, with the screen's button names exact.
    pub ko: &'static str,
    /// The same in English, for learners who read it better.
    pub en: &'static str,
}

/// One STEP of the manual.
#[derive(Debug, PartialEq)]
pub struct ManualStep {
    /// 1 to 14.
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

/// The last STEP.
pub const LAST: u8 = 14;

/// A STEP by its number.
pub fn step(number: u8) -> Option<&'static ManualStep> {
    STEPS.iter().find(|s| s.number == number)
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

/// Where `path` is for a learner whose STEP to do now is `current`: the first STEP at or
/// after `current` shown on that screen; else the last earlier one.
pub fn locate(path: &str, current: u8) -> Position {
    let path = match path.trim_end_matches('/') {
        "" => "/",
        p => p,
    };
    let here: Vec<&'static ManualStep> =
        STEPS.iter().filter(|s| s.screens.contains(&path)).collect();
    match here.iter().find(|s| s.number >= current) {
        Some(step) => Position::OnPath(step),
        None => here.last().map_or(Position::Off, |s| Position::Behind(s)),
    }
}

/// A refusal or wrong entry the learner met, and whether the STEP was then finished.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mistake {
    /// The STEP it happened in.
    pub step: u8,
    /// The message the screen showed.
    pub message: String,
}

/// The learner's way through the manual, kept for the tab.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GuideProgress {
    /// Whether guided mode is on.
    pub on: bool,
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
    /// When STEP 14 was finished.
    pub finished_at: Option<f64>,
}

impl GuideProgress {
    /// Guided mode switched on, from the start.
    pub fn started() -> Self {
        Self {
            on: true,
            ..Self::default()
        }
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

    /// STEP 14 is done: the certificate logged in. Says whether anything changed.
    pub fn finish(&mut self, now: f64) -> bool {
        let finishing = self.current == LAST && !self.finished();
        if finishing {
            self.finished_at = Some(now);
        }
        finishing
    }

    /// Whether the whole manual is done.
    pub fn finished(&self) -> bool {
        self.finished_at.is_some()
    }

    fn was_entered(&self, number: u8) -> bool {
        self.entered.iter().any(|(n, _)| *n == number)
    }

    /// Ticks the action whose target is `target`, if the current STEP has one not yet
    /// ticked. Says whether anything changed.
    pub fn tick(&mut self, target: &str) -> bool {
        let Some(step) = step(self.current) else {
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
        let step = step(self.current)?;
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

    #[test]
    fn every_step_is_in_the_table_once_with_numbered_actions() {
        let numbers: Vec<u8> = STEPS.iter().map(|s| s.number).collect();
        assert_eq!(numbers, (1..=LAST).collect::<Vec<_>>());
        for s in STEPS {
            assert!(!s.actions.is_empty() && !s.screens.is_empty(), "{s:?}");
            let mut targets: Vec<_> = s.actions.iter().map(|a| a.target).collect();
            targets.dedup();
            assert_eq!(targets.len(), s.actions.len(), "a target twice in {s:?}");
        }
    }

    #[test]
    fn a_screen_shown_twice_in_the_manual_is_the_step_to_do_now() {
        assert_eq!(locate("/center", 0), Position::OnPath(step(2).unwrap()));
        assert_eq!(locate("/center/", 5), Position::OnPath(step(6).unwrap()));
        assert_eq!(locate("/login", 3), Position::OnPath(step(5).unwrap()));
        assert_eq!(locate("/login", 13), Position::OnPath(step(14).unwrap()));
        // Back at the center while issuing: a STEP already done.
        assert_eq!(locate("/center", 10), Position::Behind(step(6).unwrap()));
        assert_eq!(locate("/center/manage", 10), Position::Off);
        assert_eq!(
            locate("/center/issue/personal/2", 9),
            Position::OnPath(step(9).unwrap())
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
        assert!(p.finish(30_000.0) && !p.finish(31_000.0));
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
