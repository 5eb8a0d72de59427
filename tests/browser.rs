//! What only a browser has: Web Storage, the DOM, the browser's own features.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser` (headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use cert_center::bank::api::{GetIssuance, IssueMenu, Login, Logout};
use cert_center::bank::demo;
use cert_center::bank::mock::BankStore;
use cert_center::bank::{BankApi, BankClient, BankError, Clock, MockBank};
use cert_center::components::Keypad;
use cert_center::contexts::{provide_auth, provide_bank};
use cert_center::pages::wizard::terms::TermsStep;
use cert_center::pages::{BrowserCheckPage, CertListPage, LoginPage, OtherBankPage, ReceiptsPage};
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
    reading: cert_center::bank::mock::store::Reading,
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
    use cert_center::bank::mock::store::{Reading, certificate_key};
    let name = "test-bank-certificates";
    let _ = rexie::Rexie::delete(name).await;
    // Schema 2: the eight stores, no index.
    let mut old = rexie::Rexie::builder(name).version(2);
    for store in cert_center::bank::mock::store::STORES {
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
        let auth = provide_auth();
        provide_bank(
            BankClient::in_thread(MockBank::new(BankStore::memory(), Clock::manual(0))),
            auth,
        );
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

/// The keypad's digit buttons in screen order.
fn keypad_digits(container: &web_sys::HtmlElement) -> String {
    let keys = container.query_selector_all(".keypad .key").unwrap();
    (0..keys.length())
        .filter_map(|i| keys.item(i)?.text_content())
        .filter(|t| t.len() == 1)
        .collect()
}

#[wasm_bindgen_test]
fn keypad_shows_every_digit_once_in_a_new_order_each_time_and_types() {
    let mut layouts = Vec::new();
    for _ in 0..4 {
        let value = RwSignal::new(String::new());
        let (container, _handle) = mount(move || {
            view! { <Keypad value max_len=3 label="테스트" on_close=|_| {} /> }
        });
        let digits = keypad_digits(&container);
        let mut sorted: Vec<char> = digits.chars().collect();
        sorted.sort_unstable();
        assert_eq!(sorted.into_iter().collect::<String>(), "0123456789");
        layouts.push(digits.clone());

        let keys = container.query_selector_all(".keypad .key").unwrap();
        for i in 0..4 {
            keys.item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
                .click();
        }
        let typed: String = digits.chars().take(3).collect();
        assert_eq!(
            value.get_untracked(),
            typed,
            "four presses, at most three digits"
        );
        container.remove();
    }
    layouts.dedup();
    assert!(layouts.len() > 1, "the layout changes: {layouts:?}");
}

/// Logs a demo customer in at a fresh bank and mounts `view` for them.
async fn mount_logged_in<V: IntoView + 'static>(
    user_id: &'static str,
    view: fn() -> V,
) -> (web_sys::HtmlElement, impl Drop) {
    mount_in_wizard(user_id, None, view).await
}

/// As [`mount_logged_in`], with the wizard of `menu` started as its page starts it.
async fn mount_in_wizard<V: IntoView + 'static>(
    user_id: &'static str,
    menu: Option<IssueMenu>,
    view: fn() -> V,
) -> (web_sys::HtmlElement, impl Drop) {
    let bank = MockBank::new(BankStore::memory(), Clock::manual(1_764_000_000_000));
    let grant = bank
        .call(Login {
            user_id: user_id.into(),
            password: "Demo!2345".into(),
        })
        .await
        .unwrap();
    if let Some(menu) = menu {
        let token = grant.token.clone();
        bank.call(GetIssuance { token, menu }).await.unwrap();
    }
    mount(move || {
        if let Some(menu) = menu {
            provide_context(menu);
        }
        let auth = provide_auth();
        auth.begin(grant);
        provide_bank(BankClient::in_thread(bank), auth);
        view! { <Router>{view()}</Router> }
    })
}

/// Pages that once only printed the refusal: an ended session now logs the tab out on each.
#[wasm_bindgen_test]
async fn a_session_the_bank_ended_logs_the_tab_out_on_any_page() {
    let pages: [fn() -> AnyView; 3] = [
        || view! { <CertListPage /> }.into_any(),
        || view! { <ReceiptsPage /> }.into_any(),
        || view! { <OtherBankPage /> }.into_any(),
    ];
    for page in pages {
        let bank = MockBank::new(BankStore::memory(), Clock::manual(1_764_000_000_000));
        let grant = bank
            .call(Login {
                user_id: "hong01".into(),
                password: "Demo!2345".into(),
            })
            .await
            .unwrap();
        // The bank ends the session (as it does after ten idle minutes) behind the tab's back.
        bank.call(Logout {
            token: grant.token.clone(),
        })
        .await
        .unwrap();
        let auth = std::rc::Rc::new(std::cell::Cell::new(None));
        let (container, handle) = mount({
            let auth = auth.clone();
            move || {
                let tab = provide_auth();
                tab.begin(grant);
                auth.set(Some(tab));
                provide_bank(BankClient::in_thread(bank), tab);
                view! { <Router>{page()}</Router> }
            }
        });
        let tab = auth.get().unwrap();
        eventually("the tab forgets the session", || {
            !tab.logged_in() && tab.expired.get_untracked()
        })
        .await;
        drop(handle);
        container.remove();
    }
}

