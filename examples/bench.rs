//! The benchmark of issue #10, against the release bundle in headless Chromium:
//! - `/bench`'s figures: RSA-2048 keygen as the app does it (WebCrypto in the key worker) and
//!   by WebCrypto `generateKey` on the page; the key file's unlock; one bank request's round trip;
//! - a whole issuance, from step 6's `확인` to step 7 on screen (the app's `issuance` measure);
//! - each module's size, raw and gzipped;
//! - Lighthouse 12 (mobile and desktop presets) on the bundle served gzip-compressed;
//! - a bank request's cost with 10, 100 and 1,000 issued certificates in the bank's records
//!   (natively, the records in memory: what grows is reading and writing them).
//!
//! `scripts/bench` builds `dist/` and runs this (`cargo run --features e2e --example bench`;
//! `BENCH_ONLY=browser` runs `/bench` and the issuances, `page` only `/bench`, `lighthouse` only
//! the sizes and Lighthouse, `scale` only the bank's cost by record count; `/bench` needs a
//! bundle built with the `bench` feature).

#[allow(dead_code)]
#[path = "../tests/e2e/browser.rs"]
mod browser;
#[path = "../tests/native/common.rs"]
mod common;
#[allow(dead_code)]
#[path = "../tests/e2e/flows.rs"]
mod flows;
#[allow(dead_code)]
#[path = "../tests/e2e/support.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cert_center::bank::demo;
use fantoccini::Locator;
use tower_http::services::{ServeDir, ServeFile};

/// Whole issuances timed (each in a fresh browser profile).
const ISSUANCES: usize = 3;

