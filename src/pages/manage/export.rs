//! 내보내기: a stored certificate saved as NPKI files (`NPKI.zip`) or as one PKCS#12 file.

use leptos::prelude::*;

use crate::browser::download;
use crate::components::{DialogForm, PasswordInput, paint};
use crate::customer::{export_npki_compatible, export_pfx};
use crate::pki::transfer::PfxCipher;
use crate::store::StoredCertificate;
use crate::wallet::WalletError;

/// `내보내기 (NPKI 파일)`: saves `record` as `NPKI.zip` (its key stays encrypted as stored).
pub async fn export_npki(record: &StoredCertificate) -> Result<String, String> {
    let (certificate, key) = record
        .files()
        .ok_or_else(|| WalletError::Damaged.to_string())?;
    let zip = crate::worker::zip(certificate, key)
        .await
        .map_err(|e| crate::customer::CertError::from(e).to_string())?;
    download(&zip, "NPKI.zip", "application/zip")?;
    Ok(
        "NPKI.zip을 저장했습니다. 압축을 풀면 NPKI 폴더에 signCert.der와 signPri.key가 있습니다."
            .to_owned(),
    )
}

/// Makes a file with `work`, once the busy caption is painted, and saves it as `name`.
async fn save_as<E: std::fmt::Display>(
    work: impl Future<Output = Result<Vec<u8>, E>>,
    name: &str,
    mime: &str,
) -> Result<(), String> {
    paint().await;
    let bytes = work.await.map_err(|e| e.to_string())?;
    download(&bytes, name, mime)
}

/// The PKCS#12 export dialog for `record`.
#[component]
pub fn PfxDialog(
    record: StoredCertificate,
    /// Called with the notice once the file is saved.
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let legacy = RwSignal::new(false);
    let export = Action::new_local(move |_: &()| {
        let (record, password) = (record.clone(), password.get_untracked());
        let cipher = if legacy.get_untracked() {
            PfxCipher::Legacy3Des
        } else {
            PfxCipher::Aes256
        };
        async move {
            let pfx = export_pfx(&record, &password, cipher);
            save_as(pfx, "signCert.pfx", "application/x-pkcs12").await
        }
    });
    view! {
        <DialogForm title="PKCS#12(.pfx)로 내보내기" class="pfx-export" action=export done="signCert.pfx를 저장했습니다. 파일 암호는 인증서 암호와 같습니다." on_done label="내보내기" busy="내보내는 중…" on_cancel>
            <p class="hint">
                "인증서와 개인키를 한 파일(signCert.pfx)로 저장합니다. 파일은 인증서 암호로 보호되며 Windows와 OpenSSL에서 열 수 있습니다."
            </p>
            <div data-guide="pfx-password">
                <PasswordInput id="pfx-password" label="인증서 암호" value=password autocomplete="current-password" />
            </div>
            <label class="check">
                <input id="pfx-legacy" type="checkbox" bind:checked=legacy />
                "구형 방식(3DES)으로 암호화 — Windows 7 등 오래된 프로그램에서 열어야 할 때만 선택하세요"
            </label>
        </DialogForm>
    }
}

/// `내보내기 (구형 NPKI 프로그램용)`: `NPKI.zip` whose `signPri.key` is the classic
/// seedCBCWithSHA1 form older NPKI programs read, after a plain warning that it is weaker.
#[component]
pub fn CompatibleNpkiDialog(
    record: StoredCertificate,
    /// Called with the notice once the file is saved.
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let export = Action::new_local(move |_: &()| {
        let (record, password) = (record.clone(), password.get_untracked());
        async move {
            let zip = export_npki_compatible(&record, &password);
            save_as(zip, "NPKI.zip", "application/zip").await
        }
    });
    view! {
        <DialogForm title="구형 NPKI 프로그램용으로 내보내기" class="npki-compatible-export" action=export done="구형 프로그램용 NPKI.zip을 저장했습니다. 파일 암호는 인증서 암호와 같습니다. 다 쓴 뒤에는 지워 주세요." on_done label="내보내기" busy="내보내는 중…" on_cancel>
            <p class="notice warning">
                "주의: 이 방식(SEED, 암호 확인 2,048회)은 오래된 공인인증서 프로그램이 읽는 형식으로, 기본 내보내기(AES-256, 암호 확인 600,000회)보다 보호가 약합니다. 파일을 남이 가져가면 암호를 알아내기가 훨씬 쉽습니다. 기본 형식을 읽지 못하는 프로그램에 넣을 때만 쓰고, 다 쓴 파일은 지워 주세요."
            </p>
            <PasswordInput id="npki-compatible-password" label="인증서 암호" value=password autocomplete="current-password" />
        </DialogForm>
    }
}
