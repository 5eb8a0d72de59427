//! A modal dialog in the style of the bank's pop-ups (`웹 페이지 메시지`).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What can take the keyboard's focus inside a dialog.
const FOCUSABLE: &str = "input:not([disabled]), select:not([disabled]), textarea, \
    button:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// A modal box over the page, shown while `open` is true. Opening moves the keyboard's focus
/// into it; Escape does what its `취소` (or `닫기`) button does; closing gives the focus back
/// to what had it before.
#[component]
pub fn Dialog(
    /// Whether the dialog is shown.
    open: Signal<bool>,
    /// The title bar text.
    #[prop(into)]
    title: String,
    /// The body and buttons.
    children: ChildrenFn,
) -> impl IntoView {
    let title = StoredValue::new(title);
    // Built when it opens and dropped when it closes, not rebuilt on every change of what
    // `open` is derived from (which would drop the state of the components inside).
    let open = Memo::new(move |_| open.get());
    move || {
        open.get().then(|| {
            let dialog = NodeRef::<html::Div>::new();
            let before = StoredValue::new_local(active_element());
            dialog.on_load(|dialog| {
                if let Some(first) = first_focusable(&dialog) {
                    let _ = first.focus();
                }
            });
            on_cleanup(move || {
                if let Some(before) = before.try_get_value().flatten()
                    && before.is_connected()
                {
                    let _ = before.focus();
                }
            });
            let on_key = move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape"
                    && let Some(cancel) = dialog.get_untracked().and_then(|d| cancel_button(&d))
                {
                    ev.prevent_default();
                    cancel.click();
                }
            };
            view! {
                <div class="dialog-backdrop">
                    <div
                        class="dialog"
                        role="dialog"
                        aria-modal="true"
                        aria-label=title.get_value()
                        node_ref=dialog
                        on:keydown=on_key
                    >
                        <div class="dialog-title">{title.get_value()}</div>
                        <div class="dialog-body">{children()}</div>
                    </div>
                </div>
            }
        })
    }
}

/// The element that has the focus now, if any.
fn active_element() -> Option<web_sys::HtmlElement> {
    document().active_element()?.dyn_into().ok()
}

/// The dialog's first control, or the dialog itself made focusable.
fn first_focusable(dialog: &web_sys::HtmlDivElement) -> Option<web_sys::HtmlElement> {
    let body = dialog.query_selector(".dialog-body").ok()??;
    match body.query_selector(FOCUSABLE).ok()? {
        Some(first) => first.dyn_into().ok(),
        None => {
            dialog.set_tab_index(-1);
            Some(dialog.clone().into())
        }
    }
}

/// The dialog's `취소` or `닫기` button: what Escape presses.
fn cancel_button(dialog: &web_sys::HtmlDivElement) -> Option<web_sys::HtmlElement> {
    let buttons = dialog.query_selector_all("button").ok()?;
    (0..buttons.length())
        .rev()
        .filter_map(|i| buttons.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| {
            matches!(
                b.text_content().as_deref().map(str::trim),
                Some("취소" | "닫기")
            )
        })
}
