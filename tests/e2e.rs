//! End-to-end flows in a real Chromium against the release bundle (`scripts/test` builds it).
//! Run alone with `cargo test --features e2e --test e2e`.

#[path = "e2e/flows.rs"]
mod flows;
#[path = "e2e/guided.rs"]
mod guided;
#[path = "e2e/pages.rs"]
mod pages;
#[path = "e2e/support.rs"]
mod support;
#[path = "e2e/trust.rs"]
mod trust;

use cert_center::bank::demo;
use cert_center::kst::days_before;
use fantoccini::Locator;
use flows::*;
use pages::*;
use support::{PINNED_CLOCK, with_browser};

const HEADER: &str = "header.site-header:not(.boot-header)";

#[tokio::test]
async fn home_to_center_then_login_comes_back_to_center() {
    with_browser(|b| async move {
        b.open("/").await;
        b.click_css(".home-tiles a[href='/center']").await;
        b.wait_path("/center").await;
        b.wait_text(".center-home", "공인인증서를 처음 사용하시나요?")
            .await;

        b.click(HEADER, "로그인").await;
        b.wait_path("/login").await;
        b.wait_text(".demo-accounts", "연습용 계정").await;
        b.login("hong01", "Demo!2345").await;

        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;
        let countdown = b.wait_text(".countdown", ":").await;
        assert!(
            countdown.starts_with("10:00") || countdown.starts_with("09:5"),
            "countdown starts near ten minutes: {countdown}"
        );
        b.wait_text(HEADER, "연장").await;

        b.click(HEADER, "연장").await;
        b.wait_text(".customer", "홍길동 님").await;
        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        assert!(!b.has(".customer").await, "logged out");

        // The shifted practice clock is shown on every page, and goes away when put back.
        b.wait_text(".practice-clock", "연습 시계: 2026-11-26 12:0")
            .await;
        b.open("/center?clock=now").await;
        assert!(
            !b.has(".practice-clock").await,
            "the real time is not announced"
        );
        b.open(&format!("/center?clock={PINNED_CLOCK}")).await;
        b.wait_text(".practice-clock", "연습 시계: 2026-11-26")
            .await;

        // `next` never leaves the site, however the browser would read it.
        b.open("/login?next=/%09/evil.example").await;
        b.login("hong01", "Demo!2345").await;
        b.wait_text(".customer", "홍길동 님").await;
        b.wait_path("/center").await;
        let url = b.client.current_url().await.unwrap();
        assert_eq!(url.host_str(), Some("127.0.0.1"), "{url}");
    })
    .await;
}

#[tokio::test]
async fn deep_links_and_reloads_work_and_protected_pages_return_after_login() {
    with_browser(|b| async move {
        // The entry pages come with the page's module; another screen's code is fetched when
        // it is first opened, and only its own.
        b.open("/").await;
        b.click_css(".home-tiles a[href='/center']").await;
        b.wait_text(".center-home", "공인인증서를 처음 사용하시나요?")
            .await;
        assert_eq!(
            b.screen_parts().await,
            Vec::<String>::new(),
            "the home and the center's home"
        );
        b.click_css(".center-home a[href='/center/guide']").await;
        b.wait_text(".page-title h1", "공인인증서 발급안내").await;
        assert_eq!(
            b.screen_parts().await,
            ["info"],
            "the guide's page, on the way"
        );

        b.open("/center/guide").await;
        b.wait_text(".page-title h1", "공인인증서 발급안내").await;
        b.client.refresh().await.unwrap();
        b.wait_text(".page-title h1", "공인인증서 발급안내").await;
        // A protected page of the center sends to the login first.
        b.open("/center/renew").await;
        b.wait_path("/login").await;

        b.open("/center/no-such-page").await;
        b.wait_text("#content", "요청하신 페이지를 찾을 수 없습니다.")
            .await;

        b.open("/center/issue/personal").await;
        b.wait_path("/login").await;
        assert_eq!(
            b.path().await,
            "/login?next=%2Fcenter%2Fissue%2Fpersonal",
            "login remembers where to go back"
        );
        b.login("minji02", "Demo!2345").await;
        b.wait_path("/center/issue/personal").await;
        b.wait_text(".customer", "김민지 님").await;

        b.client.refresh().await.unwrap();
        b.wait_text(".customer", "김민지 님").await;
        b.wait_text(".page-title h1", "개인용 인증서 발급").await;
    })
    .await;
}

