//! 인증서발급 동의여부 조회/변경: the customer's prior consent to certificate issuance, as the
//! bank records it (step 2's `동의`/`미동의`). Online it can only be withdrawn; it is given again
//! at a branch (here `영업점 방문(연습)`). While withdrawn, issuance and reissue are refused at
//! step 2; renewal of a valid certificate stays possible.

use serde::{Deserialize, Serialize};

use super::{Endpoint, SessionToken};

/// How a consent came to be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentChannel {
    /// At step 2 of the issuance wizard.
    Wizard,
    /// On this page, online.
    Online,
    /// At a branch (practised here).
    Branch,
}

impl ConsentChannel {
    /// Where it was recorded, on screen.
    pub fn label(self) -> &'static str {
        match self {
            ConsentChannel::Wizard => "인증서 발급 2단계",
            ConsentChannel::Online => "인터넷뱅킹",
            ConsentChannel::Branch => "영업점",
        }
    }
}

/// What the bank has on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentView {
    /// `Some(true)` 동의, `Some(false)` 미동의, `None` nothing recorded yet.
    pub agreed: Option<bool>,
    /// The day it was recorded, `YYYY-MM-DD` KST.
    pub recorded_on: Option<String>,
    /// Where it was recorded.
    pub channel: Option<ConsentChannel>,
}

request! {
    /// 인증서발급 동의여부 조회.
    GetConsent => ConsentView, "consent" {
        /// The login session.
        token: SessionToken,
    }
}

request! {
    /// 동의 → 미동의, online.
    WithdrawConsent => ConsentView, "consent/withdraw" {
        /// The login session.
        token: SessionToken,
    }
}

request! {
    /// `영업점 방문(연습)`: the branch records 동의 (a real bank does this only at a branch,
    /// seeing the customer's ID card; here the customer keys its 주민등록번호 and the account
    /// password, which someone holding only the ID password lacks).
    ConsentAtBranch => ConsentView, "consent/branch" {
        /// The login session.
        token: SessionToken,
        /// The 주민등록번호 on the ID card (with or without the hyphen).
        rrn: String,
        /// The withdrawal account's password, keyed on the branch's PIN pad.
        account_password: String,
    }
}
