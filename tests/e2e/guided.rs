//! 매뉴얼 따라하기 end to end: the whole issuance with the manual laid over it (at a desktop's
//! width and a phone's), checked by axe-core on every screen; and an issuance by keyboard alone.

use super::browser::{Browser, ENTER, ESCAPE, RIGHT, SPACE};
use super::flows::*;
use super::pages::browser_certificate_login;
use cert_center::bank::demo::{self, SecondFactor};

/// One screen of the walk: the panel shows STEP `step`, badge `01` sits on `first`, the page
/// passes axe-core and (on a phone) does not scroll sideways.
pub async fn screen(b: &Browser, phone: bool, step: u8, first: &str, name: &str) {
    b.guide_at(step, first).await;
    check(b, phone, name).await;
}

pub async fn check(b: &Browser, phone: bool, name: &str) {
    let name = format!("guided-{}{name}", if phone { "phone-" } else { "" });
    if phone {
        b.fits_width(&name).await;
        let small = b.small_buttons().await;
        assert!(small.is_empty(), "{name}: buttons under 44 px: {small:?}");
    }
    b.axe(&name).await;
    b.shot(&name).await;
}

/// Clicks the control the guide's action `target` points at.
pub async fn press(b: &Browser, target: &str) {
    b.click_css(&format!("[data-guide='{target}']")).await;
}

/// STEP 01 to 14 for 홍길동, in guided mode, with a wrong password at STEP 05.
async fn guided_walk(b: &Browser, phone: bool) {
    let who = &demo::HONG;
    b.open("/").await;
    b.click_label("매뉴얼 따라하기").await;
    screen(b, phone, 1, "home-center", "01-home").await;
    b.click(".guide-panel", "English").await;
    b.wait_text(
        ".guide-panel",
        "On the bank's home page, click [공인인증센터]",
    )
    .await;
    press(b, "home-center").await;

    b.wait_path("/center").await;
    screen(b, phone, 2, "center-issue", "02-center").await;
    if !phone {
        // Off the manual's path: the panel says so and leads back.
        b.click(".center-menu", "인증서 관리").await;
        b.wait_text(".guide-away", "매뉴얼에 없는 화면입니다").await;
        b.click(".guide-away", "STEP 02 화면으로 돌아가기").await;
        b.wait_path("/center").await;
        b.guide_at(2, "center-issue").await;
    }
    if phone {
        // The left menu waits behind 메뉴, and opening it keeps the page within the screen.
        assert!(!b.shown(".center-menu .menu-lists").await, "menu folded");
        b.click(".center-menu", "메뉴").await;
        b.wait_text(".center-menu .menu-lists", "인증서 갱신").await;
        check(b, phone, "02-center-menu").await;
        b.click(".center-menu", "메뉴").await;
    }
    press(b, "center-issue").await;

    b.wait_path("/center/issue").await;
    screen(b, phone, 3, "personal-issue", "03-issue").await;
    press(b, "personal-issue").await;
    // The dialog's 확인 is 02, and now the one to press.
    b.wait_css("[data-guide='install-ok'][data-guide-mark='02'][data-guide-next]")
        .await;
    check(b, phone, "03-install").await;
    press(b, "install-ok").await;

    b.wait_path("/center/issue/check").await;
    screen(b, phone, 4, "check-install", "04-check").await;
    b.wait_text("table.checks", "IndexedDB").await;
    press(b, "check-install").await;
    press(b, "check-ok").await;

    b.wait_path("/login").await;
    screen(b, phone, 5, "login-id", "05-login").await;
    b.login(who.user_id, "Wrong!2345").await;
    // The panel repeats the screen's refusal and says what to do.
    b.wait_text(".guide-problem", "비밀번호").await;
    b.login(who.user_id, who.password).await;

    // Login goes straight to the wizard: STEP 06 and 07 are passed without their screens.
    b.wait_path("/center/issue/personal/1").await;
    screen(b, phone, 8, "basic-terms", "08-terms").await;
    step_1(b, who).await;
    screen(b, phone, 9, "kind-General", "09-kind").await;
    let first = b.text("[data-guide-mark='01']").await;
    assert!(first.contains("범용"), "STEP 09's 01 is 범용: {first}");
    step_2(b).await;
    screen(b, phone, 10, "identity-ars", "10-verify").await;
    step_3(b, who).await;
    screen(b, phone, 11, "fee-ok", "11-fee").await;
    step_4(b).await;
    screen(b, phone, 12, "bank-info", "12-details").await;
    step_5(b).await;
    screen(b, phone, 13, "save", "13-save").await;
    press(b, "save").await;
    b.wait_css("[data-guide='location'][data-guide-mark='02']")
        .await;
    check(b, phone, "13-location").await;
    b.click(".dialog", "확인").await;
    b.fill("#cert-password", CERT_PASSWORD).await;
    b.fill("#cert-password-again", CERT_PASSWORD).await;
    check(b, phone, "13-password").await;
    b.click(".password-form", "확인").await;
    b.wait_path("/center/issue/personal/7").await;
    b.wait_css("[data-guide='done-ok'][data-guide-mark='04'][data-guide-next]")
        .await;
    check(b, phone, "13-done").await;
    press(b, "done-ok").await;

    // The login page opens the browser's certificates by itself: the badges are in the
    // picker, the button behind it has none.
    b.wait_path("/login").await;
    b.wait_text(".guide-step", "STEP 14 /").await;
    b.wait_css(".cert-picker [data-guide='picker-password'][data-guide-mark='03']")
        .await;
    assert!(!b.has("[data-guide='cert-login'][data-guide-mark]").await);
    check(b, phone, "14-picker").await;
    browser_certificate_login(b, CERT_PASSWORD).await;

    // The summary: every STEP with its time, the two passed without a screen, the mistake.
    let summary = b
        .wait_text(".guide-summary", "STEP 14까지 모두 마쳤습니다")
        .await;
    for expected in [
        "STEP 01",
        "STEP 14",
        "건너뜀",
        "초",
        "STEP 05: 비밀번호가 일치하지 않습니다",
        "다시 입력해 통과 (STEP 05 완료)",
    ] {
        assert!(summary.contains(expected), "{expected:?} in {summary}");
    }
    check(b, phone, "15-summary").await;
}

