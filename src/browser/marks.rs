//! Performance marks and measures that `scripts/bench` reads from the page (the issuance's time).

/// The performance mark set when step 6's `확인` starts an issuance.
pub const ISSUANCE_START: &str = "issuance-start";
/// The performance measure from [`ISSUANCE_START`] to step 7 on screen.
pub const ISSUANCE: &str = "issuance";

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Sets a performance mark (read by `scripts/bench`).
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name(name);
        let _ = p.mark(name);
    }
}

/// Measures from the mark `start` to now, if that mark was set.
pub fn measure_since(name: &str, start: &str) {
    if let Some(p) = performance()
        && p.measure_with_start_mark(name, start).is_ok()
    {
        p.clear_marks_with_mark_name(start);
    }
}
