//! 성능 측정 (for developers, `/bench`): in this browser, RSA-2048 key generation as the app
//! does it (in the key worker, by WebCrypto, loaded by the rsa crate) against WebCrypto's bare
//! `generateKey` on the page; and one bank request's round trip through the bank worker and IndexedDB. The figures are medians;
//! `#bench-result` carries them as JSON for `scripts/bench`, which also times a whole issuance
//! (the [`ISSUANCE`](crate::browser::marks::ISSUANCE) measure) and runs Lighthouse.
//!
//! The page is built with the `bench` feature only (`scripts/bench` builds it so); without it
//! `/bench` is the not-found page. The issuance marks are always there (`browser::marks`).

#[cfg(feature = "bench")]
mod page;
#[cfg(feature = "bench")]
pub use page::BenchPage;

use leptos::prelude::*;

/// `/bench`: the page with the `bench` feature, the not-found page without it.
#[component]
pub fn Bench() -> impl IntoView {
    #[cfg(feature = "bench")]
    let page = view! { <BenchPage /> }.into_any();
    #[cfg(not(feature = "bench"))]
    let page = view! { <super::NotFound /> }.into_any();
    page
}
