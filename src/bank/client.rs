//! The page's side of the bank: a client that serialises each request, sends it through a
//! [`Transport`] (in the app, the bank's Web Worker) and decodes the answer. The page never
//! links the bank itself.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::api::{BankApi, BankError, BankResult, Endpoint, Wire};
use super::clock::{Clock, Millis};

/// An answer on its way: the response's JSON, or why the bank refused.
pub type Pending = Pin<Box<dyn Future<Output = BankResult<String>>>>;

/// How requests reach the bank: endpoint name, JSON body and the page's practice offset in,
/// JSON out. The bank reads its own clock.
pub trait Transport {
    /// Sends one request.
    fn send(&self, endpoint: &'static str, body: String, offset_ms: Millis) -> Pending;
}

/// The bank as the pages see it.
#[derive(Clone)]
pub struct BankClient {
    transport: Rc<dyn Transport>,
    clock: Clock,
    latency_ms: u32,
}

impl BankClient {
    /// A client sending through `transport`, the bank's time read from `clock`.
    pub fn new(transport: Rc<dyn Transport>, clock: Clock) -> Self {
        Self {
            transport,
            clock,
            latency_ms: 0,
        }
    }

    /// Makes every answer wait `ms` milliseconds more, like a network round trip.
    pub fn with_latency(mut self, ms: u32) -> Self {
        self.latency_ms = ms;
        self
    }

    /// The same bank answering without the simulated latency (for measurements).
    pub fn without_latency(&self) -> Self {
        Self {
            latency_ms: 0,
            ..self.clone()
        }
    }

    /// The bank's clock: the browser's, unless the practice clock is shifted.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }
}

impl BankClient {
    /// Sends one encoded request after the simulated latency, at the page's practice offset.
    /// Not generic: each endpoint's call keeps only its encoding and decoding.
    fn send(&self, endpoint: &'static str, body: String) -> Pending {
        let transport = self.transport.clone();
        let offset = self.clock.practice_offset().unwrap_or(0);
        #[cfg(target_arch = "wasm32")]
        let latency_ms = self.latency_ms;
        Box::pin(async move {
            #[cfg(target_arch = "wasm32")]
            if latency_ms > 0 {
                gloo_timers::future::sleep(std::time::Duration::from_millis(latency_ms.into()))
                    .await;
            }
            transport.send(endpoint, body, offset).await
        })
    }
}

impl BankClient {
    /// Sends any request on the wire: the bank's ([`BankApi`]) or, through the same transport,
    /// the cloud's ([`crate::cloud::CloudApi`]), which the worker routes to the cloud.
    pub fn call_wire<E: Wire>(&self, request: E) -> impl Future<Output = BankResult<E::Response>> {
        call_through(request, |endpoint, body| self.send(endpoint, body))
    }
}

impl BankApi for BankClient {
    fn call<E: Endpoint>(&self, request: E) -> impl Future<Output = BankResult<E::Response>> {
        self.call_wire(request)
    }
}

/// Encodes `request`, has `send` deliver it, and decodes the answer: the one place the bank's
/// requests are encoded and its answers decoded.
pub async fn call_through<E: Wire>(
    request: E,
    send: impl FnOnce(&'static str, String) -> Pending,
) -> BankResult<E::Response> {
    let body = serde_json::to_string(&request).map_err(bad_request)?;
    let answer = send(E::NAME, body).await?;
    serde_json::from_str(&answer).map_err(bad_request)
}

fn bad_request(e: serde_json::Error) -> BankError {
    BankError::BadRequest {
        detail: e.to_string(),
    }
}
