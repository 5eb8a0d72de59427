//! What the customer's browser does with certificates, against the bank. Issuance (manual STEP
//! 13): after step 6 the browser makes the key (in the worker), asks the bank which subject to
//! request, sends the signed request with a fresh R and encrypts the key under the certificate
//! password; renewal and the practice certificate of another institution likewise. Proofs of
//! possession (login, revocation, registration) are in [`proof`]; password change, import and
//! export in [`files`]. Every failure is a [`CertError`] with a Korean message.

pub mod copy;
mod files;
mod proof;

pub use files::{Incoming, change_password, export_npki_compatible, export_pfx, import};
use proof::prove;
pub use proof::{certificate_login, certificate_login_opened, open_key, register, revoke};

use std::str::FromStr;

use rsa::PrivateKey;
use x509_cert::name::Name;

use crate::bank::api::Endpoint;
use crate::bank::api::{
    CertificateLogin, CertificateProof, CertificateView, IssueCertificate, IssueElsewhere,
    IssuedCertificate, LOGIN, LoginChallenge, PrepareIssuance, REGISTER, REVOKE,
    RegisterCertificate, RenewCertificate, Revocation, RevokeCertificate, SessionGrant,
    SessionToken, renew_purpose, signed_message,
};
use crate::bank::{BankApi, BankError};
use crate::encoding::{base64, unbase64};
use crate::pki::key_file::{KeyWithR, PBKDF2_ROUNDS};
use crate::pki::{self, PkiError, csr, npki, signing, transfer};
use crate::store::certs::StoredCertificate;
use crate::webcrypto;

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

/// Whether a certificate (DER) is a business's (기업용, 전자세금용), by its policy: it logs in to
/// 기업뱅킹.
pub fn is_business_certificate(certificate: &[u8]) -> bool {
    use der::Decode;
    use x509_cert::ext::pkix::CertificatePolicies;
    x509_cert::Certificate::from_der(certificate)
        .ok()
        .and_then(|c| {
            c.tbs_certificate()
                .get_extension::<CertificatePolicies>()
                .ok()
                .flatten()
                .map(|(_, p)| p)
        })
        .is_some_and(|policies| {
            policies.0.iter().any(|p| {
                pki::profile::policy_kind(&p.policy_identifier).is_some_and(|k| k.is_business())
            })
        })
}

