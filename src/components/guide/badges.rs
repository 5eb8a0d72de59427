//! The manual's callouts on the live page: each action's control outlined (`data-guide-mark`,
//! the next one `data-guide-next`) and where its numbered badge goes; and the screen's errors.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::guide::{GuideProgress, Position};

/// One numbered badge over the page, beside its target.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Badge {
    pub label: String,
    pub left: f64,
    pub top: f64,
    pub next: bool,
    pub done: bool,
}

/// The first error the screen shows now (a refusal, a wrong password, a lock), if any.
pub(super) fn screen_message() -> Option<String> {
    let found = document().query_selector_all(".error, .field-error").ok()?;
    (0..found.length())
        .filter_map(|i| found.item(i)?.text_content())
        .map(|t| t.trim().to_owned())
        .find(|t| !t.is_empty())
}

/// What the page's content says in its notices now (its `role="status"` lines), joined.
pub(super) fn page_notices() -> String {
    let Ok(found) = document().query_selector_all("#content [role=status]") else {
        return String::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.text_content())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Marks the current STEP's targets on the page (the outline) and says where their badges go.
/// Also returns the next action's control, if it is on the page, and whether it is in sight.
pub(super) fn place_badges(
    p: &GuideProgress,
    path: &str,
) -> (Vec<Badge>, Option<(web_sys::Element, bool)>) {
    let step = match p.locate(path) {
        Position::OnPath(step) if step.number == p.current && !p.finished() => step,
        _ => {
            clear_marks(&[]);
            return (Vec::new(), None);
        }
    };
    let mut next_target = None;
    let next = p.next_action();
    // Badges only where the page shows: above a bottom sheet, inside the window.
    let sheet_top = document()
        .query_selector(".guide-panel")
        .ok()
        .flatten()
        .map(|panel| panel.get_bounding_client_rect().top());
    let limit = match sheet_top {
        Some(top) if top > 0.0 => top,
        _ => window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(f64::MAX),
    };
    // While a dialog is open, only what is in it can be pressed.
    let dialog = document().query_selector(".dialog").ok().flatten();
    let mut badges = Vec::new();
    let mut marked = Vec::new();
    for (i, action) in step.actions.iter().enumerate() {
        let Some(target) = visible(action.target) else {
            continue;
        };
        if dialog.as_ref().is_some_and(|d| !d.contains(Some(&target))) {
            continue;
        }
        let label = format!("{:02}", i + 1);
        set_attr(&target, "data-guide-mark", Some(&label));
        set_attr(&target, "data-guide-next", (next == Some(i)).then_some(""));
        let rect = target.get_bounding_client_rect();
        let in_sight = rect.bottom() >= 0.0 && rect.top() <= limit - 12.0;
        if next == Some(i) {
            next_target = Some((target.clone(), in_sight));
        }
        if !in_sight {
            marked.push(target);
            continue;
        }
        // Beside the control's top-left corner, never over it: to its left, or above it
        // when there is no room on the left.
        let (left, top) = match rect.left() >= 24.0 {
            true => (rect.left() - 24.0, rect.top().max(0.0)),
            false => (rect.left(), (rect.top() - 26.0).max(0.0)),
        };
        badges.push(Badge {
            label,
            left: left.round(),
            top: top.round(),
            next: next == Some(i),
            done: p.ticked(step.number, action.target),
        });
        marked.push(target);
    }
    clear_marks(&marked);
    (badges, next_target)
}

/// The first shown element with `data-guide="name"`.
pub(super) fn visible(name: &str) -> Option<web_sys::Element> {
    let found = document()
        .query_selector_all(&format!("[data-guide=\"{name}\"]"))
        .ok()?;
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|e| {
            let r = e.get_bounding_client_rect();
            r.width() > 0.0 && r.height() > 0.0
        })
}

fn set_attr(e: &web_sys::Element, name: &str, value: Option<&str>) {
    if e.get_attribute(name).as_deref() != value {
        let _ = match value {
            Some(v) => e.set_attribute(name, v),
            None => e.remove_attribute(name),
        };
    }
}

/// Takes the outline off every marked element but `keep`.
pub(super) fn clear_marks(keep: &[web_sys::Element]) {
    let Ok(found) = document().query_selector_all("[data-guide-mark]") else {
        return;
    };
    for e in (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok())
    {
        if !keep.contains(&e) {
            set_attr(&e, "data-guide-mark", None);
            set_attr(&e, "data-guide-next", None);
        }
    }
}
