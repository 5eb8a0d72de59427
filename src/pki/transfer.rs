//! Moving a certificate in and out of the center: PKCS#12 (`.pfx`) export and import, and the
//! key files other programs wrote: the classic NPKI `signPri.key` (seedCBCWithSHA1,
//! DOMAIN §4) and PBES2 with SEED or AES. Whatever comes in is checked against its certificate
//! before it is re-encrypted to our floor (see [`super::key_file`]).

use super::oids::{HMAC_SHA1, HMAC_SHA256, PBES2, PBKDF2};
pub use super::oids::{SEED_CBC, SEED_CBC_WITH_SHA1};
use cipher04::{BlockDecrypt, BlockEncrypt, KeyInit};
use der::asn1::OctetString;
use der::{Decode, Encode};
use p12_keystore::{
    EncryptionAlgorithm, KeyStore, KeyStoreEntry, MacAlgorithm, Pkcs12ImportPolicy, PrivateKeyChain,
};
use sha1::{Digest, Sha1};
use spki::AlgorithmIdentifierOwned;
use zeroize::Zeroizing;

use super::key_file::{self, KeyWithR};
use super::{PkiError, Result};

mod ber_pfx;

/// EncryptedPrivateKeyInfo with its algorithm left open, for schemes the `pkcs8` crate lacks.
#[derive(der::Sequence)]
struct EncryptedKey {
    algorithm: AlgorithmIdentifierOwned,
    data: OctetString,
}

/// The parameters of seedCBCWithSHA1 (and of PKCS#5 v1.5 schemes).
#[derive(der::Sequence)]
struct SaltAndRounds {
    salt: OctetString,
    rounds: u32,
}

#[derive(der::Sequence)]
struct Pbes2Params {
    kdf: AlgorithmIdentifierOwned,
    scheme: AlgorithmIdentifierOwned,
}

#[derive(der::Sequence)]
struct Pbkdf2Params {
    salt: OctetString,
    rounds: u32,
    key_length: Option<u32>,
    prf: Option<AlgorithmIdentifierOwned>,
}

/// PBKDF1 with SHA-1 (RFC 8018 §5.1): the first 20 bytes of SHA-1 applied `rounds` times.
pub fn pbkdf1_sha1(password: &[u8], salt: &[u8], rounds: u32) -> [u8; 20] {
    let mut digest: [u8; 20] = Sha1::new()
        .chain_update(password)
        .chain_update(salt)
        .finalize()
        .into();
    for _ in 1..rounds {
        digest = Sha1::digest(digest).into();
    }
    digest
}

/// The key and IV of seedCBCWithSHA1: key = DK[0..16], IV = SHA-1(DK[16..20])[0..16].
pub fn classic_key_iv(password: &str, salt: &[u8], rounds: u32) -> ([u8; 16], [u8; 16]) {
    let dk = pbkdf1_sha1(password.as_bytes(), salt, rounds);
    let mut key = [0; 16];
    key.copy_from_slice(&dk[..16]);
    let mut iv = [0; 16];
    iv.copy_from_slice(&Sha1::digest(&dk[16..20])[..16]);
    (key, iv)
}

