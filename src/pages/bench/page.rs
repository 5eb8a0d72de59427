//! The `/bench` page itself (built with the `bench` feature only, so that learners' bundle does
//! not carry it).

use leptos::prelude::*;

use crate::components::{ActionButton, TableHead};

use serde::Serialize;
use wasm_bindgen_futures::JsFuture;

use crate::bank::BankApi;
use crate::contexts::use_bank;

/// How many times each operation runs.
const RUNS: usize = 30;

/// The medians, in milliseconds.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// Runs per operation.
    pub runs: usize,
    /// RSA-2048 as the app makes it, seen from the page: WebCrypto `generateKey` in the key
    /// worker, exported, loaded and checked by the rsa crate, and back.
    pub keygen_app_ms: f64,
    /// WebCrypto `generateKey` RSASSA-PKCS1-v1_5 2048.
    pub keygen_webcrypto_ms: f64,
    /// One bank request (`login_challenge`) through the bank worker and IndexedDB, without
    /// the simulated network latency.
    pub bank_round_trip_ms: f64,
    /// The bank over IndexedDB (a database of its own, on the page) with 10, 100 and 1,000
    /// certificates of other customers in its records: `login_challenge` and 인증서 조회.
    pub scale: Vec<Scale>,
}

/// A bank request's cost with `certificates` in the records.
#[derive(Debug, Clone, Serialize)]
pub struct Scale {
    pub certificates: usize,
    pub challenge_ms: f64,
    pub list_ms: f64,
}

/// The database the scale measure fills (deleted before and after).
const SCALE_DB: &str = "mockbank-bench";