#[tokio::test]
async fn wrong_password_counts_down_locks_and_the_lock_survives_reload() {
    with_browser(|b| async move {
        b.open("/login").await;
        b.login("hong01", "wrong-password").await;
        b.wait_text(".login-form .error", "4회 더 틀리면").await;
        for left in ["3회", "2회", "1회"] {
            b.login("hong01", "wrong-password").await;
            b.wait_text(".login-form .error", left).await;
        }
        b.login("hong01", "wrong-password").await;
        b.wait_text(".login-form .error", "아이디 사용이 제한되었습니다")
            .await;

        b.client.refresh().await.unwrap();
        b.login("hong01", "Demo!2345").await;
        b.wait_text(".login-form .error", "아이디 사용이 제한되었습니다")
            .await;

        b.click(".demo-accounts", "연습 데이터 초기화").await;
        b.wait_text(".demo-accounts", "잠긴 아이디도 해제되었습니다")
            .await;
        b.login("hong01", "Demo!2345").await;
        b.wait_text(".customer", "홍길동 님").await;
    })
    .await;
}

/// Two tabs, each with its own bank worker over the one database: what one tab's bank records,
/// the other's sees at once (a lock, an issued certificate).
#[tokio::test]
async fn two_tabs_share_the_banks_records() {
    with_browser(|b| async move {
        let first = b.client.window().await.unwrap();
        // Tab A locks sunsin03's ID.
        b.open("/login").await;
        for _ in 0..5 {
            b.login("sunsin03", "wrong-password").await;
            tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        }
        b.wait_text(".login-form .error", "아이디 사용이 제한되었습니다")
            .await;

        // Tab B (a new tab: its own sessionStorage, so it pins the clock too) sees the lock.
        let second = b.client.new_window(true).await.unwrap().handle;
        b.client.switch_to_window(second.clone()).await.unwrap();
        b.open(&format!("/?clock={PINNED_CLOCK}")).await;
        b.open("/login").await;
        b.login("sunsin03", "Demo!2345").await;
        b.wait_text(".login-form .error", "아이디 사용이 제한되었습니다")
            .await;

        // Tab B issues hong01 a certificate; tab A's 인증서 조회 lists it.
        login_to_wizard(&b, &demo::HONG).await;
        issue_certificate(&b, &demo::HONG, None).await;
        b.client.switch_to_window(first).await.unwrap();
        b.login("hong01", "Demo!2345").await;
        b.wait_text(".customer", "홍길동 님").await;
        b.open("/center/list").await;
        b.wait_text(".cert-status", "발급").await;
        b.wait_text("main", "범용 한국정보인증").await;
    })
    .await;
}

#[tokio::test]
async fn personal_issue_goes_through_the_browser_check_then_login_to_the_wizard() {
    with_browser(|b| async move {
        b.open("/center").await;
        b.click(".tiles", "바로가기").await;
        b.wait_path("/center/issue").await;
        b.wait_text(".notes", "인증서 발급 가능시간: 01:00~23:00")
            .await;

        b.click(".issue-boxes", "바로가기").await;
        b.wait_text(".dialog", "공인인증프로그램을 설치하셔야만")
            .await;
        b.click(".dialog", "확인").await;
        b.wait_path("/center/issue/check").await;
        b.wait_text(".pc-env", "고객님 PC환경 : Mozilla/5.0").await;
        let table = b.wait_text("table.checks", "IndexedDB").await;
        assert_eq!(
            table.matches("정상").count(),
            4,
            "every check passes: {table}"
        );

        b.click("#content", "전체설치").await;
        b.wait_text(".status", "설치할 프로그램이 없습니다").await;
        b.click("#content", "확인").await;
        b.wait_path("/login").await;
        b.login("hong01", "Demo!2345").await;
        b.wait_path("/center/issue/personal").await;

        // Back and forward walk the history the customer made.
        b.client.back().await.unwrap();
        b.wait_path("/login").await;
        b.client.forward().await.unwrap();
        b.wait_path("/center/issue/personal").await;
    })
    .await;
}

