//! 연습 과제: each service of the center as a task the guide panel leads through, with the
//! starting point it prepares. The manual's own STEP 01–14 is the first task; the next three
//! take the same screens from another starting point (the center's home names them as the
//! customers who come to 인증서 발급/재발급).

use super::steps::act;
use super::{Callout, ManualStep, STEPS};

/// What the panel takes as the end of a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// A certificate logged in: the learner is logged in and has left the login page while
    /// the last step is current.
    CertificateLogin,
    /// The last step's screen reached.
    LastScreen,
}

/// Where a task's prepared certificate is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Nowhere on this device (deleted, or the PC formatted).
    Nowhere,
    /// In this browser, under a password the learner is told.
    Browser(&'static str),
    /// In this browser, under a password nobody knows (forgotten).
    Forgotten,
}

/// The 범용 certificate a task starts with: issued `days_ago` days before the practice clock's
/// now by 한국정보인증, paid for, and kept as `kept`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Earlier {
    /// How long ago it was issued.
    pub days_ago: u16,
    /// Where it is.
    pub kept: Kept,
}

/// The password of the certificates tasks prepare, shown to the learner.
pub const PRACTICE_PASSWORD: &str = "Practice!2026";

/// A task's starting point: the customer's bank records as the demo first has them (nobody
/// else's are touched) and this browser's certificates of theirs removed; then `earlier`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Start {
    /// The demo customer who does the task.
    pub user_id: &'static str,
    /// A certificate issued before the task.
    pub earlier: Option<Earlier>,
}

impl Start {
    /// What was prepared, in one line.
    pub fn said(&self) -> String {
        let who = crate::bank::demo::find(self.user_id).map_or(self.user_id.to_owned(), |c| {
            format!("{}({})", c.display_name(), c.user_id)
        });
        let then = match self.earlier {
            None => "인증서가 없는 상태입니다.".to_owned(),
            Some(Earlier { days_ago, kept }) => {
                let place = match kept {
                    Kept::Nowhere => "이 브라우저에서는 지워진 상태입니다".to_owned(),
                    Kept::Browser(password) => {
                        format!("이 브라우저에 있습니다(인증서 암호 {password})")
                    }
                    Kept::Forgotten => "이 브라우저에 있지만 암호는 잊은 것으로 합니다".to_owned(),
                };
                format!("{days_ago}일 전에 발급받은 범용 인증서(한국정보인증)가 {place}.")
            }
        };
        format!("준비했습니다: {who}의 연습 기록을 처음 상태로 돌렸고, {then}")
    }
}

/// One practice task.
#[derive(Debug, PartialEq)]
pub struct Task {
    /// Its name in the address and in the records.
    pub id: &'static str,
    /// Its number in the list.
    pub number: u8,
    /// Its name on screen.
    pub title: &'static str,
    /// The customer's story, in one line.
    pub story: &'static str,
    /// What it practises.
    pub practises: &'static str,
    /// Where it starts.
    pub start: Start,
    /// Its steps, numbered from 1.
    pub steps: &'static [ManualStep],
    /// When it is done.
    pub end: End,
}

/// `step` as the `number`th step of a task.
const fn numbered(number: u8, step: ManualStep) -> ManualStep {
    ManualStep { number, ..step }
}

const LOGOUT: Callout = act(
    "logout",
    "위쪽 [로그아웃] 클릭 후 [로그인] 클릭",
    "Click [로그아웃] (log out) at the top, then [로그인]",
);

/// 인증서 갱신: the center, the ID login, the renewal with the current certificate, and a login
/// with the renewed one.
const RENEWAL: &[ManualStep] = &[
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
const fn moved(number: u8, manual: usize, screens: &'static [&'static str]) -> ManualStep {
    ManualStep {
        number,
        screens,
        ..STEPS[manual - 1]
    }
}

