//! Where the customer's certificates are kept: browser certificates in this site's IndexedDB,
//! public certificates as NPKI files on a disk. Pages say *what* (keep, replace, remove, change
//! the password, read a picked folder); the wallet says *how*, and why not in Korean.

pub mod bio;

use crate::customer::{self, CertError, Enrolled};
use crate::pki::npki;
use crate::store::certs::{CertStore, request_persistence};
use crate::store::{StoreError, StoredCertificate};
use bio::BioError;

/// Why the wallet could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WalletError {
    /// The browser's storage cannot be opened (privacy mode, quota, an old browser).
    #[error(
        "브라우저 저장소를 열 수 없습니다. 사생활 보호 모드라면 일반 창에서 다시 시도해 주세요. ({0})"
    )]
    Unavailable(String),
    /// The stored certificates cannot be read.
    #[error("저장된 인증서를 읽을 수 없습니다. ({0})")]
    Unreadable(String),
    /// A stored certificate's files are damaged.
    #[error("저장된 인증서가 손상되었습니다.")]
    Damaged,
    /// The certificate is already in this browser.
    #[error("이미 이 브라우저에 저장된 인증서입니다.")]
    AlreadyKept,
    /// The browser refused the write; nothing changed.
    #[error("브라우저에 인증서를 저장하지 못했습니다. ({0})")]
    NotKept(String),
    /// The browser refused the deletion.
    #[error("삭제하지 못했습니다. ({0})")]
    NotRemoved(String),
    /// Picked files are not an NPKI pair, or cannot be read.
    #[error("{0}")]
    Files(String),
    /// The browser did not save the download.
    #[error("{0}")]
    Download(String),
    /// Opening or re-encrypting the key failed.
    #[error("{0}")]
    Certificate(#[from] CertError),
    /// 바이오인증 could not be registered or used.
    #[error("{0}")]
    Bio(#[from] BioError),
}

/// Where a certificate is: the one word for it in the wizard's storage choice, the certificate
/// picker and the stores. This browser and the on-screen phone's app (스타뱅킹) each keep a
/// database; on a disk a certificate is NPKI files (`signCert.der`, `signPri.key`), which the
/// page saves as a download and reads from picked files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// 브라우저인증서: this site's IndexedDB.
    Browser,
    /// 하드디스크: NPKI files.
    HardDisk,
    /// 이동식 디스크 (플로피/USB): NPKI files too.
    Removable,
    /// 휴대폰: the phone app's own database.
    Phone,
}

/// The phone app's IndexedDB database.
pub const PHONE_DB: &str = "cert-center-phone";

impl Place {
    /// Every place, the wizard's default first.
    pub const ALL: [Place; 4] = [
        Place::Browser,
        Place::HardDisk,
        Place::Removable,
        Place::Phone,
    ];

    /// The name on screen (the wizard's storage pop-up).
    pub fn label(self) -> &'static str {
        match self {
            Place::Browser => "브라우저",
            Place::HardDisk => "하드디스크",
            Place::Removable => "이동식 디스크 (플로피/USB)",
            Place::Phone => "휴대폰",
        }
    }

    /// The database that keeps this place's certificates; none for files on a disk.
    pub fn database(self) -> Option<&'static str> {
        match self {
            Place::Browser => Some(crate::store::certs::DB_NAME),
            Place::Phone => Some(PHONE_DB),
            Place::HardDisk | Place::Removable => None,
        }
    }

    /// Whether a certificate here is NPKI files on a disk.
    pub fn is_disk(self) -> bool {
        self.database().is_none()
    }
}

/// Opens the browser's store, does `work` and closes it; `failed` says what a refusal of
/// `work` means.
async fn with_store<T>(
    work: impl AsyncFnOnce(&CertStore) -> Result<T, StoreError>,
    failed: fn(String) -> WalletError,
) -> Result<T, WalletError> {
    with_store_in(Place::Browser, work, failed).await
}

/// As [`with_store`], in `place`'s store.
async fn with_store_in<T>(
    place: Place,
    work: impl AsyncFnOnce(&CertStore) -> Result<T, StoreError>,
    failed: fn(String) -> WalletError,
) -> Result<T, WalletError> {
    let Some(database) = place.database() else {
        return Err(WalletError::Files(
            "하드디스크·이동식 디스크의 인증서는 파일로 골라 주세요.".to_owned(),
        ));
    };
    let store = CertStore::open_named(database)
        .await
        .map_err(|e| WalletError::Unavailable(e.to_string()))?;
    let done = work(&store).await;
    store.close();
    done.map_err(|e| failed(e.to_string()))
}

