//! The extensions a CA writes (basic constraints, key usage, key identifiers, the holder's
//! npkiIdentifyData with its VID) and what is read back from a certificate (its VID, its key,
//! its issuer's signature).

use super::*;
use crate::pki::oids::ANY_POLICY;

pub(super) fn ca_extensions(
    spki: &SubjectPublicKeyInfoOwned,
    issuer_spki: &SubjectPublicKeyInfoOwned,
) -> Result<Vec<Extension>> {
    Ok([
        extension(
            BasicConstraints::OID,
            true,
            &BasicConstraints {
                ca: true,
                path_len_constraint: None,
            },
        )?,
        extension(
            KeyUsage::OID,
            true,
            &KeyUsage(KeyUsages::KeyCertSign | KeyUsages::CRLSign | KeyUsages::DigitalSignature),
        )?,
        // As a real Korean CA certificate has: without policies, a path validated with
        // `-explicit_policy` ends at the CA.
        extension(
            CertificatePolicies::OID,
            false,
            &CertificatePolicies(vec![PolicyInformation {
                policy_identifier: ANY_POLICY,
                policy_qualifiers: None,
            }]),
        )?,
    ]
    .into_iter()
    .chain(key_identifiers(spki, issuer_spki)?)
    .collect())
}

/// The authority key identifier (SHA-1 of the issuer's public key), for certificates and CRLs.
pub(super) fn authority_key_id(issuer_spki: &SubjectPublicKeyInfoOwned) -> Result<Extension> {
    extension(
        AuthorityKeyIdentifier::OID,
        false,
        &AuthorityKeyIdentifier {
            key_identifier: Some(key_id(issuer_spki)?),
            authority_cert_issuer: None,
            authority_cert_serial_number: None,
        },
    )
}

/// The authority and subject key identifiers (SHA-1 of each public key).
pub(super) fn key_identifiers(
    spki: &SubjectPublicKeyInfoOwned,
    issuer_spki: &SubjectPublicKeyInfoOwned,
) -> Result<[Extension; 2]> {
    Ok([
        authority_key_id(issuer_spki)?,
        extension(
            SubjectKeyIdentifier::OID,
            false,
            &SubjectKeyIdentifier(key_id(spki)?),
        )?,
    ])
}

/// VID ::= SEQUENCE { hashAlg AlgorithmIdentifier, virtualID [0] EXPLICIT OCTET STRING }
/// (KCAC.TS.SIVID, as real yessign certificates carry it).
#[derive(der::Sequence)]
struct Vid {
    hash_alg: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    virtual_id: OctetString,
}

/// UserInfo ::= SEQUENCE { identifyDataType OBJECT IDENTIFIER, identifyData VID }.
#[derive(der::Sequence)]
struct UserInfo {
    identify_data_type: ObjectIdentifier,
    identify_data: Vid,
}

/// The layout this center wrote before it followed KCAC.TS.SIVID (the OID after the VID, the
/// `[0]` on the algorithm): still read, so that certificates kept in browsers keep logging in.
#[derive(der::Sequence)]
struct LegacyVid {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    hash_alg: Option<AlgorithmIdentifierOwned>,
    virtual_id: OctetString,
}

#[derive(der::Sequence)]
struct LegacyUserInfo {
    vid: LegacyVid,
    identify_data_type: ObjectIdentifier,
}

/// npkiIdentifyData: SEQUENCE { realName UTF8String, userInfos SEQUENCE OF UserInfo }.
pub(super) fn identify_data(holder: &Holder) -> Result<Any> {
    #[derive(der::Sequence)]
    struct IdentifyData<'a> {
        real_name: Utf8StringRef<'a>,
        user_infos: Vec<UserInfo>,
    }
    let data = IdentifyData {
        real_name: Utf8StringRef::new(&holder.real_name)?,
        user_infos: vec![UserInfo {
            identify_data_type: NPKI_VID,
            identify_data: Vid {
                hash_alg: AlgorithmIdentifierOwned {
                    oid: SHA256,
                    parameters: None,
                },
                virtual_id: OctetString::new(holder.vid.to_vec())?,
            },
        }],
    };
    Ok(Any::from_der(&data.to_der()?)?)
}

/// The real name and VID of npkiIdentifyData's DER, in the standard's layout or our old one.
pub fn identify_data_vid(der: &[u8]) -> Option<(String, Vec<u8>)> {
    #[derive(der::Sequence)]
    struct Standard {
        real_name: String,
        user_infos: Vec<UserInfo>,
    }
    #[derive(der::Sequence)]
    struct Legacy {
        real_name: String,
        user_infos: Vec<LegacyUserInfo>,
    }
    if let Ok(data) = Standard::from_der(der) {
        let info = data
            .user_infos
            .iter()
            .find(|i| i.identify_data_type == NPKI_VID)?;
        return Some((
            data.real_name,
            info.identify_data.virtual_id.as_bytes().to_vec(),
        ));
    }
    let data = Legacy::from_der(der).ok()?;
    let info = data
        .user_infos
        .iter()
        .find(|i| i.identify_data_type == NPKI_VID)?;
    Some((data.real_name, info.vid.virtual_id.as_bytes().to_vec()))
}

/// The VID a certificate carries, if it has npkiIdentifyData.
pub fn certificate_vid(certificate: &Certificate) -> Option<(String, Vec<u8>)> {
    let extensions = certificate.tbs_certificate().extensions()?;
    let san = extensions
        .iter()
        .find(|e| e.extn_id == SubjectAltName::OID)?;
    let names = SubjectAltName::from_der(san.extn_value.as_bytes()).ok()?;
    names.0.iter().find_map(|name| match name {
        GeneralName::OtherName(other) if other.type_id == NPKI_IDENTIFY_DATA => {
            identify_data_vid(&other.value.to_der().ok()?)
        }
        _ => None,
    })
}

/// The RSA public key a certificate certifies.
pub fn certificate_key(certificate: &Certificate) -> Result<PublicKey> {
    PublicKey::from_public_key_der(
        &certificate
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()?,
    )
    .map_err(|e| PkiError::Invalid(format!("not an RSA certificate: {e}")))
}

/// Whether `certificate` carries a valid signature by `issuer`'s key.
pub fn signed_by(certificate: &Certificate, issuer: &Certificate) -> bool {
    let check = || -> Result<()> {
        let key = PublicKey::from_public_key_der(
            &issuer
                .tbs_certificate()
                .subject_public_key_info()
                .to_der()?,
        )
        .map_err(|e| PkiError::Invalid(e.to_string()))?;
        let signature = Signature::try_from(certificate.signature().raw_bytes())
            .map_err(|_| PkiError::BadSignature)?;
        VerifyingKey::<Sha256>::new(key)
            .verify(&certificate.tbs_certificate().to_der()?, &signature)
            .map_err(|_| PkiError::BadSignature)
    };
    check().is_ok()
}
