//! 스마트폰인증서 복사: how a certificate travels between the PC and the phone through the bank's
//! relay. The receiving device (logged in) shows a 12-digit 인증번호 (4-4-4); the sender types
//! it. All 12 digits are secret: the relay's slot has an ID of its own. Both sides derive two
//! keys from the number and the slot's salt with scrypt (memory-hard): the relay keeps only the
//! first (the verifier), against which it checks what a sender or a fetching receiver presents,
//! three wrong ones ending the slot; the second seals the package with AES-256-GCM. The
//! package (certificate, chain and the key file, which stays encrypted under the certificate
//! password at our floor) carries no key-derivation parameters at all. The sender signs a
//! digest of the whole package with the slot and the receiver's nonce, so a package is for one
//! slot once, and its key is the certificate's.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::{PkiError, Result, random};

/// scrypt's cost: N = 2^14 (16 MiB with r = 8), r = 8, p = 1. At the relay's limit of three
/// tries an online guess is hopeless; offline, with the relay's records, each of the 10^12
/// numbers costs a 16 MiB scrypt.
const SCRYPT_LOG_N: u8 = 14;
const SCRYPT_R: u32 = 8;
const SCRYPT_P: u32 = 1;
/// What the sender signs, before the package's digest, the slot and the receiver's nonce.
pub const SIGNED_PREFIX: &str = "cert-center copy v3|";
/// The sealed package's first bytes: the layout's name and version.
const MAGIC: &[u8; 4] = b"CCP3";
const NONCE_LEN: usize = 12;
const HEADER_LEN: usize = MAGIC.len() + NONCE_LEN;
/// The largest sealed package accepted (a certificate, a key file and a chain are a few KB).
pub const MAX_SEALED: usize = 64 * 1024;

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

/// The two keys of a number under a slot's salt.
#[derive(Clone)]
pub struct NumberKeys {
    /// What the relay checks (it keeps the receiver's).
    pub verifier: [u8; 32],
    /// What seals the package; never leaves the two devices.
    package: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for NumberKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NumberKeys(..)")
    }
}

impl PartialEq for NumberKeys {
    fn eq(&self, other: &Self) -> bool {
        self.verifier == other.verifier
    }
}

impl Eq for NumberKeys {}

impl NumberKeys {
    /// scrypt(digits, salt) into the verifier and the package key.
    pub fn derive(digits: &str, salt: &[u8]) -> Result<Self> {
        let params = scrypt::Params::new(SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P)
            .map_err(|_| PkiError::Invalid("scrypt parameters".into()))?;
        let mut out = Zeroizing::new([0u8; 64]);
        scrypt::scrypt(digits.as_bytes(), salt, &params, &mut *out)
            .map_err(|_| PkiError::Invalid("scrypt".into()))?;
        let mut verifier = [0u8; 32];
        verifier.copy_from_slice(&out[..32]);
        let mut package = Zeroizing::new([0u8; 32]);
        package.copy_from_slice(&out[32..]);
        Ok(Self { verifier, package })
    }

    /// The package key (it crosses from the key worker to the page and back as bytes).
    pub fn package_key(&self) -> &[u8; 32] {
        &self.package
    }

    /// The keys of a package key from [`NumberKeys::package_key`]; the verifier is not needed
    /// to seal or open a package.
    pub fn of_package_key(package_key: &[u8]) -> Result<Self> {
        let key: [u8; 32] = package_key
            .try_into()
            .map_err(|_| PkiError::Invalid("package key".into()))?;
        Ok(Self {
            verifier: [0; 32],
            package: Zeroizing::new(key),
        })
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(&(*self.package).into())
    }