/// SEED-128-CBC decryption without unpadding.
pub fn seed_cbc_decrypt_raw(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>> {
    let cipher =
        kisaseed::SEED::new_from_slice(key).map_err(|_| PkiError::Invalid("SEED key".into()))?;
    let mut previous: [u8; 16] = iv
        .try_into()
        .map_err(|_| PkiError::Invalid("SEED IV".into()))?;
    if data.is_empty() || !data.len().is_multiple_of(16) {
        return Err(PkiError::Invalid("SEED-CBC data".into()));
    }
    let mut plain = Vec::with_capacity(data.len());
    for chunk in data.chunks_exact(16) {
        let mut block = cipher04::generic_array::GenericArray::clone_from_slice(chunk);
        cipher.decrypt_block(&mut block);
        plain.extend(block.iter().zip(previous).map(|(b, p)| b ^ p));
        previous.copy_from_slice(chunk);
    }
    Ok(plain)
}

/// SEED-128-CBC encryption with PKCS#7 padding.
pub fn seed_cbc_encrypt(key: &[u8], iv: &[u8; 16], plain: &[u8]) -> Result<Vec<u8>> {
    let cipher =
        kisaseed::SEED::new_from_slice(key).map_err(|_| PkiError::Invalid("SEED key".into()))?;
    let pad = 16 - plain.len() % 16;
    let mut padded = Zeroizing::new(plain.to_vec());
    padded.extend(std::iter::repeat_n(pad as u8, pad));
    let mut previous = *iv;
    let mut out = Vec::with_capacity(padded.len());
    for chunk in padded.chunks_exact(16) {
        let mixed: Vec<u8> = chunk.iter().zip(previous).map(|(b, p)| b ^ p).collect();
        let mut block = cipher04::generic_array::GenericArray::clone_from_slice(&mixed);
        cipher.encrypt_block(&mut block);
        previous.copy_from_slice(&block);
        out.extend_from_slice(&block);
    }
    Ok(out)
}

/// PBKDF1 rounds of the compatible key file: what NPKI programs write.
pub const CLASSIC_ROUNDS: u32 = 2048;

/// `key` (with R) as the classic NPKI `signPri.key` (seedCBCWithSHA1, an 8-byte salt,
/// [`CLASSIC_ROUNDS`]), which every NPKI program reads. Weaker than our own file (PBKDF1-SHA1
/// with 2,048 rounds against PBKDF2-SHA256 with 600,000): only for older programs.
pub fn encrypt_classic(key: &KeyWithR, password: &str) -> Result<Vec<u8>> {
    let salt = super::random::<8>()?;
    let (k, iv) = classic_key_iv(password, &salt, CLASSIC_ROUNDS);
    let k = Zeroizing::new(k);
    let plain = Zeroizing::new(key_file::plain_der(key)?);
    let data = seed_cbc_encrypt(k.as_slice(), &iv, &plain)?;
    let params = SaltAndRounds {
        salt: OctetString::new(salt.to_vec())?,
        rounds: CLASSIC_ROUNDS,
    };
    Ok(EncryptedKey {
        algorithm: AlgorithmIdentifierOwned {
            oid: SEED_CBC_WITH_SHA1,
            parameters: Some(der::Any::from_der(&params.to_der()?)?),
        },
        data: OctetString::new(data)?,
    }
    .to_der()?)
}

/// SEED-128-CBC decryption with PKCS#7 padding; bad padding is a wrong password.
pub fn seed_cbc_decrypt(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>> {
    let mut plain = Zeroizing::new(seed_cbc_decrypt_raw(key, iv, data)?);
    let pad = usize::from(*plain.last().ok_or(PkiError::WrongPassword)?);
    if pad == 0
        || pad > 16
        || !plain[plain.len() - pad..]
            .iter()
            .all(|&b| usize::from(b) == pad)
    {
        return Err(PkiError::WrongPassword);
    }
    let len = plain.len() - pad;
    plain.truncate(len);
    // The caller owns (and wipes) the plain text; what stays here is wiped on drop.
    Ok(std::mem::take(&mut *plain))
}

/// Opens a `signPri.key` in any of the formats Korean certificate programs write: ours,
/// PBES2 with AES or SEED (PBKDF2 with HMAC-SHA1 or -SHA256), or the classic seedCBCWithSHA1.
/// A key without R opens with an empty R (it cannot pass the bank's VID check).
pub fn decrypt_any(file: &[u8], password: &str) -> Result<KeyWithR> {
    super::kdf_bounds::check(file)?;
    let encrypted = EncryptedKey::from_der(file)?;
    let params = || -> Result<Vec<u8>> {
        Ok(encrypted
            .algorithm
            .parameters
            .as_ref()
            .ok_or_else(|| PkiError::Invalid("no parameters".into()))?
            .to_der()?)
    };
    let plain = match encrypted.algorithm.oid {
        SEED_CBC_WITH_SHA1 => {
            let p = SaltAndRounds::from_der(&params()?)?;
            let (key, iv) = classic_key_iv(password, p.salt.as_bytes(), p.rounds);
            let key = Zeroizing::new(key);
            seed_cbc_decrypt(key.as_slice(), &iv, encrypted.data.as_bytes())?
        }
        PBES2 => {
            let p = Pbes2Params::from_der(&params()?)?;
            if p.scheme.oid != SEED_CBC {
                // AES: the pkcs8 crate's PBES2 reads it.
                let info = pkcs8::EncryptedPrivateKeyInfoRef::from_der(file)?;
                let plain = info
                    .decrypt(password)
                    .map_err(|_| PkiError::WrongPassword)?;
                return key_file::open_plain_without_r(plain.as_bytes());
            }
            if p.kdf.oid != PBKDF2 {
                return Err(PkiError::Invalid("PBES2 without PBKDF2".into()));
            }
            let kdf = Pbkdf2Params::from_der(
                &p.kdf.parameters.ok_or(PkiError::WrongPassword)?.to_der()?,
            )?;
            let iv = OctetString::from_der(
                &p.scheme
                    .parameters
                    .ok_or_else(|| PkiError::Invalid("no IV".into()))?
                    .to_der()?,
            )?;
            let mut key = Zeroizing::new([0u8; 16]);
            let (salt, rounds) = (kdf.salt.as_bytes(), kdf.rounds);
            match kdf.prf.map(|a| a.oid).unwrap_or(HMAC_SHA1) {
                HMAC_SHA1 => {
                    pbkdf2::pbkdf2_hmac::<Sha1>(password.as_bytes(), salt, rounds, key.as_mut())
                }
                HMAC_SHA256 => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
                    password.as_bytes(),
                    salt,
                    rounds,
                    key.as_mut(),
                ),
                other => return Err(PkiError::Invalid(format!("PBKDF2 PRF {other}"))),
            }
            seed_cbc_decrypt(key.as_slice(), iv.as_bytes(), encrypted.data.as_bytes())?
        }
        other => return Err(PkiError::Invalid(format!("key encryption {other}"))),
    };
    let plain = Zeroizing::new(plain);
    key_file::open_plain_without_r(&plain)
}

/// How a `.pfx` is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PfxCipher {
    /// PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 32-byte salts) with an HMAC-SHA256 MAC: what
    /// current Windows and OpenSSL 3 write.
    Aes256,
    /// pbeWithSHAAnd3-KeyTripleDES-CBC with an HMAC-SHA1 MAC, for older programs.
    Legacy3Des,
}

