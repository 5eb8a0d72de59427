//! Keys, requests, the mock CAs' certificates and the key file, checked natively and by OpenSSL.

use crate::common::{assert_says, decrypt_key, openssl, scratch_dir};
use std::sync::OnceLock;

use cert_center::bank::api::{Ca, CertKind};
use cert_center::pki::ca::{Authority, Holder, certificate_vid, new_serial, signed_by, validity};
use cert_center::pki::key_file::{self, KeyWithR, PBKDF2_ROUNDS};
use cert_center::pki::{PkiError, csr, keys, subject, vid};
use cert_center::sample;
use der::{Decode, Encode};
use rsa::PrivateKey;
use sha2::{Digest, Sha256};
use x509_cert::certificate::Certificate;

/// 2026-11-25 10:00:00 UTC (19:00 KST).
const NOW: i64 = 1_795_600_800_000;

struct Fixture {
    root: Authority,
    kica: Authority,
    user: PrivateKey,
}

/// Keys are slow to make, so one set serves every test here.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let root = Authority::new_root(NOW).unwrap();
        let kica = root.new_issuing(Ca::Kica, NOW).unwrap();
        Fixture {
            root,
            kica,
            user: keys::generate().unwrap(),
        }
    })
}

fn hong_certificate(r: &[u8]) -> Certificate {
    let f = fixture();
    let name = subject::personal_subject(
        Ca::Kica,
        &subject::common_name("홍길동", "HONG GILDONG", "000000000001"),
    )
    .unwrap();
    let request = csr::build(&f.user, name.clone()).unwrap();
    let (_, public) = csr::verify(&request).unwrap();
    f.kica
        .issue_personal(
            name,
            &public,
            cert_center::pki::profile::policy_oid(Ca::Kica, CertKind::General).unwrap(),
            &Holder {
                real_name: "홍길동".into(),
                vid: vid::vid("800101-1234560", r).unwrap(),
            },
            validity(NOW, 1).unwrap(),
        )
        .unwrap()
}

#[test]
fn vid_matches_a_hand_assembled_der() {
    let r: Vec<u8> = (1..=20).collect();
    // SEQUENCE { PrintableString "8001011234560", BIT STRING (0 unused bits) R }
    let mut der = vec![0x30, 0x26, 0x13, 0x0d];
    der.extend_from_slice(b"8001011234560");
    der.extend_from_slice(&[0x03, 0x15, 0x00]);
    der.extend_from_slice(&r);
    let expected: [u8; 32] = Sha256::digest(Sha256::digest(&der)).into();
    assert_eq!(vid::vid("800101-1234560", &r).unwrap(), expected);
    assert_ne!(vid::vid("850315-2345678", &r).unwrap(), expected);
}

#[test]
fn generated_keys_meet_the_floor_and_weak_ones_are_refused() {
    keys::check_strength(&fixture().user.to_public_key()).unwrap();
    let weak = PrivateKey::new(&mut getrandom::SysRng, 1024).unwrap();
    let request = csr::build(&weak, subject::root_name().unwrap()).unwrap();
    assert!(matches!(csr::verify(&request), Err(PkiError::WeakKey(_))));
}

/// The platform's key (WebCrypto `generateKey`, exported as PKCS#8) is loaded and checked:
/// a good one signs, one under 2048 bits or with another exponent is refused, and so are bytes
/// that are no PKCS#8 key.
#[test]
fn a_pkcs8_key_from_the_platform_is_loaded_and_checked() {
    use rsa::pkcs8::EncodePrivateKey;
    let der = |key: &PrivateKey| key.to_pkcs8_der().unwrap().as_bytes().to_vec();
    let key = keys::from_pkcs8(&der(&fixture().user)).unwrap();
    let message = b"signed with the platform's key";
    let signature = cert_center::pki::signing::sign(&key, message);
    assert!(cert_center::pki::signing::verify(
        &fixture().user.to_public_key(),
        message,
        &signature
    ));
    let small = PrivateKey::new(&mut getrandom::SysRng, 1024).unwrap();
    assert!(matches!(
        keys::from_pkcs8(&der(&small)),
        Err(PkiError::WeakKey(_))
    ));
    let e3 =
        PrivateKey::new_with_exp(&mut getrandom::SysRng, 2048, rsa::BoxedUint::from(3u32)).unwrap();
    assert!(matches!(
        keys::from_pkcs8(&der(&e3)),
        Err(PkiError::WeakKey(_))
    ));
    let mut broken = der(&fixture().user);
    broken.truncate(broken.len() / 2);
    assert!(keys::from_pkcs8(&broken).is_err());
}

