//! The browser a flow drives: [`Browser`] and its helpers, which wait for the page like a
//! patient user (one loop, [`Browser::until`]), and the keys [`Browser::keys`] types.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator, elements::Element};
use serde_json::json;

use super::support::{ChromedriverPost, PATIENCE, PINNED_CLOCK};

/// The Tab key, for `Browser::keys`.
pub const TAB: &str = "\u{e004}";
/// The Enter key.
pub const ENTER: &str = "\u{e007}";
/// The Escape key.
pub const ESCAPE: &str = "\u{e00c}";
/// The space bar.
pub const SPACE: &str = " ";
/// The right arrow.
pub const RIGHT: &str = "\u{e014}";

/// A browser on the app, with helpers that wait for the page like a patient user.
pub struct Browser {
    pub client: Client,
    /// The server's address, `http://host:port`.
    pub base: String,
    /// Where the browser saves downloads.
    pub downloads: PathBuf,
}

impl Browser {
    /// From now on opens the app at `localhost` (the same server): WebAuthn refuses IP hosts.
    /// Another origin, so another storage: the practice clock is pinned there too.
    pub async fn move_to_localhost(&mut self) {
        self.base = self.base.replace("127.0.0.1", "localhost");
        self.open(&format!("/?clock={PINNED_CLOCK}")).await;
    }

    /// Gives the browser a platform authenticator that verifies its user, with the PRF
    /// extension (`prf`) as a phone's fingerprint reader has it, or without (Chrome's virtual
    /// authenticator). Answers its ID.
    pub async fn add_fingerprint_reader(&self, prf: bool) -> String {
        self.cdp("WebAuthn.enable", json!({})).await;
        let added = self
            .cdp(
                "WebAuthn.addVirtualAuthenticator",
                json!({ "options": {
                    "protocol": "ctap2",
                    "ctap2Version": "ctap2_1",
                    "transport": "internal",
                    "hasResidentKey": true,
                    "hasUserVerification": true,
                    "isUserVerified": true,
                    "hasPrf": prf,
                    "automaticPresenceSimulation": true,
                }}),
            )
            .await;
        added["authenticatorId"]
            .as_str()
            .expect("an authenticator ID")
            .to_owned()
    }

