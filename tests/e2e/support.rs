//! The end-to-end harness: serves the release bundle from `dist/` with an SPA fallback, starts
//! chromedriver, and drives a fresh headless Chromium profile per test.
//!
//! Add a flow by writing `async fn …(b: Browser) { … }` in a module and naming it in the
//! module's `browser_tests![…]`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use tokio::process::{Child, Command};
use tower_http::services::{ServeDir, ServeFile};

use super::browser::Browser;

/// How long a step may wait for the page (the mock bank answers after a short latency).
// Issuance makes RSA keys and runs 600,000 PBKDF2 rounds; a busy CI machine needs the margin.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The bank's practice clock every flow starts with (URL-encoded `?clock=` value): 12:00 KST,
/// inside issuance hours, whatever the hour the suite runs at. Flows that need another time
/// open a page with their own `?clock=`.
pub const PINNED_CLOCK: &str = "2026-11-26T12:00:00%2B09:00";

/// The release bundle to test: `$E2E_DIST`, or `dist/` of this crate.
fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built app at {} — run `scripts/test` (it builds the release bundle first)",
        dir.display()
    );
    dir
}

/// Serves `dist/` on a free loopback port; unknown paths get `index.html`, as a static host
/// configured for a single-page app does.
async fn serve_dist() -> SocketAddr {
    let dist = dist_dir();
    let app = axum::Router::new()
        .fallback_service(ServeDir::new(&dist).fallback(ServeFile::new(dist.join("index.html"))));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start_chromedriver() -> (Child, String) {
    let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let port = free_port();
    let child = Command::new(&driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {driver}: {e} (scripts/setup installs it)"));
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + PATIENCE;
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (child, url)
}

/// A chromedriver and a Chromium session through it. The port is free when chosen but not
/// held, so a flow running in parallel may take it first (then this chromedriver cannot
/// listen, and what answered is another flow's, which goes away with it): the session is
/// tried on a fresh port, three times in all.
async fn start_session() -> (Child, Client, tempdir::TempDir) {
    let mut attempts = 0;
    loop {
        attempts += 1;
        let (mut driver, webdriver) = start_chromedriver().await;
        let (client, profile) = match start_browser(&webdriver).await {
            Ok(session) => session,
            Err(e) if attempts < 3 => {
                eprintln!("chromedriver at {webdriver}: {e}; trying another port");
                continue;
            }
            Err(e) => panic!("chromedriver opens a Chromium session: {e}"),
        };
        if matches!(driver.try_wait(), Ok(None)) || attempts == 3 {
            return (driver, client, profile);
        }
        // The session is another flow's chromedriver's: end it, try again.
        let _ = client.close().await;
        eprintln!("chromedriver at {webdriver} exited (its port was taken); trying another port");
    }
}

async fn start_browser(
    webdriver: &str,
) -> Result<(Client, tempdir::TempDir), fantoccini::error::NewSessionError> {
    let profile = tempdir::TempDir::new();
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--no-first-run".into(),
        "--window-size=1280,1000".into(),
        format!("--user-data-dir={}", profile.path().display()),
    ];
    if std::env::var_os("E2E_HEADFUL").is_some() {
        args.remove(0);
    }
    let downloads = profile.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let mut options = json!({
        "args": args,
        "prefs": {
            "download.default_directory": downloads,
            "download.prompt_for_download": false,
        },
    });
    if let Ok(binary) = std::env::var("CHROME_BIN") {
        options["binary"] = json!(binary);
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    // The console log, to fail a flow on any Content-Security-Policy violation.
    caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(webdriver)
        .await?;
    Ok((client, profile))
}

/// A temporary browser profile folder, removed afterwards.
mod tempdir {
    use std::path::{Path, PathBuf};

    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new() -> Self {
            let mut bytes = [0u8; 8];
            getrandom::fill(&mut bytes).unwrap();
            let name: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            let path = std::env::temp_dir().join(format!("cert-center-e2e-{name}"));
            std::fs::create_dir_all(&path).unwrap();
            Self(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// Runs `flow` against a fresh server, chromedriver and browser profile, and always closes
/// the browser, even when the flow fails.
pub async fn with_browser<F, Fut>(flow: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let addr = serve_dist().await;
    let (_driver, client, _profile) = start_session().await;
    let browser = Browser {
        client: client.clone(),
        base: format!("http://{addr}"),
        downloads: _profile.path().join("downloads"),
    };
    // Every flow runs by the pinned practice clock (kept in the tab's sessionStorage).
    browser.open(&format!("/?clock={PINNED_CLOCK}")).await;
    let outcome = tokio::spawn(flow(browser)).await;
    let console = console_log(&client).await;
    let violations: Vec<String> = console
        .iter()
        .filter(|message| message.contains("Content Security Policy"))
        .cloned()
        .collect();
    let _ = client.close().await;
    if let Err(e) = outcome {
        // What the page said (a panic's message among it) helps more than the test's line.
        eprintln!("--- the browser's console ---\n{}", console.join("\n"));
        std::panic::resume_unwind(e.into_panic());
    }
    assert!(
        violations.is_empty(),
        "Content-Security-Policy violations in the console:\n{}",
        violations.join("\n")
    );
}

/// A chromedriver extension W3C WebDriver lacks: `POST /session/{id}/{path}` with a JSON body
/// (the console log at `se/log`, DevTools commands at `goog/cdp/execute`).
#[derive(Debug)]
pub struct ChromedriverPost {
    pub path: &'static str,
    pub body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for ChromedriverPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// The browser's console messages so far.
async fn console_log(client: &Client) -> Vec<String> {
    let log = client
        .issue_cmd(ChromedriverPost {
            path: "se/log",
            body: json!({ "type": "browser" }),
        })
        .await
        .expect("chromedriver answers the console log");
    log.as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry["message"].as_str())
        .map(str::to_owned)
        .collect()
}

/// Asserts that `text` says `part` (and shows the text when it does not).
#[track_caller]
pub fn assert_says(text: impl std::fmt::Display, part: &str) {
    let text = text.to_string();
    assert!(text.contains(part), "{text}");
}
