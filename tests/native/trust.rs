//! The security review's findings on issuance and the bank's records (issue #9): retries that
//! keep their key, the fee the customer confirmed, the subject the bank encodes, a locked ID
//! that logs in by certificate and resets its password, and records that are never replaced
//! silently.

use std::str::FromStr;

use crate::common::*;
use cert_center::bank::BankResult;
use cert_center::customer::{self, CertError};
use der::{Decode, Encode};
use std::cell::RefCell;
use std::rc::Rc;

const PASSWORD: &str = "Hong!2026pass";

#[test]
fn a_retry_sends_the_same_request_and_gets_the_same_certificate_once_paid() {
    let c = login(&demo::HONG);
    c.through_step_5();
    let prepared = c.prepare();
    let first = c.enroll_prepared(PASSWORD, &prepared).unwrap();
    // The first save failed; the customer retries, even with another password.
    let retried = c.enroll_prepared("Other!2026pass", &prepared).unwrap();
    assert_eq!(retried.certificate, first.certificate);
    assert_eq!(c.balance(), 50_000 - 4_400, "charged once");
    assert_eq!(
        c.login_with(&retried, "Other!2026pass").unwrap().user_id,
        "hong01"
    );

    // A new key for the issuance already answered would get a certificate that is not its own.
    let refused = c.enroll_prepared(PASSWORD, &c.prepare()).unwrap_err();
    assert!(
        matches!(&refused, CertError::Bank(BankError::InvalidRequest { detail }) if detail.contains("다른 키로 이미 발급")),
        "{refused:?}"
    );
}

/// A bank whose issuance answers with a certificate it issued earlier (to another key).
struct StaleAnswer {
    bank: MockBank,
    answer: String,
}

impl BankApi for StaleAnswer {
    async fn call<E: Endpoint>(&self, request: E) -> BankResult<E::Response> {
        if E::NAME == IssueCertificate::NAME {
            return Ok(serde_json::from_str(&self.answer).unwrap());
        }
        self.bank.call(request).await
    }
}

#[test]
fn a_certificate_that_is_not_the_keys_is_never_kept() {
    let c = login(&demo::HONG);
    c.through_step_5();
    let earlier = c.enroll(PASSWORD);
    let stale = StaleAnswer {
        bank: c.bank.clone(),
        answer: serde_json::to_string(&IssuedCertificate {
            certificate: b64(&earlier.certificate),
            chain: earlier.record.chain.clone(),
            fee: 0,
        })
        .unwrap(),
    };
    let c = login_on(&c.bank, c.who);
    c.through_step_5();
    let refused = block_on(customer::enroll(
        &stale,
        c.t(),
        c.who.user_id,
        PASSWORD,
        &c.prepare(),
        async |_| {},
    ))
    .unwrap_err()
    .to_string();
    assert_says(&refused, "키와 맞지 않아 저장하지 않았습니다");
}

#[test]
fn the_fee_charged_is_the_fee_confirmed_at_step_4() {
    let c = login(&demo::HONG);
    c.through_step_5();
    let first = c.enroll(PASSWORD);
    // A reissue: step 4 shows 0원.
    let wizard = login_on(&c.bank, c.who);
    wizard.through_step_5();
    assert_eq!(wizard.call(GetFee { token: wizard.t() }).unwrap().fee, 0);
    // Meanwhile another tab revokes the certificate (refunded): the issuance is no longer a reissue.
    let tab = login_on(&c.bank, c.who);
    tab.revoke(&first, PASSWORD).unwrap();
    assert_eq!(tab.balance(), 50_000);

    let refused = wizard
        .enroll_prepared(PASSWORD, &wizard.prepare())
        .unwrap_err();
    assert_eq!(
        refused,
        CertError::Bank(BankError::FeeChanged {
            confirmed: 0,
            now: 4_400
        })
    );
    assert_says(&refused, "4단계");
    assert_eq!(wizard.current(), Step::Fee, "back to step 4");
    assert_eq!(wizard.balance(), 50_000, "nothing charged");

    wizard.call(ConfirmFee { token: wizard.t() }).unwrap();
    wizard
        .call(SubmitDetails {
            token: wizard.t(),
            details: wizard.details(),
        })
        .unwrap();
    wizard.enroll(PASSWORD);
    assert_eq!(wizard.balance(), 50_000 - 4_400);
}

