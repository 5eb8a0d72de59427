//! The practice tasks' own step tables (the tasks that reuse the manual's STEPs whole are in
//! [`super::tasks`]): 갱신, 폐기, the business wizards and 바이오인증.

use super::steps::act;
use super::{Callout, ManualStep, STEPS};

/// `step` as the `number`th step of a task.
pub(super) const fn numbered(number: u8, step: ManualStep) -> ManualStep {
    ManualStep { number, ..step }
}

/// A left-menu link, `target`, to the page labelled `label` (in English with a `gloss`): on a
/// phone the menu opens behind [메뉴] first.
macro_rules! menu_link {
    ($target:literal, $label:literal) => {
        act(
            $target,
            concat!(
                "왼쪽 메뉴의 [",
                $label,
                "] 클릭 (휴대폰은 [메뉴]를 먼저 누릅니다)"
            ),
            concat!(
                "Click [",
                $label,
                "] in the left menu (on a phone, open [메뉴] first)"
            ),
        )
    };
    ($target:literal, $label:literal, $gloss:literal) => {
        act(
            $target,
            concat!(
                "왼쪽 메뉴의 [",
                $label,
                "] 클릭 (휴대폰은 [메뉴]를 먼저 누릅니다)"
            ),
            concat!(
                "Click [",
                $label,
                "] in the left menu (",
                $gloss,
                "; on a phone, open [메뉴] first)"
            ),
        )
    };
}
pub(super) use menu_link;

pub(super) const LOGOUT: Callout = act(
    "logout",
    "위쪽 [로그아웃] 클릭 후 [로그인] 클릭",
    "Click [로그아웃] (log out) at the top, then [로그인]",
);

/// 인증서 갱신: the center, the ID login, the renewal with the current certificate, and a login
/// with the renewed one.
pub(super) const RENEWAL: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "공인인증센터에서 [인증서 갱신] 클릭",
        title_en: "In the certificate center, click [인증서 갱신] (renew)",
        screens: &["/center"],
        actions: &[act(
            "center-renew",
            "인증서 갱신/관리 상자의 [인증서 갱신] 클릭",
            "Click [인증서 갱신] in the 인증서 갱신/관리 box",
        )],
    },
    numbered(2, STEPS[4]),
    ManualStep {
        number: 3,
        title: "브라우저인증서 갱신 ▶ 지금 인증서와 암호 확인",
        title_en: "Renew the browser certificate with its password",
        screens: &["/center/renew"],
        actions: &[
            act(
                "prove-Browser",
                "[브라우저인증서 갱신] 클릭",
                "Click [브라우저인증서 갱신]",
            ),
            act(
                "picker-list",
                "갱신할 인증서 선택",
                "Choose the certificate to renew",
            ),
            act(
                "picker-password",
                "지금 인증서 암호 입력",
                "Type the certificate's password",
            ),
            act("picker-ok", "[확인] 클릭", "Click [확인]"),
            LOGOUT,
        ],
    },
    numbered(4, STEPS[13]),
];

/// The manual's STEP `manual` (1–14) as the `number`th step of a task, on `screens`.
pub(super) const fn moved(
    number: u8,
    manual: usize,
    screens: &'static [&'static str],
) -> ManualStep {
    ManualStep {
        number,
        screens,
        ..STEPS[manual - 1]
    }
}

/// 인증서 폐기 within 7 days (the fee comes back), then 영수증: none for a refunded issuance.
pub(super) const REVOCATION: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "공인인증센터 왼쪽 메뉴에서 [인증서 폐기] 클릭",
        title_en: "In the center's left menu, click [인증서 폐기] (revoke)",
        screens: &["/center"],
        actions: &[menu_link!("menu-revoke", "인증서 폐기")],
    },
    numbered(2, STEPS[4]),
    ManualStep {
        number: 3,
        title: "브라우저인증서 폐기 ▶ 인증서 암호 확인",
        title_en: "Revoke the browser certificate with its password",
        screens: &["/center/revoke"],
        actions: &[
            act(
                "prove-Browser",
                "[브라우저인증서 폐기] 클릭",
                "Click [브라우저인증서 폐기]",
            ),
            act(
                "picker-list",
                "폐기할 인증서 선택",
                "Choose the certificate to revoke",
            ),
            act(
                "picker-password",
                "인증서 암호 입력",
                "Type the certificate's password",
            ),
            act(
                "picker-ok",
                "[확인] 클릭 ▶ 수수료를 돌려받았다는 안내 확인",
                "Click [확인]; the notice says the fee was refunded",
            ),
            act(
                "menu-receipts",
                "왼쪽 메뉴의 [영수증/세금계산서] 클릭",
                "Click [영수증/세금계산서] (receipts) in the left menu",
            ),
        ],
    },
    ManualStep {
        number: 4,
        title: "영수증 확인: 수수료를 돌려받은 발급은 영수증이 없습니다",
        title_en: "Receipts: an issuance whose fee came back has none",
        screens: &["/center/receipts"],
        actions: &[act(
            "receipts",
            "영수증 목록 확인 (영수증은 발급일로부터 8일째부터 발급됩니다)",
            "Read the list (receipts are issued from the 8th day after issue)",
        )],
    },
];

const BUSINESS_TERMS: &[Callout] = &[
    STEPS[7].actions[0],
    STEPS[7].actions[1],
    act(
        "business-number",
        "사업자등록번호 앞 3자리, 가운데 2자리, 끝 5자리 입력",
        "Type the business registration number: 3, 2, then 5 digits",
    ),
    STEPS[7].actions[3],
];

