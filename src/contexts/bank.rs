//! The bank the pages talk to. Pages get a [`BankClient`], so they can only send requests.

use leptos::prelude::*;

use crate::bank::BankClient;

/// Makes `bank` the one the pages below use.
pub fn provide_bank(bank: BankClient) {
    // The client holds browser handles that are not `Send`, so it lives in local storage of the
    // reactive arena and the context carries only the `Copy` handle.
    provide_context(StoredValue::new_local(bank));
}

fn handle() -> StoredValue<BankClient, LocalStorage> {
    expect_context()
}

/// The bank, as a client.
pub fn use_bank() -> BankClient {
    handle().get_value()
}

/// The bank's time (Unix milliseconds): the browser's, unless the practice clock was shifted.
pub fn bank_now() -> i64 {
    handle().with_value(|bank| bank.clock().now())
}

/// How far the practice clock is shifted, if it is: every page then shows it.
pub fn practice_clock_offset() -> Option<i64> {
    handle().with_value(|bank| bank.clock().practice_offset())
}
