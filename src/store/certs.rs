//! The browser-certificate store (브라우저인증서): each certificate with its password-encrypted
//! private key and what the selection dialog lists, one IndexedDB record per certificate.
//!
//! Schema: database `cert-center`, version [`DB_VERSION`]; object store `certificates` keyed by
//! `id` (the certificate's SHA-256 fingerprint). Each record also carries [`RECORD_VERSION`] so
//! that a later layout can be upgraded on read; a new database version adds stores or indexes
//! through [`rexie`]'s upgrade (stores not listed are dropped, so list every store here).

use rexie::{ObjectStore, Rexie, TransactionMode};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use super::StoreError;

/// The app's IndexedDB database.
pub const DB_NAME: &str = "cert-center";
/// The database's schema version.
pub const DB_VERSION: u32 = 1;
/// The layout version of a certificate record.
pub const RECORD_VERSION: u32 = 1;
const CERTIFICATES: &str = "certificates";

/// One browser certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCertificate {
    /// SHA-256 fingerprint of the certificate, hex.
    pub id: String,
    /// [`RECORD_VERSION`] when written.
    pub record_version: u32,
    /// The bank ID of its holder.
    pub user_id: String,
    /// `구분`: the kind, e.g. `범용` (the dialog's first column).
    pub kind: String,
    /// `사용자`: the subject's CN.
    pub holder: String,
    /// `만료일`: `YYYY-MM-DD` (KST).
    pub expires: String,
    /// `발급자`: the CA's name.
    pub issuer: String,
    /// The certificate, DER in base64 (`signCert.der`).
    pub certificate: String,
    /// The encrypted private key, DER in base64 (`signPri.key`).
    pub private_key: String,
    /// The issuing CA's and the root's certificates, DER in base64.
    pub chain: Vec<String>,
    /// The key wrapped for 바이오인증, when it is registered.
    #[serde(default)]
    pub bio: Option<BioWrap>,
}

/// A browser certificate's private key wrapped under its 바이오인증 credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BioWrap {
    /// The WebAuthn credential's ID, base64.
    pub credential_id: String,
    /// The PRF input (32 random bytes), base64.
    pub prf_salt: String,
    /// The AES-GCM IV (12 bytes), base64.
    pub iv: String,
    /// The PKCS#8 key (with R) under AES-256-GCM, base64.
    pub wrapped: String,
}

impl StoredCertificate {
    /// The certificate (DER) and the encrypted key file; `None` if the record is damaged.
    pub fn files(&self) -> Option<(Vec<u8>, Vec<u8>)> {
        let decode = crate::encoding::unbase64;
        Some((decode(&self.certificate)?, decode(&self.private_key)?))
    }
}

/// The opened store.
pub struct CertStore {
    db: Rexie,
}

fn failed(key: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Unavailable {
        key: key.to_owned(),
        detail: e.to_string(),
    }
}

impl CertStore {
    /// Opens (creating or upgrading) the app's database.
    pub async fn open() -> Result<Self, StoreError> {
        Self::open_named(DB_NAME).await
    }

    /// Opens a database of another name (tests use their own).
    pub async fn open_named(name: &str) -> Result<Self, StoreError> {
        let db = Rexie::builder(name)
            .version(DB_VERSION)
            .add_object_store(ObjectStore::new(CERTIFICATES).key_path("id"))
            .build()
            .await
            .map_err(|e| failed(name, e))?;
        Ok(Self { db })
    }

    /// Every stored certificate.
    pub async fn list(&self) -> Result<Vec<StoredCertificate>, StoreError> {
        let tx = self
            .db
            .transaction(&[CERTIFICATES], TransactionMode::ReadOnly)
            .map_err(|e| failed(CERTIFICATES, e))?;
        let store = tx
            .store(CERTIFICATES)
            .map_err(|e| failed(CERTIFICATES, e))?;
        let values = store
            .get_all(None, None)
            .await
            .map_err(|e| failed(CERTIFICATES, e))?;
        values
            .into_iter()
            .map(|v| {
                serde_wasm_bindgen::from_value(v).map_err(|e| StoreError::Corrupt {
                    key: CERTIFICATES.to_owned(),
                    detail: e.to_string(),
                })
            })
            .collect()
    }

