//! A complete sample written from the same code the app uses: root, issuing CA, request,
//! certificate (personal, or a business's) and encrypted key, as DER and PEM, for outside tools such as OpenSSL.

use std::path::Path;

use der::pem::LineEnding;
use der::{Encode, EncodePem};
use x509_cert::certificate::Certificate;

use crate::bank::demo;
use crate::pki::ca::{Authority, Holder, validity};
use crate::pki::key_file::{self, KeyWithR, PBKDF2_ROUNDS};
use crate::pki::profile::{Ca, CertKind, policy_oid};
use crate::pki::{PkiError, Result, csr, keys, random, subject, vid};

/// The password of the sample key.
pub const SAMPLE_PASSWORD: &str = "Sample!2026pw";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    std::fs::write(dir.join(name), bytes)
        .map_err(|e| PkiError::Invalid(format!("cannot write {name}: {e}")))
}

fn pem(certificate: &Certificate) -> Result<String> {
    Ok(certificate.to_pem(LineEnding::LF)?)
}

/// Writes `root.der`, `ca.der`, `csr.der`, `signCert.der`, `signPri.key` (and `.pem` twins
/// of the first four) and `password.txt` into `dir`, for 홍길동's 범용 certificate from the mock
/// 한국정보인증 at `now_ms`.
pub fn write_sample(dir: &Path, now_ms: i64) -> Result<()> {
    write_sample_of(dir, now_ms, CertKind::General)
}

/// As [`write_sample`], for a certificate of `kind` from the mock 한국정보인증: 홍길동's for a
/// personal kind, (주)모의상사's (VID over its 사업자등록번호) for a business one.
pub fn write_sample_of(dir: &Path, now_ms: i64, kind: CertKind) -> Result<()> {
    let ca = Ca::Kica;
    let root = Authority::new_root(now_ms)?;
    let issuing = root.new_issuing(ca, now_ms)?;
    let who = if kind.is_business() {
        demo::CORP
    } else {
        demo::HONG
    };
    let r = random::<20>()?.to_vec();
    let key = keys::generate()?;
    let name = if kind.is_business() {
        let cn = subject::common_name(who.display_name(), "", "123456789012");
        subject::business_subject(ca, &cn)?
    } else {
        let cn = subject::common_name(who.name, who.english_name, "123456789012");
        subject::personal_subject(ca, &cn)?
    };
    let request = csr::build(&key, name.clone())?;
    let (_, public) = csr::verify(&request)?;
    let policy = policy_oid(ca, kind)
        .ok_or_else(|| PkiError::Invalid(format!("{} does not issue {kind:?}", ca.label())))?;
    let certificate = issuing.issue_personal(
        name,
        &public,
        policy,
        &Holder {
            real_name: who.display_name().to_owned(),
            vid: vid::vid(who.idn(kind), &r)?,
        },
        validity(now_ms, 1)?,
    )?;
    let key_file = key_file::encrypt(&KeyWithR { key, r }, SAMPLE_PASSWORD, PBKDF2_ROUNDS)?;

    write(dir, "root.der", &root.certificate.to_der()?)?;
    write(dir, "root.pem", pem(&root.certificate)?.as_bytes())?;
    write(dir, "ca.der", &issuing.certificate.to_der()?)?;
    write(dir, "ca.pem", pem(&issuing.certificate)?.as_bytes())?;
    write(dir, "csr.der", &request)?;
    write(
        dir,
        "csr.pem",
        der::pem::encode_string("CERTIFICATE REQUEST", LineEnding::LF, &request)
            .map_err(der::Error::from)?
            .as_bytes(),
    )?;
    write(dir, "signCert.der", &certificate.to_der()?)?;
    write(dir, "signCert.pem", pem(&certificate)?.as_bytes())?;
    write(dir, "signPri.key", &key_file)?;
    write(dir, "password.txt", SAMPLE_PASSWORD.as_bytes())
}
