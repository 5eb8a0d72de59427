//! 인증서 발급/재발급 (manual STEP 02–03 and 06–07): the notes and the personal and corporate
//! boxes. Each `바로가기` asks for the browser check once per tab, as the manual's bank asks for
//! its security program, and goes straight to its wizard after that.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::bank::api::IssueMenu;
use crate::components::{Dialog, PageTitle};
use crate::pages::browser_check::{browser_checked, check_path};
use crate::pages::wizard::wizard_path;

/// The issuance notes of STEP 06, in the manual's words with the bank's name replaced.
pub const NOTES: [&str; 7] = [
    "모의은행 지점에서 인터넷뱅킹을 신청한 후 공인인증서를 발급받는 메뉴입니다.",
    "개인사업자와 임의단체가 기업용인증서를 발급받으려면 모의은행 지점에서 사업자등록번호와 납세번호를 등록해야 합니다.",
    "공인인증서가 분실되거나 비밀번호가 유출된 경우, 인증서를 재발급 받아 비밀번호를 변경하는 것이 안전합니다.",
    "재발급하면 기존 공인인증서는 자동으로 폐기되며, 재발급된 공인인증서의 유효기간은 기존 공인인증서의 유효기간과 같습니다. (유효기간 연장은 인증서 만료 30일 전부터 [인증서 갱신] 메뉴를 이용하세요.)",
    "공인인증서는 하드 디스크보다 이동식 저장 장치에 저장하여 사용하는 것이 더 안전하고, 어느 PC에서도 편리하게 이용할 수 있습니다.",
    "공인인증서를 발급(재발급)하거나 갱신(타행·타기관 인증서 포함)한 경우, 당일 포함 4일간 인터넷뱅킹(PC), 스마트폰뱅킹(앱)에서는 대출 신청을 할 수 없으므로 이 점 유의하시기 바랍니다.",
    "인증서 발급 가능시간: 01:00~23:00",
];

/// The issuance menu.
#[component]
pub fn IssuePage() -> impl IntoView {
    view! {
        <PageTitle title="인증서 발급/재발급" trail=&["공인인증서"] notes=&NOTES />
        <div class="issue-boxes">
            <IssueBox
                menu=IssueMenu::Personal
                title="개인용인증서 발급"
                who="개인, 개인사업자, 임의단체 중"
                lines=&["개인인터넷뱅킹을 신청한 고객"]
                guide="/center/guide"
            />
            <IssueBox
                menu=IssueMenu::Corporate
                title="기업용인증서 발급"
                who="법인, 개인사업자, 임의단체 중"
                lines=&[
                    "기업인터넷뱅킹을 신청한 고객",
                    "B2B 전자결제 서비스를 이용하려는 고객",
                    "전자입찰 서비스를 이용하려는 고객",
                ]
                guide="/center/corporate"
            />
        </div>
    }
}

/// A box of an issuance menu: who the wizard of `menu` is for, its `바로가기`, and the
/// issuance guide at `guide`, if there is one.
#[component]
pub fn IssueBox(
    menu: IssueMenu,
    title: &'static str,
    /// Who may apply, above the list.
    who: &'static str,
    lines: &'static [&'static str],
    #[prop(optional)] guide: Option<&'static str>,
) -> impl IntoView {
    view! {
        <article class="issue-box">
            <h2>{title}</h2>
            <p>{who}</p>
            <ul>{lines.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
            <p class="row">
                <GoButton menu />
                {guide.map(|href| view! { <A href=href attr:class="btn">"발급안내"</A> })}
            </p>
        </article>
    }
}

/// A wizard's `바로가기`: straight to it once this tab passed the browser check; otherwise the
/// manual's install message first, then the check.
#[component]
pub fn GoButton(menu: IssueMenu) -> impl IntoView {
    let asking = RwSignal::new(false);
    let navigate = use_navigate();
    let go = move |_| {
        if browser_checked() {
            navigate(wizard_path(menu), Default::default());
        } else {
            asking.set(true);
        }
    };
    let navigate = use_navigate();

    view! {
        <button
            class="btn primary"
            data-guide=match menu {
                IssueMenu::Personal => "personal-issue",
                IssueMenu::Corporate => "corporate-issue",
                IssueMenu::Tax => "tax-issue",
                IssueMenu::Cloud => "cloud-issue",
            }
            on:click=go
        >
            "바로가기"
        </button>
        <Dialog open=asking.into() title="웹 페이지 메시지">
            <p>"공인인증프로그램을 설치하셔야만 이용이 가능한 서비스입니다."</p>
            <p>
                "[확인]을 선택하시면 설치페이지로 연결됩니다. (브라우저인증서는 설치 없이 브라우저 환경만 점검합니다.)"
            </p>
            <p class="row">
                <button
                    class="btn primary"
                    data-guide="install-ok"
                    on:click={
                        let navigate = navigate.clone();
                        move |_| {
                            asking.set(false);
                            navigate(&check_path(menu), Default::default());
                        }
                    }
                >
                    "확인"
                </button>
                <button class="btn" on:click=move |_| asking.set(false)>
                    "취소"
                </button>
            </p>
        </Dialog>
    }
}
