//! The bank in a Web Worker of its own: the `worker` binary named [`WORKER_NAME`] runs `serve`;
//! the page talks to it through [`BankWorker`], a [`Transport`](super::client::Transport).
//!
//! Protocol (JSON text both ways): the worker opens its IndexedDB database and posts
//! [`FromBank::Ready`] (or [`FromBank::Unavailable`]); each [`ToBank`] message is answered by a
//! [`FromBank::Answer`] with the same `id`. Requests are served concurrently; the database's
//! transactions keep them (and other tabs' workers) from overlapping.

use serde::{Deserialize, Serialize};

use super::clock::Millis;

/// The name the bank's worker is started with (the one module also serves as the key worker).
pub const WORKER_NAME: &str = "bank";

/// What the page sends.
#[derive(Debug, Serialize, Deserialize)]
pub enum ToBank {
    /// One request: what
    /// [`MockBank::serve_practising`](super::MockBank::serve_practising) takes.
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
    /// The records of the `localStorage` days, moved once (see
    /// [`MockBank::migrate`](super::MockBank::migrate)).
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
    /// The answer to request `id`: the JSON answer, or the JSON of a
    /// [`BankError`](super::BankError).
    Answer {
        /// The request's `id`.
        id: u32,
        /// JSON answer or JSON error.
        answer: Result<String, String>,
    },
}

