//! Finding one's way: the home page, the center, deep links and reloads, the login's lock,
//! two tabs over one bank, every menu entry, and the first screen without WebAssembly.

use super::HEADER;
use super::browser::Browser;
use super::flows::*;
use super::pages::{at_center_as, log_out};
use super::support::{PINNED_CLOCK, assert_says};
use cert_center::bank::demo;

async fn home_to_center_then_login_comes_back_to_center(b: Browser) {
    b.open("/").await;
    b.click_css(".home-tiles a[href='/center']").await;
    b.wait_path("/center").await;
    b.wait_text(".center-home", "공인인증서를 처음 사용하시나요?")
        .await;

    b.click(HEADER, "로그인").await;
    b.wait_path("/login").await;
    b.wait_text(".demo-accounts", "연습용 계정").await;
    b.login("hong01", "Demo!2345").await;

    at_center_as(&b, "홍길동").await;
    let countdown = b.wait_text(".countdown", ":").await;
    assert!(
        countdown.starts_with("10:00") || countdown.starts_with("09:5"),
        "countdown starts near ten minutes: {countdown}"
    );
    b.wait_text(HEADER, "연장").await;

    b.click(HEADER, "연장").await;
    b.wait_text(".customer", "홍길동 님").await;
    log_out(&b).await;
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
}

async fn deep_links_and_reloads_work_and_protected_pages_return_after_login(b: Browser) {
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
}

async fn wrong_password_counts_down_locks_and_the_lock_survives_reload(b: Browser) {
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
}

/// Two tabs, each with its own bank worker over the one database: what one tab's bank records,
/// the other's sees at once (a lock, an issued certificate).
async fn two_tabs_share_the_banks_records(b: Browser) {
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
}

async fn personal_issue_goes_through_the_browser_check_then_login_to_the_wizard(b: Browser) {
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
}

async fn every_center_menu_entry_opens_a_page(b: Browser) {
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
}

async fn the_first_screen_says_why_the_app_cannot_start_without_webassembly(b: Browser) {
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
    assert_says(&message, "WebAssembly");
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
}

browser_tests![
    home_to_center_then_login_comes_back_to_center,
    deep_links_and_reloads_work_and_protected_pages_return_after_login,
    wrong_password_counts_down_locks_and_the_lock_survives_reload,
    two_tabs_share_the_banks_records,
    personal_issue_goes_through_the_browser_check_then_login_to_the_wizard,
    every_center_menu_entry_opens_a_page,
    the_first_screen_says_why_the_app_cannot_start_without_webassembly,
];
