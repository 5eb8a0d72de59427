//! 금융인증서 (issue #24): the center's tab, and 발급/재발급 — 약관, 휴대폰 본인확인 with the
//! account check, 클라우드 연결, the PIN twice, done. The bank does its part in the session's
//! issuance ([`IssueMenu::Cloud`]); the cloud makes and keeps the key ([`customer::cloud`]).

pub mod login;
pub mod manage;
mod renew;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::bank::api::*;
use crate::cloud::api::{CloudCard, Connection};
use crate::components::cloud::{
    CloudCardView, CloudConnect, CloudState, NewPinPad, use_cloud_state,
};
use crate::components::{ActionButton, ErrorLine, PageTitle, outcome};
use crate::contexts::use_bank;
use crate::customer::cloud::{self, forget_connection, kept_connection};
use crate::pages::wizard::verify::VerifyStep;
use crate::wizard::Step;

/// Where 금융인증서 발급 stands on this screen.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Stage {
    Terms,
    Verify,
    Connect,
    Pin,
    Done(CloudCard),
}

impl Stage {
    /// The stage's number and name on the indicator.
    const NAMES: [&'static str; 5] = [
        "약관동의",
        "본인확인",
        "클라우드 연결",
        "PIN 설정",
        "발급 완료",
    ];

    fn number(&self) -> usize {
        match self {
            Stage::Terms => 1,
            Stage::Verify => 2,
            Stage::Connect => 3,
            Stage::Pin => 4,
            Stage::Done(_) => 5,
        }
    }
}

/// The 금융인증서 section's screens, one part of the split module for the three (they share
/// the card, the PIN pad and 클라우드 연결): the one for the route.
#[component]
pub fn CloudScreens() -> impl IntoView {
    // Each route mounts its own copy: the path does not change under it.
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    match path.trim_end_matches('/') {
        "/center/cloud/issue" => view! { <CloudIssuePage /> }.into_any(),
        "/center/cloud/manage" => view! { <manage::CloudManagePage /> }.into_any(),
        _ => view! { <CloudPage /> }.into_any(),
    }
}

/// The `금융인증서` tab: what it is, and its two services.
#[component]
pub fn CloudPage() -> impl IntoView {
    view! {
        <PageTitle title="금융인증서" />
        <p class="lead">
            "금융인증서는 금융결제원이 발급하여 금융결제원 클라우드에 보관하는 인증서입니다. 파일을 기기에 저장하지 않고, 6자리 PIN으로 어느 기기에서나 이용합니다. 수수료는 무료이고 유효기간은 3년입니다. PIN을 5회 잘못 입력하면 잠기며, 재발급하면 다시 쓸 수 있습니다."
        </p>
        <div class="issue-boxes">
            <section class="issue-box">
                <h3>"금융인증서 발급/재발급"</h3>
                <p>"아이디 로그인 후 본인확인, 클라우드 연결, PIN 설정 순서로 발급합니다. 이미 있는 금융인증서는 새 인증서로 바뀝니다."</p>
                <A href="/center/cloud/issue" attr:class="btn primary" attr:data-guide="cloud-issue">
                    "바로가기"
                </A>
            </section>
            <section class="issue-box">
                <h3>"금융인증서 관리"</h3>
                <p>"PIN 변경, 자동연결 해제, 클라우드 이용 해지와 인증서 정보를 봅니다."</p>
                <A href="/center/cloud/manage" attr:class="btn" attr:data-guide="cloud-manage">
                    "바로가기"
                </A>
            </section>
        </div>
        <p class="hint">
            "로그인할 때는 로그인 화면의 [금융인증서 로그인]을 누르고 PIN을 입력합니다. 연습용 클라우드도 이 브라우저 안에서 동작하며, 은행과는 따로 기록을 보관합니다."
        </p>
    }
}

