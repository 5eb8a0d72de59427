//! The copy relay's slots (see [`crate::bank::api::RelayOpen`]).

use serde::{Deserialize, Serialize};

use super::{BankState, Now, random_token};
use crate::bank::api::*;
use crate::bank::clock::Millis;

/// An open slot.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct RelayRecord {
    slot: String,
    /// The customer whose login opened it.
    #[serde(default)]
    user_id: String,
    verifier_salt: String,
    verifier: String,
    pub(super) expires_at: Millis,
    wrong: u8,
    /// The receiver's nonce, which the sender signs with the package.
    #[serde(default)]
    nonce: String,
    /// The sealed package, once sent.
    package: Option<String>,
}

/// A field of at most `max` bytes: nobody fills the bank's records through the relay.
fn capped(what: &str, text: &str, max: usize) -> BankResult<()> {
    if text.len() <= max {
        Ok(())
    } else {
        Err(BankError::BadRequest {
            detail: format!("{what} longer than {max} bytes"),
        })
    }
}

/// The longest salt, verifier, nonce or slot ID in text (they are 16 or 32 bytes).
const MAX_SMALL_FIELD: usize = 64;
/// The longest package in base64.
const MAX_PACKAGE: usize = crate::pki::phone_copy::MAX_SEALED.div_ceil(3) * 4;

impl BankState {
    pub(super) fn relay_open(&mut self, now: Millis, r: RelayOpen) -> BankResult<RelaySlot> {
        capped("verifier_salt", &r.verifier_salt, MAX_SMALL_FIELD)?;
        capped("verifier", &r.verifier, MAX_SMALL_FIELD)?;
        capped("nonce", &r.nonce, MAX_SMALL_FIELD)?;
        let user_id = self.session_user(&r.token)?.user_id;
        // One open slot a customer: a new number ends the one shown before.
        self.relays.retain(|s| s.user_id != user_id);
        let slot = random_token()?;
        self.relays.push(RelayRecord {
            slot: slot.clone(),
            user_id: user_id.to_owned(),
            verifier_salt: r.verifier_salt,
            verifier: r.verifier,
            expires_at: now + Millis::from(RELAY_SECS) * 1000,
            wrong: 0,
            nonce: r.nonce,
            package: None,
        });
        Ok(RelaySlot {
            slot,
            expires_in_secs: RELAY_SECS,
        })
    }

    fn relay(&mut self, slot: &str) -> BankResult<usize> {
        self.relays
            .iter()
            .position(|s| s.slot == slot)
            .ok_or(BankError::RelayUnknown)
    }

    /// The slot of the customer whose certificate the proof shows.
    pub(super) fn relay_find(
        &mut self,
        now: Now,
        origin: &str,
        r: RelayFind,
    ) -> BankResult<RelayTarget> {
        let index = self.verify_proof_for_use(now, origin, RELAY, &r.proof)?;
        let user_id = self.certificates[index].user_id.clone();
        let slot = self
            .relays
            .iter()
            .find(|s| s.user_id == user_id)
            .ok_or(BankError::RelayUnknown)?;
        Ok(RelayTarget {
            slot: slot.slot.clone(),
            verifier_salt: slot.verifier_salt.clone(),
            nonce: slot.nonce.clone(),
        })
    }

    /// Checks a verifier against slot `i`'s: a wrong one counts, and the last allowed ends the
    /// slot, whichever side sent it (a receiver's fetch as much as a sender's send).
    fn relay_check(&mut self, i: usize, verifier: &str) -> BankResult<()> {
        let slot = &mut self.relays[i];
        if slot.verifier == verifier {
            return Ok(());
        }
        slot.wrong += 1;
        let remaining = RELAY_ATTEMPTS.saturating_sub(slot.wrong);
        if remaining == 0 {
            self.relays.remove(i);
            return Err(BankError::RelayEnded);
        }
        Err(BankError::RelayWrongNumber { remaining })
    }

    pub(super) fn relay_send(&mut self, r: RelaySend) -> BankResult<()> {
        capped("verifier", &r.verifier, MAX_SMALL_FIELD)?;
        capped("package", &r.package, MAX_PACKAGE)?;
        let i = self.relay(&r.slot)?;
        self.relay_check(i, &r.verifier)?;
        let slot = &mut self.relays[i];
        if slot.package.is_some() {
            return Err(BankError::RelayUsed);
        }
        slot.package = Some(r.package);
        Ok(())
    }

    pub(super) fn relay_fetch(&mut self, r: RelayFetch) -> BankResult<Option<String>> {
        capped("verifier", &r.verifier, MAX_SMALL_FIELD)?;
        let user_id = self.session_user(&r.token)?.user_id;
        let i = self.relay(&r.slot)?;
        if self.relays[i].user_id != user_id {
            return Err(BankError::RelayUnknown);
        }
        self.relay_check(i, &r.verifier)?;
        // Handed over once: the slot is gone with it.
        Ok(match self.relays[i].package.is_some() {
            true => self.relays.remove(i).package,
            false => None,
        })
    }
}
