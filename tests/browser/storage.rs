//! Web Storage's records, and their move into IndexedDB.

use super::*;

#[wasm_bindgen_test]
fn local_and_session_records_round_trip_separately() {
    let key = "test.roundTrip";
    KeyValueStore::Local.save(key, &vec![1, 2, 3]).unwrap();
    KeyValueStore::Session.save(key, &vec![9]).unwrap();
    assert_eq!(
        KeyValueStore::Local.load::<Vec<i32>>(key).unwrap(),
        Some(vec![1, 2, 3])
    );
    assert_eq!(
        KeyValueStore::Session.load::<Vec<i32>>(key).unwrap(),
        Some(vec![9])
    );
    KeyValueStore::Local.remove(key);
    assert_eq!(KeyValueStore::Local.load::<Vec<i32>>(key).unwrap(), None);
    assert_eq!(
        KeyValueStore::Session.load::<Vec<i32>>(key).unwrap(),
        Some(vec![9])
    );
    KeyValueStore::Session.remove(key);
}

#[wasm_bindgen_test]
fn unreadable_record_is_reported_as_corrupt() {
    let key = "test.corrupt";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(key, "{not json").unwrap();
    let loaded = KeyValueStore::Local.load::<Vec<i32>>(key);
    assert!(
        matches!(loaded, Err(StoreError::Corrupt { .. })),
        "{loaded:?}"
    );
    storage.remove_item(key).unwrap();
}

#[wasm_bindgen_test]
async fn the_records_of_local_storage_move_into_indexed_db() {
    let bank = bank_over_indexed_db("test-bank-migrate").await;
    let old = serde_json::json!({
        "version": 1,
        "customers": [{"user_id": "hong01", "login_failures": 4, "balance": 1000}],
        "sessions": [],
    })
    .to_string();
    bank.migrate(Some(&old), None).await.unwrap();
    assert_eq!(
        login_as(&bank, "hong01", "wrong").await,
        Err(BankError::UserLocked),
        "four wrong passwords came along"
    );
}
