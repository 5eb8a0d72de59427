//! 스마트폰인증서 복사's relay: the receiving device (the phone, or the PC) opens a slot under
//! the first four digits of the 인증번호 it shows, with a PBKDF2 verifier of the whole number;
//! the sender, having typed the number, sends the sealed package with its own verifier of what
//! it typed; the receiver fetches it once. Three wrong numbers end the slot; it is gone after
//! [`RELAY_SECS`] by the bank's clock. The relay never sees the number or the package in the
//! clear (see [`crate::pki::copy`]). No login is needed, as with a bank's copy service.

use serde::{Deserialize, Serialize};

use super::Endpoint;

/// How long a 인증번호 stays valid.
pub const RELAY_SECS: u32 = 180;
/// How many wrong numbers end a slot.
pub const RELAY_ATTEMPTS: u8 = 3;

request! {
    /// The receiver opens a slot.
    RelayOpen => RelaySlot, "relay/open" {
        /// The 인증번호's first four digits.
        slot: String,
        /// The verifier's salt, base64.
        verifier_salt: String,
        /// PBKDF2 of the whole number, base64.
        verifier: String,
    }
}

/// An open slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelaySlot {
    /// Seconds until it is gone.
    pub expires_in_secs: u32,
}

request! {
    /// The sender asks for the salt of the slot of the number it typed.
    RelaySalt => String, "relay/salt" {
        /// The typed number's first four digits.
        slot: String,
    }
}

request! {
    /// The sender sends the sealed package with its verifier of the typed number.
    RelaySend => (), "relay/send" {
        /// The typed number's first four digits.
        slot: String,
        /// PBKDF2 of the typed number, base64.
        verifier: String,
        /// The sealed package, base64.
        package: String,
    }
}

request! {
    /// The receiver fetches the package, once: `None` while nothing has been sent.
    RelayFetch => Option<String>, "relay/fetch" {
        /// The slot.
        slot: String,
        /// The receiver's verifier.
        verifier: String,
    }
}