/// 인증서 폐기 within 7 days (the fee comes back), then 영수증: none for a refunded issuance.
const REVOCATION: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "공인인증센터 왼쪽 메뉴에서 [인증서 폐기] 클릭",
        title_en: "In the center's left menu, click [인증서 폐기] (revoke)",
        screens: &["/center"],
        actions: &[act(
            "menu-revoke",
            "왼쪽 메뉴의 [인증서 폐기] 클릭 (휴대폰은 [메뉴]를 먼저 누릅니다)",
            "Click [인증서 폐기] in the left menu (on a phone, open [메뉴] first)",
        )],
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
const BIOMETRICS: &[ManualStep] = &[
    ManualStep {
        number: 1,
        title: "공인인증센터 왼쪽 메뉴에서 [바이오인증] 클릭",
        title_en: "In the center's left menu, click [바이오인증] (biometrics)",
        screens: &["/center"],
        actions: &[act(
            "menu-bio",
            "왼쪽 메뉴의 [바이오인증] 클릭 (휴대폰은 [메뉴]를 먼저 누릅니다)",
            "Click [바이오인증] in the left menu (on a phone, open [메뉴] first)",
        )],
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

/// Every task, in the list's order.
pub const TASKS: &[Task] = &[
    Task {
        id: "first",
        number: 1,
        title: "처음 발급",
        story: "인터넷 뱅킹을 처음 신청한 홍길동 님이 첫 인증서를 발급받습니다.",
        practises: "매뉴얼 STEP 01–14 그대로: 센터, 아이디 로그인, 발급 7단계, 인증서 로그인",
        start: Start {
            user_id: "hong01",
            earlier: None,
        },
        steps: STEPS,
        end: End::CertificateLogin,
    },
    Task {
        id: "forgot-password",
        number: 2,
        title: "인증서 비밀번호를 잊으신 고객",
        story: "홍길동 님이 30일 전에 발급받은 인증서의 암호를 잊었습니다.",
        practises: "재발급(수수료 0원, 만료일 그대로)과 새 암호로 로그인",
        start: Start {
            user_id: "hong01",
            earlier: Some(Earlier {
                days_ago: 30,
                kept: Kept::Forgotten,
            }),
        },
        steps: STEPS,
        end: End::CertificateLogin,
    },
    Task {
        id: "formatted",
        number: 3,
        title: "인증서 삭제, PC를 포맷한 고객",
        story: "홍길동 님이 PC를 포맷해 60일 전에 발급받은 인증서가 없어졌습니다.",
        practises: "재발급으로 인증서를 다시 받고 로그인",
        start: Start {
            user_id: "hong01",
            earlier: Some(Earlier {
                days_ago: 60,
                kept: Kept::Nowhere,
            }),
        },
        steps: STEPS,
        end: End::CertificateLogin,
    },
    Task {
        id: "expired",
        number: 4,
        title: "인증서 유효기간이 만료된 고객",
        story: "홍길동 님의 인증서가 보름 전에 만료되었습니다.",
        practises: "만료된 인증서 대신 새 범용 인증서 발급(수수료 4,400원)",
        start: Start {
            user_id: "hong01",
            earlier: Some(Earlier {
                days_ago: 380,
                kept: Kept::Browser(PRACTICE_PASSWORD),
            }),
        },
        steps: STEPS,
        end: End::CertificateLogin,
    },
    Task {
        id: "renew",
        number: 5,
        title: "인증서 갱신",
        story: "홍길동 님의 인증서가 20일 뒤 만료됩니다.",
        practises: "만료 전 갱신(1년 연장)과 갱신한 인증서로 로그인",
        start: Start {
            user_id: "hong01",
            earlier: Some(Earlier {
                days_ago: 345,
                kept: Kept::Browser(PRACTICE_PASSWORD),
            }),
        },
        steps: RENEWAL,
        end: End::CertificateLogin,
    },
    Task {
        id: "revoke",
        number: 6,
        title: "인증서 폐기와 수수료 환불",
        story: "홍길동 님이 3일 전에 발급받은 인증서를 더 쓰지 않기로 했습니다.",
        practises: "폐기(발급일 포함 7일 이내라 수수료 환불)와 영수증 조회(8일째부터)",
        start: Start {
            user_id: "hong01",
            earlier: Some(Earlier {
                days_ago: 3,
                kept: Kept::Browser(PRACTICE_PASSWORD),
            }),
        },
        steps: REVOCATION,
        end: End::LastScreen,
    },
    Task {
        id: "corporate",
        number: 7,
        title: "기업용 범용 인증서 발급",
        story: "(주)모의상사(corp01)가 기업인터넷뱅킹용 범용 인증서를 처음 발급받습니다.",
        practises: "사업자등록번호 본인확인, 기업 범용 발급(OTP), 기업뱅킹 인증서 로그인",
        start: Start {
            user_id: "corp01",
            earlier: None,
        },
        steps: business_task!(
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
        ),
        end: End::CertificateLogin,
    },
    Task {
        id: "tax",
        number: 8,
        title: "전자세금용 인증서 발급",
        story: "(주)모의상사(corp01)가 전자세금계산서를 발급하려고 전자세금용 인증서를 받습니다.",
        practises: "전자세금용인증서 탭, 전자세금용 발급, 기업뱅킹 인증서 로그인",
        start: Start {
            user_id: "corp01",
            earlier: None,
        },
        steps: business_task!(
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
        ),
        end: End::CertificateLogin,
    },
    Task {
        id: "bio",
        number: 9,
        title: "바이오인증 등록과 암호 없는 로그인",
        story: "홍길동 님이 인증서 암호 대신 지문으로 로그인하고 싶어 합니다.",
        practises: "바이오인증 등록(인증서 암호 한 번), 바이오인증으로 로그인",
        start: Start {
            user_id: "hong01",
            earlier: Some(Earlier {
                days_ago: 30,
                kept: Kept::Browser(PRACTICE_PASSWORD),
            }),
        },
        steps: BIOMETRICS,
        end: End::CertificateLogin,
    },
];

/// The manual's own task, which guided mode follows when no other task was started.
pub const MANUAL: &Task = &TASKS[0];

/// A task by its id.
pub fn task(id: &str) -> Option<&'static Task> {
    TASKS.iter().find(|t| t.id == id)
}
