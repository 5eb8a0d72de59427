//! Pieces every form has: the line that says what went wrong, and the submit and cancel buttons.

use leptos::prelude::*;

/// A bank refusal or a form problem, announced to screen readers.
#[component]
pub fn ErrorLine(
    /// The message, if any.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <p class="error" role="alert" aria-live="assertive">
            {move || message.get()}
        </p>
    }
}

/// A form's problem line and its one button, a submit disabled while `pending`.
#[component]
pub fn SubmitLine(
    /// What went wrong, if anything.
    #[prop(into)]
    problem: Signal<Option<String>>,
    label: &'static str,
    #[prop(into)] pending: Signal<bool>,
    #[prop(default = "btn primary")] class: &'static str,
    /// The button's `data-guide` target.
    #[prop(optional)]
    guide: Option<&'static str>,
) -> impl IntoView {
    view! {
        <ErrorLine message=problem />
        <button type="submit" class=class data-guide=guide disabled=pending>
            {label}
        </button>
    }
}

/// A form's submit button (disabled, with `busy` as its caption, while the work runs) and its
/// `취소` button.
#[component]
pub fn FormButtons(
    /// The submit caption.
    label: &'static str,
    /// The caption while the work runs.
    busy: &'static str,
    /// Whether the work runs.
    #[prop(into)]
    pending: Signal<bool>,
    /// What `취소` does.
    on_cancel: Callback<()>,
    /// The submit's `data-guide` target.
    #[prop(default = None)]
    guide: Option<&'static str>,
) -> impl IntoView {
    view! {
        <p class="row">
            <button type="submit" class="btn primary" data-guide=guide disabled=pending>
                {move || if pending.get() { busy } else { label }}
            </button>
            <button type="button" class="btn" on:click=move |_| on_cancel.run(())>
                "취소"
            </button>
        </p>
    }
}

/// A form whose submit (its button, or Enter in a field) runs `action`. The browser's own
/// checks are off: the form's own say what is wrong, in Korean.
#[component]
pub fn ActionForm<O: 'static>(
    /// What submitting runs.
    action: Action<(), O>,
    /// The form's class.
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <form
            class=class
            novalidate=true
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                action.dispatch_local(());
            }
        >
            {children()}
        </form>
    }
}

/// A dialog that is one form: its fields, the line that says what went wrong, and the submit
/// and `취소` buttons. Submitting runs `action`: its `Err` shows in the dialog, its `Ok` hands
/// `done` to `on_done` (the page's notice, which closes the dialog).
#[component]
pub fn DialogForm(
    /// The title bar text.
    title: &'static str,
    /// The form's class.
    class: &'static str,
    /// What submitting runs.
    action: Action<(), Result<(), String>>,
    /// The notice once it succeeds.
    done: &'static str,
    /// Called with `done`.
    on_done: Callback<String>,
    /// A problem the form finds before anything runs (files that do not read), shown until
    /// the action reports.
    #[prop(optional, into)]
    before: Option<Signal<Option<String>>>,
    /// The submit caption.
    label: &'static str,
    /// The caption while `action` runs.
    busy: &'static str,
    /// What `취소` does.
    on_cancel: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    let failed = outcome(action, move |()| on_done.run(done.to_owned()));
    // The latest of the two: the form's own problem, the action's.
    let problem = RwSignal::new(None::<String>);
    if let Some(before) = before {
        Effect::new(move || problem.set(before.get()));
    }
    Effect::new(move || problem.set(failed.get()));
    view! {
        <super::Dialog open=Signal::stored(true) title=title>
            {
                let children = children.clone();
                view! {
                    <ActionForm action class>
                        {children()}
                        <ErrorLine message=problem />
                        <FormButtons label busy pending=action.pending() on_cancel guide=Some(class) />
                    </ActionForm>
                }
            }
        </super::Dialog>
    }
}

/// A new password typed twice: the two fields' values, checked by a rule and for agreement.
#[derive(Clone, Copy)]
pub struct NewPassword {
    /// The first field.
    pub password: RwSignal<String>,
    /// The second field (확인).
    pub again: RwSignal<String>,
    rule: fn(&str) -> Result<(), String>,
    mismatch: &'static str,
}

impl NewPassword {
    /// Two empty fields for a password `rule` checks; `mismatch` is said when they differ.
    pub fn new(rule: fn(&str) -> Result<(), String>, mismatch: &'static str) -> Self {
        Self {
            password: RwSignal::new(String::new()),
            again: RwSignal::new(String::new()),
            rule,
            mismatch,
        }
    }

    /// The password, once the rule accepts it and both fields agree; else why not.
    pub fn checked(self) -> Result<String, String> {
        let (password, again) = (self.password.get_untracked(), self.again.get_untracked());
        crate::bank::rules::check_new_password(&password, &again, self.rule, self.mismatch)?;
        Ok(password)
    }
}

/// Lets the browser paint (a busy caption, a progress line) before long work in this thread.
pub async fn paint() {
    gloo_timers::future::TimeoutFuture::new(30).await;
}

