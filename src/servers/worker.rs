//! The bank's Web Worker: the `worker` binary, started under
//! [`WORKER_NAME`](crate::bank::worker::WORKER_NAME), runs [`serve`]. The messages are
//! [`crate::bank::worker`]'s. It serves the bank and the cloud, each from a database of its own,
//! as [`Servers`] routes.

use super::Servers;
use crate::bank::clock::Clock;
use crate::bank::worker::{FromBank, ToBank};
use crate::browser::port::{answer_each, post, worker_scope};
use crate::mock_bank::MockBank;
use crate::mock_bank::store::{BankStore, DB_NAME};
use crate::mock_cloud::{self, MockCloud};

/// Opens the database and answers every message.
pub fn serve() {
    wasm_bindgen_futures::spawn_local(async {
        let opened = match BankStore::open(DB_NAME).await {
            Ok(bank) => BankStore::open_of(mock_cloud::DB_NAME, &mock_cloud::SCHEMA)
                .await
                .map(|cloud| (bank, cloud)),
            Err(e) => Err(e),
        };
        let (bank, cloud) = match opened {
            Ok(stores) => stores,
            Err(e) => {
                post(&worker_scope(), &FromBank::Unavailable(e.to_string()));
                return;
            }
        };
        // The worker's own clock; a page sends only its practice offset.
        let clock = Clock::Browser { offset_ms: 0 };
        let servers = Servers {
            bank: MockBank::new(bank, clock.clone()),
            cloud: MockCloud::new(cloud, clock),
        };
        answer_each(&FromBank::Ready, move |message: Option<ToBank>| {
            let servers = servers.clone();
            async move {
                // Without an id, a request that does not read cannot be answered.
                let (id, answer) = match message? {
                    ToBank::Request {
                        id,
                        offset_ms,
                        endpoint,
                        body,
                    } => (id, servers.serve(offset_ms, &endpoint, &body).await),
                    ToBank::Migrate { id, state, kept } => {
                        let done = servers
                            .bank
                            .migrate(state.as_deref(), kept.as_deref())
                            .await;
                        (id, done.map(|()| "null".to_owned()))
                    }
                };
                Some(FromBank::Answer { id, answer })
            }
        });
    });
}
