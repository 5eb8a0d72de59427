//! The bank: its API types and trait, the demo customers, its clock, the mock bank, the worker
//! it runs in and the page's client of it.

pub mod api;
pub mod client;
pub mod clock;
pub mod demo;
pub mod mock;
pub mod rules;
pub mod worker;

pub use api::{BankApi, BankError, BankResult};
pub use client::BankClient;
pub use clock::Clock;
pub use mock::MockBank;
