//! What the bank answers when it refuses: one enum, each variant's `Display` the bank's Korean
//! message.

use serde::{Deserialize, Serialize};

use super::*;
use crate::format::won;

/// What the bank answers when it refuses a request. The `Display` text is the bank's message.
///
/// On the wire it is externally tagged (`"UnknownUser"`, `{"WrongPassword":{"remaining":4}}`):
/// the page reads that form with far less code than an internally tagged one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[non_exhaustive]
pub enum BankError {
    /// The ID is not registered.
    #[error("등록되지 않은 아이디입니다. 아이디를 다시 확인해 주세요.")]
    UnknownUser,
    /// The login password is wrong; the ID locks when `remaining` reaches zero.
    #[error("비밀번호가 일치하지 않습니다. {remaining}회 더 틀리면 아이디 사용이 제한됩니다.")]
    WrongPassword {
        /// Tries left before the ID locks.
        remaining: u8,
    },
    /// The ID is locked after too many wrong passwords.
    #[error(
        "비밀번호를 {n}회 연속 잘못 입력하여 아이디 사용이 제한되었습니다. \
         인증서로 로그인한 뒤 [아이디 비밀번호 재설정]에서 새 비밀번호를 정하면 해제됩니다. \
         (연습용 계정 안내의 [연습 데이터 초기화]로도 해제할 수 있습니다.)", n = LOGIN_ATTEMPTS
    )]
    UserLocked,
    /// 아이디 비밀번호 재설정 from a session not opened by certificate.
    #[error(
        "아이디 비밀번호 재설정은 공인인증서(브라우저인증서)로 로그인한 뒤에만 할 수 있습니다. 로그아웃한 뒤 인증서로 로그인해 주세요."
    )]
    CertificateLoginRequired,
    /// The session token is unknown or its time ran out.
    #[error("로그인 시간이 만료되었습니다. 다시 로그인해 주세요.")]
    SessionExpired,
    /// A wizard step was asked for before the steps it needs.
    #[error("{step}단계({title})를 먼저 완료해 주세요.")]
    OutOfOrder {
        /// The first unfinished step.
        step: u8,
        /// Its title.
        title: String,
    },
    /// Step 1 without both terms agreed.
    #[error("전자금융거래 기본약관과 전자금융서비스 이용약관에 모두 동의해 주세요.")]
    TermsNotAgreed,
    /// The resident registration number is malformed or fails its check digit.
    #[error("주민등록번호가 올바르지 않습니다. 13자리를 다시 확인해 주세요.")]
    InvalidRrn,
    /// The number is valid but not the logged-in customer's.
    #[error(
        "로그인하신 고객님의 주민등록번호와 일치하지 않습니다. {remaining}회 더 틀리면 인증서 발급이 제한됩니다."
    )]
    RrnMismatch {
        /// Tries left before step 1 locks.
        remaining: u8,
    },
    /// Step 1 is locked after too many numbers that were not the customer's.
    #[error(
        "주민등록번호를 {n}회 연속 잘못 입력하여 인증서 발급이 제한되었습니다. 연습용 계정 안내의 [연습 데이터 초기화]로 해제할 수 있습니다.", n = RRN_ATTEMPTS
    )]
    RrnLocked,
    /// A personal ID asked for a business wizard (기업용, 전자세금용).
    #[error(
        "기업용인증서와 전자세금용 인증서는 기업인터넷뱅킹 고객(사업자)만 발급받을 수 있습니다. 기업인터넷뱅킹 아이디로 로그인해 주세요. (연습용 계정: corp01)"
    )]
    NotBusinessCustomer,
    /// A business whose number is not registered at the bank (the manual's sentence).
    #[error(
        "개인사업자와 임의단체가 기업용인증서를 발급받으려면 모의은행 지점에서 사업자등록번호와 납세번호를 등록해야 합니다."
    )]
    BusinessNotRegistered,
    /// A business ID asked for the personal wizard.
    #[error(
        "기업인터넷뱅킹 아이디로는 개인용인증서를 발급받을 수 없습니다. [기업용인증서 발급]을 이용하시거나 개인인터넷뱅킹 아이디로 로그인해 주세요."
    )]
    PersonalForBusiness,
    /// The 사업자등록번호 is malformed or fails its check digit.
    #[error("사업자등록번호가 올바르지 않습니다. 10자리를 다시 확인해 주세요.")]
    InvalidBusinessNumber,
    /// The number is valid but not the logged-in business's.
    #[error(
        "로그인하신 기업의 사업자등록번호와 일치하지 않습니다. {remaining}회 더 틀리면 인증서 발급이 제한됩니다."
    )]
    BusinessNumberMismatch {
        /// Tries left before step 1 locks.
        remaining: u8,
    },
    /// Step 1 is locked after too many business numbers that were not the business's.
    #[error(
        "사업자등록번호를 {n}회 연속 잘못 입력하여 인증서 발급이 제한되었습니다. 연습용 계정 안내의 [연습 데이터 초기화]로 해제할 수 있습니다.", n = RRN_ATTEMPTS
    )]
    BusinessNumberLocked,
    /// 타행·타기관 등록 asked for by a business customer.
    #[error(
        "타행·타기관 인증서 등록은 개인인터넷뱅킹 고객의 개인용 범용 인증서만 할 수 있습니다. 기업 고객은 [기업용인증서 발급]을 이용해 주세요."
    )]
    RegistrationForPersons,
    /// No such 인증번호 (never shown, expired after 3 minutes, or already used).
    #[error(
        "인증번호가 만료되었거나 사용할 수 없는 번호입니다. 받는 쪽에서 새 인증번호를 받아 다시 입력해 주세요. (인증번호는 3분 동안, 한 번만 쓸 수 있습니다.)"
    )]
    RelayUnknown,
    /// A number whose first digits name a slot but which is not its number.
    #[error(
        "인증번호가 일치하지 않습니다. {remaining}회 더 틀리면 이 인증번호는 더 이상 쓸 수 없습니다."
    )]
    RelayWrongNumber {
        /// Tries left before the slot ends.
        remaining: u8,
    },
    /// The third wrong number ended the slot.
    #[error(
        "인증번호를 {n}회 잘못 입력하여 이 복사를 종료했습니다. 받는 쪽에서 새 인증번호를 받아 다시 시도해 주세요.", n = RELAY_ATTEMPTS
    )]
    RelayEnded,
    /// A certificate was already sent under this number.
    #[error("이 인증번호로는 이미 인증서를 보냈습니다. 받는 쪽에서 새 인증번호를 받아 주세요.")]
    RelayUsed,
    /// 타행·타기관 등록 while the customer's prior consent is withdrawn (미동의): a registered
    /// certificate logs in like one issued here.
    #[error(
        "인증서 발급에 동의하지 않으셔서(미동의) 타행·타기관 인증서 등록도 제한됩니다. 영업점에서 동의로 변경한 뒤 등록해 주세요."
    )]
    RegistrationWithoutConsent,
    /// Issuance or reissue while the customer's prior consent is withdrawn (미동의).
    #[error(
        "인증서 발급에 동의하지 않으셨습니다(미동의). 미동의 시 인증서 발급/재발급이 제한됩니다(영업점 내점시에만 인증서 발급 등의 변경 가능). 단, 동의하지 않으시더라도 유효한 공인인증서의 갱신은 가능합니다."
    )]
    ConsentWithdrawn,
    /// A kind that this wizard does not issue (a personal kind in the 기업용 wizard…).
    #[error("{menu}에서는 {kind} 인증서를 발급하지 않습니다.")]
    KindNotOffered {
        /// The wizard's title.
        menu: String,
        /// The kind's name.
        kind: String,
    },
    /// One of step 2's agreements is missing.
    #[error("{what}에 동의하셔야 인증서를 발급받을 수 있습니다.")]
    ConsentMissing {
        /// Which agreement.
        what: String,
    },
    /// The CA does not issue that kind of certificate here.
    #[error("{ca}에서는 {kind} 인증서를 발급하지 않습니다. 발급기관을 다시 선택해 주세요.")]
    CaNotOffered {
        /// The CA's name.
        ca: String,
        /// The kind's name.
        kind: String,
    },
    /// The ARS call was to a number not on record.
    #[error("등록된 전화번호 중에서 선택해 주세요.")]
    UnknownPhone,
    /// `전화승인완료` before the call was approved.
    #[error(
        "전화 승인이 완료되지 않았습니다. 전화를 받아 승인번호를 누른 뒤 [전화승인완료]를 눌러 주세요. 번호를 잘못 눌렀다면 [인증받기]로 다시 전화를 받으세요."
    )]
    ArsNotApproved,
    /// Step 3's `확인` before ARS or the departure check.
    #[error("추가 본인 인증(ARS 인증 또는 해외출국확인)을 먼저 완료해 주세요.")]
    IdentityNotConfirmed,
    /// No departure record for the customer.
    #[error(
        "출국 사실이 확인되지 않습니다. 해외에 체류 중인 고객만 이용할 수 있으니 ARS 인증을 이용해 주세요."
    )]
    NoDepartureRecord,
    /// The account is not the customer's.
    #[error("고객님 명의의 출금계좌를 선택해 주세요.")]
    UnknownAccount,
    /// Wrong account password.
    #[error(
        "계좌비밀번호가 일치하지 않습니다. {remaining}회 더 틀리면 계좌 비밀번호 사용이 제한됩니다."
    )]
    WrongAccountPassword {
        /// Tries left.
        remaining: u8,
    },
    /// The account password is locked.
    #[error(
        "계좌비밀번호를 {n}회 연속 잘못 입력하여 사용이 제한되었습니다. 연습용 계정 안내의 [연습 데이터 초기화]로 해제할 수 있습니다.", n = ACCOUNT_PASSWORD_ATTEMPTS
    )]
    AccountPasswordLocked,
    /// Wrong security-card answer.
    #[error(
        "보안카드 비밀번호가 일치하지 않습니다. {remaining}회 더 틀리면 보안카드 사용이 제한됩니다. 새로 요청한 번호를 입력해 주세요."
    )]
    WrongSecurityCard {
        /// Tries left.
        remaining: u8,
    },
    /// The security card is locked.
    #[error(
        "보안카드 비밀번호를 {n}회 연속 잘못 입력하여 보안카드 사용이 제한되었습니다. 연습용 계정 안내의 [연습 데이터 초기화]로 해제할 수 있습니다.", n = CARD_ATTEMPTS
    )]
    SecurityCardLocked,
    /// Wrong OTP code.
    #[error("OTP 비밀번호가 일치하지 않습니다. {remaining}회 더 틀리면 OTP 사용이 제한됩니다.")]
    WrongOtp {
        /// Tries left.
        remaining: u8,
    },
    /// The OTP is locked.
    #[error(
        "OTP 비밀번호를 {n}회 연속 잘못 입력하여 OTP 사용이 제한되었습니다. 연습용 계정 안내의 [연습 데이터 초기화]로 해제할 수 있습니다.", n = OTP_ATTEMPTS
    )]
    OtpLocked,
    /// An OTP code that was already used (each code passes once).
    #[error("이미 사용된 OTP 비밀번호입니다. OTP에 새 비밀번호가 표시되면 입력해 주세요.")]
    OtpReused,
    /// The balance cannot pay the fee.
    #[error("출금계좌의 잔액이 부족하여 인증서발급수수료를 출금할 수 없습니다. (잔액 {}, 수수료 {}) 계좌에 입금한 뒤 다시 시도해 주세요.", won(*.balance), won(*.fee))]
    InsufficientBalance {
        /// The balance in won.
        balance: u64,
        /// The fee in won.
        fee: u64,
    },
    /// A login challenge that is unknown, used or older than 120 seconds.
    #[error("로그인 요청 시간이 지났거나 이미 사용된 요청입니다. 다시 시도해 주세요.")]
    ChallengeExpired,
    /// The certificate cannot log in.
    #[error("인증서로 로그인할 수 없습니다. ({reason})")]
    CertificateRejected {
        /// Why, in Korean.
        reason: String,
    },
    /// The certificate cannot be used for what was asked (revoked, expired, not the customer's).
    #[error("이 인증서는 사용할 수 없습니다. ({reason})")]
    CertificateUnusable {
        /// Why, in Korean.
        reason: String,
    },
    /// Registration asked for before step 3's verification.
    #[error("추가 본인확인(ARS 인증과 계좌비밀번호, 보안카드 또는 OTP)을 먼저 완료해 주세요.")]
    VerificationRequired,
    /// Renewal asked for more than 30 days before expiry.
    #[error("인증서 갱신은 유효기간 만료 30일 전부터 가능합니다. {opens}부터 갱신해 주세요.")]
    RenewalNotOpen {
        /// The first day renewal is possible, `YYYY-MM-DD`.
        opens: String,
    },
    /// Issuance asked for outside 01:00~23:00 KST.
    #[error("인증서 발급 가능시간(01:00~23:00)이 아닙니다. 발급 가능시간에 다시 이용해 주세요.")]
    OutsideHours,
    /// The certificate request is unreadable, badly signed or its key too weak.
    #[error("인증서 발급 요청을 확인할 수 없습니다. ({detail})")]
    InvalidRequest {
        /// What is wrong, in Korean.
        detail: String,
    },
    /// The request names someone other than the customer.
    #[error("인증서 발급 요청의 사용자 정보가 고객님의 정보와 다릅니다.")]
    SubjectMismatch,
    /// The fee changed since step 4 (another tab revoked or issued a certificate): the
    /// customer confirms the new one at step 4.
    #[error("4단계에서 확인하신 수수료({})가 지금은 {}입니다. 4단계(수수료 출금예약내역 확인)에서 다시 확인해 주세요.", won(*.confirmed), won(*.now))]
    FeeChanged {
        /// What step 4 showed, in won.
        confirmed: u64,
        /// The fee now, in won.
        now: u64,
    },
    /// A step-5 field is missing or malformed.
    #[error("{message}")]
    InvalidDetails {
        /// The field's name in the form.
        field: String,
        /// What is wrong, in Korean.
        message: String,
    },
    /// The request could not be read or names no endpoint.
    #[error("잘못된 요청입니다. ({detail})")]
    BadRequest {
        /// What was wrong, for developers.
        detail: String,
    },
    /// The bank's stored records are damaged, tampered with or from a newer version; they were
    /// kept aside, not replaced, until the learner resets the practice data.
    #[error(
        "모의은행의 연습 기록을 읽을 수 없습니다 ({problem}). 기록은 지우지 않고 따로 보관해 두었습니다. 로그인 화면의 연습용 계정 안내에서 [연습 데이터 초기화]를 누르면 처음 상태로 다시 시작합니다."
    )]
    RecordsUnreadable {
        /// What is wrong, in Korean.
        problem: String,
    },
    /// The page's practice clock (`?clock=`) is more than about 5 years from real time;
    /// nothing was done or written.
    #[error(
        "연습 시계가 허용 범위(지금부터 앞뒤 5년)를 벗어났습니다. 주소의 ?clock= 날짜를 확인하거나, 주소 끝에 ?clock=now를 붙여 실제 시각으로 되돌려 주세요."
    )]
    PracticeClockOutOfRange,
    /// A texted code was not taken.
    #[error(transparent)]
    TextCode(#[from] TextCodeError),
    /// The cloud refused (a cloud request's answer; the bank itself never gives it).
    #[error(transparent)]
    Cloud(#[from] CloudError),
    /// The bank could not keep its records.
    #[error("은행 시스템 오류로 처리하지 못했습니다. 잠시 후 다시 시도해 주세요. ({detail})")]
    Internal {
        /// What failed, for developers.
        detail: String,
    },
}

/// The result of a bank call.
pub type BankResult<T> = Result<T, BankError>;

/// What 금융결제원's cloud ([`crate::mock_cloud`]) answers when it refuses, carried on the wire as
/// [`BankError::Cloud`]. The `Display` text is the cloud's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[non_exhaustive]
pub enum CloudError {
    /// The name and the number are not one subscriber's.
    #[error("이름과 휴대폰번호가 일치하지 않습니다. 본인 명의의 휴대폰번호를 입력해 주세요.")]
    NotSubscriber,
    /// The texted code was not taken.
    #[error(transparent)]
    TextCode(#[from] TextCodeError),
    /// The browser is not connected (or the connection ended).
    #[error(
        "이 기기는 금융결제원 클라우드에 연결되어 있지 않습니다. [클라우드 연결]을 먼저 해 주세요."
    )]
    NotConnected,
    /// The cloud keeps no 금융인증서 for the customer.
    #[error("클라우드에 보관된 금융인증서가 없습니다. 금융인증서를 먼저 발급해 주세요.")]
    NoCertificate,
    /// A new PIN the rules refuse: why.
    #[error("{0}")]
    PinRefused(String),
    /// The PIN is wrong; `wrong` in a row so far.
    #[error("PIN이 올바르지 않습니다. {wrong}회 틀렸습니다({n}회 틀리면 잠깁니다).", n = PIN_ATTEMPTS)]
    WrongPin {
        /// Wrong PINs in a row, this one included.
        wrong: u8,
    },
    /// Locked by wrong PINs until a reissue.
    #[error(
        "PIN을 {n}회 잘못 입력해 금융인증서가 잠겼습니다. 금융인증서를 재발급하면 다시 쓸 수 있습니다.",
        n = PIN_ATTEMPTS
    )]
    PinLocked,
    /// The certificate to issue names someone other than the customer connected.
    #[error(
        "클라우드에 연결된 분과 금융인증서를 발급받는 분이 다릅니다. 본인 이름과 휴대폰번호로 클라우드에 다시 연결해 주세요."
    )]
    OtherPerson,
    /// Issuance finished without a key waiting for it, or for another key or person.
    #[error(
        "클라우드에서 만든 키와 맞지 않는 인증서입니다. 금융인증서 발급을 처음부터 다시 해 주세요."
    )]
    NotEnrolled,
}
