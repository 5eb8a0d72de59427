//! 연습 과제: each service of the center as a task the guide panel leads through, with the
//! starting point it prepares. The manual's own STEP 01–14 is the first task; the next three
//! take the same screens from another starting point (the center's home names them as the
//! customers who come to 인증서 발급/재발급).

use super::cloud_steps::CLOUD;
use super::copy_steps::{EXPORT, OTHER_BANK, PHONE_COPY};
use super::task_steps::{BIOMETRICS, CORPORATE, RENEWAL, REVOCATION, TAX};
use super::{ManualStep, Position, STEPS};

/// What the panel takes as the end of a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// A certificate logged in: the learner is logged in and has left the login page while
    /// the last step is current.
    CertificateLogin,
    /// The last step's screen reached.
    LastScreen,
    /// The page says this (a notice in its content) while the last step is current.
    Said(&'static str),
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
        id: "other-bank",
        number: 7,
        title: "타행·타기관 인증서 등록/해제",
        story: "홍길동 님이 다른 기관(모의증권)에서 받은 인증서로 모의은행에 로그인하려 합니다.",
        practises: "연습용 모의증권 인증서(NPKI.zip), 추가 본인확인 후 등록, 그 인증서로 로그인, 등록 해제",
        start: Start {
            user_id: "hong01",
            earlier: None,
        },
        steps: OTHER_BANK,
        end: End::Said("등록을 해제했습니다"),
    },
    Task {
        id: "phone-copy",
        number: 8,
        title: "스마트폰인증서 복사",
        story: "홍길동 님이 PC의 인증서를 스마트폰으로 복사하고, 새 PC로 다시 가져옵니다.",
        practises: "인증번호 12자리로 PC → 스마트폰, 스마트폰 → PC 복사, 가져온 인증서로 로그인",
        start: Start {
            user_id: "hong01",
            earlier: Some(Earlier {
                days_ago: 30,
                kept: Kept::Browser(PRACTICE_PASSWORD),
            }),
        },
        steps: PHONE_COPY,
        end: End::CertificateLogin,
    },
    Task {
        id: "export",
        number: 9,
        title: "인증서 내보내기/가져오기",
        story: "홍길동 님이 인증서를 파일로 내보내 다른 브라우저(휴대폰 등)로 옮기려 합니다. 연습에서는 이 브라우저에서 지운 뒤 다시 가져옵니다.",
        practises: "PKCS#12(.pfx) 파일로 내보내기, 브라우저에서 삭제, 파일에서 가져오기와 로그인",
        start: Start {
            user_id: "hong01",
            earlier: Some(Earlier {
                days_ago: 30,
                kept: Kept::Browser(PRACTICE_PASSWORD),
            }),
        },
        steps: EXPORT,
        end: End::CertificateLogin,
    },
    Task {
        id: "corporate",
        number: 10,
        title: "기업용 범용 인증서 발급",
        story: "(주)모의상사(corp01)가 기업인터넷뱅킹용 범용 인증서를 처음 발급받습니다.",
        practises: "사업자등록번호 본인확인, 기업 범용 발급(OTP), 기업뱅킹 인증서 로그인",
        start: Start {
            user_id: "corp01",
            earlier: None,
        },
        steps: CORPORATE,
        end: End::CertificateLogin,
    },
    Task {
        id: "tax",
        number: 11,
        title: "전자세금용 인증서 발급",
        story: "(주)모의상사(corp01)가 전자세금계산서를 발급하려고 전자세금용 인증서를 받습니다.",
        practises: "전자세금용인증서 탭, 전자세금용 발급, 기업뱅킹 인증서 로그인",
        start: Start {
            user_id: "corp01",
            earlier: None,
        },
        steps: TAX,
        end: End::CertificateLogin,
    },
    Task {
        id: "bio",
        number: 12,
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
    Task {
        id: "cloud",
        number: 13,
        title: "금융인증서 발급과 PIN 로그인",
        story: "홍길동 님이 은행이 권하는 금융인증서를 처음 발급받아 PIN으로 로그인하려 합니다.",
        practises: "금융결제원 약관, 휴대폰 본인확인, 클라우드 연결, PIN 설정, 금융인증서 로그인",
        start: Start {
            user_id: "hong01",
            earlier: None,
        },
        steps: CLOUD,
        end: End::CertificateLogin,
    },
];

impl Task {
    /// A step by its number.
    pub fn step(&self, number: u8) -> Option<&'static ManualStep> {
        self.steps.iter().find(|s| s.number == number)
    }

    /// The last step's number.
    pub fn last(&self) -> u8 {
        self.steps.last().map_or(0, |s| s.number)
    }

    /// Where `path` is for a learner whose step to do now is `current`: the first step at or
    /// after `current` shown on that screen; else the last earlier one.
    pub fn locate(&self, path: &str, current: u8) -> Position {
        let path = plain(path);
        let here: Vec<&'static ManualStep> = self
            .steps
            .iter()
            .filter(|s| s.screens.contains(&path))
            .collect();
        match here.iter().find(|s| s.number >= current) {
            Some(step) => Position::OnPath(step),
            None => here.last().map_or(Position::Off, |s| Position::Behind(s)),
        }
    }
}

/// `path` without a trailing `/` (the home page stays `/`).
pub(super) fn plain(path: &str) -> &str {
    match path.trim_end_matches('/') {
        "" => "/",
        p => p,
    }
}

/// The manual's own task, which guided mode follows when no other task was started.
pub const MANUAL: &Task = &TASKS[0];

/// A task by its id.
pub fn task(id: &str) -> Option<&'static Task> {
    TASKS.iter().find(|t| t.id == id)
}
