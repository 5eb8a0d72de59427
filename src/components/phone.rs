//! The learner's on-screen smartphone with a small `모의은행 스타뱅킹` app: its own certificate
//! store (a database of its own, not the browser's), 스마트폰인증서 복사 in both directions, and
//! certificate login from the phone, so that a learner sees the copy worked. It stays open beside
//! the center while the learner moves between pages.

use leptos::prelude::*;

use super::{ActionForm, ErrorLine, PasswordInput, PhoneCopyReceiver, SubmitLine, outcome, paint};
use crate::bank::BankApi;
use crate::bank::api::{Login, SessionToken};
use crate::contexts::use_bank;
use crate::customer::{self, phone_copy};
use crate::store::StoredCertificate;
use crate::wallet::{self, Place};

/// Whether the phone is shown (provided by the center's frame).
#[derive(Clone, Copy)]
pub struct PhoneOpen(pub RwSignal<bool>);

/// The phone's open state, if a center frame provides one.
pub fn use_phone() -> Option<PhoneOpen> {
    use_context::<PhoneOpen>()
}

/// The app's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Home,
    Receive,
    Send,
    Login,
}

/// The phone, when open.
#[component]
pub fn Phone() -> impl IntoView {
    let open = use_phone().map(|p| p.0);
    // The app (and its store) only while the phone is open, not on every page of the center.
    view! {
        <Show when=move || open.is_some_and(|o| o.get())>
            <PhoneApp open />
        </Show>
    }
}

