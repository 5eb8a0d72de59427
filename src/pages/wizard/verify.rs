//! Step 3, 사용자 추가본인확인 (manual STEP 10): ARS (or the departure record), then the
//! withdrawal account, its password and the security card or OTP. The ARS pop-up and the
//! account check are components of their own ([`ars`], [`account`]); this step keeps what the
//! bank says of the verification and reloads it after each answer.

mod account;
mod ars;
mod text;

use leptos::prelude::*;

use super::{CancelButton, use_advance};
use crate::bank::api::*;
use crate::components::{ErrorLine, Radio, outcome};
use crate::contexts::use_bank;
use account::AccountCheck;
use ars::ArsDialog;
use text::TextIdentity;

/// Step 3.
#[component]
pub fn VerifyStep(
    /// Called when the bank accepts the verification; without it the wizard moves on to step 4.
    #[prop(optional)]
    on_verified: Option<Callback<()>>,
    /// Where `취소` leads: the wizard's menu unless given.
    #[prop(default = None)]
    cancel_to: Option<&'static str>,
    /// 휴대폰 본인확인 by a texted code in place of ARS (금융인증서 발급).
    #[prop(optional)]
    by_text: bool,
) -> impl IntoView {
    let bank = use_bank();
    let advance = use_advance();
    let refresh = RwSignal::new(0u32);
    let verification = LocalResource::new(move || {
        refresh.track();
        async move { bank.for_customer(|token| GetVerification { token }).await }
    });
    let reload = move || refresh.update(|n| *n += 1);
    let loaded = Signal::derive(move || verification.get().and_then(Result::ok));
    let load_error = Signal::derive(move || match verification.get() {
        Some(Err(error)) => Some(error.to_string()),
        _ => None,
    });

    let by_departure = RwSignal::new(false);
    let ars_open = RwSignal::new(false);
    let identity_message = RwSignal::new(None::<String>);
    let check_departure = Action::new_local(move |_: &()| async move {
        bank.for_customer(|token| CheckDeparture { token }).await
    });
    let departure_refused = outcome(check_departure, move |()| reload());
    Effect::new(move || identity_message.set(departure_refused.get()));
    let on_confirmed = Callback::new(move |()| {
        ars_open.set(false);
        identity_message.set(None);
        reload();
    });
    let on_verified = Callback::new(move |progress| match on_verified {
        Some(done) => done.run(()),
        None => advance(progress),
    });

    let identity = move |departure: bool, label: &'static str| {
        let guide = (!departure).then_some("identity-ars");
        view! { <Radio name="identity" value=departure chosen=by_departure attr:data-guide=guide>{label}</Radio> }
    };

    view! {
        <div class="wizard-step verify">
            <p class="notice">
                {if by_text {
                    "금융인증서 (재)발급은 휴대폰 본인확인과 출금계좌 확인이 완료된 후 진행됩니다."
                } else {
                    "전자금융사기 예방서비스 전면시행으로 공인인증서 (재)발급, 타행(기관) 인증서 등록 시 추가인증이 완료된 후 거래가 가능합니다."
                }}
            </p>
            <ErrorLine message=load_error />
            <Show when=move || by_text>
                <TextIdentity
                    phones=Signal::derive(move || loaded.get().map(|v| v.phones).unwrap_or_default())
                    confirmed=Signal::derive(move || loaded.get().is_some_and(|v| v.identity_confirmed))
                    on_confirmed=Callback::new(move |()| reload())
                />
            </Show>
            <fieldset class="identity" hidden=by_text>
                <legend>"추가 본인 인증(택 1)"</legend>
                {identity(false, "ARS 인증")}
                <p class="hint">
                    "등록된 고객님의 연락처 중 선택하신 전화번호로 전화연결 후 ARS 안내에 따라 본인여부를 확인합니다."
                </p>
                {identity(true, "해외출국확인")}
                <p class="hint">
                    "한국국적의 해외체류자 및 해외거주자의 경우 법무부 출입국관리사무소로부터 출국사실이 확인되면 별도의 추가 본인인증 절차를 생략할 수 있습니다."
                </p>
                <p class="row">
                    <button
                        type="button"
                        class="btn primary"
                        data-guide="identity-go"
                        // Not before the verification has arrived: the ARS dialog lists its phones.
                        disabled=move || loaded.get().is_none_or(|v| v.identity_confirmed)
                        on:click=move |_| {
                            identity_message.set(None);
                            if by_departure.get_untracked() {
                                check_departure.dispatch(());
                            } else {
                                ars_open.set(true);
                            }
                        }
                    >
                        "인증받기"
                    </button>
                    <span class="status" role="status" aria-live="polite">
                        {move || match loaded.get() {
                            None if load_error.get().is_none() => Some("불러오는 중…"),
                            Some(v) if v.identity_confirmed => Some("추가 본인 인증이 완료되었습니다."),
                            _ => None,
                        }}
                    </span>
                </p>
                <ErrorLine message=identity_message />
            </fieldset>

            <AccountCheck verification=loaded on_verified on_refused=Callback::new(move |()| reload())>
                <CancelButton to=cancel_to />
            </AccountCheck>
            <Show when=move || ars_open.get()>
                <ArsDialog
                    phones=Signal::derive(move || loaded.get().map(|v| v.phones).unwrap_or_default())
                    on_confirmed
                    on_cancel=Callback::new(move |()| ars_open.set(false))
                />
            </Show>
        </div>
    }
}
