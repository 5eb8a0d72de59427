//! The mock bank, the far side of [`crate::bank`]'s wire: it answers [`BankApi`] calls the way
//! a bank server would, keeping its records in storage of its own ([`store`]). In the browser
//! it runs in a Web Worker of its own ([`crate::servers::worker`] is its loop; the page reaches it through
//! [`crate::bank::worker`]); natively (tests) it is called directly. Every request is
//! serialised to JSON and back, so the UI cannot lean on anything a network would not carry.

use serde::{Deserialize, Serialize};

mod attempts;
mod authority;
mod cert_login;
mod cloud_issuance;
mod consent;
mod issuance;
mod issuing;
mod lifecycle;
mod practice;
mod records;
mod registration;
mod registry;
mod relay;
mod session;
pub mod store;
mod verification;
pub(crate) mod wire;

use crate::bank::api::*;
use crate::bank::client::{Pending, Transport, call_through};
use crate::bank::clock::{Clock, Millis};
pub use store::{BankStore, Records};
use store::{META, STORES};
use wire::{internal, serve};

/// Stored times must lie between 1970 and this (about the year 2200): nothing absurd reaches
/// date arithmetic.
const LATEST_TIME: Millis = 7_258_118_400_000;
/// The version of the whole-state JSON (the `localStorage` layout, and the joined records).
const STATE_VERSION: u32 = 1;
/// The version of the records' layout in the object stores (`meta` → `version`): 3 keeps a
/// certificate under its owner ([`store::certificate_key`]).
const RECORDS_VERSION: &str = "3";
/// The layout before, read as well (only the certificates' keys differ; a request over it
/// reads every record and writes them back in the current layout).
const PREVIOUS_RECORDS_VERSION: &str = "2";
/// `meta` keys: the layout's version, records kept aside and why.
const VERSION_KEY: &str = "version";
const UNREADABLE_KEY: &str = "unreadable";
const PROBLEM_KEY: &str = "unreadable.problem";
const KEPT_KEY: &str = "kept-aside";
/// The origin the bank assumes outside a browser (the dev server's).
pub const DEFAULT_ORIGIN: &str = "http://127.0.0.1:8080";
/// How long a login session lasts without `연장`.
pub const SESSION_SECS: u32 = 10 * 60;

/// How far a page may move the practice clock from real time, either way (about 5 years).
pub const MAX_PRACTICE_OFFSET_MS: Millis = 5 * 366 * 86_400_000;

/// The two times a request is served at.
#[derive(Clone, Copy, Debug)]
struct Now {
    /// The bank's own clock: sessions, challenges, relay slots and the sweeps.
    real: Millis,
    /// Real time plus the page's practice offset: the business rules a learner practises
    /// (issuance hours, validity, renewal, refund, receipts, the loan rule, OTP steps).
    practice: Millis,
}

/// The practice bank.
#[derive(Clone, Debug)]
pub struct MockBank {
    store: BankStore,
    clock: Clock,
    origin: String,
}

impl MockBank {
    /// A bank keeping its records in `store` and reading the time from `clock`.
    pub fn new(store: BankStore, clock: Clock) -> Self {
        // In a browser (page or worker) the bank serves its own origin; natively, the dev
        // server's.
        #[cfg(target_arch = "wasm32")]
        let origin = js_sys::Reflect::get(&js_sys::global(), &"location".into())
            .and_then(|location| js_sys::Reflect::get(&location, &"origin".into()))
            .ok()
            .and_then(|origin| origin.as_string())
            .unwrap_or_else(|| DEFAULT_ORIGIN.to_owned());
        #[cfg(not(target_arch = "wasm32"))]
        let origin = DEFAULT_ORIGIN.to_owned();
        Self {
            store,
            clock,
            origin,
        }
    }

    /// The origin certificate-login signatures must name.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The bank's clock, for tests that move time.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Where the records are kept.
    pub fn store(&self) -> &BankStore {
        &self.store
    }

