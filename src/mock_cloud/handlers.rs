//! The cloud's records and what each request does to them.

use std::str::FromStr;

use der::Decode;
use serde::{Deserialize, Serialize};

use super::CloudState;
use super::carrier::{self, Subscriber};
use crate::bank::api::{
    BankError, BankResult, CertificateProof, LOGIN, TextCodeError, renew_purpose, signed_message,
};
use crate::bank::clock::Millis;
use crate::bank::rules::TextedCode;
use crate::cloud::api::*;
use crate::cloud::{PinHash, Vault, VaultError, check_new_pin};
use crate::encoding::{base64, hex};
use crate::mock_bank::wire::{internal, unbase64};
use crate::pki::{self, key_file};

/// How long a texted code may be typed.
const CODE_MS: Millis = 3 * 60_000;
/// How long a key waits for its certificate.
const ENROLLMENT_MS: Millis = 30 * 60_000;

/// A browser connected to the cloud.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct DeviceRecord {
    /// What the browser sends, 128 random bits in hex.
    pub(super) token: String,
    /// The subscriber's key.
    pub(super) owner: String,
    /// Their name.
    pub(super) name: String,
    /// Their birth date, YYMMDD (a PIN may not be it).
    pub(super) birth: String,
    /// When the connection ends; never, with `자동연결`.
    pub(super) expires_at: Option<Millis>,
}

/// A code texted for 클라우드 연결.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct TextRecord {
    /// The number's digits.
    pub(super) phone: String,
    /// The code and the wrong tries at it.
    pub(super) code: TextedCode,
    /// Until when it may be typed.
    pub(super) expires_at: Millis,
}

/// A key the cloud made, waiting for the bank's certificate.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct EnrollmentRecord {
    /// The subscriber's key.
    pub(super) owner: String,
    /// The key with its R, PKCS#8 DER, base64.
    pub(super) key: String,
    /// The new PIN's hash.
    pub(super) pin: PinHash,
    /// Until when the certificate may come.
    pub(super) expires_at: Millis,
}

/// What the cloud's window shows of a vault.
pub(super) fn card(vault: &Vault) -> CloudCard {
    CloudCard {
        certificate: vault.certificate.clone(),
        wrong: vault.wrong(),
        locked: vault.locked(),
    }
}

fn vault_error(e: VaultError) -> BankError {
    match e {
        VaultError::Pin(e) => CloudError::from(e).into(),
        damaged => internal(damaged),
    }
}

/// Refuses a PIN the rules do not allow for a subscriber born on `birth`, with the reason.
fn allowed_pin(pin: &str, birth: &str) -> BankResult<()> {
    Ok(check_new_pin(pin, birth).map_err(|why| CloudError::PinRefused(why.to_string()))?)
}

fn salt() -> BankResult<[u8; 16]> {
    pki::random::<16>().map_err(internal)
}

/// The certificate request for `key` and what the bank needs with it.
fn enrollment_for(
    key: &key_file::KeyWithR,
    subject: x509_cert::name::Name,
) -> BankResult<(Vec<u8>, Enrollment)> {
    let csr = pki::csr::build(&key.key, subject).map_err(internal)?;
    let enrollment = Enrollment {
        csr: base64(&csr),
        random: base64(&key.r),
    };
    Ok((csr, enrollment))
}

/// `vault`'s certificate signing `purpose` for `origin` and the bank's `nonce`, once `pin`
/// opens it (a wrong PIN counts).
fn signed_proof(
    vault: &mut Vault,
    pin: &str,
    (purpose, origin, nonce): (&str, &str, String),
) -> BankResult<CertificateProof> {
    let message = signed_message(purpose, origin, &nonce);
    let signed = vault.sign(pin, message.as_bytes()).map_err(vault_error)?;
    Ok(CertificateProof {
        nonce,
        certificate: vault.certificate.clone(),
        signature: base64(&signed.signature),
        random: base64(&signed.random),
    })
}

impl CloudState {
    /// Forgets connections, codes and keys whose time is up.
    pub(super) fn sweep(&mut self, now: Millis) {
        self.devices
            .retain(|d| d.expires_at.is_none_or(|end| end > now));
        self.texts.retain(|t| t.expires_at > now);
        self.enrollments.retain(|e| e.expires_at > now);
    }

    /// The connected browser sending `token`.
    pub(super) fn device(&self, token: &DeviceToken) -> BankResult<&DeviceRecord> {
        Ok(self
            .devices
            .iter()
            .find(|d| d.token == token.0)
            .ok_or(CloudError::NotConnected)?)
    }

    /// The 금융인증서 kept for `owner`.
    pub(super) fn vault(&self, owner: &str) -> Option<&Vault> {
        self.vaults.iter().find(|v| v.owner == owner)
    }

    /// The 금융인증서 of the browser sending `token`'s subscriber.
    fn vault_of(&mut self, token: &DeviceToken) -> BankResult<&mut Vault> {
        let owner = self.device(token)?.owner.clone();
        Ok(self
            .vaults
            .iter_mut()
            .find(|v| v.owner == owner)
            .ok_or(CloudError::NoCertificate)?)
    }

    pub(super) fn start_connect(
        &mut self,
        now: Millis,
        r: StartConnect,
    ) -> BankResult<TextMessage> {
        let who = carrier::subscriber(&r.name, &r.phone).ok_or(CloudError::NotSubscriber)?;
        let code = TextedCode::new().map_err(internal)?;
        let body = format!(
            "[모의 금융결제원] 클라우드 연결 인증번호 [{}]를 입력해 주세요. 타인에게 절대 알려주지 마세요.",
            code.code()
        );
        self.texts.retain(|t| t.phone != who.phone);
        self.texts.push(TextRecord {
            phone: who.phone.clone(),
            code,
            expires_at: now + CODE_MS,
        });
        Ok(TextMessage {
            to: carrier::masked(&who.phone),
            body,
        })
    }

