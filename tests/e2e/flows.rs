//! The issuance flow as a learner clicks it, shared by the end-to-end tests and the benchmark.

use super::browser::Browser;
use cert_center::bank::demo::{DemoCustomer, SecondFactor};

pub const STEP: &str = ".wizard-step";

pub async fn login_to_wizard(b: &Browser, who: &DemoCustomer) {
    b.open("/center/issue/personal").await;
    b.wait_path("/login").await;
    b.login(who.user_id, who.password).await;
    b.wait_path("/center/issue/personal/1").await;
}

pub async fn step_1(b: &Browser, who: &DemoCustomer) {
    b.click_label("전자금융거래 기본약관에 동의합니다").await;
    b.click_label("전자금융서비스 이용약관에 동의합니다").await;
    let (front, back) = who.rrn.split_once('-').unwrap();
    b.fill("#rrn-front", front).await;
    b.fill("#rrn-back", back).await;
    b.wait_text(".rrn-masked", &format!("{front}-{}******", &back[..1]))
        .await;
    b.click(STEP, "약관 동의/본인확인").await;
    b.wait_path("/center/issue/personal/2").await;
}

pub async fn step_2(b: &Browser) {
    b.wait_text("table.issued", "미발급").await;
    agree_with_ca(b, "한국정보인증").await;
    b.click(STEP, "예").await;
    b.wait_path("/center/issue/personal/3").await;
}

/// Step 2: picks the CA labelled `ca`, agrees to its terms and to the third-party provision,
/// and gives the prior consent.
pub async fn agree_with_ca(b: &Browser, ca: &str) {
    b.click_label(ca).await;
    b.wait_text(STEP, &format!("{ca} 공인인증서비스 이용약관"))
        .await;
    for label in b
        .client
        .find_all(fantoccini::Locator::XPath(
            "//label[contains(normalize-space(), '위 이용약관에 동의합니다')]",
        ))
        .await
        .unwrap()
    {
        b.press(&label).await.unwrap();
    }
    b.click_label_exact("동의").await;
}

pub async fn ars(b: &Browser) {
    b.click(STEP, "인증받기").await;
    b.wait_text(".dialog", "전화번호").await;
    ars_in_dialog(b).await;
}

/// The ARS dialog, open: the first phone, the approval number keyed on the phone, then
/// `전화승인완료`.
pub async fn ars_in_dialog(b: &Browser) {
    b.click(".dialog", "확인").await;
    let number = b.text(".approval-number").await;
    assert_eq!(number.len(), 2, "approval number {number:?}");
    for digit in number.chars() {
        b.click(".phone-keys", &digit.to_string()).await;
    }
    b.click(".phone-keys", "# 입력완료").await;
    b.wait_text(".phone-screen", "승인되었습니다").await;
    b.shot("verify-ars-approved").await;
    b.click(".dialog", "전화승인완료").await;
    b.wait_text(".identity .status", "추가 본인 인증이 완료되었습니다")
        .await;
}

