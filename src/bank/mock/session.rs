//! ID login, the session and its extension, and 아이디 비밀번호 재설정.

use super::attempts::Attempts;
use super::*;
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::{demo, rules};

impl BankState {
    pub(super) fn login(&mut self, now: Millis, request: Login) -> BankResult<SessionGrant> {
        let user_id = request.user_id.trim();
        let customer = demo::find(user_id).ok_or(BankError::UnknownUser)?;
        let record = self
            .customers
            .iter_mut()
            .find(|r| r.user_id == user_id)
            .ok_or(BankError::UnknownUser)?;
        let right = match &record.password_hash {
            Some((salt, hash)) => password_hash(salt, &request.password) == *hash,
            None => request.password == customer.password,
        };
        Attempts::LoginPassword.record(&mut record.login_failures, right)?;
        self.open_session(customer, now, false)
    }

    pub(super) fn open_session(
        &mut self,
        customer: &'static demo::DemoCustomer,
        now: Millis,
        by_certificate: bool,
    ) -> BankResult<SessionGrant> {
        let token = random_token()?;
        self.sessions.push(SessionRecord {
            token: token.clone(),
            user_id: customer.user_id.to_owned(),
            expires_at: now + Millis::from(SESSION_SECS) * 1000,
            by_certificate,
        });
        Ok(SessionGrant {
            user_id: customer.user_id.to_owned(),
            token: SessionToken(token),
            customer_name: customer.display_name().to_owned(),
            expires_in_secs: SESSION_SECS,
        })
    }

    pub(super) fn reset_login_password(&mut self, request: ResetLoginPassword) -> BankResult<()> {
        let session = self
            .sessions
            .iter()
            .find(|s| s.token == request.token.0)
            .ok_or(BankError::SessionExpired)?;
        if !session.by_certificate {
            return Err(BankError::CertificateLoginRequired);
        }
        rules::check_login_password(&request.new_password).map_err(|message| {
            BankError::InvalidDetails {
                field: "new_password".to_owned(),
                message,
            }
        })?;
        let user_id = session.user_id.clone();
        let record = self
            .customers
            .iter_mut()
            .find(|r| r.user_id == user_id)
            .ok_or(BankError::UnknownUser)?;
        let salt = random_token()?;
        let hash = password_hash(&salt, &request.new_password);
        record.password_hash = Some((salt, hash));
        record.login_failures = 0;
        Ok(())
    }

    pub(super) fn extend(
        &mut self,
        now: Millis,
        request: ExtendSession,
    ) -> BankResult<SessionTime> {
        let session = self
            .sessions
            .iter_mut()
            .find(|s| s.token == request.token.0)
            .ok_or(BankError::SessionExpired)?;
        session.expires_at = now + Millis::from(SESSION_SECS) * 1000;
        Ok(SessionTime {
            expires_in_secs: SESSION_SECS,
        })
    }
}

/// SHA-256(salt ‖ password), hex: how a reset ID password is kept.
pub(super) fn password_hash(salt: &str, password: &str) -> String {
    use sha2::Digest;
    data_encoding::HEXLOWER.encode(
        &sha2::Sha256::new()
            .chain_update(salt)
            .chain_update(password)
            .finalize(),
    )
}
