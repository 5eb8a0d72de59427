//! Certificates in and out (issue #5): the classic NPKI SEED key file and PBES2 with SEED or
//! AES open, `.pfx` files we write are read by OpenSSL, and OpenSSL's are read by us.

use std::path::{Path, PathBuf};

use crate::common::{NOW, assert_says, block_on, decrypt_key, openssl, scratch_dir};
use cert_center::customer::{self, Incoming};
use cert_center::pki::key_file::{self, KeyWithR};
use cert_center::pki::transfer::{
    self, PfxCipher, SEED_CBC_WITH_SHA1, classic_key_iv, pbkdf1_sha1,
};
use cert_center::pki::{PkiError, ca};
use cert_center::sample::{SAMPLE_PASSWORD, write_sample};
use der::asn1::OctetString;
use der::{Decode, Encode};

fn hex(text: &str) -> Vec<u8> {
    cert_center::encoding::unhex(text).unwrap()
}

/// The sample certificate and its key (from the app's own code), in a fresh directory.
fn sample(name: &str) -> (PathBuf, Vec<u8>, KeyWithR) {
    let dir = scratch_dir(name);
    write_sample(&dir, NOW).unwrap();
    let certificate = std::fs::read(dir.join("signCert.der")).unwrap();
    let key = key_file::decrypt(
        &std::fs::read(dir.join("signPri.key")).unwrap(),
        SAMPLE_PASSWORD,
    )
    .unwrap();
    (dir, certificate, key)
}

fn same_key(a: &KeyWithR, b: &KeyWithR) -> bool {
    a.key == b.key
}

#[test]
fn seed_decrypts_the_rfc_4269_vectors() {
    // RFC 4269 Appendix B: (key, plaintext, ciphertext). One CBC block with a zero IV is ECB.
    let vectors = [
        (
            "00000000000000000000000000000000",
            "000102030405060708090a0b0c0d0e0f",
            "5ebac6e0054e166819aff1cc6d346cdb",
        ),
        (
            "000102030405060708090a0b0c0d0e0f",
            "00000000000000000000000000000000",
            "c11f22f20140505084483597e4370f43",
        ),
        (
            "4706480851e61be85d74bfb3fd956185",
            "83a2f8a288641fb9a4e9a5cc2f131c7d",
            "ee54d13ebcae706d226bc3142cd40d4a",
        ),
        (
            "28dbc3bc49ffd87dcfa509b11d422be7",
            "b41e6be2eba84a148e2eed84593c5ec7",
            "9b9b7bfcd1813cb95d0b3618f40f5122",
        ),
    ];
    for (key, plain, cipher) in vectors {
        assert_eq!(
            transfer::seed_cbc_decrypt_raw(&hex(key), &[0; 16], &hex(cipher)).unwrap(),
            hex(plain),
            "key {key}"
        );
    }
}

#[test]
fn pbkdf1_sha1_and_the_classic_key_and_iv() {
    let salt: Vec<u8> = (1..=8).collect();
    // Computed independently (Python hashlib: SHA-1 of password‖salt, then 2047 more times).
    assert_eq!(
        pbkdf1_sha1(b"Classic!2345", &salt, 2048).to_vec(),
        hex("c229ebf77b1e46791900cc3f35c8dc72969187de")
    );
    let (key, iv) = classic_key_iv("Classic!2345", &salt, 2048);
    assert_eq!(key.to_vec(), hex("c229ebf77b1e46791900cc3f35c8dc72"));
    use sha1::Digest;
    assert_eq!(
        iv.to_vec(),
        sha1::Sha1::digest(hex("969187de"))[..16].to_vec()
    );
}

