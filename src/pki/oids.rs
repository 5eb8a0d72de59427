//! Every object identifier the PKI code names, in one place: where it is used is in its
//! module, what it is is here.

use der::oid::ObjectIdentifier;

// Korean NPKI (KISA).
/// npkiIdentifyData: the subjectAltName otherName binding a certificate to a person.
pub const NPKI_IDENTIFY_DATA: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.410.200004.10.1.1");
/// The VID inside npkiIdentifyData.
pub const NPKI_VID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.410.200004.10.1.1.1");
/// The private-key attribute carrying the random value R.
pub const NPKI_RANDOM_NUM: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.410.200004.10.1.1.3");
/// seedCBCWithSHA1: the classic NPKI key-file encryption.
pub const SEED_CBC_WITH_SHA1: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.410.200004.1.15");
/// seedCBC, as a PBES2 encryption scheme (parameters: the IV).
pub const SEED_CBC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.410.200004.1.4");

// Algorithms.
/// SHA-1 (read only: older files' MACs and key derivations).
pub const SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
/// SHA-256.
pub const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
/// rsaEncryption.
pub const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// sha256WithRSAEncryption.
pub const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
/// PBES2 (PKCS #5).
pub const PBES2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.13");
/// PBKDF2 (PKCS #5).
pub const PBKDF2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.12");
/// scrypt (RFC 7914).
pub const SCRYPT: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11591.4.11");
/// hmacWithSHA1.
pub const HMAC_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.2.7");
/// hmacWithSHA256.
pub const HMAC_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.2.9");

// X.500 and X.509.
/// commonName.
pub const CN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
/// organizationName.
pub const O: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
/// anyPolicy (RFC 5280 §4.2.1.4).
pub const ANY_POLICY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.32.0");