async fn the_manual_is_laid_over_the_whole_issuance(b: Browser) {
    guided_walk(&b, false).await;
}

async fn the_guided_issuance_fits_a_phone(b: Browser) {
    b.as_phone().await;
    guided_walk(&b, true).await;
}

/// Types `text` into the focused field.
async fn type_here(b: &Browser, text: &str) {
    b.keys(text).await;
}

/// Tabs to `css` and presses Enter.
async fn enter_on(b: &Browser, css: &str) {
    b.tab_to(css).await;
    b.keys(ENTER).await;
}

/// Arrow-keys through the focused radio group until the checked one's label has `label`.
async fn arrow_to(b: &Browser, label: &str) {
    for _ in 0..8 {
        if b.focused_choice().await.is_some_and(|l| l.contains(label)) {
            return;
        }
        b.keys(RIGHT).await;
    }
    panic!("no radio labelled {label:?} in the group");
}

async fn a_keyboard_alone_issues_a_certificate(b: Browser) {
    let who = &demo::HONG;
    b.open("/center/issue/personal").await;
    b.wait_path("/login").await;
    b.tab_to("#user-id").await;
    type_here(&b, who.user_id).await;
    b.tab_to("#password").await;
    type_here(&b, who.password).await;
    b.keys(ENTER).await;

    // Step 1: the boxes by Space, the RRN's front moves on to the back by itself.
    b.wait_path("/center/issue/personal/1").await;
    for terms in ["basic-terms", "service-terms"] {
        b.tab_to(&format!("[data-guide='{terms}'] input")).await;
        b.keys(SPACE).await;
    }
    let (front, back) = who.rrn.split_once('-').unwrap();
    b.tab_to("#rrn-front").await;
    type_here(&b, front).await;
    assert!(b.focused_is("#rrn-back").await, "the front moved on");
    type_here(&b, back).await;
    b.keys(ENTER).await;

    // Step 2: radios by the arrow keys, boxes by Space.
    b.wait_path("/center/issue/personal/2").await;
    b.tab_to("input[name='kind']").await;
    arrow_to(&b, "범용").await;
    b.tab_to("input[name='ca']").await;
    b.keys(SPACE).await;
    arrow_to(&b, "한국정보인증").await;
    for _ in 0..2 {
        b.tab_to("[data-guide='ca-terms'] input[type='checkbox']:not(:checked)")
            .await;
        b.keys(SPACE).await;
    }
    b.tab_to("input[name='prior']").await;
    b.keys(SPACE).await;
    arrow_to(&b, "동의").await;
    enter_on(&b, "[data-guide='target-ok']").await;

    // Step 3: the ARS dialog takes the focus; the phone's keys by Enter.
    b.wait_path("/center/issue/personal/3").await;
    enter_on(&b, "[data-guide='identity-go']").await;
    b.wait_text(".dialog", "전화번호").await;
    assert!(
        b.focused_is(".dialog input").await,
        "the focus moved into the dialog"
    );
    enter_on(&b, ".dialog .btn.primary").await;
    let number = b.text(".approval-number").await;
    for digit in number.chars() {
        enter_on(&b, &format!(".phone-keys button[data-key='{digit}']")).await;
    }
    enter_on(&b, ".phone-keys button[data-key='#']").await;
    b.wait_text(".phone-screen", "승인되었습니다").await;
    enter_on(&b, ".dialog .btn.primary").await;
    b.wait_text(".identity .status", "추가 본인 인증이 완료되었습니다")
        .await;
    b.tab_to("#account-password").await;
    type_here(&b, who.account_password).await;
    let SecondFactor::SecurityCard { codes, .. } = who.second_factor else {
        panic!("홍길동 has a security card");
    };
    let first = asked_code(&b, "card-first").await;
    let second = asked_code(&b, "card-second").await;
    b.tab_to("#card-first").await;
    type_here(&b, &codes[first - 1][..2]).await;
    b.tab_to("#card-second").await;
    type_here(&b, &codes[second - 1][2..]).await;
    b.keys(ENTER).await;

    b.wait_path("/center/issue/personal/4").await;
    enter_on(&b, "[data-guide='fee-ok']").await;

    // Step 5: the address dialog by Enter, a phone number without hyphens.
    b.wait_path("/center/issue/personal/5").await;
    enter_on(&b, "[data-guide='bank-info']").await;
    b.wait_value("#name", "홍길동").await;
    b.tab_to("#english_name").await;
    type_here(&b, "hong gildong").await;
    enter_on(&b, "[data-guide='zip']").await;
    assert!(
        b.focused_is("#address-query").await,
        "the focus moved into the dialog"
    );
    type_here(&b, "세종대로 110").await;
    b.keys(ENTER).await;
    b.wait_value("#zip", "04524").await;
    assert!(
        b.focused_is("[data-guide='zip']").await,
        "the focus came back"
    );
    b.tab_to("#phone").await;
    type_here(&b, "0212345678").await;
    b.wait_value("#phone", "02-1234-5678").await;
    b.keys(ENTER).await;

    // Step 6: Escape closes the location dialog and gives the focus back.
    b.wait_path("/center/issue/personal/6").await;
    enter_on(&b, "[data-guide='save']").await;
    b.wait_text(".dialog", "저장위치").await;
    b.keys(ESCAPE).await;
    b.until(|| async {
        match b.has(".dialog").await {
            false => Ok(()),
            true => Err("Escape leaves the dialog open"),
        }
    })
    .await;
    assert!(
        b.focused_is("[data-guide='save']").await,
        "the focus came back"
    );
    b.keys(ENTER).await;
    enter_on(&b, ".dialog .btn.primary").await;
    b.wait_css("#cert-password").await;
    assert!(
        b.focused_is("#cert-password").await,
        "the focus moved into the dialog"
    );
    type_here(&b, CERT_PASSWORD).await;
    b.tab_to("#cert-password-again").await;
    type_here(&b, CERT_PASSWORD).await;
    b.keys(ENTER).await;
    b.wait_path("/center/issue/personal/7").await;
    b.wait_text(".issued-summary", "홍길동(HONG GILDONG)0004")
        .await;
    enter_on(&b, "[data-guide='done-ok']").await;

    // The certificate logs in, by keyboard too.
    b.wait_path("/login").await;
    enter_on(&b, "[data-guide='cert-login']").await;
    b.wait_text(".cert-picker", "홍길동(HONG GILDONG)0004")
        .await;
    b.tab_to("#cert-login-password").await;
    type_here(&b, CERT_PASSWORD).await;
    b.keys(ENTER).await;
    b.wait_text(".customer", "홍길동 님").await;
}

browser_tests![
    the_manual_is_laid_over_the_whole_issuance,
    the_guided_issuance_fits_a_phone,
    a_keyboard_alone_issues_a_certificate,
];
