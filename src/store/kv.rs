//! Small JSON records in `localStorage` or `sessionStorage` (the bank keeps its own records in
//! IndexedDB, `crate::mock_bank::store`).

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why a record could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The stored text is not the expected JSON.
    #[error("stored record `{key}` is unreadable: {detail}")]
    Corrupt {
        /// The record's key.
        key: String,
        /// The parser's complaint.
        detail: String,
    },
    /// The record is no longer stored (removed in another tab, say).
    #[error("stored record `{key}` is gone")]
    Missing {
        /// The record's key.
        key: String,
    },
    /// The browser refused the write (quota, privacy mode) or has no such storage.
    #[error("browser storage refused `{key}`: {detail}")]
    Unavailable {
        /// The record's key.
        key: String,
        /// The browser's complaint.
        detail: String,
    },
}

/// Where records live.
#[derive(Clone, Debug)]
pub enum KeyValueStore {
    /// `window.localStorage`: kept across reloads and tabs.
    Local,
    /// `window.sessionStorage`: kept across reloads of this tab only.
    Session,
}

impl KeyValueStore {
    /// Reads a record; `Ok(None)` when there is none.
    pub fn load<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StoreError> {
        let found = match self {
            Self::Local => LocalStorage::get(key),
            Self::Session => SessionStorage::get(key),
        };
        match found {
            Ok(value) => Ok(Some(value)),
            Err(StorageError::KeyNotFound(_)) => Ok(None),
            Err(StorageError::SerdeError(e)) => Err(corrupt(key, e)),
            Err(e) => Err(unavailable(key, e)),
        }
    }

    /// Writes a record, replacing any earlier one.
    pub fn save<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StoreError> {
        match self {
            Self::Local => LocalStorage::set(key, value).map_err(|e| unavailable(key, e)),
            Self::Session => SessionStorage::set(key, value).map_err(|e| unavailable(key, e)),
        }
    }

    /// Deletes a record if there is one.
    pub fn remove(&self, key: &str) {
        match self {
            Self::Local => LocalStorage::delete(key),
            Self::Session => SessionStorage::delete(key),
        }
    }
}

fn corrupt(key: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        key: key.to_owned(),
        detail: e.to_string(),
    }
}

fn unavailable(key: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Unavailable {
        key: key.to_owned(),
        detail: e.to_string(),
    }
}
