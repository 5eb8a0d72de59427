//! 금융인증서's pieces that its screens share: the phone showing a texted code, `클라우드 연결`,
//! the PIN pad and the certificate as a card.

use leptos::prelude::*;

use super::keypad::shuffled_digits;
use super::{ActionButton, ActionForm, DigitsInput, ErrorLine, SubmitLine, outcome};
use crate::bank::api::{BankError, BankResult, RenewalWindow, TextMessage};
use crate::cloud::CloudApi;
use crate::cloud::api::{
    CloudCard, CloudError, Connection, FinishConnect, GetCloudCertificate, StartConnect,
};
use crate::contexts::use_bank;
use crate::customer::cloud::{forget_connection, keep_connection, kept_connection};
use crate::pki::profile::{Ca, ca_org};

/// How many digits a PIN has.
const PIN_LEN: usize = 6;

/// This browser's connection to the cloud and what the cloud keeps for it.
#[derive(Clone, Copy)]
pub struct CloudState {
    /// The connection, if this browser has one.
    pub connection: RwSignal<Option<Connection>>,
    /// Bumped to ask the cloud again (after a PIN was tried, say).
    pub refresh: RwSignal<u32>,
    /// The connection and the cloud's answer; `None` inside when not connected.
    pub card: LocalResource<Option<(Connection, BankResult<Option<CloudCard>>)>>,
}

/// This browser's connection and the cloud's 금융인증서 for it, asked for now and again on each
/// refresh. A connection the cloud no longer knows (a visit ended, released elsewhere) is
/// forgotten, and the screen then offers `클라우드 연결`.
pub fn use_cloud_state() -> CloudState {
    let bank = use_bank();
    let connection = RwSignal::new(kept_connection());
    let refresh = RwSignal::new(0u32);
    let card = LocalResource::new(move || {
        refresh.track();
        let kept = connection.get();
        async move {
            let kept = kept?;
            let device = kept.device.clone();
            let answer = bank.cloud().call(GetCloudCertificate { device }).await;
            Some((kept, answer))
        }
    });
    Effect::new(move || {
        if let Some(Some((_, Err(BankError::Cloud(CloudError::NotConnected))))) = card.get() {
            forget_connection();
            connection.set(None);
        }
    });
    CloudState {
        connection,
        refresh,
        card,
    }
}

/// The customer's phone with the text just received (as the ARS call shows on it).
#[component]
pub fn TextedPhone(#[prop(into)] text: Signal<Option<TextMessage>>) -> impl IntoView {
    move || {
        text.get().map(|t| {
            view! {
                <figure class="device phone texted" aria-label=format!("휴대폰 {} (연습용)", t.to)>
                    <figcaption>{format!("📱 {} 문자 수신", t.to)}</figcaption>
                    <output class="phone-screen" aria-live="polite" data-guide="texted-code">
                        {t.body}
                    </output>
                </figure>
            }
        })
    }
}

