//! 금융인증서 (issue #24) as a learner uses it: 발급 for hong01 (약관, 휴대폰 본인확인 with the
//! account check, 클라우드 연결, the PIN twice), login with the PIN in the cloud's window, five
//! wrong PINs lock it, 재발급 unlocks, PIN 변경, 갱신 20 days before the expiry, 자동연결 해제
//! (the browser must connect again before the login) and 클라우드 이용 해지; and 연습 과제 13,
//! the same in guided mode, at a desktop's width and on a phone with large text.

use super::HEADER;
use super::browser::Browser;
use super::flows::second_factor;
use super::guided::{check, press, screen};
use super::pages::{at_center_as, log_out};
use super::practice::start;
use super::support::assert_says;
use cert_center::bank::demo;
use cert_center::kst::days_before;

const PIN: &str = "246813";
const NEW_PIN: &str = "975310";
const CHANGED_PIN: &str = "864213";

/// The code the phone on screen shows in `scope`: the six digits in brackets.
async fn texted_code(b: &Browser, scope: &str) -> String {
    let text = b
        .wait_text(&format!("{scope} .texted .phone-screen"), "인증번호")
        .await;
    text.split(['[', ']'])
        .find(|part| part.len() == 6 && part.bytes().all(|c| c.is_ascii_digit()))
        .unwrap_or_else(|| panic!("no code in {text:?}"))
        .to_owned()
}

/// 클라우드 연결 as 홍길동, with or without `이 기기 자동연결`.
async fn connect(b: &Browser, remember: bool) {
    b.fill("#cloud-name", "홍길동").await;
    b.fill("#cloud-phone", "010-1234-5678").await;
    b.click(".cloud-connect", "인증번호 받기").await;
    let code = texted_code(b, ".cloud-connect").await;
    b.fill("#cloud-code", &code).await;
    if !remember {
        b.click_label("이 기기 자동연결").await;
    }
    b.click(".cloud-connect", "클라우드 연결").await;
}

/// 금융인증서 발급/재발급 from its menu for hong01, logged in, up to `done`.
async fn issue(b: &Browser, pin: &str, connected: bool) {
    let who = &demo::HONG;
    b.open("/center/cloud").await;
    b.click_css("[data-guide=cloud-issue]").await;
    b.wait_path("/center/cloud/issue").await;
    b.wait_text(".cloud-terms", "금융결제원 이용약관").await;
    b.axe("cloud-terms").await;
    b.click_label("금융결제원 이용약관에 동의합니다").await;
    b.click_label("개인정보 제3자 제공에 동의합니다").await;
    b.click(".cloud-terms", "다음").await;

    // 본인확인: the texted code, then the account, its password and the security card.
    b.click(".text-identity", "인증번호 받기").await;
    let code = texted_code(b, ".text-identity").await;
    b.fill("#text-code", &code).await;
    b.click(".text-identity", "확인").await;
    b.wait_text(".text-identity", "휴대폰 본인확인이 완료되었습니다")
        .await;
    b.shot("cloud-verify").await;
    b.axe("cloud-verify").await;
    b.fill("#account-password", who.account_password).await;
    second_factor(b, who, true).await;
    b.click(".account-check", "확인").await;

    if connected {
        b.wait_text("#content", "홍길동님으로 연결되어 있습니다")
            .await;
        b.click("#content", "다음").await;
    } else {
        b.wait_css(".cloud-connect").await;
        connect(b, true).await;
    }

    // The PIN twice; the rules first.
    b.wait_css(".pin-pad").await;
    b.fill("#pin-input", "123456").await;
    b.fill("#pin-input", "123456").await;
    b.wait_text(".cloud-pin .error", "연속된 숫자").await;
    b.fill("#pin-input", pin).await;
    b.wait_text(".pin-label", "한 번 더").await;
    b.axe("cloud-pin").await;
    b.fill("#pin-input", pin).await;
    b.wait_text(".cloud-issued", "금융인증서 발급이 완료되었습니다")
        .await;
    b.wait_text(".cloud-card", "홍길동").await;
    b.wait_text(".cloud-card", "금융결제원").await;
}

/// The cloud's window on the login page, the card shown.
async fn open_window(b: &Browser) {
    b.open("/login").await;
    b.click_css("[data-guide=cloud-login]").await;
    b.wait_css(".cloud-window").await;
}

/// The last day the card shows (`유효기간 YYYY-MM-DD까지`).
async fn card_expiry(b: &Browser) -> String {
    let card = b.wait_text(".cloud-card", "까지").await;
    let end = card.find("까지").unwrap();
    card[..end]
        .trim_end()
        .rsplit([' ', '\n'])
        .next()
        .unwrap()
        .to_owned()
}