#[test]
fn the_subject_is_encoded_by_the_bank_not_copied_from_the_request() {
    let c = login(&demo::HONG);
    c.through_step_5();
    let ticket = c.call(PrepareIssuance { token: c.t() }).unwrap();
    let banks = x509_cert::name::Name::from_str(&ticket.subject)
        .unwrap()
        .to_der()
        .unwrap();
    // The same text with `KMB` as another string type: it reads the same, its bytes differ.
    let kmb = banks
        .windows(5)
        .position(|w| w[1..] == [3, b'K', b'M', b'B'])
        .unwrap();
    let mut asked = banks.clone();
    asked[kmb] = if asked[kmb] == 0x13 { 0x0c } else { 0x13 };
    let asked_name = x509_cert::name::Name::from_der(&asked).unwrap();
    assert_eq!(asked_name.to_string(), ticket.subject);

    let key = fixed_key(0);
    let csr = cert_center::pki::csr::build(&key, asked_name).unwrap();
    let issued = c
        .call(IssueCertificate {
            token: c.t(),
            csr: b64(&csr),
            random: b64(&[7; 20]),
        })
        .unwrap();
    let certificate = x509_cert::Certificate::from_der(&unb64(&issued.certificate)).unwrap();
    let subject = certificate.tbs_certificate().subject().to_der().unwrap();
    assert_eq!(subject, banks);
    assert_ne!(subject, asked);
}

#[test]
fn a_locked_id_logs_in_by_certificate_and_a_new_id_password_lifts_the_lock() {
    let c = login(&demo::HONG);
    c.through_step_5();
    let certificate = c.enroll(PASSWORD);
    let by_id = c.t();
    let wrong = |password: &str| {
        block_on(c.bank.call(Login {
            user_id: "hong01".into(),
            password: password.into(),
        }))
    };
    for _ in 0..5 {
        assert!(wrong("Wrong!2345").is_err());
    }
    assert_eq!(
        wrong(demo::HONG.password).unwrap_err(),
        BankError::UserLocked
    );

    // An ID session may not reset the password; a certificate session may.
    assert_eq!(
        c.call(ResetLoginPassword {
            token: by_id,
            new_password: "NewPass2026".into(),
        }),
        Err(BankError::CertificateLoginRequired)
    );
    let grant = c.login_with(&certificate, PASSWORD).unwrap();
    let reset = |new_password: &str| {
        block_on(c.bank.call(ResetLoginPassword {
            token: grant.token.clone(),
            new_password: new_password.into(),
        }))
    };
    assert!(matches!(
        reset("short1"),
        Err(BankError::InvalidDetails { .. })
    ));
    assert!(matches!(
        reset("lettersonly"),
        Err(BankError::InvalidDetails { .. })
    ));
    reset("NewPass2026").unwrap();

    assert!(matches!(
        wrong(demo::HONG.password),
        Err(BankError::WrongPassword { remaining: 4 })
    ));
    assert_eq!(wrong("NewPass2026").unwrap().user_id, "hong01");
    // 연습 데이터 초기화 brings the demo password back.
    block_on(c.bank.call(ResetPractice)).unwrap();
    assert_eq!(wrong(demo::HONG.password).unwrap().user_id, "hong01");
}

/// A bank over `store`, which a test can tamper with.
fn bank_over(store: &BankStore) -> MockBank {
    MockBank::new(store.clone(), Clock::manual(NOW))
}

fn login_call(bank: &MockBank) -> Result<SessionGrant, BankError> {
    block_on(bank.call(Login {
        user_id: "hong01".into(),
        password: demo::HONG.password.into(),
    }))
}

#[test]
fn unreadable_records_are_kept_aside_reported_and_replaced_only_by_a_reset() {
    // Records as the bank writes them (one per key in each store), with an issuance under way.
    let records = Rc::new(RefCell::new(Records::new()));
    let bank = bank_over(&BankStore::Memory(
        records.clone(),
        &cert_center::mock_bank::store::BANK,
    ));
    let c = login_on(&bank, &demo::HONG);
    c.terms().unwrap();
    let good = records.borrow().clone();
    let token = c.t().0;
    let edit = |store: &str, key: &str, change: &dyn Fn(&mut serde_json::Value)| {
        let mut tampered = good.clone();
        let text = tampered.get_mut(store).unwrap().get_mut(key).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        change(&mut value);
        *text = value.to_string();
        tampered
    };

    let mut tampered = Vec::new();
    let mut cut = good.clone();
    *cut.get_mut("issuances").unwrap().get_mut(&token).unwrap() = "{\"token\":".to_owned();
    tampered.push(cut);
    let mut newer = good.clone();
    newer
        .get_mut("meta")
        .unwrap()
        .insert("version".into(), "99".into());
    tampered.push(newer);
    tampered.push(edit("issuances", &token, &|v| {
        v["progress"]["completed"] = 255.into()
    }));
    tampered.push(edit("customers", "hong01", &|v| {
        v["login_failures"] = 300.into()
    }));
    tampered.push(edit("issuances", &token, &|v| {
        v["card_challenge"] = serde_json::json!([0, 36])
    }));
    tampered.push(edit("sessions", &token, &|v| {
        v["expires_at"] = i64::MIN.into()
    }));

    for case in &tampered {
        *records.borrow_mut() = case.clone();
        let refused = login_call(&bank).unwrap_err();
        assert!(
            matches!(refused, BankError::RecordsUnreadable { .. }),
            "{case:?}: {refused:?}"
        );
        assert_says(&refused, "연습 데이터 초기화");
        assert_eq!(&*records.borrow(), case, "not replaced");
    }

    let last = records.borrow().clone();
    block_on(bank.call(ResetPractice)).unwrap();
    assert_eq!(login_call(&bank).unwrap().user_id, "hong01");
    let aside = records.borrow()["meta"]["kept-aside"].clone();
    assert_eq!(
        serde_json::from_str::<Records>(&aside).unwrap(),
        last,
        "the unreadable records are kept aside, whole"
    );
    *records.borrow_mut() = good;
    assert!(
        login_call(&bank).is_ok(),
        "readable records are used as they are"
    );
}

