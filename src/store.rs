//! The page's storage: `kv` keeps small JSON records in Web Storage; `certs` keeps browser
//! certificates in IndexedDB.

pub mod certs;
pub mod kv;

pub use certs::{BioWrap, CertStore, StoredCertificate};
pub use kv::{KeyValueStore, StoreError};
