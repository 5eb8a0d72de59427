//! `금융인증서 로그인`: the cloud's own window over the login page. A browser not connected
//! does `클라우드 연결` first; then the 금융인증서 shows as a card and a PIN pad (its keys in a
//! new order each time) has the cloud sign the bank's challenge.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::cloud::api::Connection;
use crate::components::Dialog;
use crate::components::cloud::{CloudCardView, CloudConnect, CloudState, PinPad, use_cloud_state};
use crate::components::{ErrorLine, outcome};
use crate::contexts::{use_auth, use_bank};
use crate::customer::cloud::cloud_login;

/// The login page's part in the cloud's window (provided by the page): whether it is open, and
/// where a login goes next.
#[derive(Clone, Copy)]
pub struct CloudWindowOpen {
    /// Whether the window is open.
    pub open: RwSignal<bool>,
    /// Where to go after the login (the login page's checked `next`).
    pub next: Signal<String>,
}

/// The cloud's window.
#[component]
pub fn CloudLoginWindow() -> impl IntoView {
    let bank = use_bank();
    let auth = use_auth();
    let navigate = use_navigate();
    let page = use_context::<CloudWindowOpen>();
    let close = move || {
        if let Some(page) = page {
            page.open.set(false);
        }
    };
    let CloudState {
        connection,
        refresh,
        card,
    } = use_cloud_state();
    let login = Action::new_local(move |pin: &String| {
        let pin = pin.clone();
        let navigate = navigate.clone();
        let next = page.map_or_else(|| "/center".to_owned(), |p| p.next.get_untracked());
        async move {
            let device = connection
                .get_untracked()
                .ok_or("클라우드 연결이 끊어졌습니다.")?
                .device;
            let origin = window().location().origin().unwrap_or_default();
            match cloud_login(&bank, &bank.cloud(), &device, &pin, &origin).await {
                Ok(grant) => {
                    // Leaving the login page closes the window with it.
                    auth.begin(grant);
                    navigate(&next, Default::default());
                    Ok(())
                }
                Err(e) => {
                    // The count of wrong PINs shows on the card.
                    refresh.update(|n| *n += 1);
                    Err(e.to_string())
                }
            }
        }
    });
    let problem = outcome(login, |()| {});
    view! {
        <Dialog open=Signal::stored(true) title="금융결제원 클라우드 · 금융인증서 로그인">
            <div class="cloud-window" data-guide="cloud-window">
                {move || match card.get() {
                    None => view! { <p class="loading">"금융결제원 클라우드에 연결하는 중…"</p> }.into_any(),
                    Some(None) => view! {
                        <CloudConnect on_connected=Callback::new(move |c: Connection| connection.set(Some(c))) />
                    }
                        .into_any(),
                    Some(Some((_, Err(e)))) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    Some(Some((_, Ok(None)))) => view! {
                        <p>"금융결제원 클라우드에 보관된 금융인증서가 없습니다. 아이디로 로그인한 뒤 금융인증서를 발급받으세요."</p>
                        <p class="row">
                            <A href="/login?next=/center/cloud/issue" attr:class="btn primary" on:click=move |_| close()>
                                "금융인증서 발급하러 가기"
                            </A>
                        </p>
                    }
                        .into_any(),
                    Some(Some((_, Ok(Some(card))))) => {
                        let locked = card.locked;
                        view! {
                            <CloudCardView card />
                            {(!locked).then(|| view! {
                                <PinPad label="PIN 6자리를 입력하세요" on_pin=Callback::new(move |pin| {
                                    login.dispatch_local(pin);
                                }) busy=login.pending() />
                            })}
                            {locked.then(|| view! {
                                <p class="row">
                                    <A href="/login?next=/center/cloud/issue" attr:class="btn primary" on:click=move |_| close()>
                                        "아이디로 로그인하여 재발급"
                                    </A>
                                </p>
                            })}
                        }
                            .into_any()
                    }
                }}
                <Show when=move || login.pending().get()>
                    <p class="status" role="status">"PIN을 확인하고 전자서명하는 중입니다…"</p>
                </Show>
                <ErrorLine message=problem />
                <p class="row">
                    <button type="button" class="btn" data-guide="cloud-window-close" on:click=move |_| close()>
                        "닫기"
                    </button>
                </p>
            </div>
        </Dialog>
    }
}
