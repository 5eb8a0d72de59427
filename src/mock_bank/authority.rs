//! The mock CAs' keystore: the root and one issuing CA per organisation, made the first time
//! they are needed and kept in the bank's records.

use serde::{Deserialize, Serialize};

use super::BankState;
use super::wire::*;
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::pki::{self, ca::Authority};
use der::Encode;

/// A mock CA's key and certificate, made once and kept in the bank's records.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct StoredAuthority {
    /// `root`, or the CA's organisation name.
    pub(super) id: String,
    /// PKCS#8 DER, base64.
    pub(super) key: String,
    /// DER, base64.
    pub(super) certificate: String,
}

impl BankState {
    /// The root and `ca`'s issuing authority, made the first time they are needed.
    pub(super) fn authorities(
        &mut self,
        ca: Ca,
        now: Millis,
    ) -> BankResult<(Authority, Authority)> {
        let root = self.root(now)?;
        let id = pki::profile::ca_org(ca);
        let issuing = match self.stored_authority(id)? {
            Some(issuing) => issuing,
            None => {
                let issuing = root.new_issuing(ca, now).map_err(internal)?;
                self.store_authority(id, &issuing)?;
                issuing
            }
        };
        Ok((root, issuing))
    }

    pub(super) fn stored_authority(&self, id: &str) -> BankResult<Option<Authority>> {
        self.authorities
            .iter()
            .find(|a| a.id == id)
            .map(|a| {
                Authority::from_der(&unbase64(&a.key)?, &unbase64(&a.certificate)?)
                    .map_err(internal)
            })
            .transpose()
    }

    pub(super) fn store_authority(&mut self, id: &str, authority: &Authority) -> BankResult<()> {
        self.authorities.push(StoredAuthority {
            id: id.to_owned(),
            key: base64(&authority.key_der().map_err(internal)?),
            certificate: base64(&authority.certificate.to_der().map_err(internal)?),
        });
        Ok(())
    }

    /// The mock root, made the first time it is needed.
    pub(super) fn root(&mut self, now: Millis) -> BankResult<Authority> {
        if let Some(root) = self.stored_authority("root")? {
            return Ok(root);
        }
        let root = Authority::new_root(now).map_err(internal)?;
        self.store_authority("root", &root)?;
        Ok(root)
    }

    pub(super) fn root_certificate(&mut self, now: Millis) -> BankResult<String> {
        Ok(base64(
            &self.root(now)?.certificate.to_der().map_err(internal)?,
        ))
    }
}
