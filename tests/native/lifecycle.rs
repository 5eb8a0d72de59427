//! After issuance (issue #5): 재발급, 폐기 with its refund and the CRL, 갱신 from 30 days before
//! expiry, and the receipts, with the bank's clock moved by hand.

use crate::common::*;
use cert_center::customer::{self, CertError};
use cert_center::mock_bank::DEFAULT_ORIGIN;
use cert_center::pki::signing;

const DAY: i64 = 86_400_000;
const PASSWORD: &str = "Hong!2026pass";

/// 홍길동's first certificate (issued at NOW, 2025-11-25 01:00 KST) and its browser record.
fn hong_issued() -> (Customer, customer::Enrolled) {
    let c = login(&demo::HONG);
    c.through_step_5();
    let enrolled = c.enroll(PASSWORD);
    (c, enrolled)
}

/// Moves the bank's clock and logs in again (a session lasts 10 minutes).
fn later(c: &Customer, ms: i64) -> Customer {
    c.bank.clock().advance(ms);
    login_on(&c.bank, c.who)
}

/// `old` is refused at login for `reason`, and `new` logs in.
#[track_caller]
fn replaced(c: &Customer, old: &customer::Enrolled, new: &customer::Enrolled, reason: &str) {
    assert_says(rejected_reason(login_with(c, old)), reason);
    login_with(c, new).unwrap();
}

/// What 인증서 조회 lists: each certificate's expiry and status, as on screen.
fn statuses(c: &Customer) -> Vec<String> {
    c.certificates()
        .into_iter()
        .map(|v| format!("{} {}", v.valid_to, v.status.label()))
        .collect()
}

fn login_with(c: &Customer, e: &customer::Enrolled) -> Result<SessionGrant, CertError> {
    c.login_with(e, PASSWORD)
}

fn revoke(c: &Customer, e: &customer::Enrolled, password: &str) -> Result<Revocation, CertError> {
    c.revoke(e, password)
}

fn renew(c: &Customer, e: &customer::Enrolled) -> Result<customer::Enrolled, CertError> {
    c.renew(e, PASSWORD)
}

#[test]
fn reissue_revokes_the_old_certificate_keeps_its_expiry_and_costs_nothing() {
    let (c, first) = hong_issued();
    assert_eq!(c.balance(), 45_600);
    let c = later(&c, 10 * DAY);
    c.through_step_3();
    let quote = c.call(GetFee { token: c.t() }).unwrap();
    assert!(quote.reissue);
    assert_eq!(quote.fee, 0);
    c.call(ConfirmFee { token: c.t() }).unwrap();
    c.call(SubmitDetails {
        token: c.t(),
        details: c.details(),
    })
    .unwrap();
    let second = c.enroll(PASSWORD);
    assert_eq!(
        c.balance(),
        45_600,
        "a reissue of a paid certificate is free"
    );
    assert_eq!(second.record.expires, first.record.expires);
    assert_eq!(statuses(&c), ["2026-11-25 폐기", "2026-11-25 발급"]);
    replaced(&c, &first, &second, "재발급으로 폐기된");
}

#[test]
fn revocation_within_7_days_refunds_the_fee_and_login_is_refused_from_then_on() {
    let (c, e) = hong_issued();
    // 2025-12-01 is the 7th day, the issue day counted.
    let c = later(&c, 6 * DAY + 20 * 3_600_000);
    assert!(matches!(
        revoke(&c, &e, "Wrong!2026pass"),
        Err(CertError::WrongPassword)
    ));
    assert_eq!(
        c.certificates()[0].status,
        CertStatus::Issued,
        "nothing sent"
    );
    let revocation = revoke(&c, &e, PASSWORD).unwrap();
    assert_eq!(revocation.refund, 4_400);
    assert_eq!(c.balance(), 50_000);
    assert_eq!(c.certificates()[0].status, CertStatus::Revoked);
    assert_eq!(rejected_reason(login_with(&c, &e)), "폐기된 인증서입니다");
    assert!(
        c.call(ListReceipts { token: c.t() }).unwrap().is_empty(),
        "a refunded issuance has no receipt"
    );
    let again = revoke(&c, &e, PASSWORD).unwrap_err().to_string();
    assert_says(&again, "폐기된 인증서");
}

#[test]
fn from_the_8th_day_no_refund_but_the_receipt() {
    let (c, e) = hong_issued();
    let c = later(&c, 6 * DAY);
    let receipts = c.call(ListReceipts { token: c.t() }).unwrap();
    assert_eq!(receipts.len(), 1);
    assert_eq!(receipts[0].fee, 4_400);
    assert_eq!(receipts[0].paid_on, "2025-11-25");
    assert_eq!(receipts[0].available_from, "2025-12-02");
    assert!(!receipts[0].available);
    let c = later(&c, DAY);
    assert!(c.call(ListReceipts { token: c.t() }).unwrap()[0].available);
    assert_eq!(revoke(&c, &e, PASSWORD).unwrap().refund, 0);
    assert_eq!(c.balance(), 45_600);
    assert_eq!(c.call(ListReceipts { token: c.t() }).unwrap().len(), 1);
}

