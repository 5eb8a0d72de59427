//! Step 2, 발급대상 인증서 확인 (manual STEP 09): the kind and the CA, the CA's terms, third-party
//! provision and the prior consent.

use leptos::prelude::*;

use super::{StepButtons, use_menu, use_step_action};
use crate::bank::api::{Ca, CertKind, ChooseCertificate, GetTargets, IssueMenu};
use crate::components::{Radio, TableHead};
use crate::contexts::use_bank;
use crate::format::won;

fn ca_terms(ca: Ca) -> String {
    format!(
        "■ {name} 공인인증서비스 이용약관\n\n제1조(목적) 이 약관은 {name}(이하 \"인증기관\")이 제공하는 공인인증서비스의 이용조건과 절차를 정합니다.\n\n제2조(인증서의 유효기간) 인증서의 유효기간은 발급일로부터 1년입니다.\n\n제3조(가입자의 의무) 가입자는 자신의 개인키를 안전하게 관리하여야 하며, 개인키가 분실·도난·유출된 경우 즉시 인증서를 폐기하여야 합니다.\n\n(모의은행 연습용 약관입니다.)",
        name = ca.label()
    )
}

fn third_party_text(ca: Ca, business: bool) -> String {
    let items = if business {
        "상호, 영문상호, 대표자명, 사업자등록번호(본인확인정보 생성용), 주소, 전화번호, e메일"
    } else {
        "성명, 영문성명, 주민등록번호(본인확인정보 생성용), 주소, 전화번호, e메일"
    };
    format!(
        "① 공인인증서 발급을 위해 가입자 등록정보를 아래와 같이 제3자에게 제공합니다.\n- 개인정보를 제공받는 자: {}\n- 제공 항목: {items}\n- 이용 목적: 공인인증서 발급 및 관리\n- 보유 기간: 인증서 효력 소멸 후 10년",
        ca.label()
    )
}

/// A kind's row in the table: where it may be used, and the note.
fn kind_row_text(kind: CertKind) -> (&'static [&'static str], &'static str) {
    match kind {
        CertKind::BankOnly => (
            &[
                "은행(인터넷뱅킹 등) 및 보험서비스",
                "전자민원서비스",
                "신용카드 전자상거래",
            ],
            "용도제한용 (금융결제원 발급)",
        ),
        CertKind::General => (
            &[
                "온라인 은행(인터넷뱅킹) 및 보험거래",
                "온라인 신용카드거래(전자상거래)",
                "전자정부 민원서비스",
                "온라인 주식거래 등",
            ],
            "이용기관의 인증정책에 따라 일부 사이트에서 범용 인증서를 통한 인증이 불가능할 수 있음",
        ),
        CertKind::CorporateBank => (
            &["기업 인터넷뱅킹", "보험 및 신용카드 거래"],
            "용도제한용 (금융결제원 발급)",
        ),
        CertKind::CorporateGeneral => (
            &[
                "기업 인터넷뱅킹 및 전자거래",
                "전자입찰 (조달청 등)",
                "B2B 전자결제",
                "전자세금계산서",
            ],
            "이용기관의 인증정책에 따라 일부 사이트에서 범용 인증서를 통한 인증이 불가능할 수 있음",
        ),
        CertKind::Tax => (
            &["전자세금계산서 발급 (국세청 홈택스 등)"],
            "전자세금계산서 전용 (금융결제원 또는 한국정보인증 발급)",
        ),
        CertKind::Cloud => (
            &["은행·보험·카드 등 금융거래", "전자민원서비스"],
            "금융결제원 클라우드에 보관 (3년 유효, 무료)",
        ),
    }
}

/// The heading of the kinds table.
fn kinds_title(menu: IssueMenu) -> &'static str {
    match menu {
        IssueMenu::Personal => "개인용인증서 종류 및 수수료",
        IssueMenu::Corporate => "기업용인증서 종류 및 수수료",
        IssueMenu::Tax => "전자세금용인증서 종류 및 수수료",
        IssueMenu::Cloud => "금융인증서",
    }
}

