//! 연습 과제 end to end (issue #23): tasks from `시작` to their end in guided mode, the panel at
//! the right STEP with badge `01` on the named control on every screen (axe-core on each);
//! tasks 2, 4 and 5 again on a phone with 150 % text; one task's mistake and summary, and the
//! 연습 기록 that lists what was finished; 음성 안내 with a recorder in place of the browser's
//! `speechSynthesis`.

use super::HEADER;
use super::browser::Browser;
use super::flows::*;
use super::guided::{check, press, screen};
use super::pages::register_bio;
use cert_center::bank::demo;
use cert_center::guide::{self, PRACTICE_PASSWORD};

/// Starts the task `id` from the 연습 과제 page: it says what it prepared on its first screen.
pub async fn start(b: &Browser, id: &str, phone: bool) {
    b.open("/practice").await;
    if phone {
        // 글자 크게 150 %, kept for every screen after.
        b.click_css("button[aria-label='글자 크기 150%']").await;
        check(b, phone, &format!("task-{id}-list")).await;
    }
    b.click_css(&format!("[data-task='{id}'] button")).await;
    let task = guide::task(id).unwrap();
    b.wait_path(task.steps[0].screens[0]).await;
    let said = b.wait_text(".guide-prepared", "준비했습니다").await;
    assert!(said.contains(&task.start.said()), "{said}");
    b.wait_text(".guide-task", task.title).await;
    b.wait_text(".guide-words", "공동인증서(구 공인인증서)")
        .await;
}

/// An issuance box's [바로가기] (`go`, at STEP `step`) and the install notice, the browser
/// check (the next STEP) and the ID login of `who` (the one after); screens named `<name><STEP>`.
async fn go_check_and_log_in(
    b: &Browser,
    phone: bool,
    (step, go): (u8, &str),
    name: &str,
    who: &demo::DemoCustomer,
) {
    let at = async |n: u8, target: &str| {
        screen(
            b,
            phone,
            step + n,
            target,
            &format!("{name}{:02}", step + n),
        )
        .await;
    };
    at(0, go).await;
    press(b, go).await;
    press(b, "install-ok").await;
    b.wait_path("/center/issue/check").await;
    at(1, "check-install").await;
    b.wait_text("table.checks", "IndexedDB").await;
    press(b, "check-ok").await;
    b.wait_path("/login").await;
    at(2, "login-id").await;
    b.login(who.user_id, who.password).await;
}