/// Keys `pin` on the window's pad with the mouse, key by key.
async fn key_pin(b: &Browser, pin: &str) {
    for digit in pin.chars() {
        b.click_css(&format!(".cloud-window [data-pin-key='{digit}']"))
            .await;
    }
}

async fn a_cloud_certificate_is_issued_used_locked_reissued_and_closed(b: Browser) {
    let who = &demo::HONG;
    b.open("/login").await;
    b.login(who.user_id, who.password).await;
    at_center_as(&b, "홍길동").await;
    issue(&b, PIN, false).await;
    b.shot("cloud-issued").await;

    // 금융인증서 로그인: the card and a shuffled pad; the PIN keyed with the mouse.
    log_out(&b).await;
    open_window(&b).await;
    b.wait_text(".cloud-window .cloud-card", "홍길동").await;
    let first_order = b.text(".cloud-window .pin-keys").await;
    b.shot("cloud-window").await;
    b.axe("cloud-window").await;
    key_pin(&b, PIN).await;
    at_center_as(&b, "홍길동").await;

    // Five wrong PINs lock it; the pad's order changes with each try.
    log_out(&b).await;
    open_window(&b).await;
    for wrong in 1..=4 {
        b.fill("#pin-input", "000000").await;
        b.wait_text(".cloud-window .error", &format!("{wrong}회 틀렸습니다"))
            .await;
        // The card, and the pad under it, shows the count before the next try.
        b.wait_text(".cloud-card-state", &format!("PIN 오류 {wrong}회"))
            .await;
    }
    assert_ne!(b.text(".cloud-window .pin-keys").await, first_order);
    b.fill("#pin-input", "000000").await;
    b.wait_text(".cloud-window", "잠겼습니다").await;
    b.wait_text(".cloud-window", "아이디로 로그인하여 재발급")
        .await;
    assert!(
        !b.has(".cloud-window .pin-pad").await,
        "a locked card takes no PIN"
    );
    b.shot("cloud-locked").await;

    // 재발급 unlocks: the browser is still connected.
    b.click(".cloud-window", "아이디로 로그인하여 재발급").await;
    b.wait_path("/login").await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center/cloud/issue").await;
    issue(&b, NEW_PIN, true).await;

    // PIN 변경: the current PIN, then the new one twice.
    b.open("/center/cloud/manage").await;
    b.wait_text(".cloud-card", "홍길동").await;
    b.axe("cloud-manage").await;
    b.click_css("[data-guide=cloud-change-pin]").await;
    b.fill("#pin-input", NEW_PIN).await;
    b.wait_text(".pin-label", "새 PIN 6자리").await;
    // Typed differently the second time, the new PIN is asked again (the current one stays).
    b.fill("#pin-input", CHANGED_PIN).await;
    b.fill("#pin-input", "135792").await;
    b.wait_text(".dialog .error", "두 번 다르게 입력했습니다")
        .await;
    b.wait_text(".pin-label", "새 PIN 6자리").await;
    b.fill("#pin-input", CHANGED_PIN).await;
    b.fill("#pin-input", CHANGED_PIN).await;
    b.wait_text("#content", "PIN을 변경했습니다").await;

    // 갱신 opens 30 days before the expiry; 20 days before it (the practice clock shifted) the
    // customer logs in with the PIN, and renews for 3 more years: a wrong PIN counts first.
    b.wait_text(".cloud-renewal", "부터 할 수 있습니다").await;
    assert!(
        !b.has("[data-guide=cloud-renew]").await,
        "renewal is not open yet"
    );
    let expires = card_expiry(&b).await;
    let day = days_before(&expires, 20).unwrap();
    b.open(&format!("/login?clock={day}T12:00:00%2B09:00"))
        .await;
    b.click_css("[data-guide=cloud-login]").await;
    b.wait_text(".cloud-window .cloud-card", "홍길동").await;
    b.fill("#pin-input", CHANGED_PIN).await;
    at_center_as(&b, "홍길동").await;
    b.open("/center/cloud/manage").await;
    b.wait_text(".cloud-renewal", "20일 남았습니다").await;
    b.wait_text(".cloud-card-term", "만료 20일 전").await;
    b.shot("cloud-renewal-open").await;
    b.click_css("[data-guide=cloud-renew]").await;
    b.wait_text(".dialog", "3년 더").await;
    b.shot("cloud-renew").await;
    b.axe("cloud-renew").await;
    b.fill("#pin-input", "000000").await;
    b.wait_text(".dialog .error", "1회 틀렸습니다").await;
    b.fill("#pin-input", CHANGED_PIN).await;
    let renewed = b.wait_text("#content", "금융인증서를 갱신했습니다").await;
    let year: u32 = expires[..4].parse().unwrap();
    let new_end = format!("{}{}", year + 3, &expires[4..]);
    assert_says(&renewed, &format!("새 유효기간은 {new_end}까지"));
    assert_eq!(card_expiry(&b).await, new_end);
    b.wait_text(".cloud-renewal", "부터 할 수 있습니다").await;
    b.shot("cloud-renewed").await;

    // 자동연결 해제: this browser must connect again before the login.
    b.click_css("[data-guide=cloud-release]").await;
    b.wait_text("#content", "자동연결을 해제했습니다").await;
    b.wait_css(".cloud-connect").await;
    log_out(&b).await;
    open_window(&b).await;
    b.wait_css(".cloud-window .cloud-connect").await;
    connect(&b, false).await;
    b.wait_text(".cloud-window .cloud-card", "홍길동").await;
    b.fill("#pin-input", NEW_PIN).await;
    b.wait_text(".cloud-window .error", "1회 틀렸습니다").await;
    b.wait_text(".cloud-card-state", "PIN 오류 1회").await;
    b.fill("#pin-input", CHANGED_PIN).await;
    at_center_as(&b, "홍길동").await;

    // 클라우드 이용 해지, after its warning: the cloud keeps no certificate.
    b.open("/center/cloud/manage").await;
    b.click_css("[data-guide=cloud-close]").await;
    b.wait_text(".dialog", "삭제되어").await;
    b.click_css("[data-guide=cloud-close-ok]").await;
    b.wait_text("#content", "클라우드 이용을 해지했습니다")
        .await;
    b.wait_css(".cloud-connect").await;
    connect(&b, true).await;
    b.wait_text("#content", "보관된 금융인증서가 없습니다")
        .await;
}

