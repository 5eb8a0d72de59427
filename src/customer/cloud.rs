//! 금융인증서: what the customer's browser does between the bank and 금융결제원's cloud. It
//! carries only what a browser would: the bank's subject and challenge to the cloud, the cloud's
//! request and signature to the bank. The key is made and kept by the cloud; the PIN goes only
//! to the cloud.

use crate::bank::BankApi;
use crate::bank::api::{
    BankResult, CertificateLogin, IssueCertificate, LoginChallenge, PrepareIssuance,
    RenewCertificate, SessionGrant, SessionToken,
};
use crate::cloud::CloudApi;
use crate::cloud::api::{
    BeginEnrollment, BeginRenewal, CloudCard, CloudSign, Connection, DeviceToken, Disconnect,
    FinishEnrollment,
};
use crate::store::KeyValueStore;

/// Where this browser keeps its connection to the cloud: `localStorage` with `자동연결`,
/// `sessionStorage` for this visit only.
const CONNECTION_KEY: &str = "cloud.connection";

/// This browser's connection to the cloud, if it has one (a damaged record is none).
pub fn kept_connection() -> Option<Connection> {
    [KeyValueStore::Session, KeyValueStore::Local]
        .into_iter()
        .find_map(|store| store.load(CONNECTION_KEY).ok().flatten())
}

/// Keeps `connection`: across visits with `자동연결`, for this tab otherwise.
pub fn keep_connection(connection: &Connection) {
    forget_connection();
    let store = if connection.remembered {
        KeyValueStore::Local
    } else {
        KeyValueStore::Session
    };
    // Without storage the connection lasts as long as the screen that made it.
    let _ = store.save(CONNECTION_KEY, connection);
}

/// Forgets this browser's connection (the cloud ended it, or it was released).
pub fn forget_connection() {
    KeyValueStore::Session.remove(CONNECTION_KEY);
    KeyValueStore::Local.remove(CONNECTION_KEY);
}

/// 자동연결 해제: the cloud forgets this browser, and the browser its connection.
pub async fn release_connection(cloud: &impl CloudApi, device: &DeviceToken) -> BankResult<()> {
    let released = cloud
        .call(Disconnect {
            device: device.clone(),
        })
        .await;
    forget_connection();
    released
}

/// The end of 금융인증서 발급, after 본인확인 and 클라우드 연결: the cloud keeps `pin`'s hash
/// and makes a key for the subject the bank names, the bank issues for the cloud's request, and
/// the cloud keeps the certificate (in place of the customer's earlier one).
pub async fn issue_in_cloud(
    bank: &impl BankApi,
    cloud: &impl CloudApi,
    (token, device): (&SessionToken, &DeviceToken),
    pin: &str,
) -> BankResult<CloudCard> {
    let ticket = bank
        .call(PrepareIssuance {
            token: token.clone(),
        })
        .await?;
    let enrollment = cloud
        .call(BeginEnrollment {
            device: device.clone(),
            pin: pin.to_owned(),
            subject: ticket.subject,
        })
        .await?;
    let issued = bank
        .call(IssueCertificate {
            token: token.clone(),
            csr: enrollment.csr,
            random: enrollment.random,
        })
        .await?;
    cloud
        .call(FinishEnrollment {
            device: device.clone(),
            certificate: issued.certificate,
        })
        .await
}

/// 금융인증서 갱신, for the logged-in customer within the renewal window: once `pin` opens the
/// current 금융인증서, the cloud makes a new key and signs its request with the current
/// certificate for the bank's challenge (bound to `origin`); the bank renews for the request, and
/// the cloud keeps the new certificate in place of the old one, with the same PIN.
pub async fn renew_in_cloud(
    bank: &impl BankApi,
    cloud: &impl CloudApi,
    (token, device): (&SessionToken, &DeviceToken),
    pin: &str,
    origin: &str,
) -> BankResult<CloudCard> {
    let challenge = bank.call(LoginChallenge).await?;
    let renewal = cloud
        .call(BeginRenewal {
            device: device.clone(),
            pin: pin.to_owned(),
            nonce: challenge.nonce,
            origin: origin.to_owned(),
        })
        .await?;
    let issued = bank
        .call(RenewCertificate {
            token: token.clone(),
            proof: renewal.proof,
            csr: renewal.enrollment.csr,
            random: renewal.enrollment.random,
        })
        .await?;
    cloud
        .call(FinishEnrollment {
            device: device.clone(),
            certificate: issued.certificate,
        })
        .await
}

/// 금융인증서 로그인: the cloud signs the bank's challenge, bound to `origin`, once `pin` opens
/// the certificate; the bank checks it as any certificate login.
pub async fn cloud_login(
    bank: &impl BankApi,
    cloud: &impl CloudApi,
    device: &DeviceToken,
    pin: &str,
    origin: &str,
) -> BankResult<SessionGrant> {
    let challenge = bank.call(LoginChallenge).await?;
    let proof = cloud
        .call(CloudSign {
            device: device.clone(),
            pin: pin.to_owned(),
            nonce: challenge.nonce,
            origin: origin.to_owned(),
        })
        .await?;
    bank.call(CertificateLogin {
        proof,
        corporate: false,
    })
    .await
}
