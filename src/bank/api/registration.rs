//! 타행·타기관 인증서 등록/해제: a general-purpose certificate issued by another institution is
//! registered to the customer after the ID login and step 3's additional verification, the bank
//! checking its VID against the customer; 해제 removes it. And, for practice, 모의증권: another
//! institution on the same mock CAs that issues such a certificate.

use serde::{Deserialize, Serialize};

use super::{CertificateProof, CertificateView, Endpoint, IssuedCertificate, SessionToken};

/// The purpose a registration signs.
pub const REGISTER: &str = "register";
/// The code the practice institution puts in its certificates' subjects (`ou=`).
pub const OTHER_INSTITUTION_CODE: &str = "MSC";
/// Its name on screen.
pub const OTHER_INSTITUTION: &str = "모의증권";

/// Begins a registration: step 3's verification (ARS, then the account password and the
/// security card or OTP) runs next through the same endpoints as the wizard's.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StartRegistration {
    /// The login session.
    pub token: SessionToken,
}

impl Endpoint for StartRegistration {
    const NAME: &'static str = "registration/start";
    type Response = ();
}

/// Registers another institution's certificate, proven with its key (its password).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RegisterCertificate {
    /// The login session, verified since [`StartRegistration`].
    pub token: SessionToken,
    /// The certificate and a signature for [`REGISTER`].
    pub proof: CertificateProof,
}

impl Endpoint for RegisterCertificate {
    const NAME: &'static str = "registration/register";
    type Response = CertificateView;
}

/// 해제: forgets a registered certificate; it no longer logs in here.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnregisterCertificate {
    /// The login session.
    pub token: SessionToken,
    /// The registered certificate's serial number, as listed.
    pub serial: String,
}

impl Endpoint for UnregisterCertificate {
    const NAME: &'static str = "registration/unregister";
    type Response = ();
}

/// 모의증권 issues the logged-in customer a general-purpose certificate (free, practice only)
/// for the key of `csr`; this bank does not record it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IssueElsewhere {
    /// The login session (the practice institution trusts this bank's identification).
    pub token: SessionToken,
    /// A PKCS#10 request, DER in base64; only its key is used.
    pub csr: String,
    /// R, base64.
    pub random: String,
}

impl Endpoint for IssueElsewhere {
    const NAME: &'static str = "elsewhere/issue";
    type Response = IssuedCertificate;
}
