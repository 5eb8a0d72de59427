//! The mock bank: it answers [`BankApi`] calls the way a bank server would, keeping its records
//! in storage of its own ([`store`]). In the browser it runs in a Web Worker of its own
//! ([`crate::bank::worker`]); natively (tests) it is called directly. Every request is
//! serialised to JSON and back, so the UI cannot lean on anything a network would not carry.

use serde::{Deserialize, Serialize};
use serde_json::Value;

mod attempts;
mod authority;
mod cert_login;
mod issuance;
mod issuing;
mod lifecycle;
mod registration;
mod registry;
pub mod store;
mod verification;
mod wire;

use super::api::*;
use super::clock::{Clock, Millis};
use super::{demo, rules};
use attempts::Attempts;
pub use store::{BankStore, Records};
use store::{META, STORES};
use wire::internal;

/// The `localStorage` key of the records before they moved to IndexedDB (migrated once).
pub const LEGACY_STATE_KEY: &str = "mockbank.state";
/// The `localStorage` key where unreadable records were kept aside before IndexedDB.
pub const LEGACY_UNREADABLE_KEY: &str = "mockbank.state.unreadable";
/// Stored times must lie between 1970 and this (about the year 2200): nothing absurd reaches
/// date arithmetic.
const LATEST_TIME: Millis = 7_258_118_400_000;
/// The version of the whole-state JSON (the `localStorage` layout, and the joined records).
const STATE_VERSION: u32 = 1;
/// The version of the records' layout in the object stores (`meta` → `version`).
const RECORDS_VERSION: &str = "2";
/// `meta` keys: the layout's version, records kept aside and why.
const VERSION_KEY: &str = "version";
const UNREADABLE_KEY: &str = "unreadable";
const PROBLEM_KEY: &str = "unreadable.problem";
const KEPT_KEY: &str = "kept-aside";
/// The origin the bank assumes outside a browser (the dev server's).
pub const DEFAULT_ORIGIN: &str = "http://127.0.0.1:8080";
/// How long a login session lasts without `연장`.
pub const SESSION_SECS: u32 = 10 * 60;

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

    /// Serves one request at the bank's own time; see [`MockBank::serve_at`].
    pub async fn serve(&self, endpoint: &str, body: &str) -> Result<String, String> {
        self.serve_at(self.clock.now(), endpoint, body).await
    }

    /// Serves one request as a server would: endpoint name and JSON body in, JSON out, `now`
    /// being the bank's time. The error side is the JSON of a [`BankError`].
    pub async fn serve_at(
        &self,
        now: Millis,
        endpoint: &str,
        body: &str,
    ) -> Result<String, String> {
        let answer = self
            .store
            .transact(|records| handle(records, now, &self.origin, endpoint, body))
            .await
            .unwrap_or_else(|e| Err(internal(e)));
        answer.map_err(|error| {
            serde_json::to_string(&error).unwrap_or_else(|_| String::from(r#"{"code":"Internal"}"#))
        })
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
    now: Millis,
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
    state.sessions.retain(|s| s.expires_at > now);
    state.challenges.retain(|c| c.expires_at > now);
    let sessions = &state.sessions;
    state
        .issuances
        .retain(|i| sessions.iter().any(|s| s.token == i.token()));
    let answer = state.dispatch(now, origin, endpoint, body);
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

impl BankApi for MockBank {
    async fn call<E: Endpoint>(&self, request: E) -> BankResult<E::Response> {
        let body = serde_json::to_string(&request).map_err(bad_request)?;
        match self.serve(E::NAME, &body).await {
            Ok(answer) => serde_json::from_str(&answer).map_err(bad_request),
            Err(error) => Err(serde_json::from_str(&error).map_err(bad_request)?),
        }
    }
}

fn bad_request(e: serde_json::Error) -> BankError {
    BankError::BadRequest {
        detail: e.to_string(),
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
    /// A new ID password set by 아이디 비밀번호 재설정: salt and SHA-256(salt ‖ password), hex.
    #[serde(default)]
    password_hash: Option<(String, String)>,
    /// When a certificate was last issued: loans are refused for 4 days from that day.
    #[serde(default)]
    last_issued_at: Option<Millis>,
}

#[derive(Debug, Serialize, Deserialize)]
struct SessionRecord {
    token: String,
    user_id: String,
    expires_at: Millis,
    /// Opened by certificate login (which may reset the ID password).
    #[serde(default)]
    by_certificate: bool,
}

impl BankState {
    /// Reads stored records, checking every value a request would compute with; the problem
    /// in Korean otherwise.
    fn from_json(text: &str) -> Result<Self, String> {
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        let version = serde_json::from_str::<Versioned>(text)
            .map_err(|_| "기록이 손상되었습니다".to_owned())?
            .version;
        if version > STATE_VERSION {
            return Err(format!("더 새로운 버전(v{version})에서 저장된 기록입니다"));
        }
        if version < STATE_VERSION {
            return Err(format!("알 수 없는 옛 버전(v{version})의 기록입니다"));
        }
        let state: Self = serde_json::from_str(text)
            .map_err(|e| format!("기록의 값이 올바르지 않습니다: {e}"))?;
        state.validate()?;
        Ok(state)
    }

    /// What serde's types do not already guarantee.
    fn validate(&self) -> Result<(), String> {
        let time = |t: Millis| (0..=LATEST_TIME).contains(&t);
        let times = self
            .sessions
            .iter()
            .map(|s| s.expires_at)
            .chain(self.challenges.iter().map(|c| c.expires_at))
            .chain(self.customers.iter().filter_map(|c| c.last_issued_at))
            .chain(self.certificates.iter().flat_map(|c| {
                [Some(c.issued_at), c.revoked_at, c.released_at]
                    .into_iter()
                    .flatten()
            }));
        if !times.into_iter().all(time) {
            return Err("기록된 시각이 올바르지 않습니다".to_owned());
        }
        if !self.issuances.iter().all(|i| i.is_consistent()) {
            return Err("진행 중인 발급 기록이 올바르지 않습니다".to_owned());
        }
        Ok(())
    }

    /// The records in their stores, each under its key (see [`record_key`]).
    fn to_records(&self) -> BankResult<Records> {
        let Value::Object(fields) = serde_json::to_value(self).map_err(internal)? else {
            return Err(internal("the state is not an object"));
        };
        let mut records = Records::new();
        records
            .entry(META.to_owned())
            .or_default()
            .insert(VERSION_KEY.to_owned(), RECORDS_VERSION.to_owned());
        for (name, value) in fields {
            let Value::Array(items) = value else { continue };
            let store = records.entry(name.clone()).or_default();
            for item in items {
                let key = record_key(&name, &item)
                    .ok_or_else(|| internal(format!("a `{name}` record has no key")))?;
                if store.insert(key, item.to_string()).is_some() {
                    return Err(internal(format!("two `{name}` records share a key")));
                }
            }
        }
        Ok(records)
    }

    /// Reads the records back, checking them as [`BankState::from_json`] does; none yet means
    /// the demo seed. The problem in Korean otherwise.
    fn from_records(records: &Records) -> Result<Self, String> {
        let meta = records.get(META);
        if let Some(problem) = meta.and_then(|m| m.get(PROBLEM_KEY)) {
            return Err(problem.clone());
        }
        let Some(version) = meta.and_then(|m| m.get(VERSION_KEY)) else {
            return if records.values().all(|r| r.is_empty()) {
                Ok(Self::seed())
            } else {
                Err("기록의 버전 정보가 없습니다".to_owned())
            };
        };
        if version != RECORDS_VERSION {
            return Err(format!("알 수 없는 버전(v{version})의 기록입니다"));
        }
        let mut state = serde_json::Map::new();
        state.insert("version".to_owned(), STATE_VERSION.into());
        for name in STORES.into_iter().filter(|name| *name != META) {
            let items = records
                .get(name)
                .into_iter()
                .flat_map(|r| r.values())
                .map(|text| serde_json::from_str(text))
                .collect::<Result<Vec<Value>, _>>()
                .map_err(|_| "기록이 손상되었습니다".to_owned())?;
            state.insert(name.to_owned(), Value::Array(items));
        }
        let state: Self = serde_json::from_value(Value::Object(state))
            .map_err(|e| format!("기록의 값이 올바르지 않습니다: {e}"))?;
        state.validate()?;
        Ok(state)
    }

    fn seed() -> Self {
        Self {
            version: STATE_VERSION,
            customers: demo::CUSTOMERS
                .iter()
                .map(|c| CustomerRecord {
                    user_id: c.user_id.to_owned(),
                    login_failures: 0,
                    balance: c.balance,
                    account_password_failures: 0,
                    card_failures: 0,
                    otp_failures: 0,
                    otp_last_step: None,
                    rrn_failures: 0,
                    password_hash: None,
                    last_issued_at: None,
                })
                .collect(),
            sessions: Vec::new(),
            issuances: Vec::new(),
            certificates: Vec::new(),
            authorities: Vec::new(),
            challenges: Vec::new(),
        }
    }

    fn dispatch(
        &mut self,
        now: Millis,
        origin: &str,
        endpoint: &str,
        body: &str,
    ) -> BankResult<String> {
        match endpoint {
            Login::NAME => serve(body, |r| self.login(now, r)),
            ExtendSession::NAME => serve(body, |r| self.extend(now, r)),
            ResetLoginPassword::NAME => serve(body, |r| self.reset_login_password(r)),
            Logout::NAME => serve(body, |r: Logout| {
                self.sessions.retain(|s| s.token != r.token.0);
                self.issuances.retain(|i| i.token() != r.token.0);
                Ok(())
            }),
            GetIssuance::NAME => serve(body, |r| self.issuance_status(r)),
            CancelIssuance::NAME => serve(body, |r| self.cancel_issuance(r)),
            AgreeTerms::NAME => serve(body, |r| self.agree_terms(r)),
            GetTargets::NAME => serve(body, |r| self.targets(r)),
            ChooseCertificate::NAME => serve(body, |r| self.choose_certificate(r)),
            GetVerification::NAME => serve(body, |r| self.verification(r)),
            StartArs::NAME => serve(body, |r| self.start_ars(r)),
            AnswerArs::NAME => serve(body, |r| self.answer_ars(r)),
            ConfirmArs::NAME => serve(body, |r| self.confirm_ars(r)),
            CheckDeparture::NAME => serve(body, |r| self.check_departure(r)),
            VerifyAccount::NAME => serve(body, |r| self.verify_account(now, r)),
            GetFee::NAME => serve(body, |r| self.fee(now, r)),
            ConfirmFee::NAME => serve(body, |r| self.confirm_fee(now, r)),
            GetBankName::NAME => serve(body, |r| self.bank_name(r)),
            SubmitDetails::NAME => serve(body, |r| self.submit_details(r)),
            PrepareIssuance::NAME => serve(body, |r| self.prepare_issuance(r)),
            IssueCertificate::NAME => serve(body, |r| self.issue_certificate(now, r)),
            ResetPractice::NAME => serve(body, |ResetPractice| {
                // The mock CAs stay: a learner may have downloaded the root already.
                let authorities = std::mem::take(&mut self.authorities);
                *self = Self::seed();
                self.authorities = authorities;
                Ok(())
            }),
            GetAccount::NAME => serve(body, |r| self.account(r)),
            ListCertificates::NAME => serve(body, |r| self.list_certificates(now, r)),
            GetRootCertificate::NAME => {
                serve(body, |GetRootCertificate| self.root_certificate(now))
            }
            LoginChallenge::NAME => serve(body, |LoginChallenge| self.challenge(now)),
            CertificateLogin::NAME => serve(body, |r| self.certificate_login(now, origin, r)),
            RevokeCertificate::NAME => serve(body, |r| self.revoke_certificate(now, origin, r)),
            RenewCertificate::NAME => serve(body, |r| self.renew_certificate(now, origin, r)),
            GetCrl::NAME => serve(body, |r| self.crl(now, r)),
            ListReceipts::NAME => serve(body, |r| self.receipts(now, r)),
            StartRegistration::NAME => serve(body, |r| self.start_registration(r)),
            RegisterCertificate::NAME => serve(body, |r| self.register_certificate(now, origin, r)),
            UnregisterCertificate::NAME => serve(body, |r| self.unregister_certificate(now, r)),
            IssueElsewhere::NAME => serve(body, |r| self.issue_elsewhere(now, r)),
            other => Err(BankError::BadRequest {
                detail: format!("unknown endpoint `{other}`"),
            }),
        }
    }

    fn login(&mut self, now: Millis, request: Login) -> BankResult<SessionGrant> {
        let user_id = request.user_id.trim();
        let customer = demo::find(user_id).ok_or(BankError::UnknownUser)?;
        let record = self
            .customers
            .iter_mut()
            .find(|r| r.user_id == user_id)
            .ok_or(BankError::UnknownUser)?;
        let right = match &record.password_hash {
            Some((salt, hash)) => password_hash(salt, &request.password) == *hash,
            None => request.password == customer.password,
        };
        Attempts::LoginPassword.record(&mut record.login_failures, right)?;
        self.open_session(customer, now, false)
    }

    fn open_session(
        &mut self,
        customer: &'static demo::DemoCustomer,
        now: Millis,
        by_certificate: bool,
    ) -> BankResult<SessionGrant> {
        let token = random_token()?;
        self.sessions.push(SessionRecord {
            token: token.clone(),
            user_id: customer.user_id.to_owned(),
            expires_at: now + Millis::from(SESSION_SECS) * 1000,
            by_certificate,
        });
        Ok(SessionGrant {
            user_id: customer.user_id.to_owned(),
            token: SessionToken(token),
            customer_name: customer.name.to_owned(),
            expires_in_secs: SESSION_SECS,
        })
    }

    fn reset_login_password(&mut self, request: ResetLoginPassword) -> BankResult<()> {
        let session = self
            .sessions
            .iter()
            .find(|s| s.token == request.token.0)
            .ok_or(BankError::SessionExpired)?;
        if !session.by_certificate {
            return Err(BankError::CertificateLoginRequired);
        }
        rules::check_login_password(&request.new_password).map_err(|message| {
            BankError::InvalidDetails {
                field: "new_password".to_owned(),
                message,
            }
        })?;
        let user_id = session.user_id.clone();
        let record = self
            .customers
            .iter_mut()
            .find(|r| r.user_id == user_id)
            .ok_or(BankError::UnknownUser)?;
        let salt = random_token()?;
        let hash = password_hash(&salt, &request.new_password);
        record.password_hash = Some((salt, hash));
        record.login_failures = 0;
        Ok(())
    }

    fn extend(&mut self, now: Millis, request: ExtendSession) -> BankResult<SessionTime> {
        let session = self
            .sessions
            .iter_mut()
            .find(|s| s.token == request.token.0)
            .ok_or(BankError::SessionExpired)?;
        session.expires_at = now + Millis::from(SESSION_SECS) * 1000;
        Ok(SessionTime {
            expires_in_secs: SESSION_SECS,
        })
    }
}

/// SHA-256(salt ‖ password), hex: how a reset ID password is kept.
fn password_hash(salt: &str, password: &str) -> String {
    use sha2::Digest;
    data_encoding::HEXLOWER.encode(
        &sha2::Sha256::new()
            .chain_update(salt)
            .chain_update(password)
            .finalize(),
    )
}

/// Where a record is kept in its store: its natural key; certificates by issue time first, so
/// that they read back in the order they were issued.
fn record_key(store: &str, record: &Value) -> Option<String> {
    let text = |field: &str| record.get(field)?.as_str().map(str::to_owned);
    match store {
        "customers" => text("user_id"),
        "sessions" | "issuances" => text("token"),
        "authorities" => text("id"),
        "challenges" => text("nonce"),
        "certificates" => Some(format!(
            "{:013}-{}",
            record.get("issued_at")?.as_i64()?,
            text("serial")?
        )),
        _ => None,
    }
}

/// Decodes a request, runs its handler and encodes the answer.
fn serve<E: Endpoint>(
    body: &str,
    handler: impl FnOnce(E) -> BankResult<E::Response>,
) -> BankResult<String> {
    let request = serde_json::from_str(body).map_err(bad_request)?;
    let response = handler(request)?;
    serde_json::to_string(&response).map_err(bad_request)
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
