//! What the customer's browser does with certificates, against the bank. Issuance (manual STEP
//! 13): after step 6 the browser makes the key (in the worker), asks the bank which subject to
//! request, sends the signed request with a fresh R and encrypts the key under the certificate
//! password; renewal and the practice certificate of another institution likewise. Proofs of
//! possession (login, revocation, registration) are in [`proof`]; password change, import and
//! export in [`files`]. Every failure is a [`CertError`] with a Korean message.

pub mod cloud;
mod files;
pub mod phone_copy;
mod proof;

pub use files::{Incoming, change_password, export_npki_compatible, export_pfx, import};
use proof::prove;
pub use proof::{Proof, certificate_login, certificate_login_opened, open_key, register, revoke};

use crate::bank::api::Endpoint;
use crate::bank::api::{
    CertificateLogin, CertificateProof, CertificateView, EarlierCertificate, IssueCertificate,
    IssueElsewhere, IssuedCertificate, LOGIN, LoginChallenge, PrepareIssuance, REGISTER, REVOKE,
    RegisterCertificate, RenewCertificate, Revocation, RevokeCertificate, SessionGrant,
    SessionToken, StartTask, renew_purpose, signed_message,
};
use crate::bank::{BankApi, BankError};
use crate::encoding::{base64, unbase64};
use crate::pki::npki::Summary;
use crate::pki::transfer;
use crate::store::certs::StoredCertificate;
use crate::worker::{self, Failure, OpenedKey, RequestSubject};

/// What the page shows while issuance runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The RSA key is being generated.
    Key,
    /// The bank and the CA are issuing.
    Certificate,
    /// The key is being encrypted under the password.
    Encrypt,
}

impl Stage {
    /// The progress text.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Key => "전자서명용 키(RSA 2048비트)를 이 브라우저에서 만드는 중입니다",
            Stage::Certificate => "인증기관에 인증서 발급을 요청하는 중입니다",
            Stage::Encrypt => "개인키를 인증서암호로 암호화하는 중입니다",
        }
    }
}

/// The issued certificate with its encrypted key, ready to store or save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolled {
    /// The browser-certificate record.
    pub record: StoredCertificate,
    /// The certificate, DER.
    pub certificate: Vec<u8>,
    /// The encrypted key file (`signPri.key`), DER.
    pub key_file: Vec<u8>,
}

impl Enrolled {
    /// The NPKI folder as a zip (`NPKI/<CA>/USER/<DN>/signCert.der`, `signPri.key`), made by
    /// the key worker.
    pub async fn npki_zip(&self) -> Result<Vec<u8>, CertError> {
        Ok(crate::worker::zip(self.certificate.clone(), self.key_file.clone()).await?)
    }
}

/// The browser-certificate record of a certificate with its summary (from the key worker).
pub fn record(
    user_id: &str,
    certificate: &[u8],
    key_file: &[u8],
    chain: Vec<String>,
    summary: Summary,
) -> StoredCertificate {
    StoredCertificate {
        id: summary.fingerprint,
        record_version: crate::store::certs::RECORD_VERSION,
        user_id: user_id.to_owned(),
        kind: summary.kind,
        holder: summary.holder,
        expires: summary.expires,
        issuer: summary.issuer,
        certificate: base64(certificate),
        private_key: base64(key_file),
        chain,
        bio: None,
    }
}

/// Why something the customer does with a certificate did not happen. Every message is
/// Korean: the bank's, one of ours, or ours around a technical detail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertError {
    /// The bank refused; its message.
    #[error("{0}")]
    Bank(#[from] BankError),
    /// The password does not open the key (nothing was sent to the bank).
    #[error("인증서 암호가 올바르지 않습니다. 다시 입력해 주세요.")]
    WrongPassword,
    /// The stored files are damaged or do not belong together.
    #[error("인증서 파일이 손상되었거나 개인키가 인증서와 맞지 않습니다.")]
    Damaged,
    /// The file asks for a key derivation outside our bounds; nothing was derived.
    #[error("{0}")]
    UnsafeFile(String),
    /// The certificate the bank answered is not for the key made here; nothing was kept.
    #[error(
        "발급된 인증서가 이 브라우저에서 만든 키와 맞지 않아 저장하지 않았습니다. 처음부터 다시 발급해 주세요."
    )]
    NotOurKey,
    /// The bank's answer does not read.
    #[error("은행이 보낸 인증서를 읽을 수 없습니다.")]
    UnreadableAnswer,
    /// What the customer typed or brought is refused before anything is done; the reason.
    #[error("{0}")]
    Refused(String),
    /// The browser could not finish (key, request, encryption, a worker).
    #[error("이 브라우저에서 인증서 작업을 끝내지 못했습니다. 다시 시도해 주세요. ({0})")]
    Browser(String),
}

impl From<Failure> for CertError {
    fn from(e: Failure) -> Self {
        match e {
            Failure::WrongPassword => Self::WrongPassword,
            Failure::UnsafeKdf(what) => Self::UnsafeFile(format!(
                "이 인증서 파일의 암호화 설정({what})은 안전하게 처리할 수 없어 열지 않았습니다."
            )),
            Failure::KeyMismatch => Self::NotOurKey,
            Failure::Damaged => Self::Damaged,
            Failure::Refused(message) | Failure::Zip(message) => Self::Refused(message),
            Failure::Other(text) => Self::Browser(text),
        }
    }
}

/// A job's failure on what the bank answered (its subject, its certificate): what does not read
/// is [`CertError::UnreadableAnswer`].
fn unreadable_answer(e: Failure) -> CertError {
    match e {
        Failure::Damaged => CertError::UnreadableAnswer,
        other => other.into(),
    }
}

