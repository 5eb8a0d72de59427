//! 바이오인증 등록/해제 for a browser certificate: the password opens the key once, the
//! browser's authenticator (fingerprint, face) makes a credential whose PRF output wraps it.

use leptos::prelude::*;

use crate::components::{ActionButton, DialogForm, ErrorLine, PasswordInput, outcome, paint};
use crate::store::StoredCertificate;
use crate::wallet;
use crate::wallet::bio::ip_host;

/// Where 바이오인증 stands for `record`, and its buttons.
#[component]
pub fn BioSection(
    record: StoredCertificate,
    /// Opens the registration dialog.
    on_register: Callback<()>,
    /// Called with the notice once 해제 is done.
    on_done: Callback<String>,
) -> impl IntoView {
    let registered = record.bio.is_some();
    let release = Action::new_local(move |_: &()| {
        let record = record.clone();
        async move {
            wallet::release_bio(&record)
                .await
                .map_err(|e| e.to_string())
        }
    });
    let problem = outcome(release, move |()| {
        on_done.run("바이오인증을 해제했습니다. 이 인증서는 인증서 암호로 이용합니다.".to_owned())
    });
    let buttons = match ip_host() {
        // Another origin has its own storage: say so rather than send the learner there.
        Some(host) => view! {
            <p class="notice bio-needs-localhost">
                {format!(
                    "바이오인증(WebAuthn)은 IP 주소({host})로 연 페이지에서는 쓸 수 없습니다. 주소창의 {host}를 localhost로 바꿔 열어 주세요. 주소가 다르면 브라우저 저장소도 따로라서, localhost에서는 인증서를 다시 발급하거나 가져와야 합니다."
                )}
            </p>
        }
        .into_any(),
        None if registered => view! {
            <p class="row">
                <ActionButton action=release label="바이오인증 해제" />
            </p>
        }
        .into_any(),
        None => view! {
            <p class="row">
                <button type="button" class="btn" data-guide="bio-register" on:click=move |_| on_register.run(())>
                    "바이오인증 등록"
                </button>
            </p>
        }
        .into_any(),
    };
    view! {
        <h3>"바이오인증"</h3>
        <p class="bio-state">
            {if registered {
                "바이오인증이 등록되어 있습니다. 로그인할 때 인증서 암호 대신 지문이나 얼굴 인식을 사용할 수 있습니다."
            } else {
                "바이오인증이 등록되어 있지 않습니다. 등록하면 인증서 암호 입력을 지문이나 얼굴 인식으로 대신할 수 있습니다."
            }}
        </p>
        {buttons}
        <ErrorLine message=problem />
    }
}

/// The registration dialog: the certificate password, then the authenticator's prompt.
#[component]
pub fn BioDialog(
    record: StoredCertificate,
    /// Called with the notice once 바이오인증 is registered.
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let register = Action::new_local(move |_: &()| {
        let record = record.clone();
        let pw = password.get_untracked();
        async move {
            if pw.is_empty() {
                return Err("인증서 암호를 입력해 주세요.".to_owned());
            }
            paint().await;
            wallet::register_bio(&record, &pw)
                .await
                .map_err(|e| e.to_string())
        }
    });
    view! {
        <DialogForm title="바이오인증 등록" class="bio-register" action=register done="바이오인증을 등록했습니다. 다음 로그인부터 [바이오인증]으로 암호 없이 로그인할 수 있습니다." on_done label="등록" busy="등록 중…" on_cancel>
            <p>
                "인증서 암호를 한 번 확인한 뒤, 이 기기의 지문 또는 얼굴 인식을 등록합니다. 인증서 암호는 그대로 쓸 수 있습니다."
            </p>
            <div data-guide="bio-password">
                <PasswordInput id="bio-password" label="인증서 암호" value=password autocomplete="current-password" />
            </div>
        </DialogForm>
    }
}
