//! The mock carrier: who subscribes to which mobile number, as a real 본인확인 asks the carrier.
//! Its subscribers are the demo customers; the cloud learns of them only a subscriber's key
//! (a mock 연계정보, the same for the same person whatever bank they use), name and birth date.

use sha2::{Digest, Sha256};

use crate::bank::demo::CUSTOMERS;
use crate::encoding::hex;

/// A subscriber the carrier confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Subscriber {
    /// The mock 연계정보: SHA-256 of the resident registration number, hex.
    pub(super) key: String,
    /// The name, as on record.
    pub(super) name: String,
    /// The birth date, YYMMDD.
    pub(super) birth: String,
    /// The number's digits.
    pub(super) phone: String,
}

/// The digits of a number as typed (`010-1234-5678`, `01012345678`).
pub(super) fn digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// The subscriber of mobile number `phone` if they are called `name`.
pub(super) fn subscriber(name: &str, phone: &str) -> Option<Subscriber> {
    let (name, phone) = (name.trim(), digits(phone));
    if !phone.starts_with("01") {
        return None;
    }
    CUSTOMERS
        .iter()
        .find(|c| c.name == name && c.phones.iter().any(|p| digits(p) == phone))
        .map(|c| Subscriber {
            key: hex(&Sha256::digest(digits(c.rrn).as_bytes())),
            name: c.name.to_owned(),
            birth: c.rrn[..6].to_owned(),
            phone,
        })
}

/// `010-****-5678` for the digits of a mobile number.
pub(super) fn masked(phone: &str) -> String {
    let (head, tail) = (
        &phone[..3.min(phone.len())],
        &phone[phone.len().saturating_sub(4)..],
    );
    format!("{head}-****-{tail}")
}
