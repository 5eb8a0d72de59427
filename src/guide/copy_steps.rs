//! The step tables of the tasks that take a certificate across: 타행·타기관 인증서 등록/해제,
//! 스마트폰인증서 복사 and 내보내기/가져오기. Several of their steps share one screen; the next
//! begins once the page shows its first control ([`super::GuideProgress::move_on`]).

use super::steps::act;
use super::task_steps::{LOGOUT, menu_link, moved, numbered};
use super::{Callout, ManualStep, STEPS};

const MENU_PHONE_COPY: Callout = menu_link!(
    "menu-phone-copy",
    "스마트폰인증서 복사",
    "copy to and from a smartphone"
);
const MENU_MANAGE: Callout = menu_link!("menu-manage", "인증서 관리", "manage certificates");
/// 브라우저에서 삭제 on 인증서 관리, and the warning's [삭제].
const DELETE: &[Callout] = &[
    act(
        "manage-delete",
        "[브라우저에서 삭제] 클릭",
        "Click [브라우저에서 삭제] (delete from the browser)",
    ),
    act(
        "delete-ok",
        "안내창의 [삭제] 클릭",
        "In the notice, click [삭제]",
    ),
];
const PICKER_PASSWORD: Callout = STEPS[13].actions[2];

/// 타행·타기관 인증서 등록/해제 with 모의증권's practice certificate: received as NPKI.zip,
/// registered after step 3's verification, logged in with, and released.
pub(super) const OTHER_BANK: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "공인인증센터에서 타행·타기관 인증서 등록/해제 [바로가기] 클릭",
        title_en: "In the certificate center, click [바로가기] for other institutions' certificates",
        screens: &["/center"],
        actions: &[act(
            "center-other-bank",
            "타행·타기관 인증서 등록/해제 상자의 [바로가기] 클릭",
            "Click [바로가기] in the 타행·타기관 인증서 등록/해제 box",
        )],
    },
    numbered(2, STEPS[4]),
    ManualStep {
        number: 3,
        title: "연습용 타기관(모의증권) 인증서 받기 ▶ [인증서 등록] 클릭",
        title_en: "Get the practice certificate of another institution, then click [인증서 등록]",
        screens: &["/center/other-bank"],
        actions: &[
            act(
                "practice-form",
                "연습용 타기관 인증서 상자에 인증서 암호를 두 번 입력",
                "In the practice certificate box, type a certificate password twice",
            ),
            act(
                "practice-get",
                "[모의증권 인증서 받기] 클릭 ▶ NPKI.zip 파일 저장",
                "Click [모의증권 인증서 받기]; NPKI.zip is saved",
            ),
            act(
                "other-bank-register",
                "인증서 등록 아래 [인증서 등록] 클릭",
                "Under 인증서 등록, click [인증서 등록] (register)",
            ),
        ],
    },
    moved(4, 10, &["/center/other-bank"]),
    ManualStep {
        number: 5,
        title: "등록할 인증서 선택: 하드디스크의 NPKI.zip",
        title_en: "Choose the certificate to register: the NPKI.zip you saved",
        screens: &["/center/other-bank"],
        actions: &[
            act(
                "prove-HardDisk",
                "[하드디스크/이동식디스크 인증서 선택] 클릭",
                "Click [하드디스크/이동식디스크 인증서 선택] (files)",
            ),
            act(
                "picker-files",
                "저장한 NPKI.zip 파일 선택",
                "Choose the NPKI.zip you saved",
            ),
            PICKER_PASSWORD,
            act(
                "picker-ok",
                "[확인] 클릭 ▶ 등록했다는 안내 확인",
                "Click [확인]; the notice says it is registered",
            ),
            LOGOUT,
        ],
    },
    ManualStep {
        number: 6,
        title: "등록한 타기관 인증서로 로그인",
        title_en: "Log in with the registered certificate",
        screens: &["/login"],
        actions: &[
            act(
                "npki-login",
                "[공인인증서 로그인] 클릭",
                "Click [공인인증서 로그인] (certificate files)",
            ),
            act(
                "picker-files",
                "NPKI.zip 파일 선택",
                "Choose the NPKI.zip file",
            ),
            PICKER_PASSWORD,
            STEPS[13].actions[3],
        ],
    },
    ManualStep {
        number: 7,
        title: "타행·타기관 인증서 등록 해제",
        title_en: "Release the registration",
        screens: &["/center/other-bank"],
        actions: &[act(
            "other-bank-release",
            "등록된 인증서의 [해제] 클릭 ▶ 해제했다는 안내 확인",
            "Click [해제] beside the registered certificate; the notice says it is released",
        )],
    },
];

