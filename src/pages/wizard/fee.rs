//! Step 4, 수수료 출금예약내역 확인 (manual STEP 11): the fee to be withdrawn; the bank checks the
//! balance now and withdraws nothing yet.

use leptos::prelude::*;

use super::{CancelButton, FeeNotice, use_advance};
use crate::bank::api::{CertKind, ConfirmFee, GetFee};
use crate::components::{ActionButton, ErrorLine, outcome};
use crate::contexts::use_bank;
use crate::format::won;

/// Step 4.
#[component]
pub fn FeeStep() -> impl IntoView {
    let bank = use_bank();
    // Step 6 sends the customer back here when the fee changed since it was confirmed.
    let fee_changed = RwSignal::new(
        use_context::<FeeNotice>()
            .and_then(|FeeNotice(notice)| notice.try_update(Option::take).flatten()),
    );
    let quote = {
        LocalResource::new(move || async move { bank.for_customer(|token| GetFee { token }).await })
    };
    let confirm = Action::new_local(move |_: &()| {
        fee_changed.set(None);
        async move { bank.for_customer(|token| ConfirmFee { token }).await }
    });
    let refused = outcome(confirm, use_advance());
    let problem = Signal::derive(move || fee_changed.get().or_else(|| refused.get()));

    view! {
        <div class="wizard-step fee">
            <ul class="notes">
                <li>"인증서를 발급하면 아래와 같이 수수료가 고객님의 계좌에서 출금될 예정입니다."</li>
                <li>"인증서 발급일로부터 7일 이내에 환급 가능하며, 그 이후에는 환급 불가능합니다."</li>
                <li>"인증서 발급일 포함 7일이 경과한 후, 영수증을 발급 받으실 수 있습니다."</li>
                <li>"인증서 발급을 계속하시려면 [확인] 버튼을, 취소하시려면 [취소] 버튼을 클릭하여 주십시오."</li>
            </ul>
            <h3>"수수료 출금예약 내역확인"</h3>
            {move || match quote.get() {
                Some(Ok(q)) => {
                    view! {
                        <table class="fee-table">
                            <tbody>
                                <tr>
                                    <th scope="row">"인증서 종류"</th>
                                    <td>
                                        {match q.kind {
                                            CertKind::General => "개인범용".to_owned(),
                                            CertKind::CorporateGeneral => "기업범용".to_owned(),
                                            other => other.full_label(),
                                        }}
                                    </td>
                                </tr>
                                <tr>
                                    <th scope="row">"출금계좌번호"</th>
                                    <td>{q.account}</td>
                                </tr>
                                <tr>
                                    <th scope="row">"인증서발급수수료"</th>
                                    <td class="num">{won(q.fee)}</td>
                                </tr>
                            </tbody>
                        </table>
                        {q.reissue.then(|| view! {
                            <p class="notice reissue">
                                "재발급입니다. 사용 중인 같은 발급기관의 인증서는 발급이 끝나면 자동으로 폐기되고, 새 인증서의 만료일은 지금 인증서와 같습니다. 유효기간 안의 재발급이므로 수수료가 없습니다."
                            </p>
                        })}
                    }
                        .into_any()
                }
                Some(Err(error)) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                None => view! { <p class="loading">"조회 중입니다…"</p> }.into_any(),
            }}
            <ErrorLine message=problem />
            <p class="row actions">
                <ActionButton action=confirm label="확인" class="btn primary" attr:data-guide="fee-ok" />
                <CancelButton />
            </p>
        </div>
    }
}
