//! The page's side of the key worker: one function per [`Job`], each waiting for the worker's
//! answer. Nothing here reads a key or a certificate; that is [`crate::key_worker`]'s work.

use super::{Failure, Job, OpenedKey, Outgoing, Output, RequestSubject, perform};
use crate::pki::npki::{Details, Summary};
use crate::pki::transfer::PfxCipher;

fn unexpected() -> Failure {
    Failure::Other("키 작업자의 응답이 올바르지 않습니다.".to_owned())
}

/// Has the worker do `job`, which answers with a file (a signature, a key file, a zip).
async fn file(job: Job) -> Result<Vec<u8>, Failure> {
    match perform(job).await? {
        Output::File(file) => Ok(file),
        _ => Err(unexpected()),
    }
}

/// A new RSA-2048 key, made in the key worker, and the milliseconds the worker spent on it
/// (`/bench`).
pub async fn generate_timed() -> Result<(OpenedKey, f64), Failure> {
    match perform(Job::Generate).await? {
        Output::Key { key, millis } => Ok((key, millis)),
        _ => Err(unexpected()),
    }
}

/// A new key with a fresh R, and the signed request for `subject`.
pub async fn new_request(subject: RequestSubject) -> Result<(OpenedKey, Vec<u8>), Failure> {
    match perform(Job::Request { subject }).await? {
        Output::Request { key, csr } => Ok((key, csr)),
        _ => Err(unexpected()),
    }
}

/// Our key file of `key` under `password`, and the certificate's summary; refused
/// ([`Failure::KeyMismatch`]) when the key is not the certificate's.
pub async fn seal(
    certificate: &[u8],
    key: &OpenedKey,
    password: &str,
) -> Result<(Vec<u8>, Summary), Failure> {
    let job = Job::Seal {
        certificate: certificate.to_vec(),
        key: key.clone(),
        password: password.to_owned(),
    };
    match perform(job).await? {
        Output::Sealed { key_file, summary } => Ok((key_file, summary)),
        _ => Err(unexpected()),
    }
}

/// Opens a key file with `password`, checking that it is the certificate's key.
pub async fn unlock(
    certificate: &[u8],
    key_file: &[u8],
    password: &str,
) -> Result<OpenedKey, Failure> {
    let job = Job::Unlock {
        certificate: certificate.to_vec(),
        key_file: key_file.to_vec(),
        password: password.to_owned(),
    };
    match perform(job).await? {
        Output::Opened { key, .. } => Ok(key),
        _ => Err(unexpected()),
    }
}

/// Signs `message` with `key`.
pub async fn sign(key: &OpenedKey, message: &[u8]) -> Result<Vec<u8>, Failure> {
    let job = Job::Sign {
        key: key.clone(),
        message: message.to_vec(),
    };
    file(job).await
}

/// What the lists show of each certificate (DER), in order; `None` for one that does not read.
pub async fn summaries(certificates: Vec<Vec<u8>>) -> Result<Vec<Option<Summary>>, Failure> {
    match perform(Job::Summaries(certificates)).await? {
        Output::Summaries(summaries) => Ok(summaries),
        _ => Err(unexpected()),
    }
}

/// The summary of one certificate; [`Failure::Damaged`] if it does not read.
pub async fn summary(certificate: &[u8]) -> Result<Summary, Failure> {
    summaries(vec![certificate.to_vec()])
        .await?
        .pop()
        .flatten()
        .ok_or(Failure::Damaged)
}

/// Everything 인증서 관리 shows of a certificate.
pub async fn details(certificate: &[u8]) -> Result<Details, Failure> {
    match perform(Job::Details(certificate.to_vec())).await? {
        Output::Details(details) => Ok(*details),
        _ => Err(unexpected()),
    }
}

/// The key as plain PKCS#8 with its R.
pub async fn plain_key(key: &OpenedKey) -> Result<zeroize::Zeroizing<Vec<u8>>, Failure> {
    Ok(zeroize::Zeroizing::new(
        file(Job::PlainKey(key.clone())).await?,
    ))
}

