//! The certificate-selection dialog (manual STEP 14, `인증서 선택`): the certificates of one
//! place (this browser's IndexedDB, or NPKI files picked from a disk) listed as 구분, 사용자,
//! 만료일, 발급자, and the certificate password.

use leptos::prelude::*;

use super::TableHead;
use wasm_bindgen::JsCast;

use super::Dialog;
use crate::wallet::{self, Place, WalletError};

/// Where the list comes from, as the dialog says it: a place's store, or NPKI files from
/// either disk.
fn place_line(place: Place) -> &'static str {
    match place {
        Place::Browser => "저장위치: 브라우저",
        Place::Phone => "저장위치: 스마트폰",
        Place::HardDisk | Place::Removable => "저장위치: 하드디스크·이동식 디스크 (NPKI 파일)",
    }
}

/// One certificate in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// What the list shows of it.
    pub row: Row,
    /// The certificate, DER.
    pub certificate: Vec<u8>,
    /// The encrypted key file.
    pub key_file: Vec<u8>,
    /// The stored record, for a browser certificate.
    pub stored: Option<crate::store::StoredCertificate>,
}

/// Certificates from files with the rows they show (read in the key worker); a certificate
/// that does not parse is the Korean reason.
pub async fn candidates(pairs: Vec<(Vec<u8>, Vec<u8>)>) -> Result<Vec<Candidate>, WalletError> {
    let unreadable = || WalletError::Files("signCert.der가 인증서 파일이 아닙니다.".to_owned());
    let summaries = crate::worker::summaries(pairs.iter().map(|(c, _)| c.clone()).collect())
        .await
        .map_err(|_| unreadable())?;
    pairs
        .into_iter()
        .zip(summaries)
        .map(|((certificate, key_file), summary)| {
            let summary = summary.ok_or_else(unreadable)?;
            Ok(Candidate {
                row: Row {
                    kind: summary.kind,
                    holder: summary.holder,
                    expires: summary.expires,
                    issuer: summary.issuer,
                },
                certificate,
                key_file,
                stored: None,
            })
        })
        .collect()
}

/// The certificates kept in `place`'s store, as candidates.
async fn stored(place: Place) -> Result<Vec<Candidate>, WalletError> {
    wallet::list_in(place)
        .await?
        .iter()
        .map(|r| {
            let (certificate, key_file) = r.files().ok_or(WalletError::Damaged)?;
            Ok(Candidate {
                row: Row::of_stored(r),
                certificate,
                key_file,
                stored: Some(r.clone()),
            })
        })
        .collect()
}

/// The certificates in picked files (a zip may hold several folders: each is a row).
async fn from_files(files: web_sys::FileList) -> Result<Vec<Candidate>, WalletError> {
    candidates(wallet::npki_pairs(&wallet::read_files(files).await?).await?).await
}

/// What one row of the list shows: 구분, 사용자, 만료일, 발급자.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 구분.
    pub kind: String,
    /// 사용자.
    pub holder: String,
    /// 만료일.
    pub expires: String,
    /// 발급자.
    pub issuer: String,
}

impl Row {
    /// The row of a browser certificate.
    pub fn of_stored(c: &crate::store::StoredCertificate) -> Self {
        Self {
            kind: c.kind.clone(),
            holder: c.holder.clone(),
            expires: c.expires.clone(),
            issuer: c.issuer.clone(),
        }
    }
}