/// Tasks 2–4: the manual's STEPs from the bank's home to the certificate login, from the
/// task's starting point; `fee` is what step 4 asks.
async fn issue_again(b: &Browser, id: &str, phone: bool, fee: &str) {
    let who = &demo::HONG;
    let name = |n: &str| format!("task-{id}-{n}");
    start(b, id, phone).await;
    screen(b, phone, 1, "home-center", &name("01")).await;
    press(b, "home-center").await;
    b.wait_path("/center").await;
    screen(b, phone, 2, "center-issue", &name("02")).await;
    press(b, "center-issue").await;
    b.wait_path("/center/issue").await;
    go_check_and_log_in(b, phone, (3, "personal-issue"), &name(""), who).await;
    b.wait_path("/center/issue/personal/1").await;
    screen(b, phone, 8, "basic-terms", &name("08")).await;
    step_1(b, who).await;
    screen(b, phone, 9, "kind-General", &name("09")).await;
    step_2(b).await;
    screen(b, phone, 10, "identity-ars", &name("10")).await;
    step_3(b, who).await;
    screen(b, phone, 11, "fee-ok", &name("11")).await;
    b.wait_text(".fee-table", fee).await;
    b.click(STEP, "확인").await;
    b.wait_path("/center/issue/personal/5").await;
    screen(b, phone, 12, "bank-info", &name("12")).await;
    step_5(b).await;
    screen(b, phone, 13, "save", &name("13")).await;
    step_6(b, None).await;
    press(b, "done-ok").await;
    b.wait_path("/login").await;
    b.wait_text(".guide-step", "STEP 14 /").await;
    // The reissued certificate took the old one's place in this browser: one to choose.
    b.wait_text(".cert-picker", "홍길동").await;
    let rows = b
        .client
        .execute(
            "return document.querySelectorAll('.cert-picker .cert-list tbody tr').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(rows, 1, "the old certificate is replaced");
    check(b, phone, &name("14")).await;
    b.fill("#cert-login-password", CERT_PASSWORD).await;
    b.click(".cert-picker", "확인").await;
    b.wait_text(".guide-summary", "STEP 14까지 모두 마쳤습니다")
        .await;
}

async fn forgotten_password_reissues_for_nothing(b: Browser) {
    issue_again(&b, "forgot-password", false, "0원").await;
}

async fn forgotten_password_on_a_phone_with_large_text(b: Browser) {
    b.as_phone().await;
    issue_again(&b, "forgot-password", true, "0원").await;
}

async fn a_formatted_pc_reissues(b: Browser) {
    issue_again(&b, "formatted", false, "0원").await;
}

async fn an_expired_certificate_is_issued_anew_on_a_phone_with_large_text(b: Browser) {
    b.as_phone().await;
    issue_again(&b, "expired", true, "4,400원").await;
}

/// Task 5: 갱신 with the prepared certificate, then a login with the renewed one; on a
/// desktop, with a wrong password first, which the summary and the 연습 기록 show.
async fn renew_task(b: &Browser, phone: bool) {
    let who = &demo::HONG;
    let name = |n: &str| format!("task-renew-{n}");
    start(b, "renew", phone).await;
    screen(b, phone, 1, "center-renew", &name("01")).await;
    press(b, "center-renew").await;
    b.wait_path("/login").await;
    screen(b, phone, 2, "login-id", &name("02")).await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center/renew").await;
    screen(b, phone, 3, "prove-Browser", &name("03")).await;
    press(b, "prove-Browser").await;
    b.wait_text(".cert-picker", "홍길동").await;
    if !phone {
        b.fill("#cert-login-password", "Wrong!20261").await;
        b.click(".cert-picker", "확인").await;
        b.wait_text(".guide-problem", "인증서 암호가 올바르지 않습니다")
            .await;
    }
    b.fill("#cert-login-password", PRACTICE_PASSWORD).await;
    b.click(".cert-picker", "확인").await;
    b.wait_text("#content .status", "인증서를 갱신했습니다")
        .await;
    check(b, phone, &name("03-done")).await;
    // 로그아웃, and the panel leads on to STEP 04's screen.
    b.click_css("[data-guide='logout'] button").await;
    b.wait_path("/").await;
    b.click(".guide-away", "STEP 04 화면으로 가기").await;
    b.wait_path("/login").await;
    b.wait_text(".guide-step", "STEP 04 /").await;
    press(b, "cert-login").await;
    b.wait_text(".cert-picker", "홍길동").await;
    check(b, phone, &name("04")).await;
    b.fill("#cert-login-password", PRACTICE_PASSWORD).await;
    b.click(".cert-picker", "확인").await;
    let summary = b
        .wait_text(".guide-summary", "STEP 04까지 모두 마쳤습니다")
        .await;
    if !phone {
        assert!(
            summary.contains("STEP 03: 인증서 암호가 올바르지 않습니다"),
            "{summary}"
        );
    }
    check(b, phone, &name("summary")).await;
}

async fn renewal_with_a_mistake_is_in_the_practice_record(b: Browser) {
    renew_task(&b, false).await;
    b.open("/practice/record").await;
    b.fill("#learner-name", "김학습").await;
    b.click(".name-line", "저장").await;
    let record = b.wait_text(".record-table", "5. 인증서 갱신").await;
    assert!(
        record.contains("1번: STEP 03 인증서 암호가 올바르지 않습니다"),
        "{record}"
    );
    b.axe("practice-record").await;
    b.shot("practice-record").await;
    // The name stays for the next visit.
    b.open("/practice/record").await;
    b.wait_value("#learner-name", "김학습").await;
}

async fn renewal_on_a_phone_with_large_text(b: Browser) {
    b.as_phone().await;
    renew_task(&b, true).await;
}

/// Task 6: 폐기 within 7 days refunds the fee; the receipts list has nothing for it.
async fn revocation_refunds_the_fee_and_leaves_no_receipt(b: Browser) {
    let who = &demo::HONG;
    let name = |n: &str| format!("task-revoke-{n}");
    start(&b, "revoke", false).await;
    screen(&b, false, 1, "menu-revoke", &name("01")).await;
    press(&b, "menu-revoke").await;
    b.wait_path("/login").await;
    screen(&b, false, 2, "login-id", &name("02")).await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center/revoke").await;
    screen(&b, false, 3, "prove-Browser", &name("03")).await;
    press(&b, "prove-Browser").await;
    b.wait_text(".cert-picker", "홍길동").await;
    b.fill("#cert-login-password", PRACTICE_PASSWORD).await;
    b.click(".cert-picker", "확인").await;
    b.wait_text(
        "#content .status",
        "수수료 4,400원을 출금계좌로 돌려드렸습니다",
    )
    .await;
    press(&b, "menu-receipts").await;
    b.wait_path("/center/receipts").await;
    b.wait_text(
        ".receipts-empty, [data-guide='receipts']",
        "유료 인증서 발급 내역이 없습니다",
    )
    .await;
    let summary = b
        .wait_text(".guide-summary", "STEP 04까지 모두 마쳤습니다")
        .await;
    assert!(summary.contains("실수 없이 마쳤습니다"), "{summary}");
    check(&b, false, &name("summary")).await;
}

/// Tasks 7 and 8: a business wizard from the center's link `first` to the 기업뱅킹 login.
async fn business_task(
    b: &Browser,
    id: &str,
    first: &str,
    go: &str,
    kind: &str,
    ca_fee: (&str, &str),
) {
    let (ca, fee) = ca_fee;
    let who = &demo::CORP;
    let business = who.business.unwrap();
    let name = |n: &str| format!("task-{id}-{n}");
    let wizard = match id {
        "tax" => "/center/tax/issue",
        _ => "/center/issue/corporate",
    };
    start(b, id, false).await;
    screen(b, false, 1, first, &name("01")).await;
    press(b, first).await;
    go_check_and_log_in(b, false, (2, go), &name(""), who).await;
    // The wizard's steps 1–6 are the task's STEPs 5–10.
    let guided = Guided {
        first: 5,
        targets: [
            "basic-terms",
            kind,
            "identity-ars",
            "fee-ok",
            "bank-info",
            "save",
        ],
        name: &format!("guided-task-{id}"),
    };
    issue_business_certificate_seen(b, who, wizard, (ca, fee), Some(&guided)).await;
    press(b, "done-ok").await;
    // 기업뱅킹 is chosen for a business certificate, and the picker is open.
    b.wait_path("/login").await;
    b.wait_text(".guide-step", "STEP 11 /").await;
    b.wait_text(".cert-picker", business.company).await;
    check(b, false, &name("11")).await;
    b.fill("#cert-login-password", CERT_PASSWORD).await;
    b.click(".cert-picker", "확인").await;
    b.wait_text(".guide-summary", "STEP 11까지 모두 마쳤습니다")
        .await;
    b.wait_text(HEADER, business.company).await;
}

async fn a_business_issues_its_general_certificate(b: Browser) {
    business_task(
        &b,
        "corporate",
        "center-issue",
        "corporate-issue",
        "kind-CorporateGeneral",
        ("한국정보인증", "110,000원"),
    )
    .await;
}

async fn a_business_issues_its_tax_certificate(b: Browser) {
    business_task(
        &b,
        "tax",
        "center-tax",
        "tax-issue",
        "kind-Tax",
        ("한국정보인증", "4,400원"),
    )
    .await;
}

/// Task 9: 바이오인증 registered on the menu's page, then a login with it and no password.
async fn biometrics_replace_the_password(mut b: Browser) {
    b.move_to_localhost().await;
    b.add_fingerprint_reader(true).await;
    let name = |n: &str| format!("task-bio-{n}");
    start(&b, "bio", false).await;
    screen(&b, false, 1, "menu-bio", &name("01")).await;
    press(&b, "menu-bio").await;
    b.wait_path("/center/bio").await;
    screen(&b, false, 2, "bio-register", &name("02")).await;
    b.wait_text(".bio-state", "등록되어 있지 않습니다").await;
    register_bio(&b, PRACTICE_PASSWORD).await;
    check(&b, false, &name("02-done")).await;
    press(&b, "logout").await;
    b.wait_path("/login").await;
    screen(&b, false, 3, "cert-login", &name("03")).await;
    press(&b, "cert-login").await;
    b.wait_text(".cert-picker .bio-hint", "바이오인증이 등록되어 있습니다")
        .await;
    press(&b, "picker-bio").await;
    b.wait_text(".guide-summary", "STEP 03까지 모두 마쳤습니다")
        .await;
    b.wait_text(HEADER, "홍길동").await;
}

/// Replaces `speechSynthesis` by a recorder whose voices are `voices` (languages).
async fn record_speech(b: &Browser, voices: &[&str]) {
    let voices = serde_json::json!(voices);
    b.client
        .execute(
            r#"const langs = arguments[0];
            window.__said = [];
            Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
                getVoices: () => langs.map(lang => ({ lang, name: "test " + lang })),
                cancel: () => {},
                speak: u => window.__said.push({ text: u.text, lang: u.lang }),
            }});"#,
            vec![voices],
        )
        .await
        .unwrap();
}

