//! The issuance wizard's requests (manual STEP 08–13). Every request carries the login session's
//! token; the bank keeps one issuance per session and refuses a step whose predecessors it has
//! not seen completed.

use serde::{Deserialize, Serialize};

use super::{Endpoint, SessionToken};
pub use crate::pki::profile::{Ca, CertKind, IssueMenu};
use crate::wizard::Progress;

/// Where the issuance stands, as the bank records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuanceStatus {
    /// The wizard this issuance is in.
    #[serde(default)]
    pub menu: IssueMenu,
    /// The steps completed.
    pub progress: Progress,
    /// The kind chosen at step 2.
    pub kind: Option<CertKind>,
    /// The CA chosen at step 2.
    pub ca: Option<Ca>,
}

request! {
    /// Asks where the session's issuance in `menu` stands, starting one if there is none (an
    /// issuance in another wizard is dropped). A customer the wizard is not for is refused.
    GetIssuance => IssuanceStatus, "issuance/status" {
        /// The login session.
        token: SessionToken,
        /// The wizard.
        #[serde(default)]
        menu: IssueMenu,
    }
}

request! {
    /// `취소`: drops the session's issuance.
    CancelIssuance => (), "issuance/cancel" {
        /// The login session.
        token: SessionToken,
    }
}

request! {
    /// Step 1: the two terms and the customer's number.
    AgreeTerms => Progress, "issuance/terms" {
        /// The login session.
        token: SessionToken,
        /// 전자금융거래 기본약관 agreed.
        basic_terms: bool,
        /// 전자금융서비스 이용약관 agreed.
        service_terms: bool,
        /// As typed: the resident registration number, or in a business wizard the
        /// 사업자등록번호.
        id_number: String,
    }
}

request! {
    /// Step 2's table: which CAs (of the kind whose CA the customer picks: 범용, or 전자세금용)
    /// already issued this customer a valid certificate here.
    GetTargets => Targets, "issuance/targets" {
        /// The login session.
        token: SessionToken,
    }
}

/// The `범용인증서 발급내용` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Targets {
    /// Each CA and whether it has issued (`발급`) or not (`미발급`).
    pub by_ca: Vec<(Ca, bool)>,
}

request! {
    /// Step 2: the certificate chosen and the three agreements.
    ChooseCertificate => Progress, "issuance/target" {
        /// The login session.
        token: SessionToken,
        /// The kind.
        kind: CertKind,
        /// The CA.
        ca: Ca,
        /// The CA's terms of service agreed.
        ca_terms: bool,
        /// Third-party provision of personal data agreed.
        third_party: bool,
        /// 공인인증서 발급에 대한 사전동의 agreed.
        prior_consent: bool,
    }
}

request! {
    /// Step 3's form: what the bank has on record for the additional verification.
    GetVerification => Verification, "issuance/verification" {
        /// The login session.
        token: SessionToken,
    }
}

/// The second factor the bank asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecondFactorPrompt {
    /// Security card: the serial's letter and two code numbers chosen at random.
    Card {
        /// The serial's letter, e.g. `A`.
        serial_prefix: String,
        /// The code whose first two digits are asked.
        first: u8,
        /// The code whose last two digits are asked.
        second: u8,
        /// Wrong answers left before the card locks.
        tries_left: u8,
    },
    /// OTP.
    Otp {
        /// Wrong codes left before the OTP locks.
        tries_left: u8,
    },
}

/// What step 3 shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    /// Registered phone numbers, masked.
    pub phones: Vec<String>,
    /// The customer's withdrawal accounts.
    pub accounts: Vec<String>,
    /// Wrong account passwords left before it locks.
    pub account_tries_left: u8,
    /// Whether ARS (or the departure check) is already done.
    pub identity_confirmed: bool,
    /// The second factor asked for.
    pub second_factor: SecondFactorPrompt,
}

request! {
    /// `ARS 인증` → `확인`: the bank calls the chosen number.
    StartArs => ArsCall, "issuance/ars/start" {
        /// The login session.
        token: SessionToken,
        /// The index of the number in [`Verification::phones`].
        phone: usize,
    }
}

/// The call the bank placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArsCall {
    /// The masked number called.
    pub phone: String,
    /// The 2-digit approval number to key into the phone.
    pub approval_number: String,
}

request! {
    /// What the customer keyed into the ringing phone (the phone network's side of the call).
    AnswerArs => ArsAnswer, "issuance/ars/answer" {
        /// The login session whose call this is.
        token: SessionToken,
        /// The digits keyed.
        keyed: String,
    }
}