/// 스마트폰인증서 복사: PC → the on-screen phone, then (the PC's copy deleted, as on a new PC)
/// phone → PC, and a login with the certificate that came back.
pub(super) const PHONE_COPY: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "공인인증센터에서 스마트폰 인증서 복사 [바로가기] 클릭",
        title_en: "In the certificate center, click [바로가기] for copying to a smartphone",
        screens: &["/center"],
        actions: &[act(
            "center-phone-copy",
            "스마트폰 인증서 복사 상자의 [바로가기] 클릭",
            "Click [바로가기] in the 스마트폰 인증서 복사 box",
        )],
    },
    ManualStep {
        number: 2,
        title: "PC → 스마트폰: 스마트폰 열기 ▶ 스타뱅킹 로그인",
        title_en: "PC to phone: open the phone and log in to its banking app",
        screens: &["/center/phone-copy"],
        actions: &[
            act(
                "phone-open",
                "[스마트폰 열기] 클릭",
                "Click [스마트폰 열기] (open the phone)",
            ),
            act(
                "phone-receive",
                "스마트폰 스타뱅킹 앱의 [PC에서 가져오기] 클릭",
                "In the phone's app, click [PC에서 가져오기] (from the PC)",
            ),
            act(
                "phone-id-login",
                "스마트폰에서 아이디와 비밀번호(hong01 / Demo!2345) 입력 후 [로그인]",
                "On the phone, type the ID and password (hong01 / Demo!2345) and click [로그인]",
            ),
        ],
    },
    ManualStep {
        number: 3,
        title: "PC → 스마트폰: 인증번호 입력 ▶ 보낼 인증서 선택",
        title_en: "PC to phone: type the number, then choose the certificate to send",
        screens: &["/center/phone-copy"],
        actions: &[
            act(
                "copy-number",
                "스마트폰에 나온 인증번호 12자리 확인",
                "Read the 12-digit number on the phone",
            ),
            act(
                "pc-send-number",
                "PC의 [인증번호] 칸에 그 번호 입력",
                "Type it into the PC's [인증번호] box",
            ),
            act(
                "prove-Browser",
                "[브라우저인증서 보내기] 클릭",
                "Click [브라우저인증서 보내기] (send the browser certificate)",
            ),
            STEPS[13].actions[1],
            PICKER_PASSWORD,
            act(
                "picker-ok",
                "[확인] 클릭 ▶ 스마트폰에 저장했다는 안내 확인",
                "Click [확인]; the phone says it kept the certificate",
            ),
            MENU_MANAGE,
        ],
    },
    ManualStep {
        number: 4,
        title: "새 PC라고 생각하고 이 브라우저의 인증서 삭제",
        title_en: "As on a new PC: delete the certificate from this browser",
        screens: &["/center/manage"],
        actions: &[DELETE[0], DELETE[1], MENU_PHONE_COPY],
    },
    ManualStep {
        number: 5,
        title: "스마트폰 → PC: 인증번호를 받으려면 PC에서 로그인",
        title_en: "Phone to PC: log in on the PC to get a number",
        screens: &["/center/phone-copy"],
        actions: &[act(
            "receive-login",
            "스마트폰 → PC 상자의 [로그인] 클릭",
            "Click [로그인] in the phone-to-PC box",
        )],
    },
    numbered(6, STEPS[4]),
    ManualStep {
        number: 7,
        title: "스마트폰 → PC: 인증번호 받기 ▶ 스마트폰에서 보내기",
        title_en: "Phone to PC: get a number on the PC, send from the phone",
        screens: &["/center/phone-copy"],
        actions: &[
            act(
                "receive-number",
                "PC의 [인증번호 받기] 클릭",
                "Click [인증번호 받기] (get a number) on the PC",
            ),
            act(
                "phone-open",
                "스마트폰이 닫혀 있으면 [스마트폰 열기] 클릭",
                "If the phone is closed, click [스마트폰 열기]",
            ),
            act(
                "phone-send",
                "스마트폰 스타뱅킹 앱의 [PC로 내보내기] 클릭",
                "In the phone's app, click [PC로 내보내기] (to the PC)",
            ),
            act(
                "phone-send-form",
                "PC 화면의 인증번호와 인증서 암호를 스마트폰에 입력 후 [보내기]",
                "Type the PC's number and the certificate password on the phone, click [보내기]",
            ),
            act(
                "logout",
                "PC에 저장했다는 안내 확인 후 위쪽 [로그아웃] 클릭, [로그인] 클릭",
                "When the PC says it kept it, click [로그아웃] at the top, then [로그인]",
            ),
        ],
    },
    numbered(8, STEPS[13]),
];

