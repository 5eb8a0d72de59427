//! 타행·타기관 인증서 등록/해제 (issue #5): a certificate from another institution (the
//! practice 모의증권) logs in only once registered after step 3's verification, only for the
//! customer whose VID it carries, and no longer after 해제.

use crate::common::*;
use cert_center::customer::{self, CertError, Enrolled};
use cert_center::mock_bank::DEFAULT_ORIGIN;
use der::Decode;

const PASSWORD: &str = "Other!2026pass";

fn elsewhere(c: &Customer) -> Enrolled {
    block_on(customer::issue_elsewhere(
        &c.bank,
        c.t(),
        c.who.user_id,
        PASSWORD,
    ))
    .unwrap()
}

fn login_with(c: &Customer, e: &Enrolled) -> Result<SessionGrant, CertError> {
    c.login_with(e, PASSWORD)
}

fn register(c: &Customer, e: &Enrolled) -> Result<CertificateView, CertError> {
    block_on(customer::register(&c.bank, c.t(), &proof(e, PASSWORD)))
}

/// Step 3's verification for a registration.
fn verified(c: &Customer) {
    c.call(StartRegistration { token: c.t() }).unwrap();
    c.ars();
    c.verify().unwrap();
}

#[test]
fn another_institutions_certificate_logs_in_between_registration_and_release() {
    let c = login(&demo::HONG);
    let other = elsewhere(&c);
    assert!(other.record.holder.starts_with("홍길동(HONG GILDONG)0004"));
    let refused = login_with(&c, &other).unwrap_err().to_string();
    assert_says(&refused, "모의은행에 등록되지 않은 인증서");

    c.call(StartRegistration { token: c.t() }).unwrap();
    assert!(matches!(
        register(&c, &other),
        Err(CertError::Bank(BankError::VerificationRequired))
    ));
    c.ars();
    c.verify().unwrap();
    let view = register(&c, &other).unwrap();
    assert!(view.registered);
    assert_eq!(view.status, CertStatus::Issued);
    assert_eq!(view.ca, Ca::CrossCert);
    let listed = c.certificates();
    assert_eq!(listed, std::slice::from_ref(&view));
    assert_eq!(login_with(&c, &other).unwrap().user_id, "hong01");
    assert_eq!(c.balance(), 50_000, "registration is free");

    c.call(UnregisterCertificate {
        token: c.t(),
        serial: view.serial.clone(),
    })
    .unwrap();
    assert!(c.certificates().is_empty());
    assert!(login_with(&c, &other).is_err());
    let again = c
        .call(UnregisterCertificate {
            token: c.t(),
            serial: view.serial,
        })
        .unwrap_err()
        .to_string();
    assert_says(&again, "등록된 타행·타기관 인증서가 아닙니다");
}

#[test]
fn the_certificate_must_carry_the_customers_vid() {
    let hong = login(&demo::HONG);
    let hongs = elsewhere(&hong);
    let minji = login_on(&hong.bank, &demo::MINJI);
    verified(&minji);
    let refused = register(&minji, &hongs).unwrap_err().to_string();
    assert_says(
        &refused,
        "본인확인정보(VID)가 고객님의 정보와 일치하지 않습니다",
    );
    assert!(login_with(&minji, &hongs).is_err());
}

#[test]
fn a_certificate_this_bank_issued_is_not_registered_again() {
    let c = login(&demo::HONG);
    c.through_step_5();
    let own = c.enroll(PASSWORD);
    let c = login_on(&c.bank, c.who);
    verified(&c);
    let refused = register(&c, &own).unwrap_err().to_string();
    assert_says(&refused, "모의은행에서 발급했거나 이미 등록된");
}

#[test]
fn the_wizard_starts_afresh_after_a_registration_began() {
    let c = login(&demo::HONG);
    verified(&c);
    assert_eq!(c.current(), Step::Terms);
}

