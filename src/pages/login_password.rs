//! 아이디 비밀번호 재설정: after a certificate login, the customer sets a new ID password, which
//! also lifts a lock from five wrong passwords (a bank lets a locked customer in by certificate).

use leptos::prelude::*;

use crate::bank::api::{LOGIN_ATTEMPTS, ResetLoginPassword};
use crate::bank::rules::check_login_password;
use crate::components::{NewPassword, PasswordInput, SubmitLine, outcome};
use crate::contexts::use_bank;

/// The page.
#[component]
pub fn LoginPasswordPage() -> impl IntoView {
    let bank = use_bank();
    let typed = NewPassword::new(
        check_login_password,
        "새 비밀번호와 비밀번호 확인이 일치하지 않습니다.",
    );
    let reset = Action::new_local(move |_: &()| {
        let checked = typed.checked();
        async move {
            let new_password = checked?;
            bank.for_customer(|token| ResetLoginPassword {
                token,
                new_password,
            })
            .await
            .map_err(|e| e.to_string())
        }
    });
    let problem = outcome(reset, |()| {});
    let done = move || matches!(reset.value().get(), Some(Ok(())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        reset.dispatch_local(());
    };
    view! {
        <main class="login-password" id="content">
            <h1>"아이디 비밀번호 재설정"</h1>
            <ul class="bullets">
                <li>"인증서(공인인증서 또는 브라우저인증서)로 로그인한 고객만 재설정할 수 있습니다."</li>
                <li>
                    {format!(
                        "새 비밀번호를 정하면 비밀번호 {LOGIN_ATTEMPTS}회 오류로 제한된 아이디도 다시 사용할 수 있습니다.",
                    )}
                </li>
                <li>"비밀번호는 영문자와 숫자를 포함하여 8자리 이상 20자리 이하로 정해 주세요."</li>
            </ul>
            <Show
                when=done
                fallback=move || {
                    view! {
                        <form class="login-form" on:submit=submit novalidate=true>
                            <PasswordInput id="new-login-password" label="새 비밀번호" value=typed.password autocomplete="new-password" />
                            <PasswordInput id="new-login-password-again" label="새 비밀번호 확인" value=typed.again autocomplete="new-password" />
                            <SubmitLine problem=problem label="확인" pending=reset.pending() class="btn primary wide" />
                        </form>
                    }
                }
            >
                <p class="status" role="status">
                    "아이디 비밀번호를 바꾸었습니다. 다음 로그인부터 새 비밀번호를 사용하세요. 아이디 사용 제한도 해제되었습니다."
                </p>
            </Show>
        </main>
    }
}
