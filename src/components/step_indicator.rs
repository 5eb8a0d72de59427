//! The wizard's step indicator: `1 2 3 4 5 6 7` with the current step's title.

use leptos::prelude::*;

use crate::wizard::Step;

/// The indicator; the current step shows its title beside its number.
#[component]
pub fn StepIndicator(
    /// The step shown.
    current: Signal<Step>,
) -> impl IntoView {
    view! {
        <ol class="step-indicator" aria-label="발급 단계">
            {Step::ALL
                .iter()
                .map(|step| {
                    let step = *step;
                    let is_current = move || current.get() == step;
                    view! {
                        <li
                            class:current=is_current
                            class:done=move || step < current.get()
                            aria-current=move || is_current().then_some("step")
                        >
                            <span class="no">{step.number()}</span>
                            <Show when=is_current>
                                <span class="title">{step.title()}</span>
                            </Show>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
