//! The mock bank's issuance wizard rules (steps 1–5), through the API as the UI calls it.

use crate::common::*;

#[test]
fn hong_goes_through_steps_one_to_five() {
    let c = login(&demo::HONG);
    assert_eq!(c.current(), Step::Terms);
    c.through_step_3();
    let quote = c.call(GetFee { token: c.t() }).unwrap();
    assert_eq!(quote.fee, 4_400);
    assert_eq!(quote.account, "123456-78-901234");
    c.call(ConfirmFee { token: c.t() }).unwrap();
    assert_eq!(c.call(GetBankName { token: c.t() }).unwrap().name, "홍길동");
    c.call(SubmitDetails {
        token: c.t(),
        details: c.details(),
    })
    .unwrap();
    assert_eq!(c.current(), Step::Password);
}

#[test]
fn a_later_step_is_refused_before_the_earlier_ones() {
    let c = login(&demo::HONG);
    assert_eq!(
        c.target(),
        Err(BankError::OutOfOrder {
            step: 1,
            title: "약관동의 및 사용자 본인확인".into()
        })
    );
    assert!(matches!(
        c.call(GetFee { token: c.t() }),
        Err(BankError::OutOfOrder { step: 1, .. })
    ));
    assert!(matches!(
        c.call(SubmitDetails {
            token: c.t(),
            details: c.details()
        }),
        Err(BankError::OutOfOrder { step: 1, .. })
    ));
}

#[test]
fn step_one_needs_both_terms_and_the_customers_own_valid_number() {
    let c = login(&demo::HONG);
    let agree = |basic, service, rrn: &str| {
        c.call(AgreeTerms {
            token: c.t(),
            basic_terms: basic,
            service_terms: service,
            id_number: rrn.into(),
        })
        .map(drop)
    };
    assert_eq!(
        agree(true, false, "800101-1234560"),
        Err(BankError::TermsNotAgreed)
    );
    assert_eq!(
        agree(true, true, "800101-1234561"),
        Err(BankError::InvalidRrn)
    );
    assert_eq!(
        agree(true, true, "850315-2345678"),
        Err(BankError::RrnMismatch { remaining: 4 })
    );
    assert_eq!(agree(true, true, "8001011234560"), Ok(()));
}

#[test]
fn step_two_needs_every_agreement_and_a_ca_that_issues_the_kind() {
    let c = login(&demo::HONG);
    c.terms().unwrap();
    let choose = |kind, ca, terms, third, prior| {
        c.call(ChooseCertificate {
            token: c.t(),
            kind,
            ca,
            ca_terms: terms,
            third_party: third,
            prior_consent: prior,
        })
        .map(drop)
    };
    let refused = |r: Result<(), BankError>| match r {
        Err(BankError::ConsentMissing { what }) => what,
        other => panic!("{other:?}"),
    };
    assert!(
        refused(choose(CertKind::General, Ca::Kica, false, true, true)).contains("한국정보인증")
    );
    assert!(refused(choose(CertKind::General, Ca::Kica, true, false, true)).contains("제3자"));
    assert!(refused(choose(CertKind::General, Ca::Kica, true, true, false)).contains("사전동의"));
    assert!(matches!(
        choose(CertKind::General, Ca::Yessign, true, true, true),
        Err(BankError::CaNotOffered { .. })
    ));
    assert!(matches!(
        choose(CertKind::BankOnly, Ca::Kica, true, true, true),
        Err(BankError::CaNotOffered { .. })
    ));
    assert_eq!(
        choose(CertKind::BankOnly, Ca::Yessign, true, true, true),
        Ok(())
    );
    let quote_kind = c
        .call(GetIssuance {
            token: c.t(),
            menu: IssueMenu::Personal,
        })
        .unwrap()
        .kind;
    assert_eq!(quote_kind, Some(CertKind::BankOnly));
}

#[test]
fn targets_list_the_three_general_cas_as_not_issued() {
    let c = login(&demo::HONG);
    let targets = c.call(GetTargets { token: c.t() }).unwrap();
    assert_eq!(
        targets.by_ca,
        vec![
            (Ca::CrossCert, false),
            (Ca::Kica, false),
            (Ca::SignKorea, false)
        ]
    );
}

