//! The customer's side of issuance and certificate login (`cert_center::customer`) against the
//! mock bank: the record the browser keeps, the NPKI zip, and login with the right and a wrong
//! password.

use crate::common::*;
use cert_center::customer::{CertError, Enrolled, Stage, certificate_login, enroll, prepare};
use cert_center::mock_bank::DEFAULT_ORIGIN;
use cert_center::pki::npki;

const PASSWORD: &str = "Hong!2026pass";

/// 홍길동 through step 5, then the page's issuance with a key made here.
fn hong_enrolled() -> (Customer, Enrolled, Vec<Stage>) {
    let c = login(&demo::HONG);
    c.through_step_5();
    let stages = std::cell::RefCell::new(Vec::new());
    let prepared = block_on(prepare(&c.bank, c.t(), async |stage| {
        stages.borrow_mut().push(stage)
    }))
    .unwrap();
    let enrolled = block_on(enroll(
        &c.bank,
        c.t(),
        c.who.user_id,
        PASSWORD,
        &prepared,
        async |stage| stages.borrow_mut().push(stage),
    ))
    .unwrap();
    (c, enrolled, stages.into_inner())
}

#[test]
fn issuance_yields_the_record_the_selection_dialog_lists_and_reaches_step_7() {
    let (c, enrolled, stages) = hong_enrolled();
    assert_eq!(stages, [Stage::Key, Stage::Certificate, Stage::Encrypt]);
    let record = &enrolled.record;
    assert_eq!(record.user_id, "hong01");
    assert_eq!(record.kind, "개인 범용 인증서");
    assert!(
        record.holder.starts_with("홍길동(HONG GILDONG)0004"),
        "{}",
        record.holder
    );
    assert_eq!(record.issuer, "KICA");
    // NOW is 2025-11-25 01:00 KST; one year, ending 23:59:59 KST on the same calendar day.
    assert_eq!(record.expires, "2026-11-25");
    assert_eq!(record.chain.len(), 2);
    assert_eq!(record.id.len(), 64);
    assert_eq!(c.current(), Step::Done);
}

#[test]
fn the_npki_zip_holds_both_files_in_the_ca_and_subject_folder() {
    let (_, enrolled, _) = hong_enrolled();
    let zip = block_on(enrolled.npki_zip()).unwrap();
    let (certificate, key_file) = npki::unzip(&zip).unwrap();
    assert_eq!(certificate, enrolled.certificate);
    assert_eq!(key_file, enrolled.key_file);
    let summary = npki::summarize(&certificate).unwrap();
    let folder = npki::folder(&summary);
    assert!(
        folder.starts_with("NPKI/KICA/USER/cn=홍길동(HONG GILDONG)0004"),
        "{folder}"
    );
    assert!(
        folder.ends_with(",ou=KMB,ou=licensedCA,o=KICA,c=KR"),
        "{folder}"
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&zip)).unwrap();
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&format!("{folder}/signCert.der")));
    assert!(names.contains(&format!("{folder}/signPri.key")));
}

#[test]
fn login_with_the_new_certificate_needs_its_password() {
    let (c, enrolled, _) = hong_enrolled();
    let wrong = c.login_with(&enrolled, "Wrong!2026pass");
    assert_eq!(wrong.unwrap_err(), CertError::WrongPassword);
    let grant = c.login_with(&enrolled, PASSWORD).unwrap();
    assert_eq!(grant.user_id, "hong01");
    assert_eq!(grant.customer_name, "홍길동");
}

#[test]
fn a_signature_made_for_another_origin_is_refused() {
    let (c, enrolled, _) = hong_enrolled();
    let refused = block_on(certificate_login(
        &c.bank,
        false,
        &proof_at(
            "https://phishing.example",
            &enrolled.certificate,
            &enrolled.key_file,
            PASSWORD,
        ),
    ));
    assert!(matches!(refused, Err(CertError::Bank(_))), "{refused:?}");
}

