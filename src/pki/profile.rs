//! The certificates this center issues (DOMAIN §4): the certification authorities, the kinds of
//! certificate, their names on screen, their fees and their policy OIDs. Everything above `pki`
//! (the bank, the pages) takes these from here.

use der::oid::ObjectIdentifier;
use serde::{Deserialize, Serialize};

/// Which of the center's issuance menus a wizard serves: 개인용, 기업용 or 전자세금용.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IssueMenu {
    /// 개인용인증서 발급, for customers of 개인인터넷뱅킹.
    #[default]
    Personal,
    /// 기업용인증서 발급, for customers of 기업인터넷뱅킹.
    Corporate,
    /// 전자세금용 인증서, for the same business customers.
    Tax,
    /// 금융인증서: issued by 금융결제원 into its cloud, for personal customers.
    Cloud,
}

impl IssueMenu {
    /// The wizard's title.
    pub fn title(self) -> &'static str {
        match self {
            IssueMenu::Personal => "개인용 인증서 발급",
            IssueMenu::Corporate => "기업용 인증서 발급",
            IssueMenu::Tax => "전자세금용 인증서 발급",
            IssueMenu::Cloud => "금융인증서 발급/재발급",
        }
    }

    /// The kinds its step 2 offers, in the manual's order.
    pub fn kinds(self) -> &'static [CertKind] {
        match self {
            IssueMenu::Personal => &[CertKind::BankOnly, CertKind::General],
            IssueMenu::Corporate => &[CertKind::CorporateBank, CertKind::CorporateGeneral],
            IssueMenu::Tax => &[CertKind::Tax],
            IssueMenu::Cloud => &[CertKind::Cloud],
        }
    }

    /// Whether it issues to a business (사업자등록번호 instead of 주민등록번호).
    pub fn is_business(self) -> bool {
        matches!(self, IssueMenu::Corporate | IssueMenu::Tax)
    }
}

/// The kind of certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertKind {
    /// 은행/신용카드/보험용 (개인): free, restricted use, issued by yessign.
    BankOnly,
    /// 범용 (개인): 4,400원 a year, issued by the CA the customer picks.
    General,
    /// 은행/신용카드/보험용 (기업): 4,400원 a year, issued by yessign.
    CorporateBank,
    /// 범용 (기업): 110,000원 a year, issued by the CA the customer picks.
    CorporateGeneral,
    /// 전자세금용: 4,400원 a year, for electronic tax invoices.
    Tax,
    /// 금융인증서 (개인): free, 3 years, kept in 금융결제원's cloud.
    Cloud,
}