/// 금융인증서 발급/재발급.
#[component]
pub fn CloudIssuePage() -> impl IntoView {
    let bank = use_bank();
    let stage = RwSignal::new(None::<Stage>);
    // Where the bank's issuance stands decides the first stage (a reload lands there).
    let status = LocalResource::new(move || async move {
        bank.for_customer(|token| GetIssuance {
            token,
            menu: IssueMenu::Cloud,
        })
        .await
    });
    Effect::new(move || {
        if let Some(Ok(status)) = status.get()
            && stage.get_untracked().is_none()
        {
            stage.set(Some(match status.progress.current() {
                Step::Terms | Step::Target => Stage::Terms,
                Step::Verify => Stage::Verify,
                _ => Stage::Connect,
            }));
        }
    });
    let load_error = Signal::derive(move || match status.get() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    });
    view! {
        <PageTitle title="금융인증서 발급/재발급" trail=&["금융인증서"] />
        <ol class="step-indicator cloud-steps" aria-label="발급 단계">
            {Stage::NAMES
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let n = i + 1;
                    let current = move || stage.get().is_some_and(|s| s.number() == n);
                    view! {
                        <li class:current=current aria-current=move || current().then_some("step")>
                            {format!("{n}. {name}")}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <ErrorLine message=load_error />
        {move || match stage.get() {
            None => view! { <p class="loading">"불러오는 중…"</p> }.into_any(),
            Some(Stage::Terms) => view! { <Terms on_agreed=Callback::new(move |()| stage.set(Some(Stage::Verify))) /> }.into_any(),
            Some(Stage::Verify) => view! {
                <VerifyStep
                    by_text=true
                    cancel_to=Some("/center/cloud")
                    on_verified=Callback::new(move |()| stage.set(Some(Stage::Connect)))
                />
            }
                .into_any(),
            Some(Stage::Connect) => view! { <Connect on_ready=Callback::new(move |()| stage.set(Some(Stage::Pin))) /> }.into_any(),
            Some(Stage::Pin) => view! {
                <NewPin on_issued=Callback::new(move |card| stage.set(Some(Stage::Done(card)))) />
            }
                .into_any(),
            Some(Stage::Done(card)) => view! { <Issued card /> }.into_any(),
        }}
    }
}

/// 약관동의: 금융결제원 이용약관 and 개인정보 제3자 제공.
#[component]
fn Terms(on_agreed: Callback<()>) -> impl IntoView {
    let bank = use_bank();
    let cloud_terms = RwSignal::new(false);
    let third_party = RwSignal::new(false);
    let agree = Action::new_local(move |_: &()| {
        let (cloud_terms, third_party) = (cloud_terms.get_untracked(), third_party.get_untracked());
        async move {
            bank.for_customer(|token| AgreeCloudTerms {
                token,
                cloud_terms,
                third_party,
            })
            .await
        }
    });
    let problem = outcome(agree, move |_| on_agreed.run(()));
    view! {
        <section class="cloud-terms">
            <h3>"금융결제원 이용약관"</h3>
            <div class="terms-box" tabindex="0">
                "제1조(목적) 이 약관은 금융결제원이 제공하는 금융인증서비스의 이용 조건과 절차를 정합니다. 제2조(인증서의 보관) 금융인증서와 개인키는 금융결제원 클라우드에 보관되며, 이용자는 PIN 등으로 본인을 확인한 뒤 이용합니다. 제3조(PIN) PIN을 5회 연속 잘못 입력하면 이용이 정지되며, 재발급으로 다시 이용할 수 있습니다."
            </div>
            <label class="check">
                <input type="checkbox" data-guide="cloud-terms" bind:checked=cloud_terms />
                " 금융결제원 이용약관에 동의합니다 (필수)"
            </label>
            <h3>"개인정보 제3자 제공 동의"</h3>
            <div class="terms-box" tabindex="0">
                "제공받는 자: 금융결제원 / 제공 항목: 성명, 휴대폰번호, 생년월일, 인증서 일련번호 / 이용 목적: 금융인증서 발급 및 클라우드 보관 / 보유 기간: 인증서 효력 소멸 후 10년"
            </div>
            <label class="check">
                <input type="checkbox" data-guide="cloud-third-party" bind:checked=third_party />
                " 개인정보 제3자 제공에 동의합니다 (필수)"
            </label>
            <ErrorLine message=problem />
            <p class="row">
                <ActionButton action=agree label="다음" class="btn primary" guide="cloud-terms-next" />
                <A href="/center/cloud" attr:class="btn">"취소"</A>
            </p>
        </section>
    }
}

/// 클라우드 연결: a browser already connected goes on; one that is not connects first.
#[component]
fn Connect(on_ready: Callback<()>) -> impl IntoView {
    // A kept connection the cloud no longer knows is forgotten (and 클라우드 연결 shows).
    let CloudState {
        connection, card, ..
    } = use_cloud_state();
    view! {
        {move || match card.get() {
            None => view! { <p class="loading">"클라우드 연결을 확인하는 중…"</p> }.into_any(),
            Some(Some((_, Err(e)))) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
            Some(Some((kept, Ok(_)))) => view! {
                <p class="notice" role="status">
                    {format!("이 기기는 금융결제원 클라우드에 {}님으로 연결되어 있습니다.", kept.name)}
                </p>
                <p class="row">
                    <button type="button" class="btn primary" data-guide="cloud-connected-next" on:click=move |_| on_ready.run(())>
                        "다음"
                    </button>
                    <button
                        type="button"
                        class="btn"
                        on:click=move |_| {
                            forget_connection();
                            connection.set(None);
                        }
                    >
                        "다른 이름으로 다시 연결"
                    </button>
                </p>
            }
                .into_any(),
            Some(None) => view! {
                <CloudConnect on_connected=Callback::new(move |c: Connection| {
                    connection.set(Some(c));
                    on_ready.run(());
                }) />
            }
                .into_any(),
        }}
    }
}

/// PIN 설정: the PIN twice, then the cloud makes the key and the bank issues.
#[component]
fn NewPin(on_issued: Callback<CloudCard>) -> impl IntoView {
    let bank = use_bank();
    let issue = Action::new_local(move |pin: &String| {
        let pin = pin.clone();
        async move {
            let token = bank.token().map_err(|e| e.to_string())?;
            let device = kept_connection()
                .ok_or("클라우드 연결이 끊어졌습니다. 이전 단계에서 다시 연결해 주세요.")?
                .device;
            crate::components::paint().await;
            cloud::issue_in_cloud(&bank, &bank.cloud(), (&token, &device), &pin)
                .await
                .map_err(|e| e.to_string())
        }
    });
    let refused = outcome(issue, move |card| on_issued.run(card));
    view! {
        <section class="cloud-pin">
            <p class="hint">
                "금융인증서에 쓸 PIN 6자리를 정합니다. 같은 숫자 반복(111111), 연속된 숫자(123456), 생년월일은 쓸 수 없습니다."
            </p>
            <NewPinPad
                labels=&["PIN 6자리를 입력하세요", "PIN을 한 번 더 입력하세요"]
                on_pins=Callback::new(move |mut pins: Vec<String>| {
                    if let Some(pin) = pins.pop() {
                        issue.dispatch_local(pin);
                    }
                })
                busy=issue.pending()
                refused
            />
            <Show when=move || issue.pending().get()>
                <p class="status" role="status">
                    "금융결제원 클라우드에서 키를 만들고 인증서를 발급받는 중입니다…"
                </p>
            </Show>
        </section>
    }
}

/// 발급 완료.
#[component]
fn Issued(card: CloudCard) -> impl IntoView {
    view! {
        <section class="cloud-issued">
            <p class="notice" role="status">
                "금융인증서 발급이 완료되었습니다. 금융결제원 클라우드에 보관되었으며, 유효기간은 3년이고 수수료는 없습니다. 이전에 쓰던 금융인증서가 있었다면 폐기되었습니다."
            </p>
            <CloudCardView card />
            <p class="row">
                <A href="/center/cloud/manage" attr:class="btn primary" attr:data-guide="cloud-issued-manage">
                    "금융인증서 관리"
                </A>
                <A href="/center" attr:class="btn">"인증센터 처음으로"</A>
            </p>
            <p class="hint">"다음 로그인부터 로그인 화면의 [금융인증서 로그인]에서 PIN으로 로그인할 수 있습니다."</p>
        </section>
    }
}
