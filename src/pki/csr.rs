//! PKCS#10 certification requests signed sha256WithRSAEncryption, and their check at the CA
//! (proof of possession and the key floor).

pub use super::oids::SHA256_WITH_RSA;
use der::{Decode, Encode};
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::DecodePublicKey;
use rsa::sha2::Sha256;
use rsa::signature::Verifier;
use rsa::{PrivateKey, PublicKey};
use x509_cert::builder::{Builder, RequestBuilder};
use x509_cert::name::Name;
use x509_cert::request::CertReq;

use super::{PkiError, Result, keys};

/// A request for `subject`'s certificate, signed by `key` (DER).
pub fn build(key: &PrivateKey, subject: Name) -> Result<Vec<u8>> {
    let signer = SigningKey::<Sha256>::new(key.clone());
    let request = RequestBuilder::new(subject)?.build::<_, Signature>(&signer)?;
    Ok(request.to_der()?)
}

/// Reads a request, checks its signature with its own key (proof of possession) and the key's
/// strength, and returns it with the key.
pub fn verify(der: &[u8]) -> Result<(CertReq, PublicKey)> {
    let request = CertReq::from_der(der)?;
    if request.algorithm.oid != SHA256_WITH_RSA {
        return Err(PkiError::Invalid(
            "the request is not signed sha256WithRSAEncryption".to_owned(),
        ));
    }
    let key = PublicKey::from_public_key_der(&request.info.public_key.to_der()?)
        .map_err(|e| PkiError::Invalid(format!("not an RSA public key: {e}")))?;
    keys::check_strength(&key)?;
    let signature =
        Signature::try_from(request.signature.raw_bytes()).map_err(|_| PkiError::BadSignature)?;
    VerifyingKey::<Sha256>::new(key.clone())
        .verify(&request.info.to_der()?, &signature)
        .map_err(|_| PkiError::BadSignature)?;
    Ok((request, key))
}