/// Step 2.
#[component]
pub fn TargetStep() -> impl IntoView {
    let bank = use_bank();
    let menu = use_menu();
    // The kind whose CA the customer picks (범용, or 전자세금용), chosen to begin with.
    let picked = menu.kinds().last().copied().unwrap_or(CertKind::General);
    let kind = RwSignal::new(picked);
    let choosing_ca = move || kind.get() == picked && !matches!(picked.cas(), [_]);
    let ca = RwSignal::new(None::<Ca>);
    let ca_agreed = RwSignal::new(false);
    let third_party = RwSignal::new(false);
    let prior = RwSignal::new(None::<bool>);
    let problem = RwSignal::new(None::<String>);
    // The CA that will issue: a kind with one CA (the bank kinds: yessign) needs no choice.
    let issuer = move || match kind.get().cas() {
        [only] => Some(*only),
        _ => ca.get(),
    };

    let targets = {
        LocalResource::new(move || async move {
            bank.for_customer(|token| GetTargets { token }).await.ok()
        })
    };
    let (choose, refused) = use_step_action::<ChooseCertificate>();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(issuer) = issuer() else {
            problem.set(Some(format!(
                "{}인증서 발급기관을 선택해 주세요.",
                picked.label()
            )));
            return;
        };
        if prior.get_untracked() != Some(true) {
            problem.set(Some(
                "공인인증서 발급에 대한 사전동의에 [동의]를 선택하셔야 인증서를 발급받을 수 있습니다.".to_owned(),
            ));
            return;
        }
        problem.set(None);
        if let Ok(token) = bank.token() {
            choose.dispatch(ChooseCertificate {
                token,
                kind: kind.get_untracked(),
                ca: issuer,
                ca_terms: ca_agreed.get_untracked(),
                third_party: third_party.get_untracked(),
                prior_consent: true,
            });
        }
    };
    let kind_row = move |k: CertKind| {
        let (scope, note) = kind_row_text(k);
        let id = format!("kind-{k:?}");
        let guide = id.clone();
        view! {
            <tr data-guide=guide>
                <td>
                    <input
                        type="radio"
                        name="kind"
                        id=id.clone()
                        prop:checked=move || kind.get() == k
                        on:change=move |_| kind.set(k)
                    />
                </td>
                <th scope="row">
                    <label for=id>{k.label()}</label>
                </th>
                <td>{if k.fee() == 0 { "무료".to_owned() } else { format!("{}/년", won(k.fee())) }}</td>
                <td>
                    <ul>{scope.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
                </td>
                <td>{note}</td>
            </tr>
        }
    };

    view! {
        <form class="wizard-step target" on:submit=submit novalidate=true>
            <h3>"유료 공인인증서 안내"</h3>
            <p>
                "부과된 수수료는 발급일로부터 1년동안의 유효기간 만료시까지 해당되며, 유효기간 만료후 재발급시(또는 갱신시)에는 수수료가 다시 부과됩니다."
            </p>
            <h3>{kinds_title(menu)}</h3>
            <table class="kinds">
                <TableHead columns=&["선택", "인증서종류", "수수료 (부가세포함)", "이용범위", "비고"] />
                <tbody>
                    {menu.kinds().iter().map(|k| kind_row(*k)).collect_view()}
                </tbody>
            </table>
            <p class="hint">
                "인증서 발급일로부터 7일 이내에 폐기시 환급가능하며, 그 이후에는 환급 불가능합니다. 그러므로 인증서 발급일 포함 7일이 경과한 후, 영수증을 발급받으실 수 있습니다."
            </p>

            <Show when=choosing_ca>
                <h3>{format!("{}인증서 발급내용", picked.label())}</h3>
                <table class="issued">
                    <tbody>
                        <tr>
                            <th scope="row">"인증서 발급기관"</th>
                            {picked.cas().iter().map(|c| view! { <td>{c.label()}</td> }).collect_view()}
                        </tr>
                        <tr>
                            <th scope="row">"당행 발급상태"</th>
                            {move || {
                                let general = targets.get().flatten().map(|t| t.by_ca).unwrap_or_default();
                                picked
                                    .cas()
                                    .iter()
                                    .map(|c| {
                                        let state = match general.iter().find(|(x, _)| x == c) {
                                            Some((_, true)) => "발급",
                                            Some((_, false)) => "미발급",
                                            None => "조회 중",
                                        };
                                        view! { <td>{state}</td> }
                                    })
                                    .collect_view()
                            }}
                        </tr>
                    </tbody>
                </table>
                <fieldset class="cas">
                    <legend>{format!("{}인증서 발급기관 선택", picked.label())}</legend>
                    {picked
                        .cas()
                        .iter()
                        .map(|c| {
                            let c = *c;
                            view! {
                                <label class="radio" data-guide=format!("ca-{c:?}")>
                                    <input
                                        type="radio"
                                        name="ca"
                                        prop:checked=move || ca.get() == Some(c)
                                        on:change=move |_| ca.set(Some(c))
                                    />
                                    {c.label()}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </Show>

            {move || {
                issuer()
                    .map(|c| {
                        view! {
                            <div data-guide="ca-terms">
                            <h3>{format!("{} 공인인증서비스 이용약관", c.label())}</h3>
                            <div class="terms-box" tabindex="0">{ca_terms(c)}</div>
                            <label class="check">
                                <input type="checkbox" bind:checked=ca_agreed />
                                " 위 이용약관에 동의합니다."
                            </label>
                            <h3>
                                {format!("{}의 공인인증서 발급에 따른 개인정보 제3자 제공에 대한 동의", c.label())}
                            </h3>
                            <div class="terms-box" tabindex="0">{third_party_text(c, menu.is_business())}</div>
                            <label class="check">
                                <input type="checkbox" bind:checked=third_party />
                                " 위 이용약관에 동의합니다."
                            </label>
                            </div>
                        }
                    })
            }}

            <fieldset class="prior" data-guide="prior-consent">
                <legend>"공인인증서 발급에 대한 사전동의"</legend>
                <p>
                    "인증서 발급에 동의 합니다. 미동의 시 인증서 발급/재발급이 제한됩니다(영업점 내점시에만 인증서 발급 등의 변경 가능). 단, 동의하지 않으시더라도 유효한 공인인증서의 갱신은 가능합니다."
                </p>
                <Radio name="prior" value=Some(true) chosen=prior>
                    "동의"
                </Radio>
                <Radio name="prior" value=Some(false) chosen=prior>
                    "미동의"
                </Radio>
            </fieldset>

            <p class="question">"위 내용에 동의하고 계속해서 인증서를 발급 받으시겠습니까?"</p>
            <StepButtons problem=Signal::derive(move || problem.get().or_else(|| refused.get())) label="예" guide="target-ok" pending=choose.pending() cancel="아니오" />
            <p class="hint">"* yessign 이용약관 및 개인정보 취급방침 관련 문의 : 금융결제원 전자인증센터(1577-5500)"</p>
        </form>
    }
}