/// A key with its R and the signed request the bank is asked to certify. Made once per
/// issuance and kept across retries of step 6, so that a retry asks for the certificate of the
/// same key (the bank answers a retry with the certificate it already issued).
#[derive(Debug, Clone)]
pub struct Prepared {
    key: OpenedKey,
    csr: Vec<u8>,
}

/// Step 6's first half: asks the bank which subject to request; the key worker makes the key
/// and a fresh R and signs the request.
pub async fn prepare(
    bank: &impl BankApi,
    token: SessionToken,
    stage: impl AsyncFn(Stage),
) -> Result<Prepared, CertError> {
    let ticket = bank.call(PrepareIssuance { token }).await?;
    stage(Stage::Key).await;
    let (key, csr) = worker::new_request(RequestSubject::Dn(ticket.subject))
        .await
        .map_err(unreadable_answer)?;
    Ok(Prepared { key, csr })
}

/// Step 6's second half: sends the prepared request, then encrypts the key under `password`
/// for the certificate the bank answers. `stage` hears each stage as it starts; the page uses
/// the await to let the browser paint the progress text before the next long computation.
pub async fn enroll(
    bank: &impl BankApi,
    token: SessionToken,
    user_id: &str,
    password: &str,
    prepared: &Prepared,
    stage: impl AsyncFn(Stage),
) -> Result<Enrolled, CertError> {
    stage(Stage::Certificate).await;
    let issued = bank
        .call(IssueCertificate {
            token,
            csr: base64(&prepared.csr),
            random: base64(&prepared.key.r),
        })
        .await?;
    stage(Stage::Encrypt).await;
    seal(user_id, issued, &prepared.key, password).await
}

/// The issued certificate with its key encrypted under `password`, ready to keep; refused
/// when the key is not the certificate's (DOMAIN §5), before anything is kept.
async fn seal(
    user_id: &str,
    issued: IssuedCertificate,
    key: &OpenedKey,
    password: &str,
) -> Result<Enrolled, CertError> {
    let certificate = unbase64(&issued.certificate).ok_or(CertError::UnreadableAnswer)?;
    let (key_file, summary) = worker::seal(&certificate, key, password)
        .await
        .map_err(unreadable_answer)?;
    Ok(Enrolled {
        record: record(user_id, &certificate, &key_file, issued.chain, summary),
        certificate,
        key_file,
    })
}

/// A practice certificate from 모의증권 (another institution on the same mock CAs) for the
/// logged-in customer, its key made in the key worker and encrypted under `password`.
pub async fn issue_elsewhere(
    bank: &impl BankApi,
    token: SessionToken,
    user_id: &str,
    password: &str,
) -> Result<Enrolled, CertError> {
    crate::bank::rules::check_password(password).map_err(CertError::Refused)?;
    let (key, request) = worker::new_request(RequestSubject::Dn(format!("CN={user_id}"))).await?;
    let issued = bank
        .call(IssueElsewhere {
            token,
            csr: base64(&request),
            random: base64(&key.r),
        })
        .await?;
    seal(user_id, issued, &key, password).await
}

/// 연습 과제의 출발점: the bank puts `user_id`'s records back to the demo's first state and,
/// for `days_ago`, issues them a certificate as if that long ago, for a key made here in the
/// key worker and encrypted under `password`.
pub async fn start_task(
    bank: &impl BankApi,
    user_id: &str,
    days_ago: Option<u16>,
    password: &str,
) -> Result<Option<Enrolled>, CertError> {
    let Some(days_ago) = days_ago else {
        bank.call(StartTask {
            user_id: user_id.to_owned(),
            earlier: None,
        })
        .await?;
        return Ok(None);
    };
    let (key, request) = worker::new_request(RequestSubject::Dn(format!("CN={user_id}"))).await?;
    let issued = bank
        .call(StartTask {
            user_id: user_id.to_owned(),
            earlier: Some(EarlierCertificate {
                days_ago,
                csr: base64(&request),
                random: base64(&key.r),
            }),
        })
        .await?
        .ok_or(CertError::UnreadableAnswer)?;
    Ok(Some(seal(user_id, issued, &key, password).await?))
}

/// Who renews which certificate.
#[derive(Clone, Copy)]
pub struct Renewal<'a> {
    /// The login session.
    pub token: &'a SessionToken,
    /// The customer's bank ID, for the new browser record.
    pub user_id: &'a str,
    /// The current certificate; its password is the new key's too.
    pub proof: &'a Proof,
}

/// 인증서 갱신: opens the current key with the password, makes a new key (the key worker),
/// asks for a certificate of the same subject signing the request's hash with the current
/// certificate, and encrypts the new key under the same password.
pub async fn renew(
    bank: &impl BankApi,
    renewal: Renewal<'_>,
    stage: impl AsyncFn(Stage),
) -> Result<Enrolled, CertError> {
    let Renewal {
        token,
        user_id,
        proof,
    } = renewal;
    let opened = proof.open().await?;
    stage(Stage::Key).await;
    let (key, request) =
        worker::new_request(RequestSubject::OfCertificate(proof.certificate.clone())).await?;
    stage(Stage::Certificate).await;
    let purpose = renew_purpose(&request);
    let signed = prove(bank, &proof.origin, &purpose, &proof.certificate, &opened).await?;
    let issued = bank
        .call(RenewCertificate {
            token: token.clone(),
            proof: signed,
            csr: base64(&request),
            random: base64(&key.r),
        })
        .await?;
    stage(Stage::Encrypt).await;
    seal(user_id, issued, &key, &proof.password).await
}
