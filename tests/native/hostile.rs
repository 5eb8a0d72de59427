//! Hostile files (issue #9): key files and `.pfx` files from outside whose key derivation is
//! absurd or dangerous are refused before anything is derived, with a Korean message; NPKI paths
//! never climb out of their folder.

use crate::common::shapes::{EncryptedKey, Pbes2, SaltAndRounds};
use crate::common::{NOW, assert_says, block_on, scratch_dir};
use cert_center::customer::{self, Incoming};
use cert_center::pki::kdf_bounds::{MAX_CLASSIC_ROUNDS, MAX_ROUNDS};
use cert_center::pki::key_file;
use cert_center::pki::transfer::{self, PfxCipher, SEED_CBC_WITH_SHA1};
use cert_center::pki::{PkiError, npki};
use cert_center::sample::{SAMPLE_PASSWORD, write_sample};
use der::asn1::{Any, ObjectIdentifier, OctetString};
use der::{Decode, Encode};
use spki::AlgorithmIdentifierOwned;

/// Our sample certificate and key file.
fn sample() -> (Vec<u8>, Vec<u8>) {
    let dir = scratch_dir("hostile");
    write_sample(&dir, NOW).unwrap();
    (
        std::fs::read(dir.join("signCert.der")).unwrap(),
        std::fs::read(dir.join("signPri.key")).unwrap(),
    )
}

fn algorithm(oid: &str, parameters: &impl Encode) -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: ObjectIdentifier::new(oid).unwrap(),
        parameters: Some(Any::from_der(&parameters.to_der().unwrap()).unwrap()),
    }
}

#[derive(der::Sequence)]
struct Scrypt {
    salt: OctetString,
    cost: u64,
    block_size: u16,
    parallelization: u16,
}

/// A PBES2 key file asking for scrypt with N = 0 (which panics inside the KDF).
fn scrypt_key_file() -> Vec<u8> {
    let salt = OctetString::new(vec![1u8; 16]).unwrap();
    let params = Pbes2 {
        kdf: algorithm(
            "1.3.6.1.4.1.11591.4.11",
            &Scrypt {
                salt,
                cost: 0,
                block_size: 8,
                parallelization: 1,
            },
        ),
        scheme: algorithm(
            "2.16.840.1.101.3.4.1.42",
            &OctetString::new(vec![0u8; 16]).unwrap(),
        ),
    };
    EncryptedKey {
        algorithm: algorithm("1.2.840.113549.1.5.13", &params),
        data: OctetString::new(vec![0u8; 1232]).unwrap(),
    }
    .to_der()
    .unwrap()
}

#[derive(der::Sequence)]
struct Pbkdf2 {
    salt: OctetString,
    rounds: u32,
    key_length: Option<u32>,
    prf: Option<AlgorithmIdentifierOwned>,
}

/// Our key file with its PBKDF2 rounds set to `rounds` (which the `pkcs5` crate would not
/// write for 0 or absurd counts, so the DER is rewritten by hand).
fn with_rounds(file: &[u8], rounds: u32) -> Vec<u8> {
    let mut key = EncryptedKey::from_der(file).unwrap();
    let params = key.algorithm.parameters.as_ref().unwrap().to_der().unwrap();
    let mut pbes2 = Pbes2::from_der(&params).unwrap();
    let kdf = pbes2.kdf.parameters.as_ref().unwrap().to_der().unwrap();
    let mut kdf = Pbkdf2::from_der(&kdf).unwrap();
    kdf.rounds = rounds;
    pbes2.kdf.parameters = Some(Any::from_der(&kdf.to_der().unwrap()).unwrap());
    key.algorithm.parameters = Some(Any::from_der(&pbes2.to_der().unwrap()).unwrap());
    key.to_der().unwrap()
}

/// A classic seedCBCWithSHA1 key file asking for `rounds` PBKDF1 rounds.
fn classic_with_rounds(rounds: u32) -> Vec<u8> {
    EncryptedKey {
        algorithm: AlgorithmIdentifierOwned {
            oid: SEED_CBC_WITH_SHA1,
            parameters: Some(
                Any::from_der(
                    &SaltAndRounds {
                        salt: OctetString::new(vec![2u8; 8]).unwrap(),
                        rounds,
                    }
                    .to_der()
                    .unwrap(),
                )
                .unwrap(),
            ),
        },
        data: OctetString::new(vec![0u8; 1232]).unwrap(),
    }
    .to_der()
    .unwrap()
}

