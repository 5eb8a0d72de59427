//! Where the bank keeps its records: one object store per kind of record (customers, sessions,
//! issuances, certificates, authorities, challenges, the copy relay's slots, and `meta` for the
//! layout's version), each record under its own key as JSON text. In the browser that is the
//! IndexedDB database [`DB_NAME`], and every request runs in one readwrite transaction over all
//! the stores: read, decide, write what changed, commit. Transactions over the same stores never
//! overlap, so two tabs (two bank workers) never lose each other's updates. Natively (tests) it
//! is a map in memory with the same layout.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The bank's IndexedDB database (the certificates' is `cert-center`).
pub const DB_NAME: &str = "mockbank";
/// Its schema version.
pub const DB_VERSION: u32 = 2;
/// The store holding the layout's version and anything kept aside.
pub const META: &str = "meta";
/// Every object store, `meta` first.
pub const STORES: [&str; 8] = [
    META,
    "customers",
    "sessions",
    "issuances",
    "certificates",
    "authorities",
    "challenges",
    "relays",
];

/// The records as stored: store name → key → JSON text.
pub type Records = BTreeMap<String, BTreeMap<String, String>>;

/// Why the records could not be read or written.
#[derive(Debug, thiserror::Error)]
#[error("모의은행 기록 저장소를 사용할 수 없습니다: {0}")]
pub struct StorageFailed(pub String);

/// The bank's storage.
#[derive(Clone, Debug)]
pub enum BankStore {
    /// A map in memory, shared by clones (native tests, and the page's own tests).
    Memory(Rc<RefCell<Records>>),
    /// The IndexedDB database of this name, opened for each transaction and closed after it
    /// (a connection kept open would hold up another tab's worker upgrading the schema).
    #[cfg(target_arch = "wasm32")]
    IndexedDb(Rc<str>),
}

impl BankStore {
    /// An empty store in memory.
    pub fn memory() -> Self {
        Self::Memory(Rc::default())
    }

    /// The IndexedDB database `name`, created (or upgraded) now so that a problem shows at once.
    #[cfg(target_arch = "wasm32")]
    pub async fn open(name: &str) -> Result<Self, StorageFailed> {
        indexed_db::open(name).await?.close();
        Ok(Self::IndexedDb(name.into()))
    }

    /// A copy of every record (tests look at the layout through it).
    pub async fn snapshot(&self) -> Result<Records, StorageFailed> {
        self.transact(|records| records.clone()).await
    }

    /// Runs `decide` over the records in one transaction and writes what it changed: records
    /// it altered or added are put, records it removed are deleted. `decide` must not wait on
    /// anything (a transaction ends once nothing is pending).
    pub async fn transact<R>(
        &self,
        decide: impl FnOnce(&mut Records) -> R,
    ) -> Result<R, StorageFailed> {
        match self {
            Self::Memory(records) => {
                let mut working = records.borrow().clone();
                let answer = decide(&mut working);
                // As in IndexedDB: writing to a store the database does not have fails whole.
                if let Some(name) = working.keys().find(|name| !STORES.contains(&name.as_str())) {
                    return Err(StorageFailed(format!("`{name}` 저장소가 없습니다")));
                }
                *records.borrow_mut() = working;
                Ok(answer)
            }
            #[cfg(target_arch = "wasm32")]
            Self::IndexedDb(name) => {
                let db = indexed_db::open(name).await?;
                let answer = indexed_db::transact(&db, decide).await;
                db.close();
                answer
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn failed(e: impl std::fmt::Display) -> StorageFailed {
    StorageFailed(e.to_string())
}

#[cfg(target_arch = "wasm32")]
mod indexed_db {
    use rexie::{Rexie, TransactionMode};
    use wasm_bindgen::JsValue;

    use super::{DB_VERSION, Records, STORES, StorageFailed, failed};

    /// Writes what changed from `before` to `after`: every store `after` names (a store the
    /// database does not have is a failure), deletions first.
    async fn write(
        tx: &rexie::Transaction,
        before: &Records,
        after: &Records,
    ) -> Result<(), StorageFailed> {
        let empty = Default::default();
        let names = STORES
            .iter()
            .map(|name| name.to_string())
            .chain(after.keys().cloned())
            .collect::<std::collections::BTreeSet<_>>();
        for name in names {
            let store = tx.store(&name).map_err(failed)?;
            let old = before.get(&name).unwrap_or(&empty);
            let new = after.get(&name).unwrap_or(&empty);
            for key in old.keys().filter(|key| !new.contains_key(*key)) {
                store.delete(JsValue::from_str(key)).await.map_err(failed)?;
            }
            for (key, value) in new
                .iter()
                .filter(|(key, value)| old.get(*key) != Some(value))
            {
                store
                    .put(&JsValue::from_str(value), Some(&JsValue::from_str(key)))
                    .await
                    .map_err(failed)?;
            }
        }
        Ok(())
    }

    pub(super) async fn open(name: &str) -> Result<Rexie, StorageFailed> {
        let mut builder = Rexie::builder(name).version(DB_VERSION);
        for store in STORES {
            builder = builder.add_object_store(rexie::ObjectStore::new(store));
        }
        builder.build().await.map_err(failed)
    }

    pub(super) async fn transact<R>(
        db: &Rexie,
        decide: impl FnOnce(&mut Records) -> R,
    ) -> Result<R, StorageFailed> {
        let tx = db
            .transaction(&STORES, TransactionMode::ReadWrite)
            .map_err(failed)?;
        let mut before = Records::new();
        for name in STORES {
            let store = tx.store(name).map_err(failed)?;
            // Both lists come in key order, so they pair up.
            let keys = store.get_all_keys(None, None).await.map_err(failed)?;
            let values = store.get_all(None, None).await.map_err(failed)?;
            let records = before.entry(name.to_owned()).or_default();
            for (key, value) in keys.iter().zip(&values) {
                let (Some(key), Some(value)) = (key.as_string(), value.as_string()) else {
                    return Err(StorageFailed(format!("`{name}`의 기록 형식이 아닙니다")));
                };
                records.insert(key, value);
            }
        }
        let mut after = before.clone();
        let answer = decide(&mut after);
        if let Err(e) = write(&tx, &before, &after).await {
            // Whatever was written before the failure is undone with the transaction.
            let _ = tx.abort().await;
            return Err(e);
        }
        if !tx.done().await.map_err(failed)?.is_committed() {
            return Err(StorageFailed(
                "기록을 저장하는 중에 취소되었습니다".to_owned(),
            ));
        }
        Ok(answer)
    }
}
