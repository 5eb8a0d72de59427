//! The VID of DOMAIN §4: SHA-256(SHA-256(DER(SEQUENCE { idn PrintableString, randomNum BIT STRING }))),
//! which lets the bank check that a certificate is a customer's without the resident
//! registration number being in it.

use der::Encode;
use der::asn1::{BitString, PrintableString};
use sha2::{Digest, Sha256};

use super::Result;

#[derive(der::Sequence)]
struct IdentifyData {
    idn: PrintableString,
    random_num: BitString,
}

/// The VID for resident registration number `idn` (13 digits, no hyphen) and random value `r`.
pub fn vid(idn: &str, r: &[u8]) -> Result<[u8; 32]> {
    let digits: String = idn.chars().filter(char::is_ascii_digit).collect();
    let data = IdentifyData {
        idn: PrintableString::new(&digits)?,
        random_num: BitString::from_bytes(r)?,
    };
    let der = data.to_der()?;
    Ok(Sha256::digest(Sha256::digest(&der)).into())
}