#[test]
fn the_records_of_local_storage_move_once_and_unreadable_ones_stay_refused_until_a_reset() {
    // The whole-state JSON of the localStorage days, as the previous version wrote it.
    let legacy = |login_failures: u8| {
        serde_json::json!({
            "version": 1,
            "customers": [{"user_id": "hong01", "login_failures": login_failures, "balance": 1000}],
            "sessions": [],
        })
        .to_string()
    };
    let bank = bank_over(&BankStore::memory());
    block_on(bank.migrate(Some(&legacy(4)), None)).unwrap();
    // Moved once: a second tab's copy does not replace what is there.
    block_on(bank.migrate(Some(&legacy(0)), None)).unwrap();
    assert_eq!(
        block_on(bank.call(Login {
            user_id: "hong01".into(),
            password: "wrong".into(),
        })),
        Err(BankError::UserLocked),
        "the fifth wrong password after four migrated ones locks"
    );
    let records = block_on(bank.store().snapshot()).unwrap();
    assert!(records["customers"]["hong01"].contains("\"login_failures\":5"));
    assert_eq!(records["meta"]["version"], "3");

    let broken = bank_over(&BankStore::memory());
    block_on(broken.migrate(Some("{\"version\":1,"), Some("older"))).unwrap();
    assert!(matches!(
        login_call(&broken),
        Err(BankError::RecordsUnreadable { .. })
    ));
    block_on(broken.call(ResetPractice)).unwrap();
    assert_eq!(login_call(&broken).unwrap().user_id, "hong01");
    let aside = block_on(broken.store().snapshot()).unwrap()["meta"]["kept-aside"].clone();
    assert!(
        aside.contains("version\\\":1,") && aside.contains("older"),
        "{aside}"
    );
}

// ---- Trust, round two: the bank reads its own clock ----

const DAY: i64 = 86_400_000;
const YEAR: i64 = 365 * DAY;

/// A request as the bank worker gets it from a page whose practice clock is `offset` ahead.
fn practising<E: Endpoint>(
    bank: &MockBank,
    offset: i64,
    request: E,
) -> Result<E::Response, BankError> {
    let body = serde_json::to_string(&request).unwrap();
    let answer = block_on(bank.serve_practising(offset, E::NAME, &body))?;
    Ok(serde_json::from_str(&answer).unwrap())
}

fn hong_login() -> Login {
    Login {
        user_id: "hong01".into(),
        password: "Demo!2345".into(),
    }
}

/// A mistyped `?clock=2226-…` (or a date before 1970) is refused with a Korean message and
/// writes nothing, so no later request of any tab fails because of it.
#[test]
fn a_practice_clock_past_five_years_is_refused_and_breaks_nothing() {
    let bank = MockBank::new(BankStore::memory(), Clock::manual(NOW));
    let before = block_on(bank.store().snapshot()).unwrap();
    for offset in [200 * YEAR, -NOW - YEAR, 6 * YEAR, -6 * YEAR] {
        let refused = practising(&bank, offset, hong_login()).unwrap_err();
        assert_eq!(refused, BankError::PracticeClockOutOfRange);
        assert_says(&refused, "?clock=now");
    }
    assert_eq!(
        block_on(bank.store().snapshot()).unwrap(),
        before,
        "nothing written"
    );
    practising(&bank, 4 * YEAR, hong_login()).unwrap();
    practising(&bank, -4 * YEAR, hong_login()).unwrap();
    practising(&bank, 0, hong_login()).unwrap();
}

