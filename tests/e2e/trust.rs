//! Issue #20's new screens at a phone's width: the branch's identity check, the phone app's
//! login before its 인증번호, a zip of two certificates to choose from, and the NPKI export for
//! older programs with its warning. Each fits the screen (no sideways scroll, no button under
//! 44 px) and passes axe-core.

use std::io::Write;

use super::browser::Browser;
use super::support::assert_says;
use cert_center::bank::api::CertKind;
use cert_center::bank::demo;
use cert_center::sample::{SAMPLE_PASSWORD, write_sample_of};

/// 2026-11-26 12:00 KST, the e2e flows' pinned practice clock.
const SAMPLE_AT: i64 = 1_795_662_000_000;

async fn check(b: &Browser, name: &str) {
    let name = format!("trust-phone-{name}");
    b.fits_width(&name).await;
    let small = b.small_buttons().await;
    assert!(small.is_empty(), "{name}: buttons under 44 px: {small:?}");
    b.axe(&name).await;
    b.shot(&name).await;
}

/// A zip of two NPKI folders: 홍길동's personal sample and (주)모의상사's corporate one.
fn two_folder_zip(dir: &std::path::Path) -> std::path::PathBuf {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(dir.join("two.zip")).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, kind) in [
        ("hong", CertKind::General),
        ("corp", CertKind::CorporateGeneral),
    ] {
        let folder = dir.join(name);
        std::fs::create_dir_all(&folder).unwrap();
        write_sample_of(&folder, SAMPLE_AT, kind).unwrap();
        for file in ["signCert.der", "signPri.key"] {
            zip.start_file(format!("NPKI/KICA/USER/{name}/{file}"), options)
                .unwrap();
            zip.write_all(&std::fs::read(folder.join(file)).unwrap())
                .unwrap();
        }
    }
    zip.finish().unwrap();
    dir.join("two.zip")
}

async fn the_new_dialogs_fit_a_phone(b: Browser) {
    b.as_phone().await;
    let who = &demo::HONG;
    b.open("/login").await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center").await;

    // 동의여부: withdrawn, then the branch's check.
    b.open("/center/consent").await;
    b.click("#content", "미동의로 변경").await;
    b.click(".dialog", "미동의").await;
    b.click("#content", "영업점 방문(연습)").await;
    b.wait_css("#branch-rrn-front").await;
    check(&b, "consent-branch").await;
    b.click(".dialog", "취소").await;

    // 스마트폰 복사: the phone's app logs in before it shows a number.
    b.open("/center/phone-copy").await;
    b.click("#content", "스마트폰 열기").await;
    b.click(".star-phone", "PC에서 가져오기").await;
    b.wait_css("#phone-id").await;
    check(&b, "phone-login").await;
    b.fill("#phone-id", who.user_id).await;
    b.fill("#phone-id-password", who.password).await;
    b.click(".phone-id-login", "로그인").await;
    b.wait_text(".star-phone .copy-number", "-").await;
    check(&b, "phone-number").await;

    // 인증서 가져오기: a zip of two folders lists both.
    let dir = std::env::temp_dir().join(format!("e2e-two-zip-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let zip = two_folder_zip(&dir);
    b.open("/center/manage").await;
    b.click("#content", "인증서 가져오기").await;
    b.attach("#import-files", &zip).await;
    let choice = b.wait_text(".import-choice", "인증서가 2개").await;
    assert_says(&choice, "(주)모의상사");
    check(&b, "import-choice").await;
    b.click_label("홍길동(HONG GILDONG)").await;
    b.fill("#import-password", SAMPLE_PASSWORD).await;
    b.click(".cert-import", "가져오기").await;
    b.wait_text(".manage-list", "홍길동(HONG GILDONG)0004")
        .await;
    let list = b.text(".manage-list").await;
    assert!(!list.contains("모의상사"), "only the chosen one: {list}");

    // The export for older NPKI programs warns, then writes the classic SEED key file.
    b.click("#content", "내보내기 (구형 NPKI 프로그램용)").await;
    b.wait_text(".dialog", "보호가 약합니다").await;
    check(&b, "npki-compatible").await;
    b.fill("#npki-compatible-password", SAMPLE_PASSWORD).await;
    b.click(".npki-compatible-export", "내보내기").await;
    let saved = b.wait_download("NPKI.zip").await;
    let (_, key_file) = cert_center::pki::npki::unzip(&std::fs::read(saved).unwrap()).unwrap();
    // seedCBCWithSHA1, 1.2.410.200004.1.15
    let oid = [0x06, 0x08, 0x2a, 0x83, 0x1a, 0x8c, 0x9a, 0x44, 0x01, 0x0f];
    assert!(key_file.windows(oid.len()).any(|w| w == oid));
    cert_center::pki::transfer::decrypt_any(&key_file, SAMPLE_PASSWORD).unwrap();
}

browser_tests![the_new_dialogs_fit_a_phone,];
