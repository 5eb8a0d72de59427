//! Who is logged in. The session is kept in `sessionStorage` (the bank's token, never a
//! password) so that a reload or a deep link keeps the customer logged in within the tab.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::bank::api::{SessionGrant, SessionToken};
use crate::store::KeyValueStore;

const SESSION_KEY: &str = "app.session";

/// A session the bank opened for this tab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The bank's token.
    pub token: SessionToken,
    /// The customer's name, for the header.
    pub customer_name: String,
    /// The bank ID, to show the customer's own security card or OTP token.
    pub user_id: String,
    /// When the bank ends the session, in browser milliseconds (`Date.now()`).
    pub expires_at: f64,
}

impl Session {
    /// Whole seconds left at browser time `now`, never negative.
    pub fn seconds_left(&self, now: f64) -> u32 {
        ((self.expires_at - now) / 1000.0).ceil().max(0.0) as u32
    }
}

/// The login state of the tab.
#[derive(Clone, Copy, Debug)]
pub struct Auth {
    /// The open session, if any.
    pub session: RwSignal<Option<Session>>,
    /// Set when the session ran out by itself, so the login page can say why.
    pub expired: RwSignal<bool>,
}

impl Auth {
    /// Whether a customer is logged in (tracked).
    pub fn logged_in(&self) -> bool {
        self.session.with(Option::is_some)
    }

    /// Records a session the bank granted.
    pub fn begin(&self, grant: SessionGrant) {
        self.expired.set(false);
        self.session.set(Some(Session {
            token: grant.token,
            customer_name: grant.customer_name,
            user_id: grant.user_id,
            expires_at: deadline(grant.expires_in_secs),
        }));
    }

    /// Restarts the countdown after the bank extended the session.
    pub fn extend(&self, expires_in_secs: u32) {
        self.session.update(|s| {
            if let Some(s) = s {
                s.expires_at = deadline(expires_in_secs);
            }
        });
    }

    /// The session's token, without tracking.
    pub fn token(&self) -> Option<SessionToken> {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
    }

    /// The logged-in customer's bank ID, without tracking.
    pub fn user_id(&self) -> Option<String> {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.user_id.clone()))
    }

    /// Forgets the session (logout).
    pub fn end(&self) {
        self.session.set(None);
    }

    /// Forgets the session because its time ran out.
    pub fn expire(&self) {
        self.end();
        self.expired.set(true);
    }
}

fn deadline(secs: u32) -> f64 {
    js_sys::Date::now() + f64::from(secs) * 1000.0
}

/// Restores the tab's session and provides [`Auth`].
pub fn provide_auth() -> Auth {
    let store = KeyValueStore::Session;
    let restored = store
        .load::<Session>(SESSION_KEY)
        .ok()
        .flatten()
        .filter(|s| s.expires_at > js_sys::Date::now());
    let auth = Auth {
        session: RwSignal::new(restored),
        expired: RwSignal::new(false),
    };
    Effect::new(move || match auth.session.get() {
        // A session that cannot be kept only means a reload asks for a new login.
        Some(session) => drop(store.save(SESSION_KEY, &session)),
        None => store.remove(SESSION_KEY),
    });
    provide_context(auth);
    auth
}

/// `로그아웃`: the bank ends the session (whatever it answers, the tab forgets it).
pub async fn log_out(bank: impl crate::bank::BankApi, auth: Auth) {
    if let Some(token) = auth.token() {
        let _ = bank.call(crate::bank::api::Logout { token }).await;
    }
    auth.end();
}

/// The tab's login state.
pub fn use_auth() -> Auth {
    expect_context()
}