/// The number in a label like `[7]번 앞 2자리`.
pub async fn asked_code(b: &Browser, input: &str) -> usize {
    let label = b.text(&format!("label[for='{input}']")).await;
    label
        .trim_start_matches('[')
        .split(']')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub async fn second_factor(b: &Browser, who: &DemoCustomer, right: bool) {
    match who.second_factor {
        SecondFactor::SecurityCard { codes, .. } => {
            let first = asked_code(b, "card-first").await;
            let second = asked_code(b, "card-second").await;
            let first_two = if right { &codes[first - 1][..2] } else { "99" };
            let wrong_tail = if &codes[second - 1][2..] == "00" {
                "11"
            } else {
                "00"
            };
            let last_two = if right {
                &codes[second - 1][2..]
            } else {
                wrong_tail
            };
            b.fill("#card-first", first_two).await;
            b.fill("#card-second", last_two).await;
        }
        SecondFactor::Otp { .. } => {
            let code = b.text(".otp-code").await;
            assert_eq!(code.len(), 6, "the token shows a code: {code:?}");
            b.fill("#otp", &code).await;
        }
    }
}

pub async fn step_3(b: &Browser, who: &DemoCustomer) {
    step_3_here(b, who).await;
    b.wait_path("/center/issue/personal/4").await;
}

pub async fn step_4(b: &Browser) {
    b.wait_text(".fee-table", "4,400원").await;
    b.click(STEP, "확인").await;
    b.wait_path("/center/issue/personal/5").await;
}

pub async fn step_5(b: &Browser) {
    b.click(STEP, "은행정보 불러오기").await;
    b.wait_value("#name", "홍길동").await;
    b.fill("#english_name", "hong gildong").await;
    assert_eq!(b.value("#english_name").await, "HONG GILDONG");
    b.click(STEP, "우편번호 찾기").await;
    b.fill("#address-query", "세종대로 110").await;
    b.click(
        ".address-results",
        "[04524] 서울특별시 중구 세종대로 110 (태평로1가)",
    )
    .await;
    assert_eq!(b.value("#zip").await, "04524");
    b.fill("#address_detail", "1층").await;
    // Without hyphens: the field groups the digits as they are typed.
    b.fill("#phone", "0212345678").await;
    b.wait_value("#phone", "02-1234-5678").await;
    b.fill("#mobile", "010-1234-5678").await;
    b.fill("#email", "hong@example.com").await;
    b.click(STEP, "확인").await;
    b.wait_path("/center/issue/personal/6").await;
}

pub const CERT_PASSWORD: &str = "Gildong!2026";

/// 홍길동 logs in through the wizard's link and issues a browser certificate, where the flows
/// after issuance start.
pub async fn hong_with_a_browser_certificate(b: &Browser) -> &'static DemoCustomer {
    let who = &cert_center::bank::demo::HONG;
    login_to_wizard(b, who).await;
    issue_certificate(b, who, None).await;
    who
}

/// Steps 1 to 6 for `who`, keeping the certificate in `place` (a label of step 6's storage
/// pop-up; `None` keeps the default, the browser), until step 7 shows it.
/// Steps 1 to 3 of the wizard, from its first screen: terms, the CA, the verification.
pub async fn through_step_3(b: &Browser, who: &DemoCustomer) {
    step_1(b, who).await;
    step_2(b).await;
    step_3(b, who).await;
}

pub async fn issue_certificate(b: &Browser, who: &DemoCustomer, place: Option<&str>) {
    through_step_3(b, who).await;
    step_4(b).await;
    step_5(b).await;
    step_6(b, place).await;
}

/// Step 6: the storage pop-up (`place` a label of it; `None` keeps the browser) and the
/// password, until step 7 shows the certificate.
pub async fn step_6(b: &Browser, place: Option<&str>) {
    b.click(STEP, "인증서저장").await;
    if let Some(place) = place {
        b.click_label(place).await;
    }
    b.click(".dialog", "확인").await;
    b.fill("#cert-password", CERT_PASSWORD).await;
    b.fill("#cert-password-again", CERT_PASSWORD).await;
    b.click(".password-form", "확인").await;
    b.wait_path("/center/issue/personal/7").await;
    b.wait_text(".issued-summary", "홍길동(HONG GILDONG)0004")
        .await;
}

/// Step 3's verification where it is not the wizard's (no move to step 4).
pub async fn step_3_here(b: &Browser, who: &DemoCustomer) {
    ars(b).await;
    b.fill("#account-password", who.account_password).await;
    second_factor(b, who, true).await;
    b.click(".account-check", "확인").await;
}

/// A business wizard (at `path`) from step 1 to step 7 for `who`, a registered business:
/// its 사업자등록번호, the CA labelled `ca`, the fee `fee` at step 4, the company's details,
/// and the certificate kept in the browser. Answers step 2's table of kinds.
pub async fn issue_business_certificate(
    b: &Browser,
    who: &DemoCustomer,
    path: &str,
    ca: &str,
    fee: &str,
) -> String {
    issue_business_certificate_seen(b, who, path, (ca, fee), None).await
}

