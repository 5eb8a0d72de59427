//! 인증서 관리: the browser certificates of this site, each with its details (subject, issuer,
//! serial, validity, policy and its meaning, key usage, fingerprints), its password change, its
//! export as NPKI files or PKCS#12 (`.pfx`), and its deletion from the browser; and the import
//! of certificates from NPKI files or `.pfx` files into the browser.

use leptos::prelude::*;

use crate::components::cert_picker::{CertTable, Row, browser_certificates, npki_pair, read_files};
use crate::components::{Dialog, PageTitle, download};
use crate::contexts::use_auth;
use crate::enroll::{Incoming, change_password, export_pfx, import};
use crate::pki::npki;
use crate::pki::transfer::PfxCipher;
use crate::store::{CertStore, StoredCertificate};

/// What the page is doing with the chosen certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Task {
    None,
    Password,
    Delete,
    Pfx,
    Import,
}

const DAMAGED: &str = "저장된 인증서가 손상되었습니다.";

/// The details table of one certificate.
#[component]
fn DetailsTable(record: StoredCertificate) -> impl IntoView {
    let details = record
        .files()
        .ok_or_else(|| DAMAGED.to_owned())
        .and_then(|(certificate, _)| npki::details(&certificate).map_err(|e| e.to_string()));
    match details {
        Ok(d) => {
            let policies = d
                .policies
                .iter()
                .map(|(oid, meaning)| match meaning {
                    Some(m) => format!("{oid} ({m})"),
                    None => oid.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <table class="form-table cert-details">
                    <tbody>
                        <tr><th scope="row">"소유자"</th><td>{d.subject}</td></tr>
                        <tr><th scope="row">"발급자"</th><td>{d.issuer}</td></tr>
                        <tr><th scope="row">"일련번호"</th><td class="serial">{d.serial}</td></tr>
                        <tr><th scope="row">"유효기간"</th><td>{format!("{} ~ {} (한국시간)", d.not_before, d.not_after)}</td></tr>
                        <tr><th scope="row">"인증서 정책"</th><td>{policies}</td></tr>
                        <tr><th scope="row">"키 용도"</th><td>{d.key_usage.join(", ")}</td></tr>
                        <tr><th scope="row">"지문 (SHA-256)"</th><td class="serial">{d.sha256}</td></tr>
                        <tr><th scope="row">"지문 (SHA-1)"</th><td class="serial">{d.sha1}</td></tr>
                    </tbody>
                </table>
            }
            .into_any()
        }
        Err(e) => {
            view! { <p class="error">{format!("인증서를 읽을 수 없습니다: {e}")}</p> }.into_any()
        }
    }
}

/// The page.
#[component]
pub fn ManagePage() -> impl IntoView {
    let certificates = RwSignal::new(None::<Result<Vec<StoredCertificate>, String>>);
    let chosen = RwSignal::new(0usize);
    let task = RwSignal::new(Task::None);
    let notice = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let old = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let reload = move || {
        leptos::task::spawn_local(async move {
            certificates.set(Some(browser_certificates().await));
        })
    };
    reload();
    let selected = move || {
        certificates.with(|c| match c {
            Some(Ok(list)) => list.get(chosen.get()).cloned(),
            _ => None,
        })
    };
    let open = move |t: Task| {
        old.set(String::new());
        new.set(String::new());
        again.set(String::new());
        problem.set(None);
        notice.set(None);
        task.set(t);
    };

    let change = Action::new_local(move |record: &StoredCertificate| {
        let record = record.clone();
        let (o, n, a) = (
            old.get_untracked(),
            new.get_untracked(),
            again.get_untracked(),
        );
        async move {
            if n != a {
                problem.set(Some("새 암호와 암호 확인이 일치하지 않습니다.".to_owned()));
                return;
            }
            // Lets `변경 중…` paint before the key is re-encrypted.
            gloo_timers::future::TimeoutFuture::new(30).await;
            let replaced = match change_password(&record, &o, &n).await {
                Ok(updated) => match CertStore::open().await {
                    Ok(store) => {
                        let done = store.replace(Some(&record.id), &updated).await;
                        store.close();
                        done.map_err(|e| format!("새 암호로 저장하지 못했습니다 ({e})."))
                    }
                    Err(e) => Err(format!("브라우저 저장소를 열 수 없습니다 ({e}).")),
                },
                Err(message) => Err(message),
            };
            match replaced {
                Ok(()) => {
                    task.set(Task::None);
                    notice.set(Some(
                        "인증서 암호가 변경되었습니다. 다음 로그인부터 새 암호를 사용하세요."
                            .to_owned(),
                    ));
                    reload();
                }
                Err(message) => problem.set(Some(message)),
            }
        }
    });
    let delete = Action::new_local(move |id: &String| {
        let id = id.clone();
        async move {
            let deleted = match CertStore::open().await {
                Ok(store) => {
                    let done = store.delete(&id).await;
                    store.close();
                    done.map_err(|e| format!("삭제하지 못했습니다 ({e})."))
                }
                Err(e) => Err(format!("브라우저 저장소를 열 수 없습니다 ({e}).")),
            };
            match deleted {
                Ok(()) => {
                    task.set(Task::None);
                    chosen.set(0);
                    notice.set(Some("인증서를 이 브라우저에서 삭제했습니다.".to_owned()));
                    reload();
                }
                Err(message) => problem.set(Some(message)),
            }
        }
    });
    let legacy = RwSignal::new(false);
    let pfx = Action::new_local(move |record: &StoredCertificate| {
        let (record, password) = (record.clone(), old.get_untracked());
        let cipher = if legacy.get_untracked() {
            PfxCipher::Legacy3Des
        } else {
            PfxCipher::Aes256
        };
        async move {
            gloo_timers::future::TimeoutFuture::new(30).await;
            let saved = export_pfx(&record, &password, cipher)
                .await
                .and_then(|bytes| download(&bytes, "signCert.pfx", "application/x-pkcs12"));
            match saved {
                Ok(()) => {
                    task.set(Task::None);
                    notice.set(Some(
                        "signCert.pfx를 저장했습니다. 파일 암호는 인증서 암호와 같습니다."
                            .to_owned(),
                    ));
                }
                Err(message) => problem.set(Some(message)),
            }
        }
    });
    let auth = use_auth();
    let picked = RwSignal::new(None::<Result<Incoming, String>>);
    let pick = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(files) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let incoming = match read_files(files).await {
                Ok(read) => match read.iter().find(|(name, _)| {
                    let name = name.to_ascii_lowercase();
                    name.ends_with(".pfx") || name.ends_with(".p12")
                }) {
                    Some((_, bytes)) => Ok(Incoming::Pfx(bytes.clone())),
                    None => npki_pair(&read)
                        .await
                        .map(|(certificate, key_file)| Incoming::Npki {
                            certificate,
                            key_file,
                        }),
                },
                Err(message) => Err(message),
            };
            problem.set(incoming.as_ref().err().cloned());
            picked.set(Some(incoming));
        });
    };
    let bring_in = Action::new_local(move |_: &()| {
        let (incoming, password) = (picked.get_untracked(), old.get_untracked());
        let user_id = auth.user_id().unwrap_or_default();
        async move {
            let Some(Ok(incoming)) = incoming else {
                problem.set(Some(
                    "가져올 인증서 파일(NPKI.zip, signCert.der와 signPri.key, 또는 .pfx)을 선택해 주세요."
                        .to_owned(),
                ));
                return;
            };
            gloo_timers::future::TimeoutFuture::new(30).await;
            let stored = match import(&user_id, incoming, &password).await {
                Ok(imported) => match CertStore::open().await {
                    Ok(store) => {
                        let done = store.add(&imported.record).await;
                        store.close();
                        done.map_err(|_| "이미 이 브라우저에 저장된 인증서입니다.".to_owned())
                    }
                    Err(e) => Err(format!("브라우저 저장소를 열 수 없습니다 ({e}).")),
                },
                Err(message) => Err(message),
            };
            match stored {
                Ok(()) => {
                    task.set(Task::None);
                    picked.set(None);
                    notice.set(Some(
                        "인증서를 이 브라우저로 가져왔습니다. 개인키는 이 브라우저의 보안 기준(PBKDF2 600,000회, AES-256)으로 다시 암호화했습니다."
                            .to_owned(),
                    ));
                    reload();
                }
                Err(message) => problem.set(Some(message)),
            }
        }
    });
    let export = move |record: StoredCertificate| {
        leptos::task::spawn_local(async move {
            let saved = match record.files() {
                Some((certificate, key)) => crate::worker::zip(certificate, key)
                    .await
                    .map_err(|e| e.to_string())
                    .and_then(|zip| download(&zip, "NPKI.zip", "application/zip")),
                None => Err(DAMAGED.to_owned()),
            };
            match saved {
            Ok(()) => notice.set(Some(
                "NPKI.zip을 저장했습니다. 압축을 풀면 NPKI 폴더에 signCert.der와 signPri.key가 있습니다."
                    .to_owned(),
            )),
            Err(message) => problem.set(Some(message)),
        }
        })
    };

    view! {
        <PageTitle title="인증서 관리" trail=&["공인인증서"] />
        <p>"이 브라우저에 저장된 인증서(브라우저인증서)를 확인하고 관리합니다."</p>
        <p class="status" role="status" aria-live="polite">{move || notice.get()}</p>
        {move || match certificates.get() {
            None => view! { <p class="loading">"저장된 인증서를 읽는 중입니다…"</p> }.into_any(),
            Some(Err(message)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => {
                view! {
                    <p class="notice">
                        "이 브라우저에 저장된 인증서가 없습니다. "
                        <a href="/center/issue">"인증서 발급/재발급"</a>
                        "에서 저장위치를 브라우저로 발급받으세요."
                    </p>
                }
                    .into_any()
            }
            Some(Ok(list)) => {
                let rows = list.iter().map(Row::of_stored).collect::<Vec<_>>();
                view! {
                    <div class="manage-list">
                        <CertTable rows=Signal::stored(rows) chosen />
                    </div>
                }
                    .into_any()
            }
        }}
        {move || {
            selected()
                .map(|record| {
                    let for_export = record.clone();
                    view! {
                        <h3>"인증서 상세정보"</h3>
                        <DetailsTable record=record.clone() />
                        <p class="row actions">
                            <button type="button" class="btn primary" on:click=move |_| open(Task::Password)>
                                "암호 변경"
                            </button>
                            <button
                                type="button"
                                class="btn"
                                on:click=move |_| export(for_export.clone())
                            >
                                "내보내기 (NPKI 파일)"
                            </button>
                            <button type="button" class="btn" on:click=move |_| open(Task::Pfx)>
                                "내보내기 (PKCS#12)"
                            </button>
                            <button type="button" class="btn" on:click=move |_| open(Task::Delete)>
                                "브라우저에서 삭제"
                            </button>
                        </p>
                    }
                })
        }}
        <p class="error" role="alert" aria-live="assertive">
            {move || (task.get() == Task::None).then(|| problem.get()).flatten()}
        </p>
        <h3>"인증서 가져오기"</h3>
        <p>
            "다른 PC나 프로그램에서 내보낸 인증서(NPKI 폴더의 signCert.der와 signPri.key, NPKI.zip, 또는 PKCS#12 .pfx/.p12 파일)를 이 브라우저로 가져옵니다."
        </p>
        <p class="row">
            <button type="button" class="btn" on:click=move |_| {
                picked.set(None);
                open(Task::Import);
            }>
                "인증서 가져오기"
            </button>
        </p>

        <Dialog open=Signal::derive(move || task.get() == Task::Pfx) title="PKCS#12(.pfx)로 내보내기">
            <form
                class="pfx-export"
                novalidate=true
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if let Some(record) = selected() {
                        pfx.dispatch(record);
                    }
                }
            >
                <p class="hint">
                    "인증서와 개인키를 한 파일(signCert.pfx)로 저장합니다. 파일은 인증서 암호로 보호되며 Windows와 OpenSSL에서 열 수 있습니다."
                </p>
                <label for="pfx-password">"인증서 암호"</label>
                <input id="pfx-password" type="password" autocomplete="current-password" prop:value=old on:input=move |ev| old.set(event_target_value(&ev)) />
                <label class="check">
                    <input id="pfx-legacy" type="checkbox" prop:checked=legacy on:change=move |ev| legacy.set(event_target_checked(&ev)) />
                    "구형 방식(3DES)으로 암호화 — Windows 7 등 오래된 프로그램에서 열어야 할 때만 선택하세요"
                </label>
                <p class="error" role="alert" aria-live="assertive">{move || problem.get()}</p>
                <p class="row">
                    <button type="submit" class="btn primary" disabled=move || pfx.pending().get()>
                        {move || if pfx.pending().get() { "내보내는 중…" } else { "내보내기" }}
                    </button>
                    <button type="button" class="btn" on:click=move |_| task.set(Task::None)>"취소"</button>
                </p>
            </form>
        </Dialog>

        <Dialog open=Signal::derive(move || task.get() == Task::Import) title="인증서 가져오기">
            <form
                class="cert-import"
                novalidate=true
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    bring_in.dispatch(());
                }
            >
                <label for="import-files">"인증서 파일"</label>
                <input id="import-files" type="file" multiple=true accept=".zip,.der,.key,.pfx,.p12" on:change=pick />
                <label for="import-password">"인증서 암호"</label>
                <input id="import-password" type="password" autocomplete="off" prop:value=old on:input=move |ev| old.set(event_target_value(&ev)) />
                <p class="error" role="alert" aria-live="assertive">{move || problem.get()}</p>
                <p class="row">
                    <button type="submit" class="btn primary" disabled=move || bring_in.pending().get()>
                        {move || if bring_in.pending().get() { "가져오는 중…" } else { "가져오기" }}
                    </button>
                    <button type="button" class="btn" on:click=move |_| task.set(Task::None)>"취소"</button>
                </p>
            </form>
        </Dialog>

        <Dialog open=Signal::derive(move || task.get() == Task::Password) title="인증서 암호 변경">
            <form
                class="password-change"
                novalidate=true
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if let Some(record) = selected() {
                        change.dispatch(record);
                    }
                }
            >
                <label for="old-password">"지금 암호"</label>
                <input id="old-password" type="password" autocomplete="current-password" prop:value=old on:input=move |ev| old.set(event_target_value(&ev)) />
                <label for="new-password">"새 암호"</label>
                <input id="new-password" type="password" autocomplete="new-password" prop:value=new on:input=move |ev| new.set(event_target_value(&ev)) />
                <label for="new-password-again">"새 암호 확인"</label>
                <input id="new-password-again" type="password" autocomplete="new-password" prop:value=again on:input=move |ev| again.set(event_target_value(&ev)) />
                <p class="hint">"대소문자 구분하여 영문자/숫자/특수문자를 모두 포함하여 10자리 이상으로 입력해 주세요."</p>
                <p class="error" role="alert" aria-live="assertive">{move || problem.get()}</p>
                <p class="row">
                    <button type="submit" class="btn primary" disabled=move || change.pending().get()>
                        {move || if change.pending().get() { "변경 중…" } else { "변경" }}
                    </button>
                    <button type="button" class="btn" on:click=move |_| task.set(Task::None)>"취소"</button>
                </p>
            </form>
        </Dialog>

        <Dialog open=Signal::derive(move || task.get() == Task::Delete) title="인증서 삭제">
            <p class="notice">
                "삭제한 인증서는 되살릴 수 없습니다. 내보내기로 NPKI 파일을 보관하지 않았다면 인증서를 다시 발급받아야 합니다. 삭제할까요?"
            </p>
            <p class="error" role="alert">{move || problem.get()}</p>
            <p class="row">
                <button
                    type="button"
                    class="btn primary"
                    disabled=move || delete.pending().get()
                    on:click=move |_| {
                        if let Some(record) = selected() {
                            delete.dispatch(record.id);
                        }
                    }
                >
                    "삭제"
                </button>
                <button type="button" class="btn" on:click=move |_| task.set(Task::None)>"취소"</button>
            </p>
        </Dialog>
    }
}
