//! 스마트폰인증서 복사's relay (issue #13): single use, gone after 3 minutes by the bank's
//! clock, three wrong numbers end it, and the package never readable without the number.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cert_center::customer::copy::{self, Receiving};
use cert_center::customer::{CertError, Enrolled};
use common::*;

const PASSWORD: &str = "Hong!2026pass";

fn hong_enrolled() -> Customer {
    let c = login(&demo::HONG);
    c.through_step_5();
    c
}

fn send(c: &Customer, e: &Enrolled, number: &str, password: &str) -> Result<(), CertError> {
    let outgoing = copy::Outgoing {
        user_id: c.who.user_id,
        certificate: &e.certificate,
        key_file: &e.key_file,
        chain: &e.record.chain,
    };
    block_on(copy::send(&c.bank, number, outgoing, password))
}

fn bank_refusal(result: Result<(), CertError>) -> BankError {
    match result {
        Err(CertError::Bank(error)) => error,
        other => panic!("expected the bank's refusal, got {other:?}"),
    }
}

/// The same first four digits (the slot), another number.
fn wrong_number(r: &Receiving) -> String {
    format!("{}{}", &r.digits[..4], flip(&r.digits[4..]))
}

#[test]
fn a_certificate_crosses_once_and_arrives_whole() {
    let c = hong_enrolled();
    let e = c.enroll(PASSWORD);
    let r = block_on(copy::receive(&c.bank)).unwrap();
    assert_eq!(r.number().len(), 14, "{}", r.number());
    assert_eq!(
        block_on(copy::arrived(&c.bank, &r)).unwrap(),
        None,
        "nothing yet"
    );
    send(&c, &e, &r.number(), PASSWORD).unwrap();
    assert_eq!(
        bank_refusal(send(&c, &e, &r.number(), PASSWORD)),
        BankError::RelayUsed
    );
    let arrived = block_on(copy::arrived(&c.bank, &r)).unwrap().unwrap();
    assert_eq!(arrived.certificate, e.certificate);
    assert_eq!(
        arrived.key_file, e.key_file,
        "still under the certificate password"
    );
    assert_eq!(arrived.chain, e.record.chain);
    assert_eq!(arrived.record().unwrap().holder, e.record.holder);
    assert_eq!(arrived.user_id, "hong01");
    // Single use: the slot is gone with the package.
    assert!(matches!(
        block_on(copy::arrived(&c.bank, &r)),
        Err(CertError::Bank(BankError::RelayUnknown))
    ));
    assert_eq!(
        bank_refusal(send(&c, &e, &r.number(), PASSWORD)),
        BankError::RelayUnknown
    );
}

#[test]
fn a_wrong_password_sends_nothing() {
    let c = hong_enrolled();
    let e = c.enroll(PASSWORD);
    let r = block_on(copy::receive(&c.bank)).unwrap();
    assert!(matches!(
        send(&c, &e, &r.number(), "Wrong!2026pass"),
        Err(CertError::WrongPassword)
    ));
    assert_eq!(block_on(copy::arrived(&c.bank, &r)).unwrap(), None);
}

#[test]
fn three_wrong_numbers_end_the_copy() {
    let c = hong_enrolled();
    let e = c.enroll(PASSWORD);
    let r = block_on(copy::receive(&c.bank)).unwrap();
    let wrong = wrong_number(&r);
    assert_eq!(
        bank_refusal(send(&c, &e, &wrong, PASSWORD)),
        BankError::RelayWrongNumber { remaining: 2 }
    );
    assert_eq!(
        bank_refusal(send(&c, &e, &wrong, PASSWORD)),
        BankError::RelayWrongNumber { remaining: 1 }
    );
    let ended = bank_refusal(send(&c, &e, &wrong, PASSWORD));
    assert_eq!(ended, BankError::RelayEnded);
    assert!(ended.to_string().contains("3회"), "{ended}");
    assert_eq!(
        bank_refusal(send(&c, &e, &r.number(), PASSWORD)),
        BankError::RelayUnknown,
        "even the right number, afterwards"
    );
    assert!(matches!(
        send(&c, &e, "1234-5678", PASSWORD),
        Err(CertError::Refused(_))
    ));
}

#[test]
fn a_number_is_gone_after_3_minutes_by_the_banks_clock() {
    let c = hong_enrolled();
    let e = c.enroll(PASSWORD);
    let r = block_on(copy::receive(&c.bank)).unwrap();
    c.bank.clock().advance(179_000);
    let late = block_on(copy::receive(&c.bank)).unwrap();
    c.bank.clock().advance(2_000);
    assert_eq!(
        bank_refusal(send(&c, &e, &r.number(), PASSWORD)),
        BankError::RelayUnknown
    );
    assert!(matches!(
        block_on(copy::arrived(&c.bank, &r)),
        Err(CertError::Bank(BankError::RelayUnknown))
    ));
    // One opened later still runs.
    send(&c, &e, &late.number(), PASSWORD).unwrap();
    assert!(block_on(copy::arrived(&c.bank, &late)).unwrap().is_some());
}

#[test]
fn the_relay_holds_nothing_readable_without_the_number() {
    let c = hong_enrolled();
    let e = c.enroll(PASSWORD);
    let r = block_on(copy::receive(&c.bank)).unwrap();
    send(&c, &e, &r.number(), PASSWORD).unwrap();
    let records = block_on(c.bank.store().snapshot()).unwrap();
    let stored = &records["relays"][&r.digits[..4]];
    assert!(!stored.contains(&r.digits), "the number is not kept");
    let record: serde_json::Value = serde_json::from_str(stored).unwrap();
    let package = unb64(record["package"].as_str().unwrap());
    // The certificate, and the key file's own ciphertext (its tail; its PBES2 header has the
    // same shape as the package's), appear nowhere.
    let key_tail = &e.key_file[e.key_file.len() - 64..];
    for secret in [&e.certificate[..], key_tail] {
        assert!(
            !package
                .windows(32)
                .any(|w| secret.windows(32).any(|s| s == w)),
            "no run of the certificate or key file in the clear"
        );
    }
    let other = format!("{}{}", &r.digits[..4], flip(&r.digits[4..]));
    assert!(cert_center::pki::copy::open(&other, &package).is_err());
    assert!(cert_center::pki::copy::open(&r.digits, &package).is_ok());
}
