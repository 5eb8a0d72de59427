//! 개인용 인증서 발급: the seven-step issuance wizard (manual STEP 08–13).

use leptos::prelude::*;

use crate::components::PageTitle;

/// The wizard's first route.
pub const WIZARD_PATH: &str = "/center/issue/personal";

/// The steps' titles, in the manual's words.
pub const STEP_TITLES: [&str; 7] = [
    "약관동의 및 사용자 본인확인",
    "발급대상 인증서 확인",
    "사용자 추가본인확인",
    "수수료 출금예약내역 확인",
    "고객 세부정보 입력",
    "인증서암호 및 저장위치 확인",
    "발급 완료",
];

/// The wizard page.
#[component]
pub fn WizardPage() -> impl IntoView {
    view! {
        <PageTitle title="개인용 인증서 발급" trail=&["공인인증서", "인증서 발급/재발급"] />
        <ol class="steps">
            {STEP_TITLES
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    view! {
                        <li>
                            <span class="step-no">{i + 1}</span>
                            " "
                            {*t}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
