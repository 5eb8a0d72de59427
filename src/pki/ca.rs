//! The mock certification authorities: a root and one issuing CA per real CA, all named
//! `(MOCK)`, and the NPKI personal-certificate profile they issue under.

use der::asn1::{Any, OctetString, Utf8StringRef};
use der::oid::AssociatedOid;
use der::oid::ObjectIdentifier;
use der::{Decode, Encode};
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use rsa::sha2::Sha256;
use rsa::signature::Verifier;
use rsa::{PrivateKey, PublicKey};
use sha2::Digest;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef};
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::{Certificate, TbsCertificate};
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::certpolicy::PolicyInformation;
use x509_cert::ext::pkix::crl::CrlNumber;
pub use x509_cert::ext::pkix::crl::CrlReason;
use x509_cert::ext::pkix::name::{GeneralName, OtherName};
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies, KeyUsage, KeyUsages,
    SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

use super::profile::Ca;
use super::{NPKI_IDENTIFY_DATA, NPKI_VID, PkiError, Result, SHA256, random, subject};
use crate::kst::Kst;

mod extensions;

use extensions::{authority_key_id, ca_extensions, identify_data, key_identifiers};
pub use extensions::{certificate_key, certificate_vid, identify_data_vid, signed_by};

/// A CA: its key and certificate.
#[derive(Clone, Debug)]
pub struct Authority {
    /// The signing key.
    pub key: PrivateKey,
    /// Its certificate.
    pub certificate: Certificate,
}

/// One entry of a CRL.
#[derive(Clone, Debug)]
pub struct Revoked {
    /// The certificate's serial number.
    pub serial: SerialNumber,
    /// When it was revoked, Unix milliseconds.
    pub at: i64,
    /// Why (`Superseded` after a reissue or renewal).
    pub reason: CrlReason,
}

/// sha256WithRSAEncryption, with the NULL parameters RFC 4055 asks for.
fn sha256_with_rsa() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: super::oids::SHA256_WITH_RSA,
        parameters: Some(Any::null()),
    }
}

/// What identifies the certificate's holder (DOMAIN §4).
#[derive(Clone, Debug)]
pub struct Holder {
    /// The real name for npkiIdentifyData.
    pub real_name: String,
    /// The VID.
    pub vid: [u8; 32],
}

/// A fixed profile: names and extensions computed before building.
struct Profile {
    subject: Name,
    issuer: Name,
    extensions: Vec<Extension>,
}

impl BuilderProfile for Profile {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        _spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        _tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        Ok(self.extensions.clone())
    }
}

fn extension(oid: ObjectIdentifier, critical: bool, value: &impl Encode) -> Result<Extension> {
    Ok(Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(value.to_der()?)?,
    })
}

fn key_id(spki: &SubjectPublicKeyInfoOwned) -> Result<OctetString> {
    let digest = sha1::Sha1::digest(spki.subject_public_key.raw_bytes());
    Ok(OctetString::new(digest.to_vec())?)
}

fn spki_of(key: &PublicKey) -> Result<SubjectPublicKeyInfoOwned> {
    let der = key
        .to_public_key_der()
        .map_err(|e| PkiError::Invalid(e.to_string()))?;
    Ok(SubjectPublicKeyInfoOwned::from_der(der.as_bytes())?)
}

/// A serial number: 16 bytes from the CSPRNG (at least 64 random bits), positive, no leading zero.
pub fn new_serial() -> Result<SerialNumber> {
    let mut bytes = random::<16>()?;
    bytes[0] = (bytes[0] & 0x7f) | 0x01;
    Ok(SerialNumber::new(&bytes)?)
}

/// From `now_ms` (Unix milliseconds) to the same calendar day in `years`, 23:59:59 KST.
pub fn validity(now_ms: i64, years: i32) -> Result<Validity> {
    let now = Kst::from_millis(now_ms - now_ms.rem_euclid(1000))
        .ok_or_else(|| PkiError::Invalid("time before 1970".into()))?;
    let not_before = der::DateTime::from_unix_duration(now.since_epoch())?;
    let kst = now.wall_clock();
    let year = u16::try_from(i32::from(kst.year()) + years)
        .map_err(|_| PkiError::Invalid("year".into()))?;
    // 29 February has no twin in most years.
    let day = if kst.month() == 2 && kst.day() == 29 {
        28
    } else {
        kst.day()
    };
    let end = Kst::from_wall_clock(der::DateTime::new(year, kst.month(), day, 23, 59, 59)?)
        .ok_or_else(|| PkiError::Invalid("year".into()))?;
    let not_after = der::DateTime::from_unix_duration(end.since_epoch())?;
    // UTCTime until 2049, GeneralizedTime after, as RFC 5280 asks.
    let time = |t: der::DateTime| match der::asn1::UtcTime::from_date_time(t) {
        Ok(utc) => Time::UtcTime(utc),
        Err(_) => Time::GeneralTime(der::asn1::GeneralizedTime::from_date_time(t)),
    };
    Ok(Validity::new(time(not_before), time(not_after)))
}

/// From `now_ms` until `not_after`: a reissue keeps the old certificate's end, a renewal takes
/// the end a year after it.
pub fn validity_until(now_ms: i64, not_after: Time) -> Result<Validity> {
    Ok(Validity::new(validity(now_ms, 0)?.not_before, not_after))
}

fn sign(
    issuer_key: &PrivateKey,
    subject_spki: SubjectPublicKeyInfoOwned,
    profile: Profile,
    validity: Validity,
) -> Result<Certificate> {
    let signer = SigningKey::<Sha256>::new(issuer_key.clone());
    let builder = CertificateBuilder::new(profile, new_serial()?, validity, subject_spki)?;
    Ok(builder.build::<_, Signature>(&signer)?)
}

