//! 로그인 (manual STEP 05 and 14): bank ID and password, with the `연습용 계정` panel, and
//! `공인인증서 로그인` / `브라우저인증서 로그인`: pick a certificate, type its password, sign the
//! bank's challenge. After a login the customer goes back to the page that sent them here.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::bank::BankApi;
use crate::bank::api::Login;
use crate::components::{Candidate, CertificatePicker, DemoAccounts, Radio, later};
use crate::contexts::{use_auth, use_bank};
use crate::customer::{CertError, certificate_login_opened, open_key};
use crate::wallet::Place;

/// Where to go after login: `next` when it is a path of this site, else the center's home.
///
/// Browsers drop tabs and newlines and read `\\` as `/` when they parse a URL, so
/// `/%09/evil.example` would become `//evil.example`, another site. Anything with control
/// characters, white space or backslashes is refused outright; in the browser the path is then
/// parsed against the page's origin and must stay on it.
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(same_origin_path)
        .unwrap_or_else(|| "/center".to_owned())
}

fn same_origin_path(next: &str) -> Option<String> {
    let plain = next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if !plain {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let origin = window().location().origin().ok()?;
        let url = web_sys::Url::new_with_base(next, &origin).ok()?;
        (url.origin() == origin)
            .then(|| format!("{}{}{}", url.pathname(), url.search(), url.hash()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    Some(next.to_owned())
}

/// The cloud's window, a part of its own in the split module (the login page comes with the
/// first screen).
#[cfg_attr(feature = "split", leptos::lazy)]
async fn cloud_window() -> AnyView {
    view! { <crate::pages::cloud::login::CloudLoginWindow /> }.into_any()
}

/// What the login page is for, under its heading; index.html's first screen for `/login` shows
/// the same words, so that the page has its content before the module arrives.
pub const LEAD: &str = "모의은행 인터넷뱅킹에 로그인합니다. 아이디와 비밀번호로 로그인하거나, 아래 인증서 로그인에서 공인인증서로 로그인하세요. 연습용 고객의 아이디와 비밀번호는 연습용 계정에 있습니다. 실제 은행의 아이디와 비밀번호는 입력하지 마세요.";

#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = use_auth();
    let bank = use_bank();
    let query = use_query_map();
    let navigate = use_navigate();
    let user_id = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form_error = RwSignal::new(None::<&'static str>);
    let cloud_open = RwSignal::new(false);
    provide_context(crate::pages::cloud::login::CloudWindowOpen {
        open: cloud_open,
        next: Signal::derive(move || safe_next(query.read().get_str("next"))),
    });

    // 개인뱅킹 or 기업뱅킹: which certificates the bank accepts at certificate login.
    let corporate = RwSignal::new(query.read_untracked().get_str("banking") == Some("corporate"));
    let picker = RwSignal::new(match query.read_untracked().get_str("method") {
        Some("browser") => Some(Place::Browser),
        Some("npki") => Some(Place::HardDisk),
        _ => None,
    });
    // The chosen certificate's key, opened with its password or (바이오인증) one biometric
    // prompt, signs the bank's challenge.
    let cert_login = {
        let navigate = navigate.clone();
        Action::new_local(move |(choice, password): &(Candidate, Option<String>)| {
            let navigate = navigate.clone();
            let (choice, password) = (choice.clone(), password.clone());
            let next = safe_next(query.read_untracked().get_str("next"));
            async move {
                // Lets the browser paint `확인 중…` before the key is unlocked (600,000 PBKDF2 rounds).
                crate::components::paint().await;
                let opened = match (password, choice.stored.as_ref()) {
                    (Some(password), _) => {
                        open_key(&choice.certificate, &choice.key_file, &password).await
                    }
                    (None, Some(record)) => crate::wallet::bio::unlock(record)
                        .await
                        .map_err(|e| CertError::Refused(e.to_string())),
                    (None, None) => Err(CertError::Refused(
                        "바이오인증이 등록되지 않은 인증서입니다.".to_owned(),
                    )),
                }
                .map_err(|e| e.to_string())?;
                let origin = window().location().origin().unwrap_or_default();
                let grant = certificate_login_opened(
                    &bank,
                    &origin,
                    corporate.get_untracked(),
                    &choice.certificate,
                    &opened,
                )
                .await
                .map_err(|e| e.to_string())?;
                picker.set(None);
                auth.begin(grant);
                navigate(&next, Default::default());
                Ok::<(), String>(())
            }
        })
    };
    let login = Action::new_local(move |request: &Login| {
        let request = request.clone();
        let navigate = navigate.clone();
        let next = safe_next(query.read_untracked().get_str("next"));
        async move {
            let grant = bank.call(request).await?;
            auth.begin(grant);
            navigate(&next, Default::default());
            Ok(())
        }
    });
    let error = move || {
        form_error.get().map(str::to_owned).or_else(|| {
            login
                .value()
                .get()
                .and_then(Result::err)
                .map(|e: crate::bank::BankError| e.to_string())
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (id, pw) = (user_id.get_untracked(), password.get_untracked());
        form_error.set(if id.trim().is_empty() {
            Some("아이디를 입력해 주세요.")
        } else if pw.is_empty() {
            Some("비밀번호를 입력해 주세요.")
        } else {
            None
        });
        if form_error.get_untracked().is_none() {
            login.dispatch(Login {
                user_id: id.trim().to_owned(),
                password: pw,
            });
        }
    };
    let pick = move |c: &'static crate::bank::demo::DemoCustomer| {
        user_id.set(c.user_id.to_owned());
        password.set(c.password.to_owned());
        form_error.set(None);
    };

    view! {
        <main class="login" id="content">
            <h1>"로그인"</h1>
            <p class="lead">{LEAD}</p>
            <Show when=move || auth.expired.get()>
                <p class="notice" role="status">
                    "로그인 시간이 만료되어 자동으로 로그아웃되었습니다. 다시 로그인해 주세요."
                </p>
            </Show>
            <Show when=move || query.read().get_str("next").is_some() && !auth.logged_in()>
                <p class="notice">"로그인이 필요한 서비스입니다. 로그인 후 요청하신 화면으로 이동합니다."</p>
            </Show>
            <form class="login-form" on:submit=submit novalidate=true>
                <h2>"아이디 로그인"</h2>
                <label for="user-id">"아이디"</label>
                <input id="user-id" name="user-id" autocomplete="username" data-guide="login-id" bind:value=user_id />
                <label for="password">"비밀번호"</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    data-guide="login-password"
                    bind:value=password
                />
                <p class="error" role="alert" aria-live="assertive">
                    {error}
                </p>
                <button type="submit" class="btn primary wide" data-guide="login-submit" disabled=move || login.pending().get()>
                    {move || if login.pending().get() { "로그인 중…" } else { "로그인" }}
                </button>
                <p class="hint">
                    "비밀번호를 잊으셨거나 사용이 제한되었다면 인증서로 로그인한 뒤 "
                    <A href="/account/password">"아이디 비밀번호 재설정"</A>
                    "을 이용하세요."
                </p>
            </form>
            <section class="cert-login" aria-labelledby="cert-login-title">
                <h2 id="cert-login-title">"인증서 로그인"</h2>
                <p class="hint">"인증서를 선택하고 인증서 암호를 입력하면, 은행이 보낸 일회용 값에 전자서명하여 로그인합니다."</p>
                <fieldset class="banking">
                    <legend>"로그인 구분"</legend>
                    <Radio name="banking" value=false chosen=corporate>
                        "개인뱅킹"
                    </Radio>
                    <Radio name="banking" value=true chosen=corporate>
                        "기업뱅킹"
                    </Radio>
                    <span class="hint">"기업뱅킹은 기업용(기업 범용, 기업 은행/보험용)과 전자세금용 인증서로 로그인합니다."</span>
                </fieldset>
                <p class="row">
                    <button type="button" class="btn" data-guide="npki-login" on:click=move |_| picker.set(Some(Place::HardDisk))>
                        "공인인증서 로그인"
                    </button>
                    <button type="button" class="btn" data-guide="cert-login" on:click=move |_| picker.set(Some(Place::Browser))>
                        "브라우저인증서 로그인"
                    </button>
                    <button type="button" class="btn" data-guide="cloud-login" on:click=move |_| cloud_open.set(true)>
                        "금융인증서 로그인"
                    </button>
                </p>
            </section>
            <Show when=move || cloud_open.get()>{later(cloud_window())}</Show>
            <CertificatePicker
                source=picker
                on_confirm=Callback::new(move |(choice, password)| {
                    cert_login.dispatch_local((choice, Some(password)));
                })
                error=Signal::derive(move || cert_login.value().get().and_then(Result::err))
                busy=cert_login.pending().into()
                on_bio=Callback::new(move |choice| {
                    cert_login.dispatch_local((choice, None));
                })
            />
            <DemoAccounts on_pick=pick />
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/center/issue")), "/center/issue");
        assert_eq!(safe_next(Some("/center?x=1")), "/center?x=1");
        assert_eq!(safe_next(Some("//evil.example")), "/center");
        assert_eq!(safe_next(Some("https://evil.example")), "/center");
        assert_eq!(safe_next(Some("/\\evil.example")), "/center");
        // As the query map hands them over, percent-decoded: %09, %0a, %0d, %5C, a space.
        for attack in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/\\/evil.example",
            "/ /evil.example",
            "\t//evil.example",
        ] {
            assert_eq!(safe_next(Some(attack)), "/center", "{attack:?}");
        }
        assert_eq!(safe_next(None), "/center");
    }
}
