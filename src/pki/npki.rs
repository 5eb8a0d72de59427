//! Certificates as the NPKI software lays them out on disk (DOMAIN §4):
//! `NPKI/<CA folder>/USER/<subject DN>/signCert.der` and `signPri.key`, and what a selection
//! dialog shows of a certificate (구분, 사용자, 만료일, 발급자).

use std::io::{Cursor, Read, Write};

use der::Decode;
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::ext::pkix::CertificatePolicies;

use super::subject::policy_meaning;
use super::{PkiError, Result};

/// The certificate's file name.
pub const CERT_FILE: &str = "signCert.der";
/// The encrypted private key's file name.
pub const KEY_FILE: &str = "signPri.key";

/// What the selection dialog and the certificate list show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// SHA-256 of the DER, lower-case hex.
    pub fingerprint: String,
    /// `구분`: the policy's meaning, e.g. `개인 범용 인증서`.
    pub kind: String,
    /// `사용자`: the subject's CN.
    pub holder: String,
    /// `만료일`: the last day of validity in KST, `YYYY-MM-DD`.
    pub expires: String,
    /// `발급자`: the issuer's organisation (the CA's folder name, e.g. `KICA`).
    pub issuer: String,
    /// The subject DN (RFC 4514).
    pub subject: String,
}

/// The value of the first attribute `oid` in a name.
fn attribute(name: &x509_cert::name::Name, oid: der::oid::ObjectIdentifier) -> Option<String> {
    name.iter().find(|atv| atv.oid == oid).and_then(|atv| {
        atv.value
            .decode_as::<der::asn1::Utf8StringRef<'_>>()
            .map(|s| s.as_str().to_owned())
            .or_else(|_| {
                atv.value
                    .decode_as::<der::asn1::PrintableStringRef<'_>>()
                    .map(|s| s.as_str().to_owned())
            })
            .ok()
    })
}

const CN: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("2.5.4.3");
const O: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("2.5.4.10");

/// `YYYY-MM-DD` of a moment in KST.
pub fn kst_date(time: x509_cert::time::Time) -> Result<String> {
    let kst = time.to_unix_duration() + std::time::Duration::from_secs(9 * 3_600);
    let date = der::DateTime::from_unix_duration(kst)?;
    Ok(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    ))
}

/// Reads what the dialog shows from a certificate (DER).
pub fn summarize(certificate_der: &[u8]) -> Result<Summary> {
    let certificate = Certificate::from_der(certificate_der)?;
    let tbs = certificate.tbs_certificate();
    let kind = tbs
        .get_extension::<CertificatePolicies>()
        .ok()
        .flatten()
        .and_then(|(_, policies)| {
            policies
                .0
                .iter()
                .find_map(|p| policy_meaning(&p.policy_identifier))
        })
        .unwrap_or("기타 인증서");
    Ok(Summary {
        fingerprint: data_encoding::HEXLOWER.encode(&Sha256::digest(certificate_der)),
        kind: kind.to_owned(),
        holder: attribute(tbs.subject(), CN).unwrap_or_default(),
        expires: kst_date(tbs.validity().not_after)?,
        issuer: attribute(tbs.issuer(), O).unwrap_or_default(),
        subject: tbs.subject().to_string(),
    })
}

/// The folder of a certificate: `NPKI/<CA folder>/USER/<subject DN>` with the DN's attribute
/// names in lower case, as the NPKI software writes it.
pub fn folder(summary: &Summary) -> String {
    let dn = summary
        .subject
        .split(',')
        .map(|part| match part.split_once('=') {
            Some((name, value)) if name.chars().all(|c| c.is_ascii_alphabetic()) => {
                format!("{}={value}", name.to_ascii_lowercase())
            }
            _ => part.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(",");
    format!("NPKI/{}/USER/{dn}", summary.issuer)
}

fn zip_error(e: impl std::fmt::Display) -> PkiError {
    PkiError::Invalid(format!("zip: {e}"))
}

/// A zip holding the certificate and its key file in their NPKI folder.
pub fn zip(certificate_der: &[u8], key_file: &[u8]) -> Result<Vec<u8>> {
    let dir = folder(&summarize(certificate_der)?);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [(CERT_FILE, certificate_der), (KEY_FILE, key_file)] {
        zip.start_file(format!("{dir}/{name}"), options)
            .map_err(zip_error)?;
        zip.write_all(bytes).map_err(zip_error)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

/// The files of a zip made by [`zip`] (or any zip with one `signCert.der` and one
/// `signPri.key`): (certificate, key file).
pub fn unzip(bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let mut read = |wanted: &str| -> Result<Vec<u8>> {
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).map_err(zip_error)?;
            if file.name().map_err(zip_error)?.rsplit('/').next() == Some(wanted) {
                let mut out = Vec::new();
                file.read_to_end(&mut out).map_err(zip_error)?;
                return Ok(out);
            }
        }
        Err(PkiError::Invalid(format!("{wanted} is not in the zip")))
    };
    Ok((read(CERT_FILE)?, read(KEY_FILE)?))
}