/// A business wizard's STEPs: the center's link `first` to the issuance box on `boxes`, its
/// [바로가기] (`go`), the browser check, the ID login, the wizard at `wizard` (steps 1–7) with
/// the kind `kind`, and the certificate login (기업뱅킹).
macro_rules! business_task {
    ($first:expr, $boxes:literal, $go:expr, $wizard:literal, $kind:expr) => {
        &[
            ManualStep {
                number: 1,
                actions: &[$first],
                title: "공인인증센터에서 발급 메뉴의 [바로가기] 클릭",
                title_en: "In the certificate center, click [바로가기] for the issuance menu",
                ..STEPS[1]
            },
            ManualStep {
                number: 2,
                screens: &[$boxes],
                actions: &[$go, STEPS[2].actions[1]],
                title: "발급 상자의 [바로가기] 클릭 ▶ 공인인증프로그램 설치",
                title_en: "Click [바로가기] in the issuance box, then the install notice",
            },
            moved(3, 4, &["/center/issue/check"]),
            moved(4, 5, &["/login"]),
            ManualStep {
                number: 5,
                screens: &[concat!($wizard, "/1")],
                actions: BUSINESS_TERMS,
                title: "약관동의 및 사업자등록번호 입력 후 하단 [약관 동의/본인확인] 클릭",
                title_en: "Agree to the terms, type the business number, click [약관 동의/본인확인]",
            },
            ManualStep {
                number: 6,
                screens: &[concat!($wizard, "/2")],
                actions: &[
                    $kind,
                    STEPS[8].actions[1],
                    STEPS[8].actions[2],
                    STEPS[8].actions[3],
                    STEPS[8].actions[4],
                ],
                ..STEPS[8]
            },
            moved(7, 10, &[concat!($wizard, "/3")]),
            moved(8, 11, &[concat!($wizard, "/4")]),
            moved(9, 12, &[concat!($wizard, "/5")]),
            moved(10, 13, &[concat!($wizard, "/6"), concat!($wizard, "/7")]),
            ManualStep {
                number: 11,
                title: "발급받은 인증서로 기업뱅킹 로그인",
                title_en: "Log in to corporate banking with the certificate",
                ..STEPS[13]
            },
        ]
    };
}

/// 바이오인증 등록, then a login with it and no password.
pub(super) const BIOMETRICS: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "공인인증센터 왼쪽 메뉴에서 [바이오인증] 클릭",
        title_en: "In the center's left menu, click [바이오인증] (biometrics)",
        screens: &["/center"],
        actions: &[menu_link!("menu-bio", "바이오인증")],
    },
    ManualStep {
        number: 2,
        title: "바이오인증 등록: 인증서 암호 확인 후 지문·얼굴 인식 등록",
        title_en: "Register biometrics: the certificate password, then your fingerprint or face",
        screens: &["/center/bio"],
        actions: &[
            act(
                "bio-register",
                "인증서의 [바이오인증 등록] 클릭",
                "Click [바이오인증 등록] under the certificate",
            ),
            act(
                "bio-password",
                "인증서 암호 입력 후 [등록], 이 기기의 지문이나 얼굴 인식 확인",
                "Type the certificate password, click [등록], then use your fingerprint or face",
            ),
            act(
                "logout",
                "위쪽 [로그인] 클릭",
                "Click [로그인] (log in) at the top",
            ),
        ],
    },
    ManualStep {
        number: 3,
        title: "바이오인증으로 로그인 (암호 없이)",
        title_en: "Log in with biometrics, no password",
        screens: &["/login"],
        actions: &[
            STEPS[13].actions[0],
            STEPS[13].actions[1],
            act(
                "picker-bio",
                "암호 대신 [바이오인증] 클릭, 지문이나 얼굴 인식 확인",
                "Click [바이오인증] instead of a password and use your fingerprint or face",
            ),
        ],
    },
];

/// 기업용 범용 for corp01: the 기업용 box, its wizard, the 기업뱅킹 login.
pub(super) const CORPORATE: &[ManualStep] = business_task!(
    STEPS[1].actions[0],
    "/center/issue",
    act(
        "corporate-issue",
        "기업용인증서 발급 상자의 [바로가기] 클릭",
        "Click [바로가기] in the 기업용인증서 발급 (business certificate) box",
    ),
    "/center/issue/corporate",
    act(
        "kind-CorporateGeneral",
        "인증서 종류: [기업 범용] 선택",
        "Certificate type: choose [기업 범용] (business, general purpose)",
    )
);

/// 전자세금용 for corp01: the tab's box, its wizard, the 기업뱅킹 login.
pub(super) const TAX: &[ManualStep] = business_task!(
    act(
        "center-tax",
        "전자세금용 인증서 상자의 [바로가기] 클릭",
        "Click [바로가기] in the 전자세금용 인증서 (tax invoice certificate) box",
    ),
    "/center/tax",
    act(
        "tax-issue",
        "전자세금용 인증서 발급/재발급 상자의 [바로가기] 클릭",
        "Click [바로가기] in the 전자세금용 (tax invoice) certificate box",
    ),
    "/center/tax/issue",
    act(
        "kind-Tax",
        "인증서 종류: [전자세금용] 선택",
        "Certificate type: choose [전자세금용] (tax invoices)",
    )
);