/// The key of plain PKCS#8 with its R, checked against the certificate.
pub async fn from_plain(plain: &[u8], certificate: &[u8]) -> Result<OpenedKey, Failure> {
    let job = Job::FromPlain {
        plain: plain.to_vec(),
        certificate: certificate.to_vec(),
    };
    match perform(job).await? {
        Output::Opened { key, .. } => Ok(key),
        _ => Err(unexpected()),
    }
}

/// The verifier and the package key of a 인증번호 under a slot's salt.
pub async fn number_keys(digits: &str, salt: &[u8]) -> Result<(Vec<u8>, Vec<u8>), Failure> {
    let job = Job::NumberKeys {
        digits: digits.to_owned(),
        salt: salt.to_vec(),
    };
    match perform(job).await? {
        Output::NumberKeys {
            verifier,
            package_key,
        } => Ok((verifier, package_key)),
        _ => Err(unexpected()),
    }
}

/// The sender's package, signed and sealed.
pub async fn seal_package(outgoing: Outgoing) -> Result<Vec<u8>, Failure> {
    file(Job::SealPackage(Box::new(outgoing))).await
}

/// The receiver's package, opened and checked, and its certificate's summary.
pub async fn open_package(
    package_key: &[u8],
    sealed: Vec<u8>,
    slot: &str,
    nonce: &str,
) -> Result<(crate::pki::phone_copy::Package, Summary), Failure> {
    let job = Job::OpenPackage {
        package_key: package_key.to_vec(),
        sealed,
        slot: slot.to_owned(),
        nonce: nonce.to_owned(),
    };
    match perform(job).await? {
        Output::Arrived(arrived) => Ok(*arrived),
        _ => Err(unexpected()),
    }
}

/// Opens a PKCS#12 file: its certificate and key.
pub async fn open_pfx(pfx: Vec<u8>, password: &str) -> Result<(Vec<u8>, OpenedKey), Failure> {
    let password = password.to_owned();
    match perform(Job::OpenPfx { pfx, password }).await? {
        Output::Opened {
            certificate: Some(certificate),
            key,
        } => Ok((certificate, key)),
        _ => Err(unexpected()),
    }
}

/// Opens a key file of any format we read.
pub async fn open_key_file(file: Vec<u8>, password: &str) -> Result<OpenedKey, Failure> {
    let password = password.to_owned();
    match perform(Job::OpenKeyFile { file, password }).await? {
        Output::Opened { key, .. } => Ok(key),
        _ => Err(unexpected()),
    }
}

/// Writes a PKCS#12 file.
pub async fn write_pfx(
    certificate: Vec<u8>,
    chain: Vec<Vec<u8>>,
    key: &OpenedKey,
    password: &str,
    cipher: PfxCipher,
) -> Result<Vec<u8>, Failure> {
    let job = Job::WritePfx {
        certificate,
        chain,
        key: key.clone(),
        password: password.to_owned(),
        legacy: cipher == PfxCipher::Legacy3Des,
    };
    file(job).await
}

/// The classic NPKI key file of `key` under `password`, for older programs.
pub async fn classic_key_file(key: &OpenedKey, password: &str) -> Result<Vec<u8>, Failure> {
    let job = Job::ClassicKeyFile {
        key: key.clone(),
        password: password.to_owned(),
    };
    file(job).await
}

/// The NPKI folder as a zip.
pub async fn zip(certificate: Vec<u8>, key_file: Vec<u8>) -> Result<Vec<u8>, Failure> {
    file(Job::Zip {
        certificate,
        key_file,
    })
    .await
}

/// `signCert.der` and `signPri.key` of every NPKI folder in a zip.
pub async fn unzip(zip: Vec<u8>) -> Result<Vec<(Vec<u8>, Vec<u8>)>, Failure> {
    match perform(Job::Unzip { zip }).await? {
        Output::Pairs(pairs) => Ok(pairs),
        _ => Err(unexpected()),
    }
}
