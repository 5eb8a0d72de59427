//! The customer's own devices, drawn on screen for practice: the security card (보안카드), the
//! OTP token and the phone that rings for ARS. They hold what a customer holds, never the bank's
//! records.

use std::time::Duration;

use leptos::prelude::*;

use crate::bank::Clock;
use crate::bank::rules::{OTP_STEP_SECS, otp_code};

/// The security card with its 35 codes.
#[component]
pub fn SecurityCard(
    /// The serial, e.g. `A 12345678`.
    serial: &'static str,
    /// Codes 1 to 35.
    codes: &'static [&'static str; 35],
) -> impl IntoView {
    view! {
        <figure class="device security-card" aria-label="보안카드 (연습용)">
            <figcaption>
                "보안카드 " <span class="serial">{serial}</span>
            </figcaption>
            <ol class="codes">
                {codes
                    .iter()
                    .enumerate()
                    .map(|(i, code)| {
                        view! {
                            <li>
                                <span class="no">{i + 1}</span>
                                <span class="code">{*code}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </figure>
    }
}

/// The OTP token: a 6-digit code that changes every 30 seconds.
#[component]
pub fn OtpToken(
    /// The token's secret, base32.
    secret_base32: &'static str,
) -> impl IntoView {
    // The token runs on the practice world's clock, the same one the bank reads.
    let clock = Clock::from_page();
    let now = RwSignal::new(clock.now());
    if let Ok(ticker) =
        set_interval_with_handle(move || now.set(clock.now()), Duration::from_secs(1))
    {
        on_cleanup(move || ticker.clear());
    }
    let code = move || otp_code(secret_base32, now.get()).unwrap_or_default();
    let left = move || OTP_STEP_SECS - (now.get() / 1000).rem_euclid(OTP_STEP_SECS as i64) as u64;
    view! {
        <figure class="device otp" aria-label="OTP 생성기 (연습용)">
            <figcaption>"OTP 생성기"</figcaption>
            <output class="otp-code" aria-live="polite">
                {code}
            </output>
            <span class="otp-left">{move || format!("{}초 후 바뀝니다", left())}</span>
        </figure>
    }
}
