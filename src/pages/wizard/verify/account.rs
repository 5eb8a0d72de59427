//! 사용자 추가본인확인: the withdrawal account, its password and the security card or OTP, with
//! the customer's own card or token beside the form.

use leptos::prelude::*;

use crate::bank::BankApi;
use crate::bank::api::*;
use crate::bank::demo::{self, SecondFactor};
use crate::components::devices::{OtpToken, SecurityCard};
use crate::components::{DigitsInput, ErrorLine, KeypadButton};
use crate::contexts::{use_auth, use_bank};
use crate::wizard::Progress;

/// What is wrong with the form before the bank is asked, if anything.
fn local_problem(
    v: &Verification,
    account_password: &str,
    answer: &SecondFactorAnswer,
) -> Option<&'static str> {
    if !v.identity_confirmed {
        return Some(
            "추가 본인 인증(ARS 인증, 해외출국확인 또는 휴대폰 본인확인)을 먼저 완료해 주세요.",
        );
    }
    if account_password.len() != 4 {
        return Some("계좌비밀번호 4자리를 입력해 주세요.");
    }
    match answer {
        SecondFactorAnswer::Card {
            first_two,
            last_two,
        } if first_two.len() != 2 || last_two.len() != 2 => {
            Some("보안카드 비밀번호를 앞 2자리, 뒤 2자리씩 입력해 주세요.")
        }
        SecondFactorAnswer::Otp { code } if code.len() != 6 => {
            Some("OTP 생성기에 표시된 6자리 숫자를 입력해 주세요.")
        }
        _ => None,
    }
}

/// The account check form. Its buttons (`확인` and the wizard's `취소`) are its children.
#[component]
pub fn AccountCheck(
    /// What the bank shows for step 3 (accounts, tries left, the second factor's prompt).
    verification: Signal<Option<Verification>>,
    /// Called with the bank's progress when it accepts the answers.
    on_verified: Callback<Progress>,
    /// Called when the bank refused (tries left and the card's numbers change).
    on_refused: Callback<()>,
    children: Children,
) -> impl IntoView {
    let bank = use_bank();
    let account = RwSignal::new(String::new());
    let account_password = RwSignal::new(String::new());
    let first_two = RwSignal::new(String::new());
    let last_two = RwSignal::new(String::new());
    let otp = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let verify = Action::new_local(move |request: &VerifyAccount| {
        let request = request.clone();
        async move { bank.call(request).await }
    });
    Effect::new(move || match verify.value().get() {
        Some(Ok(progress)) => on_verified.run(progress),
        Some(Err(error)) => {
            problem.set(Some(error.to_string()));
            first_two.set(String::new());
            last_two.set(String::new());
            otp.set(String::new());
            on_refused.run(());
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(v) = verification.get_untracked() else {
            return;
        };
        let chosen = if account.get_untracked().is_empty() {
            v.accounts.first().cloned().unwrap_or_default()
        } else {
            account.get_untracked()
        };
        let answer = match v.second_factor {
            SecondFactorPrompt::Card { .. } => SecondFactorAnswer::Card {
                first_two: first_two.get_untracked(),
                last_two: last_two.get_untracked(),
            },
            SecondFactorPrompt::Otp { .. } => SecondFactorAnswer::Otp {
                code: otp.get_untracked(),
            },
        };
        let local = local_problem(&v, &account_password.get_untracked(), &answer);
        problem.set(local.map(str::to_owned));
        if local.is_none()
            && let Ok(token) = bank.token()
        {
            verify.dispatch(VerifyAccount {
                token,
                account: chosen,
                account_password: account_password.get_untracked(),
                answer,
            });
        }
    };
    let loaded = move || verification.get();
    let second_factor = move || {
        loaded().map(|v| match v.second_factor {
            SecondFactorPrompt::Card {
                serial_prefix,
                first,
                second,
                tries_left,
            } => view! {
                <span class="label">"보안카드"</span>
                <div class="card-answer">
                    <span>"일련번호 " {serial_prefix}</span>
                    <label for="card-first">{format!("[{first}]번 앞 2자리")}</label>
                    <DigitsInput id="card-first" value=first_two max=2 secret=true />
                    <label for="card-second">{format!("[{second}]번 뒤 2자리")}</label>
                    <DigitsInput id="card-second" value=last_two max=2 secret=true />
                    <span class="hint">{format!("입력 가능 {tries_left}회")}</span>
                </div>
            }
            .into_any(),
            SecondFactorPrompt::Otp { tries_left } => view! {
                <label for="otp">"OTP 비밀번호"</label>
                <div>
                    <DigitsInput id="otp" value=otp max=6 autocomplete="one-time-code" />
                    <span class="hint">{format!("입력 가능 {tries_left}회")}</span>
                </div>
            }
            .into_any(),
        })
    };

    view! {
        <form class="account-check" on:submit=submit novalidate=true>
            <h3>"사용자 추가본인확인"</h3>
            <ul class="notes">
                <li>"공인인증서 발급수수료는 범용 4,400원입니다. 이미 수수료를 납부한 인증서를 재발급하는 경우 유효기간 만료시까지 수수료가 면제됩니다."</li>
                <li>"본인의 인터넷뱅킹 출금계좌번호 및 비밀번호를 입력하십시오."</li>
                <li>
                    {format!(
                        "OTP는 {OTP_ATTEMPTS}회, 보안카드는 {CARD_ATTEMPTS}회, 계좌비밀번호는 {ACCOUNT_PASSWORD_ATTEMPTS}회 연속하여 틀린 경우 서비스가 제한됩니다.",
                    )}
                </li>
            </ul>
            <div class="form-grid" data-guide="account">
                <label for="account">"출금계좌"</label>
                <select id="account" on:change=move |ev| account.set(event_target_value(&ev))>
                    {move || {
                        loaded()
                            .map(|v| {
                                v.accounts
                                    .into_iter()
                                    .map(|a| view! { <option value=a.clone()>{a.clone()}</option> })
                                    .collect_view()
                            })
                    }}
                </select>
                <label for="account-password">"계좌비밀번호"</label>
                <div>
                    <DigitsInput id="account-password" value=account_password max=4 secret=true />
                    <KeypadButton value=account_password max_len=4 label="계좌비밀번호" />
                    <span class="hint">
                        {move || loaded().map(|v| format!("입력 가능 {}회", v.account_tries_left))}
                    </span>
                </div>
                {second_factor}
            </div>
            <div class="devices">
                <OwnDevice />
            </div>
            <ErrorLine message=problem />
            <p class="row actions">
                <button type="submit" class="btn primary" data-guide="verify-ok" disabled=move || verify.pending().get() || verification.get().is_none()>
                    "확인"
                </button>
                {children()}
            </p>
        </form>
    }
}

/// The logged-in customer's own security card or OTP token, as they would hold it.
#[component]
fn OwnDevice() -> impl IntoView {
    use_auth()
        .session
        .with_untracked(|s| s.as_ref().and_then(|s| demo::find(&s.user_id)))
        .map(|c| match c.second_factor {
            SecondFactor::SecurityCard { serial, codes } => {
                view! { <SecurityCard serial codes /> }.into_any()
            }
            SecondFactor::Otp { secret_base32 } => view! { <OtpToken secret_base32 /> }.into_any(),
        })
}
