//! The mock bank issuing the certificate (step 6 → 7): every refusal, the fee once, the profile.

use crate::common::*;
use cert_center::pki::ca::{certificate_vid, signed_by};
use cert_center::pki::{csr, vid};
use der::Decode;
use std::str::FromStr;
use x509_cert::certificate::Certificate;
use x509_cert::name::Name;

/// A customer through step 5 at a bank whose clock reads `now`.
fn ready(who: &'static DemoCustomer, now: i64) -> Customer {
    let c = login_on(&MockBank::new(BankStore::memory(), Clock::manual(now)), who);
    c.through_step_5();
    c
}

fn balance(c: &Customer) -> u64 {
    c.call(GetAccount { token: c.t() }).unwrap().balance
}

/// A key, a request for `subject` and R; returns the request call.
fn request(c: &Customer, subject: &str, key: &rsa::PrivateKey) -> IssueCertificate {
    let csr = csr::build(key, Name::from_str(subject).unwrap()).unwrap();
    IssueCertificate {
        token: c.t(),
        csr: b64(&csr),
        random: b64(&[9u8; 20]),
    }
}

fn key() -> &'static rsa::PrivateKey {
    static KEY: std::sync::OnceLock<rsa::PrivateKey> = std::sync::OnceLock::new();
    KEY.get_or_init(|| fixed_key(0))
}

#[test]
fn hong_gets_a_certificate_bound_to_him_and_pays_once() {
    let c = ready(&demo::HONG, NOW);
    let ticket = c.call(PrepareIssuance { token: c.t() }).unwrap();
    assert!(
        ticket.subject.starts_with("CN=홍길동(HONG GILDONG)0004"),
        "{}",
        ticket.subject
    );
    assert!(
        ticket
            .subject
            .ends_with(",OU=KMB,OU=licensedCA,O=KICA,C=KR"),
        "{}",
        ticket.subject
    );
    assert_eq!(balance(&c), 50_000);

    let call = request(&c, &ticket.subject, key());
    let issued = c.call(call.clone()).unwrap();
    assert_eq!(issued.fee, 4_400);
    assert_eq!(balance(&c), 45_600);
    let again = c.call(call).unwrap();
    assert_eq!(again, issued, "a retry gets the same certificate");
    assert_eq!(balance(&c), 45_600, "and pays nothing more");

    let cert = Certificate::from_der(&unb64(&issued.certificate)).unwrap();
    let ca = Certificate::from_der(&unb64(&issued.chain[0])).unwrap();
    let root = Certificate::from_der(&unb64(&issued.chain[1])).unwrap();
    assert!(signed_by(&cert, &ca) && signed_by(&ca, &root));
    let (name, vid_bytes) = certificate_vid(&cert).unwrap();
    assert_eq!(name, "홍길동");
    assert_eq!(vid_bytes, vid::vid("800101-1234560", &[9u8; 20]).unwrap());
    assert_eq!(cert.tbs_certificate().subject().to_string(), ticket.subject);
    assert_eq!(c.current(), Step::Done);

    let targets = c.call(GetTargets { token: c.t() }).unwrap();
    assert!(targets.by_ca.contains(&(Ca::Kica, true)), "{targets:?}");
}

#[test]
fn outside_01_to_23_kst_nothing_is_issued_or_charged() {
    // 2026-11-25 14:30 UTC is 23:30 KST.
    let late = 1_795_617_000_000;
    let c = ready(&demo::HONG, late);
    let ticket = c.call(PrepareIssuance { token: c.t() }).unwrap();
    assert_eq!(
        c.call(request(&c, &ticket.subject, key())),
        Err(BankError::OutsideHours)
    );
    assert_eq!(balance(&c), 50_000);
    // 00:30 KST is closed too; 01:00 opens.
    for (at, open) in [(late + 3_600_000, false), (late + 5_400_000, true)] {
        let c = ready(&demo::HONG, at);
        let ticket = c.call(PrepareIssuance { token: c.t() }).unwrap();
        let answer = c.call(request(&c, &ticket.subject, key()));
        assert_eq!(answer.is_ok(), open, "{answer:?}");
    }
}

#[test]
fn a_wizard_the_bank_has_not_seen_completed_is_refused() {
    let c = login(&demo::HONG);
    c.through_step_3();
    assert!(matches!(
        c.call(PrepareIssuance { token: c.t() }),
        Err(BankError::OutOfOrder { step: 4, .. })
    ));
    assert!(matches!(
        c.call(request(&c, "CN=x,C=KR", key())),
        Err(BankError::OutOfOrder { step: 4, .. })
    ));
}

#[test]
fn a_badly_signed_request_a_weak_key_and_another_subject_are_refused() {
    let c = ready(&demo::HONG, NOW);
    let ticket = c.call(PrepareIssuance { token: c.t() }).unwrap();

    let mut tampered = request(&c, &ticket.subject, key());
    let mut der = unb64(&tampered.csr);
    let last = der.len() - 1;
    der[last] ^= 1;
    tampered.csr = b64(&der);
    assert!(matches!(
        c.call(tampered),
        Err(BankError::InvalidRequest { .. })
    ));

    let weak = rsa::PrivateKey::new(&mut getrandom::SysRng, 1024).unwrap();
    match c.call(request(&c, &ticket.subject, &weak)) {
        Err(BankError::InvalidRequest { detail }) => assert!(detail.contains("2048"), "{detail}"),
        other => panic!("{other:?}"),
    }

    let other = ticket
        .subject
        .replace("홍길동(HONG GILDONG)", "김민지(KIM MINJI)");
    assert_eq!(
        c.call(request(&c, &other, key())),
        Err(BankError::SubjectMismatch)
    );
    assert_eq!(balance(&c), 50_000, "refusals charge nothing");
}

#[test]
fn the_free_kind_costs_nothing_and_comes_from_yessign() {
    let c = login(&demo::SUNSIN);
    c.through_step_5_with(CertKind::BankOnly, Ca::Yessign);
    let ticket = c.call(PrepareIssuance { token: c.t() }).unwrap();
    assert!(
        ticket
            .subject
            .ends_with(",OU=KMB,OU=personal4IB,O=yessign,C=kr"),
        "{}",
        ticket.subject
    );
    let issued = c.call(request(&c, &ticket.subject, key())).unwrap();
    assert_eq!(issued.fee, 0);
    assert_eq!(balance(&c), 3_000);
}
