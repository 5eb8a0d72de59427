//! The mock bank after issuance: 폐기 with the 7-day refund, 갱신 from 30 days before expiry,
//! the CAs' CRLs and the receipts of paid issuances.

use super::issuing::*;
use super::registry::*;
use super::wire::*;
use super::{BankState, Now};
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::kst;
use crate::pki::{self, ca::CrlReason, ca::Revoked};

const DAY_MS: Millis = 86_400_000;

impl BankState {
    /// [`BankState::verify_proof`] for one of the session customer's own certificates.
    fn own_certificate(
        &mut self,
        now: Now,
        origin: &str,
        token: &SessionToken,
        purpose: &str,
        proof: &CertificateProof,
    ) -> BankResult<usize> {
        let customer = self.session_user(token)?;
        let index = self.verify_proof_for_use(now, origin, purpose, proof)?;
        if self.certificates[index].user_id != customer.user_id {
            return Err(BankError::CertificateUnusable {
                reason: "로그인하신 고객님의 인증서가 아닙니다".to_owned(),
            });
        }
        if self.certificates[index].registered {
            return Err(BankError::CertificateUnusable {
                reason: "타행·타기관에서 발급받아 등록한 인증서는 발급한 곳에서 폐기·갱신해 주세요. 모의은행에서는 등록 해제만 할 수 있습니다".to_owned(),
            });
        }
        Ok(index)
    }

    pub(super) fn revoke_certificate(
        &mut self,
        at: Now,
        origin: &str,
        r: RevokeCertificate,
    ) -> BankResult<Revocation> {
        let index = self.own_certificate(at, origin, &r.token, REVOKE, &r.proof)?;
        let now = at.practice;
        let record = &mut self.certificates[index];
        let refund = if kst::day(now) - kst::day(record.issued_at) < REFUND_DAYS {
            record.fee
        } else {
            0
        };
        record.revoke(now, None);
        record.refund = refund;
        let serial = record.serial.clone();
        let user_id = record.user_id.clone();
        if let Some(customer) = self.customers.iter_mut().find(|c| c.user_id == user_id) {
            customer.balance = customer.balance.saturating_add(refund);
        }
        Ok(Revocation { serial, refund })
    }

    pub(super) fn renew_certificate(
        &mut self,
        at: Now,
        origin: &str,
        r: RenewCertificate,
    ) -> BankResult<IssuedCertificate> {
        let csr = unbase64(&r.csr)?;
        let index = self.own_certificate(at, origin, &r.token, &renew_purpose(&csr), &r.proof)?;
        let now = at.practice;
        let old = self.certificates[index].parsed()?;
        let expires = not_after(&old);
        if let Some(RenewalWindow::NotYet { opens }) = RenewalWindow::at(&kst_date(expires)?, now) {
            return Err(BankError::RenewalNotOpen { opens });
        }
        check_hours(now)?;
        let (request, public) = verified_request(&csr)?;
        if request.info.subject != *old.tbs_certificate().subject() {
            return Err(BankError::SubjectMismatch);
        }
        let (ca, kind) = (self.certificates[index].ca, self.certificates[index].kind);
        // The new certificate ends a term (a year; 3 for a 금융인증서) after the current one.
        let end = pki::ca::validity(expires, kind.years())
            .map_err(internal)?
            .not_after;
        let issued = self.grant(
            now,
            Grant {
                token: &r.token,
                ca,
                kind,
                subject: old.tbs_certificate().subject().clone(),
                public,
                random: &r.random,
                validity: pki::ca::validity_until(now, end).map_err(internal)?,
                fee: kind.fee(),
            },
        )?;
        self.certificates[index].revoke(now, Some(Replacement::Renewal));
        Ok(issued)
    }

    pub(super) fn crl(&mut self, now: Millis, r: GetCrl) -> BankResult<String> {
        let (_, issuing) = self.authorities(r.ca, now)?;
        let revoked = self
            .certificates
            .iter()
            .filter(|c| c.ca == r.ca && c.revoked && !c.registered)
            .map(|c| {
                Ok(Revoked {
                    serial: c.parsed()?.tbs_certificate().serial_number().clone(),
                    at: c.revoked_at.unwrap_or(c.issued_at),
                    reason: match c.replaced_by {
                        Some(_) => CrlReason::Superseded,
                        None => CrlReason::Unspecified,
                    },
                })
            })
            .collect::<BankResult<Vec<_>>>()?;
        let crl = issuing.crl(&revoked, now).map_err(internal)?;
        Ok(base64(&crl))
    }

    pub(super) fn receipts(&mut self, now: Millis, r: ListReceipts) -> BankResult<Vec<Receipt>> {
        let customer = self.session_user(&r.token)?;
        self.certificates
            .iter()
            .filter(|c| c.user_id == customer.user_id && c.fee > 0 && c.refund == 0)
            .map(|c| {
                Ok(Receipt {
                    kind: c.kind,
                    ca: c.ca,
                    serial: c.serial.clone(),
                    paid_on: kst_date(c.issued_at)?,
                    fee: c.fee,
                    account: customer.account.to_owned(),
                    available_from: kst_date(c.issued_at + REFUND_DAYS * DAY_MS)?,
                    available: kst::day(now) - kst::day(c.issued_at) >= REFUND_DAYS,
                })
            })
            .collect()
    }
}
