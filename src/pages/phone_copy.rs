//! 스마트폰인증서 복사 (PC ⇄ 스마트폰): the PC's side. The phone is on screen too (its
//! `모의은행 스타뱅킹` app, [`crate::components::Phone`]), since learners have no real bank app.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::header::login_href;
use crate::components::phone::use_phone;
use crate::components::proving::{Chosen, ProvingButtons, use_proving};
use crate::components::{PageTitle, PhoneCopyReceiver, paint};
use crate::contexts::{use_auth, use_bank};
use crate::customer::phone_copy;
use crate::wallet::Place;

/// The manual's notes on copying, with the relay's rules.
const NOTES: [&str; 4] = [
    "PC의 인증서를 스마트폰(스타뱅킹)으로, 스마트폰의 인증서를 PC로 복사합니다.",
    "받는 쪽은 로그인한 뒤 인증번호 12자리를 받고, 보내는 쪽은 그 번호를 입력한 뒤 보낼 인증서와 암호로 본인을 확인합니다. 인증번호는 3분 동안 한 번만 쓸 수 있고, 3회 틀리면 더 이상 쓸 수 없습니다.",
    "인증서는 인증번호에서 만든 키로 암호화되어 은행의 중계 서버를 거칩니다. 중계 서버는 인증번호도 인증서도 볼 수 없고, 내용을 바꾸면 받는 쪽이 알아챕니다. 개인키는 인증서 암호로 암호화된 채로 옮겨집니다.",
    "이 연습에서는 화면의 [스마트폰 열기]로 스마트폰을 띄워 스타뱅킹 앱을 씁니다.",
];

/// The page.
#[component]
pub fn PhoneCopyPage() -> impl IntoView {
    let phone = use_phone();
    let toggle = move |_| {
        if let Some(p) = phone {
            p.0.update(|o| *o = !*o);
        }
    };
    let receiving = RwSignal::new(false);
    let auth = use_auth();
    view! {
        <PageTitle title="스마트폰인증서 복사" trail=&["스마트폰인증서 복사"] notes=&NOTES />
        <p class="row">
            <button type="button" class="btn" data-guide="phone-open" on:click=toggle>
                {move || if phone.is_some_and(|p| p.0.get()) { "스마트폰 닫기" } else { "스마트폰 열기" }}
            </button>
        </p>
        <div class="issue-boxes">
            <article class="issue-box pc-to-phone">
                <h2>"PC → 스마트폰"</h2>
                <p class="hint">"PC인증서를 스마트폰으로 복사: 스타뱅킹 앱의 [PC에서 가져오기]에 표시된 인증번호를 입력하고, 보낼 인증서를 고르세요."</p>
                <SendToPhone />
            </article>
            <article class="issue-box phone-to-pc">
                <h2>"스마트폰 → PC"</h2>
                <p class="hint">"스마트폰의 인증서를 이 브라우저로 복사: 인증번호를 받아 스타뱅킹 앱의 [PC로 내보내기]에 입력하세요."</p>
                {move || match (auth.logged_in(), receiving.get()) {
                    // The number is opened with this PC's login.
                    (false, _) => view! {
                        <p class="hint">"인증번호를 받으려면 이 PC에서 먼저 로그인하세요."</p>
                        <A href=login_href("/center/phone-copy") attr:class="btn primary" attr:data-guide="receive-login">
                            "로그인"
                        </A>
                    }
                        .into_any(),
                    (true, true) => view! { <PhoneCopyReceiver place=Place::Browser /> }.into_any(),
                    (true, false) => view! {
                        <button type="button" class="btn primary" data-guide="receive-number" on:click=move |_| receiving.set(true)>
                            "인증번호 받기"
                        </button>
                    }
                        .into_any(),
                }}
            </article>
        </div>
    }
}

/// PC → 스마트폰: the number, then a certificate of this browser or of NPKI files and its
/// password.
#[component]
fn SendToPhone() -> impl IntoView {
    let bank = use_bank();
    let number = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<String>);
    let proving = use_proving(notice, move |chosen: Chosen| {
        let typed = number.get_untracked();
        async move {
            paint().await;
            let (user_id, chain) = chosen
                .stored
                .map(|r| (r.user_id, r.chain))
                .unwrap_or_default();
            let outgoing = phone_copy::Outgoing {
                user_id: &user_id,
                chain: &chain,
                proof: &chosen.proof,
            };
            phone_copy::send(&bank, &typed, outgoing)
                .await
                .map_err(|e| e.to_string())?;
            Ok("인증서를 보냈습니다. 스마트폰에서 저장되었는지 확인하세요.".to_owned())
        }
    });
    view! {
        <label for="pc-send-number">"인증번호 (12자리)"</label>
        <input
            id="pc-send-number"
            data-guide="pc-send-number"
            inputmode="numeric"
            autocomplete="off"
            placeholder="1234-5678-9012"
            bind:value=number
        />
        <ProvingButtons proving class="send-buttons"
            buttons=[(Place::Browser, "브라우저인증서 보내기"), (Place::HardDisk, "공인인증서(파일) 보내기")] />
        <Show when=move || notice.with(Option::is_some)>
            <p class="notice copy-sent">{notice}</p>
        </Show>
    }
}
