//! 연습 과제 (issue #23): each task's starting point, prepared by the bank for one demo customer
//! and touching nobody else's records.

use crate::common::*;
use cert_center::customer::{self, CertError, Enrolled};
use cert_center::guide::{self, TASKS};

const DAY: i64 = 86_400_000;
const MINJI_PASSWORD: &str = "Minji!2026pass";

/// 김민지 with a certificate of her own, on a bank of its own.
fn minji_with_a_certificate() -> (Customer, Enrolled) {
    enrolled(&demo::MINJI, MINJI_PASSWORD)
}

fn start(
    bank: &MockBank,
    user_id: &str,
    days_ago: Option<u16>,
) -> Result<Option<Enrolled>, CertError> {
    block_on(customer::start_task(
        bank,
        user_id,
        days_ago,
        guide::PRACTICE_PASSWORD,
    ))
}

/// The date `days` before the test clock's now, as 인증서 조회 shows it.
fn days_before_now(days: u16) -> String {
    cert_center::kst::Kst::from_millis(NOW - i64::from(days) * DAY)
        .unwrap()
        .date()
}

#[test]
fn each_task_starts_where_its_story_does_and_leaves_other_customers_alone() {
    let (minji, minji_cert) = minji_with_a_certificate();
    let minji_before = minji.certificates();
    let minji_balance = minji.balance();
    for task in TASKS {
        let earlier = task.start.earlier;
        let prepared = start(&minji.bank, task.start.user_id, earlier.map(|e| e.days_ago))
            .unwrap_or_else(|e| panic!("{}: {e}", task.id));
        let who = demo::find(task.start.user_id).unwrap();
        let c = login_on(&minji.bank, who);
        let listed = c.certificates();
        match (earlier, prepared) {
            (None, None) => {
                c.assert_nothing_issued(who.balance);
            }
            (Some(e), Some(cert)) => {
                assert_eq!(listed.len(), 1, "{}", task.id);
                assert_eq!(
                    listed[0].valid_from,
                    days_before_now(e.days_ago),
                    "{}",
                    task.id
                );
                assert_eq!(listed[0].ca, Ca::Kica);
                assert_eq!(
                    c.balance(),
                    who.balance - CertKind::General.fee(),
                    "paid then"
                );
                // The key is this browser's, under the password the task names.
                let expired = e.days_ago > 366;
                let login = c.login_with(&cert, guide::PRACTICE_PASSWORD);
                match expired {
                    true => assert_says(rejected_reason(login), "만료"),
                    false => drop(login.unwrap()),
                }
            }
            (earlier, prepared) => panic!("{}: {earlier:?} gave {}", task.id, prepared.is_some()),
        }
        // 김민지 is untouched: her certificate, her balance, her session.
        assert_eq!(minji.certificates(), minji_before, "{}", task.id);
        assert_eq!(minji.balance(), minji_balance);
        minji.login_with(&minji_cert, MINJI_PASSWORD).unwrap();
    }
}

#[test]
fn the_reissue_tasks_cost_nothing_the_expired_one_costs_a_new_certificate_and_renewal_is_open() {
    let bank = MockBank::new(BankStore::memory(), Clock::manual(NOW));
    let fee_after = |id: &str| {
        let task = guide::task(id).unwrap();
        start(
            &bank,
            task.start.user_id,
            task.start.earlier.map(|e| e.days_ago),
        )
        .unwrap();
        let c = login_on(&bank, &demo::HONG);
        c.through_step_3();
        let quote = c.call(GetFee { token: c.t() }).unwrap();
        (quote.reissue, quote.fee)
    };
    assert_eq!(fee_after("forgot-password"), (true, 0));
    assert_eq!(fee_after("formatted"), (true, 0));
    assert_eq!(fee_after("expired"), (false, CertKind::General.fee()));
    assert_eq!(fee_after("first"), (false, CertKind::General.fee()));

    // 갱신: 20 days before expiry, so it renews at once, for a year from the old expiry.
    let task = guide::task("renew").unwrap();
    let old = start(&bank, "hong01", task.start.earlier.map(|e| e.days_ago))
        .unwrap()
        .unwrap();
    let c = login_on(&bank, &demo::HONG);
    let renewed = c.renew(&old, guide::PRACTICE_PASSWORD).unwrap();
    assert_eq!(
        renewed.record.expires, "2026-12-15",
        "a year after the old expiry"
    );
    assert_says(
        rejected_reason(c.login_with(&old, guide::PRACTICE_PASSWORD)),
        "갱신되어",
    );
}

#[test]
fn a_start_unlocks_its_customer_and_refuses_what_it_cannot_prepare() {
    let (minji, _) = minji_with_a_certificate();
    let bank = &minji.bank;
    let hong = |password: &str| {
        block_on(bank.call(Login {
            user_id: "hong01".into(),
            password: password.into(),
        }))
    };
    for _ in 0..LOGIN_ATTEMPTS {
        hong("wrong").unwrap_err();
    }
    assert_eq!(
        hong(demo::HONG.password).unwrap_err(),
        BankError::UserLocked
    );
    start(bank, "hong01", None).unwrap();
    hong(demo::HONG.password).unwrap();

    let before = minji.certificates();
    let too_early = start(bank, "minji02", Some(EARLIEST_DAYS + 1)).unwrap_err();
    assert_says(too_early, "400일 전까지만");
    assert_eq!(minji.certificates(), before, "nothing changed");
    assert_eq!(
        start(bank, "nobody", None).unwrap_err(),
        CertError::Bank(BankError::UnknownUser)
    );
}
