//! 인증서발급 동의여부 조회/변경: the prior consent the bank has on record, withdrawn online
//! (동의 → 미동의) and given again only at a branch, which a learner practises with
//! `영업점 방문(연습)`.

use leptos::prelude::*;

use crate::bank::api::{ConsentAtBranch, ConsentView, GetConsent, WithdrawConsent};
use crate::components::{ActionDialogButtons, Dialog, DigitsInput, ErrorLine, PageTitle, outcome};
use crate::contexts::use_bank;

/// The manual's notes on the prior consent.
const NOTES: [&str; 3] = [
    "공인인증서 발급에 대한 사전동의 여부를 조회하고 변경합니다.",
    "미동의 시 인증서 발급/재발급이 제한됩니다(영업점 내점시에만 인증서 발급 등의 변경 가능).",
    "단, 동의하지 않으시더라도 유효한 공인인증서의 갱신은 가능합니다.",
];

/// The page.
#[component]
pub fn ConsentPage() -> impl IntoView {
    let bank = use_bank();
    let consent = LocalResource::new(move || async move {
        bank.for_customer(|token| GetConsent { token })
            .await
            .map_err(|e| e.to_string())
    });
    let withdraw = Action::new_local(move |_: &()| async move {
        bank.for_customer(|token| WithdrawConsent { token }).await
    });
    // The branch's identity check: the ID card's number and the account password.
    let (rrn_front, rrn_back, account_password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let at_branch = Action::new_local(move |_: &()| {
        let rrn = format!("{}-{}", rrn_front.get_untracked(), rrn_back.get_untracked());
        let account_password = account_password.get_untracked();
        async move {
            bank.for_customer(|token| ConsentAtBranch {
                token,
                rrn,
                account_password,
            })
            .await
        }
    });
    let confirming = RwSignal::new(false);
    let visiting = RwSignal::new(false);
    // Each change is read back from the bank.
    let withdraw_refused = outcome(withdraw, move |_| {
        confirming.set(false);
        consent.refetch();
    });
    let branch_refused = outcome(at_branch, move |_| {
        visiting.set(false);
        consent.refetch();
    });
    view! {
        <PageTitle title="인증서발급 동의여부 조회/변경" trail=&["기타인증서서비스"] notes=&NOTES />
        {move || match consent.get() {
            None => view! { <p class="loading">"조회 중입니다…"</p> }.into_any(),
            Some(Err(message)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
            Some(Ok(view)) => view! { <ConsentTable view /> }.into_any(),
        }}
        <ErrorLine message=withdraw_refused />
        {move || match consent.get() {
            Some(Ok(ConsentView { agreed: Some(false), .. })) => view! {
                <p class="hint">
                    "미동의를 동의로 바꾸려면 신분증을 지참하고 모의은행 영업점을 방문해야 합니다. 연습에서는 아래 단추로 영업점 방문을 대신합니다."
                </p>
                <p class="row">
                    <button
                        class="btn primary"
                        on:click=move |_| {
                            for field in [rrn_front, rrn_back, account_password] {
                                field.set(String::new());
                            }
                            visiting.set(true);
                        }
                    >
                        "영업점 방문(연습)"
                    </button>
                </p>
            }
                .into_any(),
            Some(Ok(_)) => view! {
                <p class="row">
                    <button class="btn" on:click=move |_| confirming.set(true)>
                        "미동의로 변경"
                    </button>
                </p>
            }
                .into_any(),
            None | Some(Err(_)) => ().into_any(),
        }}
        <Dialog open=visiting.into() title="영업점 방문(연습)">
            <p>
                "영업점 창구에서 신분증으로 본인을 확인하고, 출금계좌 비밀번호를 비밀번호 입력기에 눌러 동의로 변경합니다."
            </p>
            <div class="form-grid branch-identity">
                <label for="branch-rrn-front">"주민등록번호 (신분증)"</label>
                <div class="rrn">
                    <DigitsInput id="branch-rrn-front" value=rrn_front max=6 next="branch-rrn-back" />
                    "-"
                    <DigitsInput id="branch-rrn-back" value=rrn_back max=7 secret=true attr:aria-label="주민등록번호 뒤 7자리" />
                </div>
                <label for="branch-account-password">"출금계좌 비밀번호"</label>
                <DigitsInput id="branch-account-password" value=account_password max=4 secret=true />
            </div>
            <ErrorLine message=branch_refused />
            <ActionDialogButtons label="동의로 변경" action=at_branch on_cancel=Callback::new(move |()| visiting.set(false)) />
        </Dialog>
        <Dialog open=confirming.into() title="웹 페이지 메시지">
            <p>"인증서 발급에 미동의하시겠습니까?"</p>
            <p>
                "미동의 시 인증서 발급/재발급이 제한되며, 다시 동의하려면 영업점을 방문해야 합니다. 유효한 인증서의 갱신은 계속 가능합니다."
            </p>
            <ActionDialogButtons label="미동의" action=withdraw on_cancel=Callback::new(move |()| confirming.set(false)) />
        </Dialog>
    }
}

/// What is on record.
#[component]
fn ConsentTable(view: ConsentView) -> impl IntoView {
    let state = match view.agreed {
        Some(true) => "동의",
        Some(false) => "미동의",
        None => "기록 없음 (인증서 발급 2단계에서 동의하시면 기록됩니다)",
    };
    view! {
        <table class="form-table consent">
            <tbody>
                <tr>
                    <th scope="row">"인증서발급 동의여부"</th>
                    <td class="consent-state">{state}</td>
                </tr>
                <tr>
                    <th scope="row">"변경일"</th>
                    <td>{view.recorded_on.unwrap_or_else(|| "-".to_owned())}</td>
                </tr>
                <tr>
                    <th scope="row">"변경 경로"</th>
                    <td>{view.channel.map_or("-", |c| c.label())}</td>
                </tr>
            </tbody>
        </table>
    }
}
