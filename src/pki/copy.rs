//! 스마트폰인증서 복사: how a certificate travels between the PC and the phone through the bank's
//! relay. The receiving device shows a 12-digit 인증번호 (4-4-4); the sender types it. The
//! package (certificate, chain and the key file, which stays encrypted under the certificate
//! password) is encrypted under the number (PBES2: PBKDF2-HMAC-SHA256 with a random salt,
//! AES-256-CBC), and the relay checks a typed number against a PBKDF2 verifier of it: it never
//! holds the number, nor anything of the package in the clear. The sender also signs the
//! package's certificate fingerprint with the key it opened, so the receiver can check that key
//! and certificate match.

use der::Decode;
use pkcs8::EncryptedPrivateKeyInfoRef;
use serde::{Deserialize, Serialize};

use super::key_file::Pbes2Aes256;
use super::{PkiError, Result};

/// PBKDF2 rounds of the package's key.
pub const PACKAGE_ROUNDS: u32 = 100_000;
/// PBKDF2 rounds of the relay's verifier.
pub const VERIFIER_ROUNDS: u32 = 100_000;
/// What the sender signs, before the certificate's fingerprint.
pub const SIGNED_PREFIX: &str = "cert-center copy v1|";

/// The 12 digits of a 인증번호 typed with or without hyphens and spaces.
pub fn number_digits(typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    (digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// `1234-5678-9012`.
pub fn formatted(digits: &str) -> String {
    let d: Vec<char> = digits.chars().collect();
    d.chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The relay's check value of a number: PBKDF2-HMAC-SHA256(digits, salt), 32 bytes.
pub fn verifier(digits: &str, salt: &[u8]) -> Vec<u8> {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(digits.as_bytes(), salt, VERIFIER_ROUNDS, &mut out);
    out.to_vec()
}

/// What travels (before sealing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Package {
    /// The bank ID it was kept under on the sending device (empty if none).
    #[serde(default)]
    pub user_id: String,
    /// The certificate, DER in base64.
    pub certificate: String,
    /// The key file, still encrypted under the certificate password, DER in base64.
    pub key_file: String,
    /// The issuing CA's and the root's certificates, DER in base64 (may be empty).
    pub chain: Vec<String>,
    /// The sender's signature (sha256WithRSA) of [`SIGNED_PREFIX`] and the certificate's
    /// SHA-256 fingerprint (hex), base64.
    pub signature: String,
}

/// Encrypts `plain` under the number (its 12 digits).
pub fn seal(digits: &str, plain: &[u8]) -> Result<Vec<u8>> {
    let params = Pbes2Aes256::generate(PACKAGE_ROUNDS)?;
    params.seal(digits, plain)
}

/// Decrypts a sealed package; another number is [`PkiError::WrongPassword`].
pub fn open(digits: &str, sealed: &[u8]) -> Result<Vec<u8>> {
    let info = EncryptedPrivateKeyInfoRef::from_der(sealed)?;
    // The scheme itself: the package is not DER, which the PKCS#8 wrapper would insist on.
    info.encryption_algorithm
        .decrypt(digits, info.encrypted_data.as_bytes())
        .map_err(|_| PkiError::WrongPassword)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_12_digits_with_or_without_hyphens() {
        assert_eq!(
            number_digits("1234-5678-9012").as_deref(),
            Some("123456789012")
        );
        assert_eq!(
            number_digits("1234 5678 9012").as_deref(),
            Some("123456789012")
        );
        assert_eq!(number_digits("12345678901"), None);
        assert_eq!(number_digits("1234-5678-901a"), None);
        assert_eq!(formatted("123456789012"), "1234-5678-9012");
    }

    #[test]
    fn a_sealed_package_opens_only_with_its_number() {
        let plain = b"the package".to_vec();
        let sealed = seal("123456789012", &plain).unwrap();
        assert!(
            !sealed.windows(7).any(|w| w == b"package"),
            "nothing in the clear"
        );
        assert_eq!(open("123456789012", &sealed).unwrap(), plain);
        assert!(open("123456789013", &sealed).is_err());
        assert_ne!(
            verifier("123456789012", b"salt"),
            verifier("123456789013", b"salt")
        );
        assert_ne!(
            verifier("123456789012", b"salt"),
            verifier("123456789012", b"pepper")
        );
    }
}
