//! The practice servers together: the bank ([`crate::mock_bank`]) and 금융결제원's cloud
//! ([`crate::mock_cloud`]), each with records of its own, served side by side. In the browser the
//! bank's Web Worker serves them ([`worker`]); in tests, the page's own thread
//! ([`MockBank::in_thread`]). Neither server knows of the other: only this module knows both.

use std::rc::Rc;

use crate::bank::BankClient;
use crate::bank::api::BankResult;
use crate::bank::client::{Pending, Transport};
use crate::bank::clock::Millis;
use crate::cloud::api::PREFIX;
use crate::mock_bank::MockBank;
use crate::mock_cloud::MockCloud;

#[cfg(target_arch = "wasm32")]
pub mod worker;

/// The bank and the cloud, served side by side: the requests whose endpoint begins with
/// [`PREFIX`] go to the cloud, every other to the bank.
#[derive(Clone, Debug)]
pub struct Servers {
    /// The bank.
    pub bank: MockBank,
    /// The cloud.
    pub cloud: MockCloud,
}

impl Servers {
    /// Serves one request as a server would, at the page's practice offset (the bank's rules).
    pub async fn serve(&self, offset_ms: Millis, endpoint: &str, body: &str) -> BankResult<String> {
        if endpoint.starts_with(PREFIX) {
            self.cloud.serve(endpoint, body).await
        } else {
            self.bank.serve_practising(offset_ms, endpoint, body).await
        }
    }
}

impl Transport for Servers {
    fn send(&self, endpoint: &'static str, body: String, offset_ms: Millis) -> Pending {
        let servers = self.clone();
        Box::pin(async move { servers.serve(offset_ms, endpoint, &body).await })
    }
}

impl MockBank {
    /// A client of this bank, and of a cloud in memory on its clock, in this thread (tests of
    /// pages).
    pub fn in_thread(self) -> BankClient {
        let clock = self.clock().clone();
        let cloud = MockCloud::in_memory(clock.clone());
        let servers = Servers { bank: self, cloud };
        BankClient::new(Rc::new(servers), clock)
    }
}
