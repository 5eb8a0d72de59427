//! The mock bank's 타행·타기관 인증서 등록/해제, and 모의증권, the practice institution that
//! issues certificates this bank did not.

use super::issuance::*;
use super::issuing::*;
use super::registry::*;
use super::wire::*;
use super::{BankState, Now};
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::demo::DemoCustomer;
use crate::pki;
use crate::wizard::Step;

fn unusable(reason: &str) -> BankError {
    BankError::CertificateUnusable {
        reason: reason.to_owned(),
    }
}

/// Registration (and 모의증권's practice certificate) serves personal customers: a business
/// customer is refused before anything is recorded.
fn persons_only(customer: &'static DemoCustomer) -> BankResult<&'static DemoCustomer> {
    match customer.business {
        None => Ok(customer),
        Some(_) => Err(BankError::RegistrationForPersons),
    }
}

impl BankState {
    pub(super) fn start_registration(&mut self, r: StartRegistration) -> BankResult<()> {
        let customer = persons_only(self.session_user(&r.token)?)?;
        self.check_registration_consent(customer.user_id)?;
        self.issuances.retain(|i| i.token != r.token.0);
        self.issuances
            .push(IssuanceRecord::registration(&r.token.0)?);
        Ok(())
    }

    pub(super) fn register_certificate(
        &mut self,
        at: Now,
        origin: &str,
        r: RegisterCertificate,
    ) -> BankResult<CertificateView> {
        let now = at.practice;
        let customer = self.session_user(&r.token)?;
        self.check_registration_consent(customer.user_id)?;
        let verified = self
            .issuances
            .iter()
            .any(|i| i.token == r.token.0 && i.registering && i.progress.is_done(Step::Verify));
        if !verified {
            return Err(BankError::VerificationRequired);
        }
        let certificate = self.spend_challenge(at.real, &r.proof)?;
        let issuer = certificate.tbs_certificate().issuer().clone();
        let ca = [Ca::Yessign, Ca::Kica, Ca::SignKorea, Ca::CrossCert]
            .into_iter()
            .find(|ca| pki::subject::issuing_name(*ca).is_ok_and(|name| name == issuer))
            .ok_or_else(|| unusable("모의 인증기관이 발급한 인증서가 아닙니다"))?;
        let serial = certificate.tbs_certificate().serial_number().to_string();
        // Any certificate the bank already knows (issued here, revoked, superseded or registered
        // by someone) stays what it is: only this customer's own released registration returns.
        let known = self.certificates.iter().position(|c| {
            c.certificate == r.proof.certificate || (c.ca == ca && c.serial == serial)
        });
        let returning = match known {
            Some(i) => {
                let c = &self.certificates[i];
                if !(c.registered
                    && c.released_at.is_some()
                    && !c.revoked
                    && c.user_id == customer.user_id)
                {
                    return Err(unusable(
                        "모의은행에서 발급했거나 이미 등록된 인증서입니다 (폐기된 인증서도 등록할 수 없습니다)",
                    ));
                }
                Some(i)
            }
            None => None,
        };
        let summary = pki::npki::summarize(&unbase64(&r.proof.certificate)?).map_err(internal)?;
        let general = pki::profile::policy_oid(ca, CertKind::General)
            .and_then(|oid| pki::profile::policy_meaning(&oid));
        if Some(&summary.kind) != general.as_ref() {
            return Err(unusable(
                "타행·타기관 인증서는 범용 인증서만 등록할 수 있습니다",
            ));
        }
        self.check_signed(
            now,
            origin,
            REGISTER,
            &r.proof,
            &certificate,
            (ca, CertKind::General),
            customer,
        )
        .map_err(|e| match e {
            BankError::CertificateRejected { reason } => BankError::CertificateUnusable { reason },
            other => other,
        })?;
        let view = match returning {
            Some(i) => {
                let record = &mut self.certificates[i];
                record.released_at = None;
                record.issued_at = now;
                record.view(now)?
            }
            None => {
                let record = CertificateRecord {
                    registered: true,
                    ..CertificateRecord::issued(
                        customer.user_id,
                        (CertKind::General, ca),
                        serial,
                        now,
                        r.proof.certificate.clone(),
                        0,
                    )
                };
                let view = record.view(now)?;
                self.certificates.push(record);
                view
            }
        };
        if let Some(c) = self
            .customers
            .iter_mut()
            .find(|c| c.user_id == customer.user_id)
        {
            // Loans wait 4 days after a registration too.
            c.last_issued_at = Some(now);
        }
        self.issuances.retain(|i| i.token != r.token.0);
        Ok(view)
    }

    /// 해제: the registration ends; the record stays, so that what the bank knows of the
    /// certificate is never lost.
    pub(super) fn unregister_certificate(
        &mut self,
        now: Millis,
        r: UnregisterCertificate,
    ) -> BankResult<()> {
        let customer = self.session_user(&r.token)?;
        let record = self
            .certificates
            .iter_mut()
            .find(|c| {
                c.user_id == customer.user_id
                    && c.registered
                    && c.released_at.is_none()
                    && c.serial == r.serial
            })
            .ok_or_else(|| unusable("등록된 타행·타기관 인증서가 아닙니다"))?;
        record.released_at = Some(now);
        Ok(())
    }

    pub(super) fn issue_elsewhere(
        &mut self,
        now: Millis,
        r: IssueElsewhere,
    ) -> BankResult<IssuedCertificate> {
        let customer = persons_only(self.session_user(&r.token)?)?;
        let (_, public) = verified_request(&unbase64(&r.csr)?)?;
        let random = decoded_r(&r.random)?;
        let ca = Ca::CrossCert;
        let cn = pki::subject::common_name(customer.name, customer.english_name, &cn_digits()?);
        let grant = Grant {
            token: &r.token,
            ca,
            kind: CertKind::General,
            subject: pki::subject::personal_subject_of(ca, OTHER_INSTITUTION_CODE, &cn)
                .map_err(internal)?,
            public,
            random: &r.random,
            validity: pki::ca::validity(now, 1).map_err(internal)?,
            fee: 0,
        };
        Ok(self.sign_for(now, customer, &grant, &random)?.0)
    }
}
