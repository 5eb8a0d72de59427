//! 모의 금융결제원 클라우드 as its clients see it, and its rules: [`api`] (its requests),
//! [`CloudClient`] (the page's way to it), the PIN of a 금융인증서 (what a new PIN may be, how
//! the cloud keeps it: a salted slow hash, never the PIN itself; the count of wrong PINs that
//! locks the certificate until it is reissued) and [`Vault`], one customer's 금융인증서 in the
//! cloud: the key that never leaves it, signing after the PIN. The server is
//! [`crate::mock_cloud`].
//!
//! A six-digit PIN has a million values, so no hash makes a leaked record safe on its own:
//! the count of wrong PINs is what protects the key, and the slow hash makes an offline search
//! of a leaked record cost a million PBKDF2 runs.

use std::fmt;

pub mod api;
mod vault;
use api::CloudError;
pub use vault::{Signed, Vault, VaultError};

use pbkdf2::pbkdf2_hmac;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::bank::BankClient;
use crate::bank::api::BankResult;
use crate::encoding::{hex, unhex};
use crate::pki::kdf_bounds::MAX_ROUNDS;

/// A client of the cloud.
pub trait CloudApi {
    /// Sends one request and waits for the cloud's answer.
    fn call<E: api::CloudEndpoint>(
        &self,
        request: E,
    ) -> impl Future<Output = BankResult<E::Response>>;
}

/// The cloud as the pages see it: the bank's transport, whose far side routes the cloud's
/// requests to the cloud.
#[derive(Clone)]
pub struct CloudClient(pub BankClient);

impl CloudApi for CloudClient {
    fn call<E: api::CloudEndpoint>(
        &self,
        request: E,
    ) -> impl Future<Output = BankResult<E::Response>> {
        self.0.call_wire(request)
    }
}

pub use crate::bank::api::PIN_ATTEMPTS;
/// PBKDF2-HMAC-SHA256 rounds of a new PIN's hash (the floor for stored secrets).
pub const PIN_ROUNDS: u32 = 600_000;
const SALT_LEN: usize = 16;
const HASH_LEN: usize = 32;

/// Why a new PIN is refused. `Display` is what the customer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PinRefused {
    /// Not six digits.
    NotSixDigits,
    /// One digit six times (111111).
    Repeated,
    /// Six digits in a row, up or down (123456, 987654).
    Sequence,
    /// The customer's birth date (YYMMDD).
    BirthDate,
}

impl fmt::Display for PinRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotSixDigits => "PIN은 숫자 6자리로 정해 주세요.",
            Self::Repeated => "같은 숫자를 여섯 번 쓴 PIN(예: 111111)은 쓸 수 없습니다.",
            Self::Sequence => "연속된 숫자(예: 123456, 987654)는 PIN으로 쓸 수 없습니다.",
            Self::BirthDate => "생년월일(YYMMDD)은 PIN으로 쓸 수 없습니다.",
        })
    }
}

impl std::error::Error for PinRefused {}

/// Whether `pin` may be a new PIN for a customer born on `birth` (YYMMDD).
pub fn check_new_pin(pin: &str, birth: &str) -> Result<(), PinRefused> {
    let digits: Vec<u8> = pin.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    if digits.len() != 6 || digits.iter().any(|d| *d > 9) {
        return Err(PinRefused::NotSixDigits);
    }
    let steps: Vec<i8> = digits.windows(2).map(|w| w[1] as i8 - w[0] as i8).collect();
    if steps.iter().all(|s| *s == 0) {
        return Err(PinRefused::Repeated);
    }
    if steps.iter().all(|s| *s == 1) || steps.iter().all(|s| *s == -1) {
        return Err(PinRefused::Sequence);
    }
    if pin == birth {
        return Err(PinRefused::BirthDate);
    }
    Ok(())
}

/// A PIN as the cloud keeps it: PBKDF2-HMAC-SHA256 of the PIN under a random salt. A kept
/// record is read through [`StoredPinHash`], which refuses absurd rounds and lengths.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredPinHash", into = "StoredPinHash")]
pub struct PinHash {
    salt: [u8; SALT_LEN],
    rounds: u32,
    hash: [u8; HASH_LEN],
}

