//! The bank's API as a client sees it: serde request and response types, the errors the bank
//! answers with, and the [`BankApi`] trait. Nothing here knows how the bank is implemented.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// How many wrong login passwords in a row lock a bank ID.
pub const LOGIN_ATTEMPTS: u8 = 5;

/// One call the bank answers: the request type names its endpoint and its response.
pub trait Endpoint: Serialize + DeserializeOwned {
    /// The endpoint's name on the wire.
    const NAME: &'static str;
    /// What a successful call returns.
    type Response: Serialize + DeserializeOwned;
}

/// A client of the bank. The UI reaches the bank only through this trait.
pub trait BankApi {
    /// Sends one request and waits for the bank's answer.
    fn call<E: Endpoint>(&self, request: E) -> impl Future<Output = BankResult<E::Response>>;
}

/// What the bank answers when it refuses a request. The `Display` text is the bank's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code")]
#[non_exhaustive]
pub enum BankError {
    /// The ID is not registered.
    #[error("등록되지 않은 아이디입니다. 아이디를 다시 확인해 주세요.")]
    UnknownUser,
    /// The login password is wrong; the ID locks when `remaining` reaches zero.
    #[error("비밀번호가 일치하지 않습니다. {remaining}회 더 틀리면 아이디 사용이 제한됩니다.")]
    WrongPassword {
        /// Tries left before the ID locks.
        remaining: u8,
    },
    /// The ID is locked after too many wrong passwords.
    #[error(
        "비밀번호를 5회 연속 잘못 입력하여 아이디 사용이 제한되었습니다. \
         연습용 계정 안내의 [연습 데이터 초기화]로 해제할 수 있습니다."
    )]
    UserLocked,
    /// The session token is unknown or its time ran out.
    #[error("로그인 시간이 만료되었습니다. 다시 로그인해 주세요.")]
    SessionExpired,
    /// The request could not be read or names no endpoint.
    #[error("잘못된 요청입니다. ({detail})")]
    BadRequest {
        /// What was wrong, for developers.
        detail: String,
    },
    /// The bank could not keep its records.
    #[error("은행 시스템 오류로 처리하지 못했습니다. 잠시 후 다시 시도해 주세요. ({detail})")]
    Internal {
        /// What failed, for developers.
        detail: String,
    },
}

/// The result of a bank call.
pub type BankResult<T> = Result<T, BankError>;

/// An opaque session token handed out at login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionToken(pub String);

/// ID and password login (manual STEP 05).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Login {
    /// The bank ID.
    pub user_id: String,
    /// The login password.
    pub password: String,
}

/// A session the bank opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionGrant {
    /// The token to send with later requests.
    pub token: SessionToken,
    /// The customer's name as the bank records it.
    pub customer_name: String,
    /// Seconds until the session ends unless it is extended.
    pub expires_in_secs: u32,
}

impl Endpoint for Login {
    const NAME: &'static str = "login";
    type Response = SessionGrant;
}

/// Restarts the session's countdown (`연장`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExtendSession {
    /// The session to extend.
    pub token: SessionToken,
}

/// How long a session still runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTime {
    /// Seconds until the session ends.
    pub expires_in_secs: u32,
}

impl Endpoint for ExtendSession {
    const NAME: &'static str = "extend_session";
    type Response = SessionTime;
}

/// Ends a session (`로그아웃`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Logout {
    /// The session to end.
    pub token: SessionToken,
}

impl Endpoint for Logout {
    const NAME: &'static str = "logout";
    type Response = ();
}

/// Puts the practice bank back as it was first seeded: locks, counters and sessions cleared.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResetPractice;

impl Endpoint for ResetPractice {
    const NAME: &'static str = "reset_practice";
    type Response = ();
}
