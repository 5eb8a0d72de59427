//! 연습 과제 7–9 end to end (issue #23): 타행·타기관 인증서 등록/해제, 스마트폰인증서 복사 and
//! 내보내기/가져오기, from `시작` to their end in guided mode, with the STEP and badge `01` (and
//! axe-core) on every screen. Several of their steps share a screen: the next one begins once
//! the page has answered the last action.

use super::HEADER;
use super::browser::Browser;
use super::flows::*;
use super::guided::{check, press, screen};
use super::pages::pick_zip;
use super::practice::start;
use cert_center::bank::demo;
use cert_center::guide::PRACTICE_PASSWORD;

/// 로그아웃 at the top, then the header's 로그인.
async fn log_out_then_log_in(b: &Browser) {
    b.click_css("[data-guide='logout'] button").await;
    b.wait_path("/").await;
    b.click_css("a[data-guide='logout']").await;
    b.wait_path("/login").await;
}

/// On a phone, the center's left menu opens behind [메뉴] first.
async fn open_menu(b: &Browser, phone: bool) {
    if phone {
        b.click(".center-menu", "메뉴").await;
    }
}

/// From the login page at the task's last STEP `step`: the browser certificate, then the
/// summary.
async fn browser_certificate_login_ends(b: &Browser, phone: bool, step: u8, name: &str) {
    screen(b, phone, step, "cert-login", name).await;
    press(b, "cert-login").await;
    b.wait_text(".cert-picker", "홍길동").await;
    b.fill("#cert-login-password", PRACTICE_PASSWORD).await;
    b.click(".cert-picker", "확인").await;
    b.wait_text(
        ".guide-summary",
        &format!("STEP {step:02}까지 모두 마쳤습니다"),
    )
    .await;
    b.wait_text(HEADER, "홍길동").await;
}

/// Task 7: 모의증권's certificate as NPKI.zip, registered after step 3's verification, a login
/// with it, and 해제 (the task ends on the notice).
async fn another_institutions_certificate_is_registered_used_and_released(b: Browser) {
    let who = &demo::HONG;
    let name = |n: &str| format!("task-other-bank-{n}");
    start(&b, "other-bank", false).await;
    screen(&b, false, 1, "center-other-bank", &name("01")).await;
    press(&b, "center-other-bank").await;
    b.wait_path("/login").await;
    screen(&b, false, 2, "login-id", &name("02")).await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center/other-bank").await;
    screen(&b, false, 3, "practice-form", &name("03")).await;
    b.fill("#practice-password", CERT_PASSWORD).await;
    b.fill("#practice-password-again", CERT_PASSWORD).await;
    press(&b, "practice-get").await;
    // In this profile's own downloads: flows that run at the same time do not share it.
    let zip = b.wait_download("NPKI.zip").await;
    b.wait_text(".practice-form .status", "NPKI.zip으로 저장했습니다")
        .await;
    b.wait_text(".guide-step", "STEP 03 /").await;
    press(&b, "other-bank-register").await;
    // The verification on the same screen is the next STEP.
    screen(&b, false, 4, "identity-ars", &name("04")).await;
    step_3_here(&b, who).await;
    screen(&b, false, 5, "prove-HardDisk", &name("05")).await;
    press(&b, "prove-HardDisk").await;
    pick_zip(&b, &zip).await;
    b.click(".cert-picker", "확인").await;
    b.wait_text("#content .status", "를 등록했습니다").await;
    log_out_then_log_in(&b).await;
    screen(&b, false, 6, "npki-login", &name("06")).await;
    press(&b, "npki-login").await;
    pick_zip(&b, &zip).await;
    b.click(".cert-picker", "확인").await;
    // Logged in with it, back on the bank's home: the panel leads on.
    b.wait_text(HEADER, "홍길동").await;
    b.click(".guide-away", "STEP 07 화면으로 가기").await;
    b.wait_path("/center/other-bank").await;
    screen(&b, false, 7, "other-bank-release", &name("07")).await;
    press(&b, "other-bank-release").await;
    let summary = b
        .wait_text(".guide-summary", "STEP 07까지 모두 마쳤습니다")
        .await;
    assert!(summary.contains("실수 없이 마쳤습니다"), "{summary}");
    b.wait_text(".registered-list", "등록된 타행·타기관 인증서가 없습니다")
        .await;
    check(&b, false, &name("summary")).await;
}

