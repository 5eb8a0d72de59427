//! Bytes as text: standard base64 with padding (how bytes travel in JSON and stored records),
//! lower-case hex (fingerprints, hashes) and the OTP token's base32 secrets. RustCrypto's
//! constant-time codecs: small, and the same crates `der` and `pkcs8` use.

use base64ct::Encoding as _;

/// `bytes` as base64.
pub fn base64(bytes: &[u8]) -> String {
    base64ct::Base64::encode_string(bytes)
}

/// The bytes of base64 `text`, if it is base64.
pub fn unbase64(text: &str) -> Option<Vec<u8>> {
    base64ct::Base64::decode_vec(text).ok()
}

/// `bytes` as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    base16ct::lower::encode_string(bytes)
}

/// The bytes of hex `text` (either case), if it is hex.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    base16ct::mixed::decode_vec(text).ok()
}

/// The bytes of an upper-case base32 secret (RFC 4648, padding optional), if it is one.
pub fn unbase32(text: &str) -> Option<Vec<u8>> {
    use base32ct::Encoding as _;
    base32ct::Base32UpperUnpadded::decode_vec(text.trim_end_matches('=')).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648's test vectors.
    #[test]
    fn the_codecs_follow_rfc_4648() {
        for (plain, b64, b32) in [
            ("", "", ""),
            ("f", "Zg==", "MY======"),
            ("fo", "Zm8=", "MZXQ===="),
            ("foo", "Zm9v", "MZXW6==="),
            ("foob", "Zm9vYg==", "MZXW6YQ="),
            ("fooba", "Zm9vYmE=", "MZXW6YTB"),
            ("foobar", "Zm9vYmFy", "MZXW6YTBOI======"),
        ] {
            assert_eq!(base64(plain.as_bytes()), b64);
            assert_eq!(unbase64(b64).as_deref(), Some(plain.as_bytes()));
            assert_eq!(unbase32(b32).as_deref(), Some(plain.as_bytes()), "{b32}");
        }
        assert_eq!(hex(b"\x00\xab\xff"), "00abff");
        assert_eq!(unhex("00ABff").as_deref(), Some(&b"\x00\xab\xff"[..]));
        assert_eq!(unbase64("Zm9v!"), None);
        assert_eq!(unbase64("Zg"), None, "padding is required");
        assert_eq!(unbase32("mzxw6"), None, "secrets are upper case");
        assert_eq!(unhex("0g"), None);
    }
}
