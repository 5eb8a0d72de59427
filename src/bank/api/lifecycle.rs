//! After issuance: revocation (폐기) with its refund and the CRL, renewal (갱신) signed with the
//! current certificate, the receipts (영수증) of paid issuances, and 인증서 조회 (the customer's
//! certificates as the bank records them).

use serde::{Deserialize, Serialize};

use super::{Ca, CertKind, Endpoint, IssuedCertificate, SessionToken};

/// Proof that the caller holds a certificate's key and its password: the certificate, a
/// signature (PKCS#1 v1.5, SHA-256) over [`signed_message`] for a fresh challenge, and R from the
/// private key, all base64.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CertificateProof {
    /// The challenge's nonce.
    pub nonce: String,
    /// The certificate, DER.
    pub certificate: String,
    /// The signature.
    pub signature: String,
    /// R, for the bank to recompute the VID.
    pub random: String,
}

/// The message a certificate signs: it binds the bank's nonce to the site and to what the
/// signature is for, so that a signature made for another site or another purpose is worthless.
pub fn signed_message(purpose: &str, origin: &str, nonce: &str) -> String {
    format!("purpose={purpose}\norigin={origin}\nnonce={nonce}")
}

/// The purpose a certificate login signs.
pub const LOGIN: &str = "login";
/// The purpose a revocation signs.
pub const REVOKE: &str = "revoke";

/// The purpose a renewal signs: it names the new request by its SHA-256, so the signature cannot
/// be reused for a request with another key.
pub fn renew_purpose(csr_der: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(csr_der);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("renew request-sha256={hex}")
}

request! {
    /// 인증서 폐기: the logged-in customer revokes one of their certificates, proving it with the
    /// certificate's key (its password).
    RevokeCertificate => Revocation, "certificates/revoke" {
        /// The login session.
        token: SessionToken,
        /// The certificate and a signature for [`REVOKE`].
        proof: CertificateProof,
    }
}

/// What a revocation did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revocation {
    /// The serial number revoked, hex.
    pub serial: String,
    /// The fee paid back to the account (within 7 days of issue), in won.
    pub refund: u64,
}

request! {
    /// 인증서 갱신: a new certificate for a new key, asked for with the current certificate from 30
    /// days before it expires. The request (PKCS#10) must name the current certificate's subject.
    RenewCertificate => IssuedCertificate, "certificates/renew" {
        /// The login session.
        token: SessionToken,
        /// The current certificate and a signature for [`renew_purpose`] of `csr`.
        proof: CertificateProof,
        /// The new PKCS#10 request, DER in base64.
        csr: String,
        /// The new key's R, base64.
        random: String,
    }
}

/// How many days before expiry renewal opens.
pub const RENEWAL_DAYS: i64 = 30;

/// Where a certificate stands for renewal on a given day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenewalWindow {
    /// Too early: renewal opens on `opens` (`YYYY-MM-DD`).
    NotYet {
        /// The first day it may be renewed.
        opens: String,
    },
    /// It may be renewed, `days_left` days before it expires (0 on its last day).
    Open {
        /// Days until the last day.
        days_left: i64,
    },
    /// Expired: only a new issuance helps.
    Expired,
}

impl RenewalWindow {
    /// The window of a certificate whose last day is `expires` (`YYYY-MM-DD`, KST) on the KST
    /// day of `now_ms`; `None` if the date does not read.
    pub fn at(expires: &str, now_ms: i64) -> Option<Self> {
        let days_left = crate::kst::days_left(expires, now_ms)?;
        Some(if days_left < 0 {
            Self::Expired
        } else if days_left > RENEWAL_DAYS {
            Self::NotYet {
                opens: crate::kst::days_before(expires, RENEWAL_DAYS)?,
            }
        } else {
            Self::Open { days_left }
        })
    }
}
/// Revoked within this many days of issue (issue day counted), the fee is refunded; receipts
/// can be had from the day after.
pub const REFUND_DAYS: i64 = 7;

request! {
    /// The CA's current CRL; the answer is its DER in base64.
    GetCrl => String, "crl" {
        /// Whose CRL.
        ca: Ca,
    }
}

request! {
    /// 영수증/세금계산서: the customer's paid issuances.
    ListReceipts => Vec<Receipt>, "receipts" {
        /// The login session.
        token: SessionToken,
    }
}

/// One paid issuance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The kind.
    pub kind: CertKind,
    /// The CA.
    pub ca: Ca,
    /// The certificate's serial number, hex.
    pub serial: String,
    /// The day it was paid, `YYYY-MM-DD` KST.
    pub paid_on: String,
    /// The fee, in won.
    pub fee: u64,
    /// The account it was withdrawn from.
    pub account: String,
    /// The first day the receipt can be issued, `YYYY-MM-DD` KST.
    pub available_from: String,
    /// Whether that day has come.
    pub available: bool,
}

request! {
    /// 인증서 조회: the customer's certificates as the bank's records have them.
    ListCertificates => Vec<CertificateView>, "certificates" {
        /// The login session.
        token: SessionToken,
    }
}

/// A certificate's state at the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertStatus {
    /// 발급: valid.
    Issued,
    /// 폐기: revoked.
    Revoked,
    /// 만료: past its validity.
    Expired,
    /// 갱신: replaced by a renewed certificate (revoked as superseded).
    Renewed,
}

impl CertStatus {
    /// The word on screen.
    pub fn label(self) -> &'static str {
        match self {
            CertStatus::Issued => "발급",
            CertStatus::Revoked => "폐기",
            CertStatus::Expired => "만료",
            CertStatus::Renewed => "갱신",
        }
    }
}

/// One row of 인증서 조회.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateView {
    /// The kind.
    pub kind: CertKind,
    /// The CA.
    pub ca: Ca,
    /// The serial number, hex.
    pub serial: String,
    /// First day of validity, `YYYY-MM-DD` KST.
    pub valid_from: String,
    /// Last day of validity, `YYYY-MM-DD` KST.
    pub valid_to: String,
    /// Its state now.
    pub status: CertStatus,
    /// Issued by another institution and registered here (타행·타기관).
    #[serde(default)]
    pub registered: bool,
}

#[cfg(test)]
mod tests {
    use super::RenewalWindow;

    /// 2025-11-25 12:00 KST.
    const NOW: i64 = 1_764_039_600_000;

    #[test]
    fn renewal_opens_thirty_days_before_the_last_day_and_closes_after_it() {
        let at = |expires| RenewalWindow::at(expires, NOW).unwrap();
        assert_eq!(
            at("2025-12-26"),
            RenewalWindow::NotYet {
                opens: "2025-11-26".into()
            }
        );
        assert_eq!(at("2025-12-25"), RenewalWindow::Open { days_left: 30 });
        assert_eq!(at("2025-11-25"), RenewalWindow::Open { days_left: 0 });
        assert_eq!(at("2025-11-24"), RenewalWindow::Expired);
        assert_eq!(RenewalWindow::at("not a date", NOW), None);
    }
}