    /// Encrypts `plain`: `CCP3`, a random nonce, then AES-256-GCM of `plain` with those 16
    /// bytes as associated data.
    pub fn seal(&self, plain: &[u8]) -> Result<Vec<u8>> {
        let nonce = random::<NONCE_LEN>()?;
        let mut sealed = Vec::with_capacity(HEADER_LEN + plain.len() + 16);
        sealed.extend_from_slice(MAGIC);
        sealed.extend_from_slice(&nonce);
        let ciphertext = self
            .cipher()
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plain,
                    aad: &sealed,
                },
            )
            .map_err(|_| PkiError::Invalid("package".into()))?;
        sealed.extend_from_slice(&ciphertext);
        Ok(sealed)
    }

    /// Decrypts a sealed package: anything but our layout is refused; another number's key,
    /// or any changed byte, is [`PkiError::WrongPassword`]. Nothing in it is derived from.
    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>> {
        if sealed.len() < HEADER_LEN + 16 || sealed.len() > MAX_SEALED || !sealed.starts_with(MAGIC)
        {
            return Err(PkiError::Invalid("not a sealed copy package".into()));
        }
        let (header, ciphertext) = sealed.split_at(HEADER_LEN);
        let nonce: [u8; NONCE_LEN] = header[MAGIC.len()..]
            .try_into()
            .map_err(|_| PkiError::Invalid("nonce".into()))?;
        self.cipher()
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: ciphertext,
                    aad: header,
                },
            )
            .map_err(|_| PkiError::WrongPassword)
    }
}

/// What travels (before sealing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Package {
    /// The bank ID it was kept under on the sending device (empty if none).
    #[serde(default)]
    pub user_id: String,
    /// The certificate, DER in base64.
    pub certificate: String,
    /// The key file, encrypted under the certificate password in our format, DER in base64.
    pub key_file: String,
    /// The issuing CA's and the root's certificates, DER in base64 (may be empty).
    pub chain: Vec<String>,
    /// The sender's signature (sha256WithRSA) of [`Package::signed_message`], base64.
    pub signature: String,
}

impl Package {
    /// SHA-256 over every field but the signature, each length-prefixed.
    pub fn digest(&self) -> [u8; 32] {
        let mut hash = Sha256::new();
        let mut field = |bytes: &[u8]| {
            hash.update((bytes.len() as u64).to_be_bytes());
            hash.update(bytes);
        };
        field(self.user_id.as_bytes());
        field(self.certificate.as_bytes());
        field(self.key_file.as_bytes());
        field(&(self.chain.len() as u64).to_be_bytes());
        for part in &self.chain {
            field(part.as_bytes());
        }
        hash.finalize().into()
    }

    /// What the sender signs: the package's digest, the slot it goes to and the nonce the
    /// receiver opened the slot with.
    pub fn signed_message(&self, slot: &str, receiver_nonce: &str) -> String {
        let digest: String = self.digest().iter().map(|b| format!("{b:02x}")).collect();
        format!("{SIGNED_PREFIX}{digest}|{slot}|{receiver_nonce}")
    }
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
    fn a_sealed_package_opens_only_with_its_number_and_whole() {
        let plain = b"the package".to_vec();
        let keys = NumberKeys::derive("123456789012", b"salt").unwrap();
        let sealed = keys.seal(&plain).unwrap();
        assert!(
            !sealed.windows(7).any(|w| w == b"package"),
            "nothing in the clear"
        );
        assert_eq!(keys.open(&sealed).unwrap(), plain);
        let other = NumberKeys::derive("123456789013", b"salt").unwrap();
        assert!(other.open(&sealed).is_err());
        assert_ne!(other.verifier, keys.verifier);
        let salted = NumberKeys::derive("123456789012", b"pepper").unwrap();
        assert_ne!(salted.verifier, keys.verifier);
        // Every byte is covered: the header by the associated data, the rest by the tag.
        for i in [0, 4, 10, 16, sealed.len() - 1] {
            let mut changed = sealed.clone();
            changed[i] ^= 1;
            assert!(keys.open(&changed).is_err(), "byte {i}");
        }
    }
}
