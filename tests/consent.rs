//! 인증서발급 동의여부 조회/변경 (issue #13): the consent step 2 records, its withdrawal online,
//! the refusal of issuance and reissue while withdrawn, renewal still possible, and the branch.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cert_center::pki::keys;
use common::*;

const DAY: i64 = 86_400_000;
const PASSWORD: &str = "Hong!2026pass";

fn consent(c: &Customer) -> ConsentView {
    c.call(GetConsent { token: c.t() }).unwrap()
}

#[test]
fn step_2_records_the_consent_and_withdrawing_it_refuses_issuance_and_reissue() {
    let c = login(&demo::HONG);
    assert_eq!(
        consent(&c),
        ConsentView {
            agreed: None,
            recorded_on: None,
            channel: None
        },
        "a new customer has none recorded"
    );
    c.through_step_5();
    let first = c.enroll(PASSWORD);
    let recorded = consent(&c);
    assert_eq!(
        (recorded.agreed, recorded.channel),
        (Some(true), Some(ConsentChannel::Wizard))
    );
    assert_eq!(recorded.recorded_on.as_deref(), Some("2025-11-25"));

    let withdrawn = c.call(WithdrawConsent { token: c.t() }).unwrap();
    assert_eq!(
        (withdrawn.agreed, withdrawn.channel),
        (Some(false), Some(ConsentChannel::Online))
    );
    // A reissue (the same CA) and a new issuance are refused at step 2, 동의 ticked or not.
    c.call(CancelIssuance { token: c.t() }).unwrap();
    c.terms().unwrap();
    for ca in [Ca::Kica, Ca::CrossCert] {
        let refusal = c.choose(CertKind::General, ca).unwrap_err();
        assert_eq!(refusal, BankError::ConsentWithdrawn);
        assert!(
            refusal
                .to_string()
                .contains("미동의 시 인증서 발급/재발급이 제한됩니다(영업점 내점시에만 인증서 발급 등의 변경 가능)"),
            "{refusal}"
        );
    }
    assert_eq!(c.current(), Step::Target, "nothing moved on");
    assert_eq!(c.balance(), 45_600, "nothing charged");
    c.login_with(&first, PASSWORD).unwrap();
}

#[test]
fn renewal_stays_possible_while_withdrawn() {
    let c = login(&demo::HONG);
    c.through_step_5();
    let old = c.enroll(PASSWORD);
    c.call(WithdrawConsent { token: c.t() }).unwrap();
    c.bank.clock().advance(345 * DAY);
    let c = login_on(&c.bank, c.who);
    let renewed = c.renew(&old, PASSWORD).unwrap();
    assert_eq!(renewed.record.expires, "2027-11-25");
    assert_eq!(
        consent(&c).agreed,
        Some(false),
        "renewal changes no consent"
    );
}

#[test]
fn withdrawn_after_step_2_the_certificate_is_not_issued() {
    let c = login(&demo::HONG);
    c.through_step_5();
    c.call(WithdrawConsent { token: c.t() }).unwrap();
    assert_eq!(
        c.issue(&keys::generate().unwrap(), &[1u8; 20]),
        Err(BankError::ConsentWithdrawn)
    );
    assert_eq!(c.balance(), 50_000);
    assert!(
        c.call(ListCertificates { token: c.t() })
            .unwrap()
            .is_empty()
    );
}

#[test]
fn only_the_branch_gives_it_back() {
    let c = login(&demo::MINJI);
    c.call(WithdrawConsent { token: c.t() }).unwrap();
    let again = c.call(WithdrawConsent { token: c.t() }).unwrap();
    assert_eq!(
        again.agreed,
        Some(false),
        "withdrawing twice changes nothing"
    );
    let branch = c.call(ConsentAtBranch { token: c.t() }).unwrap();
    assert_eq!(
        (branch.agreed, branch.channel),
        (Some(true), Some(ConsentChannel::Branch))
    );
    c.terms().unwrap();
    c.target().unwrap();
    assert_eq!(
        consent(&c).channel,
        Some(ConsentChannel::Branch),
        "kept as recorded"
    );
}
