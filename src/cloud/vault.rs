//! One customer's 금융인증서 as the cloud keeps it: the certificate, the private key made in
//! the cloud, the PIN's hash and the count of wrong PINs. The key has no way out: nothing here
//! returns it or prints it; the cloud signs with it after the PIN.

use std::fmt;

use der::Decode;
use serde::{Deserialize, Serialize};

use super::{PinCount, PinError, PinHash};
use crate::encoding::{base64, unbase64};
use crate::pki::{ca, key_file, signing};

/// Why the cloud will not keep or use a 금융인증서. `Display` is what the customer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum VaultError {
    /// The PIN did not open it (wrong, or locked).
    Pin(PinError),
    /// The key does not read, or is not the certificate's.
    Damaged,
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Pin(e) => e.fmt(f),
            Self::Damaged => f.write_str(
                "클라우드에 보관된 금융인증서가 손상되었습니다. 금융인증서를 재발급해 주세요.",
            ),
        }
    }
}

impl std::error::Error for VaultError {}

impl From<PinError> for VaultError {
    fn from(e: PinError) -> Self {
        Self::Pin(e)
    }
}

/// A signature the vault made.
#[derive(Debug, PartialEq, Eq)]
pub struct Signed {
    /// PKCS#1 v1.5 with SHA-256.
    pub signature: Vec<u8>,
    /// The key's R (empty for a key without one).
    pub random: Vec<u8>,
}

/// A 금융인증서 in the cloud. Every try of a PIN changes the record (its count): the cloud
/// keeps it again after each, right or wrong.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vault {
    /// Whose it is: the subscriber's key the carrier confirmed at 클라우드 연결.
    pub owner: String,
    /// The certificate, DER, base64 (public: the cloud's card shows it).
    pub certificate: String,
    /// The private key with its R, PKCS#8 DER ([`key_file::plain_der`]), base64.
    key: String,
    pin: PinHash,
    count: PinCount,
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vault")
            .field("owner", &self.owner)
            .field("locked", &self.locked())
            .finish_non_exhaustive()
    }
}

impl Vault {
    /// `owner`'s new 금융인증서: its certificate (DER), the key the cloud made for it (PKCS#8
    /// DER, with its R) and the PIN's hash. A key that is not the certificate's is refused.
    pub fn new(
        owner: &str,
        certificate: &[u8],
        key: &[u8],
        pin: PinHash,
    ) -> Result<Self, VaultError> {
        let private = key_file::open_plain_without_r(key).map_err(|_| VaultError::Damaged)?;
        let parsed =
            x509_cert::Certificate::from_der(certificate).map_err(|_| VaultError::Damaged)?;
        let public = ca::certificate_key(&parsed).map_err(|_| VaultError::Damaged)?;
        if !key_file::is_key_of(&private.key, &public) {
            return Err(VaultError::Damaged);
        }
        Ok(Self {
            owner: owner.to_owned(),
            certificate: base64(certificate),
            key: base64(key),
            pin,
            count: PinCount::default(),
        })
    }

    /// Wrong PINs in a row so far.
    pub fn wrong(&self) -> u8 {
        self.count.wrong()
    }

    /// Whether wrong PINs have locked it.
    pub fn locked(&self) -> bool {
        self.count.locked()
    }

    /// Signs `message` for the customer once `pin` opens the vault: the signature, and R for
    /// the bank to recompute the VID.
    pub fn sign(&mut self, pin: &str, message: &[u8]) -> Result<Signed, VaultError> {
        self.count.try_pin(&self.pin, pin)?;
        let key = unbase64(&self.key)
            .and_then(|der| key_file::open_plain_without_r(&der).ok())
            .ok_or(VaultError::Damaged)?;
        Ok(Signed {
            signature: signing::sign(&key.key, message),
            random: key.r.clone(),
        })
    }

    /// The PIN's hash, which a renewed 금융인증서 keeps.
    pub fn pin(&self) -> &PinHash {
        &self.pin
    }

    /// PIN 변경: the old PIN first (a wrong one counts); only once it is right does `new` hash
    /// the new PIN, so a wrong one costs one slow derivation, not two.
    pub fn change_pin(
        &mut self,
        old: &str,
        new: impl FnOnce() -> PinHash,
    ) -> Result<(), VaultError> {
        self.count.try_pin(&self.pin, old)?;
        self.pin = new();
        Ok(())
    }
}
