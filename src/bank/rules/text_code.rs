//! A code texted to a customer's phone (본인확인 by SMS, at the bank and at the cloud): six
//! random digits, a few tries, then a new code.

use serde::{Deserialize, Serialize};

use crate::bank::api::TextCodeError;

/// How many wrong tries a texted code takes before a new one is needed.
pub const TEXT_CODE_TRIES: u8 = 5;

/// A code sent and the wrong tries at it so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextedCode {
    code: String,
    wrong: u8,
}

impl TextedCode {
    /// A new code of six random digits.
    pub fn new() -> Result<Self, String> {
        let [a, b, c] = crate::pki::random_bytes::<3>()?;
        Ok(Self {
            code: format!("{:06}", u32::from_be_bytes([0, a, b, c]) % 1_000_000),
            wrong: 0,
        })
    }

    /// The digits, for the text.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Checks what the customer typed. [`TextCodeError::Expired`] once the tries are used up:
    /// the holder then drops the code.
    pub fn check(&mut self, typed: &str) -> Result<(), TextCodeError> {
        if self.wrong >= TEXT_CODE_TRIES {
            return Err(TextCodeError::Expired);
        }
        if typed.trim() == self.code {
            return Ok(());
        }
        self.wrong += 1;
        match TEXT_CODE_TRIES - self.wrong {
            0 => Err(TextCodeError::Expired),
            remaining => Err(TextCodeError::Wrong { remaining }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_takes_five_wrong_tries_then_none() {
        let mut texted = TextedCode::new().unwrap();
        assert_eq!(texted.code().len(), 6);
        let right = texted.code().to_owned();
        let wrong = if right == "000000" {
            "000001"
        } else {
            "000000"
        };
        assert_eq!(
            texted.check(wrong),
            Err(TextCodeError::Wrong { remaining: 4 })
        );
        assert_eq!(texted.check(&format!(" {right} ")), Ok(()));
        for _ in 0..3 {
            assert!(matches!(
                texted.check(wrong),
                Err(TextCodeError::Wrong { .. })
            ));
        }
        assert_eq!(texted.check(wrong), Err(TextCodeError::Expired));
        assert_eq!(texted.check(&right), Err(TextCodeError::Expired));
    }
}
