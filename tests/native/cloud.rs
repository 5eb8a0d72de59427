//! 모의 금융결제원 클라우드's vault (issue #24, first part): a 금융인증서's key kept with the
//! PIN's hash; a signature only after the right PIN; five wrong lock it, across a new cloud over
//! the same records; PIN 변경 with the old PIN first; the key not given out.

use crate::common::*;
use cert_center::bank::demo;
use cert_center::cloud::{PinError, PinHash, Vault, VaultError};
use cert_center::pki::{ca, signing};
use der::Decode;

const PIN: &str = "135790";
const KEY: &[u8] = KEYS[0];

/// A certificate the bank issued for the fixture key `KEY`, in a vault under `PIN`.
fn vault() -> (Vault, Vec<u8>) {
    let certificate = certificate_for(&demo::HONG, 0);
    let vault = Vault::new("hong01", &certificate, KEY, PinHash::new(PIN, [9; 16])).unwrap();
    (vault, certificate)
}

#[test]
fn the_cloud_signs_only_after_the_right_pin() {
    let (mut vault, certificate) = vault();
    let message = b"login nonce for https://bank.example";
    assert_eq!(
        vault.sign("000000", message),
        Err(VaultError::Pin(PinError::Wrong { wrong: 1 }))
    );
    let signature = vault.sign(PIN, message).unwrap().signature;
    let public =
        ca::certificate_key(&x509_cert::Certificate::from_der(&certificate).unwrap()).unwrap();
    assert!(signing::verify(&public, message, &signature));
    assert!(!signing::verify(&public, b"another message", &signature));
    // Nothing prints the key, nor the PIN.
    let shown = format!("{vault:?}");
    assert!(
        !shown.contains(&b64(KEY)[..40]) && !shown.contains(PIN),
        "{shown}"
    );
}

#[test]
fn five_wrong_pins_lock_the_vault_across_a_new_cloud() {
    let (mut vault, _) = vault();
    for wrong in 1..=4 {
        assert_eq!(
            vault.sign("000000", b"m"),
            Err(VaultError::Pin(PinError::Wrong { wrong }))
        );
    }
    // The cloud keeps the record after each try; a new cloud reads it back.
    let mut vault: Vault = serde_json::from_str(&serde_json::to_string(&vault).unwrap()).unwrap();
    assert_eq!(
        vault.sign("000000", b"m"),
        Err(VaultError::Pin(PinError::Locked))
    );
    assert!(vault.locked());
    assert_eq!(
        vault.sign(PIN, b"m"),
        Err(VaultError::Pin(PinError::Locked))
    );
    assert!(
        VaultError::Pin(PinError::Locked)
            .to_string()
            .contains("재발급")
    );
}

#[test]
fn a_pin_is_changed_with_the_old_one_first() {
    let (mut vault, _) = vault();
    // A wrong old PIN is refused before the new one is hashed (one slow derivation, not two).
    let mut hashed = false;
    assert_eq!(
        vault.change_pin("000000", || {
            hashed = true;
            PinHash::new("246801", [4; 16])
        }),
        Err(VaultError::Pin(PinError::Wrong { wrong: 1 }))
    );
    assert!(
        !hashed,
        "the new PIN was hashed before the old one was checked"
    );
    vault
        .change_pin(PIN, || PinHash::new("246801", [4; 16]))
        .unwrap();
    assert!(vault.sign(PIN, b"m").is_err());
    assert!(vault.sign("246801", b"m").is_ok());
}

#[test]
fn a_key_that_is_not_the_certificates_is_refused() {
    let (_, certificate) = vault();
    let other = KEYS[1];
    let pin = || PinHash::new(PIN, [9; 16]);
    assert_eq!(
        Vault::new("hong01", &certificate, other, pin()),
        Err(VaultError::Damaged)
    );
    assert_eq!(
        Vault::new("hong01", &certificate, b"not a key", pin()),
        Err(VaultError::Damaged)
    );
    assert_eq!(
        Vault::new("hong01", b"not a certificate", KEY, pin()),
        Err(VaultError::Damaged)
    );
}
