//! Step 6, 인증서암호 및 저장위치 확인 (manual STEP 13): where to keep the certificate (the browser
//! by default) and its password, checked against the rule as it is typed. The password never
//! leaves the browser: it will encrypt the private key made here.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{CancelButton, FeeNotice, LastIssued, step_path, use_menu};
use crate::bank::BankApi;
use crate::bank::BankError;
use crate::bank::api::GetIssuance;
use crate::bank::rules::{check_password, password_checks};
use crate::components::{
    Dialog, DialogButtons, ErrorLine, FormButtons, NewPassword, PasswordInput, Radio,
};
use crate::contexts::{use_auth, use_bank};
use crate::customer::{CertError, Enrolled, Prepared, Stage, enroll, prepare};
use crate::wallet::{self, Place, WalletError};
use crate::wizard::Step;

/// Who each place suits, in the manual's words (and ours for the browser).
pub fn explanation(place: Place) -> &'static str {
    match place {
        Place::Browser => {
            "별도 프로그램 없이 이 브라우저에 인증서를 보관하고 바로 로그인에 사용할 고객 (사이트 데이터를 지우면 삭제되므로 내보내기로 사본을 보관하세요)"
        }
        Place::HardDisk => "현재 인증서를 발급받고 있는 PC에서 계속 인터넷뱅킹을 사용하실 고객",
        Place::Removable => {
            "PC방 또는 여러 사람이 사용하는 PC에서 인증서를 발급받고 있는 고객, 인터넷뱅킹을 여러 곳에서 사용할 고객, 인증서를 디스크 또는 USB 등에 소장할 고객"
        }
        Place::Phone => {
            "인증서를 PC 혹은 USB가 아닌 휴대폰에 저장하여 타PC에서 안전하고 편리하게 인증서 전송하여 인터넷뱅킹을 이용하려는 고객 (해당서비스는 스마트폰 뱅킹이 아닌 인터넷뱅킹을 위한 서비스입니다.)"
        }
    }
}

/// Keeps a new certificate where the customer chose: the browser certificate goes into
/// IndexedDB (one record, one transaction); for a disk or a phone the NPKI folder is saved as a
/// zip (step 7 offers it again).
async fn keep(enrolled: &Enrolled, place: Place) -> Result<(), WalletError> {
    match place {
        Place::Browser => wallet::keep_issued(&enrolled.record).await,
        Place::HardDisk | Place::Removable | Place::Phone => wallet::save_npki(enrolled).await,
    }
}

/// Which pop-up is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Popup {
    None,
    Location,
    Password,
}

