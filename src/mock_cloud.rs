//! 모의 금융결제원 클라우드, the far side of [`crate::cloud::api`]: a server of its own beside the
//! bank. The rule: it runs in the bank's Web Worker (one worker, two servers, see
//! [`crate::servers`]) but keeps its own records in its own database ([`DB_NAME`]), answers only
//! `cloud/` endpoints, and neither server reads the other's records nor calls the other. The page carries between them only
//! what a customer's browser would: the bank's subject and challenge to the cloud, the cloud's
//! certificate request and signature to the bank. The PIN and the key never reach the bank.
//!
//! The cloud keeps, per subscriber, one [`Vault`] (the 금융인증서 and the key it made), the
//! browsers connected to it, and the codes it texted. Subscribers are the mock carrier's
//! ([`carrier`]), found by name and mobile number as a real 본인확인 finds them.

use serde::{Serialize, de::DeserializeOwned};

mod carrier;
mod handlers;

use crate::bank::api::{BankError, BankResult, Wire};
use crate::bank::client::{Pending, call_through};
use crate::bank::clock::{Clock, Millis};
use crate::cloud::api::*;
use crate::cloud::{CloudApi, Vault};
use crate::mock_bank::store::{BankStore, META, Records, Schema};
use crate::mock_bank::wire::{internal, serve};
use crate::pki::key_file::KeyWithR;
use handlers::{DeviceRecord, EnrollmentRecord, TextRecord};

/// The cloud's IndexedDB database.
pub const DB_NAME: &str = "mockcloud";
/// Its object stores: connected browsers, texted codes, keys waiting for their certificate,
/// and the 금융인증서 kept.
const STORES: [&str; 5] = [META, "devices", "texts", "enrollments", "vaults"];
/// Its layout.
pub static SCHEMA: Schema = Schema {
    version: 1,
    stores: &STORES,
};

/// The practice cloud.
#[derive(Clone, Debug)]
pub struct MockCloud {
    store: BankStore,
    clock: Clock,
}

impl MockCloud {
    /// A cloud keeping its records in `store` (of [`SCHEMA`]) and reading the time from `clock`.
    pub fn new(store: BankStore, clock: Clock) -> Self {
        Self { store, clock }
    }

    /// A cloud in memory on `clock` (tests).
    pub fn in_memory(clock: Clock) -> Self {
        Self::new(BankStore::memory_of(&SCHEMA), clock)
    }

    /// Where the records are kept.
    pub fn store(&self) -> &BankStore {
        &self.store
    }

    /// Serves one request: endpoint name and JSON body in, JSON out. A new key (for an issuance
    /// or a renewal) is made before the records are opened (making one waits on WebCrypto; a transaction cannot wait).
    pub async fn serve(&self, endpoint: &str, body: &str) -> BankResult<String> {
        let now = self.clock.now();
        let key = if [BeginEnrollment::NAME, BeginRenewal::NAME].contains(&endpoint) {
            Some(new_key().await?)
        } else {
            None
        };
        self.store
            .transact(|records| handle(records, now, endpoint, body, key))
            .await
            .unwrap_or_else(|e| Err(internal(e)))
    }
}

/// A new RSA-2048 key with its R: WebCrypto's where there is one, the rsa crate's otherwise.
async fn new_key() -> BankResult<KeyWithR> {
    #[cfg(target_arch = "wasm32")]
    let key = match crate::browser::webcrypto::generate_rsa().await {
        Ok(key) => key,
        Err(_) => crate::pki::keys::generate().map_err(internal)?,
    };
    #[cfg(not(target_arch = "wasm32"))]
    let key = crate::pki::keys::generate().map_err(internal)?;
    Ok(KeyWithR {
        key,
        r: crate::pki::random::<20>().map_err(internal)?.to_vec(),
    })
}

/// Everything the cloud remembers.
#[derive(Debug, Default)]
struct CloudState {
    devices: Vec<DeviceRecord>,
    texts: Vec<TextRecord>,
    enrollments: Vec<EnrollmentRecord>,
    vaults: Vec<Vault>,
}

