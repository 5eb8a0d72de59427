//! The issuance wizard, steps 1 to 6, for the demo customers and their second factors, and
//! the browser and hard-disk certificates it saves.

use super::HEADER;
use super::browser::Browser;
use super::flows::*;
use super::pages::*;
use super::support::{PINNED_CLOCK, assert_says};
use cert_center::bank::demo;
use cert_center::kst::days_before;
use fantoccini::Locator;

async fn hong_with_the_security_card_goes_through_steps_one_to_six(b: Browser) {
    let who = &demo::HONG;
    login_to_wizard(&b, who).await;
    b.wait_text(
        ".step-indicator li.current",
        "1\n약관동의 및 사용자 본인확인",
    )
    .await;
    b.click(STEP, "약관 동의/본인확인").await;
    b.wait_text(STEP, "모두 동의해 주세요").await;
    step_1(&b, who).await;
    step_2(&b).await;
    b.wait_text(".security-card", "A 12345678").await;
    step_3(&b, who).await;
    let fee = b.text(".fee-table").await;
    assert!(
        fee.contains("123456-78-901234") && fee.contains("개인범용"),
        "{fee}"
    );
    step_4(&b).await;

    b.click(STEP, "확인").await;
    b.wait_text("#english_name-error", "영문명을 입력해 주세요")
        .await;
    step_5(&b).await;

    b.click(STEP, "인증서저장").await;
    b.wait_text(".dialog", "브라우저").await;
    b.click(".dialog", "확인").await;
    b.fill("#cert-password", "Abcdef1!x").await;
    b.wait_text(".password-rule", "✘ 10자리 이상").await;
    b.fill("#cert-password", "Abcdef1!xy").await;
    b.wait_text(".password-rule", "✔ 10자리 이상").await;
    b.fill("#cert-password-again", "Abcdef1!xz").await;
    b.click(".password-form", "확인").await;
    b.wait_text(".password-form .error", "일치하지 않습니다")
        .await;
    b.fill("#cert-password-again", "Abcdef1!xy").await;
    b.click(".password-form", "확인").await;
    b.wait_text(".issuing", "인증서 발급 중").await;
    b.shot("hong-issuing").await;
    b.wait_path("/center/issue/personal/7").await;
    b.wait_text(
        STEP,
        "공인인증서 발급이 완료되었습니다. 다시 로그인후에 사용하기 바랍니다.",
    )
    .await;
}

