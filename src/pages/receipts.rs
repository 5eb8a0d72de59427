//! 영수증/세금계산서: the receipts of the customer's paid issuances, from the 8th day after
//! issue (before that a revocation would still refund the fee).

use leptos::prelude::*;

use crate::bank::api::{ListReceipts, Receipt};
use crate::components::{Dialog, LoadedTable, PageTitle};
use crate::contexts::{use_auth, use_bank};
use crate::format::won;

/// The receipt itself, printable.
#[component]
fn ReceiptView(receipt: Receipt, customer: String) -> impl IntoView {
    // The fee includes 10% VAT.
    let supply = receipt.fee * 10 / 11;
    view! {
        <div class="receipt">
            <h3>"영수증 (인증서 발급수수료)"</h3>
            <table class="form-table">
                <tbody>
                    <tr><th scope="row">"공급자"</th><td>"모의은행 (연습용, 실제 거래가 아닙니다)"</td></tr>
                    <tr><th scope="row">"공급받는자"</th><td>{customer}</td></tr>
                    <tr><th scope="row">"품목"</th><td>{format!("{} 인증서 발급수수료 ({})", receipt.kind.label(), receipt.ca.label())}</td></tr>
                    <tr><th scope="row">"인증서 일련번호"</th><td class="serial">{receipt.serial.clone()}</td></tr>
                    <tr><th scope="row">"거래일"</th><td>{receipt.paid_on.clone()}</td></tr>
                    <tr><th scope="row">"공급가액"</th><td>{won(supply)}</td></tr>
                    <tr><th scope="row">"부가가치세"</th><td>{won(receipt.fee - supply)}</td></tr>
                    <tr><th scope="row">"합계"</th><td class="total">{won(receipt.fee)}</td></tr>
                    <tr><th scope="row">"출금계좌"</th><td>{receipt.account.clone()}</td></tr>
                </tbody>
            </table>
        </div>
    }
}

/// The page.
#[component]
pub fn ReceiptsPage() -> impl IntoView {
    let auth = use_auth();
    let bank = use_bank();
    let receipts = LocalResource::new(move || async move {
        bank.for_customer(|token| ListReceipts { token }).await
    });
    let shown = RwSignal::new(None::<Receipt>);
    let customer = move || {
        auth.session
            .with(|s| s.as_ref().map(|s| s.customer_name.clone()))
            .unwrap_or_default()
    };
    view! {
        <PageTitle title="영수증/세금계산서" trail=&["공인인증서"] bullets=&[
            "유료 인증서 발급수수료의 영수증을 발급합니다.",
            "발급일로부터 7일 이내(발급일 포함)에는 폐기하면 수수료를 돌려드리므로, 영수증은 발급일로부터 8일째부터 발급됩니다. 수수료를 돌려받은 발급은 목록에 없습니다.",
            "세금계산서는 사업자 고객의 전자세금용 인증서에만 발급되며, 개인 고객은 영수증으로 갈음합니다.",
        ] />
        <div data-guide="receipts">
        <LoadedTable
            class="receipts"
            columns=&["거래일", "구분", "발급기관", "수수료", "영수증"]
            list=receipts
            empty="영수증을 발급할 유료 인증서 발급 내역이 없습니다."
            row=move |r| {
                let action = if r.available {
                    let receipt = r.clone();
                    view! {
                        <button type="button" class="btn" on:click=move |_| shown.set(Some(receipt.clone()))>
                            "영수증 보기"
                        </button>
                    }
                        .into_any()
                } else {
                    view! { <span class="hint">{format!("{}부터 발급", r.available_from)}</span> }
                        .into_any()
                };
                view! {
                    <tr>
                        <td>{r.paid_on.clone()}</td>
                        <td>{r.kind.full_label()}</td>
                        <td>{r.ca.label()}</td>
                        <td>{won(r.fee)}</td>
                        <td>{action}</td>
                    </tr>
                }
            }
        />
        </div>
        <Dialog open=Signal::derive(move || shown.get().is_some()) title="영수증">
            {move || shown.get().map(|r| view! { <ReceiptView receipt=r customer=customer() /> })}
            <p class="row">
                <button
                    type="button"
                    class="btn primary"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    "인쇄"
                </button>
                <button type="button" class="btn" on:click=move |_| shown.set(None)>"닫기"</button>
            </p>
        </Dialog>
    }
}
