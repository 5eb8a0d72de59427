//! The browser check that replaces the manual's security-program install (STEP 03–04): the
//! browser certificate needs no program, only a browser with these features.

use leptos::prelude::*;

use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use wasm_bindgen::JsValue;

use crate::bank::api::IssueMenu;
use crate::components::{PageTitle, TableHead};
use crate::pages::wizard::wizard_path;
use crate::store::KeyValueStore;

/// The route of this page.
pub const CHECK_PATH: &str = "/center/issue/check";
const CHECKED_KEY: &str = "app.browserChecked";

/// The check's route for the wizard of `menu`, where a pass leads.
pub fn check_path(menu: IssueMenu) -> String {
    format!("{CHECK_PATH}?menu={menu:?}")
}

/// Whether this tab already passed the check.
pub fn browser_checked() -> bool {
    KeyValueStore::Session
        .load::<bool>(CHECKED_KEY)
        .ok()
        .flatten()
        .unwrap_or(false)
}

/// One feature the browser certificate needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What is checked.
    pub name: &'static str,
    /// Why it is needed.
    pub purpose: &'static str,
    /// Whether the browser has it.
    pub passed: bool,
    /// What to do when it is missing.
    pub remedy: &'static str,
}

/// Looks at this browser.
pub fn run_checks() -> Vec<Check> {
    let window = web_sys::window();
    let global = js_sys::global();
    let wasm = js_sys::Reflect::has(&global, &JsValue::from_str("WebAssembly")).unwrap_or(false);
    let indexed_db = window
        .as_ref()
        .and_then(|w| w.indexed_db().ok().flatten())
        .is_some();
    let random = window
        .as_ref()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| {
            let mut probe = [0u8; 32];
            crypto.get_random_values_with_u8_array(&mut probe).is_ok() && probe != [0u8; 32]
        });
    let secure = window.as_ref().is_some_and(|w| w.is_secure_context());
    vec![
        Check {
            name: "WebAssembly",
            purpose: "인증서 키 생성과 서명을 브라우저 안에서 실행합니다.",
            passed: wasm,
            remedy: "최신 Chrome, Edge, Firefox, Safari를 사용해 주세요.",
        },
        Check {
            name: "IndexedDB",
            purpose: "브라우저인증서와 암호화된 개인키를 이 브라우저에 저장합니다.",
            passed: indexed_db,
            remedy: "시크릿(사생활 보호) 창이 아닌 일반 창에서 열고, 사이트 데이터 저장을 허용해 주세요.",
        },
        Check {
            name: "crypto.getRandomValues",
            purpose: "키와 암호화에 쓰는 안전한 난수를 만듭니다.",
            passed: random,
            remedy: "브라우저를 최신 버전으로 업데이트해 주세요.",
        },
        Check {
            name: "보안 연결 (Secure Context)",
            purpose: "HTTPS 또는 이 컴퓨터(localhost)에서만 인증서를 다룹니다.",
            passed: secure,
            remedy: "https:// 주소 또는 http://127.0.0.1 로 접속해 주세요.",
        },
    ]
}

/// The check page.
#[component]
pub fn BrowserCheckPage() -> impl IntoView {
    let checks = RwSignal::new(run_checks());
    let all_passed = move || checks.with(|c| c.iter().all(|c| c.passed));
    let message = RwSignal::new(None::<&'static str>);
    let user_agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let recheck = move |_| {
        checks.set(run_checks());
        message.set(Some(if all_passed() {
            "설치할 프로그램이 없습니다. 모든 점검 항목을 통과했습니다."
        } else {
            "통과하지 못한 항목이 있습니다. 표의 안내에 따라 조치한 뒤 다시 점검해 주세요."
        }));
    };
    let navigate = use_navigate();
    let query = use_query_map();
    let menu = move || {
        [IssueMenu::Corporate, IssueMenu::Tax]
            .into_iter()
            .find(|m| query.read().get_str("menu") == Some(&format!("{m:?}")))
            .unwrap_or_default()
    };
    let proceed = move |_| {
        if all_passed() {
            // Forgetting the pass only means the check is shown once more.
            let _ = KeyValueStore::Session.save(CHECKED_KEY, &true);
            navigate(wizard_path(menu()), Default::default());
        } else {
            message.set(Some(
                "브라우저 점검을 통과하지 못해 인증서를 발급할 수 없습니다. 표의 안내를 확인해 주세요.",
            ));
        }
    };

    view! {
        <PageTitle title="브라우저 환경 점검" trail=&["공인인증서", "인증서 발급/재발급"] />
        <p>
            "안전한 인터넷뱅킹을 위해 보안프로그램 사용을 권장합니다. 브라우저인증서는 별도 프로그램 설치 없이 이 브라우저의 기능만으로 동작하므로, 아래 항목만 점검합니다."
        </p>
        <table class="checks">
            <TableHead columns=&["점검 항목", "용도", "결과"] />
            <tbody>
                {move || {
                    checks
                        .get()
                        .into_iter()
                        .map(|c| {
                            view! {
                                <tr class:failed=!c.passed>
                                    <th scope="row">{c.name}</th>
                                    <td>{c.purpose}</td>
                                    <td>
                                        {if c.passed {
                                            "정상".to_owned()
                                        } else {
                                            format!("미지원 — {}", c.remedy)
                                        }}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
        <p class="row">
            <button class="btn" data-guide="check-install" on:click=recheck>
                "전체설치"
            </button>
            <button class="btn" on:click=recheck>
                "새로고침"
            </button>
            <A href="/" attr:class="btn">
                "홈으로 이동"
            </A>
            <button class="btn primary" data-guide="check-ok" on:click=proceed>
                "확인"
            </button>
        </p>
        <p class="status" role="status" aria-live="polite">
            {move || message.get()}
        </p>
        <ul class="notes">
            <li class="pc-env">"고객님 PC환경 : " {user_agent}</li>
            <li>"[전체설치]와 [새로고침]은 위 항목을 다시 점검합니다. 설치되는 프로그램은 없습니다."</li>
            <li>{move || format!("점검을 통과하면 [확인]을 눌러 {}을 계속하세요.", menu().title())}</li>
        </ul>
    }
}
