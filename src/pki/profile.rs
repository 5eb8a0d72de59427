//! The certificates this center issues (DOMAIN §4): the certification authorities, the kinds of
//! certificate, their names on screen, their fees and their policy OIDs. Everything above `pki`
//! (the bank, the pages) takes these from here.

use der::oid::ObjectIdentifier;
use serde::{Deserialize, Serialize};

/// The kind of personal certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertKind {
    /// 은행/신용카드/보험용: free, restricted use, issued by yessign.
    BankOnly,
    /// 범용: 4,400원 a year, issued by the CA the customer picks.
    General,
}

impl CertKind {
    /// The name on screen.
    pub fn label(self) -> &'static str {
        match self {
            CertKind::BankOnly => "은행/신용카드/보험용",
            CertKind::General => "범용",
        }
    }

    /// The fee in won for a year.
    pub fn fee(self) -> u64 {
        match self {
            CertKind::BankOnly => 0,
            CertKind::General => 4_400,
        }
    }
}

/// A certification authority (DOMAIN §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ca {
    /// 금융결제원 (yessign)
    Yessign,
    /// 한국전자인증 (CrossCert)
    CrossCert,
    /// 한국정보인증 (KICA signGATE)
    Kica,
    /// 코스콤 (SignKorea)
    SignKorea,
}

impl Ca {
    /// The CAs that issue 범용 certificates, in the manual's order.
    pub const GENERAL: [Ca; 3] = [Ca::CrossCert, Ca::Kica, Ca::SignKorea];

    /// The name on screen.
    pub fn label(self) -> &'static str {
        match self {
            Ca::Yessign => "금융결제원",
            Ca::CrossCert => "한국전자인증",
            Ca::Kica => "한국정보인증",
            Ca::SignKorea => "코스콤",
        }
    }

    /// Whether this CA issues `kind` here.
    pub fn issues(self, kind: CertKind) -> bool {
        match kind {
            CertKind::BankOnly => self == Ca::Yessign,
            CertKind::General => Ca::GENERAL.contains(&self),
        }
    }
}

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
