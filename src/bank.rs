//! The bank as the page links it: its API types and trait, the demo customers, its clock and
//! rules, and the client that reaches it through its Web Worker. The bank itself, on the far
//! side of that wire, is [`crate::mock_bank`].

pub mod api;
pub mod client;
pub mod clock;
pub mod demo;
pub mod rules;
pub mod worker;

pub use api::{BankApi, BankError, BankResult};
pub use client::BankClient;
pub use clock::Clock;
