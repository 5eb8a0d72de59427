//! The bank's rules as pure functions, shared by the bank (which decides) and the UI (which
//! checks as the customer types): resident registration and business numbers, certificate
//! passwords, TOTP codes and the customer-detail formats.

mod numbers;
mod otp;
mod text_code;

pub use numbers::{
    business_number_is_valid, business_number_matches, rrn_is_valid, rrn_masked, rrn_matches,
};
pub use otp::{OTP_STEP_SECS, otp_accepts, otp_code, otp_step, totp};
pub use text_code::{TEXT_CODE_TRIES, TextedCode};

use crate::bank::api::CustomerDetails;

/// The minimum length of a certificate password.
pub const PASSWORD_MIN_LEN: usize = 10;

/// One condition of the certificate-password rule, as shown while typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordCheck {
    /// What the condition asks for.
    pub label: &'static str,
    /// Whether the password meets it.
    pub met: bool,
}

/// The certificate-password rule (DOMAIN §2): at least 10 characters with upper- and
/// lower-case letters, digits and special characters, and nothing else.
pub fn password_checks(password: &str) -> [PasswordCheck; 6] {
    let has = |f: fn(&char) -> bool| password.chars().any(|c| f(&c));
    [
        PasswordCheck {
            label: "10자리 이상",
            met: password.chars().count() >= PASSWORD_MIN_LEN,
        },
        PasswordCheck {
            label: "영문 대문자",
            met: has(char::is_ascii_uppercase),
        },
        PasswordCheck {
            label: "영문 소문자",
            met: has(char::is_ascii_lowercase),
        },
        PasswordCheck {
            label: "숫자",
            met: has(char::is_ascii_digit),
        },
        PasswordCheck {
            label: "특수문자",
            met: has(char::is_ascii_punctuation),
        },
        PasswordCheck {
            label: "영문자/숫자/특수문자만 사용",
            met: password.chars().all(|c| c.is_ascii_graphic()),
        },
    ]
}

/// The password rule as a verdict with the first unmet condition in Korean.
pub fn check_password(password: &str) -> Result<(), String> {
    match password_checks(password).iter().find(|c| !c.met) {
        None => Ok(()),
        Some(c) if c.label == "10자리 이상" => {
            Err("인증서 암호는 10자리 이상이어야 합니다.".to_owned())
        }
        Some(c) if c.label.ends_with("만 사용") => Err(
            "인증서 암호에는 영문자, 숫자, 특수문자만 쓸 수 있습니다. (한글, 공백 불가)".to_owned(),
        ),
        Some(c) => Err(format!("인증서 암호에 {}를 포함해 주세요.", c.label)),
    }
}

/// The ID (login) password rule: 8 to 20 characters, letters and digits both, no spaces.
pub fn check_login_password(password: &str) -> Result<(), String> {
    let length = password.chars().count();
    if !(8..=20).contains(&length) {
        return Err("아이디 비밀번호는 8자리 이상 20자리 이하로 입력해 주세요.".to_owned());
    }
    if password
        .chars()
        .any(|c| c.is_whitespace() || !c.is_ascii_graphic())
    {
        return Err(
            "아이디 비밀번호에는 영문자, 숫자, 특수문자만 쓸 수 있습니다. (한글, 공백 불가)"
                .to_owned(),
        );
    }
    if !(password.chars().any(|c| c.is_ascii_alphabetic())
        && password.chars().any(|c| c.is_ascii_digit()))
    {
        return Err("아이디 비밀번호에 영문자와 숫자를 모두 포함해 주세요.".to_owned());
    }
    Ok(())
}

/// A new password typed twice: `rule`'s verdict on it, then `mismatch` if the two differ.
pub fn check_new_password(
    password: &str,
    again: &str,
    rule: fn(&str) -> Result<(), String>,
    mismatch: &str,
) -> Result<(), String> {
    rule(password)?;
    match password == again {
        true => Ok(()),
        false => Err(mismatch.to_owned()),
    }
}

/// An English name for the certificate: letters and single spaces, upper-cased.
pub fn english_name(input: &str) -> Result<String, String> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err("영문명을 입력해 주세요.".to_owned());
    }
    if !name.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') {
        return Err("영문명은 영문자와 공백만 입력할 수 있습니다. (특수문자 제외)".to_owned());
    }
    Ok(name.to_ascii_uppercase())
}