#[tokio::test]
async fn every_center_menu_entry_opens_a_page() {
    with_browser(|b| async move {
        b.open("/center").await;
        let links = b
            .client
            .find_all(fantoccini::Locator::Css(".center-menu a, .center-tabs a"))
            .await
            .unwrap();
        let mut hrefs = Vec::new();
        for link in links {
            hrefs.push(link.attr("href").await.unwrap().unwrap());
        }
        assert!(hrefs.len() >= 20, "menu and tabs: {hrefs:?}");
        for href in hrefs {
            b.open(&href).await;
            let title = b.wait_css("#content h1").await.text().await.unwrap();
            assert!(
                !title.contains("찾을 수 없습니다"),
                "{href} leads to a missing page"
            );
        }
    })
    .await;
}

// ---- The issuance wizard, steps 1 to 6 ----

#[tokio::test]
async fn hong_with_the_security_card_goes_through_steps_one_to_six() {
    with_browser(|b| async move {
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
    })
    .await;
}

#[tokio::test]
async fn hong_issues_a_browser_certificate_and_logs_in_with_it() {
    with_browser(|b| async move {
        let who = &demo::HONG;
        home_to_wizard(&b, who).await;
        step_1(&b, who).await;
        step_2(&b).await;
        step_3(&b, who).await;
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
        assert!(summary.contains("브라우저"), "{summary}");
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
        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;

        // The bank lists the certificate as issued.
        b.open("/center/list").await;
        b.wait_text(".cert-status", "발급").await;

        // After a reload and a logout the stored certificate still logs in.
        b.client.refresh().await.unwrap();
        b.wait_text(".customer", "홍길동 님").await;
        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
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
        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;
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
        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;

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
        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        b.open("/login?method=browser").await;
        browser_certificate_login(&b, CERT_PASSWORD).await;
        b.wait_text(".cert-picker .error", "인증서 암호가 올바르지 않습니다")
            .await;
        b.fill("#cert-login-password", "Gildong!2027").await;
        b.click(".cert-picker", "확인").await;
        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;

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
    })
    .await;
}

#[tokio::test]
async fn a_hard_disk_certificate_is_saved_as_npki_files_that_log_in() {
    with_browser(|b| async move {
        let who = &demo::HONG;
        login_to_wizard(&b, who).await;
        issue_certificate(&b, who, Some("하드디스크")).await;
        let summary = b.wait_text(".issued-summary", "하드디스크").await;
        assert!(summary.contains("KICA"), "{summary}");
        let zip = b.wait_download("NPKI.zip").await;
        let (certificate, _) =
            cert_center::pki::npki::unzip(&std::fs::read(&zip).unwrap()).unwrap();
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
        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;
        b.open("/login?method=browser").await;
        b.wait_text(".cert-picker", "이 브라우저에 저장된 인증서가 없습니다")
            .await;
    })
    .await;
}

/// A learner who clicks before the screen has loaded: `인증받기` the moment step 3 appears
/// (the bank answers after 250 ms) must never open an ARS dialog without the phones.
#[tokio::test]
async fn clicking_as_fast_as_the_script_can_issues_a_certificate() {
    with_browser(|b| async move {
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
    })
    .await;
}

#[tokio::test]
async fn minji_verifies_with_the_otp_token() {
    with_browser(|b| async move {
        let who = &demo::MINJI;
        login_to_wizard(&b, who).await;
        step_1(&b, who).await;
        step_2(&b).await;
        b.wait_css(".otp-code").await;
        step_3(&b, who).await;
        step_4(&b).await;
    })
    .await;
}

#[tokio::test]
async fn five_wrong_card_answers_lock_the_card() {
    with_browser(|b| async move {
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
    })
    .await;
}

#[tokio::test]
async fn sunsin_is_refused_at_the_fee_step() {
    with_browser(|b| async move {
        let who = &demo::SUNSIN;
        login_to_wizard(&b, who).await;
        step_1(&b, who).await;
        step_2(&b).await;
        step_3(&b, who).await;
        b.click(STEP, "확인").await;
        b.wait_text(STEP, "잔액이 부족하여").await;
        b.wait_text(STEP, "잔액 3,000원").await;
        assert_eq!(b.path().await, "/center/issue/personal/4");
    })
    .await;
}

