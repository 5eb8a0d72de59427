//! The mock bank over IndexedDB: its records shared by banks in several tabs, one request one
//! transaction, and the certificates read by owner and by serial number.

use super::*;

#[wasm_bindgen_test]
async fn bank_lock_survives_a_new_bank_over_the_same_indexed_db() {
    let name = "test-bank-reload";
    let bank = bank_over_indexed_db(name).await;
    for _ in 0..5 {
        let _ = login_as(&bank, "sunsin03", "wrong").await;
    }
    let reloaded = MockBank::new(BankStore::open(name).await.unwrap(), Clock::manual(0));
    assert_eq!(
        login_as(&reloaded, "sunsin03", "Demo!2345").await,
        Err(BankError::UserLocked)
    );
    // One record per customer, in the customers store.
    let records = reloaded.store().snapshot().await.unwrap();
    assert!(records["customers"]["sunsin03"].contains("\"login_failures\":5"));
    assert_eq!(
        records["customers"].len(),
        demo::CUSTOMERS.len(),
        "{records:?}"
    );
}

/// Runs `f` to completion beside others (two banks' loops interleave on the event loop).
fn spawn<F: std::future::Future<Output = Vec<Result<(), BankError>>> + 'static>(
    f: F,
) -> wasm_bindgen_futures::JsFuture {
    wasm_bindgen_futures::JsFuture::from(wasm_bindgen_futures::future_to_promise(async move {
        let results = f.await;
        Ok(wasm_bindgen::JsValue::from_str(
            &serde_json::to_string(&results).unwrap(),
        ))
    }))
}

async fn results(f: wasm_bindgen_futures::JsFuture) -> Vec<Result<(), BankError>> {
    serde_json::from_str(&f.await.unwrap().as_string().unwrap()).unwrap()
}

#[wasm_bindgen_test]
async fn two_banks_hammering_one_database_lose_no_update() {
    let name = "test-bank-concurrent";
    let first = bank_over_indexed_db(name).await;
    // A second connection, as another tab's bank worker has.
    let second = MockBank::new(
        BankStore::open(name).await.unwrap(),
        Clock::manual(1_764_000_000_000),
    );
    let wrong = |bank: MockBank| async move {
        let mut out = Vec::new();
        for _ in 0..50 {
            out.push(login_as(&bank, "sunsin03", "wrong").await);
        }
        out
    };
    let (a, b) = (spawn(wrong(first.clone())), spawn(wrong(second.clone())));
    let all: Vec<_> = results(a)
        .await
        .into_iter()
        .chain(results(b).await)
        .collect();
    let refused_with_tries_left = all
        .iter()
        .filter(|r| matches!(r, Err(BankError::WrongPassword { .. })))
        .count();
    let locked = all
        .iter()
        .filter(|r| matches!(r, Err(BankError::UserLocked)))
        .count();
    assert_eq!(
        (refused_with_tries_left, locked),
        (4, 96),
        "the fifth wrong password locks, whichever bank counted it"
    );
    let records = first.store().snapshot().await.unwrap();
    assert!(records["customers"]["sunsin03"].contains("\"login_failures\":5"));

    // 2 × 20 logins at once: every session is kept.
    let right = |bank: MockBank| async move {
        let mut out = Vec::new();
        for _ in 0..20 {
            out.push(login_as(&bank, "hong01", "Demo!2345").await);
        }
        out
    };
    let (a, b) = (spawn(right(first.clone())), spawn(right(second)));
    let all: Vec<_> = results(a)
        .await
        .into_iter()
        .chain(results(b).await)
        .collect();
    assert!(all.iter().all(Result::is_ok), "{all:?}");
    assert_eq!(
        first.store().snapshot().await.unwrap()["sessions"].len(),
        40
    );
}

/// One request is one transaction: when a write fails part-way (here, a store the database does
/// not have, after a customer record was already put), nothing of it stays.
#[wasm_bindgen_test]
async fn a_failed_write_leaves_the_banks_records_whole() {
    let bank = bank_over_indexed_db("test-bank-abort").await;
    let _ = login_as(&bank, "hong01", "wrong").await;
    let before = bank.store().snapshot().await.unwrap();
    let failed = bank
        .store()
        .transact(|records| {
            records
                .get_mut("customers")
                .unwrap()
                .insert("hong01".into(), "changed".into());
            records
                .entry("no-such-store".into())
                .or_default()
                .insert("key".into(), "value".into());
        })
        .await;
    assert!(failed.is_err());
    assert_eq!(bank.store().snapshot().await.unwrap(), before);
    assert_eq!(
        login_as(&bank, "hong01", "wrong").await,
        Err(BankError::WrongPassword { remaining: 3 }),
        "the count goes on from the one failure before"
    );
}

