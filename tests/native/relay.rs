//! 스마트폰인증서 복사's relay (issues #13 and #20): the receiver logs in, the sender proves its
//! certificate, single use, gone after 3 minutes by the bank's own clock, three wrong numbers
//! (sent or fetched) end it, and nothing readable or changeable without the number.

use crate::common::*;
use cert_center::customer::phone_copy::{self, Receiving};
use cert_center::customer::{CertError, Enrolled};
use cert_center::mock_bank::DEFAULT_ORIGIN;
use cert_center::pki::phone_copy::{NumberKeys, Package};

const PASSWORD: &str = "Hong!2026pass";

fn hong_enrolled() -> (Customer, Enrolled) {
    enrolled(&demo::HONG, PASSWORD)
}

fn receive(c: &Customer) -> Receiving {
    block_on(phone_copy::receive(&c.bank, c.t())).unwrap()
}

fn send_file(c: &Customer, e: &Enrolled, key_file: &[u8], number: &str) -> Result<(), CertError> {
    let proof = proof_at(DEFAULT_ORIGIN, &e.certificate, key_file, PASSWORD);
    let outgoing = phone_copy::Outgoing {
        user_id: c.who.user_id,
        chain: &e.record.chain,
        proof: &proof,
    };
    block_on(phone_copy::send(&c.bank, number, outgoing))
}

fn send(c: &Customer, e: &Enrolled, number: &str) -> Result<(), CertError> {
    send_file(c, e, &e.key_file, number)
}

fn bank_refusal<T: std::fmt::Debug>(result: Result<T, CertError>) -> BankError {
    match result {
        Err(CertError::Bank(error)) => error,
        other => panic!("expected the bank's refusal, got {other:?}"),
    }
}

/// Another number: the last digit changed.
fn wrong_number(r: &Receiving, by: u8) -> String {
    let last = r.digits.as_bytes()[11] - b'0';
    format!("{}{}", &r.digits[..11], (last + by) % 10)
}

/// The relay's record of `r`'s slot.
fn stored(c: &Customer, r: &Receiving) -> serde_json::Value {
    let records = block_on(c.bank.store().snapshot()).unwrap();
    serde_json::from_str(&records["relays"][&r.slot]).unwrap()
}

/// The number's keys as either device derives them (from the slot's salt).
fn keys_of(c: &Customer, r: &Receiving, digits: &str) -> NumberKeys {
    let salt = unb64(stored(c, r)["verifier_salt"].as_str().unwrap());
    NumberKeys::derive(digits, &salt).unwrap()
}

#[test]
fn a_certificate_crosses_once_and_arrives_whole() {
    let (c, e) = hong_enrolled();
    let r = receive(&c);
    assert_eq!(r.number().len(), 14, "{}", r.number());
    assert_eq!(block_on(phone_copy::arrived(&c.bank, &r)).unwrap(), None);
    send(&c, &e, &r.number()).unwrap();
    assert_eq!(
        bank_refusal(send(&c, &e, &r.number())),
        BankError::RelayUsed
    );
    let arrived = block_on(phone_copy::arrived(&c.bank, &r)).unwrap().unwrap();
    assert_eq!(arrived.certificate, e.certificate);
    assert_eq!(
        arrived.key_file, e.key_file,
        "still under the certificate password"
    );
    assert_eq!(arrived.chain, e.record.chain);
    assert_eq!(arrived.record().unwrap().holder, e.record.holder);
    assert_eq!(arrived.user_id, "hong01");
    // Single use: the slot is gone with the package.
    assert_eq!(
        bank_refusal(block_on(phone_copy::arrived(&c.bank, &r))),
        BankError::RelayUnknown
    );
    assert_eq!(
        bank_refusal(send(&c, &e, &r.number())),
        BankError::RelayUnknown
    );
}

#[test]
fn a_wrong_password_sends_nothing() {
    let (c, e) = hong_enrolled();
    let r = receive(&c);
    let proof = proof_at(
        DEFAULT_ORIGIN,
        &e.certificate,
        &e.key_file,
        "Wrong!2026pass",
    );
    let outgoing = phone_copy::Outgoing {
        user_id: "hong01",
        chain: &[],
        proof: &proof,
    };
    assert!(matches!(
        block_on(phone_copy::send(&c.bank, &r.number(), outgoing)),
        Err(CertError::WrongPassword)
    ));
    assert_eq!(block_on(phone_copy::arrived(&c.bank, &r)).unwrap(), None);
}

