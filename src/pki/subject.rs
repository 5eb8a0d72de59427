//! Who a certificate names and under which policy (DOMAIN §4).

use std::str::FromStr;

use der::oid::ObjectIdentifier;
use x509_cert::name::Name;

use super::Result;
use crate::bank::api::{Ca, CertKind};

/// The bank's code inside subject DNs.
pub const BANK_CODE: &str = "KMB";

/// The CA's name in DNs and its NPKI folder.
pub fn ca_org(ca: Ca) -> &'static str {
    match ca {
        Ca::Yessign => "yessign",
        Ca::Kica => "KICA",
        Ca::SignKorea => "SignKorea",
        Ca::CrossCert => "CrossCert",
    }
}

/// The certificatePolicies OID for a CA and kind.
pub fn policy_oid(ca: Ca, kind: CertKind) -> ObjectIdentifier {
    let oid = match (ca, kind) {
        (Ca::Yessign, CertKind::General) => "1.2.410.200005.1.1.1",
        (Ca::Yessign, CertKind::BankOnly) => "1.2.410.200005.1.1.4",
        (Ca::Kica, CertKind::General) => "1.2.410.200004.5.2.1.2",
        (Ca::Kica, CertKind::BankOnly) => "1.2.410.200004.5.2.1.7.1",
        (Ca::SignKorea, CertKind::General) => "1.2.410.200004.5.1.1.5",
        (Ca::SignKorea, CertKind::BankOnly) => "1.2.410.200004.5.1.1.9",
        (Ca::CrossCert, CertKind::General) => "1.2.410.200004.5.4.1.1",
        (Ca::CrossCert, CertKind::BankOnly) => "1.2.410.200004.5.4.1.101",
    };
    ObjectIdentifier::new_unwrap(oid)
}

/// What a policy OID means, in Korean.
pub fn policy_meaning(oid: &ObjectIdentifier) -> Option<&'static str> {
    [Ca::Yessign, Ca::Kica, Ca::SignKorea, Ca::CrossCert]
        .iter()
        .flat_map(|ca| [(*ca, CertKind::General), (*ca, CertKind::BankOnly)])
        .find(|(ca, kind)| policy_oid(*ca, *kind) == *oid)
        .map(|(_, kind)| match kind {
            CertKind::General => "개인 범용 인증서",
            CertKind::BankOnly => "개인 은행/신용카드/보험용 인증서",
        })
}

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
    // RFC 4514 escapes for the characters a name could carry.
    let cn = common_name
        .replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace('+', "\\+");
    Ok(Name::from_str(&format!(
        "CN={cn},OU={code},OU={ou},O={},C={country}",
        ca_org(ca)
    ))?)
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
