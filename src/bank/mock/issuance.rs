//! The mock bank's side of the issuance wizard: one issuance per login session, every step
//! checked against the ones before it, every wrong answer counted on the customer's record.

use serde::{Deserialize, Serialize};

use super::attempts::Attempts;
use super::{BankState, CustomerRecord, random_bytes};
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::demo::{self, DemoCustomer, SecondFactor};
use crate::bank::rules;
use crate::kst::Kst;
use crate::pki::{self, PkiError, ca::Authority, ca::Holder};
use crate::wizard::{OutOfOrder, Progress, Step};
use der::{Decode, Encode};

impl From<OutOfOrder> for BankError {
    fn from(e: OutOfOrder) -> Self {
        BankError::OutOfOrder {
            step: e.missing.number(),
            title: e.missing.title().to_owned(),
        }
    }
}

/// One session's issuance.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct IssuanceRecord {
    pub(super) token: String,
    pub(super) progress: Progress,
    kind: Option<CertKind>,
    ca: Option<Ca>,
    ars: Ars,
    card_challenge: Option<(u8, u8)>,
    account: Option<String>,
    details: Option<CustomerDetails>,
    /// The digits of the subject's CN, assigned when issuance is prepared.
    #[serde(default)]
    cn_digits: Option<String>,
    /// The certificate issued, so that a retried request gets it again and pays once.
    #[serde(default)]
    issued: Option<IssuedCertificate>,
    /// The request (CSR and R, base64) `issued` answers: a retry must send the same.
    #[serde(default)]
    issued_for: Option<(String, String)>,
    /// The fee step 4 showed and the customer confirmed.
    #[serde(default)]
    confirmed_fee: Option<u64>,
    /// A 타행·타기관 registration, which borrows step 3's verification.
    #[serde(default)]
    pub(super) registering: bool,
}

/// The additional identity check of step 3.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
enum Ars {
    #[default]
    None,
    /// The bank called; `approved` once the right number was keyed.
    Calling { number: String, approved: bool },
    /// ARS approved (or the departure record found) and confirmed.
    Confirmed,
}

impl IssuanceRecord {
    /// A registration's record for the session `token`: step 3 is next.
    pub(super) fn registration(token: &str) -> BankResult<Self> {
        let mut record = Self {
            token: token.to_owned(),
            registering: true,
            ..Default::default()
        };
        // Step 3's endpoints serve the registration: nothing to agree or choose first.
        record.complete(Step::Terms)?;
        record.complete(Step::Target)?;
        Ok(record)
    }

    /// Whether stored values are ones the bank could have written (security-card numbers 1
    /// to 35 and distinct).
    pub(super) fn is_consistent(&self) -> bool {
        self.card_challenge
            .is_none_or(|(a, b)| a != b && (1..=35).contains(&a) && (1..=35).contains(&b))
    }

    /// The login session this issuance belongs to.
    pub(super) fn token(&self) -> &str {
        &self.token
    }

    /// Completes `step`, forgetting what later steps had confirmed.
    pub(super) fn complete(&mut self, step: Step) -> BankResult<Progress> {
        self.progress.complete(step)?;
        if step < Step::Target {
            self.kind = None;
            self.ca = None;
        }
        if step < Step::Verify {
            self.ars = Ars::None;
            self.card_challenge = None;
            self.account = None;
        }
        if step < Step::Details {
            self.details = None;
        }
        Ok(self.progress)
    }
}

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

/// A mock CA's key and certificate, made once and kept in the bank's records.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct StoredAuthority {
    /// `root`, or the CA's organisation name.
    id: String,
    /// PKCS#8 DER, base64.
    key: String,
    /// DER, base64.
    certificate: String,
}

/// A login session's customer, their changing record and their issuance (started if none).
struct Context<'a> {
    customer: &'static DemoCustomer,
    record: &'a mut CustomerRecord,
    issuance: &'a mut IssuanceRecord,
}

