//! The key workers in the browser: the worker's side (`serve`), a handle that sends jobs
//! (`KeyWorker`), and the idle ones kept for the next job.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

use super::{Failure, Job, Output, Reply, WORKER_URL, run};

/// Messages travel as postcard bytes: the same Rust types on both sides, and far less code
/// on the page than JSON.
fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    let bytes = postcard::to_allocvec(reply).unwrap_or_default();
    let _ = scope.post_message(&js_sys::Uint8Array::from(&bytes[..]));
}

fn bytes_of(value: &JsValue) -> Vec<u8> {
    value
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
        .unwrap_or_default()
}

/// The worker's side: does every job it is sent.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = bytes_of(&event.data());
        let replies = replies.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let done = match postcard::from_bytes::<Job>(&bytes) {
                Ok(job) => run(job, js_sys::Date::now).await,
                Err(e) => Err(super::Failure::Other(e.to_string())),
            };
            post(&replies, &Reply::Done(done));
        });
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
            Reply::Done(_) => Err(LOAD_FAILED.to_owned()),
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
        let bytes = bytes_of(&value.unchecked_into::<MessageEvent>().data());
        postcard::from_bytes(&bytes).map_err(|_| LOAD_FAILED.to_owned())
    }

    /// Does one job.
    pub async fn perform(&self, job: Job) -> Result<Output, Failure> {
        let bytes = postcard::to_allocvec(&job).map_err(|e| Failure::Other(e.to_string()))?;
        self.worker
            .post_message(&js_sys::Uint8Array::from(&bytes[..]))
            .map_err(|_| Failure::Other(LOAD_FAILED.to_owned()))?;
        match self.next().await.map_err(Failure::Other)? {
            Reply::Done(done) => done,
            Reply::Ready => Err(Failure::Other(LOAD_FAILED.to_owned())),
        }
    }
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

/// Starts a key worker, so that the first job does not wait for it (the password step calls
/// this when it opens).
pub async fn warm_up() {
    if IDLE.with_borrow(Vec::is_empty)
        && let Ok(worker) = KeyWorker::start().await
    {
        // Otherwise the job itself will say what is wrong.
        IDLE.with_borrow_mut(|idle| idle.push(Rc::new(worker)));
    }
}

impl Drop for KeyWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
