//! 매뉴얼 따라하기 and 연습 과제: the manual's STEP 01–14, and each practice task's steps, laid
//! over the live screens. This module holds the tables that map each step to its screens and
//! its numbered actions (each action's target is a `data-guide` attribute on the page), and the
//! learner's progress through a task. The panel and the badges that show it are
//! `components::guide`.

use serde::{Deserialize, Serialize};

mod cloud_steps;
mod copy_steps;
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

    /// The task's end is reached in its last step: for a certificate login, the learner,
    /// `logged_in`, has left the login page at `path`; for a notice, the page's notices
    /// (`said`) include it. Says whether anything changed.
    pub fn finish_if_done(&mut self, logged_in: bool, path: &str, said: &str, now: f64) -> bool {
        let done = match self.task().end {
            End::CertificateLogin => logged_in && path != "/login",
            End::LastScreen => true,
            End::Said(notice) => said.contains(notice),
        };
        done && self.finish(now)
    }

    /// Two steps on one screen (`path`): once the current step's last action is done and the
    /// page shows the next step's first control (`shown`; the panel asks only while no dialog
    /// is open and no error shows), the next step is reached at `now`. Says whether anything
    /// changed.
    pub fn move_on(&mut self, path: &str, shown: impl Fn(&str) -> bool, now: f64) -> bool {
        let task = self.task();
        let (Some(step), Some(next)) = (self.step(), task.step(self.current + 1)) else {
            return false;
        };
        let path = tasks::plain(path);
        let last_done = step
            .actions
            .last()
            .is_some_and(|a| self.ticked(step.number, a.target));
        let shared = step.screens.contains(&path) && next.screens.contains(&path);
        last_done && shared && shown(next.actions[0].target) && self.reach(next.number, now)
    }

    /// Whether the learner is at the task's last step and has not finished it: the only time
    /// its end can come.
    pub fn at_last_step(&self) -> bool {
        self.current == self.task().last() && !self.finished()
    }

    /// The last step is done. Says whether anything changed.
    fn finish(&mut self, now: f64) -> bool {
        let finishing = self.at_last_step();
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
mod tests;
