//! Errors and bytes as the bank's records and requests carry them.

use crate::bank::api::*;

pub use crate::encoding::base64;

pub(crate) fn internal(e: impl std::fmt::Display) -> BankError {
    BankError::Internal {
        detail: e.to_string(),
    }
}

pub(crate) fn unbase64(text: &str) -> BankResult<Vec<u8>> {
    crate::encoding::unbase64(text).ok_or_else(|| BankError::BadRequest {
        detail: "base64".to_owned(),
    })
}

/// Decodes a request, runs its handler and encodes the answer.
pub(crate) fn serve<E: Wire>(
    body: &str,
    handler: impl FnOnce(E) -> BankResult<E::Response>,
) -> BankResult<String> {
    let request = serde_json::from_str(body).map_err(bad_request)?;
    let response = handler(request)?;
    serde_json::to_string(&response).map_err(bad_request)
}

fn bad_request(e: serde_json::Error) -> BankError {
    BankError::BadRequest {
        detail: e.to_string(),
    }
}
