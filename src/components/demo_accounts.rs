//! The `연습용 계정` panel: the demo customers of DOMAIN §3, published so that learners can
//! practise, and a reset for the practice bank.

use leptos::prelude::*;

use super::ActionButton;

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
            <table>
                <thead>
                    <tr>
                        <th scope="col">"고객"</th>
                        <th scope="col">"아이디 / 비밀번호"</th>
                        <th scope="col">"주민등록번호"</th>
                        <th scope="col">"출금계좌 / 계좌비밀번호"</th>
                        <th scope="col">"잔액"</th>
                        <th scope="col">"추가 인증"</th>
                        <th scope="col"></th>
                    </tr>
                </thead>
                <tbody>
                    {CUSTOMERS
                        .iter()
                        .map(|c| {
                            view! {
                                <tr>
                                    <td>{c.name}</td>
                                    <td>
                                        <code>{c.user_id}</code>
                                        " / "
                                        <code>{c.password}</code>
                                    </td>
                                    <td>
                                        <code>{c.rrn}</code>
                                    </td>
                                    <td>
                                        <code>{c.account}</code>
                                        " / "
                                        <code>{c.account_password}</code>
                                    </td>
                                    <td class="num">{won(c.balance)}</td>
                                    <td>{second_factor(c)}</td>
                                    <td>
                                        <button
                                            type="button"
                                            class="btn small"
                                            aria-label=format!("{} 계정 입력", c.name)
                                            on:click=move |_| on_pick.run(c)
                                        >
                                            "입력"
                                        </button>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <div class="row">
                <ActionButton action=reset label="연습 데이터 초기화" class="btn small" />
                <span class="hint" role="status" aria-live="polite">
                    {reset_message}
                </span>
            </div>
        </section>
    }
}
