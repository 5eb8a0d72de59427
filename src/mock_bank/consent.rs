//! 인증서발급 동의여부: the prior consent on the customer's record, read and changed.

use serde::{Deserialize, Serialize};

use super::BankState;
use super::attempts::Attempts;
use super::registry::kst_date;
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::rules;

/// The consent as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct StoredConsent {
    pub(super) agreed: bool,
    pub(super) at: Millis,
    pub(super) channel: ConsentChannel,
}

impl StoredConsent {
    fn view(this: Option<Self>) -> BankResult<ConsentView> {
        Ok(match this {
            Some(c) => ConsentView {
                agreed: Some(c.agreed),
                recorded_on: Some(kst_date(c.at)?),
                channel: Some(c.channel),
            },
            None => ConsentView {
                agreed: None,
                recorded_on: None,
                channel: None,
            },
        })
    }
}

/// Refuses issuance while the recorded consent is 미동의.
pub(super) fn check_consent(consent: Option<StoredConsent>) -> BankResult<()> {
    match consent {
        Some(StoredConsent { agreed: false, .. }) => Err(BankError::ConsentWithdrawn),
        _ => Ok(()),
    }
}

impl BankState {
    fn set_consent(
        &mut self,
        token: &SessionToken,
        now: Millis,
        agreed: bool,
        channel: ConsentChannel,
    ) -> BankResult<ConsentView> {
        let cx = self.context(token)?;
        let consent = StoredConsent {
            agreed,
            at: now,
            channel,
        };
        cx.record.consent = Some(consent);
        StoredConsent::view(Some(consent))
    }

    pub(super) fn consent(&mut self, r: GetConsent) -> BankResult<ConsentView> {
        StoredConsent::view(self.context(&r.token)?.record.consent)
    }

    /// 동의 → 미동의 online; withdrawing what is already withdrawn changes nothing.
    pub(super) fn withdraw_consent(
        &mut self,
        now: Millis,
        r: WithdrawConsent,
    ) -> BankResult<ConsentView> {
        match self.context(&r.token)?.record.consent {
            Some(c) if !c.agreed => StoredConsent::view(Some(c)),
            _ => self.set_consent(&r.token, now, false, ConsentChannel::Online),
        }
    }

    /// At the branch the clerk checks the ID card (its 주민등록번호) and the customer keys the
    /// account password on the PIN pad: what someone holding only the ID password lacks. Each
    /// counts toward its own lock, as in the wizard.
    pub(super) fn consent_at_branch(
        &mut self,
        now: Millis,
        r: ConsentAtBranch,
    ) -> BankResult<ConsentView> {
        let cx = self.context(&r.token)?;
        Attempts::Rrn.record(
            &mut cx.record.rrn_failures,
            rules::rrn_matches(&r.rrn, cx.customer.rrn),
        )?;
        Attempts::AccountPassword.record(
            &mut cx.record.account_password_failures,
            r.account_password == cx.customer.account_password,
        )?;
        self.set_consent(&r.token, now, true, ConsentChannel::Branch)
    }

    /// Refuses 타행·타기관 등록 while `user_id`'s consent is withdrawn: a registered certificate
    /// logs in like one issued here.
    pub(super) fn check_registration_consent(&self, user_id: &str) -> BankResult<()> {
        let consent = self
            .customers
            .iter()
            .find(|c| c.user_id == user_id)
            .and_then(|c| c.consent);
        check_consent(consent).map_err(|_| BankError::RegistrationWithoutConsent)
    }
}
