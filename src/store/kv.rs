//! Small JSON records in `localStorage` or `sessionStorage`, with an in-memory twin so that the
//! code above it runs natively in tests.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

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
    /// A map in memory, shared by clones; for native tests.
    Memory(Rc<RefCell<HashMap<String, String>>>),
}

impl KeyValueStore {
    /// An empty in-memory store.
    pub fn memory() -> Self {
        Self::Memory(Rc::default())
    }

    /// Reads a record; `Ok(None)` when there is none.
    pub fn load<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StoreError> {
        let found = match self {
            Self::Local => LocalStorage::get(key),
            Self::Session => SessionStorage::get(key),
            Self::Memory(map) => {
                return map
                    .borrow()
                    .get(key)
                    .map(|text| serde_json::from_str(text))
                    .transpose()
                    .map_err(|e| corrupt(key, e));
            }
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
            Self::Memory(map) => {
                let text = serde_json::to_string(value).map_err(|e| corrupt(key, e))?;
                map.borrow_mut().insert(key.to_owned(), text);
                Ok(())
            }
        }
    }

    /// The stored text of a record as it is, readable or not; `Ok(None)` when there is none.
    pub fn load_text(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            Self::Local => LocalStorage::raw()
                .get_item(key)
                .map_err(|e| unavailable(key, format!("{e:?}"))),
            Self::Session => SessionStorage::raw()
                .get_item(key)
                .map_err(|e| unavailable(key, format!("{e:?}"))),
            Self::Memory(map) => Ok(map.borrow().get(key).cloned()),
        }
    }

    /// Writes a record's text as it is.
    pub fn save_text(&self, key: &str, text: &str) -> Result<(), StoreError> {
        match self {
            Self::Local => LocalStorage::raw()
                .set_item(key, text)
                .map_err(|e| unavailable(key, format!("{e:?}"))),
            Self::Session => SessionStorage::raw()
                .set_item(key, text)
                .map_err(|e| unavailable(key, format!("{e:?}"))),
            Self::Memory(map) => {
                map.borrow_mut().insert(key.to_owned(), text.to_owned());
                Ok(())
            }
        }
    }

    /// Deletes a record if there is one.
    pub fn remove(&self, key: &str) {
        match self {
            Self::Local => LocalStorage::delete(key),
            Self::Session => SessionStorage::delete(key),
            Self::Memory(map) => {
                map.borrow_mut().remove(key);
            }
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
