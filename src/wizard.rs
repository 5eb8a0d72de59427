//! The issuance wizard's state machine (manual STEP 08–13): seven steps taken in order. The bank
//! keeps one per issuance session and is the authority on it; the UI routes with the copy the
//! bank reports, so a deep link or a back-button trick lands on the first unfinished step.

use serde::{Deserialize, Serialize};

/// A step of the wizard, numbered as on the indicator `1 2 3 4 5 6 7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Step {
    /// 1. 약관동의 및 사용자 본인확인
    Terms = 1,
    /// 2. 발급대상 인증서 확인
    Target = 2,
    /// 3. 사용자 추가본인확인
    Verify = 3,
    /// 4. 수수료 출금예약내역 확인
    Fee = 4,
    /// 5. 고객 세부정보 입력
    Details = 5,
    /// 6. 인증서암호 및 저장위치 확인
    Password = 6,
    /// 7. 발급 완료
    Done = 7,
}

impl Step {
    /// Every step in order.
    pub const ALL: [Step; 7] = [
        Step::Terms,
        Step::Target,
        Step::Verify,
        Step::Fee,
        Step::Details,
        Step::Password,
        Step::Done,
    ];

    /// The step numbered `n` (1 to 7).
    pub fn from_number(n: u8) -> Option<Step> {
        Self::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// The number on the indicator.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The title, in the manual's words.
    pub fn title(self) -> &'static str {
        match self {
            Step::Terms => "약관동의 및 사용자 본인확인",
            Step::Target => "발급대상 인증서 확인",
            Step::Verify => "사용자 추가본인확인",
            Step::Fee => "수수료 출금예약내역 확인",
            Step::Details => "고객 세부정보 입력",
            Step::Password => "인증서암호 및 저장위치 확인",
            Step::Done => "발급 완료",
        }
    }
}

/// Why a step cannot be taken now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}단계({})를 먼저 완료해 주세요.", .missing.number(), .missing.title())]
pub struct OutOfOrder {
    /// The first step still to do.
    pub missing: Step,
}

/// How far one issuance has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredProgress")]
pub struct Progress {
    completed: u8,
}

/// A [`Progress`] as stored or sent, checked before use: at most the seven steps.
#[derive(Deserialize)]
struct StoredProgress {
    completed: u8,
}

impl TryFrom<StoredProgress> for Progress {
    type Error = String;

    fn try_from(stored: StoredProgress) -> Result<Self, String> {
        if stored.completed <= Step::Done.number() {
            Ok(Self {
                completed: stored.completed,
            })
        } else {
            Err(format!("no wizard step {}", stored.completed))
        }
    }
}

impl Progress {
    /// The first step not yet completed (the one to show).
    pub fn current(self) -> Step {
        Step::from_number(self.completed.saturating_add(1)).unwrap_or(Step::Done)
    }

    /// Whether `step` is completed.
    pub fn is_done(self, step: Step) -> bool {
        step.number() <= self.completed
    }

    /// The step to show when `requested` is asked for: it, if every step before it is done;
    /// otherwise the first unfinished one. Nothing asked for means the first unfinished one.
    pub fn entry(self, requested: Option<Step>) -> Step {
        match requested {
            Some(step) if step <= self.current() => step,
            _ => self.current(),
        }
    }

    /// Checks that `step` may be worked on now: every step before it is done.
    pub fn require(self, step: Step) -> Result<(), OutOfOrder> {
        if step <= self.current() {
            Ok(())
        } else {
            Err(OutOfOrder {
                missing: self.current(),
            })
        }
    }

    /// Marks `step` completed and returns the next one. Completing an earlier step again (after
    /// going back) undoes the later ones, since what they confirmed may no longer hold.
    pub fn complete(&mut self, step: Step) -> Result<Step, OutOfOrder> {
        self.require(step)?;
        self.completed = step.number();
        Ok(self.current())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_in_order() {
        let mut p = Progress::default();
        assert_eq!(p.current(), Step::Terms);
        for (step, next) in Step::ALL.iter().zip(Step::ALL.iter().skip(1)) {
            assert_eq!(p.complete(*step), Ok(*next));
        }
        assert_eq!(p.current(), Step::Done);
    }

    #[test]
    fn a_step_cannot_be_skipped() {
        let mut p = Progress::default();
        p.complete(Step::Terms).unwrap();
        assert_eq!(
            p.complete(Step::Verify),
            Err(OutOfOrder {
                missing: Step::Target
            })
        );
        assert_eq!(p.current(), Step::Target, "nothing changed");
    }

    #[test]
    fn deep_link_lands_on_the_first_unfinished_step() {
        let mut p = Progress::default();
        p.complete(Step::Terms).unwrap();
        assert_eq!(p.entry(Some(Step::Details)), Step::Target);
        assert_eq!(p.entry(None), Step::Target);
        assert_eq!(
            p.entry(Some(Step::Terms)),
            Step::Terms,
            "going back is allowed"
        );
    }

    #[test]
    fn redoing_an_earlier_step_undoes_the_later_ones() {
        let mut p = Progress::default();
        for step in [Step::Terms, Step::Target, Step::Verify] {
            p.complete(step).unwrap();
        }
        assert_eq!(p.complete(Step::Target), Ok(Step::Verify));
        assert!(!p.is_done(Step::Verify));
        assert_eq!(p.entry(Some(Step::Fee)), Step::Verify);
    }

    #[test]
    fn cancel_is_a_fresh_start_and_resume_survives_serialisation() {
        let mut p = Progress::default();
        p.complete(Step::Terms).unwrap();
        p.complete(Step::Target).unwrap();
        let saved = serde_json::to_string(&p).unwrap();
        let resumed: Progress = serde_json::from_str(&saved).unwrap();
        assert_eq!(resumed.current(), Step::Verify);
        assert_eq!(Progress::default().current(), Step::Terms);
    }

    #[test]
    fn numbers_and_titles() {
        assert_eq!(Step::from_number(0), None);
        assert_eq!(Step::from_number(8), None);
        assert_eq!(Step::from_number(3), Some(Step::Verify));
        assert_eq!(Step::Fee.title(), "수수료 출금예약내역 확인");
        let error = OutOfOrder {
            missing: Step::Target,
        };
        assert_eq!(
            error.to_string(),
            "2단계(발급대상 인증서 확인)를 먼저 완료해 주세요."
        );
    }
}
