//! The bank's lockout: each factor refuses after too many wrong answers in a row, and a right
//! answer starts the count again. One rule for all of them, with the limits of [`crate::bank::api`].

use crate::bank::api::*;

/// A factor that locks.
#[derive(Clone, Copy, Debug)]
pub(super) enum Attempts {
    /// The ID's login password.
    LoginPassword,
    /// Step 1's resident registration number.
    Rrn,
    /// Step 1's 사업자등록번호 (a business wizard; it shares the count of [`Attempts::Rrn`]).
    BusinessNumber,
    /// The withdrawal account's password.
    AccountPassword,
    /// The security card.
    SecurityCard,
    /// The OTP token.
    Otp,
}

impl Attempts {
    /// How many wrong answers in a row lock the factor.
    pub(super) fn limit(self) -> u8 {
        match self {
            Self::LoginPassword => LOGIN_ATTEMPTS,
            Self::Rrn | Self::BusinessNumber => RRN_ATTEMPTS,
            Self::AccountPassword => ACCOUNT_PASSWORD_ATTEMPTS,
            Self::SecurityCard => CARD_ATTEMPTS,
            Self::Otp => OTP_ATTEMPTS,
        }
    }

    /// Tries left after `failures` wrong answers.
    pub(super) fn left(self, failures: u8) -> u8 {
        self.limit().saturating_sub(failures)
    }

    /// Whether `failures` wrong answers have locked the factor.
    pub(super) fn locked_at(self, failures: u8) -> bool {
        failures >= self.limit()
    }

    /// Records an answer on the factor's count of `failures`: a locked factor refuses even a
    /// right answer; a right one clears the count; a wrong one says how many tries are left.
    pub(super) fn record(self, failures: &mut u8, right: bool) -> BankResult<()> {
        if self.locked_at(*failures) {
            return Err(self.locked());
        }
        if right {
            *failures = 0;
            return Ok(());
        }
        *failures += 1;
        Err(match self.left(*failures) {
            0 => self.locked(),
            remaining => self.wrong(remaining),
        })
    }

    fn wrong(self, remaining: u8) -> BankError {
        match self {
            Self::LoginPassword => BankError::WrongPassword { remaining },
            Self::Rrn => BankError::RrnMismatch { remaining },
            Self::BusinessNumber => BankError::BusinessNumberMismatch { remaining },
            Self::AccountPassword => BankError::WrongAccountPassword { remaining },
            Self::SecurityCard => BankError::WrongSecurityCard { remaining },
            Self::Otp => BankError::WrongOtp { remaining },
        }
    }

    fn locked(self) -> BankError {
        match self {
            Self::LoginPassword => BankError::UserLocked,
            Self::Rrn => BankError::RrnLocked,
            Self::BusinessNumber => BankError::BusinessNumberLocked,
            Self::AccountPassword => BankError::AccountPasswordLocked,
            Self::SecurityCard => BankError::SecurityCardLocked,
            Self::Otp => BankError::OtpLocked,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Attempts;
    use crate::bank::api::BankError;

    #[test]
    fn the_last_wrong_answer_locks_and_a_locked_factor_refuses_the_right_one() {
        let mut failures = 0;
        for remaining in (1..Attempts::Otp.limit()).rev() {
            assert_eq!(
                Attempts::Otp.record(&mut failures, false),
                Err(BankError::WrongOtp { remaining })
            );
        }
        assert_eq!(
            Attempts::Otp.record(&mut failures, false),
            Err(BankError::OtpLocked)
        );
        assert_eq!(
            Attempts::Otp.record(&mut failures, true),
            Err(BankError::OtpLocked)
        );
    }

    #[test]
    fn a_right_answer_starts_the_count_again() {
        let mut failures = 0;
        assert!(Attempts::Rrn.record(&mut failures, false).is_err());
        assert_eq!(Attempts::Rrn.left(failures), 4);
        assert_eq!(Attempts::Rrn.record(&mut failures, true), Ok(()));
        assert_eq!(failures, 0);
    }

    #[test]
    fn lock_messages_name_the_limits() {
        assert!(BankError::UserLocked.to_string().contains("5회"));
        assert!(BankError::OtpLocked.to_string().contains("10회"));
        assert!(BankError::SecurityCardLocked.to_string().contains("5회"));
    }
}
