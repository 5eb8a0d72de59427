//! 휴대폰 본인확인 (금융인증서 발급): the customer picks a mobile number, the bank texts a code to
//! it, the phone shows the text and the customer types the code.

use leptos::prelude::*;

use crate::bank::api::*;
use crate::components::cloud::TextedPhone;
use crate::components::{ActionButton, DigitsInput, ErrorLine, Radio, outcome};
use crate::contexts::use_bank;

/// The identity check by a texted code, in place of ARS.
#[component]
pub fn TextIdentity(
    /// The customer's phones, masked, as the bank lists them.
    #[prop(into)]
    phones: Signal<Vec<String>>,
    /// Whether the bank already counts the identity as confirmed.
    #[prop(into)]
    confirmed: Signal<bool>,
    /// Called when the bank has taken the code.
    on_confirmed: Callback<()>,
) -> impl IntoView {
    let bank = use_bank();
    let choice = RwSignal::new(0usize);
    let code = RwSignal::new(String::new());
    let text = RwSignal::new(None::<TextMessage>);
    let send = Action::new_local(move |_: &()| {
        let phone = choice.get_untracked();
        async move {
            let sent = bank
                .for_customer(|token| StartText { token, phone })
                .await?;
            text.set(Some(sent));
            Ok::<_, BankError>(())
        }
    });
    let confirm = Action::new_local(move |_: &()| {
        let code = code.get_untracked();
        async move {
            if code.len() != 6 {
                return Err("문자로 받은 인증번호 6자리를 입력해 주세요.".to_owned());
            }
            bank.for_customer(|token| ConfirmText { token, code })
                .await
                .map_err(|e| e.to_string())
        }
    });
    let send_problem = outcome(send, |()| {});
    let confirm_problem = outcome(confirm, move |()| on_confirmed.run(()));
    // Mobile numbers only: a landline takes no text.
    let mobiles = move || {
        phones
            .get()
            .into_iter()
            .enumerate()
            .filter(|(_, p)| p.starts_with("01"))
            .collect::<Vec<_>>()
    };
    view! {
        <fieldset class="identity text-identity">
            <legend>"휴대폰 본인확인"</legend>
            <p class="hint">"등록된 휴대폰으로 인증번호를 보내 드립니다. 문자로 받은 6자리를 입력하세요."</p>
            {move || {
                mobiles()
                    .into_iter()
                    .map(|(i, p)| view! { <Radio name="text-phone" value=i chosen=choice class="radio block">{p}</Radio> })
                    .collect_view()
            }}
            <p class="row">
                <ActionButton action=send label="인증번호 받기" guide="text-send" done=confirmed />
            </p>
            <ErrorLine message=send_problem />
            <TextedPhone text />
            <label for="text-code">"인증번호"</label>
            <p class="row">
                <span data-guide="text-code">
                    <DigitsInput id="text-code" value=code max=6 autocomplete="one-time-code" />
                </span>
                <ActionButton action=confirm label="확인" class="btn primary" guide="text-confirm" done=confirmed />
                <span class="status" role="status" aria-live="polite">
                    {move || confirmed.get().then_some("휴대폰 본인확인이 완료되었습니다.")}
                </span>
            </p>
            <ErrorLine message=confirm_problem />
        </fieldset>
    }
}
