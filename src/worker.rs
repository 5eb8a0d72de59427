//! The key worker: everything heavy the customer's side does with keys and key files runs in
//! this Web Worker, off the page's thread and out of the page's module. The rule: the *bank*
//! worker ([`crate::bank::worker`]) is the bank; the *key* worker is the customer's toolbox —
//! making keys, and reading or writing the formats that come from or go to other software
//! (PKCS#12, classic SEED key files, the NPKI zip). The page keeps what it shows and what
//! WebCrypto does (our own key file, signing).
//!
//! The `keygen-worker` binary runs [`serve`]; the page sends [`Job`]s through [`KeyWorker`].
//! Natively (tests) [`perform`] runs the same [`run`] in this thread.
//!
//! Protocol (JSON text both ways): the worker posts [`Reply::Ready`] once loaded; each job is
//! answered with [`Reply::Done`].

use rsa::PrivateKey;
use serde::{Deserialize, Serialize};

use crate::pki::PkiError;
use crate::pki::key_file::KeyWithR;
use crate::pki::transfer::PfxCipher;

/// Where Trunk puts the worker's loader.
pub const WORKER_URL: &str = "/keygen-worker_loader.js";

/// What the page asks of the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Job {
    /// A new RSA-2048 key, all in this worker.
    Generate,
    /// One prime for an RSA-2048 key ([`crate::pki::keys::prime`]); the page asks several
    /// workers at once and builds the key from the first two.
    Prime,
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
    /// Zips the NPKI folder.
    Zip {
        /// `signCert.der`.
        certificate: Vec<u8>,
        /// `signPri.key`.
        key_file: Vec<u8>,
    },
    /// Finds `signCert.der` and `signPri.key` in a zip.
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
    /// A prime, big-endian.
    Prime(Vec<u8>),
    /// A file written.
    File(Vec<u8>),
    /// `signCert.der` and `signPri.key`.
    Pair(Vec<u8>, Vec<u8>),
}

/// Why a job failed, as it crosses back to the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Failure {
    /// [`PkiError::WrongPassword`].
    WrongPassword,
    /// [`PkiError::UnsafeKdf`].
    UnsafeKdf(String),
    /// Anything else, as text.
    Other(String),
}

impl From<PkiError> for Failure {
    fn from(e: PkiError) -> Self {
        match e {
            PkiError::WrongPassword => Self::WrongPassword,
            PkiError::UnsafeKdf(what) => Self::UnsafeKdf(what),
            other => Self::Other(other.to_string()),
        }
    }
}