/// A classic `signPri.key`: the plain key encrypted by OpenSSL's SEED-CBC with the classic
/// key and IV, wrapped as seedCBCWithSHA1.
fn classic_key_file(dir: &Path, key: &KeyWithR, password: &str) -> Vec<u8> {
    #[derive(der::Sequence)]
    struct Params {
        salt: OctetString,
        rounds: u32,
    }
    #[derive(der::Sequence)]
    struct EncryptedKey {
        algorithm: spki::AlgorithmIdentifierOwned,
        data: OctetString,
    }
    let salt = [9, 8, 7, 6, 5, 4, 3, 2];
    let (k, iv) = classic_key_iv(password, &salt, 2048);
    std::fs::write(dir.join("plain.der"), key_file::plain_der(key).unwrap()).unwrap();
    let hexed = |b: &[u8]| cert_center::encoding::hex(b);
    openssl(
        dir,
        &format!(
            "enc -seed-cbc -provider legacy -provider default -in plain.der -out seed.bin -K {} -iv {}",
            hexed(&k),
            hexed(&iv)
        ),
    );
    let params = Params {
        salt: OctetString::new(salt.to_vec()).unwrap(),
        rounds: 2048,
    };
    EncryptedKey {
        algorithm: spki::AlgorithmIdentifierOwned {
            oid: SEED_CBC_WITH_SHA1,
            parameters: Some(der::Any::from_der(&params.to_der().unwrap()).unwrap()),
        },
        data: OctetString::new(std::fs::read(dir.join("seed.bin")).unwrap()).unwrap(),
    }
    .to_der()
    .unwrap()
}

#[test]
fn a_classic_seed_key_file_opens_with_its_r_and_a_wrong_password_does_not() {
    let (dir, _, key) = sample("classic");
    let file = classic_key_file(&dir, &key, "Classic!2345");
    let opened = transfer::decrypt_any(&file, "Classic!2345").unwrap();
    assert!(same_key(&opened, &key));
    assert_eq!(opened.r, key.r);
    assert!(matches!(
        transfer::decrypt_any(&file, "Classic!2346"),
        Err(PkiError::WrongPassword)
    ));
}

#[test]
fn pbes2_key_files_with_seed_or_aes_from_openssl_open() {
    let (dir, _, key) = sample("pbes2");
    std::fs::write(dir.join("plain.der"), key_file::plain_der(&key).unwrap()).unwrap();
    for (cipher, prf) in [
        ("seed-cbc", "hmacWithSHA1"),
        ("seed-cbc", "hmacWithSHA256"),
        ("aes-128-cbc", "hmacWithSHA1"),
        ("aes-256-cbc", "hmacWithSHA256"),
    ] {
        openssl(
            &dir,
            &format!(
                "pkcs8 -topk8 -provider legacy -provider default -inform DER -in plain.der -outform DER -out other.key -v2 {cipher} -v2prf {prf} -passout pass:Other!2345"
            ),
        );
        let file = std::fs::read(dir.join("other.key")).unwrap();
        let opened = transfer::decrypt_any(&file, "Other!2345")
            .unwrap_or_else(|e| panic!("{cipher}/{prf}: {e}"));
        assert!(same_key(&opened, &key), "{cipher}/{prf}");
        assert!(
            transfer::decrypt_any(&file, "Other!2346").is_err(),
            "{cipher}/{prf} with a wrong password"
        );
    }
    // Our own files open the same way.
    let ours = std::fs::read(dir.join("signPri.key")).unwrap();
    let opened = transfer::decrypt_any(&ours, SAMPLE_PASSWORD).unwrap();
    assert_eq!(opened.r, key.r);
}