/// [`PinHash`] as stored: hex strings and the rounds (within the KDF bounds of
/// [`crate::pki::kdf_bounds`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredPinHash {
    /// The salt, hex.
    pub salt: String,
    /// PBKDF2 rounds.
    pub rounds: u32,
    /// The derived 32 bytes, hex.
    pub hash: String,
}

/// A kept PIN hash that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DamagedPinHash;

impl fmt::Display for DamagedPinHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("클라우드에 보관된 PIN 정보가 손상되었습니다. 금융인증서를 재발급해 주세요.")
    }
}

impl TryFrom<StoredPinHash> for PinHash {
    type Error = DamagedPinHash;

    fn try_from(stored: StoredPinHash) -> Result<Self, Self::Error> {
        let bytes = |text: &str| unhex(text).ok_or(DamagedPinHash);
        let salt = bytes(&stored.salt)?
            .try_into()
            .map_err(|_| DamagedPinHash)?;
        let hash = bytes(&stored.hash)?
            .try_into()
            .map_err(|_| DamagedPinHash)?;
        if !(PIN_ROUNDS..=MAX_ROUNDS).contains(&stored.rounds) {
            return Err(DamagedPinHash);
        }
        Ok(Self {
            salt,
            rounds: stored.rounds,
            hash,
        })
    }
}

impl From<PinHash> for StoredPinHash {
    fn from(kept: PinHash) -> Self {
        Self {
            salt: hex(&kept.salt),
            rounds: kept.rounds,
            hash: hex(&kept.hash),
        }
    }
}

impl PinHash {
    /// `pin` kept under `salt` (16 random bytes the caller draws).
    pub fn new(pin: &str, salt: [u8; SALT_LEN]) -> Self {
        Self {
            salt,
            rounds: PIN_ROUNDS,
            hash: derive(pin, &salt, PIN_ROUNDS),
        }
    }

    /// The PBKDF2 rounds a check of this hash runs.
    pub fn rounds(&self) -> u32 {
        self.rounds
    }

    /// Whether `pin` is the kept PIN (compared in constant time).
    pub fn matches(&self, pin: &str) -> bool {
        let tried = derive(pin, &self.salt, self.rounds);
        tried
            .iter()
            .zip(self.hash.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

fn derive(pin: &str, salt: &[u8], rounds: u32) -> [u8; HASH_LEN] {
    let mut out = [0u8; HASH_LEN];
    pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, rounds, &mut out);
    out
}

/// Why a PIN did not open the certificate. `Display` is what the customer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PinError {
    /// Not the PIN; `wrong` in a row so far.
    Wrong {
        /// Wrong PINs in a row, this one included.
        wrong: u8,
    },
    /// [`PIN_ATTEMPTS`] wrong PINs in a row: locked until a reissue.
    Locked,
}

impl fmt::Display for PinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        CloudError::from(*self).fmt(f)
    }
}

impl From<PinError> for CloudError {
    fn from(e: PinError) -> Self {
        match e {
            PinError::Wrong { wrong } => Self::WrongPin { wrong },
            PinError::Locked => Self::PinLocked,
        }
    }
}

impl std::error::Error for PinError {}

/// The wrong PINs in a row of one 금융인증서, kept with its record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinCount {
    wrong: u8,
}

impl PinCount {
    /// Wrong PINs in a row so far.
    pub fn wrong(&self) -> u8 {
        self.wrong
    }

    /// Whether the certificate is locked.
    pub fn locked(&self) -> bool {
        self.wrong >= PIN_ATTEMPTS
    }