#[test]
fn a_customer_cannot_revoke_someone_elses_certificate() {
    let (c, e) = hong_issued();
    let minji = login_on(&c.bank, &demo::MINJI);
    let refused = revoke(&minji, &e, PASSWORD).unwrap_err().to_string();
    assert_says(&refused, "고객님의 인증서가 아닙니다");
    assert_eq!(c.certificates()[0].status, CertStatus::Issued);
}

#[test]
fn the_crl_is_signed_by_the_issuing_ca_and_openssl_accepts_it() {
    let (c, e) = hong_issued();
    let crl = unb64(&c.call(GetCrl { ca: Ca::Kica }).unwrap());
    let dir = scratch_dir("crl");
    std::fs::write(dir.join("empty.crl"), &crl).unwrap();
    std::fs::write(dir.join("ca.der"), unb64(&e.record.chain[0])).unwrap();
    openssl(&dir, "x509 -inform DER -in ca.der -out ca.pem");
    let text = openssl(
        &dir,
        "crl -inform DER -in empty.crl -CAfile ca.pem -noout -verify -text",
    );
    assert_says(&text, "verify OK");
    assert_says(&text, "No Revoked Certificates");

    let c = later(&c, DAY);
    let serial = revoke(&c, &e, PASSWORD).unwrap().serial.replace(':', "");
    std::fs::write(
        dir.join("one.crl"),
        unb64(&c.call(GetCrl { ca: Ca::Kica }).unwrap()),
    )
    .unwrap();
    let text = openssl(
        &dir,
        "crl -inform DER -in one.crl -CAfile ca.pem -noout -verify -text",
    );
    assert_says(&text, "verify OK");
    assert!(
        text.contains(&format!("Serial Number: {serial}")),
        "{serial} in {text}"
    );
    assert_says(&text, "X509v3 CRL Number");
    let other = c.call(GetCrl { ca: Ca::Yessign }).unwrap();
    assert_ne!(unb64(&other), crl, "each CA has its own list");
}

#[test]
fn renewal_opens_30_days_before_expiry_and_runs_one_more_year() {
    let (c, old) = hong_issued();
    let early = renew(&c, &old).unwrap_err().to_string();
    assert_says(&early, "2026-10-26부터");
    assert_eq!(c.balance(), 45_600, "nothing charged");
    // 20 days before expiry (2026-11-05).
    let c = later(&c, 345 * DAY);
    let renewed = renew(&c, &old).unwrap();
    assert_eq!(renewed.record.expires, "2027-11-25");
    assert_eq!(renewed.record.holder, old.record.holder, "same subject");
    assert_eq!(c.balance(), 41_200, "the fee applies");
    assert_eq!(statuses(&c), ["2026-11-25 갱신", "2027-11-25 발급"]);
    replaced(&c, &old, &renewed, "갱신되어");
    let crl = unb64(&c.call(GetCrl { ca: Ca::Kica }).unwrap());
    let dir = scratch_dir("renewal-crl");
    std::fs::write(dir.join("renewal.crl"), crl).unwrap();
    let text = openssl(&dir, "crl -inform DER -in renewal.crl -noout -text");
    assert_says(&text, "Superseded");
}

#[test]
fn a_renewal_signature_names_its_request() {
    let (c, old) = hong_issued();
    let c = later(&c, 345 * DAY);
    let key = fixed_key(0);
    let signed_for = cert_center::pki::csr::build(&key, subject_of(&old.certificate)).unwrap();
    let other_key = fixed_key(1);
    let sent = cert_center::pki::csr::build(&other_key, subject_of(&old.certificate)).unwrap();
    let opened = cert_center::pki::key_file::decrypt(&old.key_file, PASSWORD).unwrap();
    let nonce = c.call(LoginChallenge).unwrap().nonce;
    let message = signed_message(&renew_purpose(&signed_for), DEFAULT_ORIGIN, &nonce);
    let refused = c
        .call(RenewCertificate {
            token: c.t(),
            proof: CertificateProof {
                nonce,
                certificate: b64(&old.certificate),
                signature: b64(&signing::sign(&opened.key, message.as_bytes())),
                random: b64(&opened.r),
            },
            csr: b64(&sent),
            random: b64(&[7; 20]),
        })
        .unwrap_err()
        .to_string();
    assert_says(&refused, "전자서명 검증에 실패");
    assert_eq!(c.balance(), 45_600);
}

fn subject_of(certificate: &[u8]) -> x509_cert::name::Name {
    use der::Decode;
    x509_cert::Certificate::from_der(certificate)
        .unwrap()
        .tbs_certificate()
        .subject()
        .clone()
}