/// A plausible e-mail address (one `@`, a dot in the domain, no spaces); empty is allowed.
pub fn email_is_valid(email: &str) -> bool {
    let email = email.trim();
    if email.is_empty() {
        return true;
    }
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.split('.').count() >= 2
                && domain.split('.').all(|part| !part.is_empty())
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// A phone number as it is typed, grouped with hyphens: `0212345678` and `02-1234-5678`
/// both give `02-1234-5678`, and a half-typed `0101234` gives `010-123-4`. Seoul's `02` is a
/// two-digit area code, every other prefix (`010`, `031`, `070`…) three.
pub fn phone_formatted(typed: &str) -> String {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    let area = if digits.starts_with("02") { 2 } else { 3 };
    let digits = &digits[..digits.len().min(area + 8)];
    if digits.len() <= area {
        return digits.to_owned();
    }
    let (head, rest) = digits.split_at(area);
    match rest.len() {
        0..=3 => format!("{head}-{rest}"),
        4..=7 => format!("{head}-{}-{}", &rest[..3], &rest[3..]),
        _ => format!("{head}-{}-{}", &rest[..4], &rest[4..]),
    }
}

/// A Korean phone number, with or without hyphens (`02-123-4567`, `0212345678`,
/// `010-1234-5678`): a leading 0, then an area or mobile prefix, 3–4 digits and 4 digits.
pub fn phone_is_valid(phone: &str) -> bool {
    let phone = phone.trim();
    if phone.is_empty() || !phone.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return false;
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let area = if phone.starts_with("02") { 2 } else { 3 };
    phone.starts_with('0') && (area + 7..=area + 8).contains(&digits)
}

/// A mobile number: a phone number starting 010, 011, 016, 017, 018 or 019.
pub fn mobile_is_valid(phone: &str) -> bool {
    phone_is_valid(phone)
        && ["010", "011", "016", "017", "018", "019"]
            .iter()
            .any(|p| phone_formatted(phone).starts_with(&format!("{p}-")))
}

/// `010-****-5678`: a registered number as the ARS dialog lists it.
pub fn phone_masked(phone: &str) -> String {
    let groups: Vec<&str> = phone.split('-').collect();
    match groups.as_slice() {
        [a, b, c] => format!("{a}-{}-{c}", "*".repeat(b.len())),
        _ => phone.to_owned(),
    }
}

/// Every problem of step 5's form, as (field, message); empty when all is well. A `business`
/// certificate names its company and needs the representative too.
pub fn details_problems(d: &CustomerDetails, business: bool) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if d.name.trim().is_empty() {
        let what = if business {
            "상호(법인명)"
        } else {
            "고객명"
        };
        problems.push(("name", format!("{what}을 입력해 주세요.")));
    }
    if business && d.representative.trim().is_empty() {
        problems.push(("representative", "대표자명을 입력해 주세요.".to_owned()));
    }
    if let Err(message) = english_name(&d.english_name) {
        problems.push(("english_name", message));
    }
    if !email_is_valid(&d.email) {
        problems.push((
            "email",
            "e메일 주소 형식이 올바르지 않습니다. (예: hong@example.com)".to_owned(),
        ));
    }
    if d.zip.trim().is_empty() || d.address.trim().is_empty() {
        problems.push((
            "address",
            "[우편번호 찾기]로 주소를 입력해 주세요.".to_owned(),
        ));
    }
    if d.phone.trim().is_empty() {
        problems.push(("phone", "전화번호를 입력해 주세요.".to_owned()));
    } else if !phone_is_valid(&d.phone) {
        problems.push((
            "phone",
            "전화번호 형식이 올바르지 않습니다. (예: 02-123-4567)".to_owned(),
        ));
    }
    if !d.mobile.trim().is_empty() && !mobile_is_valid(&d.mobile) {
        problems.push((
            "mobile",
            "핸드폰번호 형식이 올바르지 않습니다. (예: 010-1234-5678)".to_owned(),
        ));
    }
    problems
}