#[test]
fn openssl_reads_the_pfx_we_write_aes_without_legacy_and_3des_with_it() {
    let (dir, certificate, key) = sample("pfx-out");
    let chain = vec![std::fs::read(dir.join("ca.der")).unwrap()];
    for (name, cipher, legacy, expected) in [
        (
            "modern.pfx",
            PfxCipher::Aes256,
            false,
            "PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256",
        ),
        (
            "legacy.pfx",
            PfxCipher::Legacy3Des,
            true,
            "pbeWithSHA1And3-KeyTripleDES-CBC",
        ),
    ] {
        let pfx = transfer::export_pfx(&certificate, &chain, &key, "Export!2345", cipher).unwrap();
        std::fs::write(dir.join(name), &pfx).unwrap();
        let flag = if legacy { "-legacy" } else { "" };
        let args = format!("pkcs12 -in {name} -passin pass:Export!2345 -info -nodes {flag}");
        let started = std::time::Instant::now();
        let text = openssl(&dir, &args);
        // Measured for the README: how long OpenSSL takes to open it.
        println!("openssl pkcs12 -info {name}: {:?}", started.elapsed());
        assert!(text.contains(expected), "{name}: {text}");
        if !legacy {
            assert_says(&text, "MAC: sha256, Iteration 600000");
        }
        // An 8-byte MAC salt (the PBES2 salts are 32 bytes): within the 8–32 Windows accepts.
        assert_says(&text, "salt length: 8");
        assert_says(&text, "BEGIN PRIVATE KEY");
        assert_eq!(text.matches("BEGIN CERTIFICATE").count(), 2, "{text}");
        assert!(
            text.contains("subject=") && text.contains("HONG GILDONG"),
            "{text}"
        );
        // And back: the key keeps its R, so the certificate still logs in.
        let (back, opened) = transfer::import_pfx(&pfx, "Export!2345").unwrap();
        assert_eq!(back, certificate);
        assert!(same_key(&opened, &key));
        assert_eq!(opened.r, key.r);
        assert!(matches!(
            transfer::import_pfx(&pfx, "Export!2346"),
            Err(PkiError::WrongPassword)
        ));
    }
}

#[test]
fn a_pfx_written_by_openssl_imports() {
    let (dir, certificate, _) = sample("pfx-in");
    assert!(
        decrypt_key(&dir, &format!("pass:{SAMPLE_PASSWORD}"), "key.pem")
            .status
            .success()
    );
    openssl(
        &dir,
        "pkcs12 -export -inkey key.pem -in signCert.pem -certfile ca.pem -passout pass:Export!2345 -out openssl.pfx",
    );
    let pfx = std::fs::read(dir.join("openssl.pfx")).unwrap();
    let (back, opened) = transfer::import_pfx(&pfx, "Export!2345").unwrap();
    assert_eq!(back, certificate);
    let public = ca::certificate_key(&x509_cert::Certificate::from_der(&back).unwrap()).unwrap();
    key_file::matches_certificate(opened, &public).unwrap();
}

#[test]
fn an_imported_certificate_is_re_encrypted_to_our_floor() {
    let (dir, certificate, key) = sample("import");
    let classic = classic_key_file(&dir, &key, "Classic!2345");
    let imported = block_on(customer::import(
        "hong01",
        Incoming::Npki {
            certificate: certificate.clone(),
            key_file: classic,
        },
        "Classic!2345",
    ))
    .unwrap();
    assert_eq!(imported.certificate, certificate);
    let (params, _) = key_file::Pbes2Aes256::of_file(&imported.key_file).expect("our PBES2 form");
    assert_eq!(params.rounds, key_file::PBKDF2_ROUNDS);
    assert_eq!(params.salt.len(), 16);
    let reopened = key_file::decrypt(&imported.key_file, "Classic!2345").unwrap();
    assert_eq!(reopened.r, key.r);
    assert_eq!(
        imported.record.holder,
        "홍길동(HONG GILDONG)0004123456789012"
    );

    let other = sample("import-other").2;
    let mismatch = block_on(customer::import(
        "hong01",
        Incoming::Npki {
            certificate,
            key_file: classic_key_file(&dir, &other, "Classic!2345"),
        },
        "Classic!2345",
    ))
    .unwrap_err()
    .to_string();
    assert_says(&mismatch, "이 인증서의 것이 아닙니다");
}

