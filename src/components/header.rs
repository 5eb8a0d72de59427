//! The site header: the bank's name, and either `로그인` or the customer with the session
//! countdown, `연장` and `로그아웃` (manual STEP 05–06).

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use super::aids::TextSizeChoice;

use super::ActionButton;
use crate::bank::BankError;
use crate::bank::api::ExtendSession;
use crate::contexts::{log_out, use_auth, use_bank};
use crate::kst::Kst;

/// `mm:ss`, as the bank shows the time left.
pub fn format_countdown(seconds: u32) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// A path to the login page that comes back to the current page afterwards.
pub fn login_href(path_and_query: &str) -> String {
    format!(
        "/login?next={}",
        js_sys::encode_uri_component(path_and_query)
    )
}

/// The header shown on every page.
#[component]
pub fn Header() -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    let here = move || login_href(&(location.pathname.get() + &location.search.get()));

    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(ticker) = set_interval_with_handle(
        move || {
            let t = js_sys::Date::now();
            now.set(t);
            if auth
                .session
                .with_untracked(|s| s.as_ref().is_some_and(|s| s.expires_at <= t))
            {
                auth.expire();
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || ticker.clear());
    }

    let bank = use_bank();
    // The session's new time; a session the bank no longer extends has ended.
    let extend = Action::new_local(move |_: &()| async move {
        let time = bank
            .for_customer(|token| ExtendSession { token })
            .await
            .inspect_err(|_| auth.expire())?;
        auth.extend(time.expires_in_secs);
        Ok::<_, BankError>(())
    });
    let navigate = use_navigate();
    let logout = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            // Leave first: ending the session on a protected page would send the customer to
            // the login page instead of home.
            navigate("/", Default::default());
            log_out(bank, auth).await;
        }
    });

    // The practice clock changes what the bank decides (hours, refunds, renewal): it is never
    // shifted silently.
    let practice = use_bank().practice_clock_offset();

    view! {
        {practice.map(|offset| view! {
            <p class="practice-clock" role="status">
                {move || format!("연습 시계: {}", Kst::from_millis(now.get() as i64 + offset).map(|t| t.minute()).unwrap_or_default())}
                <a href="?clock=now" rel="external" class="reset">"실제 시각으로 돌아가기"</a>
            </p>
        })}
        <header class="site-header">
            <div class="brand">
                <A href="/" exact=true attr:class="bank-name">
                    "모의은행"
                </A>
                <A href="/center" attr:class="center-name">
                    "공인인증센터"
                </A>
                <span class="practice-mark" title="실제 은행 화면이 아닌 연습용 화면입니다">"연습용 화면"</span>
            </div>
            <div class="account">
                <TextSizeChoice />
                {move || match auth.session.get() {
                    Some(session) => {
                        let name = session.customer_name.clone();
                        view! {
                            <span class="customer">{name} " 님"</span>
                            <span class="countdown" role="timer" aria-label="로그인 남은 시간">
                                {move || {
                                    // The ticker may be up to a second old when a session begins.
                                    let t = now.get().max(js_sys::Date::now());
                                    format_countdown(session.seconds_left(t))
                                }}
                            </span>
                            <ActionButton action=extend label="연장" class="btn small" />
                            <span data-guide="logout">
                                <ActionButton action=logout label="로그아웃" class="btn small" />
                            </span>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <A href=here attr:class="btn small primary" attr:data-guide="logout">
                                "로그인"
                            </A>
                        }
                            .into_any()
                    }
                }}
            </div>
        </header>
    }
}
