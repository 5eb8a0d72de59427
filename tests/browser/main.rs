//! What only a browser has: Web Storage, the DOM, the browser's own features.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser` (headless Chromium); the
//! helpers are here, the tests in one module a subject; each module takes them with `use super::*`.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use cert_center::bank::api::{GetIssuance, IssueMenu, Login, Logout};
use cert_center::bank::demo;
use cert_center::bank::{BankApi, BankError, Clock};
use cert_center::components::Keypad;
use cert_center::contexts::{provide_auth, provide_bank};
use cert_center::mock_bank::BankStore;
use cert_center::mock_bank::MockBank;
use cert_center::pages::wizard::terms::TermsStep;
use cert_center::pages::{BrowserCheckPage, CertListPage, LoginPage, OtherBankPage, ReceiptsPage};
use cert_center::store::{CertStore, KeyValueStore, StoreError, StoredCertificate};
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

/// Pastes into the field `css`; whether the page blocked it.
fn paste_is_refused(container: &web_sys::HtmlElement, css: &str) -> bool {
    let field = container.query_selector(css).unwrap().unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let paste = web_sys::Event::new_with_event_init_dict("paste", &init).unwrap();
    field.dispatch_event(&paste).unwrap();
    paste.default_prevented()
}

/// Ticks every checkbox in `container`.
fn tick_every_box(container: &web_sys::HtmlElement) {
    let boxes = container
        .query_selector_all("input[type=checkbox]")
        .unwrap();
    for i in 0..boxes.length() {
        boxes
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
    }
}

/// Types `value` into the input `css` as a user would (an `input` event follows).
fn type_into(container: &web_sys::HtmlElement, css: &str, value: &str) {
    let input: web_sys::HtmlInputElement = container
        .query_selector(css)
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// The text of the first element matching `css` (empty if none).
fn text_of(container: &web_sys::HtmlElement, css: &str) -> String {
    container
        .query_selector(css)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
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

fn record(id: &str, holder: &str) -> StoredCertificate {
    StoredCertificate {
        id: id.into(),
        record_version: cert_center::store::certs::RECORD_VERSION,
        user_id: "hong01".into(),
        kind: "범용".into(),
        holder: holder.into(),
        expires: "2027-11-25".into(),
        issuer: "한국정보인증 (MOCK)".into(),
        certificate: "MIIB".into(),
        private_key: "MIIC".into(),
        chain: vec!["MIID".into(), "MIIE".into()],
        bio: None,
    }
}

/// A bank over a fresh IndexedDB database of its own (each test its own name).
async fn bank_over_indexed_db(name: &str) -> MockBank {
    let _ = rexie::Rexie::delete(name).await;
    MockBank::new(
        BankStore::open(name).await.unwrap(),
        Clock::manual(1_764_000_000_000),
    )
}

async fn login_as(bank: &MockBank, user_id: &str, password: &str) -> Result<(), BankError> {
    bank.call(Login {
        user_id: user_id.into(),
        password: password.into(),
    })
    .await
    .map(drop)
}

mod bank_db;
mod cert_store;
mod pages;
mod platform;
mod storage;