/// The browser-certificate record of an issued certificate.
pub fn record(
    user_id: &str,
    certificate: &[u8],
    key_file: &[u8],
    chain: Vec<String>,
) -> Result<StoredCertificate, CertError> {
    let summary = npki::summarize(certificate)?;
    Ok(StoredCertificate {
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
    })
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

impl From<PkiError> for CertError {
    fn from(e: PkiError) -> Self {
        match e {
            PkiError::WrongPassword => Self::WrongPassword,
            PkiError::UnsafeKdf(_) => Self::UnsafeFile(e.to_string()),
            other => Self::Browser(other.to_string()),
        }
    }
}

/// A key with its R and the signed request the bank is asked to certify. Made once per
/// issuance and kept across retries of step 6, so that a retry asks for the certificate of the
/// same key (the bank answers a retry with the certificate it already issued).
#[derive(Debug, Clone)]
pub struct Prepared {
    key: KeyWithR,
    csr: Vec<u8>,
}

/// A new key made by `key` (the key workers on the page, [`pki::keys`] in tests) and a fresh R.
async fn new_key(
    key: impl AsyncFnOnce() -> Result<PrivateKey, String>,
) -> Result<(PrivateKey, [u8; 20]), CertError> {
    let key = key().await.map_err(CertError::Browser)?;
    Ok((key, pki::random::<20>()?))
}

/// Step 6's first half: asks the bank which subject to request, makes the key with `key` (the
/// worker on the page, [`pki::keys`] in tests) and a fresh R, and signs the request.
pub async fn prepare(
    bank: &impl BankApi,
    token: SessionToken,
    key: impl AsyncFnOnce() -> Result<PrivateKey, String>,
    stage: impl AsyncFn(Stage),
) -> Result<Prepared, CertError> {
    let ticket = bank.call(PrepareIssuance { token }).await?;
    stage(Stage::Key).await;
    let (key, r) = new_key(key).await?;
    let subject = Name::from_str(&ticket.subject).map_err(|_| CertError::UnreadableAnswer)?;
    let csr = csr::build(&key, subject)?;
    Ok(Prepared {
        key: KeyWithR { key, r: r.to_vec() },
        csr,
    })
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
    seal(user_id, issued, prepared.key.clone(), password).await
}

/// The issued certificate with its key encrypted under `password`, ready to keep; refused
/// when the key is not the certificate's (DOMAIN §5), before anything is kept.
async fn seal(
    user_id: &str,
    issued: IssuedCertificate,
    key: KeyWithR,
    password: &str,
) -> Result<Enrolled, CertError> {
    use der::Decode;
    let certificate = unbase64(&issued.certificate).ok_or(CertError::UnreadableAnswer)?;
    let public = x509_cert::Certificate::from_der(&certificate)
        .ok()
        .and_then(|parsed| pki::ca::certificate_key(&parsed).ok())
        .ok_or(CertError::UnreadableAnswer)?;
    let key = pki::key_file::matches_certificate(key, &public).map_err(|_| CertError::NotOurKey)?;
    let key_file = webcrypto::encrypt(&key, password, PBKDF2_ROUNDS).await?;
    Ok(Enrolled {
        record: record(user_id, &certificate, &key_file, issued.chain)?,
        certificate,
        key_file,
    })
}

/// A practice certificate from 모의증권 (another institution on the same mock CAs) for the
/// logged-in customer, its key made by `key` and encrypted under `password`.
pub async fn issue_elsewhere(
    bank: &impl BankApi,
    token: SessionToken,
    user_id: &str,
    password: &str,
    key: impl AsyncFnOnce() -> Result<PrivateKey, String>,
) -> Result<Enrolled, CertError> {
    crate::bank::rules::check_password(password).map_err(CertError::Refused)?;
    let (key, r) = new_key(key).await?;
    let subject = Name::from_str(&format!("CN={user_id}")).map_err(PkiError::from)?;
    let request = csr::build(&key, subject)?;
    let issued = bank
        .call(IssueElsewhere {
            token,
            csr: base64(&request),
            random: base64(&r),
        })
        .await?;
    seal(user_id, issued, KeyWithR { key, r: r.to_vec() }, password).await
}

/// Who renews which certificate.
#[derive(Debug, Clone, Copy)]
pub struct Renewal<'a> {
    /// The login session.
    pub token: &'a SessionToken,
    /// The page's origin, which the signature names.
    pub origin: &'a str,
    /// The customer's bank ID, for the new browser record.
    pub user_id: &'a str,
    /// The current certificate, DER.
    pub certificate: &'a [u8],
    /// Its key file.
    pub key_file: &'a [u8],
    /// Its password, which the new key gets too.
    pub password: &'a str,
}

/// 인증서 갱신: opens the current key with the password, makes a new key with `key`, asks for a
/// certificate of the same subject signing the request's hash with the current certificate,
/// and encrypts the new key under the same password.
pub async fn renew(
    bank: &impl BankApi,
    renewal: Renewal<'_>,
    key: impl AsyncFnOnce() -> Result<PrivateKey, String>,
    stage: impl AsyncFn(Stage),
) -> Result<Enrolled, CertError> {
    use der::Decode;
    let Renewal {
        token,
        origin,
        user_id,
        certificate,
        key_file,
        password,
    } = renewal;
    let opened = open_key(certificate, key_file, password).await?;
    let subject = x509_cert::Certificate::from_der(certificate)
        .map_err(|_| CertError::Damaged)?
        .tbs_certificate()
        .subject()
        .clone();
    stage(Stage::Key).await;
    let (key, r) = new_key(key).await?;
    let request = csr::build(&key, subject)?;
    stage(Stage::Certificate).await;
    let proof = prove(bank, origin, &renew_purpose(&request), certificate, &opened).await?;
    let issued = bank
        .call(RenewCertificate {
            token: token.clone(),
            proof,
            csr: base64(&request),
            random: base64(&r),
        })
        .await?;
    stage(Stage::Encrypt).await;
    seal(user_id, issued, KeyWithR { key, r: r.to_vec() }, password).await
}
