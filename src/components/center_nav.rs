//! The certificate center's navigation as in the manual (STEP 02/06): the top tabs, the left
//! menu and the page title with its breadcrumb.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// A link in the center's navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavEntry {
    /// The label, in the manual's words.
    pub label: &'static str,
    /// The route.
    pub href: &'static str,
}

const fn entry(label: &'static str, href: &'static str) -> NavEntry {
    NavEntry { label, href }
}

/// The tabs across the top of the center.
pub const TABS: [NavEntry; 6] = [
    entry("공인인증서", "/center"),
    entry("금융인증서", "/center/cloud"),
    entry("전자세금용인증서", "/center/tax"),
    entry("브라우저인증서", "/center/browser"),
    entry("스마트폰인증서 복사", "/center/phone-copy"),
    entry("기타인증서서비스", "/center/other-services"),
];

/// The left menu under `공인인증서`.
pub const CERT_MENU: [NavEntry; 11] = [
    entry("인증서 발급/재발급", "/center/issue"),
    entry("타행·타기관 인증서 등록/해제", "/center/other-bank"),
    entry("인증서 갱신", "/center/renew"),
    entry("인증서 조회", "/center/list"),
    entry("인증서 관리", "/center/manage"),
    entry("인증서 폐기", "/center/revoke"),
    entry("영수증/세금계산서", "/center/receipts"),
    entry("보안토큰(HSM) 안내", "/center/hsm"),
    entry("브라우저 인증서 안내", "/center/browser-guide"),
    entry("공인인증서 발급안내", "/center/guide"),
    entry("바이오인증", "/center/bio"),
];

/// The left menu under `전자세금용인증서`.
pub const TAX_MENU: [NavEntry; 4] = [
    entry("발급/재발급", "/center/tax"),
    entry("갱신", "/center/tax/renew"),
    entry("조회", "/center/tax/list"),
    entry("폐기", "/center/tax/revoke"),
];

/// The left menu under `금융인증서`.
pub const CLOUD_MENU: [NavEntry; 3] = [
    entry("금융인증서 안내", "/center/cloud"),
    entry("발급/재발급", "/center/cloud/issue"),
    entry("인증서 관리", "/center/cloud/manage"),
];

/// The left menu's other services.
pub const SERVICE_MENU: [NavEntry; 7] = [
    entry("금융인증서", "/center/cloud"),
    entry("전자세금용 인증서", "/center/tax"),
    entry("브라우저 인증서", "/center/browser"),
    entry("스마트폰 인증서 복사", "/center/phone-copy"),
    entry("기타인증서서비스", "/center/other-services"),
    entry("인증서발급 동의여부 조회/변경", "/center/consent"),
    entry("인증센터 FAQ", "/center/faq"),
];

/// The tab bar.
#[component]
pub fn CenterTabs() -> impl IntoView {
    view! {
        <nav class="center-tabs" aria-label="공인인증센터 메뉴">
            <A href="/center" exact=true attr:class="center-title">
                "공인인증센터"
            </A>
            <ul>
                {TABS
                    .iter()
                    .map(|tab| {
                        view! {
                            <li>
                                <A
                                    href=tab.href
                                    exact=tab.href == "/center"
                                    attr:data-guide=(tab.href != "/center").then(|| guide_target("tab", tab.href))
                                >
                                    {tab.label}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The `data-guide` target of a link to `href` in a part of the center (`menu`, `center`):
/// `menu-revoke` for `/center/revoke`, `center-tax-renew` for `/center/tax/renew`.
pub fn guide_target(part: &str, href: &str) -> String {
    format!(
        "{part}-{}",
        href.trim_start_matches("/center/").replace('/', "-")
    )
}

/// The left menu.
#[component]
pub fn CenterMenu() -> impl IntoView {
    let list = |entries: &'static [NavEntry]| {
        entries
            .iter()
            .map(|e| {
                view! {
                    <li>
                        <A href=e.href exact=matches!(e.href, "/center/tax" | "/center/cloud") attr:data-guide=guide_target("menu", e.href)>
                            {e.label}
                        </A>
                    </li>
                }
            })
            .collect_view()
    };
    // The 전자세금용인증서 tab has a menu of its own.
    let location = use_location();
    let tax = move || location.pathname.get().starts_with("/center/tax");
    let cloud = move || location.pathname.get().starts_with("/center/cloud");
    // On a phone the menu folds behind `메뉴`, and folds again once a page is picked.
    let open = RwSignal::new(false);
    Effect::new(move || {
        location.pathname.track();
        open.set(false);
    });
    view! {
        <nav class="center-menu" class:open=move || open.get() aria-label="공인인증서 서비스">
            <button
                type="button"
                class="btn menu-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="center-menu-lists"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "메뉴"
            </button>
            <div class="menu-lists" id="center-menu-lists">
            {move || {
                if cloud() {
                    view! {
                        <h2>"금융인증서"</h2>
                        <ul>{list(&CLOUD_MENU)}</ul>
                    }
                        .into_any()
                } else if tax() {
                    view! {
                        <h2>"전자세금용인증서"</h2>
                        <ul>{list(&TAX_MENU)}</ul>
                    }
                        .into_any()
                } else {
                    view! {
                        <h2>"공인인증서"</h2>
                        <ul>{list(&CERT_MENU)}</ul>
                    }
                        .into_any()
                }
            }}
            <ul class="services">{list(&SERVICE_MENU)}</ul>
            </div>
        </nav>
    }
}

/// The page heading with its breadcrumb (`> 공인인증센터 > 공인인증서 > …`).
#[component]
pub fn PageTitle(
    /// The page's title, last in the breadcrumb too.
    title: &'static str,
    /// The sections between `공인인증센터` and the title.
    #[prop(optional)]
    trail: &'static [&'static str],
    /// The page's notes in small print under the title (the manual's `※` lines).
    #[prop(optional)]
    notes: &'static [&'static str],
    /// The page's points under the title, in body text.
    #[prop(optional)]
    bullets: &'static [&'static str],
) -> impl IntoView {
    let list = |class: &'static str, lines: &'static [&'static str]| {
        (!lines.is_empty()).then(|| {
            view! { <ul class=class>{lines.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul> }
        })
    };
    view! {
        <div class="page-title">
            <p class="breadcrumb">
                "> 공인인증센터"
                {trail.iter().map(|t| format!(" > {t}")).collect_view()}
                {format!(" > {title}")}
            </p>
            <h1>{title}</h1>
        </div>
        {list("notes", notes)}
        {list("bullets", bullets)}
    }
}
