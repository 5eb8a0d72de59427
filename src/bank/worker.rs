//! The bank's Web Worker as the page sees it: the messages both sides exchange and, in the
//! browser, [`BankWorker`], the [`Transport`](super::client::Transport) that reaches it. The
//! worker's side, the mock bank and its serving loop, is [`crate::mock_bank`].
//!
//! Protocol ([`crate::browser::port`]): the worker opens its IndexedDB database and posts
//! [`FromBank::Ready`] (or [`FromBank::Unavailable`]); each [`ToBank`] message is answered by a
//! [`FromBank::Answer`] with the same `id`. Requests are served concurrently; the database's
//! transactions keep them (and other tabs' workers) from overlapping.

use serde::{Deserialize, Serialize};

use super::BankResult;
use super::clock::Millis;

/// The name the bank's worker is started with (the one module also serves as the key worker).
pub const WORKER_NAME: &str = "bank";

/// The `localStorage` key of the records before they moved to IndexedDB (migrated once).
pub const LEGACY_STATE_KEY: &str = "mockbank.state";
/// The `localStorage` key where unreadable records were kept aside before IndexedDB.
pub const LEGACY_UNREADABLE_KEY: &str = "mockbank.state.unreadable";

/// What the page sends.
#[derive(Debug, Serialize, Deserialize)]
pub enum ToBank {
    /// One request: what `MockBank::serve_practising` takes.
    Request {
        /// Pairs the answer with the request.
        id: u32,
        /// The page's practice offset; the worker reads its own clock.
        offset_ms: Millis,
        /// The endpoint's name.
        endpoint: String,
        /// The request, JSON.
        body: String,
    },
    /// The records of the `localStorage` days, moved once (see `MockBank::migrate`).
    Migrate {
        /// Pairs the answer with the request.
        id: u32,
        /// The whole-state JSON, if any.
        state: Option<String>,
        /// Records kept aside then, if any.
        kept: Option<String>,
    },
}

/// What the worker sends.
#[derive(Debug, Serialize, Deserialize)]
pub enum FromBank {
    /// The database is open; requests are welcome.
    Ready,
    /// The database cannot be opened (private mode, storage refused): why.
    Unavailable(String),
    /// The answer to request `id`: the response's JSON, or why the bank refused.
    Answer {
        /// The request's `id`.
        id: u32,
        /// The response (JSON), or the bank's error.
        answer: BankResult<String>,
    },
}

