//! What the key worker does for each [`Job`]: the only code that opens keys, reads certificates
//! and writes key files. In the browser it runs in the key worker; natively (tests) in the thread.

use std::str::FromStr;

use rsa::PrivateKey;
use x509_cert::name::Name;

use crate::browser::webcrypto;
use crate::encoding::{base64, unbase64};
use crate::pki::key_file::{KeyWithR, PBKDF2_ROUNDS};
use crate::pki::phone_copy::{NumberKeys, Package};
use crate::pki::transfer::PfxCipher;
use crate::pki::{self, PkiError, csr, kdf_bounds, key_file, npki, signing, transfer};
use crate::worker::{Failure, Job, OpenedKey, Outgoing, Output, RequestSubject};

impl OpenedKey {
    fn of(key: &KeyWithR) -> Result<Self, PkiError> {
        use rsa::pkcs1::EncodeRsaPrivateKey;
        Ok(Self {
            pkcs1: key
                .key
                .to_pkcs1_der()
                .map_err(|e| PkiError::Invalid(e.to_string()))?
                .as_bytes()
                .to_vec(),
            r: key.r.clone(),
        })
    }

    /// The key, opened (in the worker, or natively in tests).
    pub fn open(&self) -> Result<KeyWithR, PkiError> {
        use rsa::pkcs1::DecodeRsaPrivateKey;
        Ok(KeyWithR {
            key: PrivateKey::from_pkcs1_der(&self.pkcs1)
                .map_err(|e| PkiError::Invalid(e.to_string()))?,
            r: self.r.clone(),
        })
    }
}

/// A new RSA-2048 key: in the browser WebCrypto's `generateKey` (the rsa crate in
/// WebAssembly is several times slower; it stays only for a browser without WebCrypto, and
/// for the native tests).
async fn new_key() -> Result<PrivateKey, PkiError> {
    #[cfg(target_arch = "wasm32")]
    if let Ok(key) = webcrypto::generate_rsa().await {
        return Ok(key);
    }
    pki::keys::generate()
}

/// The public key of a certificate (DER); [`Failure::Damaged`] if it does not read.
fn certificate_key(certificate: &[u8]) -> Result<rsa::PublicKey, Failure> {
    use der::Decode;
    x509_cert::Certificate::from_der(certificate)
        .ok()
        .and_then(|parsed| pki::ca::certificate_key(&parsed).ok())
        .ok_or(Failure::Damaged)
}

/// Whether a key file is in our own format at our floor (PBES2, PBKDF2-HMAC-SHA256 with at
/// least [`PBKDF2_ROUNDS`] and at most the bounds' rounds, a 16-byte salt, AES-256-CBC).
fn at_our_floor(key_file: &[u8]) -> bool {
    key_file::Pbes2Aes256::of_file(key_file).is_some_and(|(params, _)| {
        (PBKDF2_ROUNDS..=kdf_bounds::MAX_ROUNDS).contains(&params.rounds) && params.salt.len() == 16
    })
}

/// Our key file of `key` under `password`, and the certificate's summary; refused when the
/// key is not the certificate's.
async fn seal(certificate: &[u8], key: &KeyWithR, password: &str) -> Result<Output, Failure> {
    let public = certificate_key(certificate)?;
    let summary = npki::summarize(certificate).map_err(|_| Failure::Damaged)?;
    let key = key_file::matches_certificate(key.clone(), &public)?;
    let key_file = webcrypto::encrypt(&key, password, PBKDF2_ROUNDS).await?;
    Ok(Output::Sealed { key_file, summary })
}

/// Opens any key file we read with `password` (ours through WebCrypto) and checks that it is
/// the certificate's key.
async fn unlock(certificate: &[u8], key_file: &[u8], password: &str) -> Result<Output, Failure> {
    let public = certificate_key(certificate)?;
    let key = webcrypto::unlock(key_file, password, &public).await?;
    Ok(Output::Opened {
        certificate: None,
        key: OpenedKey::of(&key)?,
    })
}

/// The sender's package: its key file at our floor, signed for the slot and the receiver,
/// sealed with the number's package key.
async fn seal_package(outgoing: Outgoing) -> Result<Output, Failure> {
    let Outgoing {
        package_key,
        mut package,
        slot,
        nonce,
        key,
        password,
    } = outgoing;
    let opened = key.open()?;
    // A key file from NPKI files travels at our floor, never at its own (maybe 1 round).
    let key_file = unbase64(&package.key_file).ok_or(Failure::Damaged)?;
    if !at_our_floor(&key_file) {
        package.key_file = base64(&webcrypto::encrypt(&opened, &password, PBKDF2_ROUNDS).await?);
    }
    let message = package.signed_message(&slot, &nonce);
    package.signature = base64(&signing::sign(&opened.key, message.as_bytes()));
    let plain = serde_json::to_vec(&package).map_err(|e| Failure::Other(e.to_string()))?;
    let keys = NumberKeys::of_package_key(&package_key)?;
    Ok(Output::File(keys.seal(&plain)?))
}

