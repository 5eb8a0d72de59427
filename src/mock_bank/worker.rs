//! The bank's Web Worker: the `worker` binary, started under
//! [`WORKER_NAME`](crate::bank::worker::WORKER_NAME), runs [`serve`]. The messages are
//! [`crate::bank::worker`]'s.

use super::MockBank;
use super::store::{BankStore, DB_NAME};
use crate::bank::clock::Clock;
use crate::bank::worker::{FromBank, ToBank};
use crate::browser::port::{answer_each, post, worker_scope};

/// Opens the database and answers every message.
pub fn serve() {
    wasm_bindgen_futures::spawn_local(async {
        let store = match BankStore::open(DB_NAME).await {
            Ok(store) => store,
            Err(e) => {
                post(&worker_scope(), &FromBank::Unavailable(e.to_string()));
                return;
            }
        };
        // The worker's own clock; a page sends only its practice offset.
        let bank = MockBank::new(store, Clock::Browser { offset_ms: 0 });
        answer_each(&FromBank::Ready, move |message: Option<ToBank>| {
            let bank = bank.clone();
            async move {
                // Without an id, a request that does not read cannot be answered.
                let (id, answer) = match message? {
                    ToBank::Request {
                        id,
                        offset_ms,
                        endpoint,
                        body,
                    } => (id, bank.serve_practising(offset_ms, &endpoint, &body).await),
                    ToBank::Migrate { id, state, kept } => {
                        let done = bank.migrate(state.as_deref(), kept.as_deref()).await;
                        (id, done.map(|()| "null".to_owned()))
                    }
                };
                Some(FromBank::Answer { id, answer })
            }
        });
    });
}
