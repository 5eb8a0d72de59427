//! The bank's clock. Issuance hours and certificate dates depend on it, so tests and learners can
//! set it: natively with [`Clock::manual`], in the page with the `?clock=` query parameter.

use std::cell::Cell;
use std::rc::Rc;

/// Milliseconds since the Unix epoch, UTC.
pub type Millis = i64;

/// Where the bank reads the time.
#[derive(Clone, Debug)]
pub enum Clock {
    /// The browser's clock shifted by a fixed offset (zero unless set).
    Browser {
        /// Added to `Date.now()`.
        offset_ms: Millis,
    },
    /// A clock that moves only when told; shared by clones.
    Manual(Rc<Cell<Millis>>),
}

impl Clock {
    /// A manual clock standing at `now`.
    pub fn manual(now: Millis) -> Self {
        Self::Manual(Rc::new(Cell::new(now)))
    }

    /// The current time.
    pub fn now(&self) -> Millis {
        match self {
            Self::Browser { offset_ms } => js_sys::Date::now() as Millis + offset_ms,
            Self::Manual(now) => now.get(),
        }
    }

    /// How far a browser clock is shifted for practice (`?clock=`); `None` when it is not.
    pub fn practice_offset(&self) -> Option<Millis> {
        match self {
            Self::Browser { offset_ms } if *offset_ms != 0 => Some(*offset_ms),
            _ => None,
        }
    }

    /// Moves a manual clock forward; a browser clock ignores it.
    pub fn advance(&self, ms: Millis) {
        if let Self::Manual(now) = self {
            now.set(now.get() + ms);
        }
    }
}

/// Where a clock offset set through the page is kept for the rest of the tab's life.
const OFFSET_KEY: &str = "mockbank.clockOffsetMs";

impl Clock {
    /// The browser clock, shifted when the page was opened with `?clock=<date>` (any date
    /// `Date.parse` reads, e.g. `2026-11-25T23:30:00+09:00`) or earlier in this tab.
    /// `?clock=now` puts it back.
    pub fn from_page() -> Self {
        let session = crate::store::KeyValueStore::Session;
        let requested = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
            .and_then(|params| params.get("clock"));
        match requested.as_deref() {
            Some("now") => session.remove(OFFSET_KEY),
            Some(date) => {
                let at = js_sys::Date::parse(date);
                if at.is_finite() {
                    let offset = at as Millis - js_sys::Date::now() as Millis;
                    // Losing the offset only means the real time is used: nothing to report.
                    let _ = session.save(OFFSET_KEY, &offset);
                }
            }
            None => {}
        }
        let offset_ms = session.load(OFFSET_KEY).ok().flatten().unwrap_or(0);
        Self::Browser { offset_ms }
    }
}
