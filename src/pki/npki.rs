//! Certificates as the NPKI software lays them out on disk (DOMAIN §4):
//! `NPKI/<CA folder>/USER/<subject DN>/signCert.der` and `signPri.key`, and what a selection
//! dialog shows of a certificate (구분, 사용자, 만료일, 발급자).

use super::oids::{CN, O};
use std::io::{Cursor, Read, Write};

use der::Decode;
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::ext::pkix::CertificatePolicies;

use super::profile::policy_meaning;
use super::{PkiError, Result};
use crate::kst::Kst;

/// The certificate's file name.
pub const CERT_FILE: &str = "signCert.der";
/// The encrypted private key's file name.
pub const KEY_FILE: &str = "signPri.key";

/// What the selection dialog and the certificate list show.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// Whether it is a business's (기업용, 전자세금용), by its policy: it logs in to 기업뱅킹.
    pub business: bool,
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

/// `YYYY-MM-DD` of a certificate's time in KST.
pub fn kst_date(time: x509_cert::time::Time) -> Result<String> {
    Ok(kst(time)?.date())
}

fn kst(time: x509_cert::time::Time) -> Result<Kst> {
    Kst::of(time).ok_or_else(|| PkiError::Invalid("time".into()))
}

/// The certificate's policies (none without a CertificatePolicies extension).
fn policies_of(
    tbs: &x509_cert::TbsCertificate,
) -> Vec<x509_cert::ext::pkix::certpolicy::PolicyInformation> {
    tbs.get_extension::<CertificatePolicies>()
        .ok()
        .flatten()
        .map(|(_, policies)| policies.0)
        .unwrap_or_default()
}

/// Reads what the dialog shows from a certificate (DER).
pub fn summarize(certificate_der: &[u8]) -> Result<Summary> {
    let certificate = Certificate::from_der(certificate_der)?;
    let tbs = certificate.tbs_certificate();
    let policies = policies_of(tbs);
    let kind = policies
        .iter()
        .find_map(|p| policy_meaning(&p.policy_identifier))
        .unwrap_or_else(|| "기타 인증서".to_owned());
    let business = policies.iter().any(|p| {
        super::profile::policy_kind(&p.policy_identifier).is_some_and(|k| k.is_business())
    });
    Ok(Summary {
        fingerprint: crate::encoding::hex(&Sha256::digest(certificate_der)),
        kind,
        holder: attribute(tbs.subject(), CN).unwrap_or_default(),
        expires: kst_date(tbs.validity().not_after)?,
        issuer: attribute(tbs.issuer(), O).unwrap_or_default(),
        subject: tbs.subject().to_string(),
        business,
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
    format!(
        "NPKI/{}/USER/{}",
        path_component(&summary.issuer),
        path_component(&dn)
    )
}

/// One folder name from certificate text: path separators, drive colons, control and
/// Windows-reserved characters become `_`, and nothing is left that climbs (`..`) or vanishes,
/// so that no unzip tool writes outside the NPKI folder.
pub fn path_component(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim_end_matches(['.', ' ']);
    if cleaned.is_empty() {
        "_".to_owned()
    } else {
        cleaned.to_owned()
    }
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

/// The most bytes one file of an NPKI zip may unpack to (certificates and key files are a few
/// KB): a zip bomb stops here.
const MAX_ZIPPED_FILE: u64 = 256 * 1024;
/// The most entries an NPKI zip may hold.
const MAX_ZIP_ENTRIES: usize = 1_000;

/// One NPKI folder of a zip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpkiFolder {
    /// Its path in the zip.
    pub folder: String,
    /// `signCert.der`.
    pub certificate: Vec<u8>,
    /// `signPri.key`.
    pub key_file: Vec<u8>,
}

/// The NPKI folders (each with `signCert.der` and `signPri.key`) in a zip, by folder path.
pub fn unzip_all(bytes: &[u8]) -> Result<Vec<NpkiFolder>> {
    let unreadable = || {
        PkiError::Zip(
            "zip 파일을 읽을 수 없습니다. 파일이 손상되었거나 zip 파일이 아닙니다.".into(),
        )
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| unreadable())?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(PkiError::Zip(format!(
            "zip 안의 파일이 너무 많습니다({}개). NPKI 폴더만 압축해 주세요.",
            archive.len()
        )));
    }
    let mut certs = std::collections::BTreeMap::<String, Vec<u8>>::new();
    let mut keys = std::collections::BTreeMap::<String, Vec<u8>>::new();
    for i in 0..archive.len() {
        let file = match archive.by_index(i) {
            Ok(file) => file,
            Err(zip::result::ZipError::UnsupportedArchive(_)) => {
                return Err(PkiError::Zip(
                    "지원하지 않는 방식(암호가 걸렸거나 특수한 압축)의 zip입니다. 일반 zip으로 다시 압축해 주세요."
                        .into(),
                ));
            }
            Err(_) => return Err(unreadable()),
        };
        let name = file.name().map_err(|_| unreadable())?.replace('\\', "/");
        let (folder, base) = name.rsplit_once('/').unwrap_or(("", name.as_str()));
        let into = if base.eq_ignore_ascii_case(CERT_FILE) {
            &mut certs
        } else if base.eq_ignore_ascii_case(KEY_FILE) {
            &mut keys
        } else {
            continue;
        };
        if file.size() > MAX_ZIPPED_FILE {
            return Err(PkiError::Zip(format!(
                "zip 안의 {name} 파일이 너무 큽니다."
            )));
        }
        let mut out = Vec::new();
        file.take(MAX_ZIPPED_FILE + 1)
            .read_to_end(&mut out)
            .map_err(|_| unreadable())?;
        if out.len() as u64 > MAX_ZIPPED_FILE {
            return Err(PkiError::Zip(format!(
                "zip 안의 {name} 파일이 너무 큽니다."
            )));
        }
        into.insert(folder.to_owned(), out);
    }
    let pairs: Vec<_> = certs
        .into_iter()
        .filter_map(|(folder, certificate)| {
            keys.remove(&folder).map(|key_file| NpkiFolder {
                folder,
                certificate,
                key_file,
            })
        })
        .collect();
    if pairs.is_empty() {
        return Err(PkiError::Zip(
            "zip 안에서 한 폴더에 함께 있는 signCert.der와 signPri.key를 찾을 수 없습니다.".into(),
        ));
    }
    Ok(pairs)
}

/// The files of a zip made by [`zip`] (or any zip with one NPKI folder): (certificate, key
/// file). A zip of several folders is refused with their names: the caller picks with
/// [`unzip_all`].
pub fn unzip(bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    let mut pairs = unzip_all(bytes)?;
    if pairs.len() > 1 {
        let names: Vec<String> = pairs
            .iter()
            .map(|f| f.folder.rsplit('/').next().unwrap_or(&f.folder).to_owned())
            .collect();
        return Err(PkiError::Zip(format!(
            "zip 안에 인증서가 {}개 있습니다: {}",
            pairs.len(),
            names.join(", ")
        )));
    }
    let only = pairs.remove(0);
    Ok((only.certificate, only.key_file))
}

/// Everything 인증서 관리 shows of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Details {
    /// The subject DN.
    pub subject: String,
    /// The issuer DN.
    pub issuer: String,
    /// The serial number, hex with colons.
    pub serial: String,
    /// First moment of validity, `YYYY-MM-DD HH:MM:SS` KST.
    pub not_before: String,
    /// Last moment of validity, `YYYY-MM-DD HH:MM:SS` KST.
    pub not_after: String,
    /// The policy OIDs with their meaning, if known.
    pub policies: Vec<(String, Option<String>)>,
    /// The key usages, in Korean with the RFC 5280 names.
    pub key_usage: Vec<String>,
    /// SHA-256 of the DER, hex with colons.
    pub sha256: String,
    /// SHA-1 of the DER, hex with colons (as Windows shows it).
    pub sha1: String,
}

