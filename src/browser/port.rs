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