/// Every browser certificate of this site.
pub async fn list() -> Result<Vec<StoredCertificate>, WalletError> {
    list_in(Place::Browser).await
}

/// Keeps a certificate issued at step 6. A reissue replaces the customer's certificate of the
/// same CA and kind in the same transaction (the bank has revoked the old one). The browser is
/// asked not to evict it under storage pressure.
pub async fn keep_issued(new: &StoredCertificate) -> Result<(), WalletError> {
    with_store(
        async |store| {
            let old = store.list().await.ok().and_then(|list| {
                list.into_iter().find(|r| {
                    r.user_id == new.user_id && r.issuer == new.issuer && r.kind == new.kind
                })
            });
            store
                .replace(old.as_ref().map(|r| r.id.as_str()), new)
                .await
        },
        WalletError::NotKept,
    )
    .await?;
    request_persistence().await;
    Ok(())
}

/// Keeps a certificate brought in from files; one already here is refused and nothing changes.
pub async fn keep_imported(new: &StoredCertificate) -> Result<(), WalletError> {
    keep_in(Place::Browser, new).await
}

/// The certificates kept in `place`.
pub async fn list_in(place: Place) -> Result<Vec<StoredCertificate>, WalletError> {
    with_store_in(
        place,
        async |store| store.list().await,
        WalletError::Unreadable,
    )
    .await
}

/// Keeps a certificate that came from elsewhere in `place`; one already there is refused and
/// nothing changes.
pub async fn keep_in(place: Place, new: &StoredCertificate) -> Result<(), WalletError> {
    if list_in(place).await?.iter().any(|r| r.id == new.id) {
        return Err(WalletError::AlreadyKept);
    }
    with_store_in(
        place,
        async |store| store.add(new).await,
        WalletError::NotKept,
    )
    .await
}

/// Puts `new` where the stored certificate `old_id` was, in one transaction.
pub async fn replace(old_id: &str, new: &StoredCertificate) -> Result<(), WalletError> {
    with_store(
        async |store| store.replace(Some(old_id), new).await,
        WalletError::NotKept,
    )
    .await
}

/// Removes a stored certificate.
pub async fn remove(id: &str) -> Result<(), WalletError> {
    remove_in(Place::Browser, id).await
}

/// Removes a certificate kept in `place`.
async fn remove_in(place: Place, id: &str) -> Result<(), WalletError> {
    with_store_in(
        place,
        async |store| store.delete(id).await,
        WalletError::NotRemoved,
    )
    .await
}

/// Removes the stored copy of the certificate `certificate` (DER), if there is one.
pub async fn remove_certificate(certificate: &[u8]) -> Result<(), WalletError> {
    let id = crate::worker::summary(certificate)
        .await
        .map_err(|_| WalletError::Damaged)?
        .fingerprint;
    remove(&id).await
}

/// 연습 과제의 출발점 in this browser: `start`'s customer's certificates leave it and the
/// on-screen phone, the bank prepares the start ([`crate::customer::start_task`]), and a
/// certificate it issued is kept here when the task says so. What was prepared, in one line.
pub async fn start_task(
    bank: &impl crate::bank::BankApi,
    cloud: &impl crate::cloud::CloudApi,
    start: &crate::guide::Start,
) -> Result<String, WalletError> {
    use crate::guide::Kept;
    // The cloud too: no 금융인증서 of theirs, and this browser not connected.
    if let Some(who) = crate::bank::demo::find(start.user_id) {
        let name = who.name.to_owned();
        let phone = who.phones.first().copied().unwrap_or_default().to_owned();
        cloud
            .call(crate::cloud::api::ResetSubscriber { name, phone })
            .await
            .map_err(CertError::from)?;
    }
    crate::customer::cloud::forget_connection();
    for place in [Place::Browser, Place::Phone] {
        for old in list_in(place).await? {
            if old.user_id == start.user_id {
                remove_in(place, &old.id).await?;
            }
        }
    }
    let kept = start.earlier.map(|e| e.kept);
    let password = match kept {
        Some(Kept::Browser(password)) => password.to_owned(),
        // Forgotten: nobody is told it.
        _ => {
            let random = crate::pki::random_bytes::<12>().map_err(WalletError::Unavailable)?;
            format!("Forgot!{}", crate::encoding::hex(&random))
        }
    };
    let days_ago = start.earlier.map(|e| e.days_ago);
    let enrolled = crate::customer::start_task(bank, start.user_id, days_ago, &password).await?;
    if let Some(enrolled) = enrolled
        && kept != Some(Kept::Nowhere)
    {
        keep_issued(&enrolled.record).await?;
    }
    Ok(start.said())
}