#[test]
fn a_request_with_a_broken_signature_is_refused() {
    let mut request = csr::build(&fixture().user, subject::root_name().unwrap()).unwrap();
    let last = request.len() - 1;
    request[last] ^= 0x01;
    assert!(matches!(csr::verify(&request), Err(PkiError::BadSignature)));
}

#[test]
fn personal_certificate_follows_the_npki_profile() {
    let r = vec![7u8; 20];
    let cert = hong_certificate(&r);
    let f = fixture();
    assert!(signed_by(&cert, &f.kica.certificate));
    assert!(signed_by(&f.kica.certificate, &f.root.certificate));
    assert!(!signed_by(&cert, &f.root.certificate));

    let (name, vid_bytes) = certificate_vid(&cert).expect("npkiIdentifyData");
    assert_eq!(name, "홍길동");
    assert_eq!(vid_bytes, vid::vid("8001011234560", &r).unwrap().to_vec());

    let tbs = cert.tbs_certificate();
    let extensions = tbs.extensions().unwrap();
    let critical: Vec<String> = extensions
        .iter()
        .filter(|e| e.critical)
        .map(|e| e.extn_id.to_string())
        .collect();
    assert_eq!(
        critical,
        ["2.5.29.15", "2.5.29.32"],
        "key usage and policies"
    );
    let ids: Vec<String> = extensions.iter().map(|e| e.extn_id.to_string()).collect();
    for id in ["2.5.29.17", "2.5.29.35", "2.5.29.14"] {
        assert!(ids.contains(&id.to_string()), "{id} in {ids:?}");
    }
    assert_eq!(
        tbs.subject().to_string(),
        "CN=홍길동(HONG GILDONG)0004000000000001,OU=KMB,OU=licensedCA,O=KICA,C=KR"
    );
}

#[test]
fn validity_ends_at_23_59_59_kst_a_year_on() {
    let v = validity(NOW, 1).unwrap();
    assert_eq!(v.not_after.to_unix_duration().as_secs(), 1_827_154_799); // 2027-11-25 14:59:59 UTC
    // 22:00 UTC is already the next day in Korea.
    let late = validity(NOW + 12 * 3_600_000, 1).unwrap();
    assert_eq!(
        late.not_after.to_unix_duration().as_secs(),
        1_827_154_799 + 86_400
    );
}

#[test]
fn serials_are_positive_long_enough_and_never_repeat() {
    let mut seen = std::collections::HashSet::new();
    for _ in 0..500 {
        let serial = new_serial().unwrap();
        let bytes = serial.as_bytes().to_vec();
        assert!(
            bytes.len() <= 20 && bytes.len() >= 8,
            "{} octets",
            bytes.len()
        );
        assert_eq!(bytes[0] & 0x80, 0, "positive");
        assert!(seen.insert(bytes), "repeated serial");
    }
}

#[test]
fn key_file_round_trips_with_r_and_refuses_a_wrong_password() {
    let r: Vec<u8> = (100..120).collect();
    let key = KeyWithR {
        key: fixture().user.clone(),
        r: r.clone(),
    };
    let file = key_file::encrypt(&key, "Correct!Horse1", PBKDF2_ROUNDS).unwrap();
    let cert = hong_certificate(&r);
    let cert_key = cert_center::pki::ca::certificate_key(&cert).unwrap();
    let opened = key_file::unlock(&file, "Correct!Horse1", &cert_key).unwrap();
    assert_eq!(opened.r, r);
    assert!(matches!(
        key_file::unlock(&file, "Correct!Horse2", &cert_key),
        Err(PkiError::WrongPassword)
    ));
    let other = fixture().kica.key.to_public_key();
    assert!(matches!(
        key_file::unlock(&file, "Correct!Horse1", &other),
        Err(PkiError::KeyMismatch)
    ));
}

