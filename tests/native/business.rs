//! 기업용인증서 발급 and 전자세금용 인증서 (issue #12): who may enter the business wizards, the
//! 사업자등록번호 at step 1, the business kinds at step 2, the fee, the certificate the bank
//! issues (policy, DN, VID over the business number) and 기업뱅킹 certificate login.

use crate::common::*;
use cert_center::customer;
use cert_center::pki;
use der::Decode;

const PASSWORD: &str = "Corp!2026pass";
const DAY: i64 = 86_400_000;

fn status(c: &Customer, menu: IssueMenu) -> Result<IssuanceStatus, BankError> {
    c.call(GetIssuance { token: c.t(), menu })
}

/// `c` in the wizard of `menu`, steps 1 to 5 done for `kind` from `ca`. The clock moves past
/// the OTP's 30-second step first, since no OTP code passes twice.
fn through_step_5(c: &mut Customer, menu: IssueMenu, kind: CertKind, ca: Ca) {
    c.menu = menu;
    c.bank.clock().advance(31_000);
    // A new issuance: the one finished before is done with.
    c.call(CancelIssuance { token: c.t() }).unwrap();
    status(c, menu).unwrap();
    c.through_step_5_with(kind, ca);
}

/// A business certificate of `kind` from `ca`, through its menu (전자세금용 or 기업용).
fn issue(c: &mut Customer, kind: CertKind, ca: Ca) -> customer::Enrolled {
    let menu = match kind {
        CertKind::Tax => IssueMenu::Tax,
        _ => IssueMenu::Corporate,
    };
    through_step_5(c, menu, kind, ca);
    c.enroll(PASSWORD)
}

fn certificate(e: &customer::Enrolled) -> x509_cert::Certificate {
    x509_cert::Certificate::from_der(&e.certificate).unwrap()
}

fn policy(e: &customer::Enrolled) -> String {
    pki::npki::details(&e.certificate).unwrap().policies[0]
        .0
        .clone()
}

#[test]
fn corp01_issues_a_corporate_general_certificate_for_110000_won() {
    let mut c = login(&demo::CORP);
    assert_eq!(c.balance(), 500_000);
    let e = issue(&mut c, CertKind::CorporateGeneral, Ca::Kica);
    assert_eq!(c.balance(), 390_000);
    let subject = certificate(&e).tbs_certificate().subject().to_string();
    assert!(
        subject.starts_with("CN=(주)모의상사()0004")
            && subject.ends_with(",OU=KMB,OU=corporation4EC,O=KICA,C=kr"),
        "{subject}"
    );
    assert_eq!(policy(&e), "1.2.410.200004.5.2.1.1");
    assert_eq!(e.record.kind, "기업 범용 인증서");
    let rows = c.certificates();
    assert_eq!(
        (rows[0].kind, rows[0].ca, rows[0].status),
        (CertKind::CorporateGeneral, Ca::Kica, CertStatus::Issued)
    );
    assert_eq!(rows[0].kind.full_label(), "기업 범용");
}

#[test]
fn the_vid_binds_the_business_number_not_the_representative() {
    let c = {
        let mut c = login(&demo::CORP);
        through_step_5(
            &mut c,
            IssueMenu::Corporate,
            CertKind::CorporateGeneral,
            Ca::CrossCert,
        );
        c
    };
    let r = [7u8; 20];
    let issued = c.issue(&fixed_key(0), &r).unwrap();
    let der = unb64(&issued.certificate);
    let certificate = x509_cert::Certificate::from_der(&der).unwrap();
    let (real_name, vid) = pki::ca::certificate_vid(&certificate).unwrap();
    assert_eq!(real_name, "(주)모의상사");
    assert_eq!(vid, pki::vid::vid("123-45-06782", &r).unwrap());
    assert_ne!(vid, pki::vid::vid(demo::CORP.rrn, &r).unwrap());
    assert_eq!(issued.fee, 110_000);
}

#[test]
fn the_business_kinds_come_from_their_cas_with_their_policies() {
    let mut c = login(&demo::CORP);
    let bank = issue(&mut c, CertKind::CorporateBank, Ca::Yessign);
    assert_eq!(policy(&bank), "1.2.410.200005.1.1.2");
    let tax = issue(&mut c, CertKind::Tax, Ca::Yessign);
    assert_eq!(policy(&tax), "1.2.410.200005.1.1.6.8");
    let kica_tax = issue(&mut c, CertKind::Tax, Ca::Kica);
    assert_eq!(policy(&kica_tax), "1.2.410.200004.5.2.1.6.257");
    assert!(
        certificate(&tax)
            .tbs_certificate()
            .subject()
            .to_string()
            .ends_with(",OU=KMB,OU=corporation4EC,O=yessign,C=kr")
    );
    assert_eq!(c.balance(), 500_000 - 3 * 4_400);
    let tax_row = c
        .call(ListCertificates { token: c.t() })
        .unwrap()
        .into_iter()
        .find(|r| r.kind == CertKind::Tax)
        .unwrap();
    assert_eq!(tax_row.kind.full_label(), "전자세금용");
}