/// A guided walk through a wizard: its steps 1 to 6 are the task's STEPs from `first`, each
/// with badge `01` on `targets[step - 1]`; screens are named `<name>-<STEP>`.
pub struct Guided<'a> {
    pub first: u8,
    pub targets: [&'a str; 6],
    pub name: &'a str,
}

impl Guided<'_> {
    /// Wizard step `step`'s screen: the panel at its STEP, badge `01` on its target, axe-core.
    async fn seen(&self, b: &Browser, step: u8) {
        let number = self.first + step - 1;
        b.guide_at(number, self.targets[usize::from(step) - 1])
            .await;
        let name = format!("{}-{number:02}", self.name);
        b.axe(&name).await;
        b.shot(&name).await;
    }
}

/// [`issue_business_certificate`], checking each of steps 1 to 6 as `guided` says (`ca_fee`:
/// the CA's label and the fee).
pub async fn issue_business_certificate_seen(
    b: &Browser,
    who: &DemoCustomer,
    path: &str,
    (ca, fee): (&str, &str),
    guided: Option<&Guided<'_>>,
) -> String {
    let business = who.business.expect("a business customer");
    b.wait_path(&format!("{path}/1")).await;
    if let Some(g) = guided {
        g.seen(b, 1).await;
    }
    b.click_label("전자금융거래 기본약관에 동의합니다").await;
    b.click_label("전자금융서비스 이용약관에 동의합니다").await;
    let groups: Vec<&str> = business.number.split('-').collect();
    for (id, digits) in ["#biz-1", "#biz-2", "#biz-3"].iter().zip(groups) {
        b.fill(id, digits).await;
    }
    b.shot(&format!("business-step1{}", path.replace('/', "-")))
        .await;
    b.click(STEP, "약관 동의/본인확인").await;
    b.wait_path(&format!("{path}/2")).await;
    if let Some(g) = guided {
        g.seen(b, 2).await;
    }

    b.wait_text("table.issued", "미발급").await;
    let kinds = b.text("table.kinds").await;
    agree_with_ca(b, ca).await;
    b.shot(&format!("business-step2{}", path.replace('/', "-")))
        .await;
    b.click(STEP, "예").await;
    b.wait_path(&format!("{path}/3")).await;
    if let Some(g) = guided {
        g.seen(b, 3).await;
    }

    step_3_here(b, who).await;
    b.wait_path(&format!("{path}/4")).await;
    if let Some(g) = guided {
        g.seen(b, 4).await;
    }
    b.wait_text(".fee-table", fee).await;
    b.click(STEP, "확인").await;
    b.wait_path(&format!("{path}/5")).await;
    if let Some(g) = guided {
        g.seen(b, 5).await;
    }

    b.click(STEP, "은행정보 불러오기").await;
    b.wait_value("#name", business.company).await;
    b.wait_value("#representative", who.name).await;
    b.fill("#english_name", &who.english_name.to_lowercase())
        .await;
    b.click(STEP, "우편번호 찾기").await;
    b.fill("#address-query", "테헤란로").await;
    b.click(
        ".address-results",
        "[06236] 서울특별시 강남구 테헤란로 152 (역삼동)",
    )
    .await;
    b.fill("#phone", "02-765-4321").await;
    b.shot(&format!("business-step5{}", path.replace('/', "-")))
        .await;
    b.click(STEP, "확인").await;
    b.wait_path(&format!("{path}/6")).await;
    if let Some(g) = guided {
        g.seen(b, 6).await;
    }

    b.click(STEP, "인증서저장").await;
    b.click(".dialog", "확인").await;
    b.fill("#cert-password", CERT_PASSWORD).await;
    b.fill("#cert-password-again", CERT_PASSWORD).await;
    b.click(".password-form", "확인").await;
    b.wait_path(&format!("{path}/7")).await;
    b.wait_text(".issued-summary", &format!("{}()0004", business.company))
        .await;
    kinds
}