/// 인증서 내보내기/가져오기: a `.pfx` out of this browser, the browser's copy deleted (as in
/// another browser), the file brought in, and a login with it.
pub(super) const EXPORT: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "공인인증센터에서 [인증서 관리] 클릭",
        title_en: "In the certificate center, click [인증서 관리] (manage)",
        screens: &["/center"],
        actions: &[act(
            "center-manage",
            "인증서 갱신/관리 상자의 [인증서 관리] 클릭",
            "Click [인증서 관리] in the 인증서 갱신/관리 box",
        )],
    },
    ManualStep {
        number: 2,
        title: "인증서를 PKCS#12(.pfx) 파일로 내보내기",
        title_en: "Export the certificate as a PKCS#12 (.pfx) file",
        screens: &["/center/manage"],
        actions: &[
            act(
                "manage-pfx",
                "[내보내기 (PKCS#12)] 클릭",
                "Click [내보내기 (PKCS#12)] (export)",
            ),
            act(
                "pfx-password",
                "인증서 암호 입력",
                "Type the certificate password",
            ),
            act(
                "pfx-export",
                "[내보내기] 클릭 ▶ signCert.pfx 파일 저장",
                "Click [내보내기]; signCert.pfx is saved",
            ),
        ],
    },
    ManualStep {
        number: 3,
        title: "다른 브라우저라고 생각하고 이 브라우저의 인증서 삭제",
        title_en: "As in another browser: delete the certificate from this one",
        screens: &["/center/manage"],
        actions: DELETE,
    },
    ManualStep {
        number: 4,
        title: "내보낸 파일에서 인증서 가져오기",
        title_en: "Import the certificate from the exported file",
        screens: &["/center/manage"],
        actions: &[
            act(
                "manage-import",
                "[인증서 가져오기] 클릭",
                "Click [인증서 가져오기] (import)",
            ),
            act(
                "import-files",
                "저장한 signCert.pfx 파일 선택",
                "Choose the signCert.pfx you saved",
            ),
            act(
                "import-password",
                "파일 암호(내보낼 때의 인증서 암호) 입력",
                "Type the file's password (the certificate password when exported)",
            ),
            act(
                "cert-import",
                "[가져오기] 클릭 ▶ 가져왔다는 안내 확인",
                "Click [가져오기]; the notice says it is in this browser",
            ),
            act(
                "logout",
                "위쪽 [로그인] 클릭",
                "Click [로그인] (log in) at the top",
            ),
        ],
    },
    numbered(5, STEPS[13]),
];