impl From<Failure> for PkiError {
    fn from(e: Failure) -> Self {
        match e {
            Failure::WrongPassword => Self::WrongPassword,
            Failure::UnsafeKdf(what) => Self::UnsafeKdf(what),
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

/// Does one job, here (in the worker, or natively in tests); `now` times key generation.
pub fn run(job: Job, now: impl Fn() -> f64) -> Result<Output, Failure> {
    use crate::pki::{keys, npki, transfer};
    Ok(match job {
        Job::Generate => {
            let started = now();
            let key = KeyWithR {
                key: keys::generate()?,
                r: Vec::new(),
            };
            Output::Key {
                key: OpenedKey::of(&key)?,
                millis: now() - started,
            }
        }
        Job::Prime => Output::Prime(keys::prime()?.to_be_bytes().to_vec()),
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
        Job::Zip {
            certificate,
            key_file,
        } => Output::File(npki::zip(&certificate, &key_file)?),
        Job::Unzip { zip } => {
            let (certificate, key_file) = npki::unzip(&zip)?;
            Output::Pair(certificate, key_file)
        }
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
        run(job, || 0.0).map_err(PkiError::from)
    }
}

fn unexpected() -> PkiError {
    PkiError::Invalid("키 작업자의 응답이 올바르지 않습니다.".to_owned())
}

/// A new RSA-2048 key: in the browser its two primes are searched for in parallel workers
/// ([`generate_in_parallel`]); natively (tests) the rsa crate makes it here.
pub async fn generate_key() -> Result<PrivateKey, String> {
    #[cfg(target_arch = "wasm32")]
    {
        Ok(generate_in_parallel().await?.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::pki::keys::generate().map_err(|e| e.to_string())
    }
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

/// `signCert.der` and `signPri.key` from a zip.
pub async fn unzip(zip: Vec<u8>) -> Result<(Vec<u8>, Vec<u8>), PkiError> {
    match perform(Job::Unzip { zip }).await? {
        Output::Pair(certificate, key_file) => Ok((certificate, key_file)),
        _ => Err(unexpected()),
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{KeyWorker, generate_in_parallel, parallelism, serve, warm_up};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use rsa::PrivateKey;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

    use super::{Job, Output, Reply, WORKER_URL, run, unexpected};
    use crate::pki::PkiError;

    fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
        let text = serde_json::to_string(reply).unwrap_or_default();
        let _ = scope.post_message(&JsValue::from_str(&text));
    }

    /// The worker's side: does every job it is sent.
    pub fn serve() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let done = match serde_json::from_str::<Job>(&text) {
                Ok(job) => run(job, js_sys::Date::now),
                Err(e) => Err(super::Failure::Other(e.to_string())),
            };
            post(&replies, &Reply::Done(done));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        post(&scope, &Reply::Ready);
    }

    /// The page's side: a running key worker, ended when dropped.
    pub struct KeyWorker {
        worker: Worker,
    }

    const LOAD_FAILED: &str = "인증서 처리 모듈(키 작업자)을 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";

    impl KeyWorker {
        /// Starts the worker and waits until it is ready.
        pub async fn start() -> Result<Self, String> {
            let worker = Worker::new(WORKER_URL).map_err(|_| LOAD_FAILED.to_owned())?;
            let this = Self { worker };
            match this.next().await? {
                Reply::Ready => Ok(this),
                other => Err(format!("키 작업자의 응답이 올바르지 않습니다: {other:?}")),
            }
        }

        /// The worker's next message.
        async fn next(&self) -> Result<Reply, String> {
            let worker = self.worker.clone();
            let promise = js_sys::Promise::new(&mut |resolve, reject| {
                worker.set_onmessage(Some(&resolve));
                worker.set_onerror(Some(&reject));
            });
            let value = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map_err(|_| LOAD_FAILED.to_owned())?;
            let text = value
                .unchecked_into::<MessageEvent>()
                .data()
                .as_string()
                .unwrap_or_default();
            serde_json::from_str(&text).map_err(|e| e.to_string())
        }

        /// Does one job.
        pub async fn perform(&self, job: Job) -> Result<Output, PkiError> {
            let text = serde_json::to_string(&job).map_err(|e| PkiError::Invalid(e.to_string()))?;
            self.worker
                .post_message(&JsValue::from_str(&text))
                .map_err(|_| PkiError::Invalid(LOAD_FAILED.to_owned()))?;
            match self.next().await.map_err(PkiError::Invalid)? {
                Reply::Done(done) => done.map_err(PkiError::from),
                Reply::Ready => Err(unexpected()),
            }
        }

        /// A new RSA-2048 key, and the milliseconds the worker spent on it.
        pub async fn generate(&self) -> Result<(PrivateKey, f64), String> {
            match self
                .perform(Job::Generate)
                .await
                .map_err(|e| e.to_string())?
            {
                Output::Key { key, millis } => {
                    Ok((key.open().map_err(|e| e.to_string())?.key, millis))
                }
                _ => Err(unexpected().to_string()),
            }
        }
    }

    /// How many workers search for primes: one per core the browser reports, two to four.
    pub fn parallelism() -> usize {
        let cores = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
            .and_then(|n| js_sys::Reflect::get(&n, &"hardwareConcurrency".into()))
            .ok()
            .and_then(|c| c.as_f64())
            .unwrap_or(2.0);
        (cores as usize).clamp(2, 4)
    }

    thread_local! {
        /// Started key workers with nothing to do, kept for the next key.
        static IDLE: RefCell<Vec<Rc<KeyWorker>>> = const { RefCell::new(Vec::new()) };
    }

    /// A key worker: an idle one, or a new one.
    pub(super) async fn take_worker() -> Result<Rc<KeyWorker>, String> {
        match IDLE.with_borrow_mut(Vec::pop) {
            Some(worker) => Ok(worker),
            None => Ok(Rc::new(KeyWorker::start().await?)),
        }
    }

    /// Keeps `worker` for the next job.
    pub(super) fn give_back(worker: Rc<KeyWorker>) {
        IDLE.with_borrow_mut(|idle| idle.push(worker));
    }

    /// Starts the key workers a key will need, so that making it does not wait for them (the
    /// password step calls this when it opens).
    pub async fn warm_up() {
        while IDLE.with_borrow(Vec::len) < parallelism() {
            match KeyWorker::start().await {
                Ok(worker) => IDLE.with_borrow_mut(|idle| idle.push(Rc::new(worker))),
                // Making the key will say what is wrong.
                Err(_) => return,
            }
        }
    }

    /// What the prime searchers share with the one waiting for them.
    #[derive(Default)]
    struct Search {
        primes: RefCell<Vec<Vec<u8>>>,
        failed: RefCell<Option<String>>,
        /// The workers still searching.
        busy: RefCell<Vec<Rc<KeyWorker>>>,
        wake: RefCell<Option<js_sys::Function>>,
        done: Cell<bool>,
    }

    impl Search {
        fn wake(&self) {
            if let Some(resolve) = self.wake.borrow_mut().take() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    }

    /// A new RSA-2048 key whose primes were searched for by up to four workers at once (the
    /// first two primes found win), and the milliseconds it took (starting workers that were
    /// not already waiting included).
    pub async fn generate_in_parallel() -> Result<(PrivateKey, f64), String> {
        let started = js_sys::Date::now();
        let search = Rc::new(Search::default());
        for _ in 0..parallelism() {
            let search = search.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let worker = match take_worker().await {
                    Ok(worker) => worker,
                    Err(e) => {
                        *search.failed.borrow_mut() = Some(e);
                        return search.wake();
                    }
                };
                search.busy.borrow_mut().push(worker.clone());
                while !search.done.get() {
                    match worker.perform(Job::Prime).await {
                        Ok(Output::Prime(prime)) => search.primes.borrow_mut().push(prime),
                        Ok(_) => *search.failed.borrow_mut() = Some(unexpected().to_string()),
                        Err(e) => *search.failed.borrow_mut() = Some(e.to_string()),
                    }
                    search.wake();
                }
                // Idle again: kept for the next key.
                search.busy.borrow_mut().retain(|w| !Rc::ptr_eq(w, &worker));
                IDLE.with_borrow_mut(|idle| idle.push(worker));
            });
        }
        let key = loop {
            let waiting = js_sys::Promise::new(&mut |resolve, _| {
                *search.wake.borrow_mut() = Some(resolve);
            });
            if search.primes.borrow().len() < 2 && search.failed.borrow().is_none() {
                let _ = wasm_bindgen_futures::JsFuture::from(waiting).await;
            }
            if let Some(e) = search.failed.borrow_mut().take() {
                break Err(e);
            }
            let pair: Vec<Vec<u8>> = {
                let mut primes = search.primes.borrow_mut();
                if primes.len() < 2 {
                    continue;
                }
                primes.drain(..2).collect()
            };
            let prime = |bytes: &[u8]| {
                rsa::BoxedUint::from_be_slice(bytes, crate::pki::keys::PRIME_BITS)
                    .map_err(|e| format!("{e:?}"))
            };
            // Two primes that make no key (equal, or no private exponent) are both dropped,
            // as the rsa crate does; the search goes on.
            if let Ok(key) = crate::pki::keys::from_primes(prime(&pair[0])?, prime(&pair[1])?) {
                break Ok(key);
            }
        };
        search.done.set(true);
        // Workers still searching are stopped (their answers will never come); the next key
        // starts new ones.
        for worker in search.busy.borrow_mut().drain(..) {
            worker.worker.terminate();
        }
        Ok((key?, js_sys::Date::now() - started))
    }

    impl Drop for KeyWorker {
        fn drop(&mut self) {
            self.worker.terminate();
        }
    }
}