#[wasm_bindgen_test]
async fn resident_number_fields_refuse_paste_with_a_message() {
    let (container, _handle) = mount_logged_in("hong01", TermsStep).await;
    assert!(paste_is_refused(&container, "#rrn-back"));
    let text = container.text_content().unwrap();
    assert!(text.contains("붙여넣기는 지원되지 않습니다"), "{text}");
}

#[wasm_bindgen_test]
async fn terms_step_shows_the_banks_refusal_of_another_persons_number() {
    let (container, _handle) = mount_logged_in("hong01", TermsStep).await;
    tick_every_box(&container);
    let type_into = |css: &str, value: &str| type_into(&container, css, value);
    // 김민지's number: valid, but not the logged-in customer's.
    type_into("#rrn-front", "850315");
    type_into("#rrn-back", "2345678");
    let form: web_sys::HtmlFormElement = container
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    let error = || text_of(&container, ".error");
    eventually("the bank's refusal is shown", || {
        error().starts_with("로그인하신 고객님의 주민등록번호와 일치하지 않습니다. 4회 더 틀리면")
    })
    .await;
}

/// The 기업용 wizard's step 1: the 사업자등록번호 in three fields, paste refused, the check digit
/// checked before anything is sent, then the bank's refusal of another business's number.
#[wasm_bindgen_test]
async fn business_number_fields_check_the_digit_and_refuse_paste() {
    let (container, _handle) =
        mount_in_wizard("corp01", Some(IssueMenu::Corporate), TermsStep).await;
    assert!(
        container.query_selector("#rrn-back").unwrap().is_none(),
        "no resident number"
    );
    assert!(paste_is_refused(&container, "#biz-3"));

    tick_every_box(&container);
    let type_number = |number: &str| {
        for (id, digits) in ["#biz-1", "#biz-2", "#biz-3"].iter().zip(number.split('-')) {
            type_into(&container, id, digits);
        }
    };
    let form: web_sys::HtmlFormElement = container
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let error = || text_of(&container, ".error");
    type_number("123-45-06783");
    form.request_submit().unwrap();
    eventually("the wrong check digit is named", || {
        error() == "사업자등록번호가 올바르지 않습니다. 10자리를 다시 확인해 주세요."
    })
    .await;
    // 모의분식's number: valid, but not the logged-in business's.
    type_number("456-12-34574");
    form.request_submit().unwrap();
    eventually("the bank's refusal is shown", || {
        error().starts_with("로그인하신 기업의 사업자등록번호와 일치하지 않습니다. 4회 더 틀리면")
    })
    .await;
}

// ---- The browser-certificate store (IndexedDB) ----

use cert_center::store::{CertStore, StoredCertificate};

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
    let wrap = cert_center::bio::BioWrap {
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

/// The worker's handler, run here: a 2048-bit key with e = 65537 made by WebCrypto, loaded by
/// the rsa crate, signing what WebCrypto's public key verifies; timed with the clock it is given.
#[wasm_bindgen_test]
async fn the_worker_handler_makes_an_rsa_2048_key() {
    use cert_center::worker::{Job, Output, run};
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use rsa::traits::PublicKeyParts;
    let Ok(Output::Key { key, millis }) = run(Job::Generate, js_sys::Date::now).await else {
        panic!("no key");
    };
    let key = rsa::PrivateKey::from_pkcs1_der(&key.pkcs1).unwrap();
    assert_eq!(key.n().bit_width(), 2048);
    cert_center::pki::keys::check_strength(&key.to_public_key()).unwrap();
    assert!(millis >= 0.0);
    let platform = cert_center::webcrypto::generate_rsa().await.unwrap();
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
    use cert_center::pki::PkiError;
    use cert_center::pki::key_file::{self, KeyWithR};
    use cert_center::webcrypto;
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

// ---- 바이오인증 ----

/// The key PRF output derives wraps and unwraps the key; another PRF output or another
/// certificate does not open it.
#[wasm_bindgen_test]
async fn a_prf_output_wraps_and_unwraps_the_key() {
    use cert_center::bio;
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