/// `클라우드 연결`: name and mobile number, the code the cloud texts, and `이 기기 자동연결`.
/// The connection is kept in this browser before `on_connected` hears of it.
#[component]
pub fn CloudConnect(on_connected: Callback<Connection>) -> impl IntoView {
    let bank = use_bank();
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let remember = RwSignal::new(true);
    let text = RwSignal::new(None::<TextMessage>);
    let send = Action::new_local(move |_: &()| {
        let (name, phone) = (name.get_untracked(), phone.get_untracked());
        async move {
            if name.trim().is_empty() {
                return Err("이름을 입력해 주세요.".to_owned());
            }
            if crate::format::digits(&phone, 11).len() < 10 {
                return Err("휴대폰번호를 입력해 주세요 (예: 010-1234-5678).".to_owned());
            }
            let sent = bank.cloud().call(StartConnect { name, phone }).await;
            text.set(Some(sent.map_err(|e| e.to_string())?));
            Ok(())
        }
    });
    let connect = Action::new_local(move |_: &()| {
        let request = FinishConnect {
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            code: code.get_untracked(),
            remember: remember.get_untracked(),
        };
        async move {
            if text.get_untracked().is_none() {
                return Err("먼저 [인증번호 받기]를 눌러 주세요.".to_owned());
            }
            if request.code.len() != 6 {
                return Err("문자로 받은 인증번호 6자리를 입력해 주세요.".to_owned());
            }
            let connection = bank
                .cloud()
                .call(request)
                .await
                .map_err(|e| e.to_string())?;
            keep_connection(&connection);
            Ok(connection)
        }
    });
    let send_problem = outcome(send, |()| {});
    let connect_problem = outcome(connect, move |c| on_connected.run(c));
    view! {
        <ActionForm action=connect class="cloud-connect">
            <h3>"클라우드 연결"</h3>
            <p class="hint">
                "이 기기에서 금융인증서를 쓰려면 금융결제원 클라우드에 연결합니다. 본인 명의 휴대폰으로 받은 인증번호를 입력하세요."
            </p>
            <label for="cloud-name">"이름"</label>
            <input id="cloud-name" autocomplete="name" data-guide="cloud-name" bind:value=name />
            <label for="cloud-phone">"휴대폰번호"</label>
            <p class="row">
                <input
                    id="cloud-phone"
                    type="tel"
                    inputmode="numeric"
                    autocomplete="tel"
                    data-guide="cloud-phone"
                    bind:value=phone
                />
                <ActionButton action=send label="인증번호 받기" guide="cloud-send" />
            </p>
            <ErrorLine message=send_problem />
            <TextedPhone text />
            <label for="cloud-code">"인증번호"</label>
            <span class="guide-target" data-guide="cloud-code">
                <DigitsInput id="cloud-code" value=code max=6 autocomplete="one-time-code" />
            </span>
            <label class="check">
                <input type="checkbox" bind:checked=remember />
                " 이 기기 자동연결 (다음부터 이 브라우저는 연결 없이 금융인증서를 씁니다)"
            </label>
            <SubmitLine
                problem=connect_problem
                label="클라우드 연결"
                pending=connect.pending()
                guide="cloud-connect"
            />
        </ActionForm>
    }
}

/// A PIN pad: six dots, the ten digits in a new order each time, and a field for the keyboard.
/// `on_pin` hears the six digits; the pad then clears and shuffles again.
#[component]
pub fn PinPad(
    /// What the PIN is for (`PIN 6자리를 입력하세요`).
    #[prop(into)]
    label: Signal<String>,
    on_pin: Callback<String>,
    /// Whether the PIN is being checked (the pad waits).
    #[prop(into)]
    busy: Signal<bool>,
) -> impl IntoView {
    let pin = RwSignal::new(String::new());
    let order = RwSignal::new(shuffled_digits());
    let typed = move |text: String| {
        pin.set(crate::format::digits(&text, PIN_LEN));
        if pin.get_untracked().len() == PIN_LEN {
            let whole = pin.get_untracked();
            pin.set(String::new());
            order.set(shuffled_digits());
            on_pin.run(whole);
        }
    };
    let press = move |d: u8| typed(format!("{}{d}", pin.get_untracked()));
    view! {
        // A form of its own (the PIN field is a password field), submitted by the sixth digit.
        <form
            class="pin-pad"
            data-guide="pin-pad"
            aria-label=move || label.get()
            on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()
        >
            <label for="pin-input" class="pin-label">{move || label.get()}</label>
            <input
                id="pin-input"
                class="pin-input"
                type="password"
                inputmode="numeric"
                autocomplete="off"
                maxlength="6"
                disabled=move || busy.get()
                prop:value=move || pin.get()
                on:input=move |ev| typed(event_target_value(&ev))
            />
            <p class="pin-dots" aria-hidden="true">
                {move || {
                    let filled = pin.get().len();
                    (0..PIN_LEN)
                        .map(|i| if i < filled { "●" } else { "○" })
                        .collect::<Vec<_>>()
                        .join(" ")
                }}
            </p>
            <div class="pin-keys">
                {move || {
                    order
                        .get()
                        .into_iter()
                        .map(|d| {
                            view! {
                                <button
                                    type="button"
                                    class="key"
                                    data-pin-key=d.to_string()
                                    disabled=move || busy.get()
                                    on:click=move |_| press(d)
                                >
                                    {d}
                                </button>
                            }
                        })
                        .collect_view()
                }}
                <button
                    type="button"
                    class="key wide"
                    aria-label="한 글자 지우기"
                    disabled=move || busy.get()
                    on:click=move |_| pin.update(|p| {
                        p.pop();
                    })
                >
                    "← 지우기"
                </button>
            </div>
        </form>
    }
}

