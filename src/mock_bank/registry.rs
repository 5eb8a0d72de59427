//! The certificate registry: every certificate the bank has issued or registered, kept for
//! good (revoked, replaced, released), and how 인증서 조회 shows one.

use serde::{Deserialize, Serialize};

use super::BankState;
use super::wire::*;
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::kst::Kst;
use crate::pki::{self};
use der::Decode;

/// A certificate the bank has issued.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct CertificateRecord {
    pub(super) user_id: String,
    pub(super) kind: CertKind,
    pub(super) ca: Ca,
    pub(super) serial: String,
    pub(super) issued_at: Millis,
    pub(super) revoked: bool,
    /// DER, base64.
    pub(super) certificate: String,
    /// The fee paid for it, in won.
    #[serde(default)]
    pub(super) fee: u64,
    /// When it was revoked.
    #[serde(default)]
    pub(super) revoked_at: Option<Millis>,
    /// What replaced it, if it was revoked by a reissue or a renewal.
    #[serde(default)]
    pub(super) replaced_by: Option<Replacement>,
    /// The fee paid back when it was revoked.
    #[serde(default)]
    pub(super) refund: u64,
    /// Issued elsewhere and registered here (타행·타기관).
    #[serde(default)]
    pub(super) registered: bool,
    /// When its registration was released (해제); the record is kept, never deleted.
    #[serde(default)]
    pub(super) released_at: Option<Millis>,
}

/// How a certificate came to be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Replacement {
    /// 재발급: a new certificate of the same CA while this one was valid.
    Reissue,
    /// 갱신: renewed with this certificate.
    Renewal,
}

impl CertificateRecord {
    /// A certificate of `user_id`'s, valid (not revoked, nothing refunded), issued here at
    /// `issued_at` for `fee`.
    pub(super) fn issued(
        user_id: &str,
        (kind, ca): (CertKind, Ca),
        serial: String,
        issued_at: Millis,
        certificate: String,
        fee: u64,
    ) -> Self {
        Self {
            user_id: user_id.to_owned(),
            kind,
            ca,
            serial,
            issued_at,
            revoked: false,
            certificate,
            fee,
            revoked_at: None,
            replaced_by: None,
            refund: 0,
            registered: false,
            released_at: None,
        }
    }

    pub(super) fn parsed(&self) -> BankResult<x509_cert::Certificate> {
        x509_cert::Certificate::from_der(&unbase64(&self.certificate)?).map_err(internal)
    }

    /// The row of 인증서 조회.
    pub(super) fn view(&self, now: Millis) -> BankResult<CertificateView> {
        let certificate = self.parsed()?;
        let validity = certificate.tbs_certificate().validity();
        Ok(CertificateView {
            kind: self.kind,
            ca: self.ca,
            serial: self.serial.clone(),
            valid_from: pki::npki::kst_date(validity.not_before).map_err(internal)?,
            valid_to: pki::npki::kst_date(validity.not_after).map_err(internal)?,
            status: if self.replaced_by == Some(Replacement::Renewal) {
                CertStatus::Renewed
            } else if self.revoked {
                CertStatus::Revoked
            } else if not_after(&certificate) < now {
                CertStatus::Expired
            } else {
                CertStatus::Issued
            },
            registered: self.registered,
        })
    }

    /// Revokes it at `now`; a `replacement` marks it superseded.
    pub(super) fn revoke(&mut self, now: Millis, replacement: Option<Replacement>) {
        self.revoked = true;
        self.revoked_at = Some(now);
        self.replaced_by = replacement;
    }
}

/// The end of a certificate's validity, Unix milliseconds.
pub(super) fn not_after(certificate: &x509_cert::Certificate) -> Millis {
    let end = certificate.tbs_certificate().validity().not_after;
    Millis::try_from(end.to_unix_duration().as_millis()).unwrap_or(Millis::MAX)
}

/// The KST date of a moment, `YYYY-MM-DD`.
pub(super) fn kst_date(ms: Millis) -> BankResult<String> {
    Kst::from_millis(ms)
        .map(|t| t.date())
        .ok_or_else(|| internal("time before 1970"))
}

impl BankState {
    pub(super) fn list_certificates(
        &mut self,
        now: Millis,
        r: ListCertificates,
    ) -> BankResult<Vec<CertificateView>> {
        let user_id = self.context(&r.token)?.customer.user_id;
        self.certificates
            .iter()
            .filter(|c| c.user_id == user_id && c.released_at.is_none())
            .map(|c| c.view(now))
            .collect()
    }
}
