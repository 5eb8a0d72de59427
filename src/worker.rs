//! The key worker: everything heavy the customer's side does with keys and key files runs in
//! this Web Worker, off the page's thread and out of the page's module. The rule: the *bank*
//! worker ([`crate::bank::worker`]) is the bank; the *key* worker is the customer's toolbox —
//! making keys, and reading or writing the formats that come from or go to other software
//! (PKCS#12, classic SEED key files, the NPKI zip). The page keeps what it shows and what
//! WebCrypto does (our own key file, signing).
//!
//! The `worker` binary runs [`serve`] (under any name but the bank's); the page sends [`Job`]s through [`KeyWorker`].
//! Natively (tests) [`perform`] runs the same [`run`] in this thread.
//!
//! Protocol (JSON text both ways): the worker posts [`Reply::Ready`] once loaded; each job is
//! answered with [`Reply::Done`].

use rsa::PrivateKey;
use serde::{Deserialize, Serialize};

use crate::pki::PkiError;
use crate::pki::key_file::KeyWithR;
use crate::pki::transfer::PfxCipher;

/// Where Trunk puts the loader of the app's one worker module (`src/bin/worker.rs`), which is
/// the key worker and, started under its name, the bank's worker.
pub const WORKER_URL: &str = "/worker_loader.js";

/// What the page asks of the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Job {
    /// A new RSA-2048 key: made by the platform's WebCrypto, by the rsa crate where WebCrypto
    /// is missing.
    Generate,
    /// Opens a PKCS#12 file (`.pfx`, `.p12`) with its password.
    OpenPfx {
        /// The file.
        pfx: Vec<u8>,
        /// Its password.
        password: String,
    },
    /// Opens a key file of any format we read (ours, classic SEED, PBES2).
    OpenKeyFile {
        /// The file (`signPri.key`).
        file: Vec<u8>,
        /// Its password.
        password: String,
    },
    /// Writes a PKCS#12 file.
    WritePfx {
        /// The certificate, DER.
        certificate: Vec<u8>,
        /// The CA certificates, DER.
        chain: Vec<Vec<u8>>,
        /// The opened key.
        key: OpenedKey,
        /// The file's password.
        password: String,
        /// The 3DES form for older programs, instead of AES-256.
        legacy: bool,
    },
    /// Writes the classic NPKI key file (seedCBCWithSHA1) for older programs.
    ClassicKeyFile {
        /// The opened key.
        key: OpenedKey,
        /// The file's password.
        password: String,
    },
    /// Zips the NPKI folder.
    Zip {
        /// `signCert.der`.
        certificate: Vec<u8>,
        /// `signPri.key`.
        key_file: Vec<u8>,
    },
    /// Finds every NPKI folder (`signCert.der` with `signPri.key`) in a zip.
    Unzip {
        /// The zip.
        zip: Vec<u8>,
    },
}

/// A private key with its R, as it crosses to and from the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OpenedKey {
    /// PKCS#1 RSAPrivateKey, DER.
    pub pkcs1: Vec<u8>,
    /// R (empty when the file had none).
    pub r: Vec<u8>,
}

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

    fn open(&self) -> Result<KeyWithR, PkiError> {
        use rsa::pkcs1::DecodeRsaPrivateKey;
        Ok(KeyWithR {
            key: PrivateKey::from_pkcs1_der(&self.pkcs1)
                .map_err(|e| PkiError::Invalid(e.to_string()))?,
            r: self.r.clone(),
        })
    }
}

/// What a job gives back.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Output {
    /// A new key and the milliseconds its generation took in the worker.
    Key {
        /// The key.
        key: OpenedKey,
        /// Time spent generating.
        millis: f64,
    },
    /// An opened file: the key, and the certificate when the file carried one.
    Opened {
        /// The certificate, DER (PKCS#12 only).
        certificate: Option<Vec<u8>>,
        /// The key.
        key: OpenedKey,
    },
    /// A file written.
    File(Vec<u8>),
    /// `signCert.der` and `signPri.key` of each folder.
    Pairs(Vec<(Vec<u8>, Vec<u8>)>),
}

/// Why a job failed, as it crosses back to the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Failure {
    /// [`PkiError::WrongPassword`].
    WrongPassword,
    /// [`PkiError::UnsafeKdf`].
    UnsafeKdf(String),
    /// [`PkiError::Zip`].
    Zip(String),
    /// Anything else, as text.
    Other(String),
}

impl From<PkiError> for Failure {
    fn from(e: PkiError) -> Self {
        match e {
            PkiError::WrongPassword => Self::WrongPassword,
            PkiError::UnsafeKdf(what) => Self::UnsafeKdf(what),
            PkiError::Zip(why) => Self::Zip(why),
            other => Self::Other(other.to_string()),
        }
    }
}

