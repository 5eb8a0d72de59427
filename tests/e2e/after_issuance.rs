//! After issuance: renewal and revocation, a `.pfx` export into a fresh profile, another
//! institution's certificate, and a reissue.

use super::browser::Browser;
use super::flows::*;
use super::pages::*;
use super::support::{assert_says, with_browser};
use cert_center::bank::demo;
use cert_center::kst::days_before;

async fn renewal_20_days_before_expiry_then_revocation_and_the_old_files_no_longer_log_in(
    b: Browser,
) {
    let who = hong_with_a_browser_certificate(&b).await;
    let expires = stored_expiry(&b).await;
    // At 127.0.0.1 the page says why 바이오인증 needs localhost.
    b.wait_text(".bio-needs-localhost", "localhost").await;

    // Twenty days before the expiry (the practice clock shifted); the session ended with it.
    let day = days_before(&expires, 20).unwrap();
    b.open(&format!("/login?clock={day}T12:00:00%2B09:00"))
        .await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center").await;

    // 미동의: a reissue is refused at step 2, renewal stays possible.
    b.open("/center/consent").await;
    b.wait_text(".consent-state", "동의").await;
    b.click("#content", "미동의로 변경").await;
    b.click(".dialog", "미동의").await;
    b.wait_text(".consent-state", "미동의").await;
    b.wait_text("#content", "영업점 방문(연습)").await;
    b.shot("consent-withdrawn").await;
    b.open("/center/issue/personal").await;
    step_1(&b, who).await;
    b.wait_text("table.issued", "발급").await;
    agree_with_ca(&b, "한국정보인증").await;
    b.click(STEP, "예").await;
    b.wait_text(
        &format!("{STEP} .error"),
        "미동의 시 인증서 발급/재발급이 제한됩니다",
    )
    .await;
    b.click(STEP, "아니오").await;
    b.wait_path("/center/issue").await;

    b.open("/center/renew").await;
    b.wait_text(
        ".renew-list",
        &format!("{}부터", days_before(&expires, 30).unwrap()),
    )
    .await;
    b.shot("renew").await;
    b.click(".renew-buttons", "브라우저인증서 갱신").await;
    browser_certificate_login(&b, CERT_PASSWORD).await;
    let next_year = format!(
        "{}{}",
        expires[..4].parse::<u16>().unwrap() + 1,
        &expires[4..]
    );
    b.wait_text(
        "#content .status",
        &format!("인증서를 갱신했습니다. 새 인증서의 만료일은 {next_year}입니다."),
    )
    .await;
    assert_eq!(
        stored_expiry(&b).await,
        next_year,
        "the browser keeps the new one only"
    );
    b.open("/center/list").await;
    let statuses = b.wait_text(".cert-status", "갱신").await;
    assert_says(&statuses, "발급");

    // 동의 again only at the branch, with the ID card's number and the account password.
    b.open("/center/consent").await;
    b.click("#content", "영업점 방문(연습)").await;
    let (front, back) = who.rrn.split_once('-').unwrap();
    b.fill("#branch-rrn-front", front).await;
    b.fill("#branch-rrn-back", back).await;
    b.fill("#branch-account-password", "0000").await;
    b.click(".dialog", "동의로 변경").await;
    b.wait_text(".dialog .error", "계좌 비밀번호").await;
    b.shot("consent-branch").await;
    b.fill("#branch-account-password", who.account_password)
        .await;
    b.click(".dialog", "동의로 변경").await;
    b.wait_text(".consent-state", "동의").await;
    b.wait_text("#content", "미동의로 변경").await;

    // Kept on disk too, then revoked: refunded (renewed today), listed in the CRL.
    b.open("/center/manage").await;
    b.wait_css(".cert-details").await;
    b.click("#content", "내보내기 (NPKI 파일)").await;
    let zip = b.wait_download("NPKI.zip").await;
    b.open("/center/revoke").await;
    b.click(".revoke-buttons", "브라우저인증서 폐기").await;
    browser_certificate_login(&b, CERT_PASSWORD).await;
    let done = b
        .wait_text("#content .status", "인증서를 폐기했습니다")
        .await;
    assert_says(&done, "4,400원을 출금계좌로 돌려드렸습니다");
    assert_says(&done, "이 브라우저에 저장된 인증서도 삭제했습니다");
    let serial = done
        .split("일련번호 ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap()
        .replace(':', "");
    b.wait_css("#crl-ca")
        .await
        .select_by_label("한국정보인증")
        .await
        .unwrap();
    b.click("#content", "인증서 폐기목록(CRL) 내려받기").await;
    let crl = std::fs::read(b.wait_download("KICA.crl").await).unwrap();
    let crl = <x509_cert::crl::CertificateList as der::Decode>::from_der(&crl).unwrap();
    let listed: Vec<String> = crl
        .tbs_cert_list
        .revoked_certificates
        .unwrap_or_default()
        .iter()
        .map(|r| r.serial_number.to_string().replace(':', ""))
        .collect();
    assert!(listed.contains(&serial), "{serial} not in {listed:?}");
    assert_eq!(listed.len(), 2, "the renewed-away one and the revoked one");

    log_out(&b).await;
    npki_login(&b, &zip).await;
    b.wait_text(".cert-picker .error", "폐기된 인증서입니다")
        .await;
}

async fn a_pfx_export_comes_back_here_and_into_a_fresh_profile(b: Browser) {
    hong_with_a_browser_certificate(&b).await;
    b.open("/center/manage").await;
    b.wait_css(".cert-details").await;
    b.click("#content", "내보내기 (PKCS#12)").await;
    b.fill("#pfx-password", CERT_PASSWORD).await;
    b.click(".pfx-export", "내보내기").await;
    let pfx = b.wait_download("signCert.pfx").await;
    let kept = std::env::temp_dir().join(format!("e2e-{}-signCert.pfx", std::process::id()));
    std::fs::copy(&pfx, &kept).unwrap();

    // Lost from the browser, brought back from the file, and it logs in.
    b.click("#content", "브라우저에서 삭제").await;
    b.click(".dialog", "삭제").await;
    b.wait_text("#content", "이 브라우저에 저장된 인증서가 없습니다")
        .await;
    import_pfx(&b, &kept).await;
    log_out(&b).await;
    b.open("/login?method=browser").await;
    browser_certificate_login(&b, CERT_PASSWORD).await;
    at_center_as(&b, "홍길동").await;

    // Another browser profile: the certificate arrives with its details.
    with_browser(move |fresh| async move {
        import_pfx(&fresh, &kept).await;
        fresh
            .wait_text(".cert-details", "1.2.410.200004.5.2.1.2 (개인 범용 인증서)")
            .await;
    })
    .await;
}

async fn another_institutions_certificate_logs_in_while_registered(b: Browser) {
    let who = &demo::HONG;
    b.open("/center/other-bank").await;
    b.wait_path("/login").await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center/other-bank").await;
    b.wait_text(".registered-list", "등록된 타행·타기관 인증서가 없습니다")
        .await;

    // A practice certificate from 모의증권, which this bank did not issue.
    b.fill("#practice-password", CERT_PASSWORD).await;
    b.fill("#practice-password-again", CERT_PASSWORD).await;
    b.click(".practice-form", "모의증권 인증서 받기").await;
    let zip = b.wait_download("NPKI.zip").await;
    let kept = std::env::temp_dir().join(format!("e2e-{}-other-NPKI.zip", std::process::id()));
    std::fs::copy(&zip, &kept).unwrap();

    // Not registered: refused at login.
    log_out(&b).await;
    npki_login(&b, &kept).await;
    b.wait_text(
        ".cert-picker .error",
        "모의은행에 등록되지 않은 인증서입니다",
    )
    .await;

    // Registered after step 3's verification: it logs in.
    b.open("/login").await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center").await;
    b.open("/center/other-bank").await;
    b.click("#content", "인증서 등록").await;
    step_3_here(&b, who).await;
    b.click(".register-buttons", "하드디스크/이동식디스크 인증서 선택")
        .await;
    pick_zip(&b, &kept).await;
    b.click(".cert-picker", "확인").await;
    b.wait_text("#content .status", "인증서(일련번호").await;
    b.wait_text(".registered-list", "한국전자인증").await;
    b.shot("other-bank-registered").await;
    b.open("/center/list").await;
    b.wait_text(".cert-status", "범용 (타행·타기관 등록)").await;
    log_out(&b).await;
    npki_login(&b, &kept).await;
    at_center_as(&b, "홍길동").await;

    // 해제: refused again.
    b.open("/center/other-bank").await;
    b.wait_text(".registered-list", "한국전자인증").await;
    b.click(".registered-list", "해제").await;
    b.wait_text("#content .status", "등록을 해제했습니다").await;
    b.wait_text(".registered-list", "등록된 타행·타기관 인증서가 없습니다")
        .await;
    log_out(&b).await;
    npki_login(&b, &kept).await;
    // The bank keeps the record: it knows this certificate was registered and released.
    b.wait_text(
        ".cert-picker .error",
        "등록이 해제된 타행·타기관 인증서입니다",
    )
    .await;
}

async fn a_reissue_is_free_keeps_the_expiry_and_replaces_the_browser_certificate(b: Browser) {
    let who = hong_with_a_browser_certificate(&b).await;
    let expires = stored_expiry(&b).await;

    log_out(&b).await;
    login_to_wizard(&b, who).await;
    through_step_3(&b, who).await;
    b.wait_text(".fee-table", "0원").await;
    b.wait_text(".reissue", "재발급입니다").await;
    b.click(STEP, "확인").await;
    b.wait_path("/center/issue/personal/5").await;
    step_5(&b).await;
    b.click(STEP, "인증서저장").await;
    b.click(".dialog", "확인").await;
    b.fill("#cert-password", CERT_PASSWORD).await;
    b.fill("#cert-password-again", CERT_PASSWORD).await;
    b.click(".password-form", "확인").await;
    b.wait_path("/center/issue/personal/7").await;

    assert_eq!(stored_expiry(&b).await, expires, "the old expiry is kept");
    let rows = b.text(".manage-list tbody").await;
    assert_eq!(
        rows.matches("KICA").count(),
        1,
        "replaced, not added: {rows}"
    );
    b.open("/center/list").await;
    let statuses = b.wait_text(".cert-status", "폐기").await;
    assert_says(&statuses, "발급");

    // Another reissue confirmed at 0원 up to step 6; meanwhile the certificate is revoked
    // (another tab could do it), so step 6 sends the customer back to step 4.
    log_out(&b).await;
    login_to_wizard(&b, who).await;
    through_step_3(&b, who).await;
    b.wait_text(".fee-table", "0원").await;
    b.click(STEP, "확인").await;
    b.wait_path("/center/issue/personal/5").await;
    step_5(&b).await;
    b.open("/center/revoke").await;
    b.click(".revoke-buttons", "브라우저인증서 폐기").await;
    browser_certificate_login(&b, CERT_PASSWORD).await;
    b.wait_text("#content .status", "인증서를 폐기했습니다")
        .await;
    b.open("/center/issue/personal/6").await;
    b.click(STEP, "인증서저장").await;
    b.click(".dialog", "확인").await;
    b.fill("#cert-password", CERT_PASSWORD).await;
    b.fill("#cert-password-again", CERT_PASSWORD).await;
    b.click(".password-form", "확인").await;
    b.wait_path("/center/issue/personal/4").await;
    b.wait_text(
        ".fee .error",
        "4단계에서 확인하신 수수료(0원)가 지금은 4,400원입니다",
    )
    .await;
    b.wait_text(".fee-table", "4,400원").await;
    b.shot("fee-changed").await;
}

browser_tests![
    renewal_20_days_before_expiry_then_revocation_and_the_old_files_no_longer_log_in,
    a_pfx_export_comes_back_here_and_into_a_fresh_profile,
    another_institutions_certificate_logs_in_while_registered,
    a_reissue_is_free_keeps_the_expiry_and_replaces_the_browser_certificate,
];
