//! The native tests, one binary: the mock bank's rules through its API, the customer's side of
//! issuance and login, PKI checked by OpenSSL, NSS and pypinksign, and the fuzzer. Run alone
//! with `cargo test --test native`; a module with `cargo test --test native -- relay::`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

mod bank_cert_login;
mod bank_certificate;
mod bank_issuance;
mod bank_login;
mod business;
mod cloud;
mod cloud_service;
mod consent;
mod enroll;
mod fuzz;
mod hostile;
mod lifecycle;
mod pki;
mod practice;
mod registration;
mod relay;
mod transfer;
mod trust;
