//! Step 1, 약관동의 및 사용자 본인확인 (manual STEP 08): the two terms and the resident
//! registration number (a business wizard: the 사업자등록번호), typed or entered on the shuffled
//! mouse keypad; paste is refused.

use leptos::prelude::*;

use super::{StepButtons, use_menu, use_step_action};
use crate::bank::api::AgreeTerms;
use crate::bank::rules::{business_number_is_valid, rrn_masked};
use crate::components::{DigitsInput, KeypadButton};
use crate::contexts::use_bank;

const BASIC_TERMS: &str = "■ 전자금융거래 기본약관

제1조(목적) 이 약관은 모의은행(이하 \"은행\"이라 합니다)과 이용자 사이의 전자금융거래에 관한 기본적인 사항을 정함으로써, 거래의 신속하고 효율적인 처리를 도모하고 거래당사자 상호간의 이해관계를 합리적으로 조정하는 것을 목적으로 합니다.

제2조(용어의 정의) \"전자금융거래\"라 함은 은행이 전자적 장치를 통하여 제공하는 금융상품 및 서비스를 이용자가 전자적 장치를 통하여 비대면·자동화된 방식으로 직접 이용하는 거래를 말합니다. \"접근매체\"라 함은 거래지시를 하거나 이용자 및 거래내용의 진실성과 정확성을 확보하기 위하여 사용되는 인증서, 보안카드, OTP, 비밀번호 등을 말합니다.

제3조(접근매체의 관리) 이용자는 접근매체를 제3자에게 대여하거나 사용을 위임하거나 양도 또는 담보 목적으로 제공할 수 없으며, 접근매체의 분실·도난·위조 또는 변조를 알았을 때에는 지체 없이 은행에 신고하여야 합니다.

제4조(연습용 안내) 모의은행은 학습용 가상 은행이며, 이 약관에 따른 실제 금융거래는 이루어지지 않습니다.";

const SERVICE_TERMS: &str = "■ 전자금융서비스 이용약관

제1조(서비스의 내용) 은행은 인터넷뱅킹을 통하여 조회, 이체, 인증서 발급 및 관리 등 전자금융서비스를 제공합니다.

제2조(인증서) 이용자는 은행이 정한 절차에 따라 본인확인을 거쳐 인증서를 발급받을 수 있으며, 인증서 암호는 이용자 본인만 알 수 있도록 관리하여야 합니다.

제3조(이용시간) 인증서 발급은 01:00부터 23:00까지 이용할 수 있습니다.

■ 전자금융서비스 설명서
이 설명서는 은행이용자의 서비스에 대한 이해를 돕고 약관의 중요 내용을 알려드리기 위한 참고자료이며, 실제 계약은 전자금융서비스 이용약관이 적용됩니다.";

const NO_PASTE: &str =
    "붙여넣기는 지원되지 않습니다. 직접 입력하거나 [마우스로 입력]을 이용해 주세요.";

/// Step 1.
#[component]
pub fn TermsStep() -> impl IntoView {
    let bank = use_bank();
    let basic = RwSignal::new(false);
    let service = RwSignal::new(false);
    let front = RwSignal::new(String::new());
    let back = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let business = use_menu().is_business();
    // The 사업자등록번호's three groups (3-2-5 digits).
    let groups = [(); 3].map(|()| RwSignal::new(String::new()));

    let (agree, refused) = use_step_action::<AgreeTerms>();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (f, b) = (front.get_untracked(), back.get_untracked());
        let number = groups.map(|g| g.get_untracked()).join("-");
        let local = if !(basic.get_untracked() && service.get_untracked()) {
            Some("전자금융거래 기본약관과 전자금융서비스 이용약관에 모두 동의해 주세요.")
        } else if business && number.len() != 12 {
            Some("사업자등록번호 10자리(3자리, 2자리, 5자리)를 입력해 주세요.")
        } else if business && !business_number_is_valid(&number) {
            Some("사업자등록번호가 올바르지 않습니다. 10자리를 다시 확인해 주세요.")
        } else if !business && (f.len() != 6 || b.len() != 7) {
            Some("주민등록번호 13자리(앞 6자리, 뒤 7자리)를 입력해 주세요.")
        } else {
            None
        };
        problem.set(local.map(str::to_owned));
        if local.is_none()
            && let Ok(token) = bank.token()
        {
            agree.dispatch(AgreeTerms {
                token,
                basic_terms: true,
                service_terms: true,
                id_number: if business { number } else { format!("{f}-{b}") },
            });
        }
    };
    let refuse_paste = move |ev: leptos::ev::ClipboardEvent| {
        ev.prevent_default();
        problem.set(Some(NO_PASTE.to_owned()));
    };

    view! {
        <form class="wizard-step terms" on:submit=submit novalidate=true>
            <Terms id="basic-terms" title="전자금융거래 기본약관" text=BASIC_TERMS agreed=basic />
            <Terms id="service-terms" title="전자금융서비스 이용약관" text=SERVICE_TERMS agreed=service />

            <Show when=move || business>
                <fieldset class="business-number" data-guide="business-number">
                    <legend>"본인확인(사업자등록번호 입력)"</legend>
                    <label for="biz-1">"사업자등록번호 앞 3자리"</label>
                    <DigitsInput id="biz-1" value=groups[0] max=3 next="biz-2" on:paste=refuse_paste />
                    <span aria-hidden="true">"-"</span>
                    <label for="biz-2">"가운데 2자리"</label>
                    <DigitsInput id="biz-2" value=groups[1] max=2 next="biz-3" on:paste=refuse_paste />
                    <span aria-hidden="true">"-"</span>
                    <label for="biz-3">"끝 5자리"</label>
                    <DigitsInput id="biz-3" value=groups[2] max=5 on:paste=refuse_paste />
                    <KeypadButton value=groups[2] max_len=5 label="사업자등록번호 끝 5자리" />
                    <p class="hint">"① 숫자만 입력하실 수 있으며, 붙여넣기는 지원되지 않습니다."</p>
                </fieldset>
            </Show>
            <Show when=move || !business>
            <fieldset class="rrn" data-guide="rrn">
                <legend>"본인확인(주민등록번호 입력)"</legend>
                <label for="rrn-front">"주민등록번호 앞자리"</label>
                <DigitsInput id="rrn-front" value=front max=6 next="rrn-back" on:paste=refuse_paste />
                <span aria-hidden="true">"-"</span>
                <label for="rrn-back">"주민등록번호 뒷자리"</label>
                <DigitsInput id="rrn-back" value=back max=7 secret=true on:paste=refuse_paste />
                <output class="rrn-masked" aria-label="입력한 주민등록번호">
                    {move || rrn_masked(&front.get(), &back.get())}
                </output>
                <KeypadButton value=back max_len=7 label="주민등록번호 뒷자리" />
                <p class="hint">"① 숫자만 입력하실 수 있으며, 붙여넣기는 지원되지 않습니다."</p>
            </fieldset>
            </Show>

            <p class="question">
                "위의 전자금융거래기본약관과 전자금융서비스 이용약관의 내용에 동의하고 인터넷뱅킹 서비스를 이용하시겠습니까?"
            </p>
            <StepButtons problem=Signal::derive(move || problem.get().or_else(|| refused.get())) label="약관 동의/본인확인" guide="terms-ok" pending=agree.pending() />
        </form>
    }
}

/// One set of terms in its scrolling box, and the box to tick.
#[component]
fn Terms(
    id: &'static str,
    title: &'static str,
    text: &'static str,
    agreed: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <h3 id=id>{title}</h3>
        <div class="terms-box" tabindex="0" role="document" aria-labelledby=id>
            {text}
        </div>
        <label class="check" data-guide=id>
            <input type="checkbox" bind:checked=agreed />
            {format!(" {title}에 동의합니다.")}
        </label>
    }
}