/// What the ARS voice says back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArsAnswer {
    /// Whether the number matched and the call is approved.
    pub approved: bool,
}

request! {
    /// `전화승인완료`: asks whether the call was approved.
    ConfirmArs => (), "issuance/ars/confirm" {
        /// The login session.
        token: SessionToken,
    }
}

request! {
    /// `해외출국확인`: asks the immigration record instead of calling.
    CheckDeparture => (), "issuance/departure" {
        /// The login session.
        token: SessionToken,
    }
}

/// The second-factor answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum SecondFactorAnswer {
    /// Security card: the first two digits of code `first` and the last two of code `second`.
    Card {
        /// First two digits of the first code asked.
        first_two: String,
        /// Last two digits of the second code asked.
        last_two: String,
    },
    /// The OTP's current code.
    Otp {
        /// Six digits.
        code: String,
    },
}

request! {
    /// Step 3's `확인`: account, its password and the second factor.
    VerifyAccount => Progress, "issuance/verify" {
        /// The login session.
        token: SessionToken,
        /// The withdrawal account.
        account: String,
        /// Its 4-digit password.
        account_password: String,
        /// The second factor.
        answer: SecondFactorAnswer,
    }
}

request! {
    /// Step 4's table.
    GetFee => FeeQuote, "issuance/fee" {
        /// The login session.
        token: SessionToken,
    }
}

/// The fee withdrawal to be booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeQuote {
    /// The certificate's kind.
    pub kind: CertKind,
    /// The account the fee comes from.
    pub account: String,
    /// The fee in won.
    pub fee: u64,
    /// Whether this replaces a valid certificate of the same CA (재발급): the old one is revoked,
    /// the new one keeps its expiry and costs nothing.
    #[serde(default)]
    pub reissue: bool,
}

request! {
    /// Step 4's `확인`: the bank checks the balance now; nothing is withdrawn yet.
    ConfirmFee => Progress, "issuance/fee/confirm" {
        /// The login session.
        token: SessionToken,
    }
}

request! {
    /// `은행정보 불러오기`: the names on record.
    GetBankName => BankNames, "issuance/name" {
        /// The login session.
        token: SessionToken,
    }
}

/// The names step 5 takes from the bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankNames {
    /// The customer's real name, or a business's company name.
    pub name: String,
    /// A business's representative (대표자); empty for a person.
    pub representative: String,
}

/// What step 5 collects for the certificate (not for the bank's customer record).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDetails {
    /// 고객명 (a business's: 상호(법인명)).
    pub name: String,
    /// 대표자명, for a business certificate; empty otherwise.
    #[serde(default)]
    pub representative: String,
    /// 영문명, upper-case letters and spaces.
    pub english_name: String,
    /// e메일 (optional).
    pub email: String,
    /// 우편번호.
    pub zip: String,
    /// 주소 (from the postcode search).
    pub address: String,
    /// 상세주소.
    pub address_detail: String,
    /// 전화번호.
    pub phone: String,
    /// 핸드폰번호 (optional).
    pub mobile: String,
}

request! {
    /// Step 5's submission.
    SubmitDetails => Progress, "issuance/details" {
        /// The login session.
        token: SessionToken,
        /// The details.
        details: CustomerDetails,
    }
}

request! {
    /// Step 6 → 7: asks which subject the certificate request must carry.
    PrepareIssuance => IssuanceTicket, "issuance/prepare" {
        /// The login session.
        token: SessionToken,
    }
}

/// What the request must name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuanceTicket {
    /// The subject DN (RFC 4514) the CA will issue to.
    pub subject: String,
    /// The CA.
    pub ca: Ca,
    /// The kind.
    pub kind: CertKind,
}

request! {
    /// The certificate request (PKCS#10 DER, base64) and the random value R (20 bytes, base64) whose
    /// VID the certificate will carry.
    IssueCertificate => IssuedCertificate, "issuance/issue" {
        /// The login session.
        token: SessionToken,
        /// The PKCS#10 request, DER in base64.
        csr: String,
        /// R, base64.
        random: String,
    }
}

/// The issued certificate and its chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCertificate {
    /// The certificate, DER in base64.
    pub certificate: String,
    /// The issuing CA's and the root's certificates, DER in base64.
    pub chain: Vec<String>,
    /// The fee withdrawn, in won.
    pub fee: u64,
}

request! {
    /// The mock root CA's certificate, for the customer to inspect or install; the answer is
    /// its DER in base64.
    GetRootCertificate => String, "root";
}