/// 연습 과제 13 in guided mode, from `시작` to the login with the PIN: the STEP and its badge
/// `01` (and axe-core) on every screen; steps 4 to 8 share the issuance's screen. On a phone
/// (150 % text) every screen, the cloud's window too, fits the width with no small buttons.
async fn cloud_task(b: &Browser, phone: bool) {
    let who = &demo::HONG;
    let name = |n: &str| format!("task-cloud-{n}");
    start(b, "cloud", phone).await;
    screen(b, phone, 1, "tab-cloud", &name("01")).await;
    press(b, "tab-cloud").await;
    b.wait_path("/center/cloud").await;
    screen(b, phone, 2, "cloud-issue", &name("02")).await;
    press(b, "cloud-issue").await;
    b.wait_path("/login").await;
    screen(b, phone, 3, "login-id", &name("03")).await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center/cloud/issue").await;
    screen(b, phone, 4, "cloud-terms", &name("04")).await;
    press(b, "cloud-terms").await;
    press(b, "cloud-third-party").await;
    press(b, "cloud-terms-next").await;
    screen(b, phone, 5, "text-send", &name("05")).await;
    press(b, "text-send").await;
    let code = texted_code(b, ".text-identity").await;
    b.fill("#text-code", &code).await;
    press(b, "text-confirm").await;
    b.wait_text(".text-identity", "휴대폰 본인확인이 완료되었습니다")
        .await;
    b.fill("#account-password", who.account_password).await;
    second_factor(b, who, true).await;
    b.click(".account-check", "확인").await;
    // The task's start forgot this browser's connection: 클라우드 연결 is next.
    screen(b, phone, 6, "cloud-name", &name("06")).await;
    connect(b, true).await;
    screen(b, phone, 7, "pin-pad", &name("07")).await;
    b.fill("#pin-input", PIN).await;
    b.fill("#pin-input", PIN).await;
    screen(b, phone, 8, "cloud-card", &name("08")).await;
    b.click_css("[data-guide='logout'] button").await;
    b.wait_path("/").await;
    b.click_css("a[data-guide='logout']").await;
    b.wait_path("/login").await;
    screen(b, phone, 9, "cloud-login", &name("09")).await;
    press(b, "cloud-login").await;
    b.wait_text(".cloud-window .cloud-card", "홍길동").await;
    check(b, phone, &name("09-window")).await;
    b.fill("#pin-input", PIN).await;
    b.wait_text(".guide-summary", "STEP 09까지 모두 마쳤습니다")
        .await;
    b.wait_text(HEADER, "홍길동").await;
}

async fn the_cloud_task_is_guided_from_its_start_to_the_pin_login(b: Browser) {
    cloud_task(&b, false).await;
}

async fn the_cloud_task_on_a_phone_with_large_text(b: Browser) {
    b.as_phone().await;
    cloud_task(&b, true).await;
}

browser_tests!(
    a_cloud_certificate_is_issued_used_locked_reissued_and_closed,
    the_cloud_task_is_guided_from_its_start_to_the_pin_login,
    the_cloud_task_on_a_phone_with_large_text,
);
