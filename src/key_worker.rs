//! The key worker, the far side of [`crate::worker`]'s wire: everything the customer's side
//! does with keys, key files and certificates runs here, in a Web Worker, off the page's thread
//! and out of the page's module — making keys and requests, opening and sealing key files
//! (WebCrypto's PBKDF2 and AES in the worker), signing, reading certificates, and the formats
//! of other software (PKCS#12, classic SEED key files, the NPKI zip).
//!
//! The `worker` binary runs [`worker::serve`] (under any name but the bank's); natively (tests)
//! the page's calls reach [`run`] in the same thread.

mod jobs;
#[cfg(target_arch = "wasm32")]
pub mod worker;

pub use jobs::run;