/// Step 6.
#[component]
pub fn PasswordStep() -> impl IntoView {
    // The key workers start while the customer types the password.
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(crate::worker::warm_up());
    let auth = use_auth();
    let bank = use_bank();
    let popup = RwSignal::new(Popup::None);
    let chosen = RwSignal::new(None::<Place>);
    let new_password = NewPassword::new(check_password, "암호와 암호 확인이 일치하지 않습니다.");
    let (password, again) = (new_password.password, new_password.again);
    let problem = RwSignal::new(None::<String>);

    let last_issued =
        use_context::<LastIssued>().expect("LastIssued is provided by the wizard page");
    let fee_notice = use_context::<FeeNotice>();
    // The key and request of this issuance, kept across retries (a failed save, a refused
    // download) so that a retry is answered with the certificate of the same key.
    let prepared = StoredValue::new_local(None::<Prepared>);
    let stage = RwSignal::new(None::<Stage>);
    // Ticks while issuing: the page stays responsive because the key is made in a worker.
    let started = RwSignal::new(0.0);
    let elapsed = RwSignal::new(0u32);
    if let Ok(ticker) = set_interval_with_handle(
        move || {
            if stage.get_untracked().is_some() {
                elapsed.set(((js_sys::Date::now() - started.get_untracked()) / 1000.0) as u32);
            }
        },
        std::time::Duration::from_millis(250),
    ) {
        on_cleanup(move || ticker.clear());
    }
    let navigate = use_navigate();
    let menu = use_menu();
    // Issuance (manual STEP 13): the bank checks that steps 1 to 5 are done, the worker makes
    // the key, the CA issues, the key is encrypted and kept where the customer chose.
    let issue = Action::new_local(move |pw: &String| {
        let pw = pw.clone();
        let token = bank.token();
        let user_id = auth.user_id().ok_or(BankError::SessionExpired);
        async move {
            let refused = |error: BankError| WalletError::from(CertError::from(error));
            let (token, user_id) = (token.map_err(refused)?, user_id.map_err(refused)?);
            let status = bank
                .call(GetIssuance {
                    token: token.clone(),
                    menu,
                })
                .await
                .map_err(refused)?;
            if !status.progress.is_done(Step::Details) {
                let step = status.progress.current();
                return Err(refused(BankError::OutOfOrder {
                    step: step.number(),
                    title: step.title().to_owned(),
                }));
            }
            let where_to = chosen.get_untracked().unwrap_or(Place::Browser);
            popup.set(Popup::None);
            started.set(js_sys::Date::now());
            elapsed.set(0);
            crate::browser::marks::mark(crate::browser::marks::ISSUANCE_START);
            let show = async |s: Stage| {
                stage.set(Some(s));
                // Lets the browser paint the stage before the next long step.
                crate::components::paint().await;
            };
            let ready = match prepared.get_value() {
                Some(ready) => Ok(ready),
                None => prepare(&bank, token.clone(), show)
                    .await
                    .inspect(|ready| prepared.set_value(Some(ready.clone()))),
            };
            let enrolled = match ready {
                Ok(ready) => enroll(&bank, token, &user_id, &pw, &ready, show).await,
                Err(error) => Err(error),
            };
            let kept = match enrolled {
                Ok(enrolled) => keep(&enrolled, where_to).await.map(|()| enrolled),
                Err(error) => Err(WalletError::from(error)),
            };
            stage.set(None);
            kept.map(|enrolled| (enrolled, where_to))
        }
    });
    // Where the issuance leaves the customer: step 7 with the certificate (the wizard page asks
    // the bank again); step 4 when the fee changed since it was confirmed (it shows the new
    // fee); the password dialog with the reason of any other failure.
    Effect::new(move || {
        issue.value().with(|answer| match answer {
            Some(Ok(issued)) => {
                last_issued.0.set(Some(issued.clone()));
                navigate(&step_path(menu, Step::Done), Default::default());
            }
            Some(Err(WalletError::Certificate(CertError::Bank(
                error @ BankError::FeeChanged { .. },
            )))) => {
                if let Some(FeeNotice(notice)) = fee_notice {
                    notice.set(Some(error.to_string()));
                }
                navigate(&step_path(menu, Step::Fee), Default::default());
            }
            Some(Err(error)) => {
                problem.set(Some(error.to_string()));
                popup.set(Popup::Password);
            }
            None => {}
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match new_password.checked() {
            Ok(password) => {
                problem.set(None);
                issue.dispatch(password);
            }
            Err(message) => problem.set(Some(message)),
        }
    };

    view! {
        <div class="wizard-step password">
            <h3>"인증서암호 및 저장위치 설정"</h3>
            <table class="storage">
                <tbody>
                    {Place::ALL
                        .iter()
                        .map(|s| {
                            view! {
                                <tr>
                                    <th scope="row">{s.label()}</th>
                                    <td>{explanation(*s)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <ErrorLine message=Signal::derive(move || {
                if popup.get() == Popup::None { problem.get() } else { None }
            }) />
            <Show when=move || stage.get().is_some()>
                <div class="issuing" role="status" aria-live="polite">
                    <p class="issuing-title">"인증서 발급 중…"</p>
                    <p>{move || stage.get().map(Stage::label)}</p>
                    <p class="hint">{move || format!("경과 시간 {}초", elapsed.get())}</p>
                </div>
            </Show>
            <p class="row actions">
                <button
                    type="button"
                    class="btn primary"
                    data-guide="save"
                    disabled=move || issue.pending().get()
                    on:click=move |_| {
                        problem.set(None);
                        popup.set(Popup::Location);
                    }
                >
                    "인증서저장"
                </button>
                <CancelButton />
            </p>

            <Show when=move || popup.get() == Popup::Location>
                <LocationDialog
                    chosen=chosen.get_untracked().unwrap_or(Place::Browser)
                    on_chosen=Callback::new(move |where_to| {
                        chosen.set(Some(where_to));
                        problem.set(None);
                        popup.set(Popup::Password);
                    })
                    on_cancel=Callback::new(move |()| popup.set(Popup::None))
                />
            </Show>

            <Dialog open=Signal::derive(move || popup.get() == Popup::Password) title="인증서암호 및 저장위치 설정">
                <form class="password-form" data-guide="cert-password" on:submit=submit novalidate=true>
                    <p>
                        "인증서암호를 입력해 주세요. 대소문자 구분하여 영문자/숫자/특수문자를 모두 반드시 포함하여 최소 10자리 이상으로 입력해 주세요."
                    </p>
                    <p class="hint">{move || format!("저장위치: {}", chosen.get().unwrap_or(Place::Browser).label())}</p>
                    <label for="cert-password">"암호"</label>
                    <input
                        id="cert-password"
                        type="password"
                        autocomplete="new-password"
                        aria-describedby="password-rule"
                        prop:value=password
                        on:input=move |ev| password.set(event_target_value(&ev))
                    />
                    <PasswordInput id="cert-password-again" label="암호 확인" value=again autocomplete="new-password" />
                    <PasswordRules password again />
                    <p class="hint">
                        "공인인증서 비밀번호의 안전성을 위해 6개월마다 변경하실 것을 권고하며, 공인인증서가 저장된 디스크별로 각각 변경 하시기 바랍니다."
                    </p>
                    <ErrorLine message=problem />
                    <FormButtons
                        label="확인"
                        busy="확인"
                        pending=issue.pending()
                        on_cancel=Callback::new(move |()| popup.set(Popup::None))
                    />
                </form>
            </Dialog>
        </div>
    }
}

/// `인증서 저장위치 선택`: where the certificate is to be kept.
#[component]
fn LocationDialog(
    /// The place chosen last time, preselected.
    chosen: Place,
    on_chosen: Callback<Place>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let storage = RwSignal::new(chosen);
    view! {
        <Dialog open=Signal::stored(true) title="인증서 저장위치 선택">
            <div data-guide="location">
            <fieldset class="locations">
                <legend>"저장위치"</legend>
                {Place::ALL
                    .iter()
                    .map(|s| {
                        let s = *s;
                        view! {
                            <Radio name="storage" value=s chosen=storage class="radio block">
                                <strong>{s.label()}</strong>
                                <span class="hint">{explanation(s)}</span>
                            </Radio>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <DialogButtons
                label="확인"
                on_ok=Callback::new(move |()| on_chosen.run(storage.get_untracked()))
                on_cancel
            />
            </div>
        </Dialog>
    }
}

/// The password rule, each part ticked as it is met while the customer types.
#[component]
fn PasswordRules(password: RwSignal<String>, again: RwSignal<String>) -> impl IntoView {
    let matching = move || !again.get().is_empty() && password.get() == again.get();
    view! {
        <ul class="password-rule" id="password-rule" aria-live="polite">
            {move || {
                password_checks(&password.get())
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li class:met=c.met>
                                {if c.met { "✔ " } else { "✘ " }}
                                {c.label}
                            </li>
                        }
                    })
                    .collect_view()
            }}
            <li class:met=matching>
                {move || if matching() { "✔ " } else { "✘ " }}
                "암호 확인 일치"
            </li>
        </ul>
    }
}
