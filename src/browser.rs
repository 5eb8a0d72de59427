//! Browser plumbing that is not a component: a file download, WebCrypto (the key worker's RSA
//! and key files), the performance marks `scripts/bench` reads, and the messages between the
//! page and its workers. (WebAuthn, for 바이오인증, is `wallet::bio`: it unwraps keys through
//! the key worker, which stands on WebCrypto.)

pub mod download;
pub mod marks;
#[cfg(target_arch = "wasm32")]
pub mod port;
pub mod webcrypto;

pub use download::{download, download_from_bank};
