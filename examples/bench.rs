//! The benchmark of issue #4, from one headless Chromium run against the release bundle:
//! RSA-2048 key generation in our worker against WebCrypto `generateKey`, unlocking our key file
//! (PBKDF2 × 600,000) against WebCrypto `deriveBits` at the same rounds, and the bundle's size.
//!
//! `scripts/bench` builds `dist/` and runs this (`cargo run --features e2e --example bench`).

#[allow(dead_code)]
#[path = "../tests/e2e/support.rs"]
mod support;

use std::time::{Duration, Instant};

use fantoccini::Locator;

/// Raw and gzipped size of a file.
fn sizes(path: &std::path::Path) -> (u64, usize) {
    let raw = std::fs::metadata(path).expect("the bundle is built").len();
    let gz = std::process::Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .expect("gzip runs")
        .stdout
        .len();
    (raw, gz)
}

#[tokio::main]
async fn main() {
    support::with_browser(|b| async move {
        b.open("/bench").await;
        b.click(".bench", "측정 시작").await;
        let deadline = Instant::now() + Duration::from_secs(600);
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
        println!("browser: {}", ua.as_str().unwrap_or_default());
        println!("medians of {} runs each", f["runs"]);
        println!(
            "RSA-2048 keygen      worker (rsa crate) {:>8.0} ms   WebCrypto generateKey {:>8.0} ms",
            f["keygen_worker_ms"].as_f64().unwrap(),
            f["keygen_webcrypto_ms"].as_f64().unwrap()
        );
        println!(
            "PBKDF2 x {} unlock (Rust) {:>8.0} ms   WebCrypto deriveBits  {:>8.0} ms",
            f["pbkdf2_rounds"],
            f["unlock_ms"].as_f64().unwrap(),
            f["derive_bits_ms"].as_f64().unwrap()
        );
        println!(
            "key file unlock as the app does it (WebCrypto PBKDF2 + AES, Rust parsing) {:>8.0} ms",
            f["unlock_app_ms"].as_f64().unwrap()
        );
    })
    .await;
    let dist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    for entry in std::fs::read_dir(&dist).expect("dist/ exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "wasm" || e == "js") {
            let (raw, gz) = sizes(&path);
            println!(
                "bundle {:<40} {raw:>9} B raw {gz:>9} B gzip",
                path.file_name().unwrap().to_string_lossy()
            );
        }
    }
}