#[tokio::test]
async fn a_deep_link_past_the_progress_lands_on_the_first_unfinished_step() {
    with_browser(|b| async move {
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
    })
    .await;
}

#[tokio::test]
async fn renewal_20_days_before_expiry_then_revocation_and_the_old_files_no_longer_log_in() {
    with_browser(|b| async move {
        let who = &demo::HONG;
        login_to_wizard(&b, who).await;
        issue_certificate(&b, who, None).await;
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
        assert!(statuses.contains("발급"), "{statuses}");

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
        assert!(
            done.contains("4,400원을 출금계좌로 돌려드렸습니다"),
            "{done}"
        );
        assert!(
            done.contains("이 브라우저에 저장된 인증서도 삭제했습니다"),
            "{done}"
        );
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

        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        b.open("/login?method=npki").await;
        pick_zip(&b, &zip).await;
        b.click(".cert-picker", "확인").await;
        b.wait_text(".cert-picker .error", "폐기된 인증서입니다")
            .await;
    })
    .await;
}

#[tokio::test]
async fn a_pfx_export_comes_back_here_and_into_a_fresh_profile() {
    with_browser(|b| async move {
        let who = &demo::HONG;
        login_to_wizard(&b, who).await;
        issue_certificate(&b, who, None).await;
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
        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        b.open("/login?method=browser").await;
        browser_certificate_login(&b, CERT_PASSWORD).await;
        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;

        // Another browser profile: the certificate arrives with its details.
        with_browser(move |fresh| async move {
            import_pfx(&fresh, &kept).await;
            fresh
                .wait_text(".cert-details", "1.2.410.200004.5.2.1.2 (개인 범용 인증서)")
                .await;
        })
        .await;
    })
    .await;
}

