//! The page's side of the bank: a client that serialises each request, sends it through a
//! [`Transport`] (in the app, the bank's Web Worker) and decodes the answer. The page never
//! links the bank itself.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::api::{BankApi, BankError, BankResult, Endpoint};
use super::clock::{Clock, Millis};

/// An answer on its way: the JSON answer, or the JSON of a [`BankError`].
pub type Pending = Pin<Box<dyn Future<Output = Result<String, String>>>>;

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

impl BankApi for BankClient {
    async fn call<E: Endpoint>(&self, request: E) -> BankResult<E::Response> {
        let body = serde_json::to_string(&request).map_err(bad_request)?;
        #[cfg(target_arch = "wasm32")]
        if self.latency_ms > 0 {
            gloo_timers::future::sleep(std::time::Duration::from_millis(self.latency_ms.into()))
                .await;
        }
        let offset = self.clock.practice_offset().unwrap_or(0);
        match self.transport.send(E::NAME, body, offset).await {
            Ok(answer) => serde_json::from_str(&answer).map_err(bad_request),
            Err(error) => Err(serde_json::from_str(&error).map_err(bad_request)?),
        }
    }
}

fn bad_request(e: serde_json::Error) -> BankError {
    BankError::BadRequest {
        detail: e.to_string(),
    }
}

/// The bank in the same thread, for tests of pages (the app uses the worker).
impl Transport for super::MockBank {
    fn send(&self, endpoint: &'static str, body: String, offset_ms: Millis) -> Pending {
        let bank = self.clone();
        Box::pin(async move { bank.serve_practising(offset_ms, endpoint, &body).await })
    }
}

impl BankClient {
    /// A client of a bank running in this thread, on the bank's clock (tests of pages).
    pub fn in_thread(bank: super::MockBank) -> Self {
        let clock = bank.clock().clone();
        Self::new(Rc::new(bank), clock)
    }
}
