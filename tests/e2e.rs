//! End-to-end flows in a real Chromium against the release bundle (`scripts/test` builds it).
//! Run alone with `cargo test --features e2e --test e2e`.

#[path = "e2e/support.rs"]
mod support;

use support::with_browser;

const HEADER: &str = "header.site-header";

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
    })
    .await;
}

#[tokio::test]
async fn deep_links_and_reloads_work_and_protected_pages_return_after_login() {
    with_browser(|b| async move {
        b.open("/center/renew").await;
        b.wait_text(".page-title h1", "인증서 갱신").await;
        b.client.refresh().await.unwrap();
        b.wait_text(".page-title h1", "인증서 갱신").await;

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