    pub(super) fn finish_connect(
        &mut self,
        now: Millis,
        r: FinishConnect,
    ) -> BankResult<Connection> {
        let who: Subscriber =
            carrier::subscriber(&r.name, &r.phone).ok_or(CloudError::NotSubscriber)?;
        let i = self
            .texts
            .iter()
            .position(|t| t.phone == who.phone)
            .ok_or(CloudError::TextCode(TextCodeError::Expired))?;
        if let Err(why) = self.texts[i].code.check(&r.code) {
            if why == TextCodeError::Expired {
                self.texts.remove(i);
            }
            return Err(CloudError::from(why).into());
        }
        self.texts.remove(i);
        let token = hex(&pki::random::<16>().map_err(internal)?);
        self.devices.push(DeviceRecord {
            token: token.clone(),
            owner: who.key,
            name: who.name.clone(),
            birth: who.birth,
            expires_at: (!r.remember).then_some(now + Millis::from(VISIT_SECS) * 1000),
        });
        Ok(Connection {
            device: DeviceToken(token),
            name: who.name,
            remembered: r.remember,
        })
    }

    pub(super) fn begin_enrollment(
        &mut self,
        now: Millis,
        r: BeginEnrollment,
        key: Option<key_file::KeyWithR>,
    ) -> BankResult<Enrollment> {
        let device = self.device(&r.device)?.clone();
        allowed_pin(&r.pin, &device.birth)?;
        let subject =
            x509_cert::name::Name::from_str(&r.subject).map_err(|_| BankError::InvalidRequest {
                detail: "발급할 인증서의 이름 형식이 올바르지 않습니다".to_owned(),
            })?;
        // The certificate must name the subscriber: the common name begins with their name.
        if !r.subject.contains(&format!("={}(", device.name)) {
            return Err(CloudError::OtherPerson.into());
        }
        let pin = PinHash::new(&r.pin, salt()?);
        let key = key.ok_or_else(|| internal("the cloud made no key"))?;
        let (_, enrollment) = enrollment_for(&key, subject)?;
        self.wait_for_certificate(now, device.owner, &key, pin)?;
        Ok(enrollment)
    }

    /// Keeps `key` for `owner` until the bank's certificate for it comes (or time is up).
    fn wait_for_certificate(
        &mut self,
        now: Millis,
        owner: String,
        key: &key_file::KeyWithR,
        pin: PinHash,
    ) -> BankResult<()> {
        let plain = key_file::plain_der(key).map_err(internal)?;
        self.enrollments.retain(|e| e.owner != owner);
        self.enrollments.push(EnrollmentRecord {
            owner,
            key: base64(&plain),
            pin,
            expires_at: now + ENROLLMENT_MS,
        });
        Ok(())
    }

    pub(super) fn begin_renewal(
        &mut self,
        now: Millis,
        r: BeginRenewal,
        key: Option<key_file::KeyWithR>,
    ) -> BankResult<CloudRenewal> {
        let vault = self.vault_of(&r.device)?;
        let current = unbase64(&vault.certificate)
            .and_then(|der| x509_cert::Certificate::from_der(&der).map_err(internal))?;
        let key = key.ok_or_else(|| internal("the cloud made no key"))?;
        let (csr, enrollment) = enrollment_for(&key, current.tbs_certificate().subject().clone())?;
        let purpose = renew_purpose(&csr);
        let proof = signed_proof(vault, &r.pin, (&purpose, &r.origin, r.nonce))?;
        let (owner, pin) = (vault.owner.clone(), vault.pin().clone());
        self.wait_for_certificate(now, owner, &key, pin)?;
        Ok(CloudRenewal { enrollment, proof })
    }

    pub(super) fn finish_enrollment(&mut self, r: FinishEnrollment) -> BankResult<CloudCard> {
        let owner = self.device(&r.device)?.owner.clone();
        let i = self
            .enrollments
            .iter()
            .position(|e| e.owner == owner)
            .ok_or(CloudError::NotEnrolled)?;
        let waiting = &self.enrollments[i];
        let vault = Vault::new(
            &owner,
            &unbase64(&r.certificate)?,
            &unbase64(&waiting.key)?,
            waiting.pin.clone(),
        )
        .map_err(|_| CloudError::NotEnrolled)?;
        self.enrollments.remove(i);
        // The earlier 금융인증서, and with it a lock, gives way to the new one.
        self.vaults.retain(|v| v.owner != owner);
        let shown = card(&vault);
        self.vaults.push(vault);
        Ok(shown)
    }

    pub(super) fn sign(&mut self, r: CloudSign) -> BankResult<CertificateProof> {
        let vault = self.vault_of(&r.device)?;
        signed_proof(vault, &r.pin, (LOGIN, &r.origin, r.nonce))
    }

    pub(super) fn change_pin(&mut self, r: ChangePin) -> BankResult<()> {
        let birth = self.device(&r.device)?.birth.clone();
        allowed_pin(&r.new, &birth)?;
        let salt = salt()?;
        self.vault_of(&r.device)?
            .change_pin(&r.old, || PinHash::new(&r.new, salt))
            .map_err(vault_error)
    }
}