    /// Serves one request at the bank's own time; see [`MockBank::serve_practising`].
    pub async fn serve(&self, endpoint: &str, body: &str) -> BankResult<String> {
        self.serve_practising(0, endpoint, body).await
    }

    /// Serves one request as a server would: endpoint name and JSON body in, JSON out. The
    /// bank reads its own clock; `offset_ms` is the page's practice offset, which moves only
    /// the business rules' time and may be at most [`MAX_PRACTICE_OFFSET_MS`] either way.
    pub async fn serve_practising(
        &self,
        offset_ms: Millis,
        endpoint: &str,
        body: &str,
    ) -> BankResult<String> {
        let real = self.clock.now();
        if offset_ms.abs() > MAX_PRACTICE_OFFSET_MS {
            Err(BankError::PracticeClockOutOfRange)
        } else {
            let now = Now {
                real,
                practice: real + offset_ms,
            };
            self.store
                .transact_reading(
                    |records| records::reading(records, endpoint, body),
                    |records| handle(records, now, &self.origin, endpoint, body),
                )
                .await
                .unwrap_or_else(|e| Err(internal(e)))
        }
    }

    /// Moves the records of the `localStorage` days into the store, once: when the store is
    /// still empty, `state` becomes its records (or, unreadable, is kept aside and refused until
    /// 연습 데이터 초기화, as before); `kept` (records kept aside then) is kept aside again.
    pub async fn migrate(&self, state: Option<&str>, kept: Option<&str>) -> BankResult<()> {
        self.store
            .transact(|records| {
                if records.values().any(|r| !r.is_empty()) {
                    return Ok(());
                }
                if let Some(text) = state {
                    match BankState::from_json(text) {
                        Ok(state) => *records = state.to_records()?,
                        Err(problem) => {
                            let meta = records.entry(META.to_owned()).or_default();
                            meta.insert(UNREADABLE_KEY.to_owned(), text.to_owned());
                            meta.insert(PROBLEM_KEY.to_owned(), problem);
                        }
                    }
                }
                if let Some(text) = kept {
                    records
                        .entry(META.to_owned())
                        .or_default()
                        .insert(KEPT_KEY.to_owned(), text.to_owned());
                }
                Ok(())
            })
            .await
            .map_err(internal)?
    }
}

/// One request against the records: read them, decide, leave the new records in `records`.
fn handle(
    records: &mut Records,
    now: Now,
    origin: &str,
    endpoint: &str,
    body: &str,
) -> BankResult<String> {
    let mut state = match BankState::from_records(records) {
        Ok(state) => state,
        // 연습 데이터 초기화 is the way out of unreadable records: they are kept aside.
        Err(_) if endpoint == ResetPractice::NAME => {
            let aside = serde_json::to_string(&*records).map_err(internal)?;
            let mut fresh = BankState::seed().to_records()?;
            fresh
                .entry(META.to_owned())
                .or_default()
                .insert(KEPT_KEY.to_owned(), aside);
            *records = fresh;
            return serve(body, |ResetPractice| Ok(()));
        }
        Err(problem) => return Err(BankError::RecordsUnreadable { problem }),
    };
    // Real time: one tab's practice clock never ends another tab's session or copy.
    state.sessions.retain(|s| s.expires_at > now.real);
    state.challenges.retain(|c| c.expires_at > now.real);
    state.relays.retain(|r| r.expires_at > now.real);
    let sessions = &state.sessions;
    state
        .issuances
        .retain(|i| sessions.iter().any(|s| s.token == i.token()));
    let answer = state.dispatch(now, origin, endpoint, body);
    // Checked before writing as on reading: the bank never writes what it could not read.
    if let Err(problem) = state.validate() {
        return Err(internal(format!("refused to write: {problem}")));
    }
    // Refusals change records too (failure counters), so the records are written either way.
    let kept = records.get(META).and_then(|m| m.get(KEPT_KEY)).cloned();
    *records = state.to_records()?;
    if let Some(kept) = kept {
        records
            .entry(META.to_owned())
            .or_default()
            .insert(KEPT_KEY.to_owned(), kept);
    }
    answer
}