/// Zips `files` (path inside the zip, path on disk) with Python's `zipfile`, deflated, as
/// Windows, Info-ZIP and Python do.
fn python_zip(dir: &Path, files: &[(&str, &str)]) -> Vec<u8> {
    let list = files
        .iter()
        .map(|(inside, disk)| format!("({inside:?}, {disk:?})"))
        .collect::<Vec<_>>()
        .join(", ");
    let script = format!(
        "import zipfile\nwith zipfile.ZipFile('out.zip', 'w', zipfile.ZIP_DEFLATED) as z:\n    for inside, disk in [{list}]:\n        z.write(disk, inside)\n"
    );
    let status = std::process::Command::new("python3")
        .args(["-c", &script])
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(dir.join("out.zip")).unwrap()
}

#[test]
fn a_deflated_npki_zip_from_python_opens() {
    let (dir, certificate, _) = sample("deflated-zip");
    let folder =
        "NPKI/KICA/USER/cn=홍길동(HONG GILDONG)0004123456789012,ou=KMB,ou=personal4IB,o=KICA,c=KR";
    let zip = python_zip(
        &dir,
        &[
            (&format!("{folder}/signCert.der"), "signCert.der"),
            (&format!("{folder}/signPri.key"), "signPri.key"),
        ],
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&zip)).unwrap();
    assert_eq!(
        archive.by_index(0).unwrap().compression(),
        zip::CompressionMethod::Deflated
    );
    let (read, key_file) = cert_center::pki::npki::unzip(&zip).unwrap();
    assert_eq!(read, certificate);
    assert_eq!(key_file, std::fs::read(dir.join("signPri.key")).unwrap());
}

#[test]
fn a_zip_of_two_folders_names_both_and_garbage_says_what_is_wrong() {
    let (dir, _, _) = sample("two-folder-zip");
    let zip = python_zip(
        &dir,
        &[
            ("NPKI/KICA/USER/first/signCert.der", "signCert.der"),
            ("NPKI/KICA/USER/first/signPri.key", "signPri.key"),
            ("NPKI/yessign/USER/second/signCert.der", "signCert.der"),
            ("NPKI/yessign/USER/second/signPri.key", "signPri.key"),
        ],
    );
    let all = cert_center::pki::npki::unzip_all(&zip).unwrap();
    assert_eq!(all.len(), 2);
    let why = cert_center::pki::npki::unzip(&zip).unwrap_err().to_string();
    assert!(
        why.contains("2개") && why.contains("first") && why.contains("second"),
        "{why}"
    );
    let garbage = cert_center::pki::npki::unzip(b"not a zip")
        .unwrap_err()
        .to_string();
    assert_says(&garbage, "zip 파일이 아닙니다");
    let half = python_zip(&dir, &[("NPKI/a/signCert.der", "signCert.der")]);
    let missing = cert_center::pki::npki::unzip(&half)
        .unwrap_err()
        .to_string();
    assert_says(&missing, "signPri.key");
}

/// The compatible NPKI export (the classic seedCBCWithSHA1 key file) opens in `pypinksign`, an
/// NPKI client nobody here wrote, which signs with it; the key carries its R.
#[test]
fn pypinksign_opens_the_compatible_npki_export_and_signs() {
    let (dir, certificate, key) = sample("pypinksign");
    let stored = cert_center::customer::record(
        "hong01",
        &certificate,
        &std::fs::read(dir.join("signPri.key")).unwrap(),
        Vec::new(),
        cert_center::pki::npki::summarize(&certificate).unwrap(),
    );
    let zip = block_on(customer::export_npki_compatible(&stored, SAMPLE_PASSWORD)).unwrap();
    let (cert_file, key_file) = cert_center::pki::npki::unzip(&zip).unwrap();
    assert_eq!(cert_file, certificate);
    let algorithm = EncryptedKeyShape::from_der(&key_file)
        .unwrap()
        .algorithm
        .oid;
    assert_eq!(algorithm, SEED_CBC_WITH_SHA1);
    let out = dir.join("compatible");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("signCert.der"), &cert_file).unwrap();
    std::fs::write(out.join("signPri.key"), &key_file).unwrap();
    let script = format!(
        "from pypinksign import PinkSign\n\
         p = PinkSign(pubkey_path='signCert.der', prikey_path='signPri.key', prikey_password={SAMPLE_PASSWORD:?}.encode())\n\
         print(p.sign(b'pypinksign signs').hex())\n\
         print(bytes(p._rand_num.asOctets()).hex())\n\
         print(p.cn())\n"
    );
    let run = std::process::Command::new("python3")
        .args(["-c", &script])
        .current_dir(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "pypinksign: {stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    let public =
        ca::certificate_key(&x509_cert::Certificate::from_der(&certificate).unwrap()).unwrap();
    assert!(cert_center::pki::signing::verify(
        &public,
        b"pypinksign signs",
        &hex(lines[0])
    ));
    assert_eq!(hex(lines[1]), key.r, "R as pypinksign reads it");
    assert!(lines[2].starts_with("홍길동(HONG GILDONG)"), "{}", lines[2]);
    // And it still opens here, with the right password only.
    assert_eq!(
        transfer::decrypt_any(&key_file, SAMPLE_PASSWORD).unwrap().r,
        key.r
    );
    assert!(matches!(
        transfer::decrypt_any(&key_file, "Wrong!2345"),
        Err(PkiError::WrongPassword)
    ));
}