#[test]
fn biz02_is_refused_with_the_manuals_sentence_and_nothing_changes() {
    let c = login(&demo::BIZ);
    for menu in [IssueMenu::Corporate, IssueMenu::Tax] {
        let refusal = status(&c, menu).unwrap_err();
        assert_eq!(refusal, BankError::BusinessNotRegistered);
        assert_eq!(
            refusal.to_string(),
            "개인사업자와 임의단체가 기업용인증서를 발급받으려면 모의은행 지점에서 사업자등록번호와 납세번호를 등록해야 합니다."
        );
    }
    // Asked directly, step 1 refuses too, and counts nothing against the number.
    assert_eq!(
        c.call(AgreeTerms {
            token: c.t(),
            basic_terms: true,
            service_terms: true,
            id_number: "456-12-34574".into(),
        }),
        Err(BankError::PersonalForBusiness)
    );
    c.assert_nothing_issued(5_000);
}

#[test]
fn each_wizard_is_for_its_customers() {
    let hong = login(&demo::HONG);
    for menu in [IssueMenu::Corporate, IssueMenu::Tax] {
        let refusal = status(&hong, menu).unwrap_err();
        assert_eq!(refusal, BankError::NotBusinessCustomer);
        assert_says(&refusal, "기업인터넷뱅킹");
    }
    let corp = login(&demo::CORP);
    let refusal = status(&corp, IssueMenu::Personal).unwrap_err();
    assert_eq!(refusal, BankError::PersonalForBusiness);
    assert_says(&refusal, "기업용인증서 발급");
}

#[test]
fn step_1_takes_the_businesss_own_valid_number() {
    let c = login(&demo::CORP);
    status(&c, IssueMenu::Corporate).unwrap();
    let agree = |number: &str| {
        c.call(AgreeTerms {
            token: c.t(),
            basic_terms: true,
            service_terms: true,
            id_number: number.into(),
        })
    };
    assert_eq!(agree("123-45-06783"), Err(BankError::InvalidBusinessNumber));
    assert_eq!(agree(demo::CORP.rrn), Err(BankError::InvalidBusinessNumber));
    assert_eq!(
        agree("456-12-34574"),
        Err(BankError::BusinessNumberMismatch { remaining: 4 })
    );
    assert!(agree("1234506782").is_ok(), "hyphens are optional");
    assert_eq!(c.current(), Step::Target);
}

#[test]
fn step_2_offers_only_the_menus_kinds_from_their_cas() {
    let mut c = login(&demo::CORP);
    status(&c, IssueMenu::Corporate).unwrap();
    c.terms().unwrap();
    let refusal = c.choose(CertKind::General, Ca::Kica).unwrap_err();
    assert!(
        matches!(refusal, BankError::KindNotOffered { .. })
            && refusal.to_string().contains("기업용 인증서 발급"),
        "{refusal}"
    );
    assert!(matches!(
        c.choose(CertKind::CorporateBank, Ca::Kica),
        Err(BankError::CaNotOffered { .. })
    ));
    assert!(matches!(
        c.choose(CertKind::Tax, Ca::Yessign),
        Err(BankError::KindNotOffered { .. })
    ));
    let targets = c.call(GetTargets { token: c.t() }).unwrap();
    assert_eq!(
        targets.by_ca,
        [
            (Ca::CrossCert, false),
            (Ca::Kica, false),
            (Ca::SignKorea, false)
        ]
    );
    c.choose(CertKind::CorporateGeneral, Ca::SignKorea).unwrap();

    // The 전자세금용 wizard starts afresh and offers 전자세금용 from yessign and KICA only.
    c.menu = IssueMenu::Tax;
    status(&c, IssueMenu::Tax).unwrap();
    assert_eq!(
        c.current(),
        Step::Terms,
        "another wizard's progress is dropped"
    );
    c.terms().unwrap();
    assert!(matches!(
        c.choose(CertKind::Tax, Ca::SignKorea),
        Err(BankError::CaNotOffered { .. })
    ));
    assert_eq!(
        c.call(GetTargets { token: c.t() }).unwrap().by_ca,
        [(Ca::Yessign, false), (Ca::Kica, false)]
    );
}

#[test]
fn step_5_names_the_company_and_its_representative() {
    let mut c = login(&demo::CORP);
    c.menu = IssueMenu::Corporate;
    status(&c, IssueMenu::Corporate).unwrap();
    c.at_step_3_after_ars();
    c.verify().unwrap();
    c.call(ConfirmFee { token: c.t() }).unwrap();
    assert_eq!(
        c.call(GetBankName { token: c.t() }).unwrap(),
        BankNames {
            name: "(주)모의상사".into(),
            representative: "김대표".into()
        }
    );
    let submit = |change: &dyn Fn(&mut CustomerDetails)| c.refused_detail(change);
    assert_eq!(submit(&|d| d.name = "김대표".into()), "name");
    assert_eq!(
        submit(&|d| d.representative = String::new()),
        "representative"
    );
    assert_eq!(
        submit(&|d| d.representative = "박사장".into()),
        "representative"
    );
}

