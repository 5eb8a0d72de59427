//! 모의은행 공인인증센터: the bank manual's certificate flow as a browser app.
#![forbid(unsafe_code)]

pub mod app;
pub mod bank;
pub mod browser;
pub mod cloud;
pub mod components;
pub mod contexts;
pub mod customer;
pub mod encoding;
pub mod format;
pub mod guide;
pub mod key_worker;
pub mod kst;
pub mod mock_bank;
pub mod mock_cloud;
pub mod pages;
pub mod panic_screen;
pub mod pki;
pub mod practice;
pub mod sample;
pub mod servers;
pub mod store;
pub mod wallet;
pub mod wizard;
pub mod worker;

pub use app::App;