#[cfg(target_arch = "wasm32")]
pub use browser::{BankWorker, serve};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::rc::Rc;

    use gloo_storage::Storage;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

    use super::{FromBank, ToBank, WORKER_NAME};
    use crate::bank::client::{Pending, Transport};
    use crate::bank::clock::{Clock, Millis};
    use crate::bank::mock::store::DB_NAME;
    use crate::bank::mock::{BankStore, LEGACY_STATE_KEY, LEGACY_UNREADABLE_KEY, MockBank};
    use crate::bank::{BankError, BankResult};

    fn post(scope: &DedicatedWorkerGlobalScope, message: &FromBank) {
        let text = serde_json::to_string(message).unwrap_or_default();
        let _ = scope.post_message(&JsValue::from_str(&text));
    }

    /// The worker's side: opens the database and answers every message.
    pub fn serve() {
        wasm_bindgen_futures::spawn_local(async {
            let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
            let store = match BankStore::open(DB_NAME).await {
                Ok(store) => store,
                Err(e) => return post(&scope, &FromBank::Unavailable(e.to_string())),
            };
            // The worker's own clock; a page sends only its practice offset.
            let bank = MockBank::new(store, Clock::Browser { offset_ms: 0 });
            let replies = scope.clone();
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let text = event.data().as_string().unwrap_or_default();
                let bank = bank.clone();
                let replies = replies.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let (id, answer) = match serde_json::from_str::<ToBank>(&text) {
                        Ok(ToBank::Request {
                            id,
                            offset_ms,
                            endpoint,
                            body,
                        }) => (id, bank.serve_practising(offset_ms, &endpoint, &body).await),
                        Ok(ToBank::Migrate { id, state, kept }) => {
                            let done = bank.migrate(state.as_deref(), kept.as_deref()).await;
                            (id, encode(done))
                        }
                        // Not a message of ours: nobody waits for an answer.
                        Err(_) => return,
                    };
                    post(&replies, &FromBank::Answer { id, answer });
                });
            });
            scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // The handler lives as long as the worker.
            on_message.forget();
            post(&scope, &FromBank::Ready);
        });
    }

    fn encode(done: BankResult<()>) -> Result<String, String> {
        done.map(|()| "null".to_owned())
            .map_err(|e| serde_json::to_string(&e).unwrap_or_default())
    }

    const LOAD_FAILED: &str =
        "모의은행 서버(작업자)를 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";

    const WORKER_FAILED: &str =
        "모의은행 서버(작업자)에 오류가 생겼습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";

    /// The page's side: the running bank worker, shared by clones.
    #[derive(Clone)]
    pub struct BankWorker(Rc<Inner>);

    struct Inner {
        /// Whether the worker was started (it is started by the first request, or by
        /// [`BankWorker::start_early`]).
        started: Cell<bool>,
        worker: RefCell<Option<Worker>>,
        next_id: Cell<u32>,
        /// Who waits for which answer.
        waiting: RefCell<HashMap<u32, js_sys::Function>>,
        /// Resolves to `true` once the worker is ready and the old records are moved, or to
        /// why it cannot serve.
        ready: RefCell<Option<js_sys::Promise>>,
    }

    impl Default for BankWorker {
        fn default() -> Self {
            Self::new()
        }
    }

    impl BankWorker {
        /// The bank's worker, not started yet: the page's first screen does not wait for its
        /// module. The first request starts it, or [`Self::start_early`].
        pub fn new() -> Self {
            Self(Rc::new(Inner {
                started: Cell::new(false),
                worker: RefCell::new(None),
                next_id: Cell::new(0),
                waiting: RefCell::default(),
                ready: RefCell::new(None),
            }))
        }

        /// Starts the worker now if it is not running, so that the first request does not
        /// wait for its module (called on the learner's first touch of the page).
        pub fn start_early(&self) {
            if !self.0.started.replace(true) {
                self.launch();
            }
        }

        /// Starts the worker. Requests wait until it is ready; the `localStorage` records of
        /// earlier versions are handed to it first, and removed once it has kept them.
        fn launch(&self) {
            let options = web_sys::WorkerOptions::new();
            options.set_name(WORKER_NAME);
            let Ok(worker) = Worker::new_with_options(crate::worker::WORKER_URL, &options) else {
                *self.0.ready.borrow_mut() =
                    Some(js_sys::Promise::resolve(&JsValue::from_str(LOAD_FAILED)));
                return;
            };
            *self.0.worker.borrow_mut() = Some(worker.clone());
            let worker = &worker;
            let started = Rc::new(RefCell::new(None::<js_sys::Function>));
            let loaded = js_sys::Promise::new(&mut |resolve, _| {
                *started.borrow_mut() = Some(resolve);
            });
            let inner = Rc::downgrade(&self.0);
            let not_started = started.clone();
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let text = event.data().as_string().unwrap_or_default();
                let settle = |value: &JsValue| {
                    if let Some(resolve) = started.borrow_mut().take() {
                        let _ = resolve.call1(&JsValue::NULL, value);
                    }
                };
                match serde_json::from_str::<FromBank>(&text) {
                    Ok(FromBank::Ready) => settle(&JsValue::TRUE),
                    Ok(FromBank::Unavailable(why)) => settle(&JsValue::from_str(&why)),
                    Ok(FromBank::Answer { id, answer }) => {
                        let waiter = inner
                            .upgrade()
                            .and_then(|i| i.waiting.borrow_mut().remove(&id));
                        if let Some(resolve) = waiter {
                            let text = serde_json::to_string(&answer).unwrap_or_default();
                            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
                        }
                    }
                    Err(_) => {}
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // The handler lives as long as the page.
            on_message.forget();
            // A worker that fails (its script missing, a panic) answers everyone waiting with
            // an error instead of leaving them waiting.
            let inner = Rc::downgrade(&self.0);
            let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                let failure = Err::<String, String>(
                    serde_json::to_string(&BankError::Internal {
                        detail: WORKER_FAILED.to_owned(),
                    })
                    .unwrap_or_default(),
                );
                let text = serde_json::to_string(&failure).unwrap_or_default();
                if let Some(resolve) = not_started.borrow_mut().take() {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(WORKER_FAILED));
                }
                if let Some(inner) = inner.upgrade() {
                    for (_, resolve) in inner.waiting.borrow_mut().drain() {
                        let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
                    }
                }
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
            stop_with_the_page(worker);
            let that = self.clone();
            let ready = wasm_bindgen_futures::future_to_promise(async move {
                let state = wasm_bindgen_futures::JsFuture::from(loaded).await?;
                if state == JsValue::TRUE {
                    that.migrate().await;
                }
                Ok(state)
            });
            *self.0.ready.borrow_mut() = Some(ready);
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
            let id = self.take_id();
            if self
                .exchange(id, &ToBank::Migrate { id, state, kept })
                .await
                .is_ok()
            {
                gloo_storage::LocalStorage::delete(LEGACY_STATE_KEY);
                gloo_storage::LocalStorage::delete(LEGACY_UNREADABLE_KEY);
            }
        }

        fn take_id(&self) -> u32 {
            let id = self.0.next_id.get();
            self.0.next_id.set(id.wrapping_add(1));
            id
        }

        /// Posts `message` and waits for the answer to `id`.
        async fn exchange(&self, id: u32, message: &ToBank) -> Result<String, String> {
            let internal = |detail: &str| {
                serde_json::to_string(&BankError::Internal {
                    detail: detail.to_owned(),
                })
                .unwrap_or_default()
            };
            let worker = self
                .0
                .worker
                .borrow()
                .clone()
                .ok_or_else(|| internal(LOAD_FAILED))?;
            let answer = js_sys::Promise::new(&mut |resolve, _| {
                self.0.waiting.borrow_mut().insert(id, resolve);
            });
            let text = serde_json::to_string(message).map_err(|e| internal(&e.to_string()))?;
            worker
                .post_message(&JsValue::from_str(&text))
                .map_err(|_| internal(LOAD_FAILED))?;
            let value = wasm_bindgen_futures::JsFuture::from(answer)
                .await
                .map_err(|_| internal(LOAD_FAILED))?;
            serde_json::from_str::<Result<String, String>>(&value.as_string().unwrap_or_default())
                .map_err(|e| internal(&e.to_string()))?
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
                this.start_early();
                let ready = this.0.ready.borrow().clone();
                if let Some(ready) = ready {
                    let state = wasm_bindgen_futures::JsFuture::from(ready)
                        .await
                        .unwrap_or(JsValue::NULL);
                    if state != JsValue::TRUE {
                        let why = state.as_string().unwrap_or_else(|| LOAD_FAILED.to_owned());
                        return Err(serde_json::to_string(&BankError::Internal { detail: why })
                            .unwrap_or_default());
                    }
                }
                let id = this.take_id();
                let endpoint = endpoint.to_owned();
                this.exchange(
                    id,
                    &ToBank::Request {
                        id,
                        offset_ms,
                        endpoint,
                        body,
                    },
                )
                .await
            })
        }
    }
}