    /// Tries `pin` against `kept`: a right one clears the count; a wrong one adds to it. Once
    /// locked, even the right PIN is refused.
    pub fn try_pin(&mut self, kept: &PinHash, pin: &str) -> Result<(), PinError> {
        if self.locked() {
            return Err(PinError::Locked);
        }
        if kept.matches(pin) {
            self.wrong = 0;
            return Ok(());
        }
        self.wrong += 1;
        match self.locked() {
            true => Err(PinError::Locked),
            false => Err(PinError::Wrong { wrong: self.wrong }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIRTH: &str = "800101";

    #[test]
    fn a_new_pin_is_six_digits_and_none_of_the_guessable_ones() {
        for (pin, why) in [
            ("12345", PinRefused::NotSixDigits),
            ("1234567", PinRefused::NotSixDigits),
            ("12a456", PinRefused::NotSixDigits),
            ("１２３４５６", PinRefused::NotSixDigits),
            ("111111", PinRefused::Repeated),
            ("000000", PinRefused::Repeated),
            ("123456", PinRefused::Sequence),
            ("456789", PinRefused::Sequence),
            ("987654", PinRefused::Sequence),
            (BIRTH, PinRefused::BirthDate),
        ] {
            assert_eq!(check_new_pin(pin, BIRTH), Err(why), "{pin}");
        }
        for pin in ["135790", "801010", "090180", "112233"] {
            assert_eq!(check_new_pin(pin, BIRTH), Ok(()), "{pin}");
        }
        assert!(PinRefused::Sequence.to_string().contains("123456"));
    }

    #[test]
    fn the_cloud_keeps_a_salted_slow_hash_not_the_pin() {
        let kept = PinHash::new("135790", [7; SALT_LEN]);
        let record = serde_json::to_string(&kept).unwrap();
        assert!(!record.contains("135790"), "{record}");
        assert!(
            record.contains(&format!("\"rounds\":{PIN_ROUNDS}")),
            "{record}"
        );
        // Another salt, another hash for the same PIN.
        let hash = |salt| StoredPinHash::from(PinHash::new("135790", salt)).hash;
        assert_ne!(hash([7; SALT_LEN]), hash([8; SALT_LEN]));
        let read: PinHash = serde_json::from_str(&record).unwrap();
        assert!(read.matches("135790") && !read.matches("135791"));
    }

    #[test]
    fn a_kept_hash_asking_absurd_work_or_cut_short_is_refused() {
        let kept = StoredPinHash::from(PinHash::new("135790", [7; SALT_LEN]));
        let with = |rounds: u32, salt: &str, hash: &str| {
            let stored = StoredPinHash {
                rounds,
                salt: salt.to_owned(),
                hash: hash.to_owned(),
            };
            serde_json::from_value::<PinHash>(serde_json::to_value(stored).unwrap())
        };
        assert!(with(kept.rounds, &kept.salt, &kept.hash).is_ok());
        assert!(with(u32::MAX, &kept.salt, &kept.hash).is_err());
        assert!(with(1, &kept.salt, &kept.hash).is_err());
        assert!(with(kept.rounds, &kept.salt[2..], &kept.hash).is_err());
        assert!(with(kept.rounds, &kept.salt, "zz").is_err());
    }

    #[test]
    fn five_wrong_pins_lock_until_reissue_and_the_count_outlives_the_cloud() {
        let kept = PinHash::new("135790", [3; SALT_LEN]);
        let mut count = PinCount::default();
        assert_eq!(
            count.try_pin(&kept, "000001"),
            Err(PinError::Wrong { wrong: 1 })
        );
        // The right PIN clears the count.
        assert_eq!(count.try_pin(&kept, "135790"), Ok(()));
        for wrong in 1..PIN_ATTEMPTS {
            assert_eq!(
                count.try_pin(&kept, "000001"),
                Err(PinError::Wrong { wrong })
            );
        }
        // A new cloud over the same records: the count is part of them.
        let mut count: PinCount =
            serde_json::from_str(&serde_json::to_string(&count).unwrap()).unwrap();
        assert_eq!(count.try_pin(&kept, "000001"), Err(PinError::Locked));
        assert!(count.locked());
        assert_eq!(count.try_pin(&kept, "135790"), Err(PinError::Locked));
        assert!(PinError::Locked.to_string().contains("재발급"));
    }
}
