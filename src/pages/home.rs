//! The bank's home page (manual STEP 01–02, 05): the way into the certificate center and login.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::GuideSwitch;
use crate::contexts::use_auth;

/// The introduction's heading and text; index.html's first screen shows the same words.
pub const HERO: (&str, &str) = (
    "모의은행 인터넷뱅킹",
    "공인인증서(공동인증서) 발급 과정을 안전하게 연습할 수 있는 가상 은행입니다. 실제 금융거래는 이루어지지 않습니다.",
);

/// The bank home.
#[component]
pub fn HomePage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <main class="home" id="content">
            <section class="hero">
                <h1>{HERO.0}</h1>
                <p>{HERO.1}</p>
            </section>
            <section class="home-tiles">
                <A href="/center" attr:class="tile" attr:data-guide="home-center">
                    <strong>"공인인증센터"</strong>
                    <span>"인증서 발급/재발급, 갱신, 관리"</span>
                </A>
                <Show when=move || !auth.logged_in()>
                    <A href="/login" attr:class="tile">
                        <strong>"로그인"</strong>
                        <span>"아이디 로그인 (연습용 계정 안내)"</span>
                    </A>
                </Show>
                <A href="/practice" attr:class="tile">
                    <strong>"연습 과제"</strong>
                    <span>"비밀번호 분실, 만료, 갱신… 고객별 연습과 연습 기록"</span>
                </A>
            </section>
            <GuideSwitch />
            <ul class="notes">
                <li>
                    "인터넷뱅킹 종료 시, 안전한 금융거래를 위하여 반드시 [로그아웃] 버튼을 눌러 종료하시기 바랍니다."
                </li>
                <li>
                    "이 사이트는 평생교육 교재의 「범용공인인증서 발급방법」 순서를 그대로 따릅니다. 인증서는 브라우저 안에서 만들어집니다."
                </li>
            </ul>
        </main>
    }
}
