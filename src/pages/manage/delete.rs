//! 브라우저에서 삭제: a stored certificate removed after a warning.

use leptos::prelude::*;

use crate::components::{ActionDialogButtons, Dialog, ErrorLine, outcome};
use crate::store::StoredCertificate;
use crate::wallet;

/// The deletion dialog for `record`.
#[component]
pub fn DeleteDialog(
    record: StoredCertificate,
    /// Called with the notice once it is deleted.
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let delete = Action::new_local(move |_: &()| {
        let id = record.id.clone();
        async move { wallet::remove(&id).await.map_err(|e| e.to_string()) }
    });
    let problem = outcome(delete, move |()| {
        on_done.run("인증서를 이 브라우저에서 삭제했습니다.".to_owned())
    });
    view! {
        <Dialog open=Signal::stored(true) title="인증서 삭제">
            <p class="notice">
                "삭제한 인증서는 되살릴 수 없습니다. 내보내기로 NPKI 파일을 보관하지 않았다면 인증서를 다시 발급받아야 합니다. 삭제할까요?"
            </p>
            <ErrorLine message=problem />
            <ActionDialogButtons label="삭제" action=delete on_cancel guide="delete-ok" />
        </Dialog>
    }
}
