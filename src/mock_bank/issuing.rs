//! Issuing (manual STEP 13): the subject the bank builds, the checked request, the fee, the
//! certificate signed by the chosen CA, and the record of it.

use super::registry::*;
use super::wire::*;
use super::{BankState, random_bytes};
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::demo::DemoCustomer;
use crate::kst::Kst;
use crate::pki::{self, PkiError, ca::Holder};
use crate::wizard::Step;
use der::Encode;

/// What [`BankState::grant`] needs to issue.
pub(super) struct Grant<'a> {
    pub(super) token: &'a SessionToken,
    pub(super) ca: Ca,
    pub(super) kind: CertKind,
    pub(super) subject: x509_cert::name::Name,
    pub(super) public: rsa::PublicKey,
    /// R, base64.
    pub(super) random: &'a str,
    pub(super) validity: x509_cert::time::Validity,
    pub(super) fee: u64,
}

/// R from a request: base64 of exactly 20 bytes.
pub(super) fn decoded_r(random: &str) -> BankResult<Vec<u8>> {
    let random = unbase64(random)?;
    if random.len() != 20 {
        return Err(BankError::InvalidRequest {
            detail: "본인확인용 난수(R)는 20바이트여야 합니다".to_owned(),
        });
    }
    Ok(random)
}

/// The 12 random digits that end a certificate's common name.
pub(super) fn cn_digits() -> BankResult<String> {
    let bytes = random_bytes::<12>()?;
    Ok(bytes.iter().map(|b| char::from(b'0' + b % 10)).collect())
}

/// Refuses issuance outside 01:00~23:00 KST.
pub(super) fn check_hours(now: Millis) -> BankResult<()> {
    if Kst::from_millis(now).is_some_and(|t| (1..23).contains(&t.hour())) {
        Ok(())
    } else {
        Err(BankError::OutsideHours)
    }
}

/// A PKCS#10 request whose signature verifies and whose key is strong enough.
pub(super) fn verified_request(
    der: &[u8],
) -> BankResult<(x509_cert::request::CertReq, rsa::PublicKey)> {
    let invalid = |detail: &str| BankError::InvalidRequest {
        detail: detail.to_owned(),
    };
    pki::csr::verify(der).map_err(|e| match e {
        PkiError::WeakKey(_) => {
            invalid("2048비트 미만이거나 공개지수가 65537이 아닌 키는 사용할 수 없습니다")
        }
        PkiError::BadSignature => invalid("요청의 전자서명이 검증되지 않습니다"),
        _ => invalid("요청 형식이 올바르지 않습니다"),
    })
}

impl BankState {
    pub(super) fn account(&mut self, r: GetAccount) -> BankResult<AccountView> {
        let cx = self.context(&r.token)?;
        Ok(AccountView {
            account: cx.customer.account.to_owned(),
            balance: cx.record.balance,
        })
    }

    pub(super) fn prepare_issuance(&mut self, r: PrepareIssuance) -> BankResult<IssuanceTicket> {
        let (subject, ca, kind) = self.subject(&r.token)?;
        Ok(IssuanceTicket {
            subject: subject.to_string(),
            ca,
            kind,
        })
    }

    /// The subject the bank certifies for this issuance, encoded by the bank (the request's
    /// copy is only compared with it), with the CA and kind chosen at step 2.
    pub(super) fn subject(
        &mut self,
        token: &SessionToken,
    ) -> BankResult<(x509_cert::name::Name, Ca, CertKind)> {
        let cx = self.context_at(token, Step::Password)?;
        let (kind, ca, details) = cx.issuance.chosen(&cx.issuance.details)?;
        let digits = match &cx.issuance.cn_digits {
            Some(digits) => digits.clone(),
            None => {
                let digits = cn_digits()?;
                cx.issuance.cn_digits = Some(digits.clone());
                digits
            }
        };
        // A business certificate names the company, with empty parentheses for the English name.
        let subject = if kind.is_business() {
            let cn = pki::subject::common_name(&details.name, "", &digits);
            pki::subject::business_subject(ca, &cn)
        } else {
            let cn = pki::subject::common_name(&details.name, &details.english_name, &digits);
            pki::subject::personal_subject(ca, &cn)
        }
        .map_err(internal)?;
        Ok((subject, ca, kind))
    }

