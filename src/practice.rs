//! What this browser keeps of a learner's practice: the 연습 기록 (each finished task, with the
//! time per step and the mistakes), the name a teacher reads on it, and the aids (음성 안내,
//! 글자 크기). Everything is `localStorage`, read through [`crate::store`]; a stored list that
//! does not read is refused as a whole and left where it is, never overwritten.

use serde::{Deserialize, Serialize};

use crate::guide::{GuideProgress, Mistake};
use crate::store::KeyValueStore;

const RECORDS_KEY: &str = "practice.records";
const NAME_KEY: &str = "practice.name";
const AIDS_KEY: &str = "practice.aids";

/// How many finished tasks are kept (the oldest go first): a term's worth.
pub const MAX_RECORDS: usize = 200;
/// Stored times lie between 1970 and about 2200.
const LATEST_MS: f64 = 7_258_118_400_000.0;
/// The longest name or title kept, in characters.
const MAX_TEXT: usize = 100;

/// One finished task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticeRecord {
    /// The task's id.
    pub task: String,
    /// Its number and title, as the list showed them then.
    pub title: String,
    /// When it was started and finished (ms since the epoch).
    pub started_at: f64,
    pub finished_at: f64,
    /// Each step reached and how long it took (ms).
    pub steps: Vec<(u8, Option<f64>)>,
    /// The mistakes met, in order (each was then fixed: the task went on to its end).
    pub mistakes: Vec<Mistake>,
}

impl PracticeRecord {
    /// The record of a finished task; `None` while it is not finished.
    pub fn of(p: &GuideProgress) -> Option<Self> {
        let task = p.task();
        Some(Self {
            task: task.id.to_owned(),
            title: format!("{}. {}", task.number, task.title),
            started_at: p.entered.first()?.1,
            finished_at: p.finished_at?,
            steps: p.durations(),
            mistakes: p.mistakes.clone(),
        })
    }

    /// How long it took (ms).
    pub fn took(&self) -> f64 {
        (self.finished_at - self.started_at).max(0.0)
    }

    fn problem(&self) -> Option<&'static str> {
        let time = |t: f64| t.is_finite() && (0.0..=LATEST_MS).contains(&t);
        let durations = self.steps.iter().filter_map(|s| s.1);
        if !time(self.started_at) || !time(self.finished_at) || !durations.into_iter().all(time) {
            return Some("시각이 올바르지 않습니다");
        }
        let texts = [&self.task, &self.title]
            .into_iter()
            .chain(self.mistakes.iter().map(|m| &m.message));
        if texts.into_iter().any(|t| t.chars().count() > MAX_TEXT * 5) {
            return Some("글이 너무 깁니다");
        }
        None
    }
}

/// Reads a stored 연습 기록: at most [`MAX_RECORDS`] records with sensible times; the problem in
/// Korean otherwise.
pub fn parse_records(text: &str) -> Result<Vec<PracticeRecord>, String> {
    let records: Vec<PracticeRecord> =
        serde_json::from_str(text).map_err(|_| "연습 기록이 손상되었습니다".to_owned())?;
    if records.len() > MAX_RECORDS {
        return Err("연습 기록이 너무 많습니다".to_owned());
    }
    match records.iter().find_map(PracticeRecord::problem) {
        Some(problem) => Err(format!("연습 기록을 읽을 수 없습니다: {problem}")),
        None => Ok(records),
    }
}

/// The 연습 기록 of this browser, oldest first.
pub fn records() -> Result<Vec<PracticeRecord>, String> {
    match KeyValueStore::Local.load::<String>(RECORDS_KEY) {
        Ok(None) => Ok(Vec::new()),
        Ok(Some(text)) => parse_records(&text),
        Err(e) => Err(e.to_string()),
    }
}

/// Adds a finished task to the 연습 기록.
pub fn keep(record: PracticeRecord) -> Result<(), String> {
    let mut all = records()?;
    all.push(record);
    let extra = all.len().saturating_sub(MAX_RECORDS);
    all.drain(..extra);
    let text = serde_json::to_string(&all).map_err(|e| e.to_string())?;
    KeyValueStore::Local
        .save(RECORDS_KEY, &text)
        .map_err(|e| e.to_string())
}

/// Empties the 연습 기록.
pub fn clear_records() {
    KeyValueStore::Local.remove(RECORDS_KEY);
}

/// The name the learner put on the record.
pub fn name() -> String {
    KeyValueStore::Local
        .load::<String>(NAME_KEY)
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Keeps the learner's name (at most [`MAX_TEXT`] characters).
pub fn set_name(name: &str) -> Result<(), String> {
    let name: String = name.trim().chars().take(MAX_TEXT).collect();
    KeyValueStore::Local
        .save(NAME_KEY, &name)
        .map_err(|e| e.to_string())
}

/// 글자 크기: every screen's text at 100 %, 125 % or 150 %.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    /// Every size, smallest first.
    pub const ALL: [Self; 3] = [Self::Normal, Self::Large, Self::Larger];

    /// The root font size, in percent.
    pub fn percent(self) -> u16 {
        match self {
            Self::Normal => 100,
            Self::Large => 125,
            Self::Larger => 150,
        }
    }
}

/// The aids a learner chose, kept for this browser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aids {
    /// 음성 안내: off until turned on.
    pub voice: bool,
    /// 글자 크기.
    pub text: TextSize,
}

impl Aids {
    /// The aids as last chosen (the defaults when none were, or they do not read).
    pub fn load() -> Self {
        KeyValueStore::Local
            .load(AIDS_KEY)
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Keeps them; a refused write only means the choice lasts until the page closes.
    pub fn save(&self) {
        let _ = KeyValueStore::Local.save(AIDS_KEY, self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_task_becomes_a_record_that_reads_back() {
        let task = crate::guide::task("renew").unwrap();
        let mut p = GuideProgress::started_task(task, String::new());
        p.reach(1, 1_000.0);
        assert_eq!(PracticeRecord::of(&p), None, "not finished");
        p.reach(4, 61_000.0);
        assert!(p.mistake("인증서 암호가 올바르지 않습니다."));
        assert!(p.finish_if_done(true, "/", "", 91_000.0));
        let record = PracticeRecord::of(&p).unwrap();
        assert_eq!(record.title, "5. 인증서 갱신");
        assert_eq!(record.took(), 90_000.0);
        assert_eq!(record.steps, vec![(1, Some(60_000.0)), (4, Some(30_000.0))]);
        let text = serde_json::to_string(&vec![record.clone()]).unwrap();
        assert_eq!(parse_records(&text), Ok(vec![record.clone()]));

        let mut absurd = record.clone();
        absurd.finished_at = f64::MAX;
        let text = serde_json::to_string(&vec![absurd]).unwrap();
        assert!(parse_records(&text).unwrap_err().contains("시각"));
        let many = serde_json::to_string(&vec![record; MAX_RECORDS + 1]).unwrap();
        assert!(parse_records(&many).is_err());
        assert!(parse_records("{").is_err());
    }
}
