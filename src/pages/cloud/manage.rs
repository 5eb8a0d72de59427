//! 금융인증서 관리: the card and details of the 금융인증서 in the cloud, PIN 변경, 자동연결 해제,
//! 클라우드 이용 해지, 재발급 for a forgotten or locked PIN, and 갱신 near the end of its term.
//! The cloud's, not the bank's: it needs this browser connected to the cloud; only 갱신 also
//! needs a bank login.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::cloud::CloudApi;
use crate::cloud::api::{ChangePin, CloseCloud, Connection};
use crate::components::cloud::{
    CloudCardView, CloudConnect, CloudState, NewPinPad, use_cloud_state,
};
use crate::components::{ActionButton, ActionDialogButtons, Dialog, ErrorLine, PageTitle, outcome};
use crate::contexts::use_bank;
use crate::customer::cloud::{forget_connection, release_connection};
use crate::pages::cloud::renew::CloudRenewal;
use crate::pages::manage::details::CertificateDetails;

/// What the manage page has open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Nothing,
    Details,
    ChangePin,
    Close,
}

/// 금융인증서 관리.
#[component]
pub fn CloudManagePage() -> impl IntoView {
    let bank = use_bank();
    let CloudState {
        connection,
        refresh,
        card,
    } = use_cloud_state();
    let notice = RwSignal::new(None::<String>);
    let open = RwSignal::new(Open::Nothing);
    let release = Action::new_local(move |_: &()| async move {
        let Some(kept) = connection.get_untracked() else {
            return Ok(());
        };
        release_connection(&bank.cloud(), &kept.device)
            .await
            .map_err(|e| e.to_string())
    });
    let release_problem = outcome(release, move |()| {
        connection.set(None);
        notice.set(Some(
            "자동연결을 해제했습니다. 이 브라우저에서 금융인증서를 쓰려면 클라우드에 다시 연결해야 합니다.".to_owned(),
        ));
    });
    // Closing a dialog asks the cloud again: a wrong PIN tried in it shows on the card.
    let close = Callback::new(move |()| {
        open.set(Open::Nothing);
        refresh.update(|n| *n += 1);
    });
    let done = Callback::new(move |text: String| {
        close.run(());
        notice.set(Some(text));
    });

    view! {
        <PageTitle title="금융인증서 관리" trail=&["금융인증서"] />
        <p class="notice" role="status">{move || notice.get()}</p>
        {move || match card.get() {
            None => view! { <p class="loading">"금융결제원 클라우드에 연결하는 중…"</p> }.into_any(),
            Some(None) => view! {
                <CloudConnect on_connected=Callback::new(move |c: Connection| {
                    notice.set(None);
                    connection.set(Some(c));
                }) />
            }
                .into_any(),
            Some(Some((_, Err(e)))) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
            Some(Some((kept, Ok(None)))) => view! {
                <p>{format!("{}님의 금융결제원 클라우드에 보관된 금융인증서가 없습니다.", kept.name)}</p>
                <p class="row">
                    <A href="/center/cloud/issue" attr:class="btn primary">"금융인증서 발급"</A>
                </p>
            }
                .into_any(),
            Some(Some((kept, Ok(Some(card))))) => {
                let certificate = crate::encoding::unbase64(&card.certificate)
                    .ok_or_else(|| "인증서가 손상되었습니다.".to_owned());
                let locked = card.locked;
                let (for_pin, for_close) = (kept.device.clone(), kept.device.clone());
                let renewal = (!locked).then(|| {
                    view! { <CloudRenewal card=card.clone() device=kept.device.clone() on_done=done on_close=close /> }
                });
                view! {
                    <CloudCardView card />
                    <p class="hint">
                        {format!(
                            "{}님으로 연결된 브라우저입니다 ({}).",
                            kept.name,
                            if kept.remembered { "자동연결" } else { "이번 방문 동안만 연결" },
                        )}
                    </p>
                    {renewal}
                    <p class="row manage-actions">
                        <button type="button" class="btn" data-guide="cloud-details" on:click=move |_| open.set(Open::Details)>
                            "인증서 보기"
                        </button>
                        <button
                            type="button"
                            class="btn"
                            data-guide="cloud-change-pin"
                            disabled=locked
                            on:click=move |_| open.set(Open::ChangePin)
                        >
                            "PIN 변경"
                        </button>
                        <A href="/center/cloud/issue" attr:class="btn" attr:data-guide="cloud-reissue">
                            "재발급 (PIN 분실·잠김)"
                        </A>
                        <ActionButton action=release label="자동연결 해제" guide="cloud-release" />
                        <button type="button" class="btn danger" data-guide="cloud-close" on:click=move |_| open.set(Open::Close)>
                            "클라우드 이용 해지"
                        </button>
                    </p>
                    <ErrorLine message=release_problem />
                    <Show when=move || open.get() == Open::Details>
                        <CertificateDetails certificate=certificate.clone() />
                    </Show>
                    <Show when=move || open.get() == Open::ChangePin>
                        <ChangePinDialog device=for_pin.clone() on_done=done on_cancel=close />
                    </Show>
                    <Show when=move || open.get() == Open::Close>
                        <CloseDialog
                            device=for_close.clone()
                            on_done=Callback::new(move |text: String| {
                                done.run(text);
                                connection.set(None);
                            })
                            on_cancel=close
                        />
                    </Show>
                }
                    .into_any()
            }
        }}
    }
}