#[derive(der::Sequence)]
struct EncryptedKeyShape {
    algorithm: spki::AlgorithmIdentifierOwned,
    data: OctetString,
}

/// Runs an NSS tool in `dir`, failing the test with its output when it fails.
fn nss(dir: &Path, tool: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (libnss3-tools): {e}"));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{tool} {args:?}: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// A `.p12` that NSS (Firefox's store) writes is BER, indefinite lengths inside and out: it is
/// read, its MAC still checked (a wrong password is refused). NSS drops the key's R on the way,
/// so 인증서 가져오기 says why such a key cannot log in at the bank.
#[test]
fn a_p12_written_by_nss_in_ber_imports() {
    let (dir, certificate, key) = sample("nss-ber");
    let ours =
        transfer::export_pfx(&certificate, &[], &key, "Export!2345", PfxCipher::Aes256).unwrap();
    std::fs::write(dir.join("ours.p12"), ours).unwrap();
    std::fs::create_dir_all(dir.join("db")).unwrap();
    nss(
        &dir,
        "certutil",
        &["-N", "-d", "sql:db", "--empty-password"],
    );
    nss(
        &dir,
        "pk12util",
        &["-i", "ours.p12", "-d", "sql:db", "-W", "Export!2345"],
    );
    let listed = nss(&dir, "certutil", &["-L", "-d", "sql:db"]);
    let nickname = listed
        .lines()
        .find(|l| l.trim_end().ends_with("u,u,u"))
        .map(|l| l.trim_end().trim_end_matches("u,u,u").trim().to_owned())
        .expect("the imported certificate and key");
    nss(
        &dir,
        "pk12util",
        &[
            "-o",
            "nss.p12",
            "-n",
            &nickname,
            "-d",
            "sql:db",
            "-W",
            "Export!2345",
        ],
    );
    let written = std::fs::read(dir.join("nss.p12")).unwrap();
    assert_eq!(
        &written[..2],
        [0x30, 0x80],
        "NSS writes BER (indefinite length)"
    );
    let (back, opened) = transfer::import_pfx(&written, "Export!2345").unwrap();
    assert_eq!(back, certificate);
    assert!(opened.r.is_empty(), "NSS keeps no PKCS#8 attributes");
    let public = ca::certificate_key(&x509_cert::Certificate::from_der(&back).unwrap()).unwrap();
    key_file::matches_certificate(opened, &public).unwrap();
    let refused = block_on(customer::import(
        "hong01",
        Incoming::Pfx(written.clone()),
        "Export!2345",
    ))
    .unwrap_err()
    .to_string();
    assert_says(&refused, "본인확인용 난수(R)가 없어");
    assert!(matches!(
        transfer::import_pfx(&written, "Wrong!2345"),
        Err(PkiError::WrongPassword)
    ));
}
