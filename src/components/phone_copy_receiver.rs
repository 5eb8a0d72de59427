//! The receiving side of 스마트폰인증서 복사, on the PC page and in the phone's app alike: with
//! the device's login it opens a relay slot, shows the 인증번호 with a countdown, asks the relay
//! every second whether the certificate arrived, and keeps it in its place.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;

use crate::bank::BankApi;
use crate::bank::api::{RELAY_SECS, SessionToken};
use crate::contexts::use_bank;
use crate::customer::phone_copy;
use crate::wallet::{self, Place};

/// Where the receiver stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ReceiverState {
    Opening,
    Waiting { number: String, left: u32 },
    Kept(String),
    Failed(String),
}

/// Opens a slot with `token`'s login, shows the number and polls until the certificate is kept
/// in `place` (`Ok(Some(holder))`), the receiver is gone (`Ok(None)`), or it fails.
async fn receive_until_kept(
    bank: &impl BankApi,
    token: SessionToken,
    place: Place,
    stage: RwSignal<ReceiverState>,
    alive: &AtomicBool,
) -> Result<Option<String>, String> {
    let receiving = phone_copy::receive(bank, token)
        .await
        .map_err(|e| e.to_string())?;
    let number = receiving.number();
    let deadline = js_sys::Date::now() + f64::from(RELAY_SECS) * 1000.0;
    while alive.load(Ordering::Relaxed) {
        let left = ((deadline - js_sys::Date::now()) / 1000.0).ceil().max(0.0) as u32;
        if left == 0 {
            return Err(
                "인증번호 입력 시간(3분)이 지났습니다. [인증번호 다시 받기]를 눌러 주세요."
                    .to_owned(),
            );
        }
        stage.try_set(ReceiverState::Waiting {
            number: number.clone(),
            left,
        });
        if let Some(arrived) = phone_copy::arrived(bank, &receiving)
            .await
            .map_err(|e| e.to_string())?
        {
            let record = arrived.record().map_err(|e| e.to_string())?;
            wallet::keep_in(place, &record)
                .await
                .map_err(|e| e.to_string())?;
            return Ok(Some(record.holder));
        }
        gloo_timers::future::sleep(std::time::Duration::from_secs(1)).await;
    }
    Ok(None)
}

/// Shows a 인증번호 and keeps what arrives under it in `place`; `on_kept` hears of it.
#[component]
pub fn PhoneCopyReceiver(
    place: Place,
    /// The receiving device's login session when it is not this page's (the phone's).
    #[prop(optional)]
    session: Option<SessionToken>,
    /// Called once a certificate is kept.
    #[prop(optional)]
    on_kept: Option<Callback<()>>,
) -> impl IntoView {
    let bank = use_bank();
    let stage = RwSignal::new(ReceiverState::Opening);
    let alive = Arc::new(AtomicBool::new(true));
    on_cleanup({
        let alive = alive.clone();
        move || alive.store(false, Ordering::Relaxed)
    });
    let run = Action::new_local(move |_: &()| {
        let (alive, session) = (alive.clone(), session.clone());
        async move {
            stage.try_set(ReceiverState::Opening);
            let outcome = match session {
                Some(token) => {
                    receive_until_kept(&bank.for_device(), token, place, stage, &alive).await
                }
                None => match bank.token() {
                    Ok(token) => receive_until_kept(&bank, token, place, stage, &alive).await,
                    Err(e) => Err(e.to_string()),
                },
            };
            match outcome {
                Ok(Some(holder)) => {
                    stage.try_set(ReceiverState::Kept(holder));
                    if let Some(on_kept) = on_kept {
                        on_kept.run(());
                    }
                }
                Ok(None) => {}
                Err(message) => {
                    stage.try_set(ReceiverState::Failed(message));
                }
            }
        }
    });
    run.dispatch_local(());
    let again = move |_| {
        run.dispatch_local(());
    };
    // It keeps into a store: the phone's, else this browser's.
    let whom = if place == Place::Phone {
        "스마트폰"
    } else {
        "이 브라우저"
    };
    view! {
        <div class="copy-receiver" role="status" aria-live="polite">
            {move || match stage.get() {
                ReceiverState::Opening => view! { <p class="loading">"인증번호를 받는 중입니다…"</p> }.into_any(),
                ReceiverState::Waiting { number, left } => view! {
                    <p>"인증번호"</p>
                    <p class="copy-number" data-guide="copy-number">{number}</p>
                    <p class="countdown">{format!("남은 시간 {}:{:02}", left / 60, left % 60)}</p>
                    <p class="hint">"보내는 쪽에 이 인증번호 12자리를 입력해 주세요."</p>
                }
                    .into_any(),
                ReceiverState::Kept(holder) => view! {
                    <p class="notice copy-kept">{format!("인증서({holder})를 {whom}에 저장했습니다.")}</p>
                }
                    .into_any(),
                ReceiverState::Failed(message) => view! {
                    <p class="error" role="alert">{message}</p>
                    <button type="button" class="btn" on:click=again>
                        "인증번호 다시 받기"
                    </button>
                }
                    .into_any(),
            }}
        </div>
    }
}
