//! Certificates the Korean NPKI way (DOMAIN §4, §5), with no UI in sight: RSA keys, the
//! identity-binding VID, PKCS#10 requests, the mock CAs and their certificate profile, and the
//! password-encrypted private key file.

pub mod ber;
pub mod ca;
pub mod csr;
pub mod kdf_bounds;
pub mod key_file;
pub mod keys;
pub mod npki;
pub mod oids;
pub mod phone_copy;
pub mod profile;
pub mod signing;
pub mod subject;
pub mod transfer;
pub mod vid;

pub use oids::{NPKI_IDENTIFY_DATA, NPKI_RANDOM_NUM, NPKI_VID, SHA256};

/// What can go wrong making or reading keys, requests and certificates.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PkiError {
    /// RSA key generation or use failed.
    #[error("RSA: {0}")]
    Rsa(#[from] rsa::Error),
    /// DER encoding or decoding failed.
    #[error("DER: {0}")]
    Der(#[from] der::Error),
    /// Building a certificate or request failed.
    #[error("certificate builder: {0}")]
    Builder(#[from] x509_cert::builder::Error),
    /// A signature did not verify.
    #[error("signature does not verify")]
    BadSignature,
    /// The key is too weak for the floor (RSA-2048, e = 65537).
    #[error("weak key: {0}")]
    WeakKey(String),
    /// The password does not open the key file, or the file is damaged.
    #[error("wrong password or damaged key file")]
    WrongPassword,
    /// A file from outside asks for a key derivation outside our bounds (scrypt, an unknown
    /// KDF, too many or zero rounds) or, for PKCS#12, has no MAC; nothing was derived.
    #[error("이 인증서 파일의 암호화 설정({0})은 안전하게 처리할 수 없어 열지 않았습니다.")]
    UnsafeKdf(String),
    /// The key does not belong to the certificate.
    #[error("the private key does not match the certificate")]
    KeyMismatch,
    /// The platform has no randomness.
    #[error("no randomness: {0}")]
    Random(String),
    /// A zip that cannot be read as an NPKI folder; the Korean message says why.
    #[error("{0}")]
    Zip(String),
    /// Something else about the data is wrong.
    #[error("{0}")]
    Invalid(String),
}

/// The result of PKI operations.
pub type Result<T> = std::result::Result<T, PkiError>;

/// `N` bytes from the platform CSPRNG.
pub fn random<const N: usize>() -> Result<[u8; N]> {
    random_bytes().map_err(PkiError::Random)
}

/// `N` bytes from the platform CSPRNG, or why not (for the page, which links no [`PkiError`]).
pub fn random_bytes<const N: usize>() -> std::result::Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}
