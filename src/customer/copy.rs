//! 스마트폰인증서 복사 for either device: the receiver shows a 인증번호 and waits; the sender
//! types it, opens the certificate with its password and sends it sealed through the bank's
//! relay ([`crate::pki::copy`]).

use super::*;
use crate::bank::api::{RelayFetch, RelayOpen, RelaySalt, RelaySend};
use crate::pki::copy::{self as sealing, Package};

/// A receiver's open slot: the number it shows and what it fetches with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receiving {
    /// The 12 digits of the 인증번호.
    pub digits: String,
    verifier: String,
}

impl Arrived {
    /// The record to keep it under, in the browser or on the phone.
    pub fn record(&self) -> Result<StoredCertificate, CertError> {
        record(
            &self.user_id,
            &self.certificate,
            &self.key_file,
            self.chain.clone(),
        )
    }
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
}

fn digits_of(typed: &str) -> Result<String, CertError> {
    sealing::number_digits(typed).ok_or_else(|| {
        CertError::Refused("인증번호 12자리를 입력해 주세요. (예: 1234-5678-9012)".to_owned())
    })
}

/// The receiver: a fresh random 인증번호, its slot opened at the relay.
pub async fn receive(bank: &impl BankApi) -> Result<Receiving, CertError> {
    for _ in 0..5 {
        let random = pki::random::<12>()?;
        let digits: String = random.iter().map(|b| char::from(b'0' + b % 10)).collect();
        let salt = pki::random::<16>()?;
        let verifier = base64(&sealing::verifier(&digits, &salt));
        let opened = bank
            .call(RelayOpen {
                slot: digits[..4].to_owned(),
                verifier_salt: base64(&salt),
                verifier: verifier.clone(),
            })
            .await;
        match opened {
            Ok(_) => return Ok(Receiving { digits, verifier }),
            Err(BankError::RelaySlotTaken) => continue,
            Err(other) => return Err(other.into()),
        }
    }
    Err(BankError::RelaySlotTaken.into())
}

/// The receiver asks whether the certificate arrived: `None` while it has not. What arrives is
/// opened with the number and checked (the sender's signature proves its key is the
/// certificate's).
pub async fn arrived(bank: &impl BankApi, r: &Receiving) -> Result<Option<Arrived>, CertError> {
    let fetched = bank
        .call(RelayFetch {
            slot: r.digits[..4].to_owned(),
            verifier: r.verifier.clone(),
        })
        .await?;
    let Some(sealed) = fetched else {
        return Ok(None);
    };
    let damaged =
        || CertError::Refused("받은 인증서가 손상되었습니다. 다시 복사해 주세요.".to_owned());
    let plain = sealing::open(&r.digits, &unbase64(&sealed).ok_or_else(damaged)?)?;
    let package: Package = serde_json::from_slice(&plain).map_err(|_| damaged())?;
    let certificate = unbase64(&package.certificate).ok_or_else(damaged)?;
    let key_file = unbase64(&package.key_file).ok_or_else(damaged)?;
    let summary = npki::summarize(&certificate).map_err(|_| damaged())?;
    let parsed =
        <x509_cert::Certificate as der::Decode>::from_der(&certificate).map_err(|_| damaged())?;
    let public = pki::ca::certificate_key(&parsed).map_err(|_| damaged())?;
    let message = format!("{}{}", sealing::SIGNED_PREFIX, summary.fingerprint);
    let signature = unbase64(&package.signature).ok_or_else(damaged)?;
    if !signing::verify(&public, message.as_bytes(), &signature) {
        return Err(CertError::Damaged);
    }
    Ok(Some(Arrived {
        user_id: package.user_id,
        certificate,
        key_file,
        chain: package.chain,
    }))
}

/// What the sender sends.
#[derive(Debug, Clone, Copy)]
pub struct Outgoing<'a> {
    /// The bank ID it is kept under here (empty if none).
    pub user_id: &'a str,
    /// The certificate, DER.
    pub certificate: &'a [u8],
    /// The key file.
    pub key_file: &'a [u8],
    /// The chain, DER in base64 (may be empty).
    pub chain: &'a [String],
}

/// The sender: opens the key with `password` (checked here first), seals the certificate under
/// the typed number and sends it to the number's slot.
pub async fn send(
    bank: &impl BankApi,
    typed_number: &str,
    outgoing: Outgoing<'_>,
    password: &str,
) -> Result<(), CertError> {
    let Outgoing {
        user_id,
        certificate,
        key_file,
        chain,
    } = outgoing;
    let digits = digits_of(typed_number)?;
    let slot = digits[..4].to_owned();
    // The slot first: a number that names none is refused before the key is opened.
    let salt = bank.call(RelaySalt { slot: slot.clone() }).await?;
    let opened = open_key(certificate, key_file, password).await?;
    let fingerprint = npki::summarize(certificate)?.fingerprint;
    let message = format!("{}{fingerprint}", sealing::SIGNED_PREFIX);
    let package = Package {
        user_id: user_id.to_owned(),
        certificate: base64(certificate),
        key_file: base64(key_file),
        chain: chain.to_vec(),
        signature: base64(&signing::sign(&opened.key, message.as_bytes())),
    };
    let plain = serde_json::to_vec(&package).map_err(|e| CertError::Browser(e.to_string()))?;
    let sealed = sealing::seal(&digits, &plain)?;
    let verifier = base64(&sealing::verifier(
        &digits,
        &unbase64(&salt).ok_or(CertError::UnreadableAnswer)?,
    ));
    bank.call(RelaySend {
        slot,
        verifier,
        package: base64(&sealed),
    })
    .await?;
    Ok(())
}
