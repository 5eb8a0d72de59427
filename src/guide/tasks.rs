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
];

/// The manual's own task, which guided mode follows when no other task was started.
pub const MANUAL: &Task = &TASKS[0];

/// A task by its id.
pub fn task(id: &str) -> Option<&'static Task> {
    TASKS.iter().find(|t| t.id == id)
}
