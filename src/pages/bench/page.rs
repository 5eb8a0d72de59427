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
    crate::webcrypto::subtle().map_err(|e| format!("{e:?}"))
}

async fn webcrypto_keygen() -> Result<f64, String> {
    let params = crate::webcrypto::rsa_params().map_err(|e| format!("{e:?}"))?;
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
    Ok(Figures {
        runs: RUNS,
        keygen_app_ms: median(app_ms),
        keygen_webcrypto_ms: median(webcrypto_ms),
        bank_round_trip_ms: median(round_trip_ms),
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
