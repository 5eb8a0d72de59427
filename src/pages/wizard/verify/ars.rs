//! ARS인증: the customer picks one of their phones, the bank calls it, the customer keys the
//! approval number on the phone and confirms on the page.

use leptos::prelude::*;

use crate::bank::api::*;
use crate::components::{Dialog, DialogButtons, ErrorLine, Radio, outcome};
use crate::contexts::use_bank;

/// The ARS pop-up, from choosing the phone to `전화승인완료`.
#[component]
pub fn ArsDialog(
    /// The customer's phones, masked, as the bank lists them (read as they arrive).
    #[prop(into)]
    phones: Signal<Vec<String>>,
    /// Called when the bank has confirmed the call.
    on_confirmed: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let bank = use_bank();
    let phone_choice = RwSignal::new(0usize);
    let call = RwSignal::new(None::<ArsCall>);
    let start = Action::new_local(move |phone: &usize| {
        let phone = *phone;
        async move {
            let answer = bank.for_customer(|token| StartArs { token, phone }).await?;
            call.set(Some(answer));
            Ok::<_, BankError>(())
        }
    });
    let confirm = Action::new_local(move |_: &()| async move {
        bank.for_customer(|token| ConfirmArs { token }).await
    });
    let start_failed = outcome(start, |()| {});
    let confirm_failed = outcome(confirm, move |()| on_confirmed.run(()));
    // The latest refusal of either request.
    let problem = RwSignal::new(None::<String>);
    Effect::new(move || problem.set(start_failed.get()));
    Effect::new(move || problem.set(confirm_failed.get()));

    view! {
        <Dialog open=Signal::stored(true) title="ARS인증">
            <div data-guide="ars-call">
            {move || match call.get() {
                None => {
                    view! {
                        <p>"본인 확인을 위해 전화인증을 수행할 전화번호 선택 후 [확인] 버튼을 선택하여 주시기 바랍니다."</p>
                        <fieldset>
                            <legend>"전화번호"</legend>
                            {move || phones
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, p)| {
                                    view! {
                                        <Radio name="phone" value=i chosen=phone_choice class="radio block">
                                            {p}
                                        </Radio>
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                        <ErrorLine message=problem />
                        <DialogButtons
                            label="확인"
                            on_ok=Callback::new(move |()| {
                                start.dispatch(phone_choice.get_untracked());
                            })
                            on_cancel
                        />
                    }
                        .into_any()
                }
                Some(call) => {
                    view! {
                        <p>
                            "고객님께 ARS인증을 위한 전화를 걸고 있습니다. 전화를 받은 후 공인인증서 발급을 위한 승인번호를 눌러주시기 바랍니다."
                        </p>
                        <p class="approval">
                            "승인번호 " <strong class="approval-number">{call.approval_number}</strong>
                        </p>
                        <ArsPhone phone=call.phone />
                        <p class="hint">"전화승인 처리가 완료되고 나면 아래에 전화승인완료 버튼을 눌러주세요."</p>
                        <ErrorLine message=problem />
                        <DialogButtons
                            label="전화승인완료"
                            on_ok=Callback::new(move |()| {
                                confirm.dispatch(());
                            })
                            on_cancel
                        />
                    }
                        .into_any()
                }
            }}
            </div>
        </Dialog>
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
            "승인번호가 일치하지 않아 통화가 종료되었습니다. [취소] 후 [인증받기]로 다시 시도해 주세요."
                .to_owned()
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
                                data-key=d.to_string()
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
                    data-key="#"
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
