//! 성능 측정 (for developers, `/bench`): in this browser, RSA-2048 key generation as the app
//! does it (in the key worker, by WebCrypto, loaded by the rsa crate) against WebCrypto's bare
//! `generateKey` on the page; and one bank request's round trip through the bank worker and IndexedDB. The figures are medians;
//! `#bench-result` carries them as JSON for `scripts/bench`, which also times a whole issuance
//! (the [`ISSUANCE`] measure) and runs Lighthouse.
//!
//! The page is built with the `bench` feature only (`scripts/bench` builds it so); without it
//! `/bench` is the not-found page. The issuance marks below are always there.

#[cfg(feature = "bench")]
mod page;
#[cfg(feature = "bench")]
pub use page::BenchPage;

use leptos::prelude::*;

/// The performance mark set when step 6's `확인` starts an issuance.
pub const ISSUANCE_START: &str = "issuance-start";
/// The performance measure from [`ISSUANCE_START`] to step 7 on screen.
pub const ISSUANCE: &str = "issuance";

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Sets a performance mark (read by `scripts/bench`).
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name(name);
        let _ = p.mark(name);
    }
}

/// Measures from the mark `start` to now, if that mark was set.
pub fn measure_since(name: &str, start: &str) {
    if let Some(p) = performance()
        && p.measure_with_start_mark(name, start).is_ok()
    {
        p.clear_marks_with_mark_name(start);
    }
}

/// `/bench`: the page with the `bench` feature, the not-found page without it.
#[component]
pub fn Bench() -> impl IntoView {
    #[cfg(feature = "bench")]
    let page = view! { <BenchPage /> }.into_any();
    #[cfg(not(feature = "bench"))]
    let page = view! { <super::NotFound /> }.into_any();
    page
}