impl Authority {
    /// A new self-signed mock root, valid 20 years from `now_ms`.
    pub fn new_root(now_ms: i64) -> Result<Self> {
        let key = super::keys::generate()?;
        let spki = spki_of(&key.to_public_key())?;
        let name = subject::root_name()?;
        let extensions = ca_extensions(&spki, &spki)?;
        let certificate = sign(
            &key,
            spki,
            Profile {
                subject: name.clone(),
                issuer: name,
                extensions,
            },
            validity(now_ms, 20)?,
        )?;
        Ok(Self { key, certificate })
    }

    /// A new mock issuing CA for `ca`, signed by this root, valid 10 years.
    pub fn new_issuing(&self, ca: Ca, now_ms: i64) -> Result<Self> {
        let key = super::keys::generate()?;
        let spki = spki_of(&key.to_public_key())?;
        let issuer_spki = &self.certificate.tbs_certificate().subject_public_key_info();
        let extensions = ca_extensions(&spki, issuer_spki)?;
        let certificate = sign(
            &self.key,
            spki,
            Profile {
                subject: subject::issuing_name(ca)?,
                issuer: self.certificate.tbs_certificate().subject().clone(),
                extensions,
            },
            validity(now_ms, 10)?,
        )?;
        Ok(Self { key, certificate })
    }

    /// Issues a personal certificate for the key of a verified request (see
    /// [`super::csr::verify`]) under the NPKI profile. Nothing is copied from the request but
    /// its public key.
    pub fn issue_personal(
        &self,
        subject_name: Name,
        subject_key: &PublicKey,
        policy: ObjectIdentifier,
        holder: &Holder,
        validity: Validity,
    ) -> Result<Certificate> {
        let spki = spki_of(subject_key)?;
        let issuer_spki = self.certificate.tbs_certificate().subject_public_key_info();
        let extensions = [
            extension(
                KeyUsage::OID,
                true,
                &KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation),
            )?,
            extension(
                CertificatePolicies::OID,
                true,
                &CertificatePolicies(vec![PolicyInformation {
                    policy_identifier: policy,
                    policy_qualifiers: None,
                }]),
            )?,
            extension(
                SubjectAltName::OID,
                false,
                &SubjectAltName(vec![GeneralName::OtherName(OtherName {
                    type_id: NPKI_IDENTIFY_DATA,
                    value: identify_data(holder)?,
                })]),
            )?,
        ]
        .into_iter()
        .chain(key_identifiers(&spki, issuer_spki)?)
        .collect();
        sign(
            &self.key,
            spki,
            Profile {
                subject: subject_name,
                issuer: self.certificate.tbs_certificate().subject().clone(),
                extensions,
            },
            validity,
        )
    }

    /// A CRL (RFC 5280 v2) signed by this authority listing `revoked`, issued at `now_ms`,
    /// next update in 24 hours, numbered by its issue time so that a later CRL has a larger one.
    pub fn crl(&self, revoked: &[Revoked], now_ms: i64) -> Result<Vec<u8>> {
        let at = |ms: i64| -> Result<Time> {
            let secs = u64::try_from(ms / 1000).map_err(|_| PkiError::Invalid("time".into()))?;
            let time = der::DateTime::from_unix_duration(std::time::Duration::from_secs(secs))?;
            Ok(Time::UtcTime(der::asn1::UtcTime::from_date_time(time)?))
        };
        let entries = revoked
            .iter()
            .map(|r| {
                Ok(RevokedCert {
                    serial_number: r.serial.clone(),
                    revocation_date: at(r.at)?,
                    crl_entry_extensions: match r.reason {
                        CrlReason::Unspecified => None,
                        reason => Some(vec![extension(CrlReason::OID, false, &reason)?]),
                    },
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let issuer_spki = self.certificate.tbs_certificate().subject_public_key_info();
        let number = u64::try_from(now_ms).map_err(|_| PkiError::Invalid("time".into()))?;
        let tbs = TbsCertList {
            version: x509_cert::Version::V2,
            signature: sha256_with_rsa(),
            issuer: self.certificate.tbs_certificate().subject().clone(),
            this_update: at(now_ms)?,
            next_update: Some(at(now_ms + 24 * 3_600 * 1000)?),
            revoked_certificates: (!entries.is_empty()).then_some(entries),
            crl_extensions: Some(vec![
                authority_key_id(issuer_spki)?,
                extension(
                    CrlNumber::OID,
                    false,
                    &CrlNumber(der::asn1::Uint::new(&number.to_be_bytes())?),
                )?,
            ]),
        };
        let signature = super::signing::sign(&self.key, &tbs.to_der()?);
        Ok(CertificateList {
            tbs_cert_list: tbs,
            signature_algorithm: sha256_with_rsa(),
            signature: der::asn1::BitString::from_bytes(&signature)?,
        }
        .to_der()?)
    }

    /// The key as PKCS#8 DER, for the bank's records.
    pub fn key_der(&self) -> Result<Vec<u8>> {
        Ok(self
            .key
            .to_pkcs8_der()
            .map_err(|e| PkiError::Invalid(e.to_string()))?
            .as_bytes()
            .to_vec())
    }

    /// An authority from its stored key (PKCS#8 DER) and certificate (DER).
    pub fn from_der(key: &[u8], certificate: &[u8]) -> Result<Self> {
        Ok(Self {
            key: PrivateKey::from_pkcs8_der(key).map_err(|e| PkiError::Invalid(e.to_string()))?,
            certificate: Certificate::from_der(certificate)?,
        })
    }
}
