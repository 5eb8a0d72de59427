//! The certificate center's frame and home (manual STEP 02 and 06).

use leptos::prelude::*;
use leptos_router::components::{A, Outlet};

use crate::components::center_nav::guide_target;
use crate::components::{CenterMenu, CenterTabs, GuideSwitch, Phone, PhoneOpen};
use crate::contexts::bank_now;
use crate::kst::days_left;
use crate::wallet;

/// How many days before expiry the center starts warning (and renewal opens).
const WARN_DAYS: i64 = 30;

/// Warns about browser certificates that expire within [`WARN_DAYS`] days or have expired.
#[component]
fn ExpiryWarning() -> impl IntoView {
    let warnings = LocalResource::new(move || async move {
        // Without readable storage there is nothing to warn about.
        let list = wallet::list().await.unwrap_or_default();
        let now = bank_now();
        list.into_iter()
            .filter_map(|c| {
                let left = days_left(&c.expires, now)?;
                (left <= WARN_DAYS).then(|| {
                    if left < 0 {
                        format!(
                            "브라우저에 저장된 인증서({}, {})는 유효기간이 {}에 끝났습니다. 인증서 발급/재발급에서 새로 발급받으세요.",
                            c.holder, c.issuer, c.expires
                        )
                    } else {
                        format!(
                            "브라우저에 저장된 인증서({}, {})의 유효기간이 {}에 끝납니다 ({}일 남음). 만료 30일 전부터 인증서 갱신을 할 수 있습니다.",
                            c.holder, c.issuer, c.expires, left
                        )
                    }
                })
            })
            .collect::<Vec<_>>()
    });
    move || {
        let list = warnings.get().unwrap_or_default();
        (!list.is_empty()).then(|| {
            view! {
                <div class="notice expiry-warning" role="status">
                    {list.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
                    <p>
                        <A href="/center/renew">"인증서 갱신 안내"</A>
                    </p>
                </div>
            }
        })
    }
}

/// Tabs, left menu and the current center page.
#[component]
pub fn CenterLayout() -> impl IntoView {
    provide_context(PhoneOpen(RwSignal::new(false)));
    view! {
        <div class="center">
            <CenterTabs />
            <div class="center-body">
                <CenterMenu />
                <main class="center-content" id="content">
                    <Outlet />
                </main>
                <Phone />
            </div>
        </div>
    }
}

/// The introduction's heading, text and note; index.html's first screen shows the same words.
pub const INTRO: (&str, &str, &str) = (
    "공인인증서를 처음 사용하시나요?",
    "발급 및 등록 방법을 단계별로 안내해 드립니다.",
    "* 공인인증서란? 인터넷에서 이루어지는 모든 전자거래를 안심하고 이용할 수 있게 해주는 사이버 인감증명서입니다.",
);

/// A tile of the center's home: its heading, who it is for, and its buttons (where, what).
type Tile = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

/// The home's tiles, in the manual's order (the last, 영수증 조회, has links of its own).
const TILES: [Tile; 6] = [
    (
        "인증서 발급/재발급",
        &[
            "인터넷 뱅킹을 처음 신청하신 고객",
            "인증서 비밀번호를 잊으신 고객",
            "인증서 삭제, PC를 포맷한 고객",
            "인증서 유효기간이 만료된 고객",
        ],
        &[("/center/issue", "바로가기")],
    ),
    (
        "타행·타기관 인증서 등록/해제",
        &[
            "다른 은행에서 발급한 인증서 소지 고객",
            "증권, 보험, 공공기관에서 발급한 인증서 소지 고객",
        ],
        &[("/center/other-bank", "바로가기")],
    ),
    (
        "인증서 갱신/관리",
        &[
            "인증서 유효기간 1년 연장",
            "인증서 복사/삭제, 비밀번호 변경",
        ],
        &[
            ("/center/renew", "인증서 갱신"),
            ("/center/manage", "인증서 관리"),
        ],
    ),
    (
        "스마트폰 인증서 복사",
        &["PC/스마트폰에서 인증서를 복사"],
        &[("/center/phone-copy", "바로가기")],
    ),
    (
        "전자세금용 인증서",
        &["전자세금계산서 전용 인증서 발급, 관리"],
        &[("/center/tax", "바로가기")],
    ),
    (
        "인증센터 FAQ",
        &[
            "기업용 인증서 발급절차는 어떻게 되나요?",
            "인증서 관련 거래시(발급/재발급/갱신/수수료 ...)",
        ],
        &[("/center/faq", "바로가기")],
    ),
];

/// The center's home with its tiles.
#[component]
pub fn CenterHome() -> impl IntoView {
    view! {
        <div class="center-home">
            <ExpiryWarning />
            <GuideSwitch />
            <section class="intro">
                <h1>{INTRO.0}</h1>
                <p>{INTRO.1}</p>
                <p class="links">
                    <A href="/center/guide">"개인고객"</A>
                    <A href="/center/corporate">"기업고객"</A>
                    <A href="/center/other-bank">"타행·타기관"</A>
                </p>
                <p class="what">{INTRO.2}</p>
            </section>
            <section class="tiles">
                {TILES
                    .iter()
                    .map(|(title, lines, links)| {
                        view! {
                            <article class="tile-box">
                                <h2>{*title}</h2>
                                <ul>{lines.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
                                <p class="row">
                                    {links
                                        .iter()
                                        .map(|(href, label)| {
                                            let guide = guide_target("center", href);
                                            view! {
                                                <A href=*href attr:class="btn" attr:data-guide=guide>
                                                    {*label}
                                                </A>
                                            }
                                        })
                                        .collect_view()}
                                </p>
                            </article>
                        }
                    })
                    .collect_view()}
                <article class="tile-box">
                    <h2>"유료인증서를 발급 받으셨나요?"</h2>
                    <ul>
                        <li>
                            <A href="/center/receipts">"영수증 조회"</A>
                        </li>
                        <li>
                            <A href="/center/receipts">"세금계산서 조회"</A>
                        </li>
                    </ul>
                </article>
            </section>
        </div>
    }
}
