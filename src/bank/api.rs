//! The bank's API as a client sees it: serde request and response types, the errors the bank
//! answers with, and the [`BankApi`] trait. Nothing here knows how the bank is implemented.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Declares a request: the struct (every field public, documented as usual) and, after `=>`,
/// what the server answers and the endpoint's name on the wire. A request to the bank is an
/// [`Endpoint`]; `@CloudEndpoint` first declares one to the cloud
/// ([`crate::cloud::api::CloudEndpoint`]), which the bank's client does not take.
macro_rules! request {
    (@$server:ident $(#[$meta:meta])* $name:ident => $response:ty, $wire:literal;) => {
        $(#[$meta])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $name;

        impl $crate::bank::api::Wire for $name {
            const NAME: &'static str = $wire;
            type Response = $response;
        }
        impl $server for $name {}
    };
    (@$server:ident $(#[$meta:meta])* $name:ident => $response:ty, $wire:literal {
        $($(#[$field_meta:meta])* $field:ident: $field_type:ty,)*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $field_type,)*
        }

        impl $crate::bank::api::Wire for $name {
            const NAME: &'static str = $wire;
            type Response = $response;
        }
        impl $server for $name {}
    };
    ($($request:tt)*) => {
        request!(@Endpoint $($request)*);
    };
}
pub(crate) use request;

mod cloud_issuance;
mod consent;
mod error;
mod issuance;
mod lifecycle;
mod registration;
mod relay;
pub use cloud_issuance::*;
pub use consent::*;
pub use error::*;
pub use issuance::*;
pub use lifecycle::*;
pub use registration::*;
pub use relay::*;

/// How many wrong login passwords in a row lock a bank ID.
pub const LOGIN_ATTEMPTS: u8 = 5;
/// How many wrong account passwords in a row lock the account for e-banking.
pub const ACCOUNT_PASSWORD_ATTEMPTS: u8 = 5;
/// How many wrong PINs in a row lock a 금융인증서 (a reissue unlocks it).
pub const PIN_ATTEMPTS: u8 = 5;
/// How many wrong security-card answers in a row lock the card.
pub const CARD_ATTEMPTS: u8 = 5;
/// How many wrong OTP codes in a row lock the OTP.
pub const OTP_ATTEMPTS: u8 = 10;
/// How many resident registration numbers in a row that are not the customer's lock step 1.
pub const RRN_ATTEMPTS: u8 = 5;

/// One request on the wire (to the bank or the cloud): its endpoint's name and its response.
pub trait Wire: Serialize + DeserializeOwned {
    /// The endpoint's name on the wire.
    const NAME: &'static str;
    /// What a successful call returns.
    type Response: Serialize + DeserializeOwned;
}

/// One call the bank answers.
pub trait Endpoint: Wire {}

/// A client of the bank. The UI reaches the bank only through this trait.
pub trait BankApi {
    /// Sends one request and waits for the bank's answer.
    fn call<E: Endpoint>(&self, request: E) -> impl Future<Output = BankResult<E::Response>>;
}

/// An opaque session token handed out at login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionToken(pub String);

request! {
    /// ID and password login (manual STEP 05).
    Login => SessionGrant, "login" {
        /// The bank ID.
        user_id: String,
        /// The login password.
        password: String,
    }
}

/// A session the bank opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionGrant {
    /// The bank ID of the customer logged in.
    pub user_id: String,
    /// The token to send with later requests.
    pub token: SessionToken,
    /// The customer's name as the bank records it.
    pub customer_name: String,
    /// Seconds until the session ends unless it is extended.
    pub expires_in_secs: u32,
}

request! {
    /// Certificate login, first half: asks for a single-use challenge.
    LoginChallenge => Challenge, "login/challenge";
}

/// A nonce to sign, valid for [`CHALLENGE_SECS`] seconds, once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    /// 128 random bits, hex.
    pub nonce: String,
    /// Seconds it stays valid.
    pub expires_in_secs: u32,
}

/// How long a login challenge stays valid.
pub const CHALLENGE_SECS: u32 = 120;

request! {
    /// Certificate login, second half: the certificate signs [`LOGIN`] for the challenge.
    CertificateLogin => SessionGrant, "login/certificate" {
        /// The certificate and its signature.
        proof: CertificateProof,
        /// 기업뱅킹 login (only business certificates) rather than 개인뱅킹 (only personal ones).
        #[serde(default)]
        corporate: bool,
    }
}

request! {
    /// Restarts the session's countdown (`연장`).
    ExtendSession => SessionTime, "extend_session" {
        /// The session to extend.
        token: SessionToken,
    }
}

/// How long a session still runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTime {
    /// Seconds until the session ends.
    pub expires_in_secs: u32,
}

request! {
    /// Ends a session (`로그아웃`).
    Logout => (), "logout" {
        /// The session to end.
        token: SessionToken,
    }
}

request! {
    /// 잔액조회: the customer's withdrawal account and its balance.
    GetAccount => AccountView, "account" {
        /// The login session.
        token: SessionToken,
    }
}

/// An account and its balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    /// The account number.
    pub account: String,
    /// The balance in won.
    pub balance: u64,
}

request! {
    /// 아이디 비밀번호 재설정: a customer logged in by certificate sets a new ID password, which
    /// also lifts the ID's lock (as a bank lets a locked customer in by certificate).
    ResetLoginPassword => (), "reset_login_password" {
        /// The session, opened by certificate login.
        token: SessionToken,
        /// The new ID password.
        new_password: String,
    }
}

request! {
    /// Puts the practice bank back as it was first seeded: locks, counters and sessions cleared.
    ResetPractice => (), "reset_practice";
}

request! {
    /// 연습 과제의 출발점: one demo customer's records go back to the demo's first state (their
    /// certificates, issuances, locks, balance and consent; nobody else's), then, with
    /// `earlier`, the bank records a certificate issued before (the answer). Like
    /// [`ResetPractice`], a practice bank's convenience that needs no login.
    StartTask => Option<IssuedCertificate>, "practice/start" {
        /// The demo customer's bank ID.
        user_id: String,
        /// A certificate the task starts with.
        earlier: Option<EarlierCertificate>,
    }
}

/// A 범용 certificate of 한국정보인증 issued `days_ago` days before the practice clock's now and
/// paid for then, for the key of `csr`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EarlierCertificate {
    /// How long ago it was issued (at most 400 days).
    pub days_ago: u16,
    /// A PKCS#10 request, DER in base64; only its key is used.
    pub csr: String,
    /// R, base64.
    pub random: String,
}

/// The furthest back a task's certificate may be issued.
pub const EARLIEST_DAYS: u16 = 400;