#[test]
fn key_file_uses_pbes2_pbkdf2_sha256_600k_aes256cbc_with_a_16_byte_salt() {
    let key = KeyWithR {
        key: fixture().user.clone(),
        r: vec![1; 20],
    };
    let file = key_file::encrypt(&key, "Correct!Horse1", PBKDF2_ROUNDS).unwrap();
    let info = pkcs8::EncryptedPrivateKeyInfoRef::from_der(&file).unwrap();
    let params = match info.encryption_algorithm {
        pkcs8::pkcs5::EncryptionScheme::Pbes2(params) => params,
        other => panic!("{other:?}"),
    };
    match params.kdf {
        pkcs8::pkcs5::pbes2::Kdf::Pbkdf2(kdf) => {
            assert!(kdf.iteration_count >= 600_000);
            assert_eq!(kdf.salt.as_bytes().len(), 16);
            assert_eq!(kdf.prf, pkcs8::pkcs5::pbes2::Pbkdf2Prf::HmacWithSha256);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        params.encryption,
        pkcs8::pkcs5::pbes2::EncryptionScheme::Aes256Cbc { .. }
    ));
    let again = key_file::encrypt(&key, "Correct!Horse1", PBKDF2_ROUNDS).unwrap();
    assert_ne!(file, again, "fresh salt and IV each time");
    assert!(file.to_der().is_err() || !file.is_empty());
}

// ---- OpenSSL as the outside judge ----

fn sample_dir() -> &'static std::path::Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("cert-center-sample-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64;
        sample::write_sample(&dir, now).unwrap();
        dir
    })
}

#[test]
fn openssl_verifies_the_request_signature() {
    let out = openssl(sample_dir(), "req -in csr.der -inform DER -verify -noout");
    assert_says(&out, "verify OK");
}

/// The chain verifies, also under an explicit policy (the CA certificates carry anyPolicy, as
/// a real Korean CA's carry policies).
#[test]
fn openssl_verifies_the_chain() {
    let chain = "-CAfile root.pem -untrusted ca.pem signCert.pem";
    for options in ["", "-explicit_policy -policy 1.2.410.200004.5.2.1.2"] {
        let out = openssl(sample_dir(), &format!("verify {options} {chain}"));
        assert!(out.contains("signCert.pem: OK"), "{options:?}: {out}");
    }
}

/// KCAC.TS.SIVID: UserInfo is { OID npkiVID, VID { hashAlg, [0] EXPLICIT OCTET STRING } }.
#[test]
fn the_vid_follows_kcac_ts_sivid() {
    let r = vec![5u8; 20];
    let cert = hong_certificate(&r);
    let expected = vid::vid("800101-1234560", &r).unwrap();
    let san = cert
        .tbs_certificate()
        .extensions()
        .unwrap()
        .iter()
        .find(|e| e.extn_id.to_string() == "2.5.29.17")
        .unwrap()
        .extn_value
        .as_bytes()
        .to_vec();
    // The bytes of a UserInfo as a real yessign certificate holds it.
    let mut user_info = vec![
        0x06, 0x0a, 0x2a, 0x83, 0x1a, 0x8c, 0x9a, 0x44, 0x0a, 0x01, 0x01, 0x01, // npkiVID
        0x30, 0x31, // VID
        0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
        0x01, // sha256
        0xa0, 0x22, 0x04, 0x20, // [0] EXPLICIT OCTET STRING (32)
    ];
    user_info.extend_from_slice(&expected);
    assert!(
        san.windows(user_info.len()).any(|w| w == user_info),
        "the standard's UserInfo in the subjectAltName"
    );
    let (name, read) = certificate_vid(&cert).unwrap();
    assert_eq!((name.as_str(), read.as_slice()), ("홍길동", &expected[..]));
}