/// The app on the open phone.
#[component]
fn PhoneApp(open: Option<RwSignal<bool>>) -> impl IntoView {
    let screen = RwSignal::new(Screen::Home);
    // The app's own login (a phone is another device: the PC's session is not its).
    let session = RwSignal::new(None::<SessionToken>);
    let certificates = LocalResource::new(|| wallet::list_in(Place::Phone));
    let chosen = RwSignal::new(0usize);
    let selected = move || match certificates.get() {
        Some(Ok(list)) => list.get(chosen.get()).cloned(),
        _ => None,
    };
    let go = move |s: Screen| move |_| screen.set(s);
    // On a phone it opens below the page (it would cover the page's fields): shown at once.
    let shown = NodeRef::<leptos::html::Aside>::new();
    Effect::new(move || {
        let narrow = window().inner_width().ok().and_then(|w| w.as_f64()) <= Some(800.0);
        if let Some(phone) = shown.get()
            && narrow
        {
            phone.scroll_into_view();
        }
    });
    view! {
        <aside class="star-phone" aria-label="스마트폰 (연습용)" node_ref=shown>
            <div class="star-phone-bar">
                <span>"모의은행 스타뱅킹"</span>
                <button
                    type="button"
                    class="link"
                    aria-label="스마트폰 닫기"
                    on:click=move |_| {
                        if let Some(o) = open {
                            o.set(false);
                        }
                    }
                >
                    "✕"
                </button>
            </div>
            <div class="star-phone-screen">
                {move || match screen.get() {
                    Screen::Home => view! {
                        <h3>"인증센터"</h3>
                        <p class="hint">"스마트폰에 저장된 인증서"</p>
                        <ul class="star-phone-certs">
                            {move || match certificates.get() {
                                None => view! { <li class="loading">"읽는 중…"</li> }.into_any(),
                                Some(Err(e)) => view! { <li class="error">{e.to_string()}</li> }.into_any(),
                                Some(Ok(list)) if list.is_empty() => {
                                    view! { <li class="hint">"저장된 인증서가 없습니다."</li> }.into_any()
                                }
                                Some(Ok(list)) => list
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, c)| {
                                        view! {
                                            <li>
                                                <label>
                                                    <input
                                                        type="radio"
                                                        name="phone-certificate"
                                                        prop:checked=move || chosen.get() == i
                                                        on:change=move |_| chosen.set(i)
                                                    />
                                                    {format!(" {} ({}, {})", c.holder, c.issuer, c.expires)}
                                                </label>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                                    .into_any(),
                            }}
                        </ul>
                        <p class="star-phone-menu">
                            <button type="button" class="btn" data-guide="phone-receive" on:click=go(Screen::Receive)>
                                "PC에서 가져오기"
                            </button>
                            <button type="button" class="btn" data-guide="phone-send" on:click=go(Screen::Send)>
                                "PC로 내보내기"
                            </button>
                            <button type="button" class="btn" on:click=go(Screen::Login)>
                                "인증서 로그인"
                            </button>
                        </p>
                    }
                        .into_any(),
                    Screen::Receive => view! {
                        <h3>"PC에서 가져오기"</h3>
                        {move || match session.get() {
                            Some(token) => view! {
                                <PhoneCopyReceiver
                                    place=Place::Phone
                                    session=token
                                    on_kept=Callback::new(move |()| certificates.refetch())
                                />
                            }
                                .into_any(),
                            None => view! {
                                <PhoneIdLogin on_login=Callback::new(move |token| session.set(Some(token))) />
                            }
                                .into_any(),
                        }}
                    }
                        .into_any(),
                    Screen::Send => match selected() {
                        Some(record) => view! { <PhoneSend record /> }.into_any(),
                        None => view! { <p class="hint">"먼저 인증서를 스마트폰으로 가져와 주세요."</p> }.into_any(),
                    },
                    Screen::Login => match selected() {
                        Some(record) => view! {
                            <PhoneLogin record on_login=Callback::new(move |token| session.set(Some(token))) />
                        }
                            .into_any(),
                        None => view! { <p class="hint">"먼저 인증서를 스마트폰으로 가져와 주세요."</p> }.into_any(),
                    },
                }}
                <Show when=move || screen.get() != Screen::Home>
                    <p>
                        <button type="button" class="btn small" on:click=go(Screen::Home)>
                            "처음으로"
                        </button>
                    </p>
                </Show>
            </div>
        </aside>
    }
}

/// This phone's certificate `record` with the password typed for it, to prove with.
fn proof_of(record: &StoredCertificate, password: String) -> Result<customer::Proof, String> {
    let (certificate, key_file) = record
        .files()
        .ok_or_else(|| "저장된 인증서가 손상되었습니다.".to_owned())?;
    Ok(customer::Proof {
        certificate,
        key_file,
        password,
        origin: window().location().origin().unwrap_or_default(),
    })
}

/// 스마트폰 → PC: the number the PC shows, then the phone certificate's password.
#[component]
fn PhoneSend(record: StoredCertificate) -> impl IntoView {
    let bank = use_bank();
    let number = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let holder = record.holder.clone();
    let send = Action::new_local(move |_: &()| {
        let record = record.clone();
        let (typed, pw) = (number.get_untracked(), password.get_untracked());
        async move {
            paint().await;
            let proof = proof_of(&record, pw)?;
            let outgoing = phone_copy::Outgoing {
                user_id: &record.user_id,
                chain: &record.chain,
                proof: &proof,
            };
            phone_copy::send(&bank, &typed, outgoing)
                .await
                .map_err(|e| e.to_string())
        }
    });
    let sent = RwSignal::new(false);
    let problem = outcome(send, move |()| sent.set(true));
    view! {
        <h3>"PC로 내보내기"</h3>
        <p class="hint">{format!("{holder} 인증서를 PC로 보냅니다. PC 화면의 인증번호를 입력하세요.")}</p>
        <ActionForm action=send class="phone-send" attr:data-guide="phone-send-form">
            <label for="phone-send-number">"인증번호 (12자리)"</label>
            <input id="phone-send-number" inputmode="numeric" autocomplete="off" bind:value=number />
            <PasswordInput id="phone-send-password" label="인증서 암호" value=password />
            <ErrorLine message=problem />
            <Show when=move || sent.get()>
                <p class="notice">"인증서를 보냈습니다. PC 화면에서 저장을 확인하세요."</p>
            </Show>
            <button type="submit" class="btn primary" disabled=move || send.pending().get()>
                "보내기"
            </button>
        </ActionForm>
    }
}

/// Certificate login from the phone's app: the bank's own login, signed on the phone.
#[component]
fn PhoneLogin(
    record: StoredCertificate,
    /// Hears the app's new session.
    on_login: Callback<SessionToken>,
) -> impl IntoView {
    let bank = use_bank();
    let password = RwSignal::new(String::new());
    let login = Action::new_local(move |_: &()| {
        let record = record.clone();
        let pw = password.get_untracked();
        async move {
            paint().await;
            let proof = proof_of(&record, pw)?;
            let corporate = crate::worker::summary(&proof.certificate)
                .await
                .is_ok_and(|summary| summary.business);
            let grant = customer::certificate_login(&bank.for_device(), corporate, &proof)
                .await
                .map_err(|e| e.to_string())?;
            on_login.run(grant.token);
            Ok::<_, String>(grant.customer_name)
        }
    });
    let welcome = RwSignal::new(None::<String>);
    let problem = outcome(login, move |name| welcome.set(Some(name)));
    view! {
        <h3>"인증서 로그인"</h3>
        {move || match welcome.get() {
            Some(name) => view! {
                <p class="notice phone-welcome">{format!("{name} 님, 스타뱅킹에 로그인되었습니다.")}</p>
            }
                .into_any(),
            None => view! {
                <ActionForm action=login class="phone-login">
                    <PasswordInput id="phone-login-password" label="인증서 암호" value=password />
                    <SubmitLine problem=problem label="로그인" pending=login.pending() />
                </ActionForm>
            }
                .into_any(),
        }}
    }
}

/// The app's ID login, which 인증번호 받기 needs: the receiving device proves whose it is.
#[component]
fn PhoneIdLogin(
    /// Hears the app's new session.
    on_login: Callback<SessionToken>,
) -> impl IntoView {
    let bank = use_bank();
    let user_id = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let login = Action::new_local(move |_: &()| {
        let request = Login {
            user_id: user_id.get_untracked(),
            password: password.get_untracked(),
        };
        async move {
            bank.for_device()
                .call(request)
                .await
                .map(|grant| grant.token)
                .map_err(|e| e.to_string())
        }
    });
    let problem = outcome(login, move |token| on_login.run(token));
    view! {
        <p class="hint">"인증번호를 받으려면 스타뱅킹에 로그인하세요. (PC와 같은 아이디, 예: hong01 / Demo!2345)"</p>
        <ActionForm action=login class="phone-id-login" attr:data-guide="phone-id-login">
            <label for="phone-id">"아이디"</label>
            <input id="phone-id" autocomplete="username" bind:value=user_id />
            <PasswordInput id="phone-id-password" label="비밀번호" value=password autocomplete="current-password" />
            <SubmitLine problem=problem label="로그인" pending=login.pending() />
        </ActionForm>
    }
}
