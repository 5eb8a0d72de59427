//! 기업용 and 전자세금용 certificates for corp01, and biz02 refused.

use super::browser::Browser;
use super::flows::*;
use super::pages::*;
use super::support::assert_says;
use cert_center::bank::demo;

async fn corp01_issues_a_corporate_certificate_and_logs_in_to_corporate_banking(b: Browser) {
    let who = &demo::CORP;
    // The second box's 바로가기, the browser check, then the login.
    b.open("/center/issue").await;
    b.click(".issue-box:nth-child(2)", "바로가기").await;
    b.click(".dialog", "확인").await;
    b.wait_path("/center/issue/check").await;
    b.wait_text("table.checks", "IndexedDB").await;
    b.wait_text(".notes", "기업용 인증서 발급을 계속하세요")
        .await;
    b.click("#content", "확인").await;
    b.wait_path("/login").await;
    b.wait_text(".demo-accounts table.business", "(주)모의상사")
        .await;
    b.shot("login-business-customers").await;
    b.login(who.user_id, who.password).await;
    b.wait_text(".customer", "(주)모의상사 님").await;
    b.wait_text(".page-title h1", "기업용 인증서 발급").await;
    let kinds = issue_business_certificate(
        &b,
        who,
        "/center/issue/corporate",
        "한국정보인증",
        "110,000원",
    )
    .await;
    assert_says(&kinds, "110,000원/년");
    b.shot("business-step7").await;

    // 확인 logs out and opens 기업뱅킹's certificate login; 개인뱅킹 refuses the certificate.
    b.click(STEP, "확인").await;
    b.wait_path("/login").await;
    b.wait_text(".cert-picker", "(주)모의상사()0004").await;
    b.click(".cert-picker", "취소").await;
    b.click_label_exact("개인뱅킹").await;
    b.click(".cert-login", "브라우저인증서 로그인").await;
    certificate_login_as(&b, "(주)모의상사()0004", "기업 범용 인증서").await;
    b.wait_text(".cert-picker .error", "기업용 인증서입니다")
        .await;
    b.click(".cert-picker", "취소").await;
    b.click_label_exact("기업뱅킹").await;
    b.click(".cert-login", "브라우저인증서 로그인").await;
    certificate_login_as(&b, "(주)모의상사()0004", "기업 범용 인증서").await;
    at_center_as(&b, "(주)모의상사").await;
    b.open("/center/list").await;
    b.wait_text(".data-table", "기업 범용").await;
}

async fn corp01_issues_a_tax_certificate_from_its_tab(b: Browser) {
    let who = &demo::CORP;
    b.open("/center").await;
    b.click(".center-tabs", "전자세금용인증서").await;
    b.wait_path("/center/tax").await;
    let menu = b.wait_text(".center-menu", "전자세금용인증서").await;
    for entry in ["발급/재발급", "갱신", "조회", "폐기"] {
        assert_says(&menu, entry);
    }
    b.shot("tax-home").await;
    b.click(".issue-boxes", "바로가기").await;
    b.click(".dialog", "확인").await;
    b.wait_path("/center/issue/check").await;
    b.click("#content", "확인").await;
    b.wait_path("/login").await;
    b.login(who.user_id, who.password).await;
    b.wait_text(".page-title h1", "전자세금용 인증서 발급")
        .await;
    let kinds =
        issue_business_certificate(&b, who, "/center/tax/issue", "금융결제원", "4,400원").await;
    assert!(
        kinds.contains("전자세금용") && !kinds.contains("범용"),
        "only 전자세금용 is offered: {kinds}"
    );
    // The tab's 조회 lists it.
    b.open("/center/tax/list").await;
    b.wait_text(".data-table", "전자세금용").await;
    b.wait_text(".center-menu", "폐기").await;
}

async fn biz02_is_refused_with_the_manuals_sentence(b: Browser) {
    b.open("/center/issue/corporate").await;
    b.wait_path("/login").await;
    b.login(demo::BIZ.user_id, demo::BIZ.password).await;
    b.wait_text(
        "#content .error",
        "개인사업자와 임의단체가 기업용인증서를 발급받으려면 모의은행 지점에서 사업자등록번호와 납세번호를 등록해야 합니다.",
    )
    .await;
    b.shot("biz02-refused").await;
    assert!(!b.has(STEP).await, "no step is shown");
    // A personal ID is told what the business wizard needs.
    log_out(&b).await;
    b.open("/center/tax/issue").await;
    b.wait_path("/login").await;
    b.login("hong01", "Demo!2345").await;
    b.wait_text("#content .error", "기업인터넷뱅킹 고객(사업자)만")
        .await;
}

browser_tests![
    corp01_issues_a_corporate_certificate_and_logs_in_to_corporate_banking,
    corp01_issues_a_tax_certificate_from_its_tab,
    biz02_is_refused_with_the_manuals_sentence,
];
