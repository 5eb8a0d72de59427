//! 인증서발급 동의여부 조회/변경 (issue #13): the consent step 2 records, its withdrawal online,
//! the refusal of issuance and reissue while withdrawn, renewal still possible, and the branch.

use crate::common::*;

const DAY: i64 = 86_400_000;
const PASSWORD: &str = "Hong!2026pass";

fn at_branch(c: &Customer, rrn: &str, account_password: &str) -> ConsentAtBranch {
    ConsentAtBranch {
        token: c.t(),
        rrn: rrn.into(),
        account_password: account_password.into(),
    }
}

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
        assert_says(
            &refusal,
            "미동의 시 인증서 발급/재발급이 제한됩니다(영업점 내점시에만 인증서 발급 등의 변경 가능)",
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
        c.issue(&fixed_key(0), &[1u8; 20]),
        Err(BankError::ConsentWithdrawn)
    );
    c.assert_nothing_issued(50_000);
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
    let branch = c
        .call(at_branch(&c, c.who.rrn, c.who.account_password))
        .unwrap();
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

/// The branch step needs what someone holding only the ID password lacks: the ID card's
/// 주민등록번호 and the account password, each counting toward its lock.
#[test]
fn the_branch_checks_the_id_card_and_the_account_password() {
    let c = login(&demo::HONG);
    c.call(WithdrawConsent { token: c.t() }).unwrap();
    assert_eq!(
        c.call(at_branch(&c, "800101-1234561", c.who.account_password)),
        Err(BankError::RrnMismatch { remaining: 4 })
    );
    assert_eq!(
        c.call(at_branch(&c, c.who.rrn, "0000")),
        Err(BankError::WrongAccountPassword { remaining: 4 })
    );
    assert_eq!(consent(&c).agreed, Some(false), "still 미동의");
    // Without the hyphen, as typed in two fields.
    let branch = c
        .call(at_branch(&c, "8001011234560", c.who.account_password))
        .unwrap();
    assert_eq!(branch.agreed, Some(true));
}

/// While 미동의, 타행·타기관 등록 is refused too: a registered certificate logs in like one
/// issued here.
#[test]
fn while_withdrawn_no_other_institutions_certificate_is_registered() {
    let c = login(&demo::HONG);
    c.call(WithdrawConsent { token: c.t() }).unwrap();
    let refused = c.call(StartRegistration { token: c.t() }).unwrap_err();
    assert_eq!(refused, BankError::RegistrationWithoutConsent);
    assert_says(&refused, "타행·타기관 인증서 등록도 제한");
    // Withdrawn after the registration began: refused at the registration itself.
    let c = login(&demo::MINJI);
    c.call(StartRegistration { token: c.t() }).unwrap();
    c.ars();
    c.verify().unwrap();
    c.call(WithdrawConsent { token: c.t() }).unwrap();
    let other = block_on(cert_center::customer::issue_elsewhere(
        &c.bank,
        c.t(),
        c.who.user_id,
        PASSWORD,
    ))
    .unwrap();
    let registered = block_on(cert_center::customer::register(
        &c.bank,
        c.t(),
        &proof(&other, PASSWORD),
    ));
    assert!(
        matches!(
            registered,
            Err(cert_center::customer::CertError::Bank(
                BankError::RegistrationWithoutConsent
            ))
        ),
        "{registered:?}"
    );
}
