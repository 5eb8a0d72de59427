//! How amounts and other values read on screen.

/// An amount in won with thousands separators: `4,400원`.
pub fn won(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out + "원"
}

/// A moment (Unix milliseconds) as the bank's local time, `YYYY-MM-DD HH:MM` in KST.
pub fn kst_minute(ms: i64) -> String {
    let secs = u64::try_from(ms.div_euclid(1000) + 9 * 3_600).unwrap_or(0);
    match der::DateTime::from_unix_duration(std::time::Duration::from_secs(secs)) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minutes()
        ),
        Err(_) => "-".to_owned(),
    }
}

/// What a digits-only field keeps of `input`: its digits, at most `max`.
pub fn digits(input: &str, max: usize) -> String {
    input
        .chars()
        .filter(char::is_ascii_digit)
        .take(max)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{digits, kst_minute, won};

    #[test]
    fn bank_time_reads_in_kst() {
        // 2026-11-26 15:30 UTC is 2026-11-27 00:30 KST.
        assert_eq!(kst_minute(1_795_707_000_000), "2026-11-27 00:30");
        assert_eq!(kst_minute(0), "1970-01-01 09:00");
    }

    #[test]
    fn digit_fields_keep_digits_only_up_to_their_length() {
        assert_eq!(digits("80-01a01", 6), "800101");
        assert_eq!(digits("12345678", 7), "1234567");
        assert_eq!(digits("", 4), "");
    }

    #[test]
    fn won_groups_thousands() {
        assert_eq!(won(3_000), "3,000원");
        assert_eq!(won(120_000), "120,000원");
        assert_eq!(won(4_400), "4,400원");
        assert_eq!(won(1_234_567), "1,234,567원");
        assert_eq!(won(0), "0원");
    }
}
