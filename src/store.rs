//! Browser storage. `kv` keeps small JSON records in Web Storage (or in memory for native tests);
//! the certificate store in IndexedDB joins it with the issuance work.

pub mod kv;

pub use kv::{KeyValueStore, StoreError};