/// 인증서 암호 변경: re-encrypts the key of `record` under `new` and stores it in its place.
pub async fn change_password(
    record: &StoredCertificate,
    old: &str,
    new: &str,
) -> Result<(), WalletError> {
    let updated = customer::change_password(record, old, new).await?;
    // Only the key file changes: a 바이오인증 released in another tab stays released.
    with_store(
        async |store| {
            store
                .update(&record.id, |stored| {
                    stored.private_key = updated.private_key;
                })
                .await
        },
        WalletError::NotKept,
    )
    .await
}

/// 바이오인증 등록: opens `record`'s key with `password`, has the authenticator make a
/// credential for it and keeps the wrapped copy beside the certificate.
pub async fn register_bio(record: &StoredCertificate, password: &str) -> Result<(), WalletError> {
    let (certificate, key_file) = record.files().ok_or(WalletError::Damaged)?;
    let key = customer::open_key(&certificate, &key_file, password).await?;
    let wrap = bio::register(record, &key).await?;
    set_bio(record, Some(wrap)).await
}

/// 바이오인증 해제: removes the wrapped copy; the certificate and its password stay.
pub async fn release_bio(record: &StoredCertificate) -> Result<(), WalletError> {
    set_bio(record, None).await
}

async fn set_bio(
    record: &StoredCertificate,
    bio: Option<crate::store::BioWrap>,
) -> Result<(), WalletError> {
    // Only the wrap changes: the stored key file may be newer than `record`'s.
    with_store(
        async |store| store.update(&record.id, |stored| stored.bio = bio).await,
        WalletError::NotKept,
    )
    .await
}

/// Saves the NPKI folder of `enrolled` as `NPKI.zip` (a hard disk, a removable disk, a phone).
pub async fn save_npki(enrolled: &Enrolled) -> Result<(), WalletError> {
    let zip = enrolled.npki_zip().await?;
    crate::browser::download(&zip, "NPKI.zip", "application/zip").map_err(WalletError::Download)
}

async fn read_file(file: &web_sys::File) -> Result<(String, Vec<u8>), WalletError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| WalletError::Files(format!("{} 파일을 읽을 수 없습니다.", file.name())))?;
    Ok((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The names and bytes of picked files.
pub async fn read_files(files: web_sys::FileList) -> Result<Vec<(String, Vec<u8>)>, WalletError> {
    let mut read = Vec::new();
    for i in 0..files.length() {
        if let Some(file) = files.get(i) {
            read.push(read_file(&file).await?);
        }
    }
    Ok(read)
}

/// The NPKI pairs in read files: every folder of an `NPKI.zip`, or `signCert.der` with
/// `signPri.key`.
pub async fn npki_pairs(
    read: &[(String, Vec<u8>)],
) -> Result<Vec<(Vec<u8>, Vec<u8>)>, WalletError> {
    let named = |wanted: &str| {
        read.iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
            .map(|(_, bytes)| bytes.clone())
    };
    if let Some((_, zip)) = read.iter().find(|(name, _)| name.ends_with(".zip")) {
        return crate::worker::unzip(zip.clone())
            .await
            .map_err(|e| match e {
                crate::worker::Failure::Zip(why) => WalletError::Files(why),
                _ => WalletError::Files(
                    "zip 안에서 signCert.der와 signPri.key를 찾을 수 없습니다.".into(),
                ),
            });
    }
    match (named(npki::CERT_FILE), named(npki::KEY_FILE)) {
        (Some(certificate), Some(key_file)) => Ok(vec![(certificate, key_file)]),
        _ => Err(WalletError::Files(
            "NPKI.zip 하나, 또는 signCert.der와 signPri.key 두 파일을 함께 선택해 주세요.".into(),
        )),
    }
}