#[cfg(target_arch = "wasm32")]
pub use browser::BankWorker;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::rc::Rc;

    use futures_channel::oneshot;
    use gloo_storage::Storage;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::Worker;

    use super::{FromBank, LEGACY_STATE_KEY, LEGACY_UNREADABLE_KEY, ToBank, WORKER_NAME};
    use crate::bank::client::{Pending, Transport};
    use crate::bank::clock::Millis;
    use crate::bank::{BankError, BankResult};
    use crate::browser::port::{listen, post};

    const LOAD_FAILED: &str =
        "모의은행 서버(작업자)를 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";

    const WORKER_FAILED: &str =
        "모의은행 서버(작업자)에 오류가 생겼습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";

    fn failed(detail: &str) -> BankError {
        BankError::Internal {
            detail: detail.to_owned(),
        }
    }

    /// Where the worker is on its way to serving.
    enum Readiness {
        /// Not started: the page's first screen does not wait for the worker's module.
        NotStarted,
        /// Started; these requests wait until it is ready.
        Starting(Vec<oneshot::Sender<Result<(), String>>>),
        /// Ready, the old records moved.
        Ready,
        /// It cannot serve: why.
        Failed(String),
    }

    /// The page's side: the running bank worker, shared by clones.
    #[derive(Clone)]
    pub struct BankWorker(Rc<Inner>);

    struct Inner {
        readiness: RefCell<Readiness>,
        worker: RefCell<Option<Worker>>,
        next_id: Cell<u32>,
        /// Who waits for which answer.
        waiting: RefCell<HashMap<u32, oneshot::Sender<BankResult<String>>>>,
    }

    impl Default for BankWorker {
        fn default() -> Self {
            Self::new()
        }
    }

    impl BankWorker {
        /// The bank's worker, not started yet. The first request starts it, or
        /// [`Self::start_early`].
        pub fn new() -> Self {
            Self(Rc::new(Inner {
                readiness: RefCell::new(Readiness::NotStarted),
                worker: RefCell::new(None),
                next_id: Cell::new(0),
                waiting: RefCell::default(),
            }))
        }

        /// Starts the worker now if it is not running, so that the first request does not
        /// wait for its module (called on the learner's first touch of the page).
        pub fn start_early(&self) {
            let mut readiness = self.0.readiness.borrow_mut();
            if matches!(*readiness, Readiness::NotStarted) {
                *readiness = Readiness::Starting(Vec::new());
                drop(readiness);
                self.launch();
            }
        }

        /// Starts the worker. Requests wait until it is ready; the `localStorage` records of
        /// earlier versions are handed to it first, and removed once it has kept them.
        fn launch(&self) {
            let options = web_sys::WorkerOptions::new();
            options.set_name(WORKER_NAME);
            let Ok(worker) = Worker::new_with_options(crate::worker::WORKER_URL, &options) else {
                return self.settle(Err(LOAD_FAILED.to_owned()));
            };
            *self.0.worker.borrow_mut() = Some(worker.clone());
            let inner = Rc::downgrade(&self.0);
            // The handlers live as long as the page.
            listen(&worker, move |message: Option<FromBank>| {
                // Without an id, an answer that does not read cannot be matched to its request.
                let (Some(this), Some(message)) = (inner.upgrade().map(BankWorker), message) else {
                    return;
                };
                match message {
                    FromBank::Ready => wasm_bindgen_futures::spawn_local(async move {
                        this.migrate().await;
                        this.settle(Ok(()));
                    }),
                    FromBank::Unavailable(why) => this.settle(Err(why)),
                    FromBank::Answer { id, answer } => {
                        if let Some(waiter) = this.0.waiting.borrow_mut().remove(&id) {
                            let _ = waiter.send(answer);
                        }
                    }
                }
            })
            .forget();
            // A worker that fails (its script missing, a panic) answers everyone waiting with
            // an error instead of leaving them waiting.
            let inner = Rc::downgrade(&self.0);
            let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                if let Some(this) = inner.upgrade().map(BankWorker) {
                    this.settle(Err(WORKER_FAILED.to_owned()));
                    // Dropped senders answer with WORKER_FAILED.
                    this.0.waiting.borrow_mut().clear();
                }
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
            stop_with_the_page(&worker);
        }

        /// The worker is ready, or cannot serve: tells everyone waiting. Only a starting
        /// worker becomes ready (a failure while the old records were moved stays a failure);
        /// any worker can fail.
        fn settle(&self, result: Result<(), String>) {
            let after = match &result {
                Ok(()) if !matches!(*self.0.readiness.borrow(), Readiness::Starting(_)) => return,
                Ok(()) => Readiness::Ready,
                Err(why) => Readiness::Failed(why.clone()),
            };
            let before = self.0.readiness.replace(after);
            if let Readiness::Starting(waiting) = before {
                for waiter in waiting {
                    let _ = waiter.send(result.clone());
                }
            }
        }

        /// Waits until the worker serves (starting it if needed), or says why it cannot.
        async fn ready(&self) -> Result<(), String> {
            self.start_early();
            let waiter = match &mut *self.0.readiness.borrow_mut() {
                Readiness::Ready => return Ok(()),
                Readiness::Failed(why) => return Err(why.clone()),
                Readiness::NotStarted => return Err(LOAD_FAILED.to_owned()),
                Readiness::Starting(waiting) => {
                    let (sender, receiver) = oneshot::channel();
                    waiting.push(sender);
                    receiver
                }
            };
            waiter.await.unwrap_or_else(|_| Err(LOAD_FAILED.to_owned()))
        }

        /// Hands the records of the `localStorage` days to the worker; removes them from
        /// `localStorage` once it has kept them (kept where they are otherwise).
        async fn migrate(&self) {
            let raw = gloo_storage::LocalStorage::raw();
            let state = raw.get_item(LEGACY_STATE_KEY).ok().flatten();
            let kept = raw.get_item(LEGACY_UNREADABLE_KEY).ok().flatten();
            if state.is_none() && kept.is_none() {
                return;
            }
            if self
                .exchange(|id| ToBank::Migrate { id, state, kept })
                .await
                .is_ok()
            {
                gloo_storage::LocalStorage::delete(LEGACY_STATE_KEY);
                gloo_storage::LocalStorage::delete(LEGACY_UNREADABLE_KEY);
            }
        }

        /// Posts the message made for a new id and waits for its answer.
        async fn exchange(&self, message: impl FnOnce(u32) -> ToBank) -> BankResult<String> {
            let worker = self
                .0
                .worker
                .borrow()
                .clone()
                .ok_or_else(|| failed(LOAD_FAILED))?;
            let id = self.0.next_id.get();
            self.0.next_id.set(id.wrapping_add(1));
            let (sender, answer) = oneshot::channel();
            self.0.waiting.borrow_mut().insert(id, sender);
            if !post(&worker, &message(id)) {
                self.0.waiting.borrow_mut().remove(&id);
                return Err(failed(LOAD_FAILED));
            }
            answer.await.unwrap_or_else(|_| Err(failed(WORKER_FAILED)))
        }
    }

    /// Ends the worker when the page is left. A page kept in the back-forward cache would
    /// otherwise keep a frozen worker, and with it the database, from the next page's worker
    /// (an open or a schema upgrade waits for every other connection); coming back to such a
    /// page reloads it, with a worker of its own.
    fn stop_with_the_page(worker: &Worker) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let leaving = worker.clone();
        let on_hide = Closure::<dyn FnMut()>::new(move || leaving.terminate());
        let on_show = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            let restored = js_sys::Reflect::get(&event, &"persisted".into())
                .is_ok_and(|persisted| persisted.is_truthy());
            if restored && let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        let _ =
            window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref());
        on_hide.forget();
        on_show.forget();
    }

    impl Transport for BankWorker {
        fn send(&self, endpoint: &'static str, body: String, offset_ms: Millis) -> Pending {
            let this = self.clone();
            Box::pin(async move {
                this.ready().await.map_err(|why| failed(&why))?;
                this.exchange(|id| ToBank::Request {
                    id,
                    offset_ms,
                    endpoint: endpoint.to_owned(),
                    body,
                })
                .await
            })
        }
    }
}
