//! The center's guide pages: each menu entry that is a guide (or whose service is described
//! before it is offered here) reads its text from [`SECTIONS`].

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::PageTitle;
use crate::pages::NotFound;

/// One guide page.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// The last path segment under `/center/`.
    pub slug: &'static str,
    /// The title, in the menu's words.
    pub title: &'static str,
    /// The tab it belongs to, for the breadcrumb.
    pub trail: &'static [&'static str],
    /// The guide's paragraphs.
    pub paragraphs: &'static [&'static str],
    /// Related pages.
    pub links: &'static [(&'static str, &'static str)],
}

const CERT: &[&str] = &["공인인증서"];
const ISSUE_LINK: (&str, &str) = ("인증서 발급/재발급", "/center/issue");

/// Every guide page.
pub const SECTIONS: &[Section] = &[
    Section {
        slug: "hsm",
        title: "보안토큰(HSM) 안내",
        trail: CERT,
        paragraphs: &[
            "보안토큰(HSM)은 인증서의 개인키를 기기 밖으로 꺼낼 수 없도록 보관하는 USB 형태의 저장장치입니다.",
            "모의은행 연습 환경에서는 보안토큰을 사용하지 않습니다. 브라우저인증서는 개인키를 암호로 암호화해 브라우저 저장소에 보관합니다.",
        ],
        links: &[("브라우저 인증서 안내", "/center/browser-guide")],
    },
    Section {
        slug: "browser-guide",
        title: "브라우저 인증서 안내",
        trail: CERT,
        paragraphs: &[
            "브라우저인증서는 하드디스크나 USB 대신 이 사이트의 브라우저 저장소(IndexedDB)에 보관하는 인증서입니다. 별도의 보안프로그램 설치가 필요 없습니다.",
            "키 쌍은 고객님의 브라우저 안에서 만들어지며, 개인키는 인증서 암호로 암호화(PBES2, AES-256)되어 저장됩니다. 은행에는 공개키만 전달됩니다.",
            "브라우저의 사이트 데이터(쿠키 및 기타 사이트 데이터)를 삭제하면 브라우저인증서도 삭제됩니다. [인증서 관리]에서 내보내기로 사본을 보관하세요.",
        ],
        links: &[ISSUE_LINK, ("인증서 관리", "/center/manage")],
    },
    Section {
        slug: "guide",
        title: "공인인증서 발급안내",
        trail: CERT,
        paragraphs: &[
            "1. 공인인증센터에서 [인증서 발급/재발급]의 [바로가기]를 누릅니다.",
            "2. 개인용인증서 발급의 [바로가기]를 누르고, 처음이라면 브라우저 환경 점검을 통과합니다.",
            "3. 아이디로 로그인합니다. (연습용 계정은 로그인 화면에 안내되어 있습니다.)",
            "4. 약관에 동의하고 주민등록번호를 입력해 본인확인을 합니다.",
            "5. 인증서 종류(범용)와 발급기관을 선택하고 약관과 사전동의에 동의합니다.",
            "6. ARS 인증, 출금계좌와 계좌비밀번호, 보안카드 또는 OTP로 추가 본인확인을 합니다.",
            "7. 수수료 출금예약내역을 확인하고 고객 세부정보를 입력합니다.",
            "8. 저장위치(브라우저)를 고르고 인증서 암호를 정하면 인증서가 발급됩니다. 다시 로그인한 뒤 사용하세요.",
            "인증서 발급 가능시간: 01:00~23:00",
        ],
        links: &[ISSUE_LINK],
    },
    Section {
        slug: "corporate",
        title: "기업용인증서 발급",
        trail: &["공인인증서", "인증서 발급/재발급"],
        paragraphs: &[
            "기업용인증서는 법인, 개인사업자, 임의단체 중 기업인터넷뱅킹을 신청한 고객, B2B 전자결제 또는 전자입찰 서비스를 이용하려는 고객이 발급받습니다.",
            "개인사업자와 임의단체는 먼저 영업점에서 사업자등록번호와 납세번호를 등록해야 합니다. (법인은 기업인터넷뱅킹 신청 때 등록됩니다.)",
            "발급 절차는 개인용과 같은 7단계이며, 1단계에서 주민등록번호 대신 사업자등록번호를 입력하고 2단계에서 기업용 인증서 종류(은행/신용카드/보험용 4,400원, 범용 110,000원)를 고릅니다.",
            "연습할 때는 로그인 화면의 연습용 계정 중 기업 고객 (주)모의상사(corp01)로 로그인하세요. 모의분식(biz02)은 사업자등록번호를 등록하지 않은 개인사업자라 발급이 거절되는 경우를 연습할 수 있습니다.",
        ],
        links: &[ISSUE_LINK],
    },
    Section {
        slug: "browser",
        title: "브라우저인증서",
        trail: &[],
        paragraphs: &[
            "브라우저인증서는 설치 프로그램 없이 브라우저 안에서 발급하고, 이 사이트의 브라우저 저장소에 보관해 로그인에 사용하는 인증서입니다.",
            "발급은 [인증서 발급/재발급]에서, 로그인은 로그인 화면의 [브라우저인증서 로그인]에서 합니다.",
        ],
        links: &[
            ISSUE_LINK,
            ("브라우저 인증서 안내", "/center/browser-guide"),
        ],
    },
    Section {
        slug: "other-services",
        title: "기타인증서서비스",
        trail: &[],
        paragraphs: &[
            "타행·타기관 인증서 등록/해제, 인증서 발급 동의여부 조회/변경, 영수증/세금계산서 조회 등 인증서와 관련된 그 밖의 서비스입니다.",
        ],
        links: &[
            ("타행·타기관 인증서 등록/해제", "/center/other-bank"),
            ("인증서발급 동의여부 조회/변경", "/center/consent"),
            ("영수증/세금계산서", "/center/receipts"),
        ],
    },
    Section {
        slug: "faq",
        title: "인증센터 FAQ",
        trail: &[],
        paragraphs: &[
            "Q. 인증서 발급 가능시간은 언제인가요? — A. 01:00~23:00입니다. 그 밖의 시간에는 발급할 수 없습니다.",
            "Q. 범용 인증서 수수료는 얼마인가요? — A. 연 4,400원(부가세 포함)이며 출금계좌에서 출금됩니다. 은행/신용카드/보험용 인증서는 무료입니다.",
            "Q. 인증서 암호 규칙은 무엇인가요? — A. 영문 대문자와 소문자, 숫자, 특수문자를 모두 포함해 10자리 이상이어야 합니다.",
            "Q. 발급받은 인증서를 폐기하면 수수료를 돌려받나요? — A. 발급일 포함 7일 이내에 폐기하면 환급됩니다.",
            "Q. 인증서를 발급받은 뒤 대출 신청이 안 됩니다. — A. 발급(재발급), 갱신한 날을 포함해 4일간은 대출 신청이 제한됩니다.",
            "Q. 보안카드를 여러 번 틀렸습니다. — A. 보안카드는 5회, OTP는 10회, 계좌비밀번호는 5회 연속 틀리면 사용이 제한됩니다.",
        ],
        links: &[ISSUE_LINK],
    },
];

