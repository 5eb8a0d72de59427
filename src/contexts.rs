//! App-wide contexts, each with a `provide_*` and a `use_*`.

pub mod auth;
pub mod bank;

pub use auth::{Auth, log_out, provide_auth, use_auth};
pub use bank::{bank_now, provide_bank, use_bank};
