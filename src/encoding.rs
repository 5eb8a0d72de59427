//! Bytes as they travel in JSON and in stored records: standard base64 with padding.

/// `bytes` as base64.
pub fn base64(bytes: &[u8]) -> String {
    data_encoding::BASE64.encode(bytes)
}

/// The bytes of base64 `text`, if it is base64.
pub fn unbase64(text: &str) -> Option<Vec<u8>> {
    data_encoding::BASE64.decode(text.as_bytes()).ok()
}
