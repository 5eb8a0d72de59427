//! 스마트폰인증서 복사 for either device: the receiver, logged in, shows a 인증번호 and waits;
//! the sender types it, opens the certificate with its password, proves it to the bank to find
//! the slot and sends it sealed through the bank's relay ([`crate::pki::phone_copy`]).

use super::*;
use crate::bank::api::{RELAY, RelayFetch, RelayFind, RelayOpen, RelaySend, SessionToken};
use crate::pki::phone_copy::{self as sealing, Package};

/// A receiver's open slot: the number it shows and what it fetches with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receiving {
    /// The 12 digits of the 인증번호.
    pub digits: String,
    /// The relay's slot.
    pub slot: String,
    /// The receiving device's login session.
    token: SessionToken,
    /// The number's package key (the verifier went to the relay).
    package_key: zeroize::Zeroizing<Vec<u8>>,
    /// The verifier.
    verifier: Vec<u8>,
    /// The nonce this receiver opened the slot with, base64.
    nonce: String,
}

impl Receiving {
    /// `1234-5678-9012`, as the screen shows it.
    pub fn number(&self) -> String {
        sealing::formatted(&self.digits)
    }
}

/// What arrived: the certificate and its key file (still under the certificate password).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrived {
    /// The bank ID it was kept under on the sending device (empty if none).
    pub user_id: String,
    /// The certificate, DER.
    pub certificate: Vec<u8>,
    /// The key file.
    pub key_file: Vec<u8>,
    /// The chain, DER in base64.
    pub chain: Vec<String>,
    /// What the lists show of the certificate.
    pub summary: Summary,
}

impl Arrived {
    /// The record to keep it under, in the browser or on the phone.
    pub fn record(&self) -> Result<StoredCertificate, CertError> {
        Ok(record(
            &self.user_id,
            &self.certificate,
            &self.key_file,
            self.chain.clone(),
            self.summary.clone(),
        ))
    }
}

fn digits_of(typed: &str) -> Result<String, CertError> {
    sealing::number_digits(typed).ok_or_else(|| {
        CertError::Refused("인증번호 12자리를 입력해 주세요. (예: 1234-5678-9012)".to_owned())
    })
}

/// Random bytes, or why not.
fn random<const N: usize>() -> Result<[u8; N], CertError> {
    crate::pki::random_bytes().map_err(CertError::Browser)
}

/// The receiver, logged in with `token`: a fresh random 인증번호, its slot opened at the relay.
pub async fn receive(bank: &impl BankApi, token: SessionToken) -> Result<Receiving, CertError> {
    let number = random::<12>()?;
    let digits: String = number.iter().map(|b| char::from(b'0' + b % 10)).collect();
    let salt = random::<16>()?;
    let (verifier, package_key) = worker::number_keys(&digits, &salt).await?;
    let nonce = base64(&random::<16>()?);
    let opened = bank
        .call(RelayOpen {
            token: token.clone(),
            verifier_salt: base64(&salt),
            verifier: base64(&verifier),
            nonce: nonce.clone(),
        })
        .await?;
    Ok(Receiving {
        digits,
        slot: opened.slot,
        token,
        package_key: zeroize::Zeroizing::new(package_key),
        verifier,
        nonce,
    })
}

/// The receiver asks whether the certificate arrived: `None` while it has not. What arrives is
/// opened with the number and checked: the sender's signature covers the whole package, this
/// slot and this receiver's nonce (so its key is the certificate's, and the package was made
/// for this copy), and the key file must be at our floor.
pub async fn arrived(bank: &impl BankApi, r: &Receiving) -> Result<Option<Arrived>, CertError> {
    let fetched = bank
        .call(RelayFetch {
            token: r.token.clone(),
            slot: r.slot.clone(),
            verifier: base64(&r.verifier),
        })
        .await?;
    let Some(sealed) = fetched else {
        return Ok(None);
    };
    let damaged =
        || CertError::Refused("받은 인증서가 손상되었습니다. 다시 복사해 주세요.".to_owned());
    let sealed = unbase64(&sealed).ok_or_else(damaged)?;
    let (package, summary) = worker::open_package(&r.package_key, sealed, &r.slot, &r.nonce)
        .await
        .map_err(|e| match e {
            known @ (Failure::WrongPassword | Failure::Damaged | Failure::Refused(_)) => {
                CertError::from(known)
            }
            _ => damaged(),
        })?;
    let certificate = unbase64(&package.certificate).ok_or_else(damaged)?;
    let key_file = unbase64(&package.key_file).ok_or_else(damaged)?;
    Ok(Some(Arrived {
        user_id: package.user_id,
        certificate,
        key_file,
        chain: package.chain,
        summary,
    }))
}

/// What the sender sends.
#[derive(Clone, Copy)]
pub struct Outgoing<'a> {
    /// The bank ID it is kept under here (empty if none).
    pub user_id: &'a str,
    /// The chain, DER in base64 (may be empty).
    pub chain: &'a [String],
    /// The certificate with its key file and password.
    pub proof: &'a Proof,
}

/// The sender: opens the key with its password (checked here first), proves the certificate
/// to the bank to find its customer's slot, and sends the certificate sealed under the typed
/// number.
pub async fn send(
    bank: &impl BankApi,
    typed_number: &str,
    outgoing: Outgoing<'_>,
) -> Result<(), CertError> {
    let Outgoing {
        user_id,
        chain,
        proof,
    } = outgoing;
    let digits = digits_of(typed_number)?;
    let opened = proof.open().await?;
    let signed = prove(bank, &proof.origin, RELAY, &proof.certificate, &opened).await?;
    let target = bank.call(RelayFind { proof: signed }).await?;
    let salt = unbase64(&target.verifier_salt).ok_or(CertError::UnreadableAnswer)?;
    let (verifier, package_key) = worker::number_keys(&digits, &salt).await?;
    let package = Package {
        user_id: user_id.to_owned(),
        certificate: base64(&proof.certificate),
        key_file: base64(&proof.key_file),
        chain: chain.to_vec(),
        signature: String::new(),
    };
    let sealed = worker::seal_package(worker::Outgoing {
        package_key,
        package,
        slot: target.slot.clone(),
        nonce: target.nonce,
        key: opened,
        password: proof.password.clone(),
    })
    .await?;
    bank.call(RelaySend {
        slot: target.slot,
        verifier: base64(&verifier),
        package: base64(&sealed),
    })
    .await?;
    Ok(())
}
