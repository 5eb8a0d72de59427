//! 연습 과제의 출발점: one demo customer's records back to the demo's first state, and the
//! certificate a task starts with, issued as if some days ago.

use super::issuing::{Grant, cn_digits, decoded_r, verified_request};
use super::wire::*;
use super::{BankState, CustomerRecord};
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::demo;
use crate::pki;

const DAY_MS: Millis = 86_400_000;

impl BankState {
    pub(super) fn start_task(
        &mut self,
        now: Millis,
        r: StartTask,
    ) -> BankResult<Option<IssuedCertificate>> {
        let customer = demo::find(&r.user_id).ok_or(BankError::UnknownUser)?;
        // Checked before anything changes.
        let earlier = match &r.earlier {
            Some(e) if e.days_ago > EARLIEST_DAYS => {
                return Err(BankError::InvalidRequest {
                    detail: format!(
                        "연습용 인증서는 {EARLIEST_DAYS}일 전까지만 준비할 수 있습니다"
                    ),
                });
            }
            Some(e) => Some((
                e,
                verified_request(&unbase64(&e.csr)?)?.1,
                decoded_r(&e.random)?,
            )),
            None => None,
        };
        let tokens: Vec<String> = self
            .sessions
            .iter()
            .filter(|s| s.user_id == customer.user_id)
            .map(|s| s.token.clone())
            .collect();
        self.sessions.retain(|s| s.user_id != customer.user_id);
        self.issuances
            .retain(|i| !tokens.iter().any(|t| *t == i.token()));
        self.certificates.retain(|c| c.user_id != customer.user_id);
        let record = self
            .customers
            .iter_mut()
            .find(|c| c.user_id == customer.user_id)
            .ok_or(BankError::UnknownUser)?;
        *record = CustomerRecord::seed(customer);
        let Some((e, public, random)) = earlier else {
            return Ok(None);
        };
        let issued_at = now - Millis::from(e.days_ago) * DAY_MS;
        let (ca, kind) = (Ca::Kica, CertKind::General);
        let cn = pki::subject::common_name(customer.name, customer.english_name, &cn_digits()?);
        // No session: the grant's token is never read by the signing.
        let token = SessionToken(String::new());
        let grant = Grant {
            token: &token,
            ca,
            kind,
            subject: pki::subject::personal_subject(ca, &cn).map_err(internal)?,
            public,
            random: &e.random,
            validity: pki::ca::validity(issued_at, 1).map_err(internal)?,
            fee: kind.fee(),
        };
        let (issued, serial) = self.sign_for(issued_at, customer, &grant, &random)?;
        self.record_issued(customer, issued_at, (kind, ca), serial, &issued)?;
        Ok(Some(issued))
    }
}