/// Called directly (tests, `/bench`), the bank is called at its own time.
impl BankApi for MockBank {
    fn call<E: Endpoint>(&self, request: E) -> impl Future<Output = BankResult<E::Response>> {
        call_through(request, |endpoint, body| self.send(endpoint, body, 0))
    }
}

/// The bank in the same thread: what its direct calls ([`BankApi`] above) go through.
impl Transport for MockBank {
    fn send(&self, endpoint: &'static str, body: String, offset_ms: Millis) -> Pending {
        let bank = self.clone();
        Box::pin(async move { bank.serve_practising(offset_ms, endpoint, &body).await })
    }
}

/// Everything the bank remembers.
#[derive(Debug, Serialize, Deserialize)]
struct BankState {
    version: u32,
    customers: Vec<CustomerRecord>,
    sessions: Vec<SessionRecord>,
    #[serde(default)]
    issuances: Vec<issuance::IssuanceRecord>,
    #[serde(default)]
    certificates: Vec<registry::CertificateRecord>,
    #[serde(default)]
    authorities: Vec<authority::StoredAuthority>,
    #[serde(default)]
    challenges: Vec<cert_login::ChallengeRecord>,
    #[serde(default)]
    relays: Vec<relay::RelayRecord>,
}

/// The changing part of a customer's record; the fixed part is [`demo::DemoCustomer`].
#[derive(Debug, Serialize, Deserialize)]
struct CustomerRecord {
    user_id: String,
    login_failures: u8,
    balance: u64,
    #[serde(default)]
    account_password_failures: u8,
    #[serde(default)]
    card_failures: u8,
    #[serde(default)]
    otp_failures: u8,
    /// The OTP time step of the last code accepted: no code passes twice.
    #[serde(default)]
    otp_last_step: Option<i64>,
    #[serde(default)]
    rrn_failures: u8,
    /// A new ID password set by 아이디 비밀번호 재설정: `pbkdf2-sha256:<rounds>:<salt>` and the
    /// PBKDF2 output, hex (records of before hold a bare salt and SHA-256(salt ‖ password)).
    #[serde(default)]
    password_hash: Option<(String, String)>,
    /// When a certificate was last issued: loans are refused for 4 days from that day.
    #[serde(default)]
    last_issued_at: Option<Millis>,
    /// The prior consent to issuance (인증서발급 동의여부); none recorded at first.
    #[serde(default)]
    consent: Option<consent::StoredConsent>,
}

#[derive(Debug, Serialize, Deserialize)]
struct SessionRecord {
    token: String,
    user_id: String,
    expires_at: Millis,
    /// Opened by certificate login (which may reset the ID password).
    #[serde(default)]
    by_certificate: bool,
    /// When it was opened (the bank's own clock); `연장` does not move it.
    #[serde(default)]
    opened_at: Millis,
}