#[test]
fn ars_needs_the_right_number_keyed_before_completion() {
    let c = login(&demo::HONG);
    c.terms().unwrap();
    c.target().unwrap();
    let v = c.call(GetVerification { token: c.t() }).unwrap();
    assert_eq!(v.phones, vec!["010-****-5678", "02-***-4567"]);
    assert!(!v.identity_confirmed);
    assert_eq!(
        c.verify(),
        Err(BankError::IdentityNotConfirmed),
        "account check waits for ARS"
    );
    assert_eq!(
        c.call(StartArs {
            token: c.t(),
            phone: 5
        })
        .map(drop),
        Err(BankError::UnknownPhone)
    );

    let call = c
        .call(StartArs {
            token: c.t(),
            phone: 1,
        })
        .unwrap();
    assert_eq!(call.phone, "02-***-4567");
    assert_eq!(call.approval_number.len(), 2);
    assert_eq!(
        c.call(ConfirmArs { token: c.t() }),
        Err(BankError::ArsNotApproved),
        "not keyed yet"
    );
    let wrong = c
        .call(AnswerArs {
            token: c.t(),
            keyed: flip(&call.approval_number),
        })
        .unwrap();
    assert!(!wrong.approved);
    assert_eq!(
        c.call(ConfirmArs { token: c.t() }),
        Err(BankError::ArsNotApproved)
    );
    c.ars();
    assert!(
        c.call(GetVerification { token: c.t() })
            .unwrap()
            .identity_confirmed
    );
}

#[test]
fn departure_check_finds_no_record_for_demo_customers() {
    let c = login(&demo::MINJI);
    c.terms().unwrap();
    c.target().unwrap();
    assert_eq!(
        c.call(CheckDeparture { token: c.t() }),
        Err(BankError::NoDepartureRecord)
    );
}

#[test]
fn five_wrong_card_answers_lock_the_card_across_sessions() {
    let bank = MockBank::new(BankStore::memory(), Clock::manual(NOW));
    let c = login_on(&bank, &demo::HONG);
    c.at_step_3_after_ars();
    assert_locks_after(
        CARD_ATTEMPTS,
        || c.verify_with("4826", c.wrong_answer()),
        |remaining| BankError::WrongSecurityCard { remaining },
        BankError::SecurityCardLocked,
    );
    assert_eq!(c.verify(), Err(BankError::SecurityCardLocked));

    let again = login_on(&bank, &demo::HONG);
    again.at_step_3_after_ars();
    assert_eq!(
        again.verify(),
        Err(BankError::SecurityCardLocked),
        "the card stays locked"
    );
    let tries = match again
        .call(GetVerification { token: again.t() })
        .unwrap()
        .second_factor
    {
        SecondFactorPrompt::Card { tries_left, .. } => tries_left,
        other => panic!("{other:?}"),
    };
    assert_eq!(tries, 0);

    block_on(bank.call(ResetPractice)).unwrap();
    let after_reset = login_on(&bank, &demo::HONG);
    after_reset.through_step_3();
}

#[test]
fn a_wrong_card_answer_brings_new_code_numbers() {
    let c = login(&demo::HONG);
    c.at_step_3_after_ars();
    let mut seen = std::collections::HashSet::new();
    for _ in 0..4 {
        if let SecondFactorPrompt::Card { first, second, .. } = c
            .call(GetVerification { token: c.t() })
            .unwrap()
            .second_factor
        {
            assert_ne!(first, second);
            assert!((1..=35).contains(&first) && (1..=35).contains(&second));
            seen.insert((first, second));
        }
        c.verify_with("4826", c.wrong_answer()).unwrap_err();
    }
    assert!(
        seen.len() > 1,
        "positions change after a wrong answer: {seen:?}"
    );
}

#[test]
fn account_password_locks_after_five() {
    let c = login(&demo::HONG);
    c.at_step_3_after_ars();
    assert_locks_after(
        ACCOUNT_PASSWORD_ATTEMPTS,
        || c.verify_with("0000", c.right_answer()),
        |remaining| BankError::WrongAccountPassword { remaining },
        BankError::AccountPasswordLocked,
    );
    assert_eq!(c.verify(), Err(BankError::AccountPasswordLocked));
}

#[test]
fn otp_accepts_the_current_code_and_locks_after_ten_wrong() {
    let c = login(&demo::MINJI);
    c.at_step_3_after_ars();
    assert_locks_after(
        OTP_ATTEMPTS,
        || c.verify_with("1357", c.wrong_answer()),
        |remaining| BankError::WrongOtp { remaining },
        BankError::OtpLocked,
    );
    assert_eq!(c.verify(), Err(BankError::OtpLocked));

    let fresh = login(&demo::MINJI);
    fresh.at_step_3_after_ars();
    assert_eq!(fresh.verify(), Ok(()));
}