/// The certificate list of the selection dialog and of 인증서 관리: one radio row each.
#[component]
pub fn CertTable(
    /// The rows.
    rows: Signal<Vec<Row>>,
    /// The index of the chosen row.
    chosen: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <table class="cert-list">
            <TableHead columns=&["선택", "구분", "사용자", "만료일", "발급자"] />
            <tbody>
                {move || {
                    rows.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            view! {
                                <tr class:selected=move || chosen.get() == i on:click=move |_| chosen.set(i)>
                                    <td>
                                        <input
                                            type="radio"
                                            name="certificate"
                                            aria-label=format!("{} {}", c.holder, c.expires)
                                            prop:checked=move || chosen.get() == i
                                            on:change=move |_| chosen.set(i)
                                        />
                                    </td>
                                    <td>{c.kind}</td>
                                    <td>{c.holder}</td>
                                    <td>{c.expires}</td>
                                    <td>{c.issuer}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// The dialog. `on_confirm` gets the chosen certificate and the typed password; `error` shows
/// what went wrong with it, `busy` disables `확인` while the caller works.
#[component]
pub fn CertificatePicker(
    /// Which certificates, or `None` when closed.
    source: RwSignal<Option<Place>>,
    /// Called with the choice and the password.
    on_confirm: Callback<(Candidate, String)>,
    /// The caller's message about the last attempt.
    error: Signal<Option<String>>,
    /// Whether the caller is working on the last attempt.
    busy: Signal<bool>,
    /// Called with the choice when `바이오인증` is pressed (offered only where given, for a
    /// certificate with 바이오인증 registered).
    #[prop(optional)]
    on_bio: Option<Callback<Candidate>>,
) -> impl IntoView {
    let candidates = RwSignal::new(Vec::<Candidate>::new());
    let chosen = RwSignal::new(0usize);
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let loaded = RwSignal::new(false);
    // Opening on a store lists it; opening on a disk waits for picked files.
    Effect::new(move || {
        let opened = source.get();
        candidates.set(Vec::new());
        chosen.set(0);
        password.set(String::new());
        problem.set(None);
        loaded.set(false);
        if let Some(place) = opened.filter(|place| !place.is_disk()) {
            leptos::task::spawn_local(async move {
                match stored(place).await {
                    Ok(list) => candidates.set(list),
                    Err(error) => problem.set(Some(error.to_string())),
                }
                loaded.set(true);
            });
        }
    });
    let pick_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else { return };
        leptos::task::spawn_local(async move {
            match from_files(files).await {
                Ok(list) => {
                    problem.set(None);
                    candidates.set(list);
                }
                Err(error) => {
                    candidates.set(Vec::new());
                    problem.set(Some(error.to_string()));
                }
            }
            loaded.set(true);
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let list = candidates.get_untracked();
        let Some(choice) = list.get(chosen.get_untracked()).cloned() else {
            problem.set(Some("인증서를 선택해 주세요.".to_owned()));
            return;
        };
        let pw = password.get_untracked();
        if pw.is_empty() {
            problem.set(Some("인증서 암호를 입력해 주세요.".to_owned()));
            return;
        }
        problem.set(None);
        on_confirm.run((choice, pw));
    };
    let place = move || source.get().map(place_line).unwrap_or_default();
    let bio_choice = move || {
        on_bio?;
        candidates.with(|list| {
            list.get(chosen.get())
                .filter(|c| c.stored.as_ref().is_some_and(|r| r.bio.is_some()))
                .cloned()
        })
    };

    view! {
        <Dialog open=Signal::derive(move || source.get().is_some()) title="인증서 선택">
            <form class="cert-picker" on:submit=submit novalidate=true>
                <p class="hint">{place}</p>
                <Show when=move || source.get().is_some_and(Place::is_disk)>
                    <label for="npki-files">"인증서 파일 (NPKI.zip 또는 signCert.der와 signPri.key)"</label>
                    <input
                        id="npki-files"
                        data-guide="picker-files"
                        type="file"
                        multiple=true
                        accept=".zip,.der,.key"
                        on:change=pick_files
                    />
                </Show>
                <CertTable
                    attr:data-guide="picker-list"
                    rows=Signal::derive(move || {
                        candidates.with(|list| list.iter().map(|c| c.row.clone()).collect())
                    })
                    chosen
                />
                <Show when=move || loaded.get() && candidates.with(Vec::is_empty) && problem.get().is_none()>
                    <p class="notice">
                        {move || match source.get() {
                            Some(Place::Browser) => "이 브라우저에 저장된 인증서가 없습니다. 공인인증센터의 인증서 발급/재발급에서 저장위치를 브라우저로 발급받으세요.",
                            _ => "선택한 파일에서 인증서를 찾지 못했습니다.",
                        }}
                    </p>
                </Show>
                <label for="cert-login-password">"인증서 암호"</label>
                <input
                    id="cert-login-password"
                    type="password"
                    data-guide="picker-password"
                    autocomplete="off"
                    prop:value=password
                    on:input=move |ev| password.set(event_target_value(&ev))
                />
                <p class="error" role="alert" aria-live="assertive">
                    {move || problem.get().or_else(|| error.get())}
                </p>
                <p class="row">
                    <button type="submit" class="btn primary" data-guide="picker-ok" disabled=move || busy.get()>
                        {move || if busy.get() { "확인 중…" } else { "확인" }}
                    </button>
                    {move || {
                        bio_choice()
                            .map(|choice| {
                                view! {
                                    <button
                                        type="button"
                                        class="btn bio"
                                        data-guide="picker-bio"
                                        disabled=move || busy.get()
                                        on:click=move |_| {
                                            if let Some(on_bio) = on_bio {
                                                on_bio.run(choice.clone());
                                            }
                                        }
                                    >
                                        "바이오인증"
                                    </button>
                                }
                            })
                    }}
                    <button type="button" class="btn" on:click=move |_| source.set(None)>
                        "취소"
                    </button>
                </p>
                {move || {
                    bio_choice()
                        .map(|_| {
                            view! {
                                <p class="hint bio-hint">
                                    "이 인증서는 바이오인증이 등록되어 있습니다. [바이오인증]을 누르면 암호 대신 지문이나 얼굴 인식으로 로그인합니다."
                                </p>
                            }
                        })
                }}
            </form>
        </Dialog>
    }
}

/// The target of an event as `T`.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target()
        .expect("an input event has a target")
        .unchecked_into()
}