/// Sessions, challenges and copy slots run on the bank's own clock: one tab practising a month
/// ahead ends no other tab's session or copy, and a slot lives 3 real minutes whatever its
/// opener's practice clock says.
#[test]
fn one_tabs_practice_clock_ends_no_other_tabs_session_or_copy() {
    let bank = MockBank::new(BankStore::memory(), Clock::manual(NOW));
    let other_tab = practising(&bank, 0, hong_login()).unwrap();
    let open = |offset: i64| {
        practising(
            &bank,
            offset,
            RelayOpen {
                token: other_tab.token.clone(),
                verifier_salt: "c2FsdA==".into(),
                verifier: "dmVyaWZpZXI=".into(),
                nonce: "bm9uY2U=".into(),
            },
        )
        .unwrap()
        .slot
    };
    let fetch = |slot: &str| {
        practising(
            &bank,
            0,
            RelayFetch {
                token: other_tab.token.clone(),
                slot: slot.into(),
                verifier: "dmVyaWZpZXI=".into(),
            },
        )
    };
    let slot = open(0);
    // This tab practises a month ahead; its request sweeps at real time.
    practising(&bank, 30 * DAY, hong_login()).unwrap();
    practising(
        &bank,
        0,
        ExtendSession {
            token: other_tab.token.clone(),
        },
    )
    .expect("the other tab's session is still open");
    assert_eq!(fetch(&slot), Ok(None), "its copy slot too");

    let slot = open(4 * YEAR);
    bank.clock().advance(181_000);
    assert_eq!(
        fetch(&slot),
        Err(BankError::RelayUnknown),
        "gone after 3 real minutes"
    );
}

/// The business rules a learner practises still follow the practice clock: 00:30 KST by the
/// page's clock is outside the issuance hours, whatever the real time.
#[test]
fn the_practice_clock_decides_the_issuance_hours() {
    // NOW is 01:00 KST: half an hour earlier is closed.
    let c = login(&demo::HONG);
    c.through_step_5();
    let ticket = c.call(PrepareIssuance { token: c.t() }).unwrap();
    let key = fixed_key(0);
    let subject = x509_cert::name::Name::from_str(&ticket.subject).unwrap();
    let request = || IssueCertificate {
        token: c.t(),
        csr: b64(&cert_center::pki::csr::build(&key, subject.clone()).unwrap()),
        random: b64(&[3u8; 20]),
    };
    assert_eq!(
        practising(&c.bank, -30 * 60_000, request()),
        Err(BankError::OutsideHours)
    );
    let issued = practising(&c.bank, 0, request()).unwrap();
    assert_eq!(issued.fee, 4_400, "issued at 01:00 KST");
}

// ---- Trust, round two: 아이디 비밀번호 재설정 ----

/// A reset logs out whoever used the old password, needs a certificate login of the last few
/// minutes (not one kept alive by 연장 for hours), and keeps the new password with PBKDF2.
#[test]
fn a_password_reset_ends_other_sessions_and_needs_a_recent_certificate_login() {
    let c = login(&demo::HONG);
    c.through_step_5();
    let certificate = c.enroll(PASSWORD);
    let intruder = login_call(&c.bank).unwrap();

    // A certificate session kept alive with 연장 for an hour may not reset.
    let stale = c.login_with(&certificate, PASSWORD).unwrap();
    for _ in 0..12 {
        c.bank.clock().advance(5 * 60_000);
        for token in [&stale.token, &intruder.token] {
            c.call(ExtendSession {
                token: token.clone(),
            })
            .unwrap();
        }
    }
    assert_eq!(
        c.call(ResetLoginPassword {
            token: stale.token.clone(),
            new_password: "NewPass2026".into(),
        }),
        Err(BankError::CertificateLoginRequired)
    );

    let fresh = c.login_with(&certificate, PASSWORD).unwrap();
    c.call(ResetLoginPassword {
        token: fresh.token.clone(),
        new_password: "NewPass2026".into(),
    })
    .unwrap();
    for gone in [intruder.token, stale.token] {
        assert_eq!(
            c.call(ExtendSession { token: gone }),
            Err(BankError::SessionExpired),
            "the sessions of before are gone"
        );
    }
    c.call(ExtendSession { token: fresh.token })
        .expect("the session that reset stays");

    let records = block_on(c.bank.store().snapshot()).unwrap();
    let hong: serde_json::Value = serde_json::from_str(&records["customers"]["hong01"]).unwrap();
    let (kept, hash) = (
        hong["password_hash"][0].as_str().unwrap(),
        hong["password_hash"][1].as_str().unwrap(),
    );
    assert!(kept.starts_with("pbkdf2-sha256:100000:"), "{kept}");
    let salt = kept.rsplit(':').next().unwrap();
    let mut expected = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"NewPass2026", salt.as_bytes(), 100_000, &mut expected);
    assert_eq!(hash, cert_center::encoding::hex(&expected));
    assert_eq!(
        login_call(&c.bank).unwrap_err(),
        BankError::WrongPassword { remaining: 4 }
    );
}
