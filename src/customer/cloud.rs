//! 금융인증서: what the customer's browser does between the bank and 금융결제원's cloud. It
//! carries only what a browser would: the bank's subject and challenge to the cloud, the cloud's
//! request and signature to the bank. The key is made and kept by the cloud; the PIN goes only
//! to the cloud.

use crate::bank::BankApi;
use crate::bank::api::{
    BankResult, CertificateLogin, IssueCertificate, LoginChallenge, PrepareIssuance, SessionGrant,
    SessionToken,
};
use crate::cloud::CloudApi;
use crate::cloud::api::{BeginEnrollment, CloudCard, CloudSign, DeviceToken, FinishEnrollment};

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