#[test]
fn a_110000_won_fee_is_refused_when_the_balance_is_short() {
    let mut c = login(&demo::CORP);
    let general = |c: &mut Customer, ca| issue(c, CertKind::CorporateGeneral, ca);
    let kica = general(&mut c, Ca::Kica);
    let cross = general(&mut c, Ca::CrossCert);
    general(&mut c, Ca::SignKorea);
    assert_eq!(c.balance(), 170_000);
    // From the 8th day a revocation refunds nothing; a new 범용 costs the full fee again.
    c.bank.clock().advance(8 * DAY);
    let mut c = login_on(&c.bank, c.who);
    c.revoke(&kica, PASSWORD).unwrap();
    c.revoke(&cross, PASSWORD).unwrap();
    general(&mut c, Ca::Kica);
    assert_eq!(c.balance(), 60_000);
    c.bank.clock().advance(31_000);
    status(&c, IssueMenu::Corporate).unwrap();
    c.terms().unwrap();
    c.choose(CertKind::CorporateGeneral, Ca::CrossCert).unwrap();
    c.ars();
    c.verify().unwrap();
    let refusal = c.call(ConfirmFee { token: c.t() }).unwrap_err();
    assert_eq!(
        refusal,
        BankError::InsufficientBalance {
            balance: 60_000,
            fee: 110_000
        }
    );
    assert_says(&refusal, "110,000원");
}

#[test]
fn revoking_a_corporate_certificate_within_7_days_refunds_110000_won() {
    let mut c = login(&demo::CORP);
    let e = issue(&mut c, CertKind::CorporateGeneral, Ca::Kica);
    let revocation = c.revoke(&e, PASSWORD).unwrap();
    assert_eq!(revocation.refund, 110_000);
    assert_eq!(c.balance(), 500_000);
}

#[test]
fn corporate_login_takes_only_the_businesss_certificates() {
    let mut corp = login(&demo::CORP);
    let e = issue(&mut corp, CertKind::CorporateGeneral, Ca::Kica);
    let grant = corp.login_to(&e, PASSWORD, true).unwrap();
    assert_eq!(
        (grant.user_id.as_str(), grant.customer_name.as_str()),
        ("corp01", "(주)모의상사")
    );
    assert!(rejected_reason(corp.login_to(&e, PASSWORD, false)).contains("기업용 인증서입니다"));

    let hong = login_on(&corp.bank, &demo::HONG);
    hong.through_step_5();
    let personal = hong.enroll("Hong!2026pass");
    assert!(
        rejected_reason(hong.login_to(&personal, "Hong!2026pass", true))
            .contains("개인용 인증서로는 기업뱅킹에 로그인할 수 없습니다")
    );
    hong.login_to(&personal, "Hong!2026pass", false).unwrap();
}

#[test]
fn reissue_receipt_and_renewal_work_for_a_corporate_certificate() {
    let mut c = login(&demo::CORP);
    let first = issue(&mut c, CertKind::CorporateGeneral, Ca::Kica);
    // 재발급 of the same CA within its validity: free, the old one revoked, the expiry kept.
    let second = issue(&mut c, CertKind::CorporateGeneral, Ca::Kica);
    assert_eq!(c.balance(), 390_000);
    assert_eq!(second.record.expires, first.record.expires);
    assert!(rejected_reason(c.login_to(&first, PASSWORD, true)).contains("재발급으로 폐기된"));

    // From the 8th day the receipt of the 110,000원 is there.
    c.bank.clock().advance(7 * DAY);
    let c = login_on(&c.bank, c.who);
    let receipts = c.call(ListReceipts { token: c.t() }).unwrap();
    assert_eq!(
        receipts
            .iter()
            .map(|r| (r.kind, r.fee, r.available))
            .collect::<Vec<_>>(),
        [(CertKind::CorporateGeneral, 110_000, true)]
    );

    // 갱신 20 days before expiry: another 110,000원, the same company subject, one more year.
    c.bank.clock().advance(338 * DAY);
    let c = login_on(&c.bank, c.who);
    let renewed = c.renew(&second, PASSWORD).unwrap();
    assert_eq!(c.balance(), 280_000);
    assert_eq!(renewed.record.holder, second.record.holder);
    assert!(renewed.record.holder.starts_with("(주)모의상사()0004"));
    assert_eq!(policy(&renewed), "1.2.410.200004.5.2.1.1");
    c.login_to(&renewed, PASSWORD, true).unwrap();
}

#[test]
fn registration_of_other_certificates_is_for_personal_customers() {
    let c = login(&demo::CORP);
    let refusal = c.call(StartRegistration { token: c.t() }).unwrap_err();
    assert_eq!(refusal, BankError::RegistrationForPersons);
    assert_says(&refusal, "기업용인증서 발급");
    let hong = login_on(&c.bank, &demo::HONG);
    hong.call(StartRegistration { token: hong.t() }).unwrap();
}
