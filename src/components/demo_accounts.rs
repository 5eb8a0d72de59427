//! The `연습용 계정` panel: the demo customers of DOMAIN §3, published so that learners can
//! practise, and a reset for the practice bank.

use leptos::prelude::*;

use super::{ActionButton, TableHead};

use crate::bank::BankApi;
use crate::bank::api::ResetPractice;
use crate::bank::demo::{CUSTOMERS, DemoCustomer, SecondFactor};
use crate::contexts::{use_auth, use_bank};
use crate::format::won;

fn second_factor(c: &DemoCustomer) -> String {
    match c.second_factor {
        SecondFactor::SecurityCard { serial, .. } => format!("보안카드 {serial}"),
        SecondFactor::Otp { .. } => "OTP".to_owned(),
    }
}

/// The demo accounts with a button per customer that fills the login form.
#[component]
pub fn DemoAccounts(
    /// Called with the customer whose `입력` button was pressed.
    #[prop(into)]
    on_pick: Callback<&'static DemoCustomer>,
) -> impl IntoView {
    let bank = use_bank();
    let auth = use_auth();
    let reset = Action::new_local(move |_: &()| async move {
        let result = bank.call(ResetPractice).await;
        if result.is_ok() {
            auth.end();
        }
        result
    });
    let reset_message = move || {
        reset.value().get().map(|r| match r {
            Ok(()) => {
                "연습 데이터를 처음 상태로 되돌렸습니다. 잠긴 아이디도 해제되었습니다.".to_owned()
            }
            Err(e) => e.to_string(),
        })
    };

    view! {
        <section class="demo-accounts" aria-labelledby="demo-accounts-title">
            <h2 id="demo-accounts-title">"연습용 계정"</h2>
            <p>
                "실제 은행이 아닌 연습용 모의은행입니다. 아래 가상 고객으로 로그인해 인증서 발급 과정을 연습하세요."
            </p>
            <h3>"개인 고객"</h3>
            <CustomerTable business=false on_pick />
            <h3>"기업 고객"</h3>
            <p class="hint">
                "기업용인증서 발급과 전자세금용 인증서는 기업 고객으로 연습합니다. 1단계에서 주민등록번호 대신 사업자등록번호를 입력합니다."
            </p>
            <CustomerTable business=true on_pick />
            <div class="row">
                <ActionButton action=reset label="연습 데이터 초기화" class="btn small" />
                <span class="hint" role="status" aria-live="polite">
                    {reset_message}
                </span>
            </div>
        </section>
    }
}

/// The personal or the business demo customers, each with its `입력` button.
#[component]
fn CustomerTable(business: bool, on_pick: Callback<&'static DemoCustomer>) -> impl IntoView {
    let columns: &'static [&'static str] = if business {
        &[
            "고객",
            "아이디 / 비밀번호",
            "사업자등록번호 / 대표자",
            "출금계좌 / 계좌비밀번호",
            "잔액",
            "추가 인증",
        ]
    } else {
        &[
            "고객",
            "아이디 / 비밀번호",
            "주민등록번호",
            "출금계좌 / 계좌비밀번호",
            "잔액",
            "추가 인증",
        ]
    };
    view! {
        // A box that scrolls sideways on a phone, reachable by the keyboard too.
        <div
            class="table-scroll"
            tabindex="0"
            role="region"
            aria-label=if business { "기업 고객 연습용 계정" } else { "개인 고객 연습용 계정" }
        >
        <table class=if business { "business" } else { "personal" }>
            <TableHead columns />
            <tbody>
                {CUSTOMERS
                    .iter()
                    .filter(|c| c.business.is_some() == business)
                    .map(|c| {
                        let number = match c.business {
                            Some(b) => view! {
                                <code>{b.number}</code>
                                {(!b.registered).then_some(" (미등록)")}
                                <br />
                                {format!("대표 {}", c.name)}
                            }
                                .into_any(),
                            None => view! { <code>{c.rrn}</code> }.into_any(),
                        };
                        view! {
                            <tr>
                                <td>
                                    {c.display_name()}
                                    " "
                                    <button
                                        type="button"
                                        class="btn small"
                                        aria-label=format!("{} 계정 입력", c.display_name())
                                        on:click=move |_| on_pick.run(c)
                                    >
                                        "입력"
                                    </button>
                                </td>
                                <td>
                                    <code>{c.user_id}</code>
                                    " / "
                                    <code>{c.password}</code>
                                </td>
                                <td>{number}</td>
                                <td>
                                    <code>{c.account}</code>
                                    " / "
                                    <code>{c.account_password}</code>
                                </td>
                                <td class="num">{won(c.balance)}</td>
                                <td>{second_factor(c)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        </div>
    }
}