    /// Stores a new certificate; one that is already stored is refused and nothing changes.
    pub async fn add(&self, certificate: &StoredCertificate) -> Result<(), StoreError> {
        self.replace(None, certificate).await
    }

    /// Runs `work` on the store in one readwrite transaction: it commits when `work` succeeds,
    /// and is undone whole when it fails.
    async fn write(
        &self,
        key: &str,
        work: impl AsyncFnOnce(&rexie::Store) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(&[CERTIFICATES], TransactionMode::ReadWrite)
            .map_err(|e| failed(key, e))?;
        let store = tx.store(CERTIFICATES).map_err(|e| failed(key, e))?;
        match work(&store).await {
            Ok(()) => tx.done().await.map(drop).map_err(|e| failed(key, e)),
            Err(e) => {
                // The transaction may already be aborted by the failed request.
                let _ = tx.abort().await;
                Err(e)
            }
        }
    }

    /// In one transaction, deletes `old` (if given) and adds `new`: either both happen or,
    /// when anything fails (for instance `new` is already stored), neither does.
    pub async fn replace(
        &self,
        old: Option<&str>,
        new: &StoredCertificate,
    ) -> Result<(), StoreError> {
        let value = serde_wasm_bindgen::to_value(new).map_err(|e| failed(&new.id, e))?;
        self.write(&new.id, async |store| {
            if let Some(old) = old {
                store
                    .delete(JsValue::from_str(old))
                    .await
                    .map_err(|e| failed(&new.id, e))?;
            }
            store
                .add(&value, None)
                .await
                .map(drop)
                .map_err(|e| failed(&new.id, e))
        })
        .await
    }

    /// Reads the certificate `id`, lets `change` alter it and writes it back, all in one
    /// transaction: what another tab changed meanwhile in other fields is kept, never
    /// overwritten by a stale copy. A certificate no longer stored is
    /// [`StoreError::Missing`].
    pub async fn update(
        &self,
        id: &str,
        change: impl FnOnce(&mut StoredCertificate),
    ) -> Result<(), StoreError> {
        self.write(id, async |store| {
            let stored = store
                .get(JsValue::from_str(id))
                .await
                .map_err(|e| failed(id, e))?
                .ok_or_else(|| StoreError::Missing { key: id.to_owned() })?;
            let mut record: StoredCertificate =
                serde_wasm_bindgen::from_value(stored).map_err(|e| StoreError::Corrupt {
                    key: id.to_owned(),
                    detail: e.to_string(),
                })?;
            change(&mut record);
            let value = serde_wasm_bindgen::to_value(&record).map_err(|e| failed(id, e))?;
            store
                .put(&value, None)
                .await
                .map(drop)
                .map_err(|e| failed(id, e))
        })
        .await
    }

    /// Deletes a certificate.
    pub async fn delete(&self, id: &str) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(&[CERTIFICATES], TransactionMode::ReadWrite)
            .map_err(|e| failed(id, e))?;
        let store = tx.store(CERTIFICATES).map_err(|e| failed(id, e))?;
        store
            .delete(JsValue::from_str(id))
            .await
            .map_err(|e| failed(id, e))?;
        tx.done().await.map(drop).map_err(|e| failed(id, e))
    }

    /// Closes the database.
    pub fn close(self) {
        self.db.close();
    }
}

/// Asks the browser to keep this site's storage under storage pressure (`navigator.storage
/// .persist()`); `false` when it declines or cannot.
pub async fn request_persistence() -> bool {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    match storage.persist() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}
