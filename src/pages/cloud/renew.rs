//! 금융인증서 갱신 on 관리: from 30 days before it expires, the logged-in customer renews the
//! 금융인증서 with its PIN. The cloud makes the new key and the bank issues it for 3 more years,
//! free ([`renew_in_cloud`]); the PIN stays.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::bank::api::{RENEWAL_DAYS, RenewalWindow};
use crate::cloud::api::{CloudCard, DeviceToken};
use crate::components::cloud::PinPad;
use crate::components::{Dialog, ErrorLine, outcome};
use crate::contexts::{use_auth, use_bank};
use crate::customer::cloud::renew_in_cloud;
use crate::encoding::unbase64;

/// The certificate's last day (`YYYY-MM-DD`), read in the worker.
async fn expiry(card: &CloudCard) -> Option<String> {
    let der = unbase64(&card.certificate)?;
    crate::worker::summary(&der).await.ok().map(|s| s.expires)
}

/// Where the 금융인증서 stands for 갱신, and the way to it when the window is open: the PIN
/// for a logged-in customer, the login first otherwise. `on_close` hears the dialog closed
/// without a renewal (a wrong PIN may have been counted).
#[component]
pub fn CloudRenewal(
    card: CloudCard,
    device: DeviceToken,
    on_done: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let bank = use_bank();
    let auth = use_auth();
    let open = RwSignal::new(false);
    let window = LocalResource::new(move || {
        let card = card.clone();
        async move { RenewalWindow::at(&expiry(&card).await?, bank.now()) }
    });
    let line = move |text: String| view! { <p class="hint cloud-renewal">{text}</p> };
    view! {
        {move || match window.get().flatten() {
            None => ().into_any(),
            Some(RenewalWindow::NotYet { opens }) => line(format!(
                "갱신은 유효기간 만료 {RENEWAL_DAYS}일 전인 {opens}부터 할 수 있습니다."
            ))
                .into_any(),
            Some(RenewalWindow::Expired) => line(
                "유효기간이 지났습니다. 금융인증서를 재발급해 주세요.".to_owned(),
            )
                .into_any(),
            Some(RenewalWindow::Open { days_left }) => view! {
                {line(format!(
                    "유효기간이 {days_left}일 남았습니다. 지금 갱신하면 3년 더 쓸 수 있습니다(무료)."
                ))}
                <p class="row">
                    {move || if auth.logged_in() {
                        view! {
                            <button type="button" class="btn primary" data-guide="cloud-renew" on:click=move |_| open.set(true)>
                                "금융인증서 갱신"
                            </button>
                        }
                            .into_any()
                    } else {
                        view! {
                            <A href="/login?next=/center/cloud/manage" attr:class="btn primary" attr:data-guide="cloud-renew">
                                "로그인하고 갱신"
                            </A>
                        }
                            .into_any()
                    }}
                </p>
            }
                .into_any(),
        }}
        <Show when=move || open.get()>
            <RenewDialog
                device=device.clone()
                on_done
                on_cancel=Callback::new(move |()| {
                    open.set(false);
                    on_close.run(());
                })
            />
        </Show>
    }
}

/// The PIN, then the renewal.
#[component]
fn RenewDialog(
    device: DeviceToken,
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let bank = use_bank();
    let renew = Action::new_local(move |pin: &String| {
        let (pin, device) = (pin.clone(), device.clone());
        async move {
            let token = bank.token().map_err(|e| e.to_string())?;
            let origin = window().location().origin().unwrap_or_default();
            let renewed = renew_in_cloud(&bank, &bank.cloud(), (&token, &device), &pin, &origin)
                .await
                .map_err(|e| e.to_string())?;
            Ok::<_, String>(expiry(&renewed).await)
        }
    });
    let refused = outcome(renew, move |expires: Option<String>| {
        let until = expires.map_or_else(String::new, |day| {
            format!(" 새 유효기간은 {day}까지입니다.")
        });
        on_done.run(format!(
            "금융인증서를 갱신했습니다.{until} PIN은 그대로이며, 이전 금융인증서는 더 이상 쓸 수 없습니다."
        ));
    });
    view! {
        <Dialog open=Signal::stored(true) title="금융인증서 갱신">
            <p>
                "PIN을 입력하면 금융결제원 클라우드가 새 전자서명 키를 만들고, 은행이 3년 더 쓸 수 있는 새 금융인증서를 발급합니다. 수수료는 없습니다."
            </p>
            <PinPad label="PIN 6자리를 입력하세요" on_pin=Callback::new(move |pin| {
                renew.dispatch_local(pin);
            }) busy=renew.pending() />
            <Show when=move || renew.pending().get()>
                <p class="status" role="status">"새 키를 만들고 인증서를 갱신하는 중입니다…"</p>
            </Show>
            <ErrorLine message=refused />
            <p class="row">
                <button type="button" class="btn" on:click=move |_| on_cancel.run(())>
                    "취소"
                </button>
            </p>
        </Dialog>
    }
}