/// Task 8: PC → the on-screen phone; the PC's copy deleted as on a new PC; phone → PC after
/// the PC's login; a login with the certificate that came back.
async fn phone_copy_task(b: &Browser, phone: bool) {
    let who = &demo::HONG;
    let name = |n: &str| format!("task-phone-copy-{n}");
    start(b, "phone-copy", phone).await;
    screen(b, phone, 1, "center-phone-copy", &name("01")).await;
    press(b, "center-phone-copy").await;
    b.wait_path("/center/phone-copy").await;
    screen(b, phone, 2, "phone-open", &name("02")).await;
    press(b, "phone-open").await;
    // The start emptied the phone of this customer's certificates.
    b.wait_text(".star-phone-certs", "저장된 인증서가 없습니다")
        .await;
    press(b, "phone-receive").await;
    b.fill("#phone-id", who.user_id).await;
    b.fill("#phone-id-password", who.password).await;
    b.click(".phone-id-login", "로그인").await;
    let number = b.wait_text(".star-phone .copy-number", "-").await;
    screen(b, phone, 3, "copy-number", &name("03")).await;
    b.fill("#pc-send-number", &number).await;
    press(b, "prove-Browser").await;
    b.wait_text(".cert-picker", "홍길동").await;
    b.fill("#cert-login-password", PRACTICE_PASSWORD).await;
    b.click(".cert-picker", "확인").await;
    b.wait_text(".star-phone .copy-kept", "스마트폰에 저장했습니다")
        .await;
    open_menu(b, phone).await;
    press(b, "menu-manage").await;
    b.wait_path("/center/manage").await;
    screen(b, phone, 4, "manage-delete", &name("04")).await;
    press(b, "manage-delete").await;
    press(b, "delete-ok").await;
    b.wait_text("#content .status", "삭제했습니다").await;
    open_menu(b, phone).await;
    press(b, "menu-phone-copy").await;
    b.wait_path("/center/phone-copy").await;
    // Not logged in on this PC: the way to a number is the login.
    screen(b, phone, 5, "receive-login", &name("05")).await;
    press(b, "receive-login").await;
    b.wait_path("/login").await;
    screen(b, phone, 6, "login-id", &name("06")).await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center/phone-copy").await;
    screen(b, phone, 7, "receive-number", &name("07")).await;
    press(b, "receive-number").await;
    let number = b
        .wait_text("#content .copy-receiver .copy-number", "-")
        .await;
    if !b.has(".star-phone").await {
        press(b, "phone-open").await;
    }
    press(b, "phone-send").await;
    b.fill("#phone-send-number", &number).await;
    b.fill("#phone-send-password", PRACTICE_PASSWORD).await;
    b.click(".phone-send", "보내기").await;
    b.wait_text("#content .copy-kept", "이 브라우저에 저장했습니다")
        .await;
    log_out_then_log_in(b).await;
    browser_certificate_login_ends(b, phone, 8, &name("08")).await;
}

/// Task 9: a `.pfx` out, the browser's copy deleted, the file brought back in (the steps on
/// one screen following each other), and a login with it.
async fn export_task(b: &Browser, phone: bool) {
    let name = |n: &str| format!("task-export-{n}");
    start(b, "export", phone).await;
    screen(b, phone, 1, "center-manage", &name("01")).await;
    press(b, "center-manage").await;
    b.wait_path("/center/manage").await;
    screen(b, phone, 2, "manage-pfx", &name("02")).await;
    press(b, "manage-pfx").await;
    b.fill("#pfx-password", PRACTICE_PASSWORD).await;
    press(b, "pfx-export").await;
    let pfx = b.wait_download("signCert.pfx").await;
    b.wait_text("#content .status", "signCert.pfx를 저장했습니다")
        .await;
    screen(b, phone, 3, "manage-delete", &name("03")).await;
    press(b, "manage-delete").await;
    press(b, "delete-ok").await;
    b.wait_text("#content .status", "삭제했습니다").await;
    screen(b, phone, 4, "manage-import", &name("04")).await;
    press(b, "manage-import").await;
    b.attach("#import-files", &pfx).await;
    b.fill("#import-password", PRACTICE_PASSWORD).await;
    press(b, "cert-import").await;
    b.wait_text("#content .status", "인증서를 이 브라우저로 가져왔습니다")
        .await;
    press(b, "logout").await;
    b.wait_path("/login").await;
    browser_certificate_login_ends(b, phone, 5, &name("05")).await;
}

async fn a_certificate_goes_to_the_phone_and_back_to_a_new_pc(b: Browser) {
    phone_copy_task(&b, false).await;
}

async fn a_certificate_goes_to_the_phone_and_back_on_a_phone_with_large_text(b: Browser) {
    b.as_phone().await;
    phone_copy_task(&b, true).await;
}

async fn a_certificate_leaves_as_a_file_and_comes_back(b: Browser) {
    export_task(&b, false).await;
}

async fn a_certificate_leaves_as_a_file_on_a_phone_with_large_text(b: Browser) {
    b.as_phone().await;
    export_task(&b, true).await;
}

browser_tests![
    another_institutions_certificate_is_registered_used_and_released,
    a_certificate_goes_to_the_phone_and_back_to_a_new_pc,
    a_certificate_goes_to_the_phone_and_back_on_a_phone_with_large_text,
    a_certificate_leaves_as_a_file_and_comes_back,
    a_certificate_leaves_as_a_file_on_a_phone_with_large_text,
];
