//! The cloud's API as a client sees it: its requests, answers and refusals. Its requests are
//! [`CloudEndpoint`]s, which the bank's client does not take: the page reaches the cloud only
//! through a [`CloudClient`](crate::cloud::CloudClient), and the bank never sees a PIN.

use serde::{Deserialize, Serialize};

use crate::bank::api::{CertificateProof, Wire, request};
pub use crate::bank::api::{CloudError, TextMessage};

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
    /// Issuance and 갱신, the end: the certificate the bank issued for the cloud's new key. It
    /// replaces the customer's earlier 금융인증서 in the cloud, and with it a lock.
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
    /// 갱신, the cloud's half: once the PIN opens the 금융인증서, the cloud makes a new key,
    /// asks for a certificate of the same subject and signs the request's renewal with the current
    /// certificate for the bank's challenge. The new key waits, as an issuance's does, for
    /// [`FinishEnrollment`]; the PIN stays as it was.
    BeginRenewal => CloudRenewal, "cloud/renew" {
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

/// What the bank needs to renew a 금융인증서 for the cloud's new key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CloudRenewal {
    /// The new key's certificate request and R.
    pub enrollment: Enrollment,
    /// The current certificate's signature for the renewal of `enrollment.csr`.
    pub proof: CertificateProof,
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