/// The receiver's package, opened with the number's package key and checked: the sender's
/// signature covers the whole package, this slot and this receiver's nonce (so its key is the
/// certificate's, and the package was made for this copy), and the key file is at our floor.
fn open_package(
    package_key: &[u8],
    sealed: &[u8],
    slot: &str,
    nonce: &str,
) -> Result<Output, Failure> {
    // Another number's key or a changed byte: WrongPassword; what does not read: Other; a
    // signature that does not verify: Damaged.
    let unreadable = || Failure::Other("the package does not read".to_owned());
    let keys = NumberKeys::of_package_key(package_key)?;
    let plain = keys.open(sealed)?;
    let package: Package = serde_json::from_slice(&plain).map_err(|_| unreadable())?;
    let certificate = unbase64(&package.certificate).ok_or_else(unreadable)?;
    let key_file = unbase64(&package.key_file).ok_or_else(unreadable)?;
    let summary = npki::summarize(&certificate).map_err(|_| unreadable())?;
    let public = certificate_key(&certificate).map_err(|_| unreadable())?;
    let message = package.signed_message(slot, nonce);
    let signature = unbase64(&package.signature).ok_or_else(unreadable)?;
    if !signing::verify(&public, message.as_bytes(), &signature) {
        return Err(Failure::Damaged);
    }
    if !at_our_floor(&key_file) {
        return Err(Failure::Refused(
            "받은 인증서의 개인키 파일이 이 센터의 보호 기준(PBKDF2 600,000회, AES-256)에 맞지 않아 저장하지 않았습니다."
                .to_owned(),
        ));
    }
    Ok(Output::Arrived(Box::new((package, summary))))
}

/// Does one job, here (in the worker, or natively in tests); `now` times key generation.
pub async fn run(job: Job, now: impl Fn() -> f64) -> Result<Output, Failure> {
    Ok(match job {
        Job::Generate => {
            let started = now();
            let key = KeyWithR {
                key: new_key().await?,
                r: Vec::new(),
            };
            Output::Key {
                key: OpenedKey::of(&key)?,
                millis: now() - started,
            }
        }
        Job::Request { subject } => {
            let subject = match subject {
                RequestSubject::Dn(dn) => Name::from_str(&dn).map_err(|_| Failure::Damaged)?,
                RequestSubject::OfCertificate(certificate) => {
                    use der::Decode;
                    x509_cert::Certificate::from_der(&certificate)
                        .map_err(|_| Failure::Damaged)?
                        .tbs_certificate()
                        .subject()
                        .clone()
                }
            };
            let key = KeyWithR {
                key: new_key().await?,
                r: pki::random::<20>()?.to_vec(),
            };
            let csr = csr::build(&key.key, subject)?;
            Output::Request {
                key: OpenedKey::of(&key)?,
                csr,
            }
        }
        Job::Seal {
            certificate,
            key,
            password,
        } => seal(&certificate, &key.open()?, &password).await?,
        Job::Unlock {
            certificate,
            key_file,
            password,
        } => unlock(&certificate, &key_file, &password).await?,
        Job::Sign { key, message } => Output::File(signing::sign(&key.open()?.key, &message)),
        Job::Summaries(certificates) => Output::Summaries(
            certificates
                .iter()
                .map(|c| npki::summarize(c).ok())
                .collect(),
        ),
        Job::Details(certificate) => Output::Details(Box::new(
            npki::details(&certificate).map_err(|_| Failure::Damaged)?,
        )),
        Job::PlainKey(key) => Output::File(key_file::plain_der(&key.open()?)?),
        Job::FromPlain { plain, certificate } => {
            let public = certificate_key(&certificate)?;
            let opened = key_file::open_plain(&plain)?;
            Output::Opened {
                certificate: None,
                key: OpenedKey::of(&key_file::matches_certificate(opened, &public)?)?,
            }
        }
        Job::NumberKeys { digits, salt } => {
            let keys = NumberKeys::derive(&digits, &salt)?;
            Output::NumberKeys {
                verifier: keys.verifier.to_vec(),
                package_key: keys.package_key().to_vec(),
            }
        }
        Job::SealPackage(outgoing) => seal_package(*outgoing).await?,
        Job::OpenPackage {
            package_key,
            sealed,
            slot,
            nonce,
        } => open_package(&package_key, &sealed, &slot, &nonce)?,
        Job::OpenPfx { pfx, password } => {
            let (certificate, key) = transfer::import_pfx(&pfx, &password)?;
            Output::Opened {
                certificate: Some(certificate),
                key: OpenedKey::of(&key)?,
            }
        }
        Job::OpenKeyFile { file, password } => Output::Opened {
            certificate: None,
            key: OpenedKey::of(&transfer::decrypt_any(&file, &password)?)?,
        },
        Job::WritePfx {
            certificate,
            chain,
            key,
            password,
            legacy,
        } => {
            let cipher = if legacy {
                PfxCipher::Legacy3Des
            } else {
                PfxCipher::Aes256
            };
            Output::File(transfer::export_pfx(
                &certificate,
                &chain,
                &key.open()?,
                &password,
                cipher,
            )?)
        }
        Job::ClassicKeyFile { key, password } => {
            Output::File(transfer::encrypt_classic(&key.open()?, &password)?)
        }
        Job::Zip {
            certificate,
            key_file,
        } => Output::File(npki::zip(&certificate, &key_file)?),
        Job::Unzip { zip } => Output::Pairs(
            npki::unzip_all(&zip)?
                .into_iter()
                .map(|f| (f.certificate, f.key_file))
                .collect(),
        ),
    })
}