#[test]
fn sunsin_is_refused_at_the_fee_and_nothing_changes() {
    let c = login(&demo::SUNSIN);
    c.through_step_3();
    assert_eq!(
        c.call(ConfirmFee { token: c.t() }),
        Err(BankError::InsufficientBalance {
            balance: 3_000,
            fee: 4_400
        })
    );
    assert_eq!(c.current(), Step::Fee);
    let message = c.call(ConfirmFee { token: c.t() }).unwrap_err().to_string();
    assert!(
        message.contains("3,000원") && message.contains("4,400원"),
        "{message}"
    );
}

#[test]
fn details_are_checked_field_by_field_and_the_name_must_be_the_customers() {
    let c = login(&demo::HONG);
    c.through_step_3();
    c.call(ConfirmFee { token: c.t() }).unwrap();
    let submit = |change: &dyn Fn(&mut CustomerDetails)| c.refused_detail(change);
    assert_eq!(
        submit(&|d| d.english_name = "HONG-GILDONG".into()),
        "english_name"
    );
    assert_eq!(submit(&|d| d.email = "hong@".into()), "email");
    assert_eq!(submit(&|d| d.address = String::new()), "address");
    assert_eq!(submit(&|d| d.phone = "12345".into()), "phone");
    assert_eq!(submit(&|d| d.mobile = "02-123-4567".into()), "mobile");
    assert_eq!(submit(&|d| d.name = "김민지".into()), "name");
    assert_eq!(c.current(), Step::Details);
}

#[test]
fn redoing_an_earlier_step_asks_for_the_later_ones_again() {
    let c = login(&demo::HONG);
    c.through_step_3();
    c.target().unwrap();
    assert_eq!(c.current(), Step::Verify);
    assert!(
        !c.call(GetVerification { token: c.t() })
            .unwrap()
            .identity_confirmed
    );
}

#[test]
fn cancel_and_logout_drop_the_issuance_but_a_reload_keeps_it() {
    let store = BankStore::memory();
    let c = login_on(
        &MockBank::new(store.clone(), Clock::manual(NOW)),
        &demo::HONG,
    );
    c.terms().unwrap();
    c.target().unwrap();

    let reloaded = Customer {
        bank: MockBank::new(store, Clock::manual(NOW)),
        token: c.t(),
        who: c.who,
        menu: c.menu,
    };
    assert_eq!(
        reloaded.current(),
        Step::Verify,
        "same storage, same progress"
    );

    c.call(CancelIssuance { token: c.t() }).unwrap();
    assert_eq!(c.current(), Step::Terms);

    c.terms().unwrap();
    c.call(Logout { token: c.t() }).unwrap();
    assert_eq!(
        c.call(GetIssuance {
            token: c.t(),
            menu: IssueMenu::Personal
        })
        .map(|s| s.progress.current()),
        Err(BankError::SessionExpired)
    );
}

#[test]
fn five_resident_numbers_that_are_not_the_customers_lock_step_one() {
    let c = login(&demo::HONG);
    let agree = |rrn: &str| {
        c.call(AgreeTerms {
            token: c.t(),
            basic_terms: true,
            service_terms: true,
            id_number: rrn.into(),
        })
        .map(drop)
    };
    // 김민지's number: valid, not 홍길동's.
    assert_locks_after(
        RRN_ATTEMPTS,
        || agree("850315-2345678"),
        |remaining| BankError::RrnMismatch { remaining },
        BankError::RrnLocked,
    );
    assert_eq!(agree(demo::HONG.rrn), Err(BankError::RrnLocked));
    // The lock is on the customer's record, not the session.
    let again = login_on(&c.bank, &demo::HONG);
    assert_eq!(again.terms(), Err(BankError::RrnLocked));
    block_on(c.bank.call(ResetPractice)).unwrap();
    let after_reset = login_on(&c.bank, &demo::HONG);
    assert_eq!(after_reset.terms(), Ok(()));
}

#[test]
fn an_otp_code_passes_once() {
    let c = login(&demo::MINJI);
    c.at_step_3_after_ars();
    let code = c.right_answer();
    assert_eq!(c.verify_with("1357", code.clone()), Ok(()));

    // A second issuance in the same half minute: the code shown has been used.
    let again = login_on(&c.bank, &demo::MINJI);
    again.at_step_3_after_ars();
    assert_eq!(again.verify_with("1357", code), Err(BankError::OtpReused));
    assert_eq!(
        again.verify_with("1357", again.right_answer()),
        Err(BankError::OtpReused)
    );
    let left = again.call(GetVerification { token: again.t() }).unwrap();
    assert_eq!(
        left.second_factor,
        SecondFactorPrompt::Otp { tries_left: 10 },
        "a used code is not counted as wrong"
    );
    // The next code, half a minute later, passes.
    c.bank.clock().advance(30_000);
    assert_eq!(again.verify(), Ok(()));
}
