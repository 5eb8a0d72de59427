//! The private-key file (`signPri.key`): PKCS#8 EncryptedPrivateKeyInfo with PBES2,
//! PBKDF2-HMAC-SHA256 (at least 600,000 rounds, 16-byte salt) and AES-256-CBC, holding a
//! PrivateKeyInfo whose attributes carry the random value R (DOMAIN §4, §5).

use super::oids::RSA_ENCRYPTION;
use der::asn1::{Any, BitString, OctetString, SetOfVec};
use der::{Decode, Encode};
use pkcs8::pkcs5::pbes2;
use pkcs8::{EncryptedPrivateKeyInfoOwned, EncryptedPrivateKeyInfoRef};
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use rsa::traits::PublicKeyParts;
use rsa::{PrivateKey, PublicKey};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;

use super::{NPKI_RANDOM_NUM, PkiError, Result, random};

/// PBKDF2 rounds for keys we write (DOMAIN §5 floor).
pub const PBKDF2_ROUNDS: u32 = 600_000;

/// PKCS#8 v1 PrivateKeyInfo with its attributes (RFC 5208), which the `pkcs8` crate's type
/// does not carry.
#[derive(der::Sequence)]
struct PrivateKeyInfo {
    version: u8,
    algorithm: AlgorithmIdentifierOwned,
    private_key: OctetString,
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    attributes: Option<SetOfVec<Attribute>>,
}

/// A private key with the R that went into its certificate's VID.
#[derive(Clone, Debug)]
pub struct KeyWithR {
    /// The RSA key.
    pub key: PrivateKey,
    /// The 20-byte random value R.
    pub r: Vec<u8>,
}

/// R binds the certificate to the customer's resident number (the VID): it is wiped when the
/// key is dropped, as the RSA key wipes itself.
impl Drop for KeyWithR {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.r);
    }
}

/// The PrivateKeyInfo (with R) that the file encrypts, DER.
pub fn plain_der(key: &KeyWithR) -> Result<Vec<u8>> {
    let pkcs1 = key
        .key
        .to_pkcs1_der()
        .map_err(|e| PkiError::Invalid(e.to_string()))?;
    let r = Any::from_der(&BitString::from_bytes(&key.r)?.to_der()?)?;
    let mut values = SetOfVec::new();
    values.insert(r)?;
    let mut attributes = SetOfVec::new();
    attributes.insert(Attribute {
        oid: NPKI_RANDOM_NUM,
        values,
    })?;
    Ok(PrivateKeyInfo {
        version: 0,
        algorithm: AlgorithmIdentifierOwned {
            oid: RSA_ENCRYPTION,
            parameters: Some(Any::null()),
        },
        private_key: OctetString::new(pkcs1.as_bytes())?,
        attributes: Some(attributes),
    }
    .to_der()?)
}

/// What PBKDF2-HMAC-SHA256 with AES-256-CBC needs, as our files carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pbes2Aes256 {
    /// The PBKDF2 salt.
    pub salt: Vec<u8>,
    /// The PBKDF2 rounds.
    pub rounds: u32,
    /// The AES-CBC IV.
    pub iv: [u8; 16],
}

impl Pbes2Aes256 {
    /// Fresh parameters: a 16-byte salt and IV from the CSPRNG.
    pub fn generate(rounds: u32) -> Result<Self> {
        Ok(Self {
            salt: random::<16>()?.to_vec(),
            rounds,
            iv: random::<16>()?,
        })
    }

    fn parameters(&self) -> Result<pbes2::Parameters> {
        pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(self.rounds, &self.salt, self.iv)
            .map_err(|e| PkiError::Invalid(e.to_string()))
    }

    /// The parameters of a key file, if it is PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC
    /// (other schemes need [`decrypt`]); with the ciphertext.
    pub fn of_file(file: &[u8]) -> Option<(Self, Vec<u8>)> {
        let info = EncryptedPrivateKeyInfoRef::from_der(file).ok()?;
        let pkcs8::pkcs5::EncryptionScheme::Pbes2(params) = info.encryption_algorithm else {
            return None;
        };
        let (pbes2::Kdf::Pbkdf2(kdf), pbes2::EncryptionScheme::Aes256Cbc { iv }) =
            (params.kdf, params.encryption)
        else {
            return None;
        };
        (kdf.prf == pbes2::Pbkdf2Prf::HmacWithSha256).then(|| {
            (
                Self {
                    salt: kdf.salt.as_bytes().to_vec(),
                    rounds: kdf.iteration_count,
                    iv,
                },
                info.encrypted_data.as_bytes().to_vec(),
            )
        })
    }

