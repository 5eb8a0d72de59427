//! The copy relay's slots (see [`crate::bank::api::RELAY_SECS`]).

use serde::{Deserialize, Serialize};

use super::BankState;
use crate::bank::api::*;
use crate::bank::clock::Millis;

/// An open slot.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct RelayRecord {
    slot: String,
    verifier_salt: String,
    verifier: String,
    pub(super) expires_at: Millis,
    wrong: u8,
    /// The sealed package, once sent.
    package: Option<String>,
}

/// Four digits.
fn check_slot(slot: &str) -> BankResult<()> {
    if slot.len() == 4 && slot.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(BankError::RelayUnknown)
    }
}

impl BankState {
    pub(super) fn relay_open(&mut self, now: Millis, r: RelayOpen) -> BankResult<RelaySlot> {
        check_slot(&r.slot)?;
        if self.relays.iter().any(|s| s.slot == r.slot) {
            return Err(BankError::RelaySlotTaken);
        }
        self.relays.push(RelayRecord {
            slot: r.slot,
            verifier_salt: r.verifier_salt,
            verifier: r.verifier,
            expires_at: now + Millis::from(RELAY_SECS) * 1000,
            wrong: 0,
            package: None,
        });
        Ok(RelaySlot {
            expires_in_secs: RELAY_SECS,
        })
    }

    fn relay(&mut self, slot: &str) -> BankResult<usize> {
        self.relays
            .iter()
            .position(|s| s.slot == slot)
            .ok_or(BankError::RelayUnknown)
    }

    pub(super) fn relay_salt(&mut self, r: RelaySalt) -> BankResult<String> {
        let i = self.relay(&r.slot)?;
        Ok(self.relays[i].verifier_salt.clone())
    }

    pub(super) fn relay_send(&mut self, r: RelaySend) -> BankResult<()> {
        let i = self.relay(&r.slot)?;
        let slot = &mut self.relays[i];
        if slot.verifier != r.verifier {
            slot.wrong += 1;
            let remaining = RELAY_ATTEMPTS.saturating_sub(slot.wrong);
            if remaining == 0 {
                self.relays.remove(i);
                return Err(BankError::RelayEnded);
            }
            return Err(BankError::RelayWrongNumber { remaining });
        }
        if slot.package.is_some() {
            return Err(BankError::RelayUsed);
        }
        slot.package = Some(r.package);
        Ok(())
    }

    pub(super) fn relay_fetch(&mut self, r: RelayFetch) -> BankResult<Option<String>> {
        let i = self.relay(&r.slot)?;
        if self.relays[i].verifier != r.verifier {
            return Err(BankError::RelayUnknown);
        }
        // Handed over once: the slot is gone with it.
        Ok(match self.relays[i].package.is_some() {
            true => self.relays.remove(i).package,
            false => None,
        })
    }
}