/// A field that keeps digits only, at most `max` (account passwords, security-card and OTP
/// codes, resident numbers): whatever is typed or pasted, the rest is dropped.
#[component]
pub fn DigitsInput(
    id: &'static str,
    value: RwSignal<String>,
    max: usize,
    /// Shown as dots.
    #[prop(optional)]
    secret: bool,
    #[prop(default = "off")] autocomplete: &'static str,
    /// The field the focus moves on to once `max` digits are in (the RRN's back half).
    #[prop(optional)]
    next: Option<&'static str>,
) -> impl IntoView {
    let on_input = move |ev: leptos::ev::Event| {
        let digits = crate::format::digits(&event_target_value(&ev), max);
        let full = digits.len() == max;
        value.set(digits);
        if let (true, Some(next)) = (full, next)
            && let Some(field) = document().get_element_by_id(next)
            && let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field)
        {
            let _ = field.focus();
        }
    };
    view! {
        <input
            id=id
            type=if secret { "password" } else { "text" }
            inputmode="numeric"
            maxlength=max.to_string()
            autocomplete=autocomplete
            prop:value=value
            on:input=on_input
        />
    }
}

/// A button that runs `action`, disabled while it runs (and while `done`, if given).
#[component]
pub fn ActionButton<O: 'static>(
    action: Action<(), O>,
    label: &'static str,
    #[prop(default = "btn")] class: &'static str,
    /// The button's `data-guide` target.
    #[prop(optional)]
    guide: Option<&'static str>,
    /// Whether there is nothing left to do (the button stays disabled).
    #[prop(optional, into)]
    done: Option<Signal<bool>>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            data-guide=guide
            disabled=move || action.pending().get() || done.is_some_and(|d| d.get())
            on:click=move |_| {
                action.dispatch_local(());
            }
        >
            {label}
        </button>
    }
}

/// A table's column headings.
#[component]
pub fn TableHead(columns: &'static [&'static str]) -> impl IntoView {
    view! {
        <thead>
            <tr>{columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
        </thead>
    }
}

/// A labelled password field.
#[component]
pub fn PasswordInput(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input id=id type="password" autocomplete=autocomplete bind:value=value />
    }
}

/// Follows an action that returns a result: `done` runs with each success; the signal it
/// returns is the last failure's message (none once it succeeds).
pub fn outcome<I, T, E>(
    action: Action<I, Result<T, E>>,
    done: impl Fn(T) + 'static,
) -> Signal<Option<String>>
where
    I: 'static,
    T: Clone + 'static,
    E: std::fmt::Display + Clone + 'static,
{
    settled(action.value(), Box::new(done))
}

/// [`outcome`] of an action's value: generic over neither the action's input nor `done`, so
/// that the actions of one result type share one copy of it in the module.
fn settled<T, E>(
    value: MappedSignal<Option<Result<T, E>>>,
    done: Box<dyn Fn(T)>,
) -> Signal<Option<String>>
where
    T: Clone + 'static,
    E: std::fmt::Display + Clone + 'static,
{
    Effect::new(move || {
        if let Some(Ok(value)) = value.get() {
            done(value);
        }
    });
    Signal::derive(move || value.with(|v| v.as_ref()?.as_ref().err().map(|e| e.to_string())))
}

/// A radio button choosing `value` for `chosen`; `children` is its label.
#[component]
pub fn Radio<T>(
    name: &'static str,
    value: T,
    chosen: RwSignal<T>,
    #[prop(default = "radio")] class: &'static str,
    children: Children,
) -> impl IntoView
where
    T: PartialEq + Clone + Send + Sync + 'static,
{
    let mine = value.clone();
    view! {
        <label class=class>
            <input
                type="radio"
                name=name
                prop:checked=move || chosen.with(|c| *c == mine)
                on:change=move |_| chosen.set(value.clone())
            />
            {children()}
        </label>
    }
}

/// [`DialogButtons`] whose main button runs `action`, disabled while it runs.
#[component]
pub fn ActionDialogButtons<O: 'static>(
    label: &'static str,
    action: Action<(), O>,
    on_cancel: Callback<()>,
    /// The main button's `data-guide` target.
    #[prop(optional)]
    guide: Option<&'static str>,
) -> impl IntoView {
    view! {
        <DialogButtons
            label
            guide=guide
            on_ok=Callback::new(move |()| {
                action.dispatch_local(());
            })
            on_cancel
            disabled=action.pending()
        />
    }
}

/// A dialog's main button (a plain button, not a submit) and its `취소`.
#[component]
pub fn DialogButtons(
    label: &'static str,
    on_ok: Callback<()>,
    on_cancel: Callback<()>,
    /// Whether the main button is disabled (while its work runs).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The main button's `data-guide` target.
    #[prop(default = None)]
    guide: Option<&'static str>,
) -> impl IntoView {
    view! {
        <p class="row">
            <button
                type="button"
                class="btn primary"
                data-guide=guide
                disabled=disabled
                on:click=move |_| on_ok.run(())
            >
                {label}
            </button>
            <button type="button" class="btn" on:click=move |_| on_cancel.run(())>
                "취소"
            </button>
        </p>
    }
}