impl BankState {
    fn dispatch(
        &mut self,
        now: Now,
        origin: &str,
        endpoint: &str,
        body: &str,
    ) -> BankResult<String> {
        match endpoint {
            Login::NAME => serve(body, |r| self.login(now.real, r)),
            ExtendSession::NAME => serve(body, |r| self.extend(now.real, r)),
            ResetLoginPassword::NAME => serve(body, |r| self.reset_login_password(now.real, r)),
            Logout::NAME => serve(body, |r: Logout| {
                self.sessions.retain(|s| s.token != r.token.0);
                self.issuances.retain(|i| i.token() != r.token.0);
                Ok(())
            }),
            GetIssuance::NAME => serve(body, |r| self.issuance_status(r)),
            CancelIssuance::NAME => serve(body, |r| self.cancel_issuance(r)),
            AgreeTerms::NAME => serve(body, |r| self.agree_terms(r)),
            GetTargets::NAME => serve(body, |r| self.targets(r)),
            ChooseCertificate::NAME => serve(body, |r| self.choose_certificate(now.practice, r)),
            AgreeCloudTerms::NAME => serve(body, |r| self.agree_cloud_terms(now.practice, r)),
            StartText::NAME => serve(body, |r| self.start_text(r)),
            ConfirmText::NAME => serve(body, |r| self.confirm_text(r)),
            GetVerification::NAME => serve(body, |r| self.verification(r)),
            StartArs::NAME => serve(body, |r| self.start_ars(r)),
            AnswerArs::NAME => serve(body, |r| self.answer_ars(r)),
            ConfirmArs::NAME => serve(body, |r| self.confirm_ars(r)),
            CheckDeparture::NAME => serve(body, |r| self.check_departure(r)),
            VerifyAccount::NAME => serve(body, |r| self.verify_account(now.practice, r)),
            GetFee::NAME => serve(body, |r| self.fee(now.practice, r)),
            ConfirmFee::NAME => serve(body, |r| self.confirm_fee(now.practice, r)),
            GetBankName::NAME => serve(body, |r| self.bank_name(r)),
            SubmitDetails::NAME => serve(body, |r| self.submit_details(r)),
            PrepareIssuance::NAME => serve(body, |r| self.prepare_issuance(r)),
            IssueCertificate::NAME => serve(body, |r| self.issue_certificate(now.practice, r)),
            ResetPractice::NAME => serve(body, |ResetPractice| {
                // The mock CAs stay: a learner may have downloaded the root already.
                let authorities = std::mem::take(&mut self.authorities);
                *self = Self::seed();
                self.authorities = authorities;
                Ok(())
            }),
            StartTask::NAME => serve(body, |r| self.start_task(now.practice, r)),
            GetAccount::NAME => serve(body, |r| self.account(r)),
            ListCertificates::NAME => serve(body, |r| self.list_certificates(now.practice, r)),
            GetRootCertificate::NAME => serve(body, |GetRootCertificate| {
                self.root_certificate(now.practice)
            }),
            LoginChallenge::NAME => serve(body, |LoginChallenge| self.challenge(now.real)),
            CertificateLogin::NAME => serve(body, |r| self.certificate_login(now, origin, r)),
            RevokeCertificate::NAME => serve(body, |r| self.revoke_certificate(now, origin, r)),
            RenewCertificate::NAME => serve(body, |r| self.renew_certificate(now, origin, r)),
            GetCrl::NAME => serve(body, |r| self.crl(now.practice, r)),
            ListReceipts::NAME => serve(body, |r| self.receipts(now.practice, r)),
            StartRegistration::NAME => serve(body, |r| self.start_registration(r)),
            RegisterCertificate::NAME => serve(body, |r| self.register_certificate(now, origin, r)),
            UnregisterCertificate::NAME => {
                serve(body, |r| self.unregister_certificate(now.practice, r))
            }
            IssueElsewhere::NAME => serve(body, |r| self.issue_elsewhere(now.practice, r)),
            GetConsent::NAME => serve(body, |r| self.consent(r)),
            RelayOpen::NAME => serve(body, |r| self.relay_open(now.real, r)),
            RelayFind::NAME => serve(body, |r| self.relay_find(now, origin, r)),
            RelaySend::NAME => serve(body, |r| self.relay_send(r)),
            RelayFetch::NAME => serve(body, |r| self.relay_fetch(r)),
            WithdrawConsent::NAME => serve(body, |r| self.withdraw_consent(now.practice, r)),
            ConsentAtBranch::NAME => serve(body, |r| self.consent_at_branch(now.practice, r)),
            other => Err(BankError::BadRequest {
                detail: format!("unknown endpoint `{other}`"),
            }),
        }
    }
}

/// `N` bytes from the platform CSPRNG.
fn random_bytes<const N: usize>() -> BankResult<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| BankError::Internal {
        detail: e.to_string(),
    })?;
    Ok(bytes)
}

/// 128 bits from the platform CSPRNG, hex-encoded.
fn random_token() -> BankResult<String> {
    Ok(random_bytes::<16>()?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}