fn colons(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Reads the details of a certificate (DER).
pub fn details(certificate_der: &[u8]) -> Result<Details> {
    use x509_cert::ext::pkix::{KeyUsage, KeyUsages};
    let certificate = Certificate::from_der(certificate_der)?;
    let tbs = certificate.tbs_certificate();
    let policies = policies_of(tbs)
        .iter()
        .map(|p| {
            (
                p.policy_identifier.to_string(),
                policy_meaning(&p.policy_identifier),
            )
        })
        .collect();
    let names = [
        (KeyUsages::DigitalSignature, "전자서명 (digitalSignature)"),
        (KeyUsages::NonRepudiation, "부인방지 (nonRepudiation)"),
        (KeyUsages::KeyEncipherment, "키 암호화 (keyEncipherment)"),
        (
            KeyUsages::DataEncipherment,
            "데이터 암호화 (dataEncipherment)",
        ),
        (KeyUsages::KeyAgreement, "키 합의 (keyAgreement)"),
        (KeyUsages::KeyCertSign, "인증서 서명 (keyCertSign)"),
        (KeyUsages::CRLSign, "CRL 서명 (cRLSign)"),
    ];
    let key_usage = tbs
        .get_extension::<KeyUsage>()
        .ok()
        .flatten()
        .map(|(_, usage)| {
            names
                .iter()
                .filter(|(flag, _)| usage.0.contains(*flag))
                .map(|(_, name)| (*name).to_owned())
                .collect()
        })
        .unwrap_or_default();
    Ok(Details {
        subject: tbs.subject().to_string(),
        issuer: tbs.issuer().to_string(),
        serial: colons(tbs.serial_number().as_bytes()),
        not_before: kst(tbs.validity().not_before)?.second(),
        not_after: kst(tbs.validity().not_after)?.second(),
        policies,
        key_usage,
        sha256: colons(&Sha256::digest(certificate_der)),
        sha1: colons(&sha1::Sha1::digest(certificate_der)),
    })
}