    /// `plain` encrypted under `password` with these parameters, as an
    /// EncryptedPrivateKeyInfo-shaped file.
    pub fn seal(&self, password: &str, plain: &[u8]) -> Result<Vec<u8>> {
        let encrypted = self
            .parameters()?
            .encrypt(password, plain)
            .map_err(|e| PkiError::Invalid(e.to_string()))?;
        self.file(&encrypted)
    }

    /// The key file holding `ciphertext` (made elsewhere, e.g. by WebCrypto) under these
    /// parameters.
    pub fn file(&self, ciphertext: &[u8]) -> Result<Vec<u8>> {
        Ok(EncryptedPrivateKeyInfoOwned {
            encryption_algorithm: self.parameters()?.into(),
            encrypted_data: OctetString::new(ciphertext)?,
        }
        .to_der()?)
    }
}

/// Encrypts `key` (with its R) under `password`, with `rounds` PBKDF2 rounds (use
/// [`PBKDF2_ROUNDS`]; fewer only in tests of the format).
pub fn encrypt(key: &KeyWithR, password: &str, rounds: u32) -> Result<Vec<u8>> {
    let plain = zeroize::Zeroizing::new(plain_der(key)?);
    Pbes2Aes256::generate(rounds)?.seal(password, &plain)
}

/// Opens a key file with `password`. A wrong password is always [`PkiError::WrongPassword`].
pub fn decrypt(file: &[u8], password: &str) -> Result<KeyWithR> {
    super::kdf_bounds::check(file)?;
    let info = EncryptedPrivateKeyInfoRef::from_der(file)?;
    let plain = info
        .decrypt(password)
        .map_err(|_| PkiError::WrongPassword)?;
    open_plain(plain.as_bytes())
}

/// Reads the decrypted PrivateKeyInfo; garbage (from a wrong password) is
/// [`PkiError::WrongPassword`], a key without R is refused.
pub fn open_plain(plain: &[u8]) -> Result<KeyWithR> {
    let opened = open_plain_without_r(plain)?;
    if opened.r.is_empty() {
        return Err(PkiError::Invalid("the key has no R attribute".to_owned()));
    }
    Ok(opened)
}

/// Like [`open_plain`], but a key without R (as other programs may write) opens with an
/// empty R.
pub fn open_plain_without_r(plain: &[u8]) -> Result<KeyWithR> {
    let inner = PrivateKeyInfo::from_der(plain).map_err(|_| PkiError::WrongPassword)?;
    let key = PrivateKey::from_pkcs1_der(inner.private_key.as_bytes())
        .map_err(|_| PkiError::WrongPassword)?;
    let r = inner
        .attributes
        .iter()
        .flat_map(|set| set.iter())
        .find(|a| a.oid == NPKI_RANDOM_NUM)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<BitString>().ok())
        .map(|bits| bits.raw_bytes().to_vec())
        .unwrap_or_default();
    Ok(KeyWithR { key, r })
}

/// Opens a key file and checks that it is the key of `certificate_key`; with a wrong
/// password or another certificate's key, nothing is returned.
pub fn unlock(file: &[u8], password: &str, certificate_key: &PublicKey) -> Result<KeyWithR> {
    matches_certificate(decrypt(file, password)?, certificate_key)
}

/// `opened` if it is the key of `certificate_key`.
pub fn matches_certificate(opened: KeyWithR, certificate_key: &PublicKey) -> Result<KeyWithR> {
    match is_key_of(&opened.key, certificate_key) {
        true => Ok(opened),
        false => Err(PkiError::KeyMismatch),
    }
}

/// Whether `key` is the private half of `certificate_key`.
pub fn is_key_of(key: &PrivateKey, certificate_key: &PublicKey) -> bool {
    let public = key.to_public_key();
    public.n() == certificate_key.n() && public.e() == certificate_key.e()
}

/// A private key with its R, as it crosses to and from the worker: bytes the page keeps and
/// hands back, never reads.
#[derive(Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct OpenedKey {
    /// PKCS#1 RSAPrivateKey, DER.
    pub pkcs1: Vec<u8>,
    /// R (empty when the file had none).
    pub r: Vec<u8>,
}

impl std::fmt::Debug for OpenedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OpenedKey(..)")
    }
}

impl Drop for OpenedKey {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.pkcs1.zeroize();
        self.r.zeroize();
    }
}