/// Step 5's details made tidy (trimmed, English name upper-cased), or the first problem.
pub fn check_details(
    d: &CustomerDetails,
    business: bool,
) -> Result<CustomerDetails, (&'static str, String)> {
    if let Some(problem) = details_problems(d, business).into_iter().next() {
        return Err(problem);
    }
    Ok(CustomerDetails {
        name: d.name.trim().to_owned(),
        representative: if business {
            d.representative.trim().to_owned()
        } else {
            String::new()
        },
        english_name: english_name(&d.english_name).map_err(|m| ("english_name", m))?,
        email: d.email.trim().to_owned(),
        zip: d.zip.trim().to_owned(),
        address: d.address.trim().to_owned(),
        address_detail: d.address_detail.trim().to_owned(),
        phone: phone_formatted(&d.phone),
        mobile: phone_formatted(&d.mobile),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_of_nine_is_refused_and_ten_accepted() {
        assert!(check_password("Abcdef1!x").is_err());
        assert_eq!(check_password("Abcdef1!xy"), Ok(()));
    }

    #[test]
    fn each_missing_class_is_refused_and_named() {
        for (password, missing) in [
            ("abcdefg1!x", "영문 대문자"),
            ("ABCDEFG1!X", "영문 소문자"),
            ("Abcdefgh!x", "숫자"),
            ("Abcdefgh1x", "특수문자"),
        ] {
            let named = format!("인증서 암호에 {missing}를 포함해 주세요.");
            assert_eq!(check_password(password), Err(named));
        }
        assert!(
            check_password("Abcdef1! 가나다").is_err(),
            "Hangul and spaces"
        );
    }

    #[test]
    fn a_new_password_must_pass_the_rule_then_match() {
        let mismatch = "다릅니다";
        assert_eq!(
            check_new_password("Abcdef1!xy", "Abcdef1!xy", check_password, mismatch),
            Ok(())
        );
        assert_eq!(
            check_new_password("Abcdef1!xy", "Abcdef1!xz", check_password, mismatch),
            Err(mismatch.to_owned())
        );
        assert!(
            check_new_password("short", "short", check_password, mismatch)
                .unwrap_err()
                .contains("10자리")
        );
    }

    #[test]
    fn english_names_are_letters_and_spaces_upper_cased() {
        assert_eq!(
            english_name("  hong   gildong "),
            Ok("HONG GILDONG".to_owned())
        );
        assert!(english_name("HONG-GILDONG").is_err());
        assert!(english_name("홍길동").is_err());
        assert!(english_name("   ").is_err());
    }

    #[test]
    fn contact_formats() {
        assert!(email_is_valid("hong@example.com"));
        assert!(email_is_valid(""));
        assert!(!email_is_valid("hong@"));
        assert!(!email_is_valid("hong@example"));
        assert!(!email_is_valid("ho ng@example.com"));
        assert!(phone_is_valid("02-123-4567"));
        assert!(phone_is_valid("010-1234-5678"));
        assert!(!phone_is_valid("1234-5678"));
        assert!(!phone_is_valid("010-12a4-5678"));
        // Hyphens are optional, and what is typed is grouped as it goes.
        assert!(phone_is_valid("0212345678"));
        assert!(phone_is_valid("01012345678"));
        assert!(!phone_is_valid("021234567890"));
        assert!(!phone_is_valid("212345678"));
        assert_eq!(phone_formatted("0212345678"), "02-1234-5678");
        assert_eq!(phone_formatted("021234567"), "02-123-4567");
        assert_eq!(phone_formatted("01012345678"), "010-1234-5678");
        assert_eq!(phone_formatted("0101234"), "010-123-4");
        assert_eq!(phone_formatted("010-12"), "010-12");
        assert_eq!(phone_formatted("010123456789"), "010-1234-5678");
        assert!(mobile_is_valid("01012345678"));
        assert!(!mobile_is_valid("0212345678"));
        assert!(mobile_is_valid("010-1234-5678"));
        assert!(!mobile_is_valid("02-123-4567"));
        assert_eq!(phone_masked("010-1234-5678"), "010-****-5678");
        assert_eq!(phone_masked("02-123-4567"), "02-***-4567");
    }
}