/// One request against the records: read them, decide, leave the new records in `records`.
/// Refusals change records too (the counts of wrong codes and PINs).
fn handle(
    records: &mut Records,
    now: Millis,
    endpoint: &str,
    body: &str,
    key: Option<KeyWithR>,
) -> BankResult<String> {
    let mut state = CloudState::from_records(records)
        .map_err(|problem| internal(format!("클라우드 기록을 읽을 수 없습니다: {problem}")))?;
    state.sweep(now);
    let answer = match endpoint {
        StartConnect::NAME => serve(body, |r| state.start_connect(now, r)),
        FinishConnect::NAME => serve(body, |r| state.finish_connect(now, r)),
        GetCloudCertificate::NAME => serve(body, |r: GetCloudCertificate| {
            let owner = state.device(&r.device)?.owner.clone();
            Ok(state.vault(&owner).map(handlers::card))
        }),
        BeginEnrollment::NAME => serve(body, |r| state.begin_enrollment(now, r, key)),
        BeginRenewal::NAME => serve(body, |r| state.begin_renewal(now, r, key)),
        FinishEnrollment::NAME => serve(body, |r| state.finish_enrollment(r)),
        CloudSign::NAME => serve(body, |r| state.sign(r)),
        ChangePin::NAME => serve(body, |r| state.change_pin(r)),
        Disconnect::NAME => serve(body, |r: Disconnect| {
            state.devices.retain(|d| d.token != r.device.0);
            Ok(())
        }),
        CloseCloud::NAME => serve(body, |r: CloseCloud| {
            let owner = state.device(&r.device)?.owner.clone();
            state.vaults.retain(|v| v.owner != owner);
            state.enrollments.retain(|e| e.owner != owner);
            state.devices.retain(|d| d.token != r.device.0);
            Ok(())
        }),
        ResetSubscriber::NAME => serve(body, |r: ResetSubscriber| {
            let who = carrier::subscriber(&r.name, &r.phone).ok_or(CloudError::NotSubscriber)?;
            state.vaults.retain(|v| v.owner != who.key);
            state.enrollments.retain(|e| e.owner != who.key);
            state.devices.retain(|d| d.owner != who.key);
            state.texts.retain(|t| t.phone != who.phone);
            Ok(())
        }),
        _ => Err(BankError::BadRequest {
            detail: format!("the cloud has no endpoint {endpoint}"),
        }),
    };
    *records = state.to_records()?;
    answer
}

/// The records of one store, each read back through its type's checks.
fn read_store<T: DeserializeOwned>(records: &Records, store: &str) -> Result<Vec<T>, String> {
    records
        .get(store)
        .into_iter()
        .flatten()
        .map(|(key, text)| serde_json::from_str(text).map_err(|e| format!("{store}/{key}: {e}")))
        .collect()
}

/// `items` as one store's records, each under `key`.
fn write_store<T: Serialize>(
    records: &mut Records,
    store: &str,
    items: &[T],
    key: impl Fn(&T) -> &str,
) -> BankResult<()> {
    let target = records.entry(store.to_owned()).or_default();
    target.clear();
    for item in items {
        target.insert(
            key(item).to_owned(),
            serde_json::to_string(item).map_err(internal)?,
        );
    }
    Ok(())
}

impl CloudState {
    fn from_records(records: &Records) -> Result<Self, String> {
        Ok(Self {
            devices: read_store(records, "devices")?,
            texts: read_store(records, "texts")?,
            enrollments: read_store(records, "enrollments")?,
            vaults: read_store(records, "vaults")?,
        })
    }

    fn to_records(&self) -> BankResult<Records> {
        let mut records = Records::new();
        write_store(&mut records, "devices", &self.devices, |d| &d.token)?;
        write_store(&mut records, "texts", &self.texts, |t| &t.phone)?;
        write_store(&mut records, "enrollments", &self.enrollments, |e| &e.owner)?;
        write_store(&mut records, "vaults", &self.vaults, |v| &v.owner)?;
        Ok(records)
    }
}

/// Called directly (tests), the cloud answers at its own time.
impl CloudApi for MockCloud {
    fn call<E: CloudEndpoint>(&self, request: E) -> impl Future<Output = BankResult<E::Response>> {
        call_through(request, |endpoint, body| {
            let cloud = self.clone();
            Box::pin(async move { cloud.serve(endpoint, &body).await }) as Pending
        })
    }
}
