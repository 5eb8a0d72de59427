//! 타행·타기관 인증서 등록/해제: a general-purpose certificate issued by another institution is
//! registered to the customer after the ID login and step 3's additional verification, the bank
//! checking its VID against the customer; 해제 removes it. And, for practice, 모의증권: another
//! institution on the same mock CAs that issues such a certificate.

use super::{CertificateProof, CertificateView, Endpoint, IssuedCertificate, SessionToken};

/// The purpose a registration signs.
pub const REGISTER: &str = "register";
/// The code the practice institution puts in its certificates' subjects (`ou=`).
pub const OTHER_INSTITUTION_CODE: &str = "MSC";
/// Its name on screen.
pub const OTHER_INSTITUTION: &str = "모의증권";

request! {
    /// Begins a registration: step 3's verification (ARS, then the account password and the
    /// security card or OTP) runs next through the same endpoints as the wizard's.
    StartRegistration => (), "registration/start" {
        /// The login session.
        token: SessionToken,
    }
}

request! {
    /// Registers another institution's certificate, proven with its key (its password).
    RegisterCertificate => CertificateView, "registration/register" {
        /// The login session, verified since [`StartRegistration`].
        token: SessionToken,
        /// The certificate and a signature for [`REGISTER`].
        proof: CertificateProof,
    }
}

request! {
    /// 해제: forgets a registered certificate; it no longer logs in here.
    UnregisterCertificate => (), "registration/unregister" {
        /// The login session.
        token: SessionToken,
        /// The registered certificate's serial number, as listed.
        serial: String,
    }
}

request! {
    /// 모의증권 issues the logged-in customer a general-purpose certificate (free, practice only)
    /// for the key of `csr`; this bank does not record it.
    IssueElsewhere => IssuedCertificate, "elsewhere/issue" {
        /// The login session (the practice institution trusts this bank's identification).
        token: SessionToken,
        /// A PKCS#10 request, DER in base64; only its key is used.
        csr: String,
        /// R, base64.
        random: String,
    }
}
