//! The OTP token's codes: TOTP (RFC 6238, HMAC-SHA-1), 6 digits every 30 seconds, accepted one
//! step early or late.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// A TOTP code (RFC 6238 with HMAC-SHA-1) for `secret` at Unix time `unix_secs`.
pub fn totp(secret: &[u8], unix_secs: u64, step_secs: u64, digits: u32) -> String {
    let counter = unix_secs / step_secs;
    let mut mac = <Hmac<Sha1> as KeyInit>::new_from_slice(secret).expect("HMAC takes any key");
    mac.update(&counter.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[hash.len() - 1] & 0x0f);
    let code = u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]) % 10u32.pow(digits);
    format!("{code:0width$}", width = digits as usize)
}

/// The bank's OTP: 6 digits, 30-second steps.
pub const OTP_STEP_SECS: u64 = 30;

/// The 6-digit code of a base32 secret at `millis` (Unix milliseconds).
pub fn otp_code(secret_base32: &str, millis: i64) -> Option<String> {
    let secret = crate::encoding::unbase32(secret_base32)?;
    let secs = u64::try_from(millis / 1000).ok()?;
    Some(totp(&secret, secs, OTP_STEP_SECS, 6))
}

/// Whether `code` is the OTP of this step or the one before or after (clock drift).
pub fn otp_accepts(secret_base32: &str, millis: i64, code: &str) -> bool {
    otp_step(secret_base32, millis, code).is_some()
}

/// The time step (RFC 6238 counter) whose code `code` is, looking at this step and the ones
/// before and after it; the bank keeps the last one used so that no code passes twice.
pub fn otp_step(secret_base32: &str, millis: i64, code: &str) -> Option<i64> {
    let step = OTP_STEP_SECS as i64 * 1000;
    [-step, 0, step].iter().find_map(|drift| {
        (otp_code(secret_base32, millis + drift).as_deref() == Some(code.trim()))
            .then(|| (millis + drift).div_euclid(step))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1, 8 digits, secret "12345678901234567890".
    #[test]
    fn totp_matches_the_rfc_6238_sha1_vectors() {
        let secret = b"12345678901234567890";
        for (time, code) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(totp(secret, time, 30, 8), code, "T = {time}");
        }
        assert_eq!(totp(secret, 59, 30, 6), "287082");
    }

    #[test]
    fn otp_accepts_the_current_and_adjacent_steps_only() {
        let secret = "JBSWY3DPEHPK3PXP";
        let now = 1_764_000_000_000;
        let code = otp_code(secret, now).unwrap();
        assert_eq!(code.len(), 6);
        assert!(otp_accepts(secret, now, &code));
        assert!(otp_accepts(secret, now + 30_000, &code));
        assert!(!otp_accepts(secret, now + 120_000, &code));
        assert!(!otp_accepts(secret, now, "000000") || code == "000000");
    }
}
