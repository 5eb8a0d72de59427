//! The browser-certificate store (IndexedDB).

use super::*;

/// A database of its own for each test.
async fn fresh_store(test: &str) -> CertStore {
    let name = format!("test-{test}-{}", js_sys::Date::now());
    CertStore::open_named(&name).await.unwrap()
}

fn sorted(mut list: Vec<StoredCertificate>) -> Vec<StoredCertificate> {
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list
}

#[wasm_bindgen_test]
async fn certificate_store_round_trips_and_deletes() {
    let store = fresh_store("roundtrip").await;
    assert!(store.list().await.unwrap().is_empty());
    let a = record("aa", "홍길동(HONG GILDONG)0004000000000001");
    store.add(&a).await.unwrap();
    assert_eq!(store.list().await.unwrap(), vec![a.clone()]);
    let b = record("bb", "홍길동(HONG GILDONG)0004000000000002");
    store.replace(Some("aa"), &b).await.unwrap();
    assert_eq!(store.list().await.unwrap(), vec![b]);
    store.delete("bb").await.unwrap();
    assert!(store.list().await.unwrap().is_empty());
    store.close();
}

#[wasm_bindgen_test]
async fn a_failed_replacement_leaves_the_old_state_whole() {
    let store = fresh_store("abort").await;
    let a = record("aa", "A");
    let b = record("bb", "B");
    store.add(&a).await.unwrap();
    store.add(&b).await.unwrap();
    // Replacing A by a certificate already stored fails inside the transaction, after A's
    // deletion was requested: the whole transaction is undone.
    let duplicate = record("bb", "B again");
    assert!(store.replace(Some("aa"), &duplicate).await.is_err());
    assert_eq!(sorted(store.list().await.unwrap()), vec![a, b]);
    store.close();
}

/// 인증서 암호 변경 and 바이오인증 write through `update`: one transaction reads the stored
/// record and changes one field, so a 바이오인증 released in another tab does not come back
/// with a page's stale copy (as a whole-record `replace` brought it back).
#[wasm_bindgen_test]
async fn an_update_keeps_what_another_tab_changed() {
    let store = fresh_store("update").await;
    let wrap = cert_center::store::BioWrap {
        credential_id: "Y3JlZA".into(),
        prf_salt: "c2FsdA".into(),
        iv: "aXY".into(),
        wrapped: "d3JhcHBlZA".into(),
    };
    let listed = StoredCertificate {
        bio: Some(wrap),
        ..record("aa", "A")
    };
    store.add(&listed).await.unwrap();
    // Another tab releases 바이오인증.
    store.update("aa", |r| r.bio = None).await.unwrap();
    // This tab, still holding `listed`, changes the password.
    store
        .update("aa", |r| r.private_key = "NEWKEY".into())
        .await
        .unwrap();
    let now = store.list().await.unwrap().remove(0);
    assert_eq!(now.bio, None, "the release stays");
    assert_eq!(now.private_key, "NEWKEY");
    // The whole-record write of the stale copy, as before, would have brought it back.
    let stale = StoredCertificate {
        private_key: "NEWKEY".into(),
        ..listed
    };
    store.replace(Some("aa"), &stale).await.unwrap();
    assert!(store.list().await.unwrap()[0].bio.is_some());
    assert!(matches!(
        store.update("gone", |_| {}).await,
        Err(cert_center::store::StoreError::Missing { .. })
    ));
    store.close();
}
