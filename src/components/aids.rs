//! Aids for older learners on every screen: 글자 크게 (the root font size, which every size in
//! the style sheet follows) and 음성 안내 (the guide's step read aloud in Korean through the
//! Web Speech API). The choices are [`crate::practice::Aids`], kept for this browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::practice::{Aids, TextSize};

/// The learner's aids, shared by the header's choice and the guide panel.
#[derive(Clone, Copy)]
pub struct UseAids(pub RwSignal<Aids>);

/// Provides the aids as last chosen, applying the text size and keeping each change.
pub fn provide_aids() {
    let aids = RwSignal::new(Aids::load());
    // The first run only applies what was loaded (public/boot.js applied it before the first
    // paint too); each later one keeps the new choice.
    Effect::new(move |applied: Option<()>| {
        let chosen = aids.get();
        if applied.is_some() {
            chosen.save();
        }
        if let Some(root) = document()
            .document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // The style sheet lays a few wide things out anew for larger text (`data-text`).
            let _ = match chosen.text {
                TextSize::Normal => root
                    .remove_attribute("data-text")
                    .and_then(|()| root.style().remove_property("font-size").map(drop)),
                other => {
                    let percent = other.percent();
                    root.set_attribute("data-text", &percent.to_string())
                        .and_then(|()| {
                            root.style()
                                .set_property("font-size", &format!("{percent}%"))
                        })
                }
            };
        }
    });
    provide_context(UseAids(aids));
}

/// The aids chosen.
pub fn use_aids() -> RwSignal<Aids> {
    expect_context::<UseAids>().0
}

/// `글자 크기`: three buttons, each showing its own size.
#[component]
pub fn TextSizeChoice() -> impl IntoView {
    let aids = use_aids();
    let button = move |size: TextSize| {
        let label = format!("글자 크기 {}%", size.percent());
        view! {
            <button
                type="button"
                class=format!("text-size size-{}", size.percent())
                aria-label=label.clone()
                title=label
                aria-pressed=move || (aids.with(|a| a.text) == size).to_string()
                on:click=move |_| aids.update(|a| a.text = size)
            >
                "가"
            </button>
        }
    };
    view! {
        <span class="text-sizes" role="group" aria-label="글자 크게">
            {TextSize::ALL.map(button).collect_view()}
        </span>
    }
}

/// Why nothing was said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Silent {
    /// The browser has no Web Speech API.
    NoSpeech,
    /// The browser lists voices, none of them Korean.
    NoKoreanVoice,
}

impl Silent {
    /// What the guide says instead, once.
    pub fn message(self) -> &'static str {
        match self {
            Self::NoSpeech => {
                "이 브라우저는 음성 안내를 지원하지 않습니다. 화면의 글로 안내합니다."
            }
            Self::NoKoreanVoice => {
                "이 브라우저에는 한국어 음성이 없어 음성 안내를 할 수 없습니다. 화면의 글로 안내합니다."
            }
        }
    }
}

/// Says `text` in Korean (`ko-KR`), stopping whatever was being said. A browser that has not
/// listed its voices yet is asked anyway, with the language set.
pub fn speak(text: &str) -> Result<(), Silent> {
    let synth = window().speech_synthesis().map_err(|_| Silent::NoSpeech)?;
    let voices = synth.get_voices();
    let korean = voices.iter().any(|v| {
        js_sys::Reflect::get(&v, &"lang".into())
            .ok()
            .and_then(|lang| lang.as_string())
            .is_some_and(|lang| lang.to_lowercase().starts_with("ko"))
    });
    if voices.length() > 0 && !korean {
        return Err(Silent::NoKoreanVoice);
    }
    let utterance =
        web_sys::SpeechSynthesisUtterance::new_with_text(text).map_err(|_| Silent::NoSpeech)?;
    utterance.set_lang("ko-KR");
    synth.cancel();
    synth.speak(&utterance);
    Ok(())
}
