//! What the learner sees if the module ever panics: instead of a page that silently stops
//! answering, a Korean error screen with a way back. After a panic the WebAssembly instance is
//! unusable, so the screen is plain HTML with plain links (a full reload starts afresh).

/// The error screen's markup: static text only, no script (the CSP allows none inline).
pub const PANIC_SCREEN: &str = r#"<main class="panic-screen" role="alert">
<h1>모의은행 공인인증센터</h1>
<p class="error">일시적인 오류가 발생하여 화면을 계속 표시할 수 없습니다.</p>
<p>저장된 인증서와 연습 기록은 지워지지 않았습니다. 페이지를 새로 고치면 처음부터 다시 시작합니다.</p>
<p><a class="btn primary" href="">새로 고침</a> <a class="btn" href="/">처음으로</a></p>
</main>"#;

/// Shows [`PANIC_SCREEN`] in `body`.
pub fn show(body: &web_sys::HtmlElement) {
    body.set_inner_html(PANIC_SCREEN);
}

/// Logs every panic to the console (with its message) and replaces the page with the error
/// screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            show(&body);
        }
    }));
}
