//! 인증서 가져오기: NPKI files or a PKCS#12 file brought into this browser.

use leptos::prelude::*;

use crate::components::{DialogForm, PasswordInput, Radio, candidates, paint};
use crate::contexts::use_auth;
use crate::customer::{Incoming, import};
use crate::wallet::{self, WalletError};

/// What the picked files hold: a `.pfx`/`.p12`, else each NPKI pair (a zip may hold several
/// folders), with what the learner picks it by.
async fn incoming(files: web_sys::FileList) -> Result<Vec<(String, Incoming)>, WalletError> {
    let read = wallet::read_files(files).await?;
    let pfx = read.iter().find(|(name, _)| {
        let name = name.to_ascii_lowercase();
        name.ends_with(".pfx") || name.ends_with(".p12")
    });
    if let Some((name, bytes)) = pfx {
        return Ok(vec![(name.clone(), Incoming::Pfx(bytes.clone()))]);
    }
    Ok(candidates(wallet::npki_pairs(&read).await?)
        .await?
        .into_iter()
        .map(|c| {
            let row = &c.row;
            let label = format!("{} ({}, {}까지)", row.holder, row.issuer, row.expires);
            (
                label,
                Incoming::Npki {
                    certificate: c.certificate.clone(),
                    key_file: c.key_file.clone(),
                },
            )
        })
        .collect())
}

/// The import dialog.
#[component]
pub fn ImportDialog(
    /// Called with the notice once the certificate is kept.
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let auth = use_auth();
    let password = RwSignal::new(String::new());
    let picked = RwSignal::new(None::<Result<Vec<(String, Incoming)>, String>>);
    let chosen = RwSignal::new(0usize);
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else { return };
        leptos::task::spawn_local(async move {
            chosen.set(0);
            picked.set(Some(incoming(files).await.map_err(|e| e.to_string())));
        });
    };
    let bring_in = Action::new_local(move |_: &()| {
        let (picked, password) = (picked.get_untracked(), password.get_untracked());
        let user_id = auth.user_id().unwrap_or_default();
        let index = chosen.get_untracked();
        async move {
            let incoming = picked
                .ok_or(
                    "가져올 인증서 파일(NPKI.zip, signCert.der와 signPri.key, 또는 .pfx)을 선택해 주세요.",
                )??
                .into_iter()
                .nth(index)
                .map(|(_, incoming)| incoming)
                .ok_or("가져올 인증서를 골라 주세요.")?;
            paint().await;
            let imported = import(&user_id, incoming, &password)
                .await
                .map_err(|e| e.to_string())?;
            wallet::keep_imported(&imported.record)
                .await
                .map_err(|e| e.to_string())
        }
    });
    let unreadable = Signal::derive(move || picked.get().and_then(Result::err));
    view! {
        <DialogForm title="인증서 가져오기" class="cert-import" action=bring_in before=unreadable done="인증서를 이 브라우저로 가져왔습니다. 개인키는 이 브라우저의 보안 기준(PBKDF2 600,000회, AES-256)으로 다시 암호화했습니다." on_done label="가져오기" busy="가져오는 중…" on_cancel>
            <label for="import-files">"인증서 파일"</label>
            <input id="import-files" data-guide="import-files" type="file" multiple=true accept=".zip,.der,.key,.pfx,.p12" on:change=pick />
            {move || match picked.get() {
                Some(Ok(list)) if list.len() > 1 => view! {
                    <fieldset class="import-choice">
                        <legend>{format!("zip 안에 인증서가 {}개 있습니다. 가져올 인증서를 고르세요.", list.len())}</legend>
                        {list
                            .into_iter()
                            .enumerate()
                            .map(|(i, (label, _))| {
                                view! { <Radio name="import-choice" value=i chosen class="radio block">{label}</Radio> }
                            })
                            .collect_view()}
                    </fieldset>
                }
                    .into_any(),
                _ => ().into_any(),
            }}
            <div data-guide="import-password">
                <PasswordInput id="import-password" label="인증서 암호" value=password />
            </div>
        </DialogForm>
    }
}
