//! 인증서 관리: the browser certificates of this site, each with its details (subject, issuer,
//! serial, validity, policy and its meaning, key usage, fingerprints), its password change, its
//! export as NPKI files or PKCS#12 (`.pfx`), and its deletion from the browser; and the import
//! of certificates from NPKI files or `.pfx` files into the browser, and 바이오인증 등록/해제. Each dialog is its own
//! component with its own state; the page keeps the list, the choice and the notice.

pub(crate) mod bio;
mod delete;
pub(crate) mod details;
mod export;
mod import;
mod password;

use leptos::prelude::*;

use crate::components::cert_picker::{CertTable, Row};
use crate::components::{ErrorLine, PageTitle, StoredCertificates, outcome};
use crate::store::StoredCertificate;
use crate::wallet;
use bio::{BioDialog, BioSection};
use delete::DeleteDialog;
use details::DetailsTable;
use export::{CompatibleNpkiDialog, PfxDialog, export_npki};
use import::ImportDialog;
use password::PasswordDialog;

/// Which dialog is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Task {
    None,
    Password,
    Delete,
    Pfx,
    CompatibleNpki,
    Import,
    Bio,
}

/// The page.
#[component]
pub fn ManagePage() -> impl IntoView {
    let certificates = LocalResource::new(wallet::list);
    let chosen = RwSignal::new(0usize);
    let task = RwSignal::new(Task::None);
    let notice = RwSignal::new(None::<String>);
    let selected = move || match certificates.get() {
        Some(Ok(list)) => list.get(chosen.get()).cloned(),
        _ => None,
    };
    let open = move |t: Task| {
        notice.set(None);
        task.set(t);
    };
    let on_cancel = Callback::new(move |()| task.set(Task::None));
    let on_done = Callback::new(move |message: String| {
        task.set(Task::None);
        notice.set(Some(message));
        certificates.refetch();
    });
    let on_deleted = Callback::new(move |message: String| {
        chosen.set(0);
        on_done.run(message);
    });
    let export = Action::new_local(move |record: &StoredCertificate| {
        let record = record.clone();
        async move { export_npki(&record).await }
    });
    let export_problem = outcome(export, move |message| notice.set(Some(message)));

    view! {
        <PageTitle title="인증서 관리" trail=&["공인인증서"] />
        <p>"이 브라우저에 저장된 인증서(브라우저인증서)를 확인하고 관리합니다."</p>
        <p class="status" role="status" aria-live="polite">{move || notice.get()}</p>
        <StoredCertificates
            list=certificates
            view=move |list| {
                let rows = list.iter().map(Row::of_stored).collect::<Vec<_>>();
                view! {
                    <div class="manage-list">
                        <CertTable rows=Signal::stored(rows) chosen />
                    </div>
                }
            }
        />
        {move || {
            selected()
                .map(|record| {
                    view! {
                        <Actions record=record.clone() open export />
                        <BioSection record on_register=Callback::new(move |()| open(Task::Bio)) on_done />
                    }
                })
        }}
        <ErrorLine message=export_problem />
        <h3>"인증서 가져오기"</h3>
        <p>
            "다른 PC나 프로그램에서 내보낸 인증서(NPKI 폴더의 signCert.der와 signPri.key, NPKI.zip, 또는 PKCS#12 .pfx/.p12 파일)를 이 브라우저로 가져옵니다."
        </p>
        <p class="row">
            <button type="button" class="btn" data-guide="manage-import" on:click=move |_| open(Task::Import)>
                "인증서 가져오기"
            </button>
        </p>
        {move || {
            let record = selected();
            match (task.get(), record) {
                (Task::Import, _) => view! { <ImportDialog on_done on_cancel /> }.into_any(),
                (Task::Password, Some(record)) => {
                    view! { <PasswordDialog record on_done on_cancel /> }.into_any()
                }
                (Task::Pfx, Some(record)) => view! { <PfxDialog record on_done on_cancel /> }.into_any(),
                (Task::CompatibleNpki, Some(record)) => {
                    view! { <CompatibleNpkiDialog record on_done on_cancel /> }.into_any()
                }
                (Task::Bio, Some(record)) => view! { <BioDialog record on_done on_cancel /> }.into_any(),
                (Task::Delete, Some(record)) => {
                    view! { <DeleteDialog record on_done=on_deleted on_cancel /> }.into_any()
                }
                _ => ().into_any(),
            }
        }}
    }
}

/// The chosen certificate's details and what can be done with it.
#[component]
fn Actions(
    record: StoredCertificate,
    open: impl Fn(Task) + Copy + 'static,
    export: Action<StoredCertificate, Result<String, String>>,
) -> impl IntoView {
    let for_export = record.clone();
    view! {
        <h3>"인증서 상세정보"</h3>
        <DetailsTable record />
        <p class="row actions">
            <button type="button" class="btn primary" on:click=move |_| open(Task::Password)>
                "암호 변경"
            </button>
            <button
                type="button"
                class="btn"
                on:click=move |_| {
                    export.dispatch_local(for_export.clone());
                }
            >
                "내보내기 (NPKI 파일)"
            </button>
            <button type="button" class="btn" data-guide="manage-pfx" on:click=move |_| open(Task::Pfx)>
                "내보내기 (PKCS#12)"
            </button>
            <button type="button" class="btn" on:click=move |_| open(Task::CompatibleNpki)>
                "내보내기 (구형 NPKI 프로그램용)"
            </button>
            <button type="button" class="btn" data-guide="manage-delete" on:click=move |_| open(Task::Delete)>
                "브라우저에서 삭제"
            </button>
        </p>
    }
}
