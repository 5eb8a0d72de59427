//! 암호 변경: the stored key re-encrypted under a new password.

use leptos::prelude::*;

use crate::components::{DialogForm, PasswordInput, paint};
use crate::store::StoredCertificate;
use crate::wallet;

/// The password-change dialog for `record`.
#[component]
pub fn PasswordDialog(
    record: StoredCertificate,
    /// Called with the notice once the new password is stored.
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let old = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let change = Action::new_local(move |_: &()| {
        let record = record.clone();
        let (o, n, a) = (
            old.get_untracked(),
            new.get_untracked(),
            again.get_untracked(),
        );
        async move {
            if n != a {
                return Err("새 암호와 암호 확인이 일치하지 않습니다.".to_owned());
            }
            paint().await;
            wallet::change_password(&record, &o, &n)
                .await
                .map_err(|e| e.to_string())
        }
    });
    view! {
        <DialogForm title="인증서 암호 변경" class="password-change" action=change done="인증서 암호가 변경되었습니다. 다음 로그인부터 새 암호를 사용하세요." on_done label="변경" busy="변경 중…" on_cancel>
            <PasswordInput id="old-password" label="지금 암호" value=old autocomplete="current-password" />
            <PasswordInput id="new-password" label="새 암호" value=new autocomplete="new-password" />
            <PasswordInput id="new-password-again" label="새 암호 확인" value=again autocomplete="new-password" />
            <p class="hint">
                "대소문자 구분하여 영문자/숫자/특수문자를 모두 포함하여 10자리 이상으로 입력해 주세요."
            </p>
        </DialogForm>
    }
}
