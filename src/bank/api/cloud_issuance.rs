//! 금융인증서 발급/재발급 at the bank (issue #24): the bank's part of the issuance, in the same
//! session issuance as the wizards ([`IssueMenu::Cloud`]). The customer agrees to 금융결제원's
//! terms, proves who they are (a code texted to their phone, then step 3's account, password
//! and security card or OTP), and the bank names the subject ([`PrepareIssuance`]) and issues
//! for the cloud's request ([`IssueCertificate`]). The key and the PIN are the cloud's.

use serde::{Deserialize, Serialize};

use super::{Endpoint, SessionToken};
use crate::wizard::Progress;

request! {
    /// 약관동의: 금융결제원 이용약관 and 개인정보 제3자 제공 동의. Takes the issuance to 본인확인.
    AgreeCloudTerms => Progress, "issuance/cloud/terms" {
        /// The login session.
        token: SessionToken,
        /// 금융결제원 이용약관 agreed.
        cloud_terms: bool,
        /// 개인정보 제3자 제공 동의.
        third_party: bool,
    }
}

request! {
    /// 휴대폰 본인확인: the bank texts a code to one of the customer's mobile numbers.
    StartText => TextMessage, "issuance/text/start" {
        /// The login session.
        token: SessionToken,
        /// The index of the number in [`super::Verification::phones`].
        phone: usize,
    }
}

request! {
    /// The code of the text, as typed: confirms the customer's identity for step 3.
    ConfirmText => (), "issuance/text/confirm" {
        /// The login session.
        token: SessionToken,
        /// The six digits.
        code: String,
    }
}

/// A text message as the customer's phone shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextMessage {
    /// The number it went to, masked.
    pub to: String,
    /// The message.
    pub body: String,
}

/// Why a texted code was not taken. `Display` is what the customer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TextCodeError {
    /// No code was sent, or its time or tries ran out.
    #[error("인증번호가 만료되었습니다. 인증번호를 다시 받아 주세요.")]
    Expired,
    /// The code is wrong.
    #[error("인증번호가 일치하지 않습니다. {remaining}회 더 틀리면 인증번호를 다시 받아야 합니다.")]
    Wrong {
        /// Tries left for this code.
        remaining: u8,
    },
}
