//! Certificate login (manual STEP 14): a single-use challenge, then the bank checks the
//! signature over the challenge bound to its own origin, the chain, validity, revocation and
//! that the certificate's VID is its customer's.

use der::Decode;
use serde::{Deserialize, Serialize};
use x509_cert::certificate::Certificate;

use super::registry::*;
use super::wire::*;
use super::{BankState, Now, random_bytes};
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::demo;
use crate::pki;

/// A challenge handed out and not yet used.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct ChallengeRecord {
    nonce: String,
    pub(super) expires_at: Millis,
}

fn rejected(reason: &str) -> BankError {
    BankError::CertificateRejected {
        reason: reason.to_owned(),
    }
}

impl BankState {
    pub(super) fn challenge(&mut self, now: Millis) -> BankResult<Challenge> {
        let nonce: String = random_bytes::<16>()?
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        self.challenges.push(ChallengeRecord {
            nonce: nonce.clone(),
            expires_at: now + Millis::from(CHALLENGE_SECS) * 1000,
        });
        Ok(Challenge {
            nonce,
            expires_in_secs: CHALLENGE_SECS,
        })
    }

    pub(super) fn certificate_login(
        &mut self,
        now: Now,
        origin: &str,
        r: CertificateLogin,
    ) -> BankResult<SessionGrant> {
        let index = self.verify_proof(now, origin, LOGIN, &r.proof)?;
        let record = &self.certificates[index];
        match (r.corporate, record.kind.is_business()) {
            (true, false) => {
                return Err(rejected(
                    "개인용 인증서로는 기업뱅킹에 로그인할 수 없습니다. 기업용(기업 범용, 기업 은행/보험용) 또는 전자세금용 인증서를 선택해 주세요",
                ));
            }
            (false, true) => {
                return Err(rejected(
                    "기업용 인증서입니다. 로그인 구분에서 [기업뱅킹]을 선택한 뒤 로그인해 주세요",
                ));
            }
            _ => {}
        }
        let customer = demo::find(&record.user_id).ok_or(BankError::UnknownUser)?;
        self.open_session(customer, now.real, true)
    }

    /// Checks a certificate's proof for `purpose`: the challenge (spent whatever the outcome),
    /// that the bank issued or registered the certificate and it is neither revoked nor
    /// superseded, then [`BankState::check_signed`] against its customer. Answers the
    /// certificate's index in the records; refusals are [`BankError::CertificateRejected`].
    pub(super) fn verify_proof(
        &mut self,
        now: Now,
        origin: &str,
        purpose: &str,
        proof: &CertificateProof,
    ) -> BankResult<usize> {
        let certificate = self.spend_challenge(now.real, proof)?;
        let index = self
            .certificates
            .iter()
            .position(|c| c.certificate == proof.certificate)
            .ok_or_else(|| rejected("모의은행에 등록되지 않은 인증서입니다"))?;
        let record = self.certificates[index].clone();
        match record.replaced_by {
            Some(Replacement::Renewal) => {
                return Err(rejected(
                    "갱신되어 더 이상 쓸 수 없는 인증서입니다. 갱신된 새 인증서를 사용해 주세요",
                ));
            }
            Some(Replacement::Reissue) => {
                return Err(rejected(
                    "재발급으로 폐기된 인증서입니다. 재발급된 새 인증서를 사용해 주세요",
                ));
            }
            None if record.revoked => return Err(rejected("폐기된 인증서입니다")),
            None => {}
        }
        if record.released_at.is_some() {
            return Err(rejected(
                "등록이 해제된 타행·타기관 인증서입니다. 다시 등록한 뒤 사용해 주세요",
            ));
        }
        let customer = demo::find(&record.user_id).ok_or(BankError::UnknownUser)?;
        self.check_signed(
            now.practice,
            origin,
            purpose,
            proof,
            &certificate,
            (record.ca, record.kind),
            customer,
        )?;
        Ok(index)
    }

    /// [`BankState::verify_proof`] for a use other than login (revoke, renew, copy): a refusal
    /// says the certificate cannot be used for it.
    pub(super) fn verify_proof_for_use(
        &mut self,
        now: Now,
        origin: &str,
        purpose: &str,
        proof: &CertificateProof,
    ) -> BankResult<usize> {
        self.verify_proof(now, origin, purpose, proof)
            .map_err(|e| match e {
                BankError::CertificateRejected { reason } => {
                    BankError::CertificateUnusable { reason }
                }
                other => other,
            })
    }

    /// Spends the proof's challenge (whatever comes next) and reads its certificate.
    pub(super) fn spend_challenge(
        &mut self,
        now: Millis,
        proof: &CertificateProof,
    ) -> BankResult<Certificate> {
        let position = self
            .challenges
            .iter()
            .position(|c| c.nonce == proof.nonce && c.expires_at > now)
            .ok_or(BankError::ChallengeExpired)?;
        self.challenges.remove(position);
        let der = unbase64(&proof.certificate)?;
        if base64(&der) != proof.certificate {
            return Err(rejected("인증서 형식이 올바르지 않습니다"));
        }
        Certificate::from_der(&der).map_err(|_| rejected("인증서 형식이 올바르지 않습니다"))
    }

    /// The chain up to the mock root through `ca`, the validity at `now`, the signature over
    /// the challenge bound to `origin` and `purpose`, and the VID against `customer`'s number
    /// for `kind` (a business kind's: the 사업자등록번호).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_signed(
        &mut self,
        now: Millis,
        origin: &str,
        purpose: &str,
        proof: &CertificateProof,
        certificate: &Certificate,
        (ca, kind): (Ca, CertKind),
        customer: &demo::DemoCustomer,
    ) -> BankResult<()> {
        let (root, issuing) = self.authorities(ca, now)?;
        if !(pki::ca::signed_by(certificate, &issuing.certificate)
            && pki::ca::signed_by(&issuing.certificate, &root.certificate))
        {
            return Err(rejected("인증서 발급기관을 확인할 수 없습니다"));
        }
        let validity = certificate.tbs_certificate().validity();
        let seconds = u64::try_from(now / 1000).unwrap_or(0);
        if seconds < validity.not_before.to_unix_duration().as_secs() {
            return Err(rejected("아직 유효기간이 시작되지 않은 인증서입니다"));
        }
        if seconds > validity.not_after.to_unix_duration().as_secs() {
            return Err(rejected("유효기간이 만료된 인증서입니다"));
        }
        let key = pki::ca::certificate_key(certificate)
            .map_err(|_| rejected("인증서의 공개키를 읽을 수 없습니다"))?;
        let message = signed_message(purpose, origin, &proof.nonce);
        if !pki::signing::verify(&key, message.as_bytes(), &unbase64(&proof.signature)?) {
            return Err(rejected("전자서명 검증에 실패했습니다"));
        }
        let expected = pki::vid::vid(customer.idn(kind), &unbase64(&proof.random)?)
            .map_err(|_| rejected("본인확인정보를 계산할 수 없습니다"))?;
        match pki::ca::certificate_vid(certificate) {
            Some((_, vid)) if vid == expected => Ok(()),
            _ => Err(rejected(
                "본인확인정보(VID)가 고객님의 정보와 일치하지 않습니다",
            )),
        }
    }
}
