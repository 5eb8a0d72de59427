//! The cloud's API as a client sees it: its requests, answers and refusals. Its requests are
//! [`CloudEndpoint`]s, which the bank's client does not take: the page reaches the cloud only
//! through a [`CloudClient`](crate::cloud::CloudClient), and the bank never sees a PIN.

use serde::{Deserialize, Serialize};

pub use crate::bank::api::TextMessage;
use crate::bank::api::{CertificateProof, TextCodeError, Wire, request};

/// One call the cloud answers.
pub trait CloudEndpoint: Wire {}

/// How every cloud endpoint's name begins: the worker routes these to the cloud.
pub const PREFIX: &str = "cloud/";

/// A browser's connection to the cloud, made by 클라우드 연결 (kept by `이 기기 자동연결`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceToken(pub String);

request! {
    @CloudEndpoint
    /// 클라우드 연결, first half: the carrier texts a code to `phone` if it is `name`'s.
    StartConnect => TextMessage, "cloud/connect/start" {
        /// The customer's name.
        name: String,
        /// The mobile number, as typed.
        phone: String,
    }
}

request! {
    @CloudEndpoint
    /// 클라우드 연결, second half: the code the text carried.
    FinishConnect => Connection, "cloud/connect/finish" {
        /// The customer's name, as in the first half.
        name: String,
        /// The mobile number, as in the first half.
        phone: String,
        /// The six digits of the text.
        code: String,
        /// `이 기기 자동연결`: the connection lasts until it is released, not only this visit.
        remember: bool,
    }
}

/// A browser connected to the cloud.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// What the browser sends with its later requests.
    pub device: DeviceToken,
    /// Whom the cloud connected.
    pub name: String,
    /// Whether it lasts until released (`자동연결`); otherwise [`VISIT_SECS`].
    pub remembered: bool,
}

/// How long a connection without `자동연결` lasts.
pub const VISIT_SECS: u32 = 30 * 60;

request! {
    @CloudEndpoint
    /// The connected customer's 금융인증서, if the cloud keeps one.
    GetCloudCertificate => Option<CloudCard>, "cloud/certificate" {
        /// The browser's connection.
        device: DeviceToken,
    }
}

/// What the cloud's window shows of the 금융인증서 it keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudCard {
    /// The certificate, DER in base64.
    pub certificate: String,
    /// Wrong PINs in a row so far.
    pub wrong: u8,
    /// Whether wrong PINs have locked it (a reissue unlocks).
    pub locked: bool,
}

request! {
    @CloudEndpoint
    /// Issuance, at the PIN: the cloud keeps the PIN's hash, makes a key of its own and answers
    /// with its certificate request for the subject the bank named. The key stays in the cloud.
    BeginEnrollment => Enrollment, "cloud/enroll" {
        /// The browser's connection.
        device: DeviceToken,
        /// The new PIN (6 digits).
        pin: String,
        /// The subject DN (RFC 4514) of the bank's issuance.
        subject: String,
    }
}

/// What the bank needs to issue for the cloud's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrollment {
    /// The PKCS#10 request, DER in base64.
    pub csr: String,
    /// R (20 bytes, base64), whose VID the certificate carries.
    pub random: String,
}

request! {
    @CloudEndpoint
    /// Issuance, the end: the certificate the bank issued for the enrollment. It replaces the
    /// customer's earlier 금융인증서 in the cloud, and with it a lock.
    FinishEnrollment => CloudCard, "cloud/enroll/finish" {
        /// The browser's connection.
        device: DeviceToken,
        /// The certificate, DER in base64.
        certificate: String,
    }
}

request! {
    @CloudEndpoint
    /// Has the cloud sign the bank's login challenge with the 금융인증서, once the PIN opens it.
    CloudSign => CertificateProof, "cloud/sign" {
        /// The browser's connection.
        device: DeviceToken,
        /// The PIN.
        pin: String,
        /// The bank's challenge.
        nonce: String,
        /// The page's origin, which the signature names.
        origin: String,
    }
}

request! {
    @CloudEndpoint
    /// PIN 변경: the current PIN first (a wrong one counts), then the new one.
    ChangePin => (), "cloud/pin" {
        /// The browser's connection.
        device: DeviceToken,
        /// The current PIN.
        old: String,
        /// The new PIN.
        new: String,
    }
}

request! {
    @CloudEndpoint
    /// 자동연결 해제: the cloud forgets this browser.
    Disconnect => (), "cloud/disconnect" {
        /// The browser's connection.
        device: DeviceToken,
    }
}

request! {
    @CloudEndpoint
    /// 클라우드 이용 해지: the cloud deletes the customer's 금융인증서 and forgets this browser.
    CloseCloud => (), "cloud/close" {
        /// The browser's connection.
        device: DeviceToken,
    }
}

request! {
    @CloudEndpoint
    /// 연습 과제's start: the subscriber of `phone` called `name` has no 금융인증서, no browser
    /// connected and no code waiting. Like the bank's `StartTask`, a practice cloud's
    /// convenience that needs no connection.
    ResetSubscriber => (), "cloud/practice/reset" {
        /// The subscriber's name.
        name: String,
        /// Their mobile number.
        phone: String,
    }
}

/// What the cloud answers when it refuses. The `Display` text is the cloud's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[non_exhaustive]
pub enum CloudError {
    /// The name and the number are not one subscriber's.
    #[error("이름과 휴대폰번호가 일치하지 않습니다. 본인 명의의 휴대폰번호를 입력해 주세요.")]
    NotSubscriber,
    /// The texted code was not taken.
    #[error(transparent)]
    TextCode(#[from] TextCodeError),
    /// The browser is not connected (or the connection ended).
    #[error(
        "이 기기는 금융결제원 클라우드에 연결되어 있지 않습니다. [클라우드 연결]을 먼저 해 주세요."
    )]
    NotConnected,
    /// The cloud keeps no 금융인증서 for the customer.
    #[error("클라우드에 보관된 금융인증서가 없습니다. 금융인증서를 먼저 발급해 주세요.")]
    NoCertificate,
    /// A new PIN the rules refuse: why.
    #[error("{0}")]
    PinRefused(String),
    /// The PIN is wrong; `wrong` in a row so far.
    #[error("PIN이 올바르지 않습니다. {wrong}회 틀렸습니다({n}회 틀리면 잠깁니다).", n = super::PIN_ATTEMPTS)]
    WrongPin {
        /// Wrong PINs in a row, this one included.
        wrong: u8,
    },
    /// Locked by wrong PINs until a reissue.
    #[error(
        "PIN을 {n}회 잘못 입력해 금융인증서가 잠겼습니다. 금융인증서를 재발급하면 다시 쓸 수 있습니다.",
        n = super::PIN_ATTEMPTS
    )]
    PinLocked,
    /// The certificate to issue names someone other than the customer connected.
    #[error(
        "클라우드에 연결된 분과 금융인증서를 발급받는 분이 다릅니다. 본인 이름과 휴대폰번호로 클라우드에 다시 연결해 주세요."
    )]
    OtherPerson,
    /// Issuance finished without a key waiting for it, or for another key or person.
    #[error(
        "클라우드에서 만든 키와 맞지 않는 인증서입니다. 금융인증서 발급을 처음부터 다시 해 주세요."
    )]
    NotEnrolled,
}