impl BankState {
    /// The session's customer.
    pub(super) fn session_user(&self, token: &SessionToken) -> BankResult<&'static DemoCustomer> {
        let session = self
            .sessions
            .iter()
            .find(|s| s.token == token.0)
            .ok_or(BankError::SessionExpired)?;
        demo::find(&session.user_id).ok_or(BankError::UnknownUser)
    }

    fn context(&mut self, token: &SessionToken) -> BankResult<Context<'_>> {
        let customer = self.session_user(token)?;
        let record = self
            .customers
            .iter_mut()
            .find(|r| r.user_id == customer.user_id)
            .ok_or(BankError::UnknownUser)?;
        let index = match self.issuances.iter().position(|i| i.token == token.0) {
            Some(index) => index,
            None => {
                self.issuances.push(IssuanceRecord {
                    token: token.0.clone(),
                    ..Default::default()
                });
                self.issuances.len() - 1
            }
        };
        Ok(Context {
            customer,
            record,
            issuance: &mut self.issuances[index],
        })
    }

    pub(super) fn issuance_status(&mut self, r: GetIssuance) -> BankResult<IssuanceStatus> {
        // The wizard does not continue a registration's verification.
        self.issuances
            .retain(|i| !(i.token == r.token.0 && i.registering));
        let cx = self.context(&r.token)?;
        Ok(IssuanceStatus {
            progress: cx.issuance.progress,
            kind: cx.issuance.kind,
            ca: cx.issuance.ca,
        })
    }

    pub(super) fn cancel_issuance(&mut self, r: CancelIssuance) -> BankResult<()> {
        self.issuances.retain(|i| i.token != r.token.0);
        Ok(())
    }

    pub(super) fn agree_terms(&mut self, r: AgreeTerms) -> BankResult<Progress> {
        let cx = self.context(&r.token)?;
        cx.issuance.progress.require(Step::Terms)?;
        if !(r.basic_terms && r.service_terms) {
            return Err(BankError::TermsNotAgreed);
        }
        if !rules::rrn_is_valid(&r.rrn) {
            return Err(BankError::InvalidRrn);
        }
        Attempts::Rrn.record(
            &mut cx.record.rrn_failures,
            rules::rrn_matches(&r.rrn, cx.customer.rrn),
        )?;
        cx.issuance.complete(Step::Terms)
    }

    pub(super) fn targets(&mut self, r: GetTargets) -> BankResult<Targets> {
        let user_id = self.context(&r.token)?.customer.user_id;
        let issued = |ca: Ca| {
            self.certificates.iter().any(|c: &CertificateRecord| {
                c.user_id == user_id
                    && c.ca == ca
                    && c.kind == CertKind::General
                    && !c.revoked
                    && !c.registered
            })
        };
        Ok(Targets {
            general: Ca::GENERAL.iter().map(|ca| (*ca, issued(*ca))).collect(),
        })
    }

    pub(super) fn choose_certificate(&mut self, r: ChooseCertificate) -> BankResult<Progress> {
        let cx = self.context(&r.token)?;
        cx.issuance.progress.require(Step::Target)?;
        let missing = |what: String| Err(BankError::ConsentMissing { what });
        if !r.ca_terms {
            return missing(format!("{} 공인인증서비스 이용약관", r.ca.label()));
        }
        if !r.third_party {
            return missing("개인정보 제3자 제공".to_owned());
        }
        if !r.prior_consent {
            return missing("공인인증서 발급에 대한 사전동의".to_owned());
        }
        if !r.ca.issues(r.kind) {
            return Err(BankError::CaNotOffered {
                ca: r.ca.label().to_owned(),
                kind: r.kind.label().to_owned(),
            });
        }
        let progress = cx.issuance.complete(Step::Target)?;
        cx.issuance.kind = Some(r.kind);
        cx.issuance.ca = Some(r.ca);
        Ok(progress)
    }

    pub(super) fn verification(&mut self, r: GetVerification) -> BankResult<Verification> {
        let cx = self.context(&r.token)?;
        cx.issuance.progress.require(Step::Verify)?;
        let second_factor = match cx.customer.second_factor {
            SecondFactor::SecurityCard { serial, .. } => {
                let (first, second) = match cx.issuance.card_challenge {
                    Some(challenge) => challenge,
                    None => {
                        let challenge = card_challenge()?;
                        cx.issuance.card_challenge = Some(challenge);
                        challenge
                    }
                };
                SecondFactorPrompt::Card {
                    serial_prefix: serial.split(' ').next().unwrap_or_default().to_owned(),
                    first,
                    second,
                    tries_left: Attempts::SecurityCard.left(cx.record.card_failures),
                }
            }
            SecondFactor::Otp { .. } => SecondFactorPrompt::Otp {
                tries_left: Attempts::Otp.left(cx.record.otp_failures),
            },
        };
        Ok(Verification {
            phones: cx
                .customer
                .phones
                .iter()
                .map(|p| rules::phone_masked(p))
                .collect(),
            accounts: vec![cx.customer.account.to_owned()],
            account_tries_left: Attempts::AccountPassword.left(cx.record.account_password_failures),
            identity_confirmed: cx.issuance.ars == Ars::Confirmed,
            second_factor,
        })
    }

    pub(super) fn start_ars(&mut self, r: StartArs) -> BankResult<ArsCall> {
        let cx = self.context(&r.token)?;
        cx.issuance.progress.require(Step::Verify)?;
        let phone = cx
            .customer
            .phones
            .get(r.phone)
            .ok_or(BankError::UnknownPhone)?;
        let [a, b] = random_bytes::<2>()?;
        // 10 to 99, so that the number never starts with a zero the customer might drop.
        let number = (10 + u16::from_be_bytes([a, b]) % 90).to_string();
        cx.issuance.ars = Ars::Calling {
            number: number.clone(),
            approved: false,
        };
        Ok(ArsCall {
            phone: rules::phone_masked(phone),
            approval_number: number,
        })
    }

    pub(super) fn answer_ars(&mut self, r: AnswerArs) -> BankResult<ArsAnswer> {
        let cx = self.context(&r.token)?;
        let approved = match &mut cx.issuance.ars {
            Ars::Calling { number, approved } => {
                *approved = r.keyed.trim() == number;
                *approved
            }
            _ => false,
        };
        if !approved {
            // A wrong number ends the call; the customer asks for a new one.
            cx.issuance.ars = Ars::None;
        }
        Ok(ArsAnswer { approved })
    }

    pub(super) fn confirm_ars(&mut self, r: ConfirmArs) -> BankResult<()> {
        let cx = self.context(&r.token)?;
        cx.issuance.progress.require(Step::Verify)?;
        match cx.issuance.ars {
            Ars::Calling { approved: true, .. } | Ars::Confirmed => {
                cx.issuance.ars = Ars::Confirmed;
                Ok(())
            }
            _ => Err(BankError::ArsNotApproved),
        }
    }

    pub(super) fn check_departure(&mut self, r: CheckDeparture) -> BankResult<()> {
        let cx = self.context(&r.token)?;
        cx.issuance.progress.require(Step::Verify)?;
        if !cx.customer.abroad {
            return Err(BankError::NoDepartureRecord);
        }
        cx.issuance.ars = Ars::Confirmed;
        Ok(())
    }

    pub(super) fn verify_account(&mut self, now: Millis, r: VerifyAccount) -> BankResult<Progress> {
        let cx = self.context(&r.token)?;
        cx.issuance.progress.require(Step::Verify)?;
        if cx.issuance.ars != Ars::Confirmed {
            return Err(BankError::IdentityNotConfirmed);
        }
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        if digits(&r.account) != digits(cx.customer.account) {
            return Err(BankError::UnknownAccount);
        }
        Attempts::AccountPassword.record(
            &mut cx.record.account_password_failures,
            r.account_password == cx.customer.account_password,
        )?;

        match (cx.customer.second_factor, r.answer) {
            (
                SecondFactor::SecurityCard { codes, .. },
                SecondFactorAnswer::Card {
                    first_two,
                    last_two,
                },
            ) => {
                let (first, second) = cx.issuance.card_challenge.ok_or(BankError::BadRequest {
                    detail: "no security-card challenge was issued".to_owned(),
                })?;
                let code = |n: u8| codes[usize::from(n) - 1];
                let right = first_two == code(first)[..2] && last_two == code(second)[2..];
                if !right {
                    // New numbers for the next try, as a bank asks again.
                    cx.issuance.card_challenge = None;
                }
                Attempts::SecurityCard.record(&mut cx.record.card_failures, right)?;
            }
            (SecondFactor::Otp { secret_base32 }, SecondFactorAnswer::Otp { code }) => {
                let step = rules::otp_step(secret_base32, now, &code);
                if !Attempts::Otp.locked_at(cx.record.otp_failures)
                    && step.is_some()
                    && step <= cx.record.otp_last_step
                {
                    return Err(BankError::OtpReused);
                }
                Attempts::Otp.record(&mut cx.record.otp_failures, step.is_some())?;
                cx.record.otp_last_step = step;
            }
            _ => {
                return Err(BankError::BadRequest {
                    detail: "the answer is not for this customer's second factor".to_owned(),
                });
            }
        }
        let progress = cx.issuance.complete(Step::Verify)?;
        cx.issuance.account = Some(cx.customer.account.to_owned());
        Ok(progress)
    }

    /// Step 4's quote: nothing to pay when a valid certificate of the same CA is replaced.
    fn quote(&mut self, token: &SessionToken, now: Millis) -> BankResult<FeeQuote> {
        let (user_id, kind, ca, account) = {
            let cx = self.context(token)?;
            cx.issuance.progress.require(Step::Fee)?;
            let (Some(kind), Some(ca), Some(account)) = (
                cx.issuance.kind,
                cx.issuance.ca,
                cx.issuance.account.clone(),
            ) else {
                return Err(OutOfOrder {
                    missing: Step::Target,
                }
                .into());
            };
            (cx.customer.user_id, kind, ca, account)
        };
        let reissue = self.valid_certificate(user_id, ca, kind, now).is_some();
        Ok(FeeQuote {
            kind,
            account,
            fee: if reissue { 0 } else { kind.fee() },
            reissue,
        })
    }

    /// The customer's certificate of `ca` and `kind` that this bank issued and that is neither
    /// revoked nor expired (a registered 타행·타기관 certificate is not the bank's to replace).
    pub(super) fn valid_certificate(
        &self,
        user_id: &str,
        ca: Ca,
        kind: CertKind,
        now: Millis,
    ) -> Option<usize> {
        self.certificates.iter().position(|c| {
            c.user_id == user_id
                && c.ca == ca
                && c.kind == kind
                && !c.revoked
                && !c.registered
                && c.parsed().is_ok_and(|p| not_after(&p) >= now)
        })
    }

    pub(super) fn fee(&mut self, now: Millis, r: GetFee) -> BankResult<FeeQuote> {
        self.quote(&r.token, now)
    }

    pub(super) fn confirm_fee(&mut self, now: Millis, r: ConfirmFee) -> BankResult<Progress> {
        let quote = self.quote(&r.token, now)?;
        let cx = self.context(&r.token)?;
        if cx.record.balance < quote.fee {
            return Err(BankError::InsufficientBalance {
                balance: cx.record.balance,
                fee: quote.fee,
            });
        }
        let progress = cx.issuance.complete(Step::Fee)?;
        cx.issuance.confirmed_fee = Some(quote.fee);
        Ok(progress)
    }

    pub(super) fn bank_name(&mut self, r: GetBankName) -> BankResult<String> {
        Ok(self.context(&r.token)?.customer.name.to_owned())
    }

    pub(super) fn submit_details(&mut self, r: SubmitDetails) -> BankResult<Progress> {
        let cx = self.context(&r.token)?;
        cx.issuance.progress.require(Step::Details)?;
        let details = rules::check_details(&r.details).map_err(|(field, message)| {
            BankError::InvalidDetails {
                field: field.to_owned(),
                message,
            }
        })?;
        if details.name != cx.customer.name {
            return Err(BankError::InvalidDetails {
                field: "name".to_owned(),
                message: "고객명은 은행에 등록된 실명과 같아야 합니다. [은행정보 불러오기]를 이용해 주세요."
                    .to_owned(),
            });
        }
        let progress = cx.issuance.complete(Step::Details)?;
        cx.issuance.details = Some(details);
        Ok(progress)
    }
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
    fn subject(
        &mut self,
        token: &SessionToken,
    ) -> BankResult<(x509_cert::name::Name, Ca, CertKind)> {
        let cx = self.context(token)?;
        cx.issuance.progress.require(Step::Password)?;
        let (Some(kind), Some(ca), Some(details)) = (
            cx.issuance.kind,
            cx.issuance.ca,
            cx.issuance.details.clone(),
        ) else {
            return Err(OutOfOrder {
                missing: Step::Target,
            }
            .into());
        };
        let digits = match &cx.issuance.cn_digits {
            Some(digits) => digits.clone(),
            None => {
                let bytes = random_bytes::<12>()?;
                let digits: String = bytes.iter().map(|b| char::from(b'0' + b % 10)).collect();
                cx.issuance.cn_digits = Some(digits.clone());
                digits
            }
        };
        let cn = pki::subject::common_name(&details.name, &details.english_name, &digits);
        let subject = pki::subject::personal_subject(ca, &cn).map_err(internal)?;
        Ok((subject, ca, kind))
    }

    /// The root and `ca`'s issuing authority, made the first time they are needed.
    pub(super) fn authorities(
        &mut self,
        ca: Ca,
        now: Millis,
    ) -> BankResult<(Authority, Authority)> {
        let root = self.root(now)?;
        let id = pki::profile::ca_org(ca);
        let issuing = match self.stored_authority(id)? {
            Some(issuing) => issuing,
            None => {
                let issuing = root.new_issuing(ca, now).map_err(internal)?;
                self.store_authority(id, &issuing)?;
                issuing
            }
        };
        Ok((root, issuing))
    }

    pub(super) fn stored_authority(&self, id: &str) -> BankResult<Option<Authority>> {
        self.authorities
            .iter()
            .find(|a| a.id == id)
            .map(|a| {
                Authority::from_der(&unbase64(&a.key)?, &unbase64(&a.certificate)?)
                    .map_err(internal)
            })
            .transpose()
    }

    fn store_authority(&mut self, id: &str, authority: &Authority) -> BankResult<()> {
        self.authorities.push(StoredAuthority {
            id: id.to_owned(),
            key: base64(&authority.key_der().map_err(internal)?),
            certificate: base64(&authority.certificate.to_der().map_err(internal)?),
        });
        Ok(())
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
        let old = self.valid_certificate(user_id, ca, kind, now);
        let (fee, validity) = match old {
            Some(i) => {
                let end = self.certificates[i]
                    .parsed()?
                    .tbs_certificate()
                    .validity()
                    .not_after;
                (0, pki::ca::validity_until(now, end).map_err(internal)?)
            }
            None => (kind.fee(), pki::ca::validity(now, 1).map_err(internal)?),
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
        let cx = self.context(g.token)?;
        cx.record.balance -= g.fee;
        cx.record.last_issued_at = Some(now);
        self.certificates.push(CertificateRecord {
            user_id: customer.user_id.to_owned(),
            kind: g.kind,
            ca: g.ca,
            serial,
            issued_at: now,
            revoked: false,
            certificate: issued.certificate.clone(),
            fee: g.fee,
            revoked_at: None,
            replaced_by: None,
            refund: 0,
            registered: false,
            released_at: None,
        });
        Ok(issued)
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
            real_name: customer.name.to_owned(),
            vid: pki::vid::vid(customer.rrn, random).map_err(internal)?,
        };
        let certificate = issuing
            .issue_personal(
                g.subject.clone(),
                &g.public,
                pki::profile::policy_oid(g.ca, g.kind),
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

    /// The mock root, made the first time it is needed.
    fn root(&mut self, now: Millis) -> BankResult<Authority> {
        if let Some(root) = self.stored_authority("root")? {
            return Ok(root);
        }
        let root = Authority::new_root(now).map_err(internal)?;
        self.store_authority("root", &root)?;
        Ok(root)
    }

    pub(super) fn root_certificate(&mut self, now: Millis) -> BankResult<String> {
        Ok(base64(
            &self.root(now)?.certificate.to_der().map_err(internal)?,
        ))
    }
}

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

pub(super) fn internal(e: impl std::fmt::Display) -> BankError {
    BankError::Internal {
        detail: e.to_string(),
    }
}

pub use crate::encoding::base64;

pub(super) fn unbase64(text: &str) -> BankResult<Vec<u8>> {
    crate::encoding::unbase64(text).ok_or_else(|| BankError::BadRequest {
        detail: "base64".to_owned(),
    })
}

/// Two different code numbers from 1 to 35, chosen at random.
fn card_challenge() -> BankResult<(u8, u8)> {
    loop {
        let [a, b] = random_bytes::<2>()?;
        let (first, second) = (1 + a % 35, 1 + b % 35);
        if first != second {
            return Ok((first, second));
        }
    }
}
