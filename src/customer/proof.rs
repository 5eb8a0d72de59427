//! Proving the certificate is the customer's: the key opened with its password (checked here,
//! before anything is sent) signs a fresh challenge of the bank bound to the page's origin —
//! for login (manual STEP 14), revocation and 타행·타기관 registration.

use super::*;

/// Opens `key_file` with `password` and checks that it is `certificate`'s key (in the key
/// worker).
pub async fn open_key(
    certificate: &[u8],
    key_file: &[u8],
    password: &str,
) -> Result<OpenedKey, CertError> {
    worker::unlock(certificate, key_file, password)
        .await
        .map_err(|e| match CertError::from(e) {
            known @ (CertError::WrongPassword | CertError::UnsafeFile(_)) => known,
            _ => CertError::Damaged,
        })
}

/// Signs a fresh challenge of the bank for `purpose`, bound to `origin`, with the opened key.
pub(super) async fn prove(
    bank: &impl BankApi,
    origin: &str,
    purpose: &str,
    certificate: &[u8],
    opened: &OpenedKey,
) -> Result<CertificateProof, CertError> {
    let challenge = bank.call(LoginChallenge).await?;
    let message = signed_message(purpose, origin, &challenge.nonce);
    Ok(CertificateProof {
        signature: base64(&worker::sign(opened, message.as_bytes()).await?),
        nonce: challenge.nonce,
        certificate: base64(certificate),
        random: base64(&opened.r),
    })
}

/// A certificate the customer chose to prove with: the certificate, its key file, the password
/// typed for it, and the page's origin, which the signature names (a signature made for
/// another site's page is refused).
#[derive(Clone, PartialEq, Eq)]
pub struct Proof {
    /// The certificate, DER.
    pub certificate: Vec<u8>,
    /// Its encrypted key file.
    pub key_file: Vec<u8>,
    /// The password typed for it.
    pub password: String,
    /// The page's origin.
    pub origin: String,
}

impl Proof {
    /// Opens the key with the password (a wrong one is caught here, before anything is sent).
    pub async fn open(&self) -> Result<OpenedKey, CertError> {
        open_key(&self.certificate, &self.key_file, &self.password).await
    }

    /// Opens the key, signs a fresh challenge for `purpose` and sends the request `make`
    /// builds around that signature.
    async fn send<E: Endpoint>(
        &self,
        bank: &impl BankApi,
        purpose: &str,
        make: impl FnOnce(CertificateProof) -> E,
    ) -> Result<E::Response, CertError> {
        let opened = self.open().await?;
        let signed = prove(bank, &self.origin, purpose, &self.certificate, &opened).await?;
        Ok(bank.call(make(signed)).await?)
    }
}

/// Certificate login: signs the bank's challenge and logs in to 개인뱅킹, or to 기업뱅킹 when
/// `corporate`.
pub async fn certificate_login(
    bank: &impl BankApi,
    corporate: bool,
    proof: &Proof,
) -> Result<SessionGrant, CertError> {
    let opened = proof.open().await?;
    certificate_login_opened(bank, &proof.origin, corporate, &proof.certificate, &opened).await
}

/// Certificate login with a key already opened (by 바이오인증).
pub async fn certificate_login_opened(
    bank: &impl BankApi,
    origin: &str,
    corporate: bool,
    certificate: &[u8],
    opened: &OpenedKey,
) -> Result<SessionGrant, CertError> {
    let proof = prove(bank, origin, LOGIN, certificate, opened).await?;
    Ok(bank.call(CertificateLogin { proof, corporate }).await?)
}

/// 인증서 폐기: asks the bank to revoke the certificate with a signature for [`REVOKE`].
pub async fn revoke(
    bank: &impl BankApi,
    token: SessionToken,
    proof: &Proof,
) -> Result<Revocation, CertError> {
    proof
        .send(bank, REVOKE, |proof| RevokeCertificate { token, proof })
        .await
}

/// 타행·타기관 인증서 등록: asks the bank (after step 3's verification) to register the
/// certificate, signing for [`REGISTER`].
pub async fn register(
    bank: &impl BankApi,
    token: SessionToken,
    proof: &Proof,
) -> Result<CertificateView, CertError> {
    proof
        .send(bank, REGISTER, |proof| RegisterCertificate { token, proof })
        .await
}
