//! RSA key generation off the main thread. The `keygen-worker` binary runs [`serve`] inside a
//! Web Worker (Trunk builds it beside the app as `keygen-worker_loader.js`); the page drives it
//! through [`KeygenWorker`], so typing, the countdown and the progress text keep running while
//! the primes are searched.
//!
//! Protocol: the worker posts [`Reply::Ready`] once loaded; each `generate` message is answered
//! with [`Reply::Key`] (PKCS#1 DER, base64, and the milliseconds the generation took inside the
//! worker) or [`Reply::Failed`].

use serde::{Deserialize, Serialize};

/// Where Trunk puts the worker's loader.
pub const WORKER_URL: &str = "/keygen-worker_loader.js";

/// What the worker says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// Loaded and listening.
    Ready,
    /// A fresh RSA-2048 key.
    Key {
        /// PKCS#1 RSAPrivateKey DER, base64.
        pkcs1: String,
        /// Time spent generating, in milliseconds.
        millis: f64,
    },
    /// Generation failed.
    Failed(String),
}

/// Makes one key and says how it went.
pub fn generate_reply(now: impl Fn() -> f64) -> Reply {
    use rsa::pkcs1::EncodeRsaPrivateKey;
    let started = now();
    match crate::pki::keys::generate().and_then(|key| {
        key.to_pkcs1_der()
            .map_err(|e| crate::pki::PkiError::Invalid(e.to_string()))
    }) {
        Ok(der) => Reply::Key {
            pkcs1: data_encoding::BASE64.encode(der.as_bytes()),
            millis: now() - started,
        },
        Err(e) => Reply::Failed(e.to_string()),
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{KeygenWorker, serve};

/// A new RSA-2048 key: in the browser from a worker, natively (tests) right here.
pub async fn generate_key() -> Result<rsa::PrivateKey, String> {
    #[cfg(target_arch = "wasm32")]
    {
        Ok(KeygenWorker::start().await?.generate().await?.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::pki::keys::generate().map_err(|e| e.to_string())
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use rsa::PrivateKey;
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

    use super::{Reply, WORKER_URL, generate_reply};

    fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
        let text = serde_json::to_string(reply).unwrap_or_default();
        let _ = scope.post_message(&JsValue::from_str(&text));
    }

    /// The worker's side: answers every message with a new key.
    pub fn serve() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| {
            post(&replies, &generate_reply(js_sys::Date::now));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        post(&scope, &Reply::Ready);
    }

    /// The page's side: a running key-generation worker, ended when dropped.
    pub struct KeygenWorker {
        worker: Worker,
    }

    const LOAD_FAILED: &str = "인증서 발급 모듈(키 생성 작업자)을 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";

    impl KeygenWorker {
        /// Starts the worker and waits until it is ready.
        pub async fn start() -> Result<Self, String> {
            let worker = Worker::new(WORKER_URL).map_err(|_| LOAD_FAILED.to_owned())?;
            let this = Self { worker };
            match this.next().await? {
                Reply::Ready => Ok(this),
                other => Err(format!(
                    "키 생성 작업자의 응답이 올바르지 않습니다: {other:?}"
                )),
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

        /// A new RSA-2048 key, and the milliseconds the worker spent on it.
        pub async fn generate(&self) -> Result<(PrivateKey, f64), String> {
            self.worker
                .post_message(&JsValue::from_str("generate"))
                .map_err(|_| LOAD_FAILED.to_owned())?;
            match self.next().await? {
                Reply::Key { pkcs1, millis } => {
                    let der = data_encoding::BASE64
                        .decode(pkcs1.as_bytes())
                        .map_err(|e| e.to_string())?;
                    let key = PrivateKey::from_pkcs1_der(&der).map_err(|e| e.to_string())?;
                    Ok((key, millis))
                }
                Reply::Failed(detail) => Err(format!("키 생성에 실패했습니다: {detail}")),
                Reply::Ready => Err("키 생성 작업자의 응답이 올바르지 않습니다.".to_owned()),
            }
        }
    }

    impl Drop for KeygenWorker {
        fn drop(&mut self) {
            self.worker.terminate();
        }
    }
}
