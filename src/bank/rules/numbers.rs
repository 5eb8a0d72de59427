//! The numbers a customer types: the resident registration number (주민등록번호) and the
//! business registration number (사업자등록번호), each with its check digit.

/// Splits a number written with optional hyphens (`YYMMDD-NNNNNNN`, `NNN-NN-NNNNN`) into its
/// `N` digits.
fn digits<const N: usize>(number: &str) -> Option<[u8; N]> {
    let compact: Vec<u8> = number
        .chars()
        .filter(|c| *c != '-')
        .map(|c| c.to_digit(10).map(|d| d as u8))
        .collect::<Option<_>>()?;
    compact.try_into().ok()
}

/// The sum of `digits` times `weights`, place by place: a check digit's first step.
fn weighted(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(d, w)| u32::from(*d) * w)
        .sum()
}

/// Whether `rrn` is 13 digits whose last is the check digit of the first 12
/// (weights 2,3,4,5,6,7,8,9,2,3,4,5; check = (11 − sum mod 11) mod 10).
pub fn rrn_is_valid(rrn: &str) -> bool {
    const WEIGHTS: [u32; 12] = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
    let Some(digits) = digits::<13>(rrn) else {
        return false;
    };
    let sum = weighted(&digits, &WEIGHTS);
    (11 - sum % 11) % 10 == u32::from(digits[12])
}

/// Two numbers are the same person's: the same 13 digits, hyphen or not.
pub fn rrn_matches(a: &str, b: &str) -> bool {
    matches!((digits::<13>(a), digits::<13>(b)), (Some(x), Some(y)) if x == y)
}

/// Whether `number` is a 사업자등록번호: 10 digits (hyphens allowed) whose last is the check digit
/// (weights 1,3,7,1,3,7,1,3,5 over the first 9, plus ⌊d9 × 5 / 10⌋; check = (10 − sum mod 10)
/// mod 10).
pub fn business_number_is_valid(number: &str) -> bool {
    const WEIGHTS: [u32; 9] = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let Some(digits) = digits::<10>(number) else {
        return false;
    };
    let sum = weighted(&digits, &WEIGHTS) + u32::from(digits[8]) * 5 / 10;
    (10 - sum % 10) % 10 == u32::from(digits[9])
}

/// Two 사업자등록번호 are the same: the same 10 digits, hyphens or not.
pub fn business_number_matches(a: &str, b: &str) -> bool {
    matches!((digits::<10>(a), digits::<10>(b)), (Some(x), Some(y)) if x == y)
}

/// `800101-1******`: the birth date and the first digit of the back part.
pub fn rrn_masked(front: &str, back: &str) -> String {
    let first: String = back.chars().take(1).collect();
    let hidden = "*".repeat(back.chars().count().saturating_sub(1));
    format!("{front}-{first}{hidden}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_numbers_check_their_last_digit() {
        for number in ["123-45-06782", "456-12-34574", "1234506782"] {
            assert!(business_number_is_valid(number), "{number}");
        }
        // Every single-digit change of a valid number is refused.
        let digits: Vec<char> = "1234506782".chars().collect();
        for i in 0..digits.len() {
            for d in '0'..='9' {
                if d == digits[i] {
                    continue;
                }
                let mut changed = digits.clone();
                changed[i] = d;
                let changed: String = changed.into_iter().collect();
                assert!(!business_number_is_valid(&changed), "{changed}");
            }
        }
        for malformed in ["", "123-45-0678", "123-45-067820", "12a-45-06782"] {
            assert!(!business_number_is_valid(malformed), "{malformed:?}");
        }
        assert!(business_number_matches("123-45-06782", "1234506782"));
        assert!(!business_number_matches("123-45-06782", "456-12-34574"));
    }

    #[test]
    fn demo_numbers_have_valid_check_digits() {
        for rrn in [
            "800101-1234560",
            "850315-2345678",
            "920707-1122333",
            "700101-1234561",
            "750505-2345676",
        ] {
            assert!(rrn_is_valid(rrn), "{rrn}");
        }
        assert!(rrn_is_valid("8001011234560"), "hyphen optional");
    }

    #[test]
    fn a_wrong_check_digit_or_shape_is_refused() {
        assert!(!rrn_is_valid("800101-1234561"));
        assert!(!rrn_is_valid("800101-123456"));
        assert!(!rrn_is_valid("800101-12345600"));
        assert!(!rrn_is_valid("80010a-1234560"));
        assert!(!rrn_is_valid(""));
    }

    #[test]
    fn check_digit_wraps_ten_to_zero_and_eleven_to_one() {
        // Sum 122 ≡ 1 (mod 11): 11 − 1 = 10 → 0.
        assert!(rrn_is_valid("800101-1234560"));
        // Sum ≡ 0 (mod 11): 11 − 0 = 11 → 1. 000000-000000 has sum 0.
        assert!(rrn_is_valid("000000-0000001"));
    }

    #[test]
    fn rrn_masking_shows_the_first_back_digit() {
        assert_eq!(rrn_masked("800101", "1234560"), "800101-1******");
        assert_eq!(rrn_masked("800101", "12"), "800101-1*");
        assert!(rrn_matches("800101-1234560", "8001011234560"));
        assert!(!rrn_matches("800101-1234560", "850315-2345678"));
    }
}