    /// Opens a path of the app as if typed into the address bar.
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap();
        // The app's header, not index.html's first screen.
        self.wait_css("header.site-header:not(.boot-header)").await;
    }

    /// Navigates without waiting for the app (for pages where it cannot start).
    pub async fn goto_raw(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap();
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver; its answer.
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(ChromedriverPost {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// The current path and query.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// What the page shows, for failure messages.
    async fn page_text(&self) -> String {
        let text = match self.client.find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        format!("--- the page shows ---\n{text}\n----------------------")
    }

    /// The one wait loop: runs `probe` every 100 ms until it finds what it looks for
    /// (`Ok`); after [`PATIENCE`] fails with what the last try found (`Err`) and the page.
    pub async fn until<T, Found, Probe>(&self, probe: impl Fn() -> Probe) -> T
    where
        Found: std::fmt::Display,
        Probe: std::future::Future<Output = Result<T, Found>>,
    {
        let deadline = Instant::now() + PATIENCE;
        loop {
            match probe().await {
                Ok(found) => return found,
                Err(last) if Instant::now() >= deadline => {
                    panic!("{last}\n{}", self.page_text().await)
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// Waits until the path (without query) is `expected`.
    pub async fn wait_path(&self, expected: &str) {
        self.until(move || async move {
            let url = self.client.current_url().await.unwrap();
            match url.path() == expected {
                true => Ok(()),
                false => Err(format!("still at {url}, expected {expected}")),
            }
        })
        .await
    }

    /// Puts the file at `path` in the file input `css`, as picking it in the dialog would.
    pub async fn attach(&self, css: &str, path: &std::path::Path) {
        let input = self.wait_css(css).await;
        input.send_keys(&path.display().to_string()).await.unwrap();
    }

    /// Waits for an element matching `css`.
    pub async fn wait_css(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => panic!("no `{css}` on the page: {e}\n{}", self.page_text().await),
        }
    }

    /// Waits until the element matching `css` shows text containing `needle`; returns the text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        self.until(move || async move {
            let text = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            match text.contains(needle) {
                true => Ok(text),
                false => Err(format!(
                    "`{css}` shows {text:?}, expected it to contain {needle:?}"
                )),
            }
        })
        .await
    }

    /// Waits until the input matching `css` holds `expected`.
    pub async fn wait_value(&self, css: &str, expected: &str) {
        self.until(move || async move {
            let value = self.value(css).await;
            match value == expected {
                true => Ok(()),
                false => Err(format!("`{css}` holds {value:?}, expected {expected:?}")),
            }
        })
        .await
    }

    /// Clicks the link or button inside `scope` (CSS) whose visible text is exactly `label`,
    /// once it is enabled. Finding and clicking are retried together: a view that re-renders between the two
    /// (a stale element) is found again rather than failing the test.
    pub async fn click(&self, scope: &str, label: &str) {
        let xpath = &format!(".//*[self::a or self::button][normalize-space()='{label}']");
        self.until(move || async move {
            let container = self.client.find(Locator::Css(scope)).await;
            let container = container.map_err(|_| format!("no `{scope}`"))?;
            let target = container.find(Locator::XPath(xpath)).await;
            let target = target.map_err(|_| format!("no `{label}` in `{scope}`"))?;
            // As a person would: a disabled control (data still loading) is waited for.
            if !target.is_enabled().await.unwrap_or(true) {
                return Err(format!("`{label}` in `{scope}` is disabled"));
            }
            self.press(&target)
                .await
                .map_err(|e| format!("`{label}` in `{scope}`: {e}"))
        })
        .await
    }

    /// Scrolls `target` to the middle of its scrolling box, as a finger would (a phone's page
    /// can hold it under the guide's sheet), then clicks it.
    pub async fn press(&self, target: &Element) -> Result<(), fantoccini::error::CmdError> {
        let script = "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' })";
        self.client
            .execute(script, vec![serde_json::to_value(target).unwrap()])
            .await?;
        target.click().await
    }

    /// Clicks the element matching `css` once it is enabled, found again if it re-rendered
    /// before the click.
    pub async fn click_css(&self, css: &str) {
        self.until(move || async move {
            let target = self.client.find(Locator::Css(css)).await;
            let target = target.map_err(|_| format!("no `{css}`"))?;
            if !target.is_enabled().await.unwrap_or(true) {
                return Err(format!("`{css}` is disabled"));
            }
            self.press(&target)
                .await
                .map_err(|e| format!("`{css}`: {e}"))
        })
        .await
    }

    /// Replaces the value of the input matching `css` by typing `text`.
    pub async fn fill(&self, css: &str, text: &str) {
        let input = self.wait_css(css).await;
        input.clear().await.unwrap();
        input.send_keys(text).await.unwrap();
    }

    /// Clicks the `<label>` whose text contains `text` (checking its box or radio).
    pub async fn click_label(&self, text: &str) {
        self.click_label_where(&format!("contains(normalize-space(), '{text}')"), text)
            .await;
    }

    /// Clicks the `<label>` whose whole text is `text`.
    pub async fn click_label_exact(&self, text: &str) {
        self.click_label_where(&format!("normalize-space()='{text}'"), text)
            .await;
    }

    async fn click_label_where(&self, condition: &str, text: &str) {
        let xpath = &format!("//label[{condition}]");
        self.until(move || async move {
            let label = self.client.find(Locator::XPath(xpath)).await;
            let label = label.map_err(|_| format!("no label with {text:?}"))?;
            self.press(&label)
                .await
                .map_err(|e| format!("label {text:?}: {e}"))
        })
        .await
    }

    /// The text of the element matching `css`, once it is there.
    pub async fn text(&self, css: &str) -> String {
        self.wait_css(css).await.text().await.unwrap()
    }

    /// The value of the input matching `css`.
    pub async fn value(&self, css: &str) -> String {
        self.wait_css(css)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Saves a screenshot as `target/e2e-shots/NAME.png` when `E2E_SHOTS` is set (for looking
    /// at what a flow saw).
    pub async fn shot(&self, name: &str) {
        if std::env::var_os("E2E_SHOTS").is_none() {
            return;
        }
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-shots");
        std::fs::create_dir_all(&dir).unwrap();
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Waits until the browser has saved the download `name`; returns its path.
    pub async fn wait_download(&self, name: &str) -> PathBuf {
        let path = self.downloads.join(name);
        let saved = &path;
        // Chromium writes `name.crdownload` first and renames it when done.
        self.until(move || async move {
            match saved.is_file() {
                true => Ok(()),
                false => Err(format!(
                    "no download {name} in {}",
                    self.downloads.display()
                )),
            }
        })
        .await;
        path
    }

    /// The screens' parts of the split page module (`<module>-split_<screen>_<n>.wasm`) this
    /// page has fetched so far, by screen.
    pub async fn screen_parts(&self) -> Vec<String> {
        let names = self
            .client
            .execute(
                "return performance.getEntriesByType('resource').map((e) => e.name)",
                vec![],
            )
            .await
            .unwrap();
        let names: Vec<String> = serde_json::from_value(names).unwrap();
        names
            .iter()
            .filter_map(|name| name.split("-split_").nth(1))
            .filter_map(|part| part.strip_suffix(".wasm"))
            .map(|part| {
                part.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_')
                    .to_owned()
            })
            .collect()
    }

    /// Whether an element matching `css` is on the page now.
    pub async fn has(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// Makes the page a phone's: 390 × 844 CSS pixels, a touch screen.
    pub async fn as_phone(&self) {
        let metrics =
            json!({ "width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true });
        self.cdp("Emulation.setDeviceMetricsOverride", metrics)
            .await;
        self.cdp(
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": true }),
        )
        .await;
    }

    /// Fails unless the page fits its width (no sideways scroll of the page).
    pub async fn fits_width(&self, screen: &str) {
        let widths = self
            .client
            .execute(
                r#"const w = window.innerWidth;
                const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) return true; } return false; };
                const wide = [...document.querySelectorAll("body *")].filter(e => !clipped(e) && e.getBoundingClientRect().right > w + 0.5).map(e => `${e.tagName}.${e.className} "${(e.textContent || "").trim().slice(0, 40)}"`).slice(-3);
                return [Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), w, wide.join("; ")]"#,
                vec![],
            )
            .await
            .unwrap();
        let (scroll, inner) = (widths[0].as_f64().unwrap(), widths[1].as_f64().unwrap());
        assert!(
            scroll <= inner,
            "{screen}: the page scrolls sideways ({scroll} > {inner}): {}",
            widths[2]
        );
    }

    /// The shown buttons (`.btn`) less than 44 CSS pixels tall, as "text: height".
    pub async fn small_buttons(&self) -> Vec<String> {
        let found = self
            .client
            .execute(
                r#"return [...document.querySelectorAll(".btn")]
                    .map(e => [e.textContent.trim(), e.getBoundingClientRect().height])
                    .filter(([, h]) => h > 0 && h < 44)
                    .map(([t, h]) => `${t}: ${h}`);"#,
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(found).unwrap()
    }

    /// Runs axe-core (the npm package the project pins) on the page; fails on any serious or
    /// critical violation.
    pub async fn axe(&self, screen: &str) {
        let source =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("{}: {e} (scripts/setup installs it)", source.display()));
        // Loaded as a WebDriver script, not by `eval` (which the page's CSP forbids).
        let loaded = self
            .client
            .execute("return !!window.axe", vec![])
            .await
            .unwrap();
        if loaded != json!(true) {
            let load = format!("{source}\n;return !!window.axe;");
            let loaded = self.client.execute(&load, vec![]).await.unwrap();
            assert_eq!(loaded, json!(true), "axe-core did not load");
        }
        let found = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ["violations"] }).then(r => done(
                    r.violations
                        .filter(v => v.impact === "serious" || v.impact === "critical")
                        .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`)
                ), e => done([`axe failed: ${e}`]));"#,
                vec![],
            )
            .await
            .unwrap();
        let found: Vec<String> = serde_json::from_value(found).unwrap();
        assert!(
            found.is_empty(),
            "{screen}: axe-core found\n{}",
            found.join("\n")
        );
    }

    /// Waits until the guide panel shows STEP `step` with its badge `01` on the control whose
    /// `data-guide` is `first`.
    pub async fn guide_at(&self, step: u8, first: &str) {
        self.wait_text(".guide-step", &format!("STEP {step:02} /"))
            .await;
        let mark = format!("[data-guide-mark='01'][data-guide='{first}']");
        self.until(move || {
            let mark = mark.clone();
            async move {
                match self.has(&mark).await {
                    true => Ok(()),
                    false => Err(format!("STEP {step:02}: badge 01 is not on `{first}`")),
                }
            }
        })
        .await;
        // The badge `01` is shown beside the control, not over it.
        self.until(move || async move {
            let found = self
                .client
                .execute(
                    r#"const t = document.querySelector("[data-guide-mark='01']").getBoundingClientRect();
                    const b = [...document.querySelectorAll(".guide-badge")].find(e => e.textContent.trim() === "01");
                    if (!b) { return "no badge 01 among: " + document.querySelector(".guide-badges").outerHTML; }
                    const r = b.getBoundingClientRect();
                    const apart = r.right <= t.left + 1 || r.bottom <= t.top + 1;
                    return apart ? "" : `badge ${JSON.stringify(r)} covers ${JSON.stringify(t)}`;"#,
                    vec![],
                )
                .await
                .unwrap();
            match found.as_str() {
                Some("") => Ok(()),
                other => Err(format!("STEP {step:02}: {other:?}")),
            }
        })
        .await;
    }

    /// Presses keys on whatever has the focus (`\u{e004}` Tab, `\u{e007}` Enter…).
    pub async fn keys(&self, keys: &str) {
        let focused = self.client.active_element().await.unwrap();
        focused.send_keys(keys).await.unwrap();
    }

    /// Presses Tab until the focused element matches `css`; fails after 80 presses.
    pub async fn tab_to(&self, css: &str) {
        for _ in 0..80 {
            self.keys(TAB).await;
            if self.focused_is(css).await {
                return;
            }
        }
        panic!("Tab never reached `{css}`\n{}", self.page_text().await);
    }

    /// The label of the focused radio button when it is checked (its `<label>`, or its table
    /// row's text).
    pub async fn focused_choice(&self) -> Option<String> {
        let found = self
            .client
            .execute(
                r#"const e = document.activeElement;
                if (!e || !e.checked) { return null; }
                const by = e.closest("label") || e.closest("tr")
                    || document.querySelector(`label[for="${e.id}"]`);
                return by ? by.textContent : null;"#,
                vec![],
            )
            .await
            .unwrap();
        found.as_str().map(str::to_owned)
    }

    /// Whether an element matching `css` is on the page and shown.
    pub async fn shown(&self, css: &str) -> bool {
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => e.is_displayed().await.unwrap_or(false),
            Err(_) => false,
        }
    }

    /// Whether the focused element matches `css`.
    pub async fn focused_is(&self, css: &str) -> bool {
        let found = self
            .client
            .execute(
                "return !!document.activeElement && document.activeElement.matches(arguments[0])",
                vec![json!(css)],
            )
            .await
            .unwrap();
        found.as_bool().unwrap_or(false)
    }

    /// Logs in through the ID form on the current login page.
    pub async fn login(&self, user_id: &str, password: &str) {
        self.fill("#user-id", user_id).await;
        self.fill("#password", password).await;
        self.click("form.login-form", "로그인").await;
    }
}