/// Finds a guide page by its slug.
pub fn section(slug: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.slug == slug)
}

/// A guide page chosen by the `:section` route parameter.
#[component]
pub fn InfoPage() -> impl IntoView {
    let params = use_params_map();
    move || match params.read().get_str("section").and_then(section) {
        Some(s) => view! {
            <PageTitle title=s.title trail=s.trail />
            <div class="guide">
                {s.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            </div>
            <p class="row">
                {s
                    .links
                    .iter()
                    .map(|(label, href)| {
                        view! {
                            <A href=*href attr:class="btn">
                                {*label}
                            </A>
                        }
                    })
                    .collect_view()}
            </p>
        }
        .into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::center_nav::{CERT_MENU, CLOUD_MENU, SERVICE_MENU, TABS};

    /// Every navigation entry leads to a page: a guide here or a route of its own.
    #[test]
    fn every_menu_entry_has_a_page() {
        let routed = [
            "/center",
            "/center/issue",
            "/center/list",
            "/center/manage",
            "/center/renew",
            "/center/other-bank",
            "/center/revoke",
            "/center/receipts",
            "/center/tax",
            "/center/consent",
            "/center/phone-copy",
            "/center/bio",
            "/center/cloud",
            "/center/cloud/issue",
            "/center/cloud/manage",
        ];
        for entry in TABS
            .iter()
            .chain(&CERT_MENU)
            .chain(&CLOUD_MENU)
            .chain(&SERVICE_MENU)
        {
            let slug = entry.href.trim_start_matches("/center/");
            assert!(
                routed.contains(&entry.href) || section(slug).is_some(),
                "{} ({}) leads nowhere",
                entry.label,
                entry.href
            );
        }
    }

    #[test]
    fn slugs_are_unique() {
        for (i, a) in SECTIONS.iter().enumerate() {
            assert!(
                SECTIONS[i + 1..].iter().all(|b| b.slug != a.slug),
                "{}",
                a.slug
            );
        }
    }
}
