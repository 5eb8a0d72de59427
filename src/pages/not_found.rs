//! What an unknown address shows.

use leptos::prelude::*;
use leptos_router::components::A;

/// The page for an address the app does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main class="not-found" id="content">
            <h1>"요청하신 페이지를 찾을 수 없습니다."</h1>
            <p>"주소가 바르게 입력되었는지 확인해 주세요."</p>
            <p>
                <A href="/">"모의은행 홈으로"</A>
                " · "
                <A href="/center">"공인인증센터로"</A>
            </p>
        </main>
    }
}