#[test]
fn three_wrong_numbers_end_the_copy() {
    let (c, e) = hong_enrolled();
    let r = receive(&c);
    assert_eq!(
        bank_refusal(send(&c, &e, &wrong_number(&r, 1))),
        BankError::RelayWrongNumber { remaining: 2 }
    );
    assert_eq!(
        bank_refusal(send(&c, &e, &wrong_number(&r, 2))),
        BankError::RelayWrongNumber { remaining: 1 }
    );
    let ended = bank_refusal(send(&c, &e, &wrong_number(&r, 3)));
    assert_eq!(ended, BankError::RelayEnded);
    assert_says(&ended, "3회");
    assert_eq!(
        bank_refusal(send(&c, &e, &r.number())),
        BankError::RelayUnknown,
        "even the right number, afterwards"
    );
    assert!(matches!(
        send(&c, &e, "1234-5678"),
        Err(CertError::Refused(_))
    ));
}

/// Someone at the receiving screen who saw 11 of the 12 digits: `relay/fetch` needs the
/// receiving device's login, and there too the third wrong number ends the copy.
#[test]
fn wrong_fetches_count_like_wrong_sends() {
    let (c, e) = hong_enrolled();
    let r = receive(&c);
    send(&c, &e, &r.number()).unwrap();
    let stranger = login_on(&c.bank, &demo::MINJI);
    let guess = |by: u8, token: SessionToken| {
        c.call(RelayFetch {
            token,
            slot: r.slot.clone(),
            verifier: b64(&keys_of(&c, &r, &wrong_number(&r, by)).verifier),
        })
    };
    assert_eq!(
        guess(1, stranger.t()),
        Err(BankError::RelayUnknown),
        "not hers"
    );
    assert_eq!(
        guess(1, c.t()),
        Err(BankError::RelayWrongNumber { remaining: 2 })
    );
    assert_eq!(
        guess(2, c.t()),
        Err(BankError::RelayWrongNumber { remaining: 1 })
    );
    assert_eq!(guess(3, c.t()), Err(BankError::RelayEnded));
    assert_eq!(
        bank_refusal(block_on(phone_copy::arrived(&c.bank, &r))),
        BankError::RelayUnknown
    );
}

#[test]
fn a_number_is_gone_after_3_minutes_by_the_banks_clock() {
    let (c, e) = hong_enrolled();
    let r = receive(&c);
    c.bank.clock().advance(181_000);
    let c = login_on(&c.bank, &demo::HONG);
    assert_eq!(
        bank_refusal(send(&c, &e, &r.number())),
        BankError::RelayUnknown
    );
    // One opened later runs.
    let late = receive(&c);
    c.bank.clock().advance(179_000);
    send(&c, &e, &late.number()).unwrap();
    assert!(
        block_on(phone_copy::arrived(&c.bank, &late))
            .unwrap()
            .is_some()
    );
}

/// A slot needs the receiving side's login; a customer has one at a time (a new number ends
/// the one shown before); only a certificate of that customer finds it.
#[test]
fn a_slot_is_the_logged_in_customers_and_only_their_certificate_finds_it() {
    let (c, e) = hong_enrolled();
    assert_eq!(
        c.call(RelayOpen {
            token: SessionToken("not-a-session".into()),
            verifier_salt: "c2FsdA==".into(),
            verifier: "dg==".into(),
            nonce: "bg==".into(),
        }),
        Err(BankError::SessionExpired)
    );
    let first = receive(&c);
    let second = receive(&c);
    assert_ne!(first.slot, second.slot);
    assert!(
        !second.slot.contains(&second.digits[..4]),
        "the slot is not in the number"
    );
    assert_eq!(
        bank_refusal(send(&c, &e, &first.number())),
        BankError::RelayWrongNumber { remaining: 2 },
        "the number shown before no longer opens anything"
    );

    // 김민지 has no open slot: her certificate finds none, and cannot reach 홍길동's.
    let m = login_on(&c.bank, &demo::MINJI);
    m.through_step_5();
    let minji = m.enroll(PASSWORD);
    assert_eq!(
        bank_refusal(send(&m, &minji, &second.number())),
        BankError::RelayUnknown
    );
    send(&c, &e, &second.number()).unwrap();
}

#[test]
fn the_relay_holds_nothing_readable_without_the_number() {
    let (c, e) = hong_enrolled();
    let r = receive(&c);
    send(&c, &e, &r.number()).unwrap();
    let record = stored(&c, &r);
    let text = record.to_string();
    assert!(!text.contains(&r.digits), "the number is not kept");
    // What it keeps of the number is scrypt's output, nothing faster to test guesses with.
    assert_eq!(
        unb64(record["verifier"].as_str().unwrap()),
        keys_of(&c, &r, &r.digits).verifier
    );
    let package = unb64(record["package"].as_str().unwrap());
    let key_tail = &e.key_file[e.key_file.len() - 64..];
    for secret in [&e.certificate[..], key_tail] {
        assert!(
            !package
                .windows(32)
                .any(|w| secret.windows(32).any(|s| s == w)),
            "no run of the certificate or key file in the clear"
        );
    }
    assert!(
        keys_of(&c, &r, &wrong_number(&r, 1))
            .open(&package)
            .is_err()
    );
    assert!(keys_of(&c, &r, &r.digits).open(&package).is_ok());
}