/// The serials the CA's CRL lists.
fn crl_serials(c: &Customer, ca: Ca) -> Vec<String> {
    let crl = unb64(&c.call(GetCrl { ca }).unwrap());
    x509_cert::crl::CertificateList::from_der(&crl)
        .unwrap()
        .tbs_cert_list
        .revoked_certificates
        .unwrap_or_default()
        .iter()
        .map(|r| r.serial_number.to_string())
        .collect()
}

fn serial_of(e: &Enrolled) -> String {
    x509_cert::Certificate::from_der(&e.certificate)
        .unwrap()
        .tbs_certificate()
        .serial_number()
        .to_string()
}

/// Steps 1 to 3 choosing `ca` for a 범용 certificate, and the fee step 4 then quotes.
fn quote_for(c: &Customer, ca: Ca) -> FeeQuote {
    c.terms().unwrap();
    c.choose(CertKind::General, ca).unwrap();
    c.ars();
    c.verify().unwrap();
    c.call(GetFee { token: c.t() }).unwrap()
}

#[test]
fn a_revoked_certificate_is_never_registered_and_the_next_one_is_paid() {
    let c = login(&demo::HONG);
    c.through_step_5();
    let own = c.enroll(PASSWORD);
    let c = login_on(&c.bank, c.who);
    assert_eq!(c.revoke(&own, PASSWORD).unwrap().refund, 4_400);
    assert_eq!(c.balance(), 50_000);
    verified(&c);
    let refused = register(&c, &own).unwrap_err().to_string();
    assert_says(&refused, "폐기된 인증서도 등록할 수 없습니다");
    assert!(c.login_with(&own, PASSWORD).is_err());
    assert_eq!(crl_serials(&c, Ca::Kica), vec![serial_of(&own)]);
    let c = login_on(&c.bank, c.who);
    let quote = quote_for(&c, Ca::Kica);
    assert_eq!((quote.fee, quote.reissue), (4_400, false), "no free year");
}

#[test]
fn a_registered_certificate_is_not_this_banks_to_reissue_renew_revoke_or_list_in_its_crl() {
    let c = login(&demo::HONG);
    let other = elsewhere(&c);
    verified(&c);
    let view = register(&c, &other).unwrap();
    assert_eq!(view.ca, Ca::CrossCert);

    let targets = c.call(GetTargets { token: c.t() }).unwrap();
    assert!(
        targets.by_ca.contains(&(Ca::CrossCert, false)),
        "{targets:?}"
    );
    let c = login_on(&c.bank, c.who);
    let quote = quote_for(&c, Ca::CrossCert);
    assert_eq!((quote.fee, quote.reissue), (4_400, false));

    let refused = c.revoke(&other, PASSWORD).unwrap_err().to_string();
    assert_says(&refused, "등록 해제만 할 수 있습니다");
    let renewal = block_on(customer::renew(
        &c.bank,
        customer::Renewal {
            token: &c.t(),
            user_id: c.who.user_id,
            proof: &proof_at(
                DEFAULT_ORIGIN,
                &other.certificate,
                &other.key_file,
                PASSWORD,
            ),
        },
        async |_| {},
    ))
    .unwrap_err()
    .to_string();
    assert_says(&renewal, "등록 해제만 할 수 있습니다");
    assert!(crl_serials(&c, Ca::CrossCert).is_empty());
    assert_eq!(login_with(&c, &other).unwrap().user_id, "hong01");
}

#[test]
fn release_keeps_the_record_and_the_same_customer_may_register_again() {
    let c = login(&demo::HONG);
    let other = elsewhere(&c);
    verified(&c);
    let view = register(&c, &other).unwrap();
    c.call(UnregisterCertificate {
        token: c.t(),
        serial: view.serial.clone(),
    })
    .unwrap();
    let refused = login_with(&c, &other).unwrap_err().to_string();
    assert_says(&refused, "등록이 해제된");

    // Someone else cannot take it over; its owner can bring it back.
    let minji = login_on(&c.bank, &demo::MINJI);
    verified(&minji);
    assert!(register(&minji, &other).is_err());
    verified(&c);
    assert_eq!(register(&c, &other).unwrap().serial, view.serial);
    assert_eq!(login_with(&c, &other).unwrap().user_id, "hong01");
}
