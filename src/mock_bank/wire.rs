//! Errors and bytes as the bank's records and requests carry them.

use crate::bank::api::*;

pub use crate::encoding::base64;

pub(super) fn internal(e: impl std::fmt::Display) -> BankError {
    BankError::Internal {
        detail: e.to_string(),
    }
}

pub(super) fn unbase64(text: &str) -> BankResult<Vec<u8>> {
    crate::encoding::unbase64(text).ok_or_else(|| BankError::BadRequest {
        detail: "base64".to_owned(),
    })
}
