//! Certificate login at the mock bank: the challenge is single-use and short-lived, and the
//! signature, origin, registration and VID all have to hold.

use crate::common::*;
use cert_center::mock_bank::DEFAULT_ORIGIN;
use cert_center::pki::signing;

const R: [u8; 20] = [5; 20];

/// 홍길동 with a certificate the bank issued, and its key.
fn hong_with_certificate() -> (MockBank, String, rsa::PrivateKey) {
    let c = login(&demo::HONG);
    c.through_step_5();
    let key = fixed_key(0);
    let issued = c.issue(&key, &R).unwrap();
    (c.bank.clone(), issued.certificate, key)
}

fn attempt(
    bank: &MockBank,
    nonce: &str,
    certificate: &str,
    key: &rsa::PrivateKey,
    origin: &str,
    r: &[u8],
) -> Result<SessionGrant, BankError> {
    let signature = signing::sign(key, signed_message(LOGIN, origin, nonce).as_bytes());
    block_on(bank.call(CertificateLogin {
        proof: CertificateProof {
            nonce: nonce.into(),
            certificate: certificate.into(),
            signature: b64(&signature),
            random: b64(r),
        },
        corporate: false,
    }))
}

fn nonce(bank: &MockBank) -> String {
    let challenge = block_on(bank.call(LoginChallenge)).unwrap();
    assert_eq!(challenge.nonce.len(), 32, "128 bits");
    assert_eq!(challenge.expires_in_secs, 120);
    challenge.nonce
}

#[test]
fn the_certificate_logs_its_customer_in_once_per_challenge() {
    let (bank, cert, key) = hong_with_certificate();
    let n = nonce(&bank);
    let grant = attempt(&bank, &n, &cert, &key, DEFAULT_ORIGIN, &R).unwrap();
    assert_eq!(grant.user_id, "hong01");
    assert_eq!(grant.customer_name, "홍길동");
    assert_eq!(
        attempt(&bank, &n, &cert, &key, DEFAULT_ORIGIN, &R),
        Err(BankError::ChallengeExpired),
        "a replayed challenge is refused"
    );
}

#[test]
fn a_challenge_older_than_120_seconds_is_refused() {
    let (bank, cert, key) = hong_with_certificate();
    let n = nonce(&bank);
    bank.clock().advance(120_001);
    assert_eq!(
        attempt(&bank, &n, &cert, &key, DEFAULT_ORIGIN, &R),
        Err(BankError::ChallengeExpired)
    );
}

fn rejected(result: Result<SessionGrant, BankError>) -> String {
    match result {
        Err(BankError::CertificateRejected { reason }) => reason,
        other => panic!("expected a rejection, got {other:?}"),
    }
}

#[test]
fn a_signature_for_another_origin_is_refused_and_spends_the_challenge() {
    let (bank, cert, key) = hong_with_certificate();
    let n = nonce(&bank);
    let reason = rejected(attempt(
        &bank,
        &n,
        &cert,
        &key,
        "https://phishing.example",
        &R,
    ));
    assert_says(&reason, "전자서명");
    assert_eq!(
        attempt(&bank, &n, &cert, &key, DEFAULT_ORIGIN, &R),
        Err(BankError::ChallengeExpired)
    );
}

#[test]
fn another_key_or_a_wrong_r_is_refused() {
    let (bank, cert, key) = hong_with_certificate();
    let other_key = fixed_key(1);
    let reason = rejected(attempt(
        &bank,
        &nonce(&bank),
        &cert,
        &other_key,
        DEFAULT_ORIGIN,
        &R,
    ));
    assert_says(&reason, "전자서명");
    let reason = rejected(attempt(
        &bank,
        &nonce(&bank),
        &cert,
        &key,
        DEFAULT_ORIGIN,
        &[6; 20],
    ));
    assert_says(&reason, "VID");
}

#[test]
fn a_certificate_the_bank_did_not_issue_to_a_customer_is_refused() {
    let (bank, _, _) = hong_with_certificate();
    // A certificate for 김민지 from a different bank's mock CA.
    let (_, minji_cert, minji_key) = {
        let (other_bank, cert, key) = hong_with_certificate();
        drop(other_bank);
        (0, cert, key)
    };
    let reason = rejected(attempt(
        &bank,
        &nonce(&bank),
        &minji_cert,
        &minji_key,
        DEFAULT_ORIGIN,
        &R,
    ));
    assert_says(&reason, "등록되지 않은");
}

/// The records as the layout before kept them (`meta` version 2, certificates under
/// `{issued_at}-{serial}`) are read whole once and written back under their owners.
#[test]
fn certificates_of_the_layout_before_move_under_their_owner_and_still_log_in() {
    let (bank, certificate, key) = hong_with_certificate();
    block_on(bank.store().transact(|records| {
        let meta = records.get_mut("meta").unwrap();
        meta.insert("version".into(), "2".into());
        let certificates = records.get_mut("certificates").unwrap();
        *certificates = std::mem::take(certificates)
            .into_iter()
            .map(|(key, value)| (key.split_once('/').unwrap().1.to_owned(), value))
            .collect();
    }))
    .unwrap();
    attempt(&bank, &nonce(&bank), &certificate, &key, DEFAULT_ORIGIN, &R).unwrap();
    let records = block_on(bank.store().snapshot()).unwrap();
    assert_eq!(records["meta"]["version"], "3");
    let keys: Vec<_> = records["certificates"].keys().collect();
    assert!(
        keys.len() == 1 && keys[0].starts_with("hong01/"),
        "{keys:?}"
    );
}

/// A request reads its own customer's certificates and the one it shows, not the others: a
/// damaged certificate record of 김민지 leaves 홍길동's certificate login and 인증서 조회
/// working, while the CRL, which lists every revoked certificate, reads it and says so.
#[test]
fn a_request_reads_only_the_certificates_it_names() {
    let (bank, certificate, key) = hong_with_certificate();
    block_on(bank.store().transact(|records| {
        let certificates = records.get_mut("certificates").unwrap();
        certificates.insert("minji02/1764000000000-0A".into(), "{damaged".into());
    }))
    .unwrap();
    let grant = attempt(&bank, &nonce(&bank), &certificate, &key, DEFAULT_ORIGIN, &R).unwrap();
    let listed = block_on(bank.call(ListCertificates { token: grant.token })).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(matches!(
        block_on(bank.call(GetCrl { ca: Ca::Yessign })),
        Err(BankError::RecordsUnreadable { .. })
    ));
}
