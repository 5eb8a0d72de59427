//! Bounds on the password-based key derivation of files from outside (key files, `.pfx`),
//! checked before anything is derived: a damaged or hostile file must not freeze the tab with
//! billions of rounds, nor reach a KDF that panics on absurd parameters (scrypt with N = 0).
//!
//! The check walks the DER tree (into OCTET STRINGs that hold DER, as PKCS#12 nests its parts)
//! and judges every password-based algorithm identifier it meets, so one walk covers PBES2,
//! the classic seedCBCWithSHA1, PKCS#5 v1.5 and PKCS#12 PBE schemes wherever they sit.

use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode, Reader, SliceReader, Tag, Tagged};

use super::oids::{PBES2, PBKDF2, SCRYPT, SEED_CBC_WITH_SHA1};
use super::{PkiError, Result};

/// The most PBKDF2 (and PKCS#12 / PKCS#5 v1.5) rounds a file may ask for.
pub const MAX_ROUNDS: u32 = 10_000_000;
/// The most PBKDF1 rounds a classic seedCBCWithSHA1 key file may ask for.
pub const MAX_CLASSIC_ROUNDS: u32 = 100_000;

/// pkcs-12PbeIds: pbeWithSHAAnd128BitRC4 … pbewithSHAAnd40BitRC2-CBC.
const PKCS12_PBE: &str = "1.2.840.113549.1.12.1.";
/// PKCS#5 v1.5 PBES1 schemes (pbeWithMD2AndDES-CBC … pbeWithSHA1AndRC2-CBC).
const PBES1: [&str; 6] = [
    "1.2.840.113549.1.5.1",
    "1.2.840.113549.1.5.3",
    "1.2.840.113549.1.5.4",
    "1.2.840.113549.1.5.6",
    "1.2.840.113549.1.5.10",
    "1.2.840.113549.1.5.11",
];
/// How deep the walk goes; real files nest far less.
const MAX_DEPTH: usize = 24;

fn unsafe_kdf(what: impl Into<String>) -> PkiError {
    PkiError::UnsafeKdf(what.into())
}

/// Refuses `der` when any password-based scheme in it uses scrypt, an unknown KDF, or a round
/// count outside the bounds. Parts that do not parse are left to the real parser.
pub fn check(der: &[u8]) -> Result<()> {
    walk(der, 0)
}

/// [`check`] for a PKCS#12 file, which must also carry a MAC (integrity under the password)
/// with a round count inside the bounds.
pub fn check_pfx(der: &[u8]) -> Result<()> {
    let pfx = AnyRef::from_der(der).map_err(PkiError::Der)?;
    let parts = children(pfx)?;
    let mac = parts
        .get(2)
        .ok_or_else(|| unsafe_kdf("무결성 확인값(MAC)이 없는 PKCS#12 파일"))?;
    let mac_fields = children(*mac)?;
    // MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }
    if let Some(rounds) = mac_fields.get(2) {
        rounds_within(*rounds, MAX_ROUNDS, "MAC")?;
    }
    check(der)
}

/// The elements of a constructed value.
fn children(any: AnyRef<'_>) -> Result<Vec<AnyRef<'_>>> {
    if !any.tag().is_constructed() {
        return Err(PkiError::Invalid("not a constructed DER value".into()));
    }
    let mut reader = SliceReader::new(any.value()).map_err(PkiError::Der)?;
    let mut out = Vec::new();
    while !reader.is_finished() {
        out.push(reader.decode::<AnyRef<'_>>().map_err(PkiError::Der)?);
    }
    Ok(out)
}

fn walk(der: &[u8], depth: usize) -> Result<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let Ok(mut reader) = SliceReader::new(der) else {
        return Ok(());
    };
    while !reader.is_finished() {
        let Ok(any) = reader.decode::<AnyRef<'_>>() else {
            return Ok(());
        };
        visit(any, depth)?;
    }
    Ok(())
}

