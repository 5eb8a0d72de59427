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
    use super::{digits, won};

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
