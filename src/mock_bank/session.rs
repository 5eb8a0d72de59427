//! ID login, the session and its extension, and 아이디 비밀번호 재설정.

use super::attempts::Attempts;
use super::*;
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::demo::{self, DemoCustomer};
use crate::bank::rules;

impl BankState {
    /// The session's customer.
    pub(super) fn session_user(&self, token: &SessionToken) -> BankResult<&'static DemoCustomer> {
        let session = self
            .sessions
            .iter()
            .find(|s| s.token == token.0)
            .ok_or(BankError::SessionExpired)?;
        demo::find(&session.user_id).ok_or(BankError::UnknownUser)
    }

    pub(super) fn login(&mut self, now: Millis, request: Login) -> BankResult<SessionGrant> {
        let user_id = request.user_id.trim();
        let customer = demo::find(user_id).ok_or(BankError::UnknownUser)?;
        let record = self
            .customers
            .iter_mut()
            .find(|r| r.user_id == user_id)
            .ok_or(BankError::UnknownUser)?;
        let right = match &record.password_hash {
            Some((salt, hash)) => password_matches(salt, hash, &request.password),
            None => request.password == customer.password,
        };
        Attempts::LoginPassword.record(&mut record.login_failures, right)?;
        // A password kept by the old single SHA-256 is kept again the slow way.
        if record
            .password_hash
            .as_ref()
            .is_some_and(|(salt, _)| !salt.starts_with(PASSWORD_SCHEME))
        {
            record.password_hash = Some(new_password_hash(&request.password)?);
        }
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
            opened_at: now,
        });
        Ok(SessionGrant {
            user_id: customer.user_id.to_owned(),
            token: SessionToken(token),
            customer_name: customer.display_name().to_owned(),
            expires_in_secs: SESSION_SECS,
        })
    }

    pub(super) fn reset_login_password(
        &mut self,
        now: Millis,
        request: ResetLoginPassword,
    ) -> BankResult<()> {
        let session = self
            .sessions
            .iter()
            .find(|s| s.token == request.token.0)
            .ok_or(BankError::SessionExpired)?;
        // A certificate login of the last few minutes, not one kept alive by 연장 for hours.
        if !session.by_certificate
            || now - session.opened_at > Millis::from(RECENT_CERTIFICATE_LOGIN_SECS) * 1000
        {
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
        record.password_hash = Some(new_password_hash(&request.new_password)?);
        record.login_failures = 0;
        // Whoever logged in with the old password is logged out.
        self.sessions
            .retain(|s| s.user_id != user_id || s.token == request.token.0);
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

/// The salt's prefix of a PBKDF2-kept ID password.
const PASSWORD_SCHEME: &str = "pbkdf2-sha256:";
/// PBKDF2 rounds for a new ID password.
const PASSWORD_ROUNDS: u32 = 100_000;
/// The most rounds a stored record may ask for (a record edited by hand must not freeze the
/// bank).
const MAX_PASSWORD_ROUNDS: u32 = 1_000_000;
/// How recent the certificate login must be for 아이디 비밀번호 재설정.
const RECENT_CERTIFICATE_LOGIN_SECS: u32 = 5 * 60;

fn pbkdf2_hex(password: &str, salt: &str, rounds: u32) -> String {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), salt.as_bytes(), rounds, &mut out);
    crate::encoding::hex(&out)
}

/// A new ID password as the bank keeps it: (`pbkdf2-sha256:<rounds>:<salt>`, PBKDF2, hex).
fn new_password_hash(password: &str) -> BankResult<(String, String)> {
    let salt = random_token()?;
    Ok((
        format!("{PASSWORD_SCHEME}{PASSWORD_ROUNDS}:{salt}"),
        pbkdf2_hex(password, &salt, PASSWORD_ROUNDS),
    ))
}

/// Whether `password` is the one kept as (`salt`, `hash`), in either scheme.
fn password_matches(salt: &str, hash: &str, password: &str) -> bool {
    use sha2::Digest;
    match salt.strip_prefix(PASSWORD_SCHEME) {
        Some(rest) => {
            let Some((rounds, salt)) = rest.split_once(':') else {
                return false;
            };
            match rounds.parse::<u32>() {
                Ok(rounds) if (1..=MAX_PASSWORD_ROUNDS).contains(&rounds) => {
                    pbkdf2_hex(password, salt, rounds) == hash
                }
                _ => false,
            }
        }
        None => {
            crate::encoding::hex(
                &sha2::Sha256::new()
                    .chain_update(salt)
                    .chain_update(password)
                    .finalize(),
            ) == hash
        }
    }
}
