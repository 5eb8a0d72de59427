//! End-to-end flows in a real Chromium against the release bundle (`scripts/test` builds it).
//! Run alone with `cargo test --features e2e --test e2e`; one module with `-- issuance::`.

/// Runs each flow, an `async fn(Browser)` of the module, as a `#[tokio::test]` of the same name
/// in `<module>::run`, in a fresh browser ([`support::with_browser`]).
macro_rules! browser_tests {
    ($($flow:ident),* $(,)?) => {
        mod run {
            $(
                #[tokio::test]
                async fn $flow() {
                    crate::support::with_browser(super::$flow).await;
                }
            )*
        }
    };
}

mod browser;
mod flows;
mod pages;
mod support;

mod after_issuance;
mod business;
mod cloud;
mod devices;
mod guided;
mod issuance;
mod navigation;
mod practice;
mod practice_copy;
mod trust;

/// The page's header once the app has started (the boot screen has a header of its own).
const HEADER: &str = "header.site-header:not(.boot-header)";
