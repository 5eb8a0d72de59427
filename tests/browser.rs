//! What only a browser has: Web Storage, the DOM, the browser's own features.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser` (headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use cert_center::bank::api::{Login, ResetPractice};
use cert_center::bank::{BankApi, BankError, Clock, MockBank};
use cert_center::contexts::{provide_auth, provide_bank};
use cert_center::pages::{BrowserCheckPage, LoginPage};
use cert_center::store::{KeyValueStore, StoreError};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Polls `probe` until it is true or two seconds pass.
async fn eventually(what: &str, probe: impl Fn() -> bool) {
    for _ in 0..200 {
        if probe() {
            return;
        }
        gloo_timers::future::sleep(Duration::from_millis(10)).await;
    }
    panic!("never happened: {what}");
}

/// Mounts `view` in a fresh container and returns it with the handle that keeps it alive.
fn mount<V: IntoView + 'static>(
    view: impl FnOnce() -> V + 'static,
) -> (web_sys::HtmlElement, impl Drop) {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), view);
    (container, handle)
}

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
async fn bank_lock_survives_a_new_bank_over_local_storage() {
    let bank = || MockBank::new(KeyValueStore::Local, Clock::Browser { offset_ms: 0 });
    bank().call(ResetPractice).await.unwrap();
    for _ in 0..5 {
        let _ = bank()
            .call(Login {
                user_id: "sunsin03".into(),
                password: "wrong".into(),
            })
            .await;
    }
    let after_reload = bank()
        .call(Login {
            user_id: "sunsin03".into(),
            password: "Demo!2345".into(),
        })
        .await;
    assert_eq!(after_reload, Err(BankError::UserLocked));
    bank().call(ResetPractice).await.unwrap();
}

#[wasm_bindgen_test]
async fn browser_check_passes_here_and_shows_the_user_agent() {
    let (container, _handle) = mount(|| {
        view! {
            <Router>
                <BrowserCheckPage />
            </Router>
        }
    });
    let text = container.text_content().unwrap();
    assert_eq!(text.matches("정상").count(), 4, "{text}");
    assert!(text.contains("고객님 PC환경 : Mozilla/5.0"), "{text}");
}

#[wasm_bindgen_test]
async fn login_form_shows_the_banks_refusal_with_tries_left() {
    let (container, _handle) = mount(|| {
        provide_bank(MockBank::new(KeyValueStore::memory(), Clock::manual(0)));
        provide_auth();
        view! {
            <Router>
                <LoginPage />
            </Router>
        }
    });
    let input = |id: &str, value: &str| {
        let el: web_sys::HtmlInputElement = container
            .query_selector(id)
            .unwrap()
            .unwrap()
            .unchecked_into();
        el.set_value(value);
        el.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    };
    let error_text = || {
        container
            .query_selector(".login-form .error")
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let form: web_sys::HtmlFormElement = container
        .query_selector("form.login-form")
        .unwrap()
        .unwrap()
        .unchecked_into();

    form.request_submit().unwrap();
    eventually("empty ID asked for", || {
        error_text() == "아이디를 입력해 주세요."
    })
    .await;

    input("#user-id", "hong01");
    input("#password", "not-it");
    form.request_submit().unwrap();
    eventually("wrong password refused", || {
        error_text().contains("4회 더 틀리면")
    })
    .await;
}