/// Rewrites the package the relay keeps for `r`.
fn tamper(c: &Customer, r: &Receiving, change: impl FnOnce(&mut Vec<u8>)) {
    let slot = r.slot.clone();
    block_on(c.bank.store().transact(|records| {
        let kept = records.get_mut("relays").unwrap().get_mut(&slot).unwrap();
        let mut record: serde_json::Value = serde_json::from_str(kept).unwrap();
        let mut package = unb64(record["package"].as_str().unwrap());
        change(&mut package);
        record["package"] = b64(&package).into();
        *kept = record.to_string();
    }))
    .unwrap();
}

/// Whoever holds the relay's records cannot change a byte of the package (the bank ID in its
/// first block included) without the receiver noticing.
#[test]
fn a_tampered_package_is_refused() {
    let (c, e) = hong_enrolled();
    for at in [0usize, 4, 16, 40] {
        let r = receive(&c);
        send(&c, &e, &r.number()).unwrap();
        tamper(&c, &r, |p| p[at] ^= 0x01);
        assert!(
            block_on(phone_copy::arrived(&c.bank, &r)).is_err(),
            "byte {at} changed"
        );
    }
}

/// A signed package is for one slot and one receiver: sealed again for another copy (by a
/// sender who kept it), it is refused.
#[test]
fn a_package_replayed_into_another_copy_is_refused() {
    let (c, e) = hong_enrolled();
    let first = receive(&c);
    send(&c, &e, &first.number()).unwrap();
    let plain = keys_of(&c, &first, &first.digits)
        .open(&unb64(stored(&c, &first)["package"].as_str().unwrap()))
        .unwrap();
    let second = receive(&c);
    let keys = keys_of(&c, &second, &second.digits);
    c.call(RelaySend {
        slot: second.slot.clone(),
        verifier: b64(&keys.verifier),
        package: b64(&keys.seal(&plain).unwrap()),
    })
    .unwrap();
    assert_eq!(
        block_on(phone_copy::arrived(&c.bank, &second)),
        Err(CertError::Damaged)
    );
}

/// A certificate sent from NPKI files whose key file has 1 PBKDF2 round arrives at our floor;
/// a package that carries a weak key file anyway is refused.
#[test]
fn a_copied_key_file_travels_at_our_floor() {
    use cert_center::pki::key_file::{self, PBKDF2_ROUNDS, Pbes2Aes256};
    let (c, e) = hong_enrolled();
    let key = key_file::decrypt(&e.key_file, PASSWORD).unwrap();
    let weak = key_file::encrypt(&key, PASSWORD, 1).unwrap();
    let r = receive(&c);
    send_file(&c, &e, &weak, &r.number()).unwrap();
    let arrived = block_on(phone_copy::arrived(&c.bank, &r)).unwrap().unwrap();
    let (params, _) = Pbes2Aes256::of_file(&arrived.key_file).unwrap();
    assert_eq!(params.rounds, PBKDF2_ROUNDS);
    assert_eq!(
        key_file::decrypt(&arrived.key_file, PASSWORD).unwrap().r,
        key.r
    );

    // A sender that skips the floor (its own signature is good) is refused at the receiver.
    let r = receive(&c);
    let nonce = stored(&c, &r)["nonce"].as_str().unwrap().to_owned();
    let mut package = Package {
        user_id: String::new(),
        certificate: b64(&e.certificate),
        key_file: b64(&weak),
        chain: Vec::new(),
        signature: String::new(),
    };
    let message = package.signed_message(&r.slot, &nonce);
    package.signature = b64(&cert_center::pki::signing::sign(
        &key.key,
        message.as_bytes(),
    ));
    let keys = keys_of(&c, &r, &r.digits);
    c.call(RelaySend {
        slot: r.slot.clone(),
        verifier: b64(&keys.verifier),
        package: b64(&keys.seal(&serde_json::to_vec(&package).unwrap()).unwrap()),
    })
    .unwrap();
    let refused = block_on(phone_copy::arrived(&c.bank, &r))
        .unwrap_err()
        .to_string();
    assert_says(&refused, "보호 기준");
}

/// The relay keeps no field larger than it needs.
#[test]
fn the_relay_refuses_oversized_fields() {
    let (c, _) = hong_enrolled();
    let huge = "A".repeat(100_000);
    assert!(matches!(
        c.call(RelayOpen {
            token: c.t(),
            verifier_salt: huge.clone(),
            verifier: "v".into(),
            nonce: "n".into(),
        }),
        Err(BankError::BadRequest { .. })
    ));
    let r = receive(&c);
    assert!(matches!(
        c.call(RelaySend {
            slot: r.slot.clone(),
            verifier: b64(&keys_of(&c, &r, &r.digits).verifier),
            package: huge,
        }),
        Err(BankError::BadRequest { .. })
    ));
}
