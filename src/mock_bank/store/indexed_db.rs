//! The bank's records in IndexedDB (see the parent module).

use rexie::{KeyRange, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

use super::{
    CERTIFICATES, Reading, Records, Schema, StorageFailed, changed, prefix_range, removed,
    serial_of, stores,
};

/// The index of certificates by serial number: one key `{serial}/{certificate's key}` per
/// certificate, written and deleted with it in the same transaction; never seen by
/// [`super::BankStore::transact`]'s callers.
const SERIALS: &str = "certificate-serials";

/// The index's entry for the certificate kept under `key`.
fn serial_entry(key: &str) -> Option<String> {
    serial_of(key).map(|serial| format!("{serial}/{key}"))
}

/// The certificate's key in an index entry (a serial number never holds `/`).
fn key_of_entry(entry: &str) -> Option<&str> {
    entry.split_once('/').map(|(_, key)| key)
}

fn failed(e: impl std::fmt::Display) -> StorageFailed {
    StorageFailed(e.to_string())
}

/// Whether the schema keeps certificates (and so their index by serial number).
fn keeps_certificates(schema: &Schema) -> bool {
    schema.stores.contains(&CERTIFICATES)
}

/// The object stores a transaction spans: the schema's and the certificates' index.
fn every_store(schema: &Schema) -> Vec<&'static str> {
    let index = keeps_certificates(schema).then_some(SERIALS);
    schema.stores.iter().copied().chain(index).collect()
}

pub(super) async fn open(name: &str, schema: &Schema) -> Result<Rexie, StorageFailed> {
    let mut builder = Rexie::builder(name).version(schema.version);
    for store in every_store(schema) {
        builder = builder.add_object_store(rexie::ObjectStore::new(store));
    }
    builder.build().await.map_err(failed)
}

/// The keys from `from` up to (not including) `to`.
fn range(from: &str, to: &str) -> Result<KeyRange, StorageFailed> {
    KeyRange::bound(&from.into(), &to.into(), Some(false), Some(true)).map_err(failed)
}

/// Reads the records of `name` in `range` (all without one) into `into`.
async fn read(
    tx: &rexie::Transaction,
    name: &str,
    range: Option<KeyRange>,
    into: &mut std::collections::BTreeMap<String, String>,
) -> Result<(), StorageFailed> {
    let store = tx.store(name).map_err(failed)?;
    // Both lists come in key order, so they pair up.
    let keys = store
        .get_all_keys(range.clone(), None)
        .await
        .map_err(failed)?;
    let values = store.get_all(range, None).await.map_err(failed)?;
    for (key, value) in keys.iter().zip(&values) {
        let (Some(key), Some(value)) = (key.as_string(), value.as_string()) else {
            return Err(StorageFailed(format!("`{name}`의 기록 형식이 아닙니다")));
        };
        into.insert(key, value);
    }
    Ok(())
}

/// The certificates `reading` asks for.
async fn read_certificates(
    tx: &rexie::Transaction,
    reading: &Reading,
    into: &mut std::collections::BTreeMap<String, String>,
) -> Result<(), StorageFailed> {
    if reading.all {
        return read(tx, CERTIFICATES, None, into).await;
    }
    for owner in &reading.owners {
        let (from, to) = prefix_range(owner);
        read(tx, CERTIFICATES, Some(range(&from, &to)?), into).await?;
    }
    let index = tx.store(SERIALS).map_err(failed)?;
    let certificates = tx.store(CERTIFICATES).map_err(failed)?;
    for serial in &reading.serials {
        let (from, to) = prefix_range(serial);
        let entries = index
            .get_all_keys(Some(range(&from, &to)?), None)
            .await
            .map_err(failed)?;
        for entry in entries {
            let Some(key) = entry
                .as_string()
                .and_then(|e| key_of_entry(&e).map(str::to_owned))
            else {
                return Err(StorageFailed(format!("`{SERIALS}`의 기록 형식이 아닙니다")));
            };
            let value = certificates
                .get(JsValue::from_str(&key))
                .await
                .map_err(failed)?
                .and_then(|v| v.as_string());
            if let Some(value) = value {
                into.insert(key, value);
            }
        }
    }
    Ok(())
}

/// Writes what changed from `before` to `after`, deletions first, and keeps the certificates'
/// index with them.
async fn write(
    tx: &rexie::Transaction,
    before: &Records,
    after: &Records,
) -> Result<(), StorageFailed> {
    for (name, old, new) in stores(before, after) {
        let store = tx.store(name).map_err(failed)?;
        let certificates = name == CERTIFICATES;
        let index = if certificates {
            Some(tx.store(SERIALS).map_err(failed)?)
        } else {
            None
        };
        for key in removed(old, new) {
            store.delete(JsValue::from_str(key)).await.map_err(failed)?;
            if let (Some(index), Some(entry)) = (&index, serial_entry(key)) {
                index
                    .delete(JsValue::from_str(&entry))
                    .await
                    .map_err(failed)?;
            }
        }
        for (key, value) in changed(old, new) {
            store
                .put(&JsValue::from_str(value), Some(&JsValue::from_str(key)))
                .await
                .map_err(failed)?;
            if let (Some(index), Some(entry)) = (&index, serial_entry(key)) {
                index
                    .put(&JsValue::from_str(""), Some(&JsValue::from_str(&entry)))
                    .await
                    .map_err(failed)?;
            }
        }
    }
    Ok(())
}

pub(super) async fn transact(
    db: &Rexie,
    schema: &Schema,
    select: &mut dyn FnMut(&Records) -> Reading,
    decide: &mut dyn FnMut(&mut Records),
) -> Result<(), StorageFailed> {
    let tx = db
        .transaction(&every_store(schema), TransactionMode::ReadWrite)
        .map_err(failed)?;
    let mut before = Records::new();
    for name in schema.stores.iter().filter(|name| **name != CERTIFICATES) {
        read(
            &tx,
            name,
            None,
            before.entry((*name).to_owned()).or_default(),
        )
        .await?;
    }
    let reading = select(&before);
    if keeps_certificates(schema) {
        let mut certificates = Default::default();
        read_certificates(&tx, &reading, &mut certificates).await?;
        before.insert(CERTIFICATES.to_owned(), certificates);
    }
    let mut after = before.clone();
    decide(&mut after);
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
    Ok(())
}