    pub(super) fn issue_certificate(
        &mut self,
        now: Millis,
        r: IssueCertificate,
    ) -> BankResult<IssuedCertificate> {
        let (subject, ca, kind, user_id, confirmed_fee) = {
            let cx = self.context(&r.token)?;
            if let Some(issued) = &cx.issuance.issued {
                // A retried request gets the same certificate and pays nothing more; another
                // request (a new key) would get a certificate that is not its key's.
                if cx.issuance.issued_for.as_ref() != Some(&(r.csr.clone(), r.random.clone())) {
                    return Err(BankError::InvalidRequest {
                        detail: "이 발급 건은 다른 키로 이미 발급되었습니다. 인증서를 받지 못하셨다면 처음부터 다시 발급(재발급)해 주세요".to_owned(),
                    });
                }
                return Ok(issued.clone());
            }
            cx.issuance.progress.require(Step::Password)?;
            // Withdrawn in another tab since step 2.
            super::consent::check_consent(cx.record.consent)?;
            cx.issuance
                .cn_digits
                .as_ref()
                .ok_or(BankError::InvalidRequest {
                    detail: "발급 준비(저장위치와 암호 확인)를 먼저 마쳐 주세요".to_owned(),
                })?;
            let (user_id, confirmed_fee) = (cx.customer.user_id, cx.issuance.confirmed_fee);
            let (subject, ca, kind) = self.subject(&r.token)?;
            (subject, ca, kind, user_id, confirmed_fee)
        };
        check_hours(now)?;
        let (request, public) = verified_request(&unbase64(&r.csr)?)?;
        if request.info.subject.to_string() != subject.to_string() {
            return Err(BankError::SubjectMismatch);
        }
        // 재발급: a valid certificate of the same CA is revoked, its expiry kept, nothing charged.
        // A 금융인증서 is free, and a new one runs its full 3 years.
        let old = self.valid_certificate(user_id, ca, kind, now);
        let (fee, validity) = match old {
            Some(i) if kind != CertKind::Cloud => {
                let end = self.certificates[i]
                    .parsed()?
                    .tbs_certificate()
                    .validity()
                    .not_after;
                (0, pki::ca::validity_until(now, end).map_err(internal)?)
            }
            _ => (
                kind.fee(),
                pki::ca::validity(now, kind.years()).map_err(internal)?,
            ),
        };
        if confirmed_fee != Some(fee) {
            // Step 4 showed another fee (another tab revoked or issued since): back to step 4.
            let cx = self.context(&r.token)?;
            cx.issuance.complete(Step::Verify)?;
            cx.issuance.confirmed_fee = None;
            return Err(BankError::FeeChanged {
                confirmed: confirmed_fee.unwrap_or_default(),
                now: fee,
            });
        }
        let issued = self.grant(
            now,
            Grant {
                token: &r.token,
                ca,
                kind,
                subject,
                public,
                random: &r.random,
                validity,
                fee,
            },
        )?;
        if let Some(i) = old {
            self.certificates[i].revoke(now, Some(Replacement::Reissue));
        }
        let cx = self.context(&r.token)?;
        cx.issuance.issued = Some(issued.clone());
        cx.issuance.issued_for = Some((r.csr, r.random));
        cx.issuance.complete(Step::Password)?;
        Ok(issued)
    }

    /// Issues a certificate for a verified request to the session's customer: checks the
    /// balance, has the CA sign ([`BankState::sign_for`]), withdraws the fee and records the
    /// certificate.
    pub(super) fn grant(&mut self, now: Millis, g: Grant<'_>) -> BankResult<IssuedCertificate> {
        let random = decoded_r(g.random)?;
        let customer = {
            let cx = self.context(g.token)?;
            if cx.record.balance < g.fee {
                return Err(BankError::InsufficientBalance {
                    balance: cx.record.balance,
                    fee: g.fee,
                });
            }
            cx.customer
        };
        let (issued, serial) = self.sign_for(now, customer, &g, &random)?;
        self.record_issued(customer, now, (g.kind, g.ca), serial, &issued)?;
        Ok(issued)
    }

    /// Charges `customer` the fee of `issued` as of `at` and keeps the certificate's record.
    pub(super) fn record_issued(
        &mut self,
        customer: &DemoCustomer,
        at: Millis,
        kind_ca: (CertKind, Ca),
        serial: String,
        issued: &IssuedCertificate,
    ) -> BankResult<()> {
        let record = self
            .customers
            .iter_mut()
            .find(|c| c.user_id == customer.user_id)
            .ok_or(BankError::UnknownUser)?;
        record.balance = record.balance.saturating_sub(issued.fee);
        record.last_issued_at = Some(at);
        self.certificates.push(CertificateRecord::issued(
            customer.user_id,
            kind_ca,
            serial,
            at,
            issued.certificate.clone(),
            issued.fee,
        ));
        Ok(())
    }

    /// Has `g.ca`'s issuing authority sign the certificate `g` describes, carrying `customer`'s
    /// VID for R: the answer (fee `g.fee`) and the serial number, nothing charged or recorded.
    pub(super) fn sign_for(
        &mut self,
        now: Millis,
        customer: &DemoCustomer,
        g: &Grant<'_>,
        random: &[u8],
    ) -> BankResult<(IssuedCertificate, String)> {
        let (root, issuing) = self.authorities(g.ca, now)?;
        let holder = Holder {
            real_name: if g.kind.is_business() {
                customer.display_name()
            } else {
                customer.name
            }
            .to_owned(),
            vid: pki::vid::vid(customer.idn(g.kind), random).map_err(internal)?,
        };
        let certificate = issuing
            .issue_personal(
                g.subject.clone(),
                &g.public,
                pki::profile::policy_oid(g.ca, g.kind).ok_or_else(|| BankError::CaNotOffered {
                    ca: g.ca.label().to_owned(),
                    kind: g.kind.full_label(),
                })?,
                &holder,
                g.validity,
            )
            .map_err(internal)?;
        let issued = IssuedCertificate {
            certificate: base64(&certificate.to_der().map_err(internal)?),
            chain: vec![
                base64(&issuing.certificate.to_der().map_err(internal)?),
                base64(&root.certificate.to_der().map_err(internal)?),
            ],
            fee: g.fee,
        };
        Ok((
            issued,
            certificate.tbs_certificate().serial_number().to_string(),
        ))
    }
}
