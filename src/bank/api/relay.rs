//! 스마트폰인증서 복사's relay. The receiving device, logged in, opens a slot (its ID is the
//! relay's own, not part of the 인증번호) with the salt and verifier of the 12-digit number it
//! shows and a nonce; a customer has one open slot at a time. The sender proves a certificate
//! of that customer (a signed challenge, as at login) to learn the slot, then sends the sealed
//! package with its verifier of what it typed; the receiver fetches it once, with its session
//! and its verifier. Three wrong verifiers (sent or fetched) end the slot; it is gone after
//! [`RELAY_SECS`] by the bank's own clock. The relay never sees the number or the package in
//! the clear (see [`crate::pki::phone_copy`]).

use serde::{Deserialize, Serialize};

use super::{CertificateProof, Endpoint, SessionToken};

/// How long a 인증번호 stays valid.
pub const RELAY_SECS: u32 = 180;
/// How many wrong numbers end a slot.
pub const RELAY_ATTEMPTS: u8 = 3;
/// The purpose a sender's certificate signs to find the slot.
pub const RELAY: &str = "phone-copy";

request! {
    /// The receiver, logged in, opens a slot; an earlier open slot of the same customer ends.
    RelayOpen => RelaySlot, "relay/open" {
        /// The receiving device's login session.
        token: SessionToken,
        /// The verifier's salt, base64.
        verifier_salt: String,
        /// The number's verifier under that salt (scrypt), base64.
        verifier: String,
        /// A random nonce of the receiver's, base64: the sender signs it with the package, so
        /// a package is good for this slot only.
        nonce: String,
    }
}

/// An open slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelaySlot {
    /// The slot's ID (random, the relay's own).
    pub slot: String,
    /// Seconds until it is gone.
    pub expires_in_secs: u32,
}

/// What a sender needs of a slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayTarget {
    /// The slot's ID.
    pub slot: String,
    /// The verifier's salt, base64.
    pub verifier_salt: String,
    /// The receiver's nonce, base64.
    pub nonce: String,
}

request! {
    /// The sender proves a certificate (purpose [`RELAY`]) and learns its customer's open slot.
    RelayFind => RelayTarget, "relay/find" {
        /// The certificate and its signature over a fresh challenge.
        proof: CertificateProof,
    }
}

request! {
    /// The sender sends the sealed package with its verifier of the typed number.
    RelaySend => (), "relay/send" {
        /// The slot.
        slot: String,
        /// The typed number's verifier, base64.
        verifier: String,
        /// The sealed package, base64.
        package: String,
    }
}

request! {
    /// The receiver fetches the package, once: `None` while nothing has been sent. A wrong
    /// verifier counts as a wrong number, as at `relay/send`.
    RelayFetch => Option<String>, "relay/fetch" {
        /// The receiving device's login session (the slot's customer's).
        token: SessionToken,
        /// The slot.
        slot: String,
        /// The receiver's verifier.
        verifier: String,
    }
}