async fn hong_issues_a_browser_certificate_and_logs_in_with_it(b: Browser) {
    let who = &demo::HONG;
    home_to_wizard(&b, who).await;
    through_step_3(&b, who).await;
    step_4(&b).await;
    step_5(&b).await;
    // Reload keeps the wizard where it was.
    b.client.refresh().await.unwrap();
    b.wait_text(".step-title", "6 인증서암호 및 저장위치 확인")
        .await;

    b.click(STEP, "인증서저장").await;
    b.click(".dialog", "확인").await;
    b.fill("#cert-password", CERT_PASSWORD).await;
    b.fill("#cert-password-again", CERT_PASSWORD).await;
    b.click(".password-form", "확인").await;
    b.wait_path("/center/issue/personal/7").await;
    let summary = b
        .wait_text(".issued-summary", "홍길동(HONG GILDONG)0004")
        .await;
    assert_says(&summary, "브라우저");
    b.shot("hong-step7").await;

    // 확인 logs out and offers the browser-certificate login.
    b.click(STEP, "확인").await;
    b.wait_path("/login").await;
    b.wait_text(HEADER, "로그인").await;
    browser_certificate_login(&b, "Gildong!2025").await;
    b.wait_text(".cert-picker .error", "인증서 암호가 올바르지 않습니다")
        .await;
    assert_eq!(b.path().await, "/login?method=browser");
    b.fill("#cert-login-password", CERT_PASSWORD).await;
    b.click(".cert-picker", "확인").await;
    at_center_as(&b, "홍길동").await;

    // The bank lists the certificate as issued.
    b.open("/center/list").await;
    b.wait_text(".cert-status", "발급").await;

    // After a reload and a logout the stored certificate still logs in.
    b.client.refresh().await.unwrap();
    b.wait_text(".customer", "홍길동 님").await;
    log_out(&b).await;
    // A locked ID still logs in by certificate, and a new ID password lifts the lock.
    b.open("/login").await;
    for left in ["4회", "3회", "2회", "1회", "아이디 사용이 제한되었습니다"] {
        b.login("hong01", "wrong-password").await;
        b.wait_text(".login-form .error", left).await;
    }
    // 기업뱅킹 takes no personal certificate.
    b.click_label_exact("기업뱅킹").await;
    b.click(".cert-login", "브라우저인증서 로그인").await;
    browser_certificate_login(&b, CERT_PASSWORD).await;
    b.wait_text(
        ".cert-picker .error",
        "개인용 인증서로는 기업뱅킹에 로그인할 수 없습니다",
    )
    .await;
    b.click(".cert-picker", "취소").await;
    b.click_label_exact("개인뱅킹").await;
    b.click(".cert-login", "브라우저인증서 로그인").await;
    browser_certificate_login(&b, CERT_PASSWORD).await;
    at_center_as(&b, "홍길동").await;
    b.open("/account/password").await;
    b.fill("#new-login-password", "NewPass2026").await;
    b.fill("#new-login-password-again", "NewPass2026").await;
    b.click(".login-password", "확인").await;
    b.wait_text(
        ".login-password .status",
        "아이디 사용 제한도 해제되었습니다",
    )
    .await;
    b.shot("login-password").await;
    b.click(HEADER, "로그아웃").await;
    b.wait_path("/").await;
    b.open("/login").await;
    b.login("hong01", "NewPass2026").await;
    at_center_as(&b, "홍길동").await;

    // 인증서 관리: details, a new password that logs in, then deletion.
    b.open("/center/manage").await;
    let details = b
        .wait_text(".cert-details", "1.2.410.200004.5.2.1.2 (개인 범용 인증서)")
        .await;
    assert!(
        details.contains("전자서명 (digitalSignature), 부인방지 (nonRepudiation)"),
        "{details}"
    );
    b.click("#content", "암호 변경").await;
    b.fill("#old-password", "Gildong!2025").await;
    b.fill("#new-password", "Gildong!2027").await;
    b.fill("#new-password-again", "Gildong!2027").await;
    b.click(".password-change", "변경").await;
    b.wait_text(
        ".password-change .error",
        "지금 사용 중인 인증서 암호가 올바르지 않습니다",
    )
    .await;
    b.shot("manage-password-refused").await;
    b.fill("#old-password", CERT_PASSWORD).await;
    b.click(".password-change", "변경").await;
    b.wait_text("#content .status", "인증서 암호가 변경되었습니다")
        .await;
    b.shot("manage-password-changed").await;
    log_out(&b).await;
    b.open("/login?method=browser").await;
    browser_certificate_login(&b, CERT_PASSWORD).await;
    b.wait_text(".cert-picker .error", "인증서 암호가 올바르지 않습니다")
        .await;
    b.fill("#cert-login-password", "Gildong!2027").await;
    b.click(".cert-picker", "확인").await;
    at_center_as(&b, "홍길동").await;

    // Twenty days before the expiry (the practice clock shifted), the center warns.
    let expires = stored_expiry(&b).await;
    let warn_day = days_before(&expires, 20).unwrap();
    b.open(&format!("/center?clock={warn_day}T12:00:00%2B09:00"))
        .await;
    b.wait_text(
        ".expiry-warning",
        &format!("{expires}에 끝납니다 (20일 남음)"),
    )
    .await;
    b.open(&format!("/center?clock={PINNED_CLOCK}")).await;
    assert!(!b.has(".expiry-warning").await, "no warning a year ahead");

    b.open("/center/manage").await;
    b.click("#content", "브라우저에서 삭제").await;
    b.wait_text(".dialog", "되살릴 수 없습니다").await;
    b.click(".dialog", "삭제").await;
    b.wait_text("#content", "이 브라우저에 저장된 인증서가 없습니다")
        .await;
}

async fn a_hard_disk_certificate_is_saved_as_npki_files_that_log_in(b: Browser) {
    let who = &demo::HONG;
    login_to_wizard(&b, who).await;
    issue_certificate(&b, who, Some("하드디스크")).await;
    let summary = b.wait_text(".issued-summary", "하드디스크").await;
    assert_says(&summary, "KICA");
    let zip = b.wait_download("NPKI.zip").await;
    let (certificate, _) = cert_center::pki::npki::unzip(&std::fs::read(&zip).unwrap()).unwrap();
    assert!(
        cert_center::pki::npki::summarize(&certificate)
            .unwrap()
            .holder
            .starts_with("홍길동(HONG GILDONG)0004")
    );

    // 확인 logs out and offers the certificate login from files; nothing is in the browser.
    b.click(STEP, "확인").await;
    b.wait_path("/login").await;
    b.wait_text(".cert-picker", "하드디스크").await;
    pick_zip(&b, &zip).await;
    b.click(".cert-picker", "확인").await;
    at_center_as(&b, "홍길동").await;
    b.open("/login?method=browser").await;
    b.wait_text(".cert-picker", "이 브라우저에 저장된 인증서가 없습니다")
        .await;
}

