//! The bank the pages talk to: a `Copy` handle, so closures take it without cloning, that can
//! only send requests. Whatever the request, an answer that the session has ended logs the tab
//! out, on every page alike; [`Bank::for_customer`] adds the logged-in customer's token.

use leptos::prelude::*;

use super::Auth;
use crate::bank::api::{Endpoint, SessionToken};
use crate::bank::{BankApi, BankClient, BankError, BankResult};

/// The bank, as the pages see it.
#[derive(Clone, Copy)]
pub struct Bank {
    // The client holds browser handles that are not `Send`, so it lives in local storage of
    // the reactive arena and the handle is `Copy`.
    client: StoredValue<BankClient, LocalStorage>,
    auth: Auth,
}

impl Bank {
    /// Calls `request(token)` for the logged-in customer.
    pub async fn for_customer<E: Endpoint>(
        &self,
        request: impl FnOnce(SessionToken) -> E,
    ) -> BankResult<E::Response> {
        self.call(request(self.token()?)).await
    }

    /// The logged-in customer's token. Without one the session has ended: the tab forgets it,
    /// and the routes return the customer to the login, which says why.
    pub fn token(&self) -> BankResult<SessionToken> {
        self.auth.token().ok_or_else(|| {
            self.auth.expire();
            BankError::SessionExpired
        })
    }

    /// The bank's time (Unix milliseconds): the browser's, unless the practice clock was shifted.
    pub fn now(&self) -> i64 {
        self.client.with_value(|bank| bank.clock().now())
    }

    /// How far the practice clock is shifted, if it is: every page then shows it.
    pub fn practice_clock_offset(&self) -> Option<i64> {
        self.client
            .with_value(|bank| bank.clock().practice_offset())
    }

    /// The same bank for another device's session (the on-screen phone's): its answers never
    /// log this tab out.
    pub fn for_device(&self) -> BankClient {
        self.client.get_value()
    }

    /// 금융결제원's cloud, through the same transport (the worker serves both).
    pub fn cloud(&self) -> crate::cloud::CloudClient {
        crate::cloud::CloudClient(self.client.get_value())
    }

    /// The same bank without the simulated latency (for measurements).
    pub fn without_latency(&self) -> BankClient {
        self.client.with_value(BankClient::without_latency)
    }
}

impl BankApi for Bank {
    async fn call<E: Endpoint>(&self, request: E) -> BankResult<E::Response> {
        let client = self.client.get_value();
        let answer = client.call(request).await;
        if matches!(answer, Err(BankError::SessionExpired)) {
            self.auth.expire();
        }
        answer
    }
}

/// Makes `bank` the one the pages below use, for the customer of `auth`.
pub fn provide_bank(bank: BankClient, auth: Auth) {
    provide_context(Bank {
        client: StoredValue::new_local(bank),
        auth,
    });
}

/// The bank.
pub fn use_bank() -> Bank {
    expect_context()
}

/// The bank's time (Unix milliseconds): the browser's, unless the practice clock was shifted.
pub fn bank_now() -> i64 {
    use_bank().now()
}