fn refused_as_unsafe<T: std::fmt::Debug>(result: Result<T, PkiError>) -> String {
    match result {
        Err(e @ PkiError::UnsafeKdf(_)) => e.to_string(),
        other => panic!("expected an unsafe-KDF refusal, got {other:?}"),
    }
}

#[test]
fn absurd_key_derivations_are_refused_before_deriving() {
    let (certificate, file) = sample();
    let hostile = [
        scrypt_key_file(),
        with_rounds(&file, u32::MAX),
        with_rounds(&file, MAX_ROUNDS + 1),
        with_rounds(&file, 0),
        classic_with_rounds(MAX_CLASSIC_ROUNDS + 1),
        classic_with_rounds(0),
    ];
    for file in &hostile {
        let message = refused_as_unsafe(key_file::decrypt(file, SAMPLE_PASSWORD));
        assert_says(&message, "안전하게 처리할 수 없어");
        refused_as_unsafe(transfer::decrypt_any(file, SAMPLE_PASSWORD));
        // What the learner reads on the import screen.
        let shown = block_on(customer::import(
            "hong01",
            Incoming::Npki {
                certificate: certificate.clone(),
                key_file: file.clone(),
            },
            SAMPLE_PASSWORD,
        ))
        .unwrap_err()
        .to_string();
        assert_says(&shown, "안전하게 처리할 수 없어");
    }
    // At the bounds the derivation runs (and the wrong password is caught as usual).
    assert!(matches!(
        transfer::decrypt_any(&classic_with_rounds(MAX_CLASSIC_ROUNDS), SAMPLE_PASSWORD),
        Err(PkiError::WrongPassword)
    ));
    assert!(transfer::decrypt_any(&with_rounds(&file, 1), SAMPLE_PASSWORD).is_err());
}

#[test]
fn a_pfx_without_a_mac_is_refused() {
    let (certificate, file) = sample();
    let key = key_file::decrypt(&file, SAMPLE_PASSWORD).unwrap();
    let pfx =
        transfer::export_pfx(&certificate, &[], &key, SAMPLE_PASSWORD, PfxCipher::Aes256).unwrap();
    assert!(transfer::import_pfx(&pfx, SAMPLE_PASSWORD).is_ok());
    // The same file with its MacData cut off.
    let outer = Any::from_der(&pfx).unwrap();
    let mut reader = der::SliceReader::new(outer.value()).unwrap();
    let version: Any = der::Reader::decode(&mut reader).unwrap();
    let auth_safe: Any = der::Reader::decode(&mut reader).unwrap();
    let mut body = version.to_der().unwrap();
    body.extend(auth_safe.to_der().unwrap());
    let stripped = Any::new(der::Tag::Sequence, body)
        .unwrap()
        .to_der()
        .unwrap();
    let message = refused_as_unsafe(transfer::import_pfx(&stripped, SAMPLE_PASSWORD));
    assert_says(&message, "MAC");
}

#[test]
fn exported_pfx_files_use_our_rounds_for_aes() {
    let (certificate, file) = sample();
    let key = key_file::decrypt(&file, SAMPLE_PASSWORD).unwrap();
    let pfx =
        transfer::export_pfx(&certificate, &[], &key, SAMPLE_PASSWORD, PfxCipher::Aes256).unwrap();
    // 600,000 = 0x0927C0 as a DER INTEGER, in the key's PBKDF2 and in the MAC.
    let rounds = [0x02, 0x03, 0x09, 0x27, 0xc0];
    let found = pfx.windows(5).filter(|w| *w == rounds).count();
    assert!(found >= 2, "600,000 rounds appear {found} times");
}

#[test]
fn npki_paths_never_climb_out_of_their_folder() {
    for (text, expected) in [
        ("../../../tmp/evil", ".._.._.._tmp_evil"),
        ("..", "_"),
        ("", "_"),
        ("a\\b:c", "a_b_c"),
        (
            "cn=홍길동(HONG GILDONG)0004,ou=KMB",
            "cn=홍길동(HONG GILDONG)0004,ou=KMB",
        ),
        ("line\nbreak", "line_break"),
    ] {
        assert_eq!(npki::path_component(text), expected, "{text:?}");
    }
    let summary = npki::Summary {
        fingerprint: String::new(),
        kind: String::new(),
        holder: String::new(),
        expires: String::new(),
        issuer: "..".into(),
        subject: "CN=../../../tmp/evil,O=x".into(),
        business: false,
    };
    let folder = npki::folder(&summary);
    assert_eq!(folder, "NPKI/_/USER/cn=.._.._.._tmp_evil,o=x");
    assert!(
        !folder
            .split('/')
            .any(|part| part == ".." || part.is_empty())
    );
}
