//! The mock bank's login, lock and session rules, through its public API as the UI calls it.

use crate::common::{assert_locks_after, assert_says};
use cert_center::bank::api::{
    ExtendSession, LOGIN_ATTEMPTS, Login, Logout, ResetPractice, SessionToken,
};
use cert_center::bank::{BankApi, BankError, Clock};
use cert_center::mock_bank::{BankStore, MockBank, SESSION_SECS};
use futures::executor::block_on;

const NOW: i64 = 1_764_000_000_000;

fn bank() -> MockBank {
    MockBank::new(BankStore::memory(), Clock::manual(NOW))
}

fn login(bank: &MockBank, user_id: &str, password: &str) -> Result<SessionToken, BankError> {
    block_on(bank.call(Login {
        user_id: user_id.into(),
        password: password.into(),
    }))
    .map(|grant| grant.token)
}

#[test]
fn demo_customer_logs_in_with_name_and_session_time() {
    let grant = block_on(bank().call(Login {
        user_id: "hong01".into(),
        password: "Demo!2345".into(),
    }))
    .expect("hong01 logs in");
    assert_eq!(grant.customer_name, "홍길동");
    assert_eq!(grant.expires_in_secs, SESSION_SECS);
    assert_eq!(grant.token.0.len(), 32, "128-bit token, hex");
}

#[test]
fn every_login_gets_a_fresh_token() {
    let bank = bank();
    let a = login(&bank, "minji02", "Demo!2345").unwrap();
    let b = login(&bank, "minji02", "Demo!2345").unwrap();
    assert_ne!(a, b);
}

#[test]
fn unknown_id_is_refused() {
    assert_eq!(
        login(&bank(), "nobody", "Demo!2345"),
        Err(BankError::UnknownUser)
    );
}

#[test]
fn wrong_password_counts_down_and_fifth_locks() {
    let bank = bank();
    assert_locks_after(
        LOGIN_ATTEMPTS,
        || login(&bank, "hong01", "wrong"),
        |remaining| BankError::WrongPassword { remaining },
        BankError::UserLocked,
    );
    assert_eq!(
        login(&bank, "hong01", "Demo!2345"),
        Err(BankError::UserLocked),
        "the right password no longer opens a locked ID"
    );
}

#[test]
fn message_tells_the_tries_left() {
    let error = login(&bank(), "hong01", "wrong").unwrap_err();
    assert_says(&error, "4회");
}

#[test]
fn success_resets_the_failure_count() {
    let bank = bank();
    for _ in 0..4 {
        login(&bank, "sunsin03", "wrong").unwrap_err();
    }
    login(&bank, "sunsin03", "Demo!2345").unwrap();
    assert_eq!(
        login(&bank, "sunsin03", "wrong"),
        Err(BankError::WrongPassword { remaining: 4 })
    );
}

#[test]
fn lock_survives_a_new_bank_over_the_same_storage() {
    let store = BankStore::memory();
    let first = MockBank::new(store.clone(), Clock::manual(NOW));
    for _ in 0..5 {
        login(&first, "hong01", "wrong").unwrap_err();
    }
    let reloaded = MockBank::new(store, Clock::manual(NOW));
    assert_eq!(
        login(&reloaded, "hong01", "Demo!2345"),
        Err(BankError::UserLocked)
    );
}

#[test]
fn locks_are_per_customer() {
    let bank = bank();
    for _ in 0..5 {
        login(&bank, "hong01", "wrong").unwrap_err();
    }
    login(&bank, "minji02", "Demo!2345").expect("another customer is unaffected");
}

#[test]
fn practice_reset_unlocks() {
    let bank = bank();
    for _ in 0..5 {
        login(&bank, "hong01", "wrong").unwrap_err();
    }
    block_on(bank.call(ResetPractice)).unwrap();
    login(&bank, "hong01", "Demo!2345").expect("unlocked after reset");
}

#[test]
fn session_expires_after_its_time_and_extension_restarts_it() {
    let bank = bank();
    let token = login(&bank, "hong01", "Demo!2345").unwrap();
    let minute = 60_000;
    bank.clock().advance(9 * minute);
    let time = block_on(bank.call(ExtendSession {
        token: token.clone(),
    }))
    .expect("still open after 9 minutes");
    assert_eq!(time.expires_in_secs, SESSION_SECS);
    bank.clock().advance(9 * minute);
    block_on(bank.call(ExtendSession {
        token: token.clone(),
    }))
    .expect("extension restarted the 10 minutes");
    bank.clock().advance(10 * minute + 1);
    assert_eq!(
        block_on(bank.call(ExtendSession { token })),
        Err(BankError::SessionExpired)
    );
}

#[test]
fn logout_ends_the_session() {
    let bank = bank();
    let token = login(&bank, "hong01", "Demo!2345").unwrap();
    block_on(bank.call(Logout {
        token: token.clone(),
    }))
    .unwrap();
    assert_eq!(
        block_on(bank.call(ExtendSession { token })),
        Err(BankError::SessionExpired)
    );
}

#[test]
fn unknown_endpoint_is_a_bad_request() {
    let error = block_on(bank().serve("no_such_thing", "{}")).unwrap_err();
    assert!(matches!(error, BankError::BadRequest { .. }), "{error}");
}