/// Rounds for the AES `.pfx` (encryption and MAC): our key-file floor, which OpenSSL 3 reads
/// (measured in `tests/native/transfer.rs`) and which stays under the 1,000,000 `p12-keystore` accepts.
pub const PFX_ROUNDS: u32 = super::key_file::PBKDF2_ROUNDS;
/// Rounds for the legacy 3DES `.pfx`, which exists for old programs: the 2,048–10,000 they use.
pub const LEGACY_PFX_ROUNDS: u32 = 10_000;

/// The certificate (DER), its chain (DER, issuing CA first) and the key as a `.pfx` under
/// `password`. The key keeps its R, so that a re-imported certificate still logs in.
pub fn export_pfx(
    certificate: &[u8],
    chain: &[Vec<u8>],
    key: &KeyWithR,
    password: &str,
    cipher: PfxCipher,
) -> Result<Vec<u8>> {
    let invalid = |e: p12_keystore::error::Error| PkiError::Invalid(e.to_string());
    let certs = std::iter::once(certificate)
        .chain(chain.iter().map(Vec::as_slice))
        .map(p12_keystore::Certificate::from_der)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(invalid)?;
    let plain = Zeroizing::new(key_file::plain_der(key)?);
    let private = p12_keystore::PrivateKey::from_der(&plain).map_err(invalid)?;
    let local_key_id = Sha1::digest(certificate).to_vec();
    let mut store = KeyStore::new();
    store.add_entry(
        "signCert",
        KeyStoreEntry::PrivateKeyChain(PrivateKeyChain::new(local_key_id, private, certs)),
    );
    let (encryption, mac, rounds) = match cipher {
        PfxCipher::Aes256 => (
            EncryptionAlgorithm::PbeWithHmacSha256AndAes256,
            MacAlgorithm::HmacSha256,
            PFX_ROUNDS,
        ),
        PfxCipher::Legacy3Des => (
            EncryptionAlgorithm::PbeWithShaAnd3KeyTripleDesCbc,
            MacAlgorithm::HmacSha1,
            LEGACY_PFX_ROUNDS,
        ),
    };
    store
        .writer(password)
        .encryption_algorithm(encryption)
        .encryption_iterations(rounds)
        .mac_algorithm(mac)
        .mac_iterations(rounds)
        .write()
        .map_err(invalid)
}

/// The certificate (DER) and key of a `.pfx`; a wrong password (the MAC fails) is
/// [`PkiError::WrongPassword`].
pub fn import_pfx(pfx: &[u8], password: &str) -> Result<(Vec<u8>, KeyWithR)> {
    let pfx = &ber_pfx::as_der(pfx, password)?;
    let store =
        KeyStore::from_pkcs12(pfx, password, Pkcs12ImportPolicy::Strict).map_err(|e| match e {
            p12_keystore::error::Error::MacError(_) => PkiError::WrongPassword,
            other => PkiError::Invalid(other.to_string()),
        })?;
    let (_, chain) = store
        .private_key_chain()
        .ok_or_else(|| PkiError::Invalid("no key in the file".into()))?;
    let certificate = chain
        .certs()
        .first()
        .ok_or_else(|| PkiError::Invalid("no certificate for the key".into()))?
        .as_der()
        .to_vec();
    let plain = chain.key().as_der();
    let key = key_file::open_plain_without_r(plain)?;
    Ok((certificate, key))
}