/// A learner who clicks before the screen has loaded: `인증받기` the moment step 3 appears
/// (the bank answers after 250 ms) must never open an ARS dialog without the phones.
async fn clicking_as_fast_as_the_script_can_issues_a_certificate(b: Browser) {
    let who = &demo::HONG;
    login_to_wizard(&b, who).await;
    step_1(&b, who).await;
    // Step 2 without waiting for its table of issued certificates.
    agree_with_ca(&b, "한국정보인증").await;
    b.click(STEP, "예").await;
    b.wait_path("/center/issue/personal/3").await;
    // 인증받기 at once, and again (it may still be disabled) until the dialog opens.
    let xpath = "//button[normalize-space()='인증받기']";
    let page = &b;
    page.until(move || async move {
        if let Ok(button) = page.client.find(Locator::XPath(xpath)).await {
            let _ = button.click().await;
        }
        match page.has(".dialog").await {
            true => Ok(()),
            false => Err("no ARS dialog yet"),
        }
    })
    .await;
    let phones = b
        .client
        .find_all(Locator::Css(".dialog input[type='radio']"))
        .await
        .unwrap()
        .len();
    assert_eq!(phones, 2, "the dialog lists hong01's two phones at once");
    ars_in_dialog(&b).await;
    b.fill("#account-password", who.account_password).await;
    second_factor(&b, who, true).await;
    b.click(".account-check", "확인").await;
    b.wait_path("/center/issue/personal/4").await;
    step_4(&b).await;
    step_5(&b).await;
    step_6(&b, None).await;
}

async fn minji_verifies_with_the_otp_token(b: Browser) {
    let who = &demo::MINJI;
    login_to_wizard(&b, who).await;
    step_1(&b, who).await;
    step_2(&b).await;
    b.wait_css(".otp-code").await;
    step_3(&b, who).await;
    step_4(&b).await;
}

async fn five_wrong_card_answers_lock_the_card(b: Browser) {
    let who = &demo::HONG;
    login_to_wizard(&b, who).await;
    step_1(&b, who).await;
    step_2(&b).await;
    ars(&b).await;
    b.fill("#account-password", who.account_password).await;
    for left in ["4회", "3회", "2회", "1회"] {
        second_factor(&b, who, false).await;
        b.click(".account-check", "확인").await;
        b.wait_text(".account-check .error", &format!("{left} 더 틀리면"))
            .await;
    }
    second_factor(&b, who, false).await;
    b.click(".account-check", "확인").await;
    b.wait_text(".account-check .error", "보안카드 사용이 제한되었습니다")
        .await;
    b.wait_text(".card-answer", "입력 가능 0회").await;

    // The right answer no longer helps, even after a reload.
    b.client.refresh().await.unwrap();
    b.wait_path("/center/issue/personal/3").await;
    b.wait_text(".identity .status", "추가 본인 인증이 완료되었습니다")
        .await;
    b.fill("#account-password", who.account_password).await;
    second_factor(&b, who, true).await;
    b.click(".account-check", "확인").await;
    b.wait_text(".account-check .error", "보안카드 사용이 제한되었습니다")
        .await;
}

async fn sunsin_is_refused_at_the_fee_step(b: Browser) {
    let who = &demo::SUNSIN;
    login_to_wizard(&b, who).await;
    through_step_3(&b, who).await;
    b.click(STEP, "확인").await;
    b.wait_text(STEP, "잔액이 부족하여").await;
    b.wait_text(STEP, "잔액 3,000원").await;
    assert_eq!(b.path().await, "/center/issue/personal/4");
}

async fn a_deep_link_past_the_progress_lands_on_the_first_unfinished_step(b: Browser) {
    let who = &demo::HONG;
    login_to_wizard(&b, who).await;
    step_1(&b, who).await;
    b.open("/center/issue/personal/5").await;
    b.wait_path("/center/issue/personal/2").await;
    b.wait_text(".step-title", "2 발급대상 인증서 확인").await;

    // 취소 ends the wizard; coming back starts at step 1.
    b.click(STEP, "아니오").await;
    b.wait_path("/center/issue").await;
    b.open("/center/issue/personal/2").await;
    b.wait_path("/center/issue/personal/1").await;
}

browser_tests![
    hong_with_the_security_card_goes_through_steps_one_to_six,
    hong_issues_a_browser_certificate_and_logs_in_with_it,
    a_hard_disk_certificate_is_saved_as_npki_files_that_log_in,
    clicking_as_fast_as_the_script_can_issues_a_certificate,
    minji_verifies_with_the_otp_token,
    five_wrong_card_answers_lock_the_card,
    sunsin_is_refused_at_the_fee_step,
    a_deep_link_past_the_progress_lands_on_the_first_unfinished_step,
];
