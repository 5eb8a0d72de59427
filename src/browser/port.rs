//! How the page and its workers talk: one message is one postcard value, the same Rust type on
//! both sides, read once where it arrives.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// Either end of a worker's channel: the page's [`Worker`], or the worker's own scope.
pub trait Port {
    /// Posts one message's bytes.
    fn post_bytes(&self, bytes: &js_sys::Uint8Array) -> Result<(), JsValue>;
    /// Sets the handler of the messages that arrive.
    fn on_message(&self, handler: Option<&js_sys::Function>);
}

impl Port for Worker {
    fn post_bytes(&self, bytes: &js_sys::Uint8Array) -> Result<(), JsValue> {
        self.post_message(bytes)
    }
    fn on_message(&self, handler: Option<&js_sys::Function>) {
        self.set_onmessage(handler);
    }
}

impl Port for DedicatedWorkerGlobalScope {
    fn post_bytes(&self, bytes: &js_sys::Uint8Array) -> Result<(), JsValue> {
        self.post_message(bytes)
    }
    fn on_message(&self, handler: Option<&js_sys::Function>) {
        self.set_onmessage(handler);
    }
}

/// Posts `message`; `false` when it could not be sent.
pub fn post<T: Serialize>(port: &impl Port, message: &T) -> bool {
    postcard::to_allocvec(message).is_ok_and(|bytes| {
        port.post_bytes(&js_sys::Uint8Array::from(&bytes[..]))
            .is_ok()
    })
}

/// Calls `handler` with every message that arrives at `port`: the `T` it reads as, or `None`
/// for one that does not (a page and a worker module of different versions). The handler lives
/// as long as the returned closure.
#[must_use = "the handler stops when the closure is dropped"]
pub fn listen<T: DeserializeOwned + 'static>(
    port: &impl Port,
    mut handler: impl FnMut(Option<T>) + 'static,
) -> Closure<dyn FnMut(MessageEvent)> {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = event
            .data()
            .dyn_ref::<js_sys::Uint8Array>()
            .map(js_sys::Uint8Array::to_vec)
            .unwrap_or_default();
        handler(postcard::from_bytes(&bytes).ok());
    });
    port.on_message(Some(on_message.as_ref().unchecked_ref()));
    on_message
}

/// The worker's side of the channel: its own scope.
pub fn worker_scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// The worker's loop: answers every message that arrives with what `answer` makes of it (none
/// for a message it cannot answer), each in its own task, then tells the page it is `ready`.
/// The handler lives as long as the worker.
pub fn answer_each<T, R, F>(ready: &R, answer: impl Fn(Option<T>) -> F + 'static)
where
    T: DeserializeOwned + 'static,
    R: Serialize + 'static,
    F: Future<Output = Option<R>> + 'static,
{
    let scope = worker_scope();
    let replies = scope.clone();
    listen(&scope, move |message: Option<T>| {
        let work = answer(message);
        let replies = replies.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(reply) = work.await {
                post(&replies, &reply);
            }
        });
    })
    .forget();
    post(&scope, ready);
}
