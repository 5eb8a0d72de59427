//! Step 3, 사용자 추가본인확인 (manual STEP 10): ARS (or the departure record), then the
//! withdrawal account, its password and the security card or OTP.

use leptos::prelude::*;

use super::{CancelButton, use_advance};
use crate::bank::BankApi;
use crate::bank::api::*;
use crate::bank::demo::{self, SecondFactor};
use crate::components::ErrorLine;
use crate::components::devices::{OtpToken, SecurityCard};
use crate::components::{Dialog, Keypad};
use crate::contexts::{use_auth, use_bank};
use crate::format::digits;

/// Where the ARS pop-up is.
#[derive(Debug, Clone, PartialEq)]
enum Ars {
    Closed,
    Choosing,
    Calling(ArsCall),
}

/// Step 3.
#[component]
pub fn VerifyStep(
    /// Called when the bank accepts the verification; without it the wizard moves on to step 4.
    #[prop(optional)]
    on_verified: Option<Callback<()>>,
    /// Where `취소` leads.
    #[prop(default = "/center/issue")]
    cancel_to: &'static str,
) -> impl IntoView {
    let auth = use_auth();
    let bank = use_bank();
    let advance = use_advance();
    let refresh = RwSignal::new(0u32);
    let verification = {
        LocalResource::new(move || {
            refresh.track();
            async move { bank.for_customer(|token| GetVerification { token }).await }
        })
    };
    let loaded = move || verification.get().and_then(Result::ok);
    let load_error = move || match verification.get() {
        Some(Err(error)) => Some(error.to_string()),
        _ => None,
    };

    let by_departure = RwSignal::new(false);
    let ars = RwSignal::new(Ars::Closed);
    let phone_choice = RwSignal::new(0usize);
    let identity_message = RwSignal::new(None::<String>);
    let dialog_message = RwSignal::new(None::<String>);

    let check_departure = {
        Action::new_local(move |_: &()| async move {
            match bank.for_customer(|token| CheckDeparture { token }).await {
                Ok(()) => refresh.update(|n| *n += 1),
                Err(error) => identity_message.set(Some(error.to_string())),
            }
        })
    };
    let start_call = {
        Action::new_local(move |phone: &usize| {
            let phone = *phone;
            async move {
                match bank.for_customer(|token| StartArs { token, phone }).await {
                    Ok(call) => {
                        dialog_message.set(None);
                        ars.set(Ars::Calling(call));
                    }
                    Err(error) => dialog_message.set(Some(error.to_string())),
                }
            }
        })
    };
    let confirm_call = {
        Action::new_local(move |_: &()| async move {
            match bank.for_customer(|token| ConfirmArs { token }).await {
                Ok(()) => {
                    ars.set(Ars::Closed);
                    identity_message.set(None);
                    refresh.update(|n| *n += 1);
                }
                Err(error) => dialog_message.set(Some(error.to_string())),
            }
        })
    };

    let account = RwSignal::new(String::new());
    let account_password = RwSignal::new(String::new());
    let keypad_open = RwSignal::new(false);
    let first_two = RwSignal::new(String::new());
    let last_two = RwSignal::new(String::new());
    let otp = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let verify = {
        Action::new_local(move |request: &VerifyAccount| {
            let request = request.clone();
            let advance = advance.clone();
            async move {
                match bank.call(request).await {
                    Ok(progress) => match on_verified {
                        Some(done) => done.run(()),
                        None => advance(progress),
                    },
                    Err(error) => {
                        problem.set(Some(error.to_string()));
                        first_two.set(String::new());
                        last_two.set(String::new());
                        otp.set(String::new());
                        refresh.update(|n| *n += 1);
                    }
                }
            }
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(v) = loaded() else { return };
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
        let local = if !v.identity_confirmed {
            Some("추가 본인 인증(ARS 인증 또는 해외출국확인)을 먼저 완료해 주세요.")
        } else if account_password.get_untracked().len() != 4 {
            Some("계좌비밀번호 4자리를 입력해 주세요.")
        } else {
            match &answer {
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
        };
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

    // The customer's own card or token, as they would hold it.
    let device = auth
        .session
        .with_untracked(|s| s.as_ref().and_then(|s| demo::find(&s.user_id)))
        .map(|c| match c.second_factor {
            SecondFactor::SecurityCard { serial, codes } => {
                view! { <SecurityCard serial codes /> }.into_any()
            }
            SecondFactor::Otp { secret_base32 } => view! { <OtpToken secret_base32 /> }.into_any(),
        });

    view! {
        <div class="wizard-step verify">
            <p class="notice">
                "전자금융사기 예방서비스 전면시행으로 공인인증서 (재)발급, 타행(기관) 인증서 등록 시 추가인증이 완료된 후 거래가 가능합니다."
            </p>
            <ErrorLine message=Signal::derive(load_error) />
            <fieldset class="identity">
                <legend>"추가 본인 인증(택 1)"</legend>
                <label class="radio">
                    <input
                        type="radio"
                        name="identity"
                        prop:checked=move || !by_departure.get()
                        on:change=move |_| by_departure.set(false)
                    />
                    "ARS 인증"
                </label>
                <p class="hint">
                    "등록된 고객님의 연락처 중 선택하신 전화번호로 전화연결 후 ARS 안내에 따라 본인여부를 확인합니다."
                </p>
                <label class="radio">
                    <input
                        type="radio"
                        name="identity"
                        prop:checked=move || by_departure.get()
                        on:change=move |_| by_departure.set(true)
                    />
                    "해외출국확인"
                </label>
                <p class="hint">
                    "한국국적의 해외체류자 및 해외거주자의 경우 법무부 출입국관리사무소로부터 출국사실이 확인되면 별도의 추가 본인인증 절차를 생략할 수 있습니다."
                </p>
                <p class="row">
                    <button
                        type="button"
                        class="btn primary"
                        disabled=move || loaded().is_some_and(|v| v.identity_confirmed)
                        on:click=move |_| {
                            identity_message.set(None);
                            if by_departure.get_untracked() {
                                check_departure.dispatch(());
                            } else {
                                dialog_message.set(None);
                                ars.set(Ars::Choosing);
                            }
                        }
                    >
                        "인증받기"
                    </button>
                    <span class="status" role="status" aria-live="polite">
                        {move || {
                            loaded()
                                .filter(|v| v.identity_confirmed)
                                .map(|_| "추가 본인 인증이 완료되었습니다.")
                        }}
                    </span>
                </p>
                <ErrorLine message=identity_message />
            </fieldset>

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
                <div class="form-grid">
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
                        <input
                            id="account-password"
                            type="password"
                            inputmode="numeric"
                            maxlength="4"
                            autocomplete="off"
                            prop:value=account_password
                            on:input=move |ev| account_password.set(digits(&event_target_value(&ev), 4))
                        />
                        <button type="button" class="btn small" on:click=move |_| keypad_open.update(|o| *o = !*o)>
                            "마우스로 입력"
                        </button>
                        <span class="hint">
                            {move || loaded().map(|v| format!("입력 가능 {}회", v.account_tries_left))}
                        </span>
                        <Show when=move || keypad_open.get()>
                            <Keypad
                                value=account_password
                                max_len=4
                                label="계좌비밀번호"
                                on_close=move |_| keypad_open.set(false)
                            />
                        </Show>
                    </div>
                    {move || {
                        loaded()
                            .map(|v| match v.second_factor {
                                SecondFactorPrompt::Card { serial_prefix, first, second, tries_left } => {
                                    view! {
                                        <span class="label">"보안카드"</span>
                                        <div class="card-answer">
                                            <span>"일련번호 " {serial_prefix}</span>
                                            <label for="card-first">{format!("[{first}]번 앞 2자리")}</label>
                                            <input
                                                id="card-first"
                                                type="password"
                                                inputmode="numeric"
                                                maxlength="2"
                                                autocomplete="off"
                                                prop:value=first_two
                                                on:input=move |ev| first_two.set(digits(&event_target_value(&ev), 2))
                                            />
                                            <label for="card-second">{format!("[{second}]번 뒤 2자리")}</label>
                                            <input
                                                id="card-second"
                                                type="password"
                                                inputmode="numeric"
                                                maxlength="2"
                                                autocomplete="off"
                                                prop:value=last_two
                                                on:input=move |ev| last_two.set(digits(&event_target_value(&ev), 2))
                                            />
                                            <span class="hint">{format!("입력 가능 {tries_left}회")}</span>
                                        </div>
                                    }
                                        .into_any()
                                }
                                SecondFactorPrompt::Otp { tries_left } => {
                                    view! {
                                        <label for="otp">"OTP 비밀번호"</label>
                                        <div>
                                            <input
                                                id="otp"
                                                inputmode="numeric"
                                                maxlength="6"
                                                autocomplete="one-time-code"
                                                prop:value=otp
                                                on:input=move |ev| otp.set(digits(&event_target_value(&ev), 6))
                                            />
                                            <span class="hint">{format!("입력 가능 {tries_left}회")}</span>
                                        </div>
                                    }
                                        .into_any()
                                }
                            })
                    }}
                </div>
                <div class="devices">{device}</div>
                <ErrorLine message=problem />
                <p class="row actions">
                    <button type="submit" class="btn primary" disabled=move || verify.pending().get()>
                        "확인"
                    </button>
                    <CancelButton to=cancel_to />
                </p>
            </form>

            <Dialog open=Signal::derive(move || ars.get() != Ars::Closed) title="ARS인증">
                {move || match ars.get() {
                    Ars::Choosing => {
                        view! {
                            <p>"본인 확인을 위해 전화인증을 수행할 전화번호 선택 후 [확인] 버튼을 선택하여 주시기 바랍니다."</p>
                            <fieldset>
                                <legend>"전화번호"</legend>
                                {move || {
                                    loaded()
                                        .map(|v| {
                                            v.phones
                                                .into_iter()
                                                .enumerate()
                                                .map(|(i, p)| {
                                                    view! {
                                                        <label class="radio block">
                                                            <input
                                                                type="radio"
                                                                name="phone"
                                                                prop:checked=move || phone_choice.get() == i
                                                                on:change=move |_| phone_choice.set(i)
                                                            />
                                                            {p}
                                                        </label>
                                                    }
                                                })
                                                .collect_view()
                                        })
                                }}
                            </fieldset>
                            <ErrorLine message=dialog_message />
                            <p class="row">
                                <button
                                    type="button"
                                    class="btn primary"
                                    on:click=move |_| {
                                        start_call.dispatch(phone_choice.get_untracked());
                                    }
                                >
                                    "확인"
                                </button>
                                <button type="button" class="btn" on:click=move |_| ars.set(Ars::Closed)>
                                    "취소"
                                </button>
                            </p>
                        }
                            .into_any()
                    }
                    Ars::Calling(call) => {
                        view! {
                            <p>
                                "고객님께 ARS인증을 위한 전화를 걸고 있습니다. 전화를 받은 후 공인인증서 발급을 위한 승인번호를 눌러주시기 바랍니다."
                            </p>
                            <p class="approval">
                                "승인번호 " <strong class="approval-number">{call.approval_number.clone()}</strong>
                            </p>
                            <ArsPhone phone=call.phone.clone() />
                            <p class="hint">"전화승인 처리가 완료되고 나면 아래에 전화승인완료 버튼을 눌러주세요."</p>
                            <ErrorLine message=dialog_message />
                            <p class="row">
                                <button
                                    type="button"
                                    class="btn primary"
                                    on:click=move |_| {
                                        confirm_call.dispatch(());
                                    }
                                >
                                    "전화승인완료"
                                </button>
                                <button type="button" class="btn" on:click=move |_| ars.set(Ars::Closed)>
                                    "취소"
                                </button>
                            </p>
                        }
                            .into_any()
                    }
                    Ars::Closed => ().into_any(),
                }}
            </Dialog>
        </div>
    }
}

/// The customer's phone, ringing with the bank's ARS call: the customer keys the approval
/// number, and the phone network tells the bank what was keyed.
#[component]
fn ArsPhone(
    /// The masked number being called.
    phone: String,
) -> impl IntoView {
    let bank = use_bank();
    let keyed = RwSignal::new(String::new());
    let answer = Action::new_local(move |digits: &String| {
        let keyed = digits.clone();
        async move {
            bank.for_customer(|token| AnswerArs { token, keyed })
                .await
                .ok()
        }
    });
    let screen = move || {
        match answer.value().get().flatten() {
        Some(ArsAnswer { approved: true }) => "승인되었습니다. 전화를 끊으셔도 됩니다.".to_owned(),
        Some(ArsAnswer { approved: false }) => {
            "승인번호가 일치하지 않아 통화가 종료되었습니다. [취소] 후 [인증받기]로 다시 시도해 주세요.".to_owned()
        }
        None => format!("모의은행 ARS 전화 수신 중… 승인번호를 누르세요: {}", keyed.get()),
    }
    };
    let finished = move || answer.value().get().flatten().is_some();
    view! {
        <figure class="device phone" aria-label=format!("휴대폰 {phone} (연습용)")>
            <figcaption>{format!("📱 {phone}")}</figcaption>
            <output class="phone-screen" aria-live="polite">
                {screen}
            </output>
            <div class="phone-keys">
                {(1..=9)
                    .chain([0])
                    .map(|d: u8| {
                        view! {
                            <button
                                type="button"
                                class="key"
                                disabled=finished
                                on:click=move |_| keyed.update(|k| k.push(char::from(b'0' + d)))
                            >
                                {d}
                            </button>
                        }
                    })
                    .collect_view()}
                <button
                    type="button"
                    class="key wide"
                    disabled=finished
                    on:click=move |_| {
                        answer.dispatch(keyed.get_untracked());
                    }
                >
                    "# 입력완료"
                </button>
            </div>
        </figure>
    }
}
