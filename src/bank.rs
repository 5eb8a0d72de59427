//! The bank: its API types and trait, the demo customers, its clock, and the in-page mock.

pub mod api;
pub mod clock;
pub mod demo;
pub mod mock;
pub mod rules;

pub use api::{BankApi, BankError, BankResult};
pub use clock::Clock;
pub use mock::MockBank;