fn visit(any: AnyRef<'_>, depth: usize) -> Result<()> {
    if any.tag() == Tag::OctetString {
        // PKCS#12 wraps its parts in OCTET STRINGs; plain bytes simply fail to parse.
        return walk(any.value(), depth + 1);
    }
    if any.tag() == Tag::ObjectIdentifier && any.decode_as::<ObjectIdentifier>() == Ok(SCRYPT) {
        return Err(unsafe_kdf("scrypt"));
    }
    if !any.tag().is_constructed() {
        return Ok(());
    }
    let Ok(parts) = children(any) else {
        return Ok(());
    };
    if any.tag() == Tag::Sequence
        && let Some(oid) = parts
            .first()
            .and_then(|first| first.decode_as::<ObjectIdentifier>().ok())
    {
        judge(oid, parts.get(1).copied())?;
    }
    parts
        .into_iter()
        .try_for_each(|part| visit(part, depth + 1))
}

/// Judges one algorithm identifier's parameters.
fn judge(oid: ObjectIdentifier, parameters: Option<AnyRef<'_>>) -> Result<()> {
    let text = oid.to_string();
    let salt_and_rounds = |max: u32, name: &str| -> Result<()> {
        let params = parameters.ok_or_else(|| unsafe_kdf(format!("{name} 매개변수 없음")))?;
        let fields = children(params).map_err(|_| unsafe_kdf(format!("{name} 매개변수")))?;
        let rounds = fields
            .get(1)
            .ok_or_else(|| unsafe_kdf(format!("{name} 반복 횟수 없음")))?;
        rounds_within(*rounds, max, name)
    };
    if oid == SEED_CBC_WITH_SHA1 {
        salt_and_rounds(MAX_CLASSIC_ROUNDS, "seedCBCWithSHA1")
    } else if text.starts_with(PKCS12_PBE) || PBES1.contains(&text.as_str()) {
        salt_and_rounds(MAX_ROUNDS, "PBE")
    } else if oid == PBES2 {
        let params = parameters.ok_or_else(|| unsafe_kdf("PBES2 매개변수 없음"))?;
        let fields = children(params).map_err(|_| unsafe_kdf("PBES2 매개변수"))?;
        let kdf = fields
            .first()
            .ok_or_else(|| unsafe_kdf("PBES2 키 유도 방식 없음"))?;
        let kdf_fields = children(*kdf).map_err(|_| unsafe_kdf("PBES2 키 유도 방식"))?;
        let kdf_oid = kdf_fields
            .first()
            .and_then(|f| f.decode_as::<ObjectIdentifier>().ok());
        match kdf_oid {
            Some(PBKDF2) => {
                let params = kdf_fields
                    .get(1)
                    .ok_or_else(|| unsafe_kdf("PBKDF2 매개변수 없음"))?;
                let pbkdf2 = children(*params).map_err(|_| unsafe_kdf("PBKDF2 매개변수"))?;
                let rounds = pbkdf2
                    .get(1)
                    .ok_or_else(|| unsafe_kdf("PBKDF2 반복 횟수 없음"))?;
                rounds_within(*rounds, MAX_ROUNDS, "PBKDF2")
            }
            Some(SCRYPT) => Err(unsafe_kdf("scrypt")),
            Some(other) => Err(unsafe_kdf(format!("알 수 없는 키 유도 방식 {other}"))),
            None => Err(unsafe_kdf("PBES2 키 유도 방식")),
        }
    } else {
        Ok(())
    }
}

fn rounds_within(rounds: AnyRef<'_>, max: u32, name: &str) -> Result<()> {
    match rounds.decode_as::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(()),
        Ok(n) => Err(unsafe_kdf(format!("{name} 반복 {n}회"))),
        Err(_) => Err(unsafe_kdf(format!("{name} 반복 횟수"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_bytes_and_garbage_pass_to_the_real_parser() {
        assert!(check(&[]).is_ok());
        assert!(check(&[0x30, 0x80, 0x00]).is_ok());
        assert!(check(b"not der at all").is_ok());
    }
}