/// Certificates issued before the layout was fixed stay readable.
#[test]
fn the_old_vid_layout_is_still_read() {
    let vid_bytes = [0x11u8; 32];
    // SEQUENCE { "홍길동", SEQUENCE OF { SEQUENCE { SEQUENCE { [0] { sha256 }, OCTET STRING }, OID } } }
    let mut vid = vec![
        0xa0, 0x0d, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
        0x04, 0x20,
    ];
    vid.extend_from_slice(&vid_bytes);
    let mut vid_seq = vec![0x30, vid.len() as u8];
    vid_seq.extend(vid);
    let oid = [
        0x06, 0x0a, 0x2a, 0x83, 0x1a, 0x8c, 0x9a, 0x44, 0x0a, 0x01, 0x01, 0x01,
    ];
    let mut info = vec![0x30, (vid_seq.len() + oid.len()) as u8];
    info.extend(vid_seq);
    info.extend(oid);
    let mut infos = vec![0x30, info.len() as u8];
    infos.extend(info);
    let name = "홍길동".as_bytes();
    let mut body = vec![0x0c, name.len() as u8];
    body.extend_from_slice(name);
    body.extend(infos);
    let mut data = vec![0x30, body.len() as u8];
    data.extend(body);
    let (real_name, read) = cert_center::pki::ca::identify_data_vid(&data).unwrap();
    assert_eq!(real_name, "홍길동");
    assert_eq!(read, vid_bytes);
}

#[test]
fn openssl_decrypts_the_key_and_it_matches_the_certificate() {
    let dir = sample_dir();
    assert!(
        decrypt_key(dir, "file:password.txt", "key.pem")
            .status
            .success()
    );
    let from_key = openssl(dir, "pkey -in key.pem -pubout");
    let from_cert = openssl(dir, "x509 -in signCert.pem -noout -pubkey");
    assert_eq!(from_key, from_cert);
    let wrong = decrypt_key(dir, "pass:nope", "/dev/null");
    assert!(
        !wrong.status.success(),
        "a wrong password fails in OpenSSL too"
    );
}

#[test]
fn openssl_shows_the_policy_and_critical_key_usage() {
    let text = openssl(
        sample_dir(),
        "x509 -in signCert.der -inform DER -noout -text",
    );
    assert_says(&text, "X509v3 Key Usage: critical");
    assert_says(&text, "Digital Signature, Non Repudiation");
    assert_says(&text, "X509v3 Certificate Policies: critical");
    assert_says(&text, "Policy: 1.2.410.200004.5.2.1.2");
    assert_says(&text, "othername: 1.2.410.200004.10.1.1");
    assert_says(&text, "Exponent: 65537");
    assert_says(&text, "Public-Key: (2048 bit)");
    let dates = openssl(sample_dir(), "x509 -in signCert.pem -noout -enddate");
    assert!(dates.contains("14:59:59"), "ends 23:59:59 KST: {dates}");
}

#[test]
fn openssl_reads_the_corporate_and_tax_samples() {
    for (kind, flag, oid) in [
        (
            CertKind::CorporateGeneral,
            "corporate",
            "1.2.410.200004.5.2.1.1",
        ),
        (CertKind::Tax, "tax", "1.2.410.200004.5.2.1.6.257"),
    ] {
        let dir = scratch_dir(&format!("sample-{flag}"));
        sample::write_sample_of(&dir, NOW, kind).unwrap();
        let chain = openssl(
            &dir,
            &format!(
                "verify -attime {} -CAfile root.pem -untrusted ca.pem signCert.pem",
                NOW / 1000 + 60
            ),
        );
        assert!(chain.contains("signCert.pem: OK"), "{flag}: {chain}");
        let text = openssl(&dir, "x509 -in signCert.pem -noout -text -nameopt RFC2253");
        assert!(text.contains(&format!("Policy: {oid}")), "{flag}: {text}");
        assert!(
            text.contains("OU=corporation4EC,O=KICA,C=kr"),
            "{flag}: {text}"
        );
        let subject = openssl(
            &dir,
            "x509 -in signCert.pem -noout -subject -nameopt utf8,sep_comma_plus",
        );
        assert!(
            subject.contains("OU=KMB,CN=(주)모의상사()0004"),
            "{flag}: {subject}"
        );
    }
}
