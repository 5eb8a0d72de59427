//! The page's handle on a key worker ([`KeyWorker`]), and the idle ones kept for the next job.

use std::cell::RefCell;
use std::rc::Rc;

use futures_channel::oneshot;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::{Failure, Job, Output, Reply, WORKER_URL};
use crate::browser::port::{listen, post};

const LOAD_FAILED: &str =
    "인증서 처리 모듈(키 작업자)을 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";

/// Who waits for the worker's next message (it does one job at a time).
type Next = Rc<RefCell<Option<oneshot::Sender<Option<Reply>>>>>;

/// A running key worker, ended when dropped.
pub struct KeyWorker {
    worker: Worker,
    next: Next,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl KeyWorker {
    /// Starts the worker and waits until it is ready.
    pub async fn start() -> Result<Self, String> {
        let worker = Worker::new(WORKER_URL).map_err(|_| LOAD_FAILED.to_owned())?;
        let next: Next = Rc::default();
        let waiting = next.clone();
        let on_message = listen(&worker, move |reply: Option<Reply>| {
            if let Some(waiter) = waiting.borrow_mut().take() {
                let _ = waiter.send(reply);
            }
        });
        // A worker that fails (its script missing, a panic) ends the wait with an error.
        let waiting = next.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            waiting.borrow_mut().take();
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let this = Self {
            worker,
            next,
            _on_message: on_message,
            _on_error: on_error,
        };
        match this.reply(None).await {
            Some(Reply::Ready) => Ok(this),
            _ => Err(LOAD_FAILED.to_owned()),
        }
    }

    /// Posts `job`, if any, and waits for the worker's next message.
    async fn reply(&self, job: Option<&Job>) -> Option<Reply> {
        let (sender, reply) = oneshot::channel();
        *self.next.borrow_mut() = Some(sender);
        if job.is_some_and(|job| !post(&self.worker, job)) {
            return None;
        }
        reply.await.ok().flatten()
    }

    /// Does one job.
    pub async fn perform(&self, job: Job) -> Result<Output, Failure> {
        match self.reply(Some(&job)).await {
            Some(Reply::Done(done)) => done,
            _ => Err(Failure::Other(LOAD_FAILED.to_owned())),
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
