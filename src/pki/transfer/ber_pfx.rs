//! PKCS#12 files written in BER (NSS): read in DER, their MAC checked over the bytes as they
//! were written, which is what the MAC covers.

use der::asn1::{ObjectIdentifier, OctetString};
use der::{Decode, Encode};
use hmac::{KeyInit, Mac};
use pkcs12::kdf::{Pkcs12KeyType, derive_key_utf8};
use spki::AlgorithmIdentifierOwned;

use super::super::kdf_bounds::MAX_ROUNDS;
use super::super::oids::{SHA1, SHA256};
use super::super::{PkiError, Result, ber};

#[derive(der::Sequence)]
struct ContentInfo {
    content_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    content: Option<OctetString>,
}

#[derive(der::Sequence)]
struct DigestInfo {
    algorithm: AlgorithmIdentifierOwned,
    digest: OctetString,
}

#[derive(der::Sequence)]
struct MacData {
    mac: DigestInfo,
    salt: OctetString,
    iterations: Option<u32>,
}

#[derive(der::Sequence)]
struct Pfx {
    version: u8,
    auth_safe: ContentInfo,
    mac_data: Option<MacData>,
}

/// The file as `p12-keystore` reads it, once its key derivations are within the bounds: DER as
/// it is; a BER file in DER, its MAC checked here (a wrong password is
/// [`PkiError::WrongPassword`]) and then left out, since it covers the bytes as written, not
/// their DER.
pub(super) fn as_der(pfx: &[u8], password: &str) -> Result<Vec<u8>> {
    let deep = ber::to_der(pfx, true)?;
    super::super::kdf_bounds::check_pfx(&deep)?;
    if deep == pfx {
        return Ok(deep);
    }
    let written = Pfx::from_der(&ber::to_der(pfx, false)?)?;
    let data = written
        .auth_safe
        .content
        .ok_or_else(|| PkiError::Invalid("PKCS#12 without content".into()))?;
    let mac = written
        .mac_data
        .ok_or_else(|| PkiError::UnsafeKdf("무결성 확인값(MAC)이 없는 PKCS#12 파일".into()))?;
    let rounds = mac.iterations.unwrap_or(1);
    if !(1..=MAX_ROUNDS).contains(&rounds) {
        return Err(PkiError::UnsafeKdf(format!("MAC 반복 {rounds}회")));
    }
    let rounds = i32::try_from(rounds).map_err(|_| PkiError::Invalid("MAC rounds".into()))?;
    let (salt, expected) = (mac.salt.as_bytes(), mac.mac.digest.as_bytes());
    // HMAC under the PKCS#12 MAC key (ID 3) of the password, with the MAC's own digest.
    macro_rules! matches_with {
        ($digest:ty, $len:expr) => {{
            let key = derive_key_utf8::<$digest>(password, salt, Pkcs12KeyType::Mac, rounds, $len)?;
            let mut hmac = hmac::Hmac::<$digest>::new_from_slice(&key)
                .map_err(|_| PkiError::Invalid("MAC key".into()))?;
            hmac.update(data.as_bytes());
            hmac.verify_slice(expected).is_ok()
        }};
    }
    let right = match mac.mac.algorithm.oid {
        SHA1 => matches_with!(sha1::Sha1, 20),
        SHA256 => matches_with!(sha2::Sha256, 32),
        other => return Err(PkiError::Invalid(format!("PKCS#12 MAC {other}"))),
    };
    if !right {
        return Err(PkiError::WrongPassword);
    }
    let mut normalised = Pfx::from_der(&deep)?;
    normalised.mac_data = None;
    Ok(normalised.to_der()?)
}
