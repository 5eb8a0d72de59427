//! What the end-to-end tests do on one screen or another, kept out of the test bodies.

use super::browser::Browser;
use super::flows::CERT_PASSWORD;
use cert_center::bank::demo::DemoCustomer;

/// The expiry date in the 인증서 관리 list.
pub async fn stored_expiry(b: &Browser) -> String {
    b.open("/center/manage").await;
    let row = b.wait_text(".manage-list tbody", "KICA").await;
    row.split_whitespace()
        .find(|w| w.len() == 10 && w.as_bytes()[4] == b'-')
        .unwrap()
        .to_owned()
}

/// Opens the certificate picker on the browser's certificates and logs in with `password`.
pub async fn browser_certificate_login(b: &Browser, password: &str) {
    b.wait_text(".cert-picker", "홍길동(HONG GILDONG)0004")
        .await;
    let list = b.text(".cert-list").await;
    assert!(
        list.contains("개인 범용 인증서") && list.contains("KICA"),
        "{list}"
    );
    b.fill("#cert-login-password", password).await;
    b.shot("cert-picker").await;
    b.click(".cert-picker", "확인").await;
}

/// From the bank's home page to step 1, the way a customer clicks.
pub async fn home_to_wizard(b: &Browser, who: &DemoCustomer) {
    b.open("/").await;
    b.click_css(".home-tiles a[href='/center']").await;
    b.wait_path("/center").await;
    b.click(".tiles", "바로가기").await;
    b.wait_path("/center/issue").await;
    b.click(".issue-boxes", "바로가기").await;
    b.click(".dialog", "확인").await;
    b.wait_path("/center/issue/check").await;
    b.wait_text("table.checks", "IndexedDB").await;
    b.click("#content", "확인").await;
    b.wait_path("/login").await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center/issue/personal/1").await;
}

/// 인증서 관리 → 인증서 가져오기 with a `.pfx` file.
pub async fn import_pfx(b: &Browser, pfx: &std::path::Path) {
    b.open("/center/manage").await;
    b.click("#content", "인증서 가져오기").await;
    b.attach("#import-files", pfx).await;
    b.fill("#import-password", "Wrong!20261").await;
    b.click(".cert-import", "가져오기").await;
    b.wait_text(".cert-import .error", "인증서 암호가 올바르지 않습니다")
        .await;
    b.fill("#import-password", CERT_PASSWORD).await;
    b.click(".cert-import", "가져오기").await;
    b.wait_text("#content .status", "인증서를 이 브라우저로 가져왔습니다")
        .await;
    b.wait_text(".manage-list", "홍길동(HONG GILDONG)0004")
        .await;
}

/// Picks an NPKI zip in the open certificate dialog and types the password.
pub async fn pick_zip(b: &Browser, zip: &std::path::Path) {
    b.attach("#npki-files", zip).await;
    b.wait_text(".cert-list", "홍길동(HONG GILDONG)0004").await;
    b.fill("#cert-login-password", CERT_PASSWORD).await;
}

/// In the open certificate picker, picks the certificate of `holder` (its list shows `kind`)
/// and logs in with the e2e password.
pub async fn certificate_login_as(b: &Browser, holder: &str, kind: &str) {
    b.wait_text(".cert-picker", holder).await;
    b.wait_text(".cert-list", kind).await;
    b.fill("#cert-login-password", CERT_PASSWORD).await;
    b.click(".cert-picker", "확인").await;
}

/// 바이오인증 등록 for the certificate shown (인증서 관리 or the 바이오인증 page), with `password`.
pub async fn register_bio(b: &Browser, password: &str) {
    b.click("#content", "바이오인증 등록").await;
    b.fill("#bio-password", password).await;
    b.click(".bio-register", "등록").await;
    b.wait_text("#content .status", "바이오인증을 등록했습니다")
        .await;
    b.wait_text(".bio-state", "바이오인증이 등록되어 있습니다")
        .await;
}

/// 로그아웃 from the header: back on the bank's home, logged out.
pub async fn log_out(b: &Browser) {
    b.click(super::HEADER, "로그아웃").await;
    b.wait_path("/").await;
    b.wait_text(super::HEADER, "로그인").await;
}

/// Certificate login with the NPKI folder in `zip`, up to the picker's `확인`.
pub async fn npki_login(b: &Browser, zip: &std::path::Path) {
    b.open("/login?method=npki").await;
    pick_zip(b, zip).await;
    b.click(".cert-picker", "확인").await;
}

/// Logged in: the center's home, the header greeting `name`.
pub async fn at_center_as(b: &Browser, name: &str) {
    b.wait_path("/center").await;
    b.wait_text(".customer", &format!("{name} 님")).await;
}
