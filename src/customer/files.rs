//! The customer's certificate files: its password changed, brought in from NPKI files or a
//! PKCS#12 file, written out as PKCS#12.

use super::*;

/// 인증서 암호 변경: opens the key with `old` (checked against the certificate), then encrypts
/// it under `new` with a fresh salt and IV. The returned record replaces the stored one.
pub async fn change_password(
    record: &StoredCertificate,
    old: &str,
    new: &str,
) -> Result<StoredCertificate, CertError> {
    crate::bank::rules::check_password(new).map_err(CertError::Refused)?;
    if old == new {
        return Err(CertError::Refused(
            "새 암호가 지금 암호와 같습니다. 다른 암호를 입력해 주세요.".to_owned(),
        ));
    }
    let (certificate, key_file) = record.files().ok_or(CertError::Damaged)?;
    let opened = open_key(&certificate, &key_file, old)
        .await
        .map_err(|e| match e {
            CertError::WrongPassword => {
                CertError::Refused("지금 사용 중인 인증서 암호가 올바르지 않습니다.".to_owned())
            }
            other => other,
        })?;
    let (sealed, _) = worker::seal(&certificate, &opened, new).await?;
    Ok(StoredCertificate {
        private_key: base64(&sealed),
        ..record.clone()
    })
}

/// A certificate brought in from elsewhere.
#[derive(Debug, Clone)]
pub enum Incoming {
    /// A PKCS#12 file (`.pfx`, `.p12`).
    Pfx(Vec<u8>),
    /// The NPKI pair: `signCert.der` and `signPri.key`.
    Npki {
        /// The certificate, DER.
        certificate: Vec<u8>,
        /// The key file in any format [`transfer::decrypt_any`] reads.
        key_file: Vec<u8>,
    },
}

/// 인증서 가져오기: opens what was brought in with its password (in the key worker), checks that the key is the
/// certificate's and carries R, and re-encrypts the key under the same password to our floor.
pub async fn import(
    user_id: &str,
    incoming: Incoming,
    password: &str,
) -> Result<Enrolled, CertError> {
    let refused = |message: &str| CertError::Refused(message.to_owned());
    let wrong = |e: Failure| match CertError::from(e) {
        known @ (CertError::WrongPassword | CertError::UnsafeFile(_)) => known,
        _ => refused(
            "인증서 파일을 읽을 수 없습니다. 공인인증서 파일(signCert.der, signPri.key) 또는 PKCS#12(.pfx, .p12) 파일인지 확인해 주세요.",
        ),
    };
    let (certificate, opened) = match incoming {
        Incoming::Pfx(pfx) => worker::open_pfx(pfx, password).await.map_err(wrong)?,
        Incoming::Npki {
            certificate,
            key_file,
        } => {
            let opened = worker::open_key_file(key_file, password)
                .await
                .map_err(wrong)?;
            (certificate, opened)
        }
    };
    if opened.r.len() != 20 {
        return Err(refused(
            "이 파일의 개인키에는 본인확인용 난수(R)가 없어 은행 로그인에 쓸 수 없습니다. 인증서를 발급받은 곳에서 개인키째 다시 내보내 주세요.",
        ));
    }
    // Sealed at our floor once the worker has checked that the key is the certificate's.
    let (key_file, summary) = worker::seal(&certificate, &opened, password)
        .await
        .map_err(|e| match e {
            Failure::Damaged => refused("인증서 파일(signCert.der)을 읽을 수 없습니다."),
            Failure::KeyMismatch => refused(
                "개인키가 이 인증서의 것이 아닙니다. 같은 폴더의 두 파일을 함께 선택해 주세요.",
            ),
            other => other.into(),
        })?;
    Ok(Enrolled {
        record: record(user_id, &certificate, &key_file, Vec::new(), summary),
        certificate,
        key_file,
    })
}

pub async fn export_npki_compatible(
    stored: &StoredCertificate,
    password: &str,
) -> Result<Vec<u8>, CertError> {
    let (certificate, key_file) = stored.files().ok_or(CertError::Damaged)?;
    let opened = open_key(&certificate, &key_file, password).await?;
    let classic = worker::classic_key_file(&opened, password).await?;
    Ok(worker::zip(certificate, classic).await?)
}

/// 내보내기 (PKCS#12): opens the stored key with `password` and writes a `.pfx` under the same
/// password with the certificate and its chain (written by the key worker).
pub async fn export_pfx(
    stored: &StoredCertificate,
    password: &str,
    cipher: transfer::PfxCipher,
) -> Result<Vec<u8>, CertError> {
    let (certificate, key_file) = stored.files().ok_or(CertError::Damaged)?;
    let opened = open_key(&certificate, &key_file, password).await?;
    let chain = stored
        .chain
        .iter()
        .map(|c| unbase64(c).ok_or(CertError::Damaged))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(worker::write_pfx(certificate, chain, &opened, password, cipher).await?)
}
