//! Step 7, 발급 완료 (manual STEP 13): the manual's message, what was issued and where it went,
//! and `확인`, which logs out so that the customer logs in again with the new certificate.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::LastIssued;
use crate::bank::api::IssueMenu;
use crate::contexts::{log_out, use_auth, use_bank};
use crate::wallet::Place;
use crate::wallet::save_npki;

/// Where the customer puts the saved NPKI folder.
fn where_to_put(place: Place) -> &'static str {
    match place {
        Place::Browser => {
            "이 브라우저에 저장되었습니다. 사이트 데이터를 지우면 인증서도 삭제되므로, 아래 단추로 사본(NPKI 폴더)을 저장해 두실 수 있습니다."
        }
        Place::HardDisk => {
            "내려받은 NPKI.zip의 압축을 풀어 NPKI 폴더를 PC의 기본 위치(Windows: C:\\Users\\사용자\\AppData\\LocalLow\\NPKI)에 두세요."
        }
        Place::Removable => {
            "내려받은 NPKI.zip의 압축을 풀어 NPKI 폴더를 USB 드라이브의 맨 위(최상위 폴더)에 두세요."
        }
        Place::Phone => {
            "연습용 은행에는 휴대폰으로 인증서를 보내는 전송 서버가 없습니다. 내려받은 NPKI.zip을 휴대폰의 인증서 가져오기 기능으로 옮기면 같은 인증서를 쓸 수 있습니다."
        }
    }
}

/// Step 7.
#[component]
pub fn DoneStep() -> impl IntoView {
    crate::browser::marks::measure_since(
        crate::browser::marks::ISSUANCE,
        crate::browser::marks::ISSUANCE_START,
    );
    let auth = use_auth();
    let bank = use_bank();
    let navigate = use_navigate();
    let issued = use_context::<LastIssued>()
        .map(|l| l.0)
        .unwrap_or_else(|| RwSignal::new(None));
    let problem = RwSignal::new(None::<String>);
    // A business certificate logs in to 기업뱅킹.
    let banking = match use_context::<IssueMenu>() {
        Some(IssueMenu::Personal) | None => "",
        Some(_) => "&banking=corporate",
    };
    let finish = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        let method = match issued.with_untracked(|i| i.as_ref().map(|(_, s)| *s)) {
            Some(Place::Browser) | None => "browser",
            Some(_) => "npki",
        };
        async move {
            // Leave the protected wizard first, or ending the session would send the customer
            // to the login page with the wizard as the page to come back to.
            navigate(
                &format!("/login?method={method}{banking}"),
                Default::default(),
            );
            issued.set(None);
            log_out(bank, auth).await;
        }
    });

    view! {
        <div class="wizard-step done">
            <p class="done-message" role="status">
                "공인인증서 발급이 완료되었습니다. 다시 로그인후에 사용하기 바랍니다."
            </p>
            {move || {
                issued
                    .get()
                    .map(|(enrolled, storage)| {
                        let record = enrolled.record.clone();
                        view! {
                            <table class="form-table issued-summary">
                                <tbody>
                                    <tr><th scope="row">"구분"</th><td>{record.kind}</td></tr>
                                    <tr><th scope="row">"사용자"</th><td>{record.holder}</td></tr>
                                    <tr><th scope="row">"만료일"</th><td>{record.expires}</td></tr>
                                    <tr><th scope="row">"발급자"</th><td>{record.issuer}</td></tr>
                                    <tr><th scope="row">"저장위치"</th><td>{storage.label()}</td></tr>
                                </tbody>
                            </table>
                            <p class="hint">{where_to_put(storage)}</p>
                            <p class="row">
                                <button
                                    type="button"
                                    class="btn"
                                    on:click=move |_| {
                                        let enrolled = enrolled.clone();
                                        leptos::task::spawn_local(async move {
                                            problem.set(save_npki(&enrolled).await.err().map(|e| e.to_string()));
                                        });
                                    }
                                >
                                    {if storage == Place::Browser {
                                        "인증서 사본 저장 (NPKI.zip)"
                                    } else {
                                        "인증서 파일 다시 저장 (NPKI.zip)"
                                    }}
                                </button>
                            </p>
                        }
                    })
            }}
            <crate::components::ErrorLine message=problem />
            <p class="row actions">
                <button
                    type="button"
                    class="btn primary"
                    data-guide="done-ok"
                    on:click=move |_| {
                        finish.dispatch(());
                    }
                >
                    "확인"
                </button>
            </p>
        </div>
    }
}