/// A [`PinPad`] that asks for `labels.len()` PINs in turn, the last two being a new PIN typed
/// twice (before them, the current PIN for PIN 변경). `on_pins` hears them all once the new PIN
/// was typed the same twice; typed differently, the new PIN is asked again. A refusal (`refused`,
/// the cloud's reason) starts over from the first.
#[component]
pub fn NewPinPad(
    labels: &'static [&'static str],
    on_pins: Callback<Vec<String>>,
    #[prop(into)] busy: Signal<bool>,
    refused: Signal<Option<String>>,
) -> impl IntoView {
    let entered = RwSignal::new(Vec::<String>::new());
    let mismatch = RwSignal::new(None::<String>);
    Effect::new(move || {
        if refused.get().is_some() {
            entered.set(Vec::new());
        }
    });
    let on_pin = Callback::new(move |pin: String| {
        mismatch.set(None);
        let mut so_far = entered.get_untracked();
        so_far.push(pin);
        if so_far.len() == labels.len() {
            if so_far[so_far.len() - 1] == so_far[so_far.len() - 2] {
                on_pins.run(so_far.clone());
            } else {
                mismatch.set(Some(
                    "새 PIN을 두 번 다르게 입력했습니다. 새 PIN부터 다시 입력해 주세요.".to_owned(),
                ));
            }
            so_far.truncate(labels.len() - 2);
        }
        entered.set(so_far);
    });
    let label =
        Signal::derive(move || labels[entered.with(Vec::len).min(labels.len() - 1)].to_owned());
    let problem = Signal::derive(move || mismatch.get().or_else(|| refused.get()));
    view! {
        <PinPad label on_pin busy />
        <ErrorLine message=problem />
    }
}

/// The name in a certificate's common name (`홍길동(HONG GILDONG)0004…` → `홍길동`).
fn holder_name(common_name: &str) -> &str {
    common_name.split('(').next().unwrap_or(common_name)
}

/// The 금융인증서 as the cloud's window shows it: a card with the name, the issuer and the
/// expiry, and whether wrong PINs have locked it.
#[component]
pub fn CloudCardView(card: CloudCard) -> impl IntoView {
    let bank = use_bank();
    let certificate = crate::encoding::unbase64(&card.certificate).unwrap_or_default();
    let summary = LocalResource::new(move || {
        let der = certificate.clone();
        async move { crate::worker::summary(&der).await }
    });
    let state = match (card.locked, card.wrong) {
        (true, _) => Some(
            "PIN을 5회 잘못 입력해 잠겼습니다. 금융인증서를 재발급하면 다시 쓸 수 있습니다."
                .to_owned(),
        ),
        (false, 0) => None,
        (false, wrong) => Some(format!("PIN 오류 {wrong}회 (5회가 되면 잠깁니다)")),
    };
    view! {
        <div class="cloud-card" data-guide="cloud-card" class:locked=card.locked>
            <p class="cloud-card-brand">"금융인증서"</p>
            {move || match summary.get() {
                None => view! { <p class="loading">"읽는 중…"</p> }.into_any(),
                Some(Err(_)) => view! { <p class="error">"인증서를 읽지 못했습니다."</p> }.into_any(),
                Some(Ok(s)) => {
                    let issuer = Ca::ALL
                        .into_iter()
                        .find(|ca| ca_org(*ca) == s.issuer)
                        .map_or(s.issuer.clone(), |ca| ca.label().to_owned());
                    let term = match RenewalWindow::at(&s.expires, bank.now()) {
                        Some(RenewalWindow::Open { days_left }) => {
                            Some(format!("만료 {days_left}일 전 · 갱신할 수 있습니다"))
                        }
                        Some(RenewalWindow::Expired) => {
                            Some("유효기간이 지났습니다 · 재발급해 주세요".to_owned())
                        }
                        _ => None,
                    };
                    view! {
                        <p class="cloud-card-name">{holder_name(&s.holder).to_owned()}</p>
                        <dl class="cloud-card-facts">
                            <dt>"발급기관"</dt>
                            <dd>{issuer}</dd>
                            <dt>"유효기간"</dt>
                            <dd>{format!("{}까지", s.expires)}</dd>
                        </dl>
                        {term.map(|text| view! { <p class="cloud-card-term">{text}</p> })}
                    }
                        .into_any()
                }
            }}
            {state.map(|text| view! { <p class="cloud-card-state" role="status">{text}</p> })}
        </div>
    }
}
