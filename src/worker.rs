//! The key worker as the page sees it: the [`Job`]s it is given and what they give back, and
//! one function per job ([`calls`]), each waiting for the worker's answer. The worker's side,
//! the only code that opens keys and reads certificates, is [`crate::key_worker`]; the page
//! links no RSA, DER or X.509 code. The rule: the *bank* worker ([`crate::mock_bank`]) is the
//! bank; the *key* worker is the customer's toolbox. A key crosses to the page only as bytes
//! ([`OpenedKey`]), to be handed back for the next job.
//!
//! Protocol ([`crate::browser::port`]): the worker posts [`Reply::Ready`] once loaded; each
//! job is answered with [`Reply::Done`]. Natively (tests) [`perform`] does the job in this
//! thread.

mod calls;
#[cfg(target_arch = "wasm32")]
mod handle;

pub use calls::*;

use serde::{Deserialize, Serialize};

use crate::pki::PkiError;
pub use crate::pki::key_file::OpenedKey;
use crate::pki::npki::{Details, Summary};

/// Where Trunk puts the loader of the app's one worker module (`src/bin/worker.rs`), which is
/// the key worker and, started under its name, the bank's worker.
pub const WORKER_URL: &str = "/worker_loader.js";

/// Whose name a new certificate request carries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum RequestSubject {
    /// The DN the bank named (RFC 4514).
    Dn(String),
    /// The subject of this certificate (DER): a renewal.
    OfCertificate(Vec<u8>),
}

/// What the page asks of the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Job {
    /// A new RSA-2048 key: made by the platform's WebCrypto, by the rsa crate where WebCrypto
    /// is missing.
    Generate,
    /// A new key with a fresh R, and the signed certificate request (PKCS#10) for `subject`.
    Request {
        /// Whose name the request carries.
        subject: RequestSubject,
    },
    /// Checks that `key` is the certificate's and encrypts it under `password` at our floor.
    Seal {
        /// The certificate, DER.
        certificate: Vec<u8>,
        /// The key.
        key: OpenedKey,
        /// The certificate password.
        password: String,
    },
    /// Opens a key file of any format we read with `password` and checks that it is the
    /// certificate's key.
    Unlock {
        /// The certificate, DER.
        certificate: Vec<u8>,
        /// The key file.
        key_file: Vec<u8>,
        /// The certificate password.
        password: String,
    },
    /// Signs `message` (PKCS#1 v1.5, SHA-256).
    Sign {
        /// The key.
        key: OpenedKey,
        /// What is signed.
        message: Vec<u8>,
    },
    /// What the lists show of each certificate (DER); `None` for one that does not read.
    Summaries(Vec<Vec<u8>>),
    /// Everything 인증서 관리 shows of a certificate (DER).
    Details(Vec<u8>),
    /// The key as plain PKCS#8 with its R (sealed by 바이오인증's own key on the page).
    PlainKey(OpenedKey),
    /// The key of plain PKCS#8 with its R, checked against the certificate (DER).
    FromPlain {
        /// The plain key.
        plain: Vec<u8>,
        /// The certificate.
        certificate: Vec<u8>,
    },
    /// 스마트폰인증서 복사: the number's keys under a slot's salt (scrypt).
    NumberKeys {
        /// The 12 digits.
        digits: String,
        /// The slot's salt.
        salt: Vec<u8>,
    },
    /// 스마트폰인증서 복사, the sender: the package signed for this slot and receiver, its key
    /// file at our floor, sealed with the number's package key.
    SealPackage(Box<Outgoing>),
    /// 스마트폰인증서 복사, the receiver: a sealed package opened and checked.
    OpenPackage {
        /// The number's package key.
        package_key: Vec<u8>,
        /// What the relay held.
        sealed: Vec<u8>,
        /// The slot.
        slot: String,
        /// The receiver's nonce, base64.
        nonce: String,
    },
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

/// 스마트폰인증서 복사: what the sender seals.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outgoing {
    /// The number's package key.
    pub package_key: Vec<u8>,
    /// The package, unsigned.
    pub package: crate::pki::phone_copy::Package,
    /// The slot.
    pub slot: String,
    /// The receiver's nonce, base64.
    pub nonce: String,
    /// The opened key, which signs and, for a file under our floor, is sealed again.
    pub key: OpenedKey,
    /// Its password.
    pub password: String,
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
    /// A new key and its signed request.
    Request {
        /// The key, with its R.
        key: OpenedKey,
        /// PKCS#10, DER.
        csr: Vec<u8>,
    },
    /// A sealed key file and the summary of its certificate.
    Sealed {
        /// Our key file.
        key_file: Vec<u8>,
        /// The certificate's summary.
        summary: Summary,
    },
    /// An opened file: the key, and the certificate when the file carried one.
    Opened {
        /// The certificate, DER (PKCS#12 only).
        certificate: Option<Vec<u8>>,
        /// The key.
        key: OpenedKey,
    },
    /// A signature, or another file written.
    File(Vec<u8>),
    /// Summaries, in the order asked.
    Summaries(Vec<Option<Summary>>),
    /// A certificate's details.
    Details(Box<Details>),
    /// The number's keys: the verifier and the package key.
    NumberKeys {
        /// What the relay checks.
        verifier: Vec<u8>,
        /// What seals the package.
        package_key: Vec<u8>,
    },
    /// A copy package opened and checked, with its certificate's summary.
    Arrived(Box<(crate::pki::phone_copy::Package, Summary)>),
    /// `signCert.der` and `signPri.key` of each folder.
    Pairs(Vec<(Vec<u8>, Vec<u8>)>),
}

/// Why a job failed, as it crosses back to the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Failure {
    /// [`PkiError::WrongPassword`].
    WrongPassword,
    /// [`PkiError::UnsafeKdf`].
    UnsafeKdf(String),
    /// [`PkiError::Zip`].
    Zip(String),
    /// [`PkiError::KeyMismatch`]: the key is not the certificate's.
    KeyMismatch,
    /// The certificate or the package does not read, or its signature does not verify.
    Damaged,
    /// Refused with this Korean message.
    Refused(String),
    /// Anything else, as text.
    Other(String),
}

impl From<PkiError> for Failure {
    fn from(e: PkiError) -> Self {
        match e {
            PkiError::WrongPassword => Self::WrongPassword,
            PkiError::UnsafeKdf(what) => Self::UnsafeKdf(what),
            PkiError::Zip(why) => Self::Zip(why),
            PkiError::KeyMismatch => Self::KeyMismatch,
            other => Self::Other(other.to_string()),
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

/// Has the worker do `job` (natively: does it here).
pub async fn perform(job: Job) -> Result<Output, Failure> {
    #[cfg(target_arch = "wasm32")]
    {
        // An idle worker if there is one; it is kept for the next job if all went well.
        let worker = handle::take_worker().await.map_err(Failure::Other)?;
        let done = worker.perform(job).await;
        if !matches!(done, Err(Failure::Other(_))) {
            handle::give_back(worker);
        }
        done
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::key_worker::run(job, || 0.0).await
    }
}

#[cfg(target_arch = "wasm32")]
pub use handle::{KeyWorker, warm_up};