/// [`Scale`] at `n` certificates: hong01 logs in by ID (no certificate of its own), and the
/// other demo customers hold `n` certificate records, never read by these requests.
async fn scale(n: usize) -> Result<Scale, String> {
    use crate::bank::api::{ListCertificates, Login, LoginChallenge};
    use crate::bank::clock::Clock;
    use crate::mock_bank::{BankStore, MockBank, store::certificate_key};
    let _ = rexie::Rexie::delete(SCALE_DB).await;
    let store = BankStore::open(SCALE_DB).await.map_err(|e| e.to_string())?;
    let bank = MockBank::new(store.clone(), Clock::Browser { offset_ms: 0 });
    let hong = &crate::bank::demo::HONG;
    let grant = bank
        .call(Login {
            user_id: hong.user_id.to_owned(),
            password: hong.password.to_owned(),
        })
        .await
        .map_err(|e| e.to_string())?;
    let others: Vec<_> = crate::bank::demo::CUSTOMERS
        .iter()
        .filter(|c| c.user_id != hong.user_id)
        .collect();
    store
        .transact(|records| {
            let certificates = records.entry("certificates".to_owned()).or_default();
            for i in 0..n {
                let owner = others[i % others.len()].user_id;
                let serial = format!("{i:040X}");
                let record = serde_json::json!({
                    "user_id": owner, "kind": "General", "ca": "Yessign", "serial": serial,
                    "issued_at": 1_764_000_000_000i64, "revoked": false, "certificate": "",
                });
                certificates.insert(
                    certificate_key(owner, 1_764_000_000_000, &serial),
                    record.to_string(),
                );
            }
        })
        .await
        .map_err(|e| e.to_string())?;
    let mut challenge_ms = Vec::new();
    let mut list_ms = Vec::new();
    for _ in 0..RUNS {
        let started = now();
        bank.call(LoginChallenge).await.map_err(|e| e.to_string())?;
        challenge_ms.push(now() - started);
        let started = now();
        bank.call(ListCertificates {
            token: grant.token.clone(),
        })
        .await
        .map_err(|e| e.to_string())?;
        list_ms.push(now() - started);
    }
    let _ = rexie::Rexie::delete(SCALE_DB).await;
    Ok(Scale {
        certificates: n,
        challenge_ms: median(challenge_ms),
        list_ms: median(list_ms),
    })
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2.0
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

fn subtle() -> Result<web_sys::SubtleCrypto, String> {
    crate::browser::webcrypto::subtle().map_err(|e| format!("{e:?}"))
}

async fn webcrypto_keygen() -> Result<f64, String> {
    let params = crate::browser::webcrypto::rsa_params().map_err(|e| format!("{e:?}"))?;
    let usages = js_sys::Array::of2(&"sign".into(), &"verify".into());
    let started = now();
    let promise = subtle()?
        .generate_key_with_object(&params, true, &usages)
        .map_err(|e| format!("{e:?}"))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(now() - started)
}

/// Lets the page paint between measurements.
async fn breathe() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

async fn run_all(
    progress: RwSignal<String>,
    bank: crate::bank::BankClient,
) -> Result<Figures, String> {
    let mut app_ms = Vec::new();
    for i in 0..RUNS {
        progress.set(format!("키 작업자에서 RSA 키 생성 (앱) {}/{RUNS}", i + 1));
        breathe().await;
        let started = now();
        crate::worker::generate_timed()
            .await
            .map_err(|e| format!("{e:?}"))?;
        app_ms.push(now() - started);
    }
    let mut webcrypto_ms = Vec::new();
    for i in 0..RUNS {
        progress.set(format!("WebCrypto generateKey {}/{RUNS}", i + 1));
        breathe().await;
        webcrypto_ms.push(webcrypto_keygen().await?);
    }
    let mut round_trip_ms = Vec::new();
    for i in 0..RUNS {
        progress.set(format!("은행 요청 왕복 {}/{RUNS}", i + 1));
        let started = now();
        bank.call(crate::bank::api::LoginChallenge)
            .await
            .map_err(|e| e.to_string())?;
        round_trip_ms.push(now() - started);
    }
    let mut scales = Vec::new();
    for n in [10, 100, 1_000] {
        progress.set(format!("인증서 {n}개가 기록된 은행의 요청"));
        breathe().await;
        scales.push(scale(n).await?);
    }
    Ok(Figures {
        runs: RUNS,
        keygen_app_ms: median(app_ms),
        keygen_webcrypto_ms: median(webcrypto_ms),
        bank_round_trip_ms: median(round_trip_ms),
        scale: scales,
    })
}

/// The page.
#[component]
pub fn BenchPage() -> impl IntoView {
    let progress = RwSignal::new(String::new());
    let bank = use_bank().without_latency();
    let run = Action::new_local(move |_: &()| run_all(progress, bank.clone()));
    let ms = |v: f64| format!("{v:.0} ms");
    view! {
        <main class="bench" id="content">
            <h1>"성능 측정 (개발자용)"</h1>
            <p>
                {format!(
                    "이 브라우저에서 RSA-2048 키 생성(WebCrypto와 비교)과 은행 요청을 각각 {RUNS}번 실행하여 중앙값을 보여 줍니다. 1분쯤 걸립니다."
                )}
            </p>
            <p class="row">
                <ActionButton action=run label="측정 시작" class="btn primary" />
            </p>
            <p role="status" aria-live="polite">
                {move || run.pending().get().then(|| progress.get())}
            </p>
            {move || match run.value().get() {
                Some(Ok(f)) => {
                    let json = serde_json::to_string(&f).unwrap_or_default();
                    view! {
                        <table class="data-table">
                            <TableHead columns=&["항목", "이 앱", "WebCrypto"] />
                            <tbody>
                                <tr><th scope="row">"RSA-2048 키 생성 (키 작업자)"</th><td>{ms(f.keygen_app_ms)}</td><td>{ms(f.keygen_webcrypto_ms)}</td></tr>
                                <tr><th scope="row">"은행 요청 왕복 (작업자·IndexedDB)"</th><td>{ms(f.bank_round_trip_ms)}</td><td>"-"</td></tr>
                                {f.scale.iter().map(|s| view! {
                                    <tr>
                                        <th scope="row">{format!("인증서 {}개 기록: 인증 요청 / 인증서 조회 (IndexedDB)", s.certificates)}</th>
                                        <td>{format!("{:.1} / {:.1} ms", s.challenge_ms, s.list_ms)}</td>
                                        <td>"-"</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <pre id="bench-result">{json}</pre>
                    }
                        .into_any()
                }
                Some(Err(message)) => view! { <p class="error" role="alert" id="bench-error">{message}</p> }.into_any(),
                None => ().into_any(),
            }}
        </main>
    }
}