/// PIN 변경: the current PIN, then the new one twice.
#[component]
fn ChangePinDialog(
    device: crate::cloud::api::DeviceToken,
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let bank = use_bank();
    let change = Action::new_local(move |(old, new): &(String, String)| {
        let request = ChangePin {
            device: device.clone(),
            old: old.clone(),
            new: new.clone(),
        };
        async move { bank.cloud().call(request).await.map_err(|e| e.to_string()) }
    });
    let refused = outcome(change, move |()| {
        on_done.run("PIN을 변경했습니다. 다음 로그인부터 새 PIN을 입력하세요.".to_owned())
    });
    let on_pins = Callback::new(move |pins: Vec<String>| {
        if let [old, new, _] = pins.as_slice() {
            change.dispatch_local((old.clone(), new.clone()));
        }
    });
    view! {
        <Dialog open=Signal::stored(true) title="PIN 변경">
            <NewPinPad
                labels=&["현재 PIN을 입력하세요", "새 PIN 6자리를 입력하세요", "새 PIN을 한 번 더 입력하세요"]
                on_pins
                busy=change.pending()
                refused
            />
            <p class="row">
                <button type="button" class="btn" on:click=move |_| on_cancel.run(())>
                    "취소"
                </button>
            </p>
        </Dialog>
    }
}

/// 클라우드 이용 해지, after a warning.
#[component]
fn CloseDialog(
    device: crate::cloud::api::DeviceToken,
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let bank = use_bank();
    let close = Action::new_local(move |_: &()| {
        let device = device.clone();
        async move {
            let closed = bank.cloud().call(CloseCloud { device }).await;
            closed.map_err(|e| e.to_string())?;
            forget_connection();
            Ok::<(), String>(())
        }
    });
    let problem = outcome(close, move |()| {
        on_done.run("클라우드 이용을 해지했습니다. 보관된 금융인증서가 삭제되었습니다.".to_owned())
    });
    view! {
        <Dialog open=Signal::stored(true) title="클라우드 이용 해지">
            <p class="warning">
                "해지하면 금융결제원 클라우드에 보관된 금융인증서가 삭제되어 더 이상 로그인에 쓸 수 없습니다. 다시 쓰려면 금융인증서를 새로 발급받아야 합니다. 해지하시겠습니까?"
            </p>
            <ErrorLine message=problem />
            <ActionDialogButtons action=close label="해지" on_cancel guide="cloud-close-ok" />
        </Dialog>
    }
}
