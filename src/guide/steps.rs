//! The manual's STEPs 01–14: for each, its screens and its numbered actions with their
//! `data-guide` targets, in the manual's words (button names exact) and in English.

use super::{Callout, ManualStep};

pub(super) const fn act(target: &'static str, ko: &'static str, en: &'static str) -> Callout {
    Callout { target, ko, en }
}

const CENTER_ISSUE: Callout = act(
    "center-issue",
    "인증서 발급/재발급 상자의 [바로가기] 클릭",
    "Click [바로가기] (go) in the 인증서 발급/재발급 box",
);
const PERSONAL_ISSUE: Callout = act(
    "personal-issue",
    "개인용인증서 발급 상자의 [바로가기] 클릭",
    "Click [바로가기] in the 개인용인증서 발급 (personal certificate) box",
);

/// The manual, STEP by STEP.
pub const STEPS: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "모의은행 공인인증센터 접속",
        title_en: "Open the bank's certificate center",
        screens: &["/"],
        actions: &[act(
            "home-center",
            "모의은행 홈에서 [공인인증센터] 클릭",
            "On the bank's home page, click [공인인증센터] (certificate center)",
        )],
    },
    ManualStep {
        number: 2,
        title: "공인인증센터 내 인증서 발급 [바로가기] 클릭",
        title_en: "In the certificate center, click [바로가기] for issuing",
        screens: &["/center"],
        actions: &[CENTER_ISSUE],
    },
    ManualStep {
        number: 3,
        title: "개인용인증서 발급 [바로가기] 클릭 ▶ 공인인증프로그램 설치",
        title_en: "Click [바로가기] for a personal certificate, then the install notice",
        screens: &["/center/issue"],
        actions: &[
            PERSONAL_ISSUE,
            act(
                "install-ok",
                "공인인증프로그램 설치 안내창의 [확인] 클릭",
                "In the install notice, click [확인] (OK)",
            ),
        ],
    },
    ManualStep {
        number: 4,
        title: "보안 프로그램 [전체설치] 클릭",
        title_en: "Click [전체설치] (install all) for the security programs",
        screens: &["/center/issue/check"],
        actions: &[
            act(
                "check-install",
                "[전체설치] 클릭 (브라우저인증서는 설치 없이 브라우저만 다시 점검합니다)",
                "Click [전체설치] — a browser certificate installs nothing; it re-checks the browser",
            ),
            act(
                "check-ok",
                "모든 항목이 정상이면 [확인] 클릭",
                "When every item passes, click [확인]",
            ),
        ],
    },
    ManualStep {
        number: 5,
        title: "[로그인] 클릭 ▶ 아이디 로그인",
        title_en: "Log in with your user ID",
        screens: &["/login"],
        actions: &[
            act("login-id", "아이디 입력", "Type your user ID"),
            act("login-password", "비밀번호 입력", "Type your password"),
            act(
                "login-submit",
                "하단 [로그인] 클릭",
                "Click [로그인] (log in)",
            ),
        ],
    },
    ManualStep {
        number: 6,
        title: "공인인증센터 내 인증서 발급 [바로가기] 클릭",
        title_en: "In the certificate center, click [바로가기] for issuing",
        screens: &["/center"],
        actions: &[CENTER_ISSUE],
    },
    ManualStep {
        number: 7,
        title: "개인용인증서 발급 [바로가기] 클릭",
        title_en: "Click [바로가기] for a personal certificate",
        screens: &["/center/issue"],
        actions: &[PERSONAL_ISSUE],
    },
    ManualStep {
        number: 8,
        title: "약관동의 및 본인확인 정보입력 후 하단 [약관 동의/본인확인] 클릭",
        title_en: "Agree to the terms, confirm who you are, click [약관 동의/본인확인]",
        screens: &["/center/issue/personal/1"],
        actions: &[
            act(
                "basic-terms",
                "전자금융거래 기본약관 동의 체크",
                "Tick agreement to the basic terms of electronic banking",
            ),
            act(
                "service-terms",
                "전자금융서비스 이용약관 동의 체크",
                "Tick agreement to the electronic banking service terms",
            ),
            act(
                "rrn",
                "주민등록번호 앞 6자리, 뒤 7자리 입력",
                "Type your resident registration number: 6 digits, then 7",
            ),
            act(
                "terms-ok",
                "하단 [약관 동의/본인확인] 클릭",
                "Click [약관 동의/본인확인] at the bottom",
            ),
        ],
    },
    ManualStep {
        number: 9,
        title: "인증서 종류/발급기관 선택 및 인증서 발급 동의",
        title_en: "Choose the certificate type and issuer, and agree",
        screens: &["/center/issue/personal/2"],
        actions: &[
            act(
                "kind-General",
                "인증서 종류: [범용] 선택",
                "Certificate type: choose [범용] (general purpose)",
            ),
            act(
                "ca-Kica",
                "발급기관: [한국정보인증] 선택 (원하는 기관을 골라도 됩니다)",
                "Issuer: choose [한국정보인증] (KICA); any issuer will do",
            ),
            act(
                "ca-terms",
                "발급기관 약관 두 가지에 [동의] 체크",
                "Tick both of the issuer's agreements",
            ),
            act(
                "prior-consent",
                "공인인증서 발급에 대한 사전동의: [동의] 선택",
                "Prior consent to issuance: choose [동의] (agree)",
            ),
            act(
                "target-ok",
                "하단 [예] 클릭",
                "Click [예] (yes) at the bottom",
            ),
        ],
    },
    ManualStep {
        number: 10,
        title: "사용자 추가 본인 확인 진행",
        title_en: "Additional identity check",
        screens: &["/center/issue/personal/3"],
        actions: &[
            act(
                "identity-ars",
                "추가 본인 인증: [ARS 인증] 선택",
                "Additional check: choose [ARS 인증] (phone call)",
            ),
            act(
                "identity-go",
                "[인증받기] 클릭",
                "Click [인증받기] (verify)",
            ),
            act(
                "ars-call",
                "전화번호 선택 후 [확인], 휴대폰에 승인번호를 누르고 [전화승인완료] 클릭",
                "Pick a phone and click [확인]; key the approval number on the phone, then click [전화승인완료]",
            ),
            act(
                "account",
                "출금계좌 비밀번호와 보안카드(또는 OTP) 번호 입력",
                "Type the account password and the security card (or OTP) code",
            ),
            act(
                "verify-ok",
                "하단 [확인] 클릭",
                "Click [확인] at the bottom",
            ),
        ],
    },
    ManualStep {
        number: 11,
        title: "발급 수수료 출금예약 내역 확인 후 하단 [확인] 클릭",
        title_en: "Check the fee to be withdrawn, then click [확인]",
        screens: &["/center/issue/personal/4"],
        actions: &[act(
            "fee-ok",
            "수수료와 출금계좌를 확인하고 [확인] 클릭",
            "Check the fee and the account, then click [확인]",
        )],
    },
    ManualStep {
        number: 12,
        title: "고객 세부정보 입력 후 하단 [확인] 클릭",
        title_en: "Fill in your details, then click [확인]",
        screens: &["/center/issue/personal/5"],
        actions: &[
            act(
                "bank-info",
                "[은행정보 불러오기] 클릭",
                "Click [은행정보 불러오기] (load the bank's details)",
            ),
            act(
                "english_name",
                "영문명 입력 (특수문자 제외)",
                "Type your name in English letters",
            ),
            act(
                "zip",
                "[우편번호 찾기]로 주소 입력",
                "Fill in the address with [우편번호 찾기] (find postcode)",
            ),
            act(
                "phone",
                "전화번호 입력 (- 없이 입력해도 됩니다)",
                "Type a phone number (hyphens optional)",
            ),
            act(
                "details-ok",
                "하단 [확인] 클릭",
                "Click [확인] at the bottom",
            ),
        ],
    },
    ManualStep {
        number: 13,
        title: "인증서 저장위치 설정 및 인증서 암호 설정",
        title_en: "Choose where to keep the certificate and set its password",
        screens: &["/center/issue/personal/6", "/center/issue/personal/7"],
        actions: &[
            act(
                "save",
                "[인증서저장] 클릭",
                "Click [인증서저장] (save certificate)",
            ),
            act(
                "location",
                "저장위치(브라우저 또는 하드디스크) 선택 후 [확인] 클릭",
                "Choose where to keep it (browser or hard disk), then click [확인]",
            ),
            act(
                "cert-password",
                "인증서 암호를 두 번 입력한 뒤 [확인] 클릭",
                "Type the certificate password twice, then click [확인]",
            ),
            act(
                "done-ok",
                "발급 완료 안내의 [확인] 클릭",
                "On the completion notice, click [확인]",
            ),
        ],
    },
    ManualStep {
        number: 14,
        title: "발급받은 인증서로 로그인",
        title_en: "Log in with the certificate you were issued",
        screens: &["/login"],
        actions: &[
            act(
                "cert-login",
                "[브라우저인증서 로그인] 클릭 (하드디스크에 저장했다면 [공인인증서 로그인])",
                "Click [브라우저인증서 로그인] (or [공인인증서 로그인] if you saved files)",
            ),
            act(
                "picker-list",
                "팝업에서 인증서 선택",
                "Choose the certificate in the pop-up",
            ),
            act(
                "picker-password",
                "인증서 암호 입력",
                "Type the certificate password",
            ),
            act("picker-ok", "[확인] 클릭", "Click [확인]"),
        ],
    },
];