fn gzip(path: &Path) -> Vec<u8> {
    std::process::Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .expect("gzip runs")
        .stdout
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of `dist/` with a `.gz` beside every file, served with `Content-Encoding: gzip` as
/// a static host would; the address.
async fn serve_gzipped() -> std::net::SocketAddr {
    let copy = root().join("target/bench-dist");
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).unwrap();
    for entry in std::fs::read_dir(root().join("dist")).expect("dist/ exists") {
        let path = entry.unwrap().path();
        if path.is_file() {
            let name = path.file_name().unwrap().to_owned();
            std::fs::copy(&path, copy.join(&name)).unwrap();
            let mut gz = name.clone();
            gz.push(".gz");
            std::fs::write(copy.join(gz), gzip(&path)).unwrap();
        }
    }
    let app = axum::Router::new().fallback_service(
        ServeDir::new(&copy)
            .precompressed_gzip()
            .fallback(ServeFile::new(copy.join("index.html")).precompressed_gzip()),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// Lighthouse's performance figures for `url` with `preset` (`mobile` is Lighthouse's default).
fn lighthouse(url: &str, preset: &str) -> String {
    let page = url.split('/').skip(3).collect::<Vec<_>>().join("-");
    let out = root().join(format!("target/lighthouse-{preset}-{page}.json"));
    let mut cmd = std::process::Command::new(root().join("node_modules/.bin/lighthouse"));
    cmd.arg(url)
        .args(["--only-categories=performance", "--output=json", "--quiet"])
        .arg(format!("--output-path={}", out.display()))
        .arg("--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-dev-shm-usage")
        .env("CHROME_PATH", which_chromium());
    if preset == "desktop" {
        cmd.arg("--preset=desktop");
    }
    let status = cmd.status().expect("lighthouse runs (npm ci installs it)");
    assert!(status.success(), "lighthouse failed for {preset}");
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let audit = |id: &str| {
        report["audits"][id]["numericValue"]
            .as_f64()
            .unwrap_or(f64::NAN)
    };
    let lcp_element = report["audits"]["largest-contentful-paint-element"]["details"]["items"][0]
        ["items"][0]["node"]["snippet"]
        .as_str()
        .unwrap_or("-")
        .chars()
        .take(60)
        .collect::<String>();
    format!(
        "Lighthouse {preset:<7} /{:<8} performance {:>3.0}  FCP {:>5.2} s  LCP {:>5.2} s  TTI {:>5.2} s  TBT {:>4.0} ms  transfer {:>5.0} KiB  LCP element {lcp_element}",
        url.split('/').skip(3).collect::<Vec<_>>().join("/"),
        report["categories"]["performance"]["score"]
            .as_f64()
            .unwrap_or(f64::NAN)
            * 100.0,
        audit("first-contentful-paint") / 1000.0,
        audit("largest-contentful-paint") / 1000.0,
        audit("interactive") / 1000.0,
        audit("total-blocking-time"),
        audit("total-byte-weight") / 1024.0,
    )
}

fn which_chromium() -> String {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .filter_map(|name| {
            let out = std::process::Command::new("sh")
                .args(["-c", &format!("command -v {name}")])
                .output()
                .ok()?;
            let path = String::from_utf8(out.stdout).ok()?.trim().to_owned();
            (!path.is_empty()).then_some(path)
        })
        .next()
        .expect("chromium is installed (scripts/setup)")
}

#[tokio::main]
async fn main() {
    // BENCH_ONLY: `browser` runs /bench's figures and the issuances (a bundle built with the
    // `bench` feature), `page` only /bench's figures, `lighthouse` only the sizes and
    // Lighthouse, `scale` only the bank's cost by record count; unset, all of them.
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    let all = only.is_empty();
    if all || only == "browser" || only == "page" {
        in_browser(only != "page").await;
    }
    if all || only == "lighthouse" {
        sizes_and_lighthouse().await;
    }
    if all || only == "scale" {
        bank_scale();
    }
}

async fn in_browser(issuances_too: bool) {
    support::with_browser(|b| async move {
        b.open("/bench").await;
        b.click(".bench", "측정 시작").await;
        let deadline = Instant::now() + Duration::from_secs(900);
        let json = loop {
            if let Ok(e) = b.client.find(Locator::Css("#bench-result")).await {
                break e.text().await.unwrap();
            }
            if let Ok(e) = b.client.find(Locator::Css("#bench-error")).await {
                panic!("the benchmark failed: {}", e.text().await.unwrap());
            }
            assert!(Instant::now() < deadline, "the benchmark did not finish");
            tokio::time::sleep(Duration::from_millis(500)).await;
        };
        let f: serde_json::Value = serde_json::from_str(&json).unwrap();
        let ua = b
            .client
            .execute("return navigator.userAgent", vec![])
            .await
            .unwrap();
        let ms = |key: &str| f[key].as_f64().unwrap();
        println!("browser: {}", ua.as_str().unwrap_or_default());
        println!("medians of {} runs each", f["runs"]);
        println!(
            "RSA-2048 keygen   the app (key worker) {:>6.0} ms   WebCrypto generateKey {:>5.0} ms   (app / WebCrypto = {:.2}x)",
            ms("keygen_app_ms"),
            ms("keygen_webcrypto_ms"),
            ms("keygen_app_ms") / ms("keygen_webcrypto_ms"),
        );
        println!(
            "bank request round trip (page -> bank worker -> IndexedDB -> page) {:>5.1} ms",
            ms("bank_round_trip_ms")
        );
        for s in f["scale"].as_array().into_iter().flatten() {
            println!(
                "bank request with {:>5} certificates (browser, IndexedDB, on the page): login_challenge {:>6.2} ms   certificates {:>6.2} ms",
                s["certificates"], s["challenge_ms"].as_f64().unwrap(), s["list_ms"].as_f64().unwrap(),
            );
        }
    })
    .await;

    if !issuances_too {
        return;
    }
    let mut issuances = Vec::new();
    for _ in 0..ISSUANCES {
        let (tx, rx) = std::sync::mpsc::channel();
        support::with_browser(move |b| async move {
            flows::login_to_wizard(&b, &demo::HONG).await;
            flows::issue_certificate(&b, &demo::HONG, None).await;
            let took = b
                .client
                .execute(
                    "return performance.getEntriesByName('issuance')[0].duration",
                    vec![],
                )
                .await
                .unwrap();
            tx.send(took.as_f64().expect("step 7 measured the issuance"))
                .unwrap();
        })
        .await;
        issuances.push(rx.recv().unwrap());
    }
    println!(
        "whole issuance, step 6 [확인] to step 7 (browser storage, the bank's 250 ms latency per request included): median {:.0} ms of {:?}",
        median(issuances.clone()),
        issuances.iter().map(|v| v.round()).collect::<Vec<_>>()
    );
}

async fn sizes_and_lighthouse() {
    // The page module's screen parts (scripts/split.mjs) are summed: each screen fetches its own.
    let (mut parts, mut parts_raw, mut parts_gz) = (0, 0, 0);
    for entry in std::fs::read_dir(root().join("dist")).expect("dist/ exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "wasm" || e == "js") {
            let raw = std::fs::metadata(&path).unwrap().len();
            let gz = gzip(&path).len();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.contains("-chunk_") || name.contains("-split_") {
                (parts, parts_raw, parts_gz) = (parts + 1, parts_raw + raw, parts_gz + gz);
                continue;
            }
            println!("bundle {name:<45} {raw:>9} B raw {gz:>9} B gzip");
        }
    }
    println!(
        "bundle {:<45} {parts_raw:>9} B raw {parts_gz:>9} B gzip",
        format!("{parts} screen parts of the page module")
    );

    let addr = serve_gzipped().await;
    let url = format!("http://localhost:{}/", addr.port());
    // The home page, and the two pages a class handout links to, each opened directly.
    let lighthouse_runs = tokio::task::spawn_blocking(move || {
        ["", "login", "center"]
            .map(|page| lighthouse(&format!("{url}{page}"), "mobile"))
            .into_iter()
            .chain([lighthouse(&url, "desktop")])
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    for line in lighthouse_runs {
        println!("{line}");
    }
}

/// A bank request's round trip (JSON in and out) with `n` issued certificates in the records:
/// hong01's one, issued through the API, and copies of its record under new serials held by the
/// other demo customers. Timed: a challenge (no certificate read), hong01's certificate login
/// (its certificate found by serial number, the key opened once before) and 인증서 조회 (the
/// customer's own certificates).
fn bank_scale() {
    use cert_center::mock_bank::store::certificate_key;
    use common::*;
    const RUNS: usize = 30;
    for n in [10usize, 100, 1_000] {
        let c = login(&demo::HONG);
        c.through_step_5();
        let enrolled = c.enroll("Bench!2026pw");
        let opened = block_on(cert_center::customer::open_key(
            &enrolled.certificate,
            &enrolled.key_file,
            "Bench!2026pw",
        ))
        .unwrap();
        let others: Vec<_> = demo::CUSTOMERS
            .iter()
            .filter(|d| d.user_id != demo::HONG.user_id)
            .collect();
        block_on(c.bank.store().transact(|records| {
            let store = records.entry("certificates".to_owned()).or_default();
            let first = store.values().next().cloned().unwrap();
            let mut record: serde_json::Value = serde_json::from_str(&first).unwrap();
            for i in 1..n {
                let owner = others[i % others.len()].user_id;
                let serial = format!("{i:040X}");
                let key = certificate_key(owner, record["issued_at"].as_i64().unwrap(), &serial);
                record["serial"] = serial.into();
                record["user_id"] = owner.into();
                store.insert(key, record.to_string());
            }
        }))
        .unwrap();
        let time = |f: &dyn Fn()| {
            let mut runs: Vec<f64> = (0..RUNS)
                .map(|_| {
                    let started = Instant::now();
                    f();
                    started.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            runs.sort_by(f64::total_cmp);
            runs[RUNS / 2]
        };
        let challenge = time(&|| {
            c.call(LoginChallenge).unwrap();
        });
        let certificate_login = time(&|| {
            block_on(cert_center::customer::certificate_login_opened(
                &c.bank,
                cert_center::mock_bank::DEFAULT_ORIGIN,
                false,
                &enrolled.certificate,
                &opened,
            ))
            .unwrap();
        });
        let list = time(&|| {
            c.call(ListCertificates { token: c.t() }).unwrap();
        });
        println!(
            "bank request with {n:>5} certificates (native, records in memory): login_challenge {challenge:>6.2} ms   certificate login {certificate_login:>6.2} ms   certificates {list:>6.2} ms"
        );
    }
}