/// The certificate keys `reading` reads from the bank's database `store`.
async fn certificates_read(
    store: &BankStore,
    reading: cert_center::mock_bank::store::Reading,
) -> Vec<String> {
    store
        .transact_reading(
            move |_| reading,
            |records| records["certificates"].keys().cloned().collect(),
        )
        .await
        .unwrap()
}

/// A customer's certificates are one key range, and one certificate is found by its serial
/// number through the database's index, which follows a certificate whose key changes or
/// that is deleted. A database of schema 2 (no index) opens upgraded, its records whole.
#[wasm_bindgen_test]
async fn certificates_are_read_by_owner_and_by_serial_number_in_indexed_db() {
    use cert_center::mock_bank::store::{Reading, certificate_key};
    let name = "test-bank-certificates";
    let _ = rexie::Rexie::delete(name).await;
    // Schema 2: the eight stores, no index.
    let mut old = rexie::Rexie::builder(name).version(2);
    for store in cert_center::mock_bank::store::STORES {
        old = old.add_object_store(rexie::ObjectStore::new(store));
    }
    let old = old.build().await.unwrap();
    let tx = old
        .transaction(&["customers"], rexie::TransactionMode::ReadWrite)
        .unwrap();
    let customers = tx.store("customers").unwrap();
    customers
        .put(&"{}".into(), Some(&"hong01".into()))
        .await
        .unwrap();
    tx.done().await.unwrap();
    old.close();

    let store = BankStore::open(name).await.unwrap();
    assert_eq!(store.snapshot().await.unwrap()["customers"]["hong01"], "{}");
    let key = |owner: &str, at: i64, serial: &str| certificate_key(owner, at, serial);
    store
        .transact(|records| {
            let certificates = records.entry("certificates".into()).or_default();
            for (owner, at, serial) in [
                ("hong01", 1, "AA"),
                ("minji02", 2, "BB"),
                ("minji02", 3, "CC"),
            ] {
                certificates.insert(key(owner, at, serial), serial.into());
            }
        })
        .await
        .unwrap();
    let owners = |who: &[&str]| Reading {
        owners: who.iter().map(|w| w.to_string()).collect(),
        ..Reading::default()
    };
    let serials = |which: &[&str]| Reading {
        serials: which.iter().map(|w| w.to_string()).collect(),
        ..Reading::default()
    };
    assert_eq!(
        certificates_read(&store, owners(&["minji02"])).await,
        [key("minji02", 2, "BB"), key("minji02", 3, "CC")]
    );
    assert_eq!(
        certificates_read(&store, serials(&["AA"])).await,
        [key("hong01", 1, "AA")]
    );
    assert!(
        certificates_read(&store, Reading::default())
            .await
            .is_empty()
    );

    // BB moves to hong01 under a new key; CC is deleted.
    store
        .transact_reading(
            |_| serials(&["BB", "CC"]),
            |records| {
                let certificates = records.get_mut("certificates").unwrap();
                let moved = certificates.remove(&key("minji02", 2, "BB")).unwrap();
                certificates.insert(key("hong01", 4, "BB"), moved);
                certificates.remove(&key("minji02", 3, "CC")).unwrap();
            },
        )
        .await
        .unwrap();
    assert_eq!(
        certificates_read(&store, serials(&["BB"])).await,
        [key("hong01", 4, "BB")]
    );
    assert!(certificates_read(&store, serials(&["CC"])).await.is_empty());
    assert!(
        certificates_read(&store, owners(&["minji02"]))
            .await
            .is_empty()
    );
    assert_eq!(
        certificates_read(&store, owners(&["hong01"])).await,
        [key("hong01", 1, "AA"), key("hong01", 4, "BB")]
    );
    assert_eq!(
        store.snapshot().await.unwrap()["certificates"].len(),
        2,
        "what a request was not given stays"
    );
}
