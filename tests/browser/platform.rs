//! What the browser itself does for us: the key worker, WebCrypto, WebAuthn's PRF, a panic's
//! screen, and the phone app's own database.

use super::*;

/// The worker's handler, run here: a 2048-bit key with e = 65537 made by WebCrypto, loaded by
/// the rsa crate, signing what WebCrypto's public key verifies; timed with the clock it is given.
#[wasm_bindgen_test]
async fn the_worker_handler_makes_an_rsa_2048_key() {
    use cert_center::key_worker::run;
    use cert_center::worker::{Job, Output};
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use rsa::traits::PublicKeyParts;
    let Ok(Output::Key { key, millis }) = run(Job::Generate, js_sys::Date::now).await else {
        panic!("no key");
    };
    let key = rsa::PrivateKey::from_pkcs1_der(&key.pkcs1).unwrap();
    assert_eq!(key.n().bit_width(), 2048);
    cert_center::pki::keys::check_strength(&key.to_public_key()).unwrap();
    assert!(millis >= 0.0);
    let platform = cert_center::browser::webcrypto::generate_rsa()
        .await
        .unwrap();
    let message = b"made by the browser";
    let signature = cert_center::pki::signing::sign(&platform, message);
    assert!(cert_center::pki::signing::verify(
        &platform.to_public_key(),
        message,
        &signature
    ));
    assert_ne!(platform.n(), key.n());
}

/// Without the worker's script (this test page has none), starting it fails with a message for
/// the customer instead of hanging. (The worker itself runs in the end-to-end issuance.)
#[wasm_bindgen_test]
async fn a_missing_worker_is_reported_not_awaited_forever() {
    let started = cert_center::worker::KeyWorker::start().await;
    let message = started.err().expect("no worker script is served here");
    assert!(message.contains("키 작업자"), "{message}");
}

/// The app's WebCrypto path and the pure Rust key file agree byte for byte on the format: each
/// opens what the other wrote, and a wrong password is a wrong password on both.
#[wasm_bindgen_test]
async fn webcrypto_and_rust_key_files_open_each_other() {
    use cert_center::browser::webcrypto;
    use cert_center::pki::PkiError;
    use cert_center::pki::key_file::{self, KeyWithR};
    let key = KeyWithR {
        key: cert_center::pki::keys::generate().unwrap(),
        r: vec![4; 20],
    };
    let rounds = 1_000;
    let from_browser = webcrypto::encrypt(&key, "Right!2026pw", rounds)
        .await
        .unwrap();
    let opened = key_file::decrypt(&from_browser, "Right!2026pw").unwrap();
    assert_eq!(opened.key, key.key);
    assert_eq!(opened.r, key.r);
    let from_rust = key_file::encrypt(&key, "Right!2026pw", rounds).unwrap();
    let opened = webcrypto::decrypt(&from_rust, "Right!2026pw")
        .await
        .unwrap();
    assert_eq!(opened.key, key.key);
    assert!(matches!(
        webcrypto::decrypt(&from_browser, "Wrong!2026pw").await,
        Err(PkiError::WrongPassword)
    ));
    assert!(matches!(
        key_file::decrypt(&from_browser, "Wrong!2026pw"),
        Err(PkiError::WrongPassword)
    ));
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_korean_error_screen_with_a_way_back() {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_inner_html("<p>the page as it was</p>");
    cert_center::panic_screen::show(&host);
    let text = host.text_content().unwrap();
    assert!(text.contains("일시적인 오류가 발생"), "{text}");
    assert!(text.contains("지워지지 않았습니다"), "{text}");
    assert!(!text.contains("the page as it was"), "{text}");
    assert!(host.query_selector("a[href='/']").unwrap().is_some());
    assert!(host.query_selector("script").unwrap().is_none());
}

/// The key PRF output derives wraps and unwraps the key; another PRF output or another
/// certificate does not open it.
#[wasm_bindgen_test]
async fn a_prf_output_wraps_and_unwraps_the_key() {
    use cert_center::wallet::bio;
    let prf = [7u8; 32];
    let plain = b"PKCS#8 of the key, with R".to_vec();
    let (iv, sealed) = bio::seal(&prf, "fingerprint-a", &plain).await.unwrap();
    assert_eq!(iv.len(), 12);
    assert_eq!(sealed.len(), plain.len() + 16, "AES-GCM adds its tag");
    assert!(
        !sealed.windows(6).any(|w| w == b"PKCS#8"),
        "nothing in the clear"
    );
    assert_eq!(
        bio::open(&prf, "fingerprint-a", &iv, &sealed)
            .await
            .unwrap(),
        plain
    );
    assert!(
        bio::open(&[8u8; 32], "fingerprint-a", &iv, &sealed)
            .await
            .is_err()
    );
    assert!(
        bio::open(&prf, "fingerprint-b", &iv, &sealed)
            .await
            .is_err()
    );
    let (again, _) = bio::seal(&prf, "fingerprint-a", &plain).await.unwrap();
    assert_ne!(again, iv, "a fresh IV each time");
}

/// The phone app's certificates are kept in a database of their own: a copy to the phone is
/// not a browser certificate, and the browser's list does not show it.
#[wasm_bindgen_test]
async fn the_phone_keeps_its_certificates_apart_from_the_browser() {
    use cert_center::wallet::{self, PHONE_DB, Place};
    let id = format!("phone-only-{}", js_sys::Date::now());
    wallet::keep_in(
        Place::Phone,
        &record(&id, "홍길동(HONG GILDONG)0004000000000001"),
    )
    .await
    .unwrap();
    let on_phone = wallet::list_in(Place::Phone).await.unwrap();
    let in_browser = wallet::list_in(Place::Browser).await.unwrap();
    assert!(on_phone.iter().any(|r| r.id == id));
    assert!(!in_browser.iter().any(|r| r.id == id));
    assert_eq!(
        wallet::keep_in(Place::Phone, &record(&id, "again")).await,
        Err(wallet::WalletError::AlreadyKept)
    );
    let phone = CertStore::open_named(PHONE_DB).await.unwrap();
    phone.delete(&id).await.unwrap();
    phone.close();
}
