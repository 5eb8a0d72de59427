//! Who a certificate names and under which policy (DOMAIN §4).

use std::str::FromStr;

use x509_cert::name::Name;

use super::Result;
use super::profile::{Ca, ca_org};

/// The bank's code inside subject DNs.
pub const BANK_CODE: &str = "KMB";

/// The CN: the name, the English name in parentheses, then the bank code digits and a serial.
pub fn common_name(name: &str, english_name: &str, digits: &str) -> String {
    format!("{name}({english_name})0004{digits}")
}

/// The subject DN of a personal certificate, e.g.
/// `CN=홍길동(HONG GILDONG)0004…,OU=KMB,OU=personal4IB,O=yessign,C=kr`.
pub fn personal_subject(ca: Ca, common_name: &str) -> Result<Name> {
    personal_subject_of(ca, BANK_CODE, common_name)
}

/// The subject of a personal certificate issued through the institution `code`.
pub fn personal_subject_of(ca: Ca, code: &str, common_name: &str) -> Result<Name> {
    let (ou, country) = match ca {
        Ca::Yessign => ("personal4IB", "kr"),
        Ca::Kica => ("licensedCA", "KR"),
        Ca::SignKorea | Ca::CrossCert => ("AccreditedCA", "KR"),
    };
    Ok(Name::from_str(&format!(
        "CN={},OU={code},OU={ou},O={},C={country}",
        escaped(common_name),
        ca_org(ca)
    ))?)
}

/// The subject DN of a business certificate (기업 범용, 기업 은행/보험용, 전자세금용), e.g.
/// `CN=(주)모의상사()0004…,OU=KMB,OU=corporation4EC,O=KICA,C=kr`: the OU real corporate
/// certificates carry, whichever the CA.
pub fn business_subject(ca: Ca, common_name: &str) -> Result<Name> {
    Ok(Name::from_str(&format!(
        "CN={},OU={BANK_CODE},OU=corporation4EC,O={},C=kr",
        escaped(common_name),
        ca_org(ca)
    ))?)
}

/// RFC 4514 escapes for the characters a name could carry.
fn escaped(common_name: &str) -> String {
    common_name
        .replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace('+', "\\+")
}

/// The mock root CA's name.
pub fn root_name() -> Result<Name> {
    Ok(Name::from_str(
        "CN=모의 최상위 인증기관 (MOCK Root CA),O=모의은행 (MOCK),C=KR",
    )?)
}

/// A mock issuing CA's name.
pub fn issuing_name(ca: Ca) -> Result<Name> {
    Ok(Name::from_str(&format!(
        "CN={} (MOCK),O={},C=KR",
        ca.label(),
        ca_org(ca)
    ))?)
}