impl From<Failure> for PkiError {
    fn from(e: Failure) -> Self {
        match e {
            Failure::WrongPassword => Self::WrongPassword,
            Failure::UnsafeKdf(what) => Self::UnsafeKdf(what),
            Failure::Zip(why) => Self::Zip(why),
            Failure::Other(text) => Self::Invalid(text),
        }
    }
}

/// What the worker says.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Reply {
    /// Loaded and listening.
    Ready,
    /// A job's result.
    Done(Result<Output, Failure>),
}

/// A new RSA-2048 key: in the browser WebCrypto's `generateKey` (the rsa crate in
/// WebAssembly is several times slower; it stays only for a browser without WebCrypto, and
/// for the native tests).
async fn new_key() -> Result<PrivateKey, PkiError> {
    #[cfg(target_arch = "wasm32")]
    if let Ok(key) = crate::webcrypto::generate_rsa().await {
        return Ok(key);
    }
    crate::pki::keys::generate()
}

/// Does one job, here (in the worker, or natively in tests); `now` times key generation.
pub async fn run(job: Job, now: impl Fn() -> f64) -> Result<Output, Failure> {
    use crate::pki::{npki, transfer};
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

/// Has the worker do `job` (natively: does it here).
pub async fn perform(job: Job) -> Result<Output, PkiError> {
    #[cfg(target_arch = "wasm32")]
    {
        // An idle worker if there is one; it is kept for the next job if all went well.
        let worker = browser::take_worker().await.map_err(PkiError::Invalid)?;
        let done = worker.perform(job).await;
        if done.is_ok() {
            browser::give_back(worker);
        }
        done
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        run(job, || 0.0).await.map_err(PkiError::from)
    }
}

fn unexpected() -> PkiError {
    PkiError::Invalid("키 작업자의 응답이 올바르지 않습니다.".to_owned())
}

/// A new RSA-2048 key, made in the key worker ([`Job::Generate`]), and the milliseconds the
/// worker spent on it.
pub async fn generate_timed() -> Result<(PrivateKey, f64), PkiError> {
    match perform(Job::Generate).await? {
        Output::Key { key, millis } => Ok((key.open()?.key.clone(), millis)),
        _ => Err(unexpected()),
    }
}

/// A new RSA-2048 key, made in the key worker.
pub async fn generate_key() -> Result<PrivateKey, String> {
    Ok(generate_timed().await.map_err(|e| e.to_string())?.0)
}

/// Opens a PKCS#12 file: its certificate and key.
pub async fn open_pfx(pfx: Vec<u8>, password: &str) -> Result<(Vec<u8>, KeyWithR), PkiError> {
    let password = password.to_owned();
    match perform(Job::OpenPfx { pfx, password }).await? {
        Output::Opened {
            certificate: Some(certificate),
            key,
        } => Ok((certificate, key.open()?)),
        _ => Err(unexpected()),
    }
}

/// Opens a key file of any format we read.
pub async fn open_key_file(file: Vec<u8>, password: &str) -> Result<KeyWithR, PkiError> {
    let password = password.to_owned();
    match perform(Job::OpenKeyFile { file, password }).await? {
        Output::Opened { key, .. } => key.open(),
        _ => Err(unexpected()),
    }
}

/// Writes a PKCS#12 file.
pub async fn write_pfx(
    certificate: Vec<u8>,
    chain: Vec<Vec<u8>>,
    key: &KeyWithR,
    password: &str,
    cipher: PfxCipher,
) -> Result<Vec<u8>, PkiError> {
    let job = Job::WritePfx {
        certificate,
        chain,
        key: OpenedKey::of(key)?,
        password: password.to_owned(),
        legacy: cipher == PfxCipher::Legacy3Des,
    };
    match perform(job).await? {
        Output::File(pfx) => Ok(pfx),
        _ => Err(unexpected()),
    }
}

/// The classic NPKI key file of `key` under `password`, for older programs.
pub async fn classic_key_file(key: &KeyWithR, password: &str) -> Result<Vec<u8>, PkiError> {
    let job = Job::ClassicKeyFile {
        key: OpenedKey::of(key)?,
        password: password.to_owned(),
    };
    match perform(job).await? {
        Output::File(file) => Ok(file),
        _ => Err(unexpected()),
    }
}

/// The NPKI folder as a zip.
pub async fn zip(certificate: Vec<u8>, key_file: Vec<u8>) -> Result<Vec<u8>, PkiError> {
    match perform(Job::Zip {
        certificate,
        key_file,
    })
    .await?
    {
        Output::File(zip) => Ok(zip),
        _ => Err(unexpected()),
    }
}

/// `signCert.der` and `signPri.key` of every NPKI folder in a zip.
pub async fn unzip(zip: Vec<u8>) -> Result<Vec<(Vec<u8>, Vec<u8>)>, PkiError> {
    match perform(Job::Unzip { zip }).await? {
        Output::Pairs(pairs) => Ok(pairs),
        _ => Err(unexpected()),
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{KeyWorker, serve, warm_up};

#[cfg(target_arch = "wasm32")]
mod browser;
