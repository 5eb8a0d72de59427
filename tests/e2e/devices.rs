//! The certificate beyond the password: 바이오인증 at login, and the copy to a phone and back.

use super::HEADER;
use super::browser::Browser;
use super::flows::*;
use super::pages::*;
use cert_center::bank::demo;

async fn bio_authentication_replaces_the_password_at_login_until_released(mut b: Browser) {
    let who = &demo::HONG;
    b.move_to_localhost().await;
    let without_prf = b.add_fingerprint_reader(false).await;
    login_to_wizard(&b, who).await;
    issue_certificate(&b, who, None).await;

    // An authenticator without PRF: said in Korean, the password stays.
    b.open("/center/manage").await;
    b.wait_text(".bio-state", "등록되어 있지 않습니다").await;
    b.click("#content", "바이오인증 등록").await;
    b.fill("#bio-password", CERT_PASSWORD).await;
    b.click(".bio-register", "등록").await;
    b.wait_text(".bio-register .error", "PRF 확장").await;
    b.click(".bio-register", "취소").await;
    b.cdp(
        "WebAuthn.removeVirtualAuthenticator",
        serde_json::json!({ "authenticatorId": without_prf }),
    )
    .await;
    b.add_fingerprint_reader(true).await;

    // 인증서 관리: 바이오인증 등록 with the certificate password once.
    register_bio(&b, CERT_PASSWORD).await;
    b.shot("bio-registered").await;

    // A new certificate password keeps 바이오인증 working.
    b.click("#content", "암호 변경").await;
    b.fill("#old-password", CERT_PASSWORD).await;
    b.fill("#new-password", "Changed!2026pw").await;
    b.fill("#new-password-again", "Changed!2026pw").await;
    b.click(".password-change", "변경").await;
    b.wait_text("#content .status", "인증서 암호가 변경되었습니다")
        .await;

    // One biometric prompt, no password.
    b.click(HEADER, "로그아웃").await;
    b.wait_path("/").await;
    b.open("/login?method=browser").await;
    b.wait_text(".cert-picker .bio-hint", "바이오인증이 등록되어 있습니다")
        .await;
    b.shot("bio-login").await;
    b.click(".cert-picker", "바이오인증").await;
    at_center_as(&b, "홍길동").await;

    // 해제: the password again.
    b.open("/center/manage").await;
    b.click("#content", "바이오인증 해제").await;
    b.wait_text("#content .status", "바이오인증을 해제했습니다")
        .await;
    b.wait_text(".bio-state", "등록되어 있지 않습니다").await;
    b.click(HEADER, "로그아웃").await;
    b.wait_path("/").await;
    b.open("/login?method=browser").await;
    b.wait_text(".cert-picker", "홍길동(HONG GILDONG)0004")
        .await;
    assert!(
        !b.has(".cert-picker .bio").await,
        "no 바이오인증 once released"
    );
}

async fn a_certificate_is_copied_to_the_phone_logs_in_there_and_comes_back(b: Browser) {
    let who = hong_with_a_browser_certificate(&b).await;

    // PC → 스마트폰: the phone's app logs in, then shows the number; a wrong one is counted.
    b.open("/center/phone-copy").await;
    b.click("#content", "스마트폰 열기").await;
    b.click(".star-phone", "PC에서 가져오기").await;
    b.fill("#phone-id", "hong01").await;
    b.fill("#phone-id-password", "Wrong!2345").await;
    b.click(".phone-id-login", "로그인").await;
    b.wait_text(".phone-id-login .error", "비밀번호").await;
    b.shot("phone-id-login").await;
    b.fill("#phone-id-password", who.password).await;
    b.click(".phone-id-login", "로그인").await;
    let number = b.wait_text(".star-phone .copy-number", "-").await;
    assert_eq!(number.len(), 14, "{number}");
    let last = number.chars().last().unwrap();
    let wrong = format!("{}{}", &number[..13], if last == '0' { '1' } else { '0' });
    b.fill("#pc-send-number", &wrong).await;
    b.click(".pc-to-phone", "브라우저인증서 보내기").await;
    certificate_login_as(&b, "홍길동(HONG GILDONG)0004", "개인 범용 인증서").await;
    b.wait_text(".cert-picker .error", "인증번호가 일치하지 않습니다. 2회")
        .await;
    b.click(".cert-picker", "취소").await;
    b.fill("#pc-send-number", &number).await;
    b.click(".pc-to-phone", "브라우저인증서 보내기").await;
    certificate_login_as(&b, "홍길동(HONG GILDONG)0004", "개인 범용 인증서").await;
    b.wait_text(".copy-sent", "인증서를 보냈습니다").await;
    b.wait_text(".star-phone .copy-kept", "스마트폰에 저장했습니다")
        .await;
    b.shot("phone-copy-kept").await;

    // The phone logs in with its copy.
    b.click(".star-phone", "처음으로").await;
    b.wait_text(".star-phone-certs", "홍길동(HONG GILDONG)0004")
        .await;
    b.click(".star-phone", "인증서 로그인").await;
    b.fill("#phone-login-password", CERT_PASSWORD).await;
    b.click(".phone-login", "로그인").await;
    b.wait_text(".phone-welcome", "홍길동 님, 스타뱅킹에 로그인되었습니다")
        .await;
    b.shot("phone-login").await;

    // A number no longer shown (the phone asked for a new one) opens nothing.
    b.click(".star-phone", "처음으로").await;
    b.click(".star-phone", "PC에서 가져오기").await;
    let stale = b.wait_text(".star-phone .copy-number", "-").await;
    b.click(".star-phone", "처음으로").await;
    b.click(".star-phone", "PC에서 가져오기").await;
    let fresh = b.wait_text(".star-phone .copy-number", "-").await;
    assert_ne!(stale, fresh);
    b.fill("#pc-send-number", &stale).await;
    b.click(".pc-to-phone", "브라우저인증서 보내기").await;
    certificate_login_as(&b, "홍길동(HONG GILDONG)0004", "개인 범용 인증서").await;
    b.wait_text(".cert-picker .error", "인증번호가 일치하지 않습니다")
        .await;
    b.click(".cert-picker", "취소").await;

    // 스마트폰 → PC, into a browser that no longer has it.
    b.open("/center/manage").await;
    b.click("#content", "브라우저에서 삭제").await;
    b.click(".dialog", "삭제").await;
    b.wait_text("#content .status", "삭제했습니다").await;
    b.open("/center/phone-copy").await;
    b.click("#content", "스마트폰 열기").await;
    b.click("#content", "인증번호 받기").await;
    let number = b.wait_text("#content .copy-number", "-").await;
    b.click(".star-phone", "PC로 내보내기").await;
    b.fill("#phone-send-number", &number).await;
    b.fill("#phone-send-password", CERT_PASSWORD).await;
    b.click(".phone-send", "보내기").await;
    b.wait_text("#content .copy-kept", "이 브라우저에 저장했습니다")
        .await;
    b.open("/login?method=browser").await;
    browser_certificate_login(&b, CERT_PASSWORD).await;
    at_center_as(&b, "홍길동").await;
}

browser_tests![
    bio_authentication_replaces_the_password_at_login_until_released,
    a_certificate_is_copied_to_the_phone_logs_in_there_and_comes_back,
];
