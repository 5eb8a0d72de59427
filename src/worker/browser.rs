//! The key workers in the browser: the worker's side (`serve`), a handle that sends jobs
//! (`KeyWorker`), the pool, and RSA key generation with the two primes searched in parallel.

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

const LOAD_FAILED: &str =
    "인증서 처리 모듈(키 작업자)을 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";

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
                Ok((key.open().map_err(|e| e.to_string())?.key.clone(), millis))
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