/// What the recorder heard: (text, lang).
async fn said(b: &Browser) -> Vec<(String, String)> {
    let found = b
        .client
        .execute("return window.__said.map(u => [u.text, u.lang])", vec![])
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

async fn voice_guidance_says_each_step_in_korean_only_when_on(b: Browser) {
    b.open("/").await;
    record_speech(&b, &["en-US", "ko-KR"]).await;
    b.click_label("매뉴얼 따라하기").await;
    b.guide_at(1, "home-center").await;
    assert!(said(&b).await.is_empty(), "off by default");
    b.click_label("음성 안내").await;
    let step = |n| guide::MANUAL.step(n).unwrap().spoken();
    b.until(|| async {
        match said(&b).await {
            s if s == [(step(1), "ko-KR".to_owned())] => Ok(()),
            s => Err(format!("heard {s:?}")),
        }
    })
    .await;
    press(&b, "home-center").await;
    b.guide_at(2, "center-issue").await;
    b.click(".guide-voice", "다시 듣기").await;
    b.until(|| async {
        let heard: Vec<String> = said(&b).await.into_iter().map(|s| s.0).collect();
        match heard == [step(1), step(2), step(2)] {
            true => Ok(()),
            false => Err(format!("heard {heard:?}")),
        }
    })
    .await;
    // Off: nothing more, and it stays off after a reload.
    b.click_label("음성 안내").await;
    press(&b, "center-issue").await;
    b.guide_at(3, "personal-issue").await;
    assert_eq!(said(&b).await.len(), 3);
    b.open("/center/issue").await;
    record_speech(&b, &["ko-KR"]).await;
    b.guide_at(3, "personal-issue").await;
    assert!(said(&b).await.is_empty());

    // A browser without a Korean voice: said once, then silence.
    record_speech(&b, &["en-US"]).await;
    b.click_label("음성 안내").await;
    b.wait_text(".guide-voice", "한국어 음성이 없어").await;
    assert!(said(&b).await.is_empty());
}

browser_tests![
    forgotten_password_reissues_for_nothing,
    forgotten_password_on_a_phone_with_large_text,
    a_formatted_pc_reissues,
    an_expired_certificate_is_issued_anew_on_a_phone_with_large_text,
    renewal_with_a_mistake_is_in_the_practice_record,
    renewal_on_a_phone_with_large_text,
    revocation_refunds_the_fee_and_leaves_no_receipt,
    a_business_issues_its_general_certificate,
    a_business_issues_its_tax_certificate,
    biometrics_replace_the_password,
    voice_guidance_says_each_step_in_korean_only_when_on,
];
