//! A modal dialog in the style of the bank's pop-ups (`웹 페이지 메시지`).

use leptos::prelude::*;

/// A modal box over the page, shown while `open` is true.
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
            view! {
                <div class="dialog-backdrop">
                    <div class="dialog" role="dialog" aria-modal="true" aria-label=title.get_value()>
                        <div class="dialog-title">{title.get_value()}</div>
                        <div class="dialog-body">{children()}</div>
                    </div>
                </div>
            }
        })
    }
}
