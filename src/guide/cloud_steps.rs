//! 금융인증서's task: the tab, the ID login, the five stages of 발급 on one screen, and the login
//! with the PIN in the cloud's window.

use super::steps::act;
use super::task_steps::numbered;
use super::{ManualStep, STEPS};

/// 금융인증서 발급 and the login with its PIN.
pub(super) const CLOUD: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "공인인증센터에서 [금융인증서] 탭 클릭",
        title_en: "In the certificate center, click the [금융인증서] (cloud certificate) tab",
        screens: &["/center"],
        actions: &[act(
            "tab-cloud",
            "위쪽 탭의 [금융인증서] 클릭",
            "Click [금융인증서] in the tabs at the top",
        )],
    },
    ManualStep {
        number: 2,
        title: "금융인증서 발급/재발급 [바로가기] 클릭",
        title_en: "Click [바로가기] (go) for 금융인증서 발급/재발급 (issue)",
        screens: &["/center/cloud"],
        actions: &[act(
            "cloud-issue",
            "금융인증서 발급/재발급 상자의 [바로가기] 클릭",
            "Click [바로가기] in the 금융인증서 발급/재발급 box",
        )],
    },
    numbered(3, STEPS[4]),
    ManualStep {
        number: 4,
        title: "금융결제원 약관에 동의 후 [다음] 클릭",
        title_en: "Agree to 금융결제원's terms, then click [다음] (next)",
        screens: &["/center/cloud/issue"],
        actions: &[
            act(
                "cloud-terms",
                "금융결제원 이용약관 동의에 체크",
                "Tick the 금융결제원 terms of use",
            ),
            act(
                "cloud-third-party",
                "개인정보 제3자 제공 동의에 체크",
                "Tick the consent to provide personal data to a third party",
            ),
            act("cloud-terms-next", "[다음] 클릭", "Click [다음] (next)"),
        ],
    },
    ManualStep {
        number: 5,
        title: "휴대폰 본인확인과 출금계좌 확인",
        title_en: "Identity check by phone, then the withdrawal account",
        screens: &["/center/cloud/issue"],
        actions: &[
            act(
                "text-send",
                "[인증번호 받기] 클릭 ▶ 휴대폰에 문자가 옵니다",
                "Click [인증번호 받기]; a text arrives on the phone",
            ),
            act(
                "text-code",
                "문자의 인증번호 6자리 입력",
                "Type the six digits of the text",
            ),
            act("text-confirm", "[확인] 클릭", "Click [확인]"),
            STEPS[9].actions[3],
            STEPS[9].actions[4],
        ],
    },
    ManualStep {
        number: 6,
        title: "클라우드 연결: 이름, 휴대폰번호, 인증번호",
        title_en: "Connect to the cloud: name, mobile number and the texted code",
        screens: &["/center/cloud/issue"],
        actions: &[
            act("cloud-name", "이름 입력 (홍길동)", "Type the name (홍길동)"),
            act(
                "cloud-phone",
                "휴대폰번호 입력 (010-1234-5678)",
                "Type the mobile number (010-1234-5678)",
            ),
            act(
                "cloud-send",
                "[인증번호 받기] 클릭",
                "Click [인증번호 받기] (get a code)",
            ),
            act(
                "cloud-code",
                "휴대폰 문자의 인증번호 입력",
                "Type the code from the phone's text",
            ),
            act(
                "cloud-connect",
                "[이 기기 자동연결]을 확인하고 [클라우드 연결] 클릭",
                "Check [이 기기 자동연결] (remember this device), then click [클라우드 연결]",
            ),
        ],
    },
    ManualStep {
        number: 7,
        title: "PIN 6자리를 두 번 입력",
        title_en: "Type a six-digit PIN twice",
        screens: &["/center/cloud/issue"],
        actions: &[act(
            "pin-pad",
            "PIN 6자리 입력, 한 번 더 입력 (111111, 123456, 생년월일은 안 됩니다)",
            "Type a six-digit PIN, then again (not 111111, 123456 or your birth date)",
        )],
    },
    ManualStep {
        number: 8,
        title: "발급된 금융인증서 확인 후 로그아웃",
        title_en: "See the new 금융인증서, then log out",
        screens: &["/center/cloud/issue"],
        actions: &[
            act(
                "cloud-card",
                "카드에서 이름, 발급기관(금융결제원), 유효기간(3년) 확인",
                "On the card, see the name, the issuer (금융결제원) and the expiry (3 years)",
            ),
            super::task_steps::LOGOUT,
        ],
    },
    ManualStep {
        number: 9,
        title: "[금융인증서 로그인] 클릭 ▶ PIN 입력",
        title_en: "Click [금융인증서 로그인], then type the PIN",
        screens: &["/login"],
        actions: &[
            act(
                "cloud-login",
                "[금융인증서 로그인] 클릭",
                "Click [금융인증서 로그인] (cloud certificate login)",
            ),
            act(
                "pin-pad",
                "금융인증서 카드를 확인하고 PIN 6자리 입력",
                "Check the card and type your six-digit PIN",
            ),
        ],
    },
];