#[tokio::test]
async fn another_institutions_certificate_logs_in_while_registered() {
    with_browser(|b| async move {
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
        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        b.open("/login?method=npki").await;
        pick_zip(&b, &kept).await;
        b.click(".cert-picker", "확인").await;
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
        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        b.open("/login?method=npki").await;
        pick_zip(&b, &kept).await;
        b.click(".cert-picker", "확인").await;
        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;

        // 해제: refused again.
        b.open("/center/other-bank").await;
        b.wait_text(".registered-list", "한국전자인증").await;
        b.click(".registered-list", "해제").await;
        b.wait_text("#content .status", "등록을 해제했습니다").await;
        b.wait_text(".registered-list", "등록된 타행·타기관 인증서가 없습니다")
            .await;
        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        b.open("/login?method=npki").await;
        pick_zip(&b, &kept).await;
        b.click(".cert-picker", "확인").await;
        // The bank keeps the record: it knows this certificate was registered and released.
        b.wait_text(
            ".cert-picker .error",
            "등록이 해제된 타행·타기관 인증서입니다",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_reissue_is_free_keeps_the_expiry_and_replaces_the_browser_certificate() {
    with_browser(|b| async move {
        let who = &demo::HONG;
        login_to_wizard(&b, who).await;
        issue_certificate(&b, who, None).await;
        let expires = stored_expiry(&b).await;

        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        login_to_wizard(&b, who).await;
        step_1(&b, who).await;
        step_2(&b).await;
        step_3(&b, who).await;
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
        assert!(statuses.contains("발급"), "{statuses}");

        // Another reissue confirmed at 0원 up to step 6; meanwhile the certificate is revoked
        // (another tab could do it), so step 6 sends the customer back to step 4.
        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        login_to_wizard(&b, who).await;
        step_1(&b, who).await;
        step_2(&b).await;
        step_3(&b, who).await;
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
    })
    .await;
}

#[tokio::test]
async fn the_first_screen_says_why_the_app_cannot_start_without_webassembly() {
    with_browser(|b| async move {
        // A browser without WebAssembly: the first screen stays and says what is missing.
        b.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": "delete window.WebAssembly;" }),
        )
        .await;
        b.goto_raw("/").await;
        let message = b
            .wait_text(
                "#boot-status",
                "이 브라우저에서는 공인인증센터를 사용할 수 없습니다",
            )
            .await;
        assert!(message.contains("WebAssembly"), "{message}");
        b.wait_text("header.boot-header", "모의은행").await;
        assert!(!b.has("header.site-header:not(.boot-header)").await);
        // Each entry page's first screen has its own top, and only its own.
        for (path, shown) in [
            ("/", "[data-boot-path='/']"),
            ("/login", "[data-boot-path='/login']"),
            ("/center", "[data-boot-path='/center']"),
        ] {
            b.goto_raw(path).await;
            b.wait_text("#boot-status", "WebAssembly").await;
            for top in b
                .client
                .find_all(fantoccini::Locator::Css("[data-boot-path]"))
                .await
                .unwrap()
            {
                let css = format!(
                    "[data-boot-path='{}']",
                    top.attr("data-boot-path").await.unwrap().unwrap()
                );
                assert_eq!(
                    top.is_displayed().await.unwrap(),
                    css == shown,
                    "{path}: {css}"
                );
            }
        }
        b.wait_text(
            "[data-boot-path='/center'] h1",
            "공인인증서를 처음 사용하시나요?",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn corp01_issues_a_corporate_certificate_and_logs_in_to_corporate_banking() {
    with_browser(|b| async move {
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
        assert!(kinds.contains("110,000원/년"), "{kinds}");
        b.shot("business-step7").await;

        // 확인 logs out; 개인뱅킹 refuses the corporate certificate, 기업뱅킹 takes it.
        b.click(STEP, "확인").await;
        b.wait_path("/login").await;
        certificate_login_as(&b, "(주)모의상사()0004", "기업 범용 인증서").await;
        b.wait_text(".cert-picker .error", "기업용 인증서입니다")
            .await;
        b.click(".cert-picker", "취소").await;
        b.click_label_exact("기업뱅킹").await;
        b.click(".cert-login", "브라우저인증서 로그인").await;
        certificate_login_as(&b, "(주)모의상사()0004", "기업 범용 인증서").await;
        b.wait_path("/center").await;
        b.wait_text(".customer", "(주)모의상사 님").await;
        b.open("/center/list").await;
        b.wait_text(".data-table", "기업 범용").await;
    })
    .await;
}

#[tokio::test]
async fn corp01_issues_a_tax_certificate_from_its_tab() {
    with_browser(|b| async move {
        let who = &demo::CORP;
        b.open("/center").await;
        b.click(".center-tabs", "전자세금용인증서").await;
        b.wait_path("/center/tax").await;
        let menu = b.wait_text(".center-menu", "전자세금용인증서").await;
        for entry in ["발급/재발급", "갱신", "조회", "폐기"] {
            assert!(menu.contains(entry), "{menu}");
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
    })
    .await;
}

#[tokio::test]
async fn biz02_is_refused_with_the_manuals_sentence() {
    with_browser(|b| async move {
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
        b.click(HEADER, "로그아웃").await;
        b.wait_path("/").await;
        b.wait_text(HEADER, "로그인").await;
        b.open("/center/tax/issue").await;
        b.wait_path("/login").await;
        b.login("hong01", "Demo!2345").await;
        b.wait_text("#content .error", "기업인터넷뱅킹 고객(사업자)만").await;
    })
    .await;
}

#[tokio::test]
async fn bio_authentication_replaces_the_password_at_login_until_released() {
    with_browser(|mut b| async move {
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
        b.click("#content", "바이오인증 등록").await;
        b.fill("#bio-password", CERT_PASSWORD).await;
        b.click(".bio-register", "등록").await;
        b.wait_text("#content .status", "바이오인증을 등록했습니다")
            .await;
        b.wait_text(".bio-state", "바이오인증이 등록되어 있습니다")
            .await;
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
        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;

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
    })
    .await;
}

#[tokio::test]
async fn a_certificate_is_copied_to_the_phone_logs_in_there_and_comes_back() {
    with_browser(|b| async move {
        let who = &demo::HONG;
        login_to_wizard(&b, who).await;
        issue_certificate(&b, who, None).await;

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
        b.wait_path("/center").await;
        b.wait_text(".customer", "홍길동 님").await;
    })
    .await;
}
