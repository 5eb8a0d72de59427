//! The on-screen mouse keypad (`마우스로 입력`): digits in a new random order every time it
//! opens, against shoulder surfing. It is not a security boundary: the keyboard works too.

use leptos::prelude::*;

/// The ten digits in a random order (Fisher–Yates over the platform CSPRNG).
pub fn shuffled_digits() -> [u8; 10] {
    let mut digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    let mut random = [0u8; 10];
    // Without randomness the keypad still works, only unshuffled.
    let _ = getrandom::fill(&mut random);
    for i in (1..digits.len()).rev() {
        let j = usize::from(random[i]) % (i + 1);
        digits.swap(i, j);
    }
    digits
}

/// A keypad writing into `value`, at most `max_len` digits.
#[component]
pub fn Keypad(
    /// The field the keys type into.
    value: RwSignal<String>,
    /// The field's length.
    max_len: usize,
    /// What the keypad types into, for screen readers.
    #[prop(into)]
    label: String,
    /// Called when `입력완료` is pressed.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let digits = shuffled_digits();
    let press = move |d: u8| {
        value.update(|v| {
            if v.chars().count() < max_len {
                v.push(char::from(b'0' + d));
            }
        })
    };
    view! {
        <div class="keypad" role="group" aria-label=format!("{label} 마우스 입력기")>
            <div class="keys">
                {digits
                    .into_iter()
                    .map(|d| {
                        view! {
                            <button type="button" class="key" on:click=move |_| press(d)>
                                {d}
                            </button>
                        }
                    })
                    .collect_view()}
                <button
                    type="button"
                    class="key wide"
                    aria-label="한 글자 지우기"
                    on:click=move |_| {
                        value.update(|v| {
                            v.pop();
                        })
                    }
                >
                    "←"
                </button>
                <button type="button" class="key wide" on:click=move |_| value.set(String::new())>
                    "전체삭제"
                </button>
                <button type="button" class="key wide done" on:click=move |_| on_close.run(())>
                    "입력완료"
                </button>
            </div>
        </div>
    }
}

/// Whether `digits` holds the order 0 to 9 exactly once.
#[cfg(test)]
fn is_permutation(digits: &[u8; 10]) -> bool {
    let mut sorted = *digits;
    sorted.sort_unstable();
    sorted == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_digit_once_and_the_order_changes() {
        let layouts: Vec<_> = (0..20).map(|_| shuffled_digits()).collect();
        assert!(layouts.iter().all(is_permutation));
        assert!(layouts.windows(2).any(|w| w[0] != w[1]), "shuffled");
    }
}

/// `마우스로 입력`: the button and, while it is open, the keypad typing into `value`.
#[component]
pub fn KeypadButton(
    /// The field the keys type into.
    value: RwSignal<String>,
    /// The field's length.
    max_len: usize,
    /// What the keypad types into, for screen readers.
    label: &'static str,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="btn small" on:click=move |_| open.update(|o| *o = !*o)>
            "마우스로 입력"
        </button>
        <Show when=move || open.get()>
            <Keypad value max_len label on_close=move |_| open.set(false) />
        </Show>
    }
}