impl CertKind {
    /// The name on screen.
    pub fn label(self) -> &'static str {
        match self {
            CertKind::BankOnly | CertKind::CorporateBank => "은행/신용카드/보험용",
            CertKind::General | CertKind::CorporateGeneral => "범용",
            CertKind::Tax => "전자세금용",
            CertKind::Cloud => "금융인증서",
        }
    }

    /// The name with whom it is for, as lists and receipts show it (`개인 범용`, `기업 범용`).
    pub fn full_label(self) -> String {
        match self.menu() {
            IssueMenu::Personal => format!("개인 {}", self.label()),
            IssueMenu::Corporate => format!("기업 {}", self.label()),
            IssueMenu::Tax | IssueMenu::Cloud => self.label().to_owned(),
        }
    }

    /// The fee in won for a year.
    pub fn fee(self) -> u64 {
        match self {
            CertKind::BankOnly | CertKind::Cloud => 0,
            CertKind::General | CertKind::CorporateBank | CertKind::Tax => 4_400,
            CertKind::CorporateGeneral => 110_000,
        }
    }

    /// The menu that issues it.
    pub fn menu(self) -> IssueMenu {
        match self {
            CertKind::BankOnly | CertKind::General => IssueMenu::Personal,
            CertKind::CorporateBank | CertKind::CorporateGeneral => IssueMenu::Corporate,
            CertKind::Tax => IssueMenu::Tax,
            CertKind::Cloud => IssueMenu::Cloud,
        }
    }

    /// How many years a new one is valid: 3 for a 금융인증서, 1 for the others.
    pub fn years(self) -> i32 {
        if self == CertKind::Cloud { 3 } else { 1 }
    }

    /// Whether it certifies a business (its VID is computed with the 사업자등록번호).
    pub fn is_business(self) -> bool {
        self.menu().is_business()
    }

    /// The CAs that issue it here, in the manual's order.
    pub fn cas(self) -> &'static [Ca] {
        match self {
            CertKind::BankOnly | CertKind::CorporateBank | CertKind::Cloud => &[Ca::Yessign],
            CertKind::General | CertKind::CorporateGeneral => &Ca::GENERAL,
            CertKind::Tax => &[Ca::Yessign, Ca::Kica],
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
    /// Every CA.
    pub const ALL: [Ca; 4] = [Ca::Yessign, Ca::CrossCert, Ca::Kica, Ca::SignKorea];

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
        kind.cas().contains(&self)
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

/// The certificatePolicies OID for a CA and kind (DOMAIN §4); none where the CA has no such
/// certificate.
pub fn policy_oid(ca: Ca, kind: CertKind) -> Option<ObjectIdentifier> {
    use CertKind::*;
    let oid = match (ca, kind) {
        (Ca::Yessign, General) => "1.2.410.200005.1.1.1",
        (Ca::Yessign, BankOnly) => "1.2.410.200005.1.1.4",
        (Ca::Yessign, CorporateGeneral) => "1.2.410.200005.1.1.5",
        (Ca::Yessign, CorporateBank) => "1.2.410.200005.1.1.2",
        (Ca::Yessign, Tax) => "1.2.410.200005.1.1.6.8",
        (Ca::Yessign, Cloud) => "1.2.410.200005.1.1.1.10",
        (Ca::Kica, General) => "1.2.410.200004.5.2.1.2",
        (Ca::Kica, BankOnly) => "1.2.410.200004.5.2.1.7.1",
        (Ca::Kica, CorporateGeneral) => "1.2.410.200004.5.2.1.1",
        (Ca::Kica, Tax) => "1.2.410.200004.5.2.1.6.257",
        (Ca::SignKorea, General) => "1.2.410.200004.5.1.1.5",
        (Ca::SignKorea, BankOnly) => "1.2.410.200004.5.1.1.9",
        (Ca::SignKorea, CorporateGeneral) => "1.2.410.200004.5.1.1.7",
        (Ca::CrossCert, General) => "1.2.410.200004.5.4.1.1",
        (Ca::CrossCert, BankOnly) => "1.2.410.200004.5.4.1.101",
        (Ca::CrossCert, CorporateGeneral) => "1.2.410.200004.5.4.1.2",
        (Ca::Kica | Ca::SignKorea | Ca::CrossCert, CorporateBank)
        | (Ca::SignKorea | Ca::CrossCert, Tax)
        | (Ca::Kica | Ca::SignKorea | Ca::CrossCert, Cloud) => return None,
    };
    Some(ObjectIdentifier::new_unwrap(oid))
}

/// The kinds, in the order [`policy_meaning`] searches them.
const KINDS: [CertKind; 6] = [
    CertKind::BankOnly,
    CertKind::General,
    CertKind::CorporateBank,
    CertKind::CorporateGeneral,
    CertKind::Tax,
    CertKind::Cloud,
];

/// Which kind a policy OID names, and what it means in Korean.
pub fn policy_kind(oid: &ObjectIdentifier) -> Option<CertKind> {
    Ca::ALL
        .iter()
        .flat_map(|ca| KINDS.map(|kind| (*ca, kind)))
        .find(|(ca, kind)| policy_oid(*ca, *kind).as_ref() == Some(oid))
        .map(|(_, kind)| kind)
}

/// What a policy OID means, in Korean.
pub fn policy_meaning(oid: &ObjectIdentifier) -> Option<String> {
    policy_kind(oid).map(|kind| format!("{} 인증서", kind.full_label()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_policy_oids_are_domain_s_table() {
        let oid = |ca, kind| policy_oid(ca, kind).map(|o| o.to_string());
        for (ca, kind, expected) in [
            (
                Ca::Kica,
                CertKind::CorporateGeneral,
                "1.2.410.200004.5.2.1.1",
            ),
            (Ca::Yessign, CertKind::CorporateBank, "1.2.410.200005.1.1.2"),
            (Ca::Yessign, CertKind::Tax, "1.2.410.200005.1.1.6.8"),
            (Ca::Kica, CertKind::Tax, "1.2.410.200004.5.2.1.6.257"),
        ] {
            assert_eq!(oid(ca, kind).as_deref(), Some(expected), "{ca:?} {kind:?}");
        }
        assert_eq!(oid(Ca::SignKorea, CertKind::Tax), None);
        // Every kind a CA issues here has its OID, and each OID reads back as its kind.
        for kind in KINDS {
            for ca in kind.cas() {
                let o = policy_oid(*ca, kind).expect("an offered pair has an OID");
                assert_eq!(policy_kind(&o), Some(kind), "{ca:?} {kind:?}");
            }
        }
        assert_eq!(CertKind::CorporateGeneral.fee(), 110_000);
        assert_eq!(CertKind::Tax.fee(), 4_400);
        assert_eq!(CertKind::CorporateBank.fee(), 4_400);
    }
}
