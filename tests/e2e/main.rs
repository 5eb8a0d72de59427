//! End-to-end flows in a real Chromium against the release bundle (`scripts/test` builds it).
//! Run alone with `cargo test --features e2e --test e2e`; one module with `-- issuance::`.

mod flows;
mod pages;
mod support;

mod after_issuance;
mod business;
mod devices;
mod guided;
mod issuance;
mod navigation;
mod trust;

/// The page's header once the app has started (the boot screen has a header of its own).
const HEADER: &str = "header.site-header:not(.boot-header)";
