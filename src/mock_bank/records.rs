//! The bank's records as they are kept: read and checked (every value a request computes
//! with), written as one record per key, and the demo customers' first state.

use der::Decode;
use serde_json::Value;

use super::wire::*;
use super::*;
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::demo;
use store::{CERTIFICATES, Reading, certificate_key};

impl BankState {
    /// Reads stored records, checking every value a request would compute with; the problem
    /// in Korean otherwise.
    pub(super) fn from_json(text: &str) -> Result<Self, String> {
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
    pub(super) fn validate(&self) -> Result<(), String> {
        let time = |t: Millis| (0..=LATEST_TIME).contains(&t);
        let times = self
            .sessions
            .iter()
            .map(|s| s.expires_at)
            .chain(self.challenges.iter().map(|c| c.expires_at))
            .chain(self.relays.iter().map(|r| r.expires_at))
            .chain(self.customers.iter().filter_map(|c| c.last_issued_at))
            .chain(
                self.customers
                    .iter()
                    .filter_map(|c| c.consent.map(|c| c.at)),
            )
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
    pub(super) fn to_records(&self) -> BankResult<Records> {
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
    pub(super) fn from_records(records: &Records) -> Result<Self, String> {
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
        if version != RECORDS_VERSION && version != PREVIOUS_RECORDS_VERSION {
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

    pub(super) fn seed() -> Self {
        Self {
            version: STATE_VERSION,
            customers: demo::CUSTOMERS.iter().map(CustomerRecord::seed).collect(),
            sessions: Vec::new(),
            issuances: Vec::new(),
            certificates: Vec::new(),
            authorities: Vec::new(),
            challenges: Vec::new(),
            relays: Vec::new(),
        }
    }
}

impl CustomerRecord {
    /// The demo customer `c` as the bank first records them.
    pub(super) fn seed(c: &demo::DemoCustomer) -> Self {
        Self {
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
            consent: None,
        }
    }
}

/// Where a record is kept in its store: its natural key; a certificate's is
/// [`certificate_key`].
pub(super) fn record_key(store: &str, record: &Value) -> Option<String> {
    let text = |field: &str| record.get(field)?.as_str().map(str::to_owned);
    match store {
        "customers" => text("user_id"),
        "sessions" | "issuances" => text("token"),
        "authorities" => text("id"),
        "challenges" => text("nonce"),
        "relays" => text("slot"),
        CERTIFICATES => Some(certificate_key(
            &text("user_id")?,
            record.get("issued_at")?.as_i64()?,
            &text("serial")?,
        )),
        _ => None,
    }
}

/// What a request reads of the certificates: those of its session's customer (a `token`) and
/// the one it shows (a `proof`); every one for a CRL, a reset, and records not yet in the
/// current layout (they are all rewritten).
pub(super) fn reading(records: &Records, endpoint: &str, body: &str) -> Reading {
    let meta = records.get(META);
    let current = meta.and_then(|m| m.get(VERSION_KEY)).map(String::as_str);
    if current != Some(RECORDS_VERSION)
        || meta.is_some_and(|m| m.contains_key(PROBLEM_KEY))
        || [GetCrl::NAME, ResetPractice::NAME].contains(&endpoint)
    {
        return Reading::everything();
    }
    let mut reading = Reading::default();
    let Ok(body) = serde_json::from_str::<Value>(body) else {
        return reading;
    };
    let owner = body
        .get("token")
        .and_then(Value::as_str)
        .and_then(|token| records.get("sessions")?.get(token))
        .and_then(|session| serde_json::from_str::<Value>(session).ok())
        .and_then(|session| Some(session.get("user_id")?.as_str()?.to_owned()));
    reading.owners.extend(owner);
    let serial = body
        .pointer("/proof/certificate")
        .and_then(Value::as_str)
        .and_then(|certificate| unbase64(certificate).ok())
        .and_then(|der| x509_cert::Certificate::from_der(&der).ok())
        .map(|certificate| certificate.tbs_certificate().serial_number().to_string());
    reading.serials.extend(serial);
    // A practice task's start names its customer.
    if endpoint == StartTask::NAME {
        let user = body
            .get("user_id")
            .and_then(Value::as_str)
            .map(str::to_owned);
        reading.owners.extend(user);
    }
    reading
}