#[test]
fn the_bank_lists_the_certificate_as_issued_then_expired() {
    let (c, enrolled, _) = hong_enrolled();
    let rows = c.certificates();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!((row.kind, row.ca), (CertKind::General, Ca::Kica));
    assert_eq!(row.status, CertStatus::Issued);
    assert_eq!(row.valid_to, enrolled.record.expires);
    assert_eq!(row.valid_from, "2025-11-25");
    // A year and two days later the same record reads 만료 (the session is renewed first).
    c.bank.clock().advance(367 * 86_400_000);
    let again = login_on(&c.bank, &demo::HONG);
    let rows = again.certificates();
    assert_eq!(rows[0].status, CertStatus::Expired);
    assert_eq!(rows[0].status.label(), "만료");
    // Another customer sees none of Hong's certificates.
    let kim = login_on(&c.bank, &demo::MINJI);
    assert!(kim.certificates().is_empty());
}

#[test]
fn the_root_certificate_is_the_one_that_signed_the_chain() {
    let (c, enrolled, _) = hong_enrolled();
    let root = c.call(GetRootCertificate).unwrap();
    assert_eq!(&root, enrolled.record.chain.last().unwrap());
    let der = cert_center::encoding::unbase64(&root).unwrap();
    let summary = npki::summarize(&der).unwrap();
    assert!(summary.holder.contains("MOCK"), "{}", summary.holder);
}

#[test]
fn the_details_show_the_profile_of_the_certificate() {
    let (_, enrolled, _) = hong_enrolled();
    let d = npki::details(&enrolled.certificate).unwrap();
    assert!(
        d.subject.starts_with("CN=홍길동(HONG GILDONG)0004"),
        "{}",
        d.subject
    );
    assert_eq!(d.issuer, "CN=한국정보인증 (MOCK),O=KICA,C=KR");
    assert_eq!(
        d.policies,
        [(
            "1.2.410.200004.5.2.1.2".to_owned(),
            Some("개인 범용 인증서".to_owned())
        )]
    );
    assert_eq!(
        d.key_usage,
        ["전자서명 (digitalSignature)", "부인방지 (nonRepudiation)"]
    );
    assert_eq!(d.not_before, "2025-11-25 01:00:00");
    assert_eq!(d.not_after, "2026-11-25 23:59:59");
    assert_eq!(d.sha256.len(), 32 * 3 - 1);
    assert_eq!(d.sha1.len(), 20 * 3 - 1);
    assert!(
        d.serial.len() >= 8 * 3 - 1,
        "at least 64 bits: {}",
        d.serial
    );
}

#[test]
fn a_changed_password_opens_the_key_and_the_old_one_no_longer_does() {
    use cert_center::customer::change_password;
    let (c, enrolled, _) = hong_enrolled();
    let record = &enrolled.record;
    let refused = block_on(change_password(record, "Wrong!2026pass", "Newer!2026pass"));
    assert_eq!(
        refused.unwrap_err().to_string(),
        "지금 사용 중인 인증서 암호가 올바르지 않습니다."
    );
    let weak = block_on(change_password(record, PASSWORD, "short1!"));
    assert!(weak.unwrap_err().to_string().contains("10자리"));
    let changed = block_on(change_password(record, PASSWORD, "Newer!2026pass")).unwrap();
    assert_eq!(changed.id, record.id);
    assert_eq!(changed.certificate, record.certificate);
    assert_ne!(changed.private_key, record.private_key, "fresh salt and IV");
    let key_file = cert_center::encoding::unbase64(&changed.private_key).unwrap();
    let old = block_on(certificate_login(
        &c.bank,
        false,
        &proof_at(DEFAULT_ORIGIN, &enrolled.certificate, &key_file, PASSWORD),
    ));
    assert_eq!(old.unwrap_err(), CertError::WrongPassword);
    let grant = block_on(certificate_login(
        &c.bank,
        false,
        &proof_at(
            DEFAULT_ORIGIN,
            &enrolled.certificate,
            &key_file,
            "Newer!2026pass",
        ),
    ))
    .unwrap();
    assert_eq!(grant.user_id, "hong01");
}
