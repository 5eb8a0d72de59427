//! 매뉴얼 따라하기 on screen: the switch, the guide panel (beside the content on wide screens, a
//! bottom sheet on phones) and the manual's numbered badges on the live controls. What the
//! STEPs are and how progress is counted is `crate::guide`.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use super::aids::{Silent, speak};
use crate::components::later;
use crate::contexts::use_auth;
use crate::guide::{GuideProgress, Position};
use crate::practice::PracticeRecord;
use crate::store::KeyValueStore;

mod badges;
mod step_view;

use badges::{Badge, clear_marks, page_notices, place_badges, screen_message, visible};
use step_view::{Current, Summary};

/// Where the progress is kept: for the tab, as the issue asks.
const KEY: &str = "guide";

/// The learner's progress through the manual, shared by the switch and the panel.
#[derive(Clone, Copy)]
pub struct Guide(pub RwSignal<GuideProgress>);

/// Provides the guide's progress, read from and saved to the tab's storage.
pub fn provide_guide() {
    let store = KeyValueStore::Session;
    let progress = RwSignal::new(store.load(KEY).ok().flatten().unwrap_or_default());
    Effect::new(move || {
        progress.with(|p: &GuideProgress| {
            // A refused write leaves guided mode working in this page; nothing else is lost.
            let _ = store.save(KEY, p);
        });
    });
    provide_context(Guide(progress));
}

fn use_guide() -> RwSignal<GuideProgress> {
    expect_context::<Guide>().0
}

/// `매뉴얼 따라하기`: turns guided mode on or off.
#[component]
pub fn GuideSwitch() -> impl IntoView {
    let progress = use_guide();
    let toggle = move |_| {
        progress.update(|p| match p.on {
            true => p.on = false,
            false => *p = GuideProgress::started(),
        })
    };
    view! {
        <label class="guide-switch">
            <input type="checkbox" role="switch" prop:checked=move || progress.with(|p| p.on) on:change=toggle />
            <span>"매뉴얼 따라하기"</span>
            <span class="hint">"교재의 STEP 01–14를 화면 위에 번호로 보여 줍니다."</span>
        </label>
        <p class="practice-link">
            <A href="/practice">"연습 과제"</A>
            " 고객별 경우(비밀번호 분실, 만료, 갱신 등)를 골라 연습하고 "
            <A href="/practice/record">"연습 기록"</A>
            "을 남깁니다."
        </p>
    }
}

/// The guide panel and the badges, while guided mode is on.
#[component]
pub fn GuidePanel() -> impl IntoView {
    let progress = use_guide();
    let on = Memo::new(move |_| progress.with(|p| p.on));

    Effect::new(move || {
        if let Some(body) = document().body() {
            let _ = match on.get() {
                true => body.set_attribute("data-guided", ""),
                false => body.remove_attribute("data-guided"),
            };
        }
    });

    // The panel's code (and the manual's STEP table) comes when guided mode is first turned on.
    view! { <Show when=move || on.get()>{move || later(panel(progress))}</Show> }
}

#[cfg_attr(feature = "split", leptos::lazy)]
async fn panel(progress: RwSignal<GuideProgress>) -> AnyView {
    view! { <Panel progress /> }.into_any()
}

/// The panel itself (mounted only while guided mode is on).
#[component]
fn Panel(progress: RwSignal<GuideProgress>) -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    // The task's end, checked as each screen is reached and as the page changes; a finished
    // task is kept in the 연습 기록.
    let end = move |path: &str, now: f64| {
        // Runs on every tick and scroll: nothing is read from the page before the last step.
        if !progress.with_untracked(GuideProgress::at_last_step) {
            return;
        }
        let logged_in = auth.session.with_untracked(Option::is_some);
        let said = page_notices();
        let mut finished = false;
        progress.maybe_update(|p| {
            finished = p.finish_if_done(logged_in, path, &said, now);
            finished
        });
        if finished {
            // A record that cannot be kept leaves the summary on screen: nothing else is lost.
            if let Some(record) = progress.with_untracked(PracticeRecord::of) {
                let _ = crate::practice::keep(record);
            }
        }
    };
    // Following the learner: each screen reached moves the task on; its end is checked
    // likewise. A screen counts once the address has stayed on it a moment, so that a
    // protected page a logged-out learner is redirected from is not taken as reached.
    let follow = move |path: String| {
        if location.pathname.get_untracked() != path {
            return;
        }
        let now = js_sys::Date::now();
        if let Position::OnPath(step) = progress.with_untracked(|p| p.locate(&path)) {
            progress.maybe_update(|p| p.reach(step.number, now));
        }
        end(&path, now);
    };
    Effect::new(move || {
        let path = location.pathname.get();
        let _logged_in = auth.logged_in();
        set_timeout(move || follow(path), Duration::from_millis(60));
    });
    let badges = RwSignal::new(Vec::<Badge>::new());
    let on_screen = RwSignal::new(None::<String>);
    let folded = RwSignal::new(false);

    // The next action's control is brought into sight once when it becomes the next one
    // (after that the learner scrolls as they like).
    let brought = StoredValue::new(None::<(u8, Option<usize>)>);
    let refresh = move || {
        let path = location.pathname.get_untracked();
        let (found, next_target) = progress.with_untracked(|p| place_badges(p, &path));
        let next = progress.with_untracked(|p| (p.current, p.next_action()));
        if let Some((target, in_sight)) = next_target
            && brought.get_value() != Some(next)
        {
            brought.set_value(Some(next));
            if !in_sight {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                target.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
        if badges.with_untracked(|b| *b != found) {
            badges.set(found);
        }
        let message = screen_message();
        if let Some(m) = &message {
            progress.maybe_update(|p| p.mistake(m));
        }
        // The page answered the step's last action (no dialog open, no error): a next step on
        // this screen begins once its first control shows.
        let dialog = document().query_selector(".dialog").ok().flatten();
        let now = js_sys::Date::now();
        if message.is_none() && dialog.is_none() {
            progress.maybe_update(|p| p.move_on(&path, |t| visible(t).is_some(), now));
        }
        end(&path, now);
        if on_screen.with_untracked(|s| *s != message) {
            on_screen.set(message);
        }
    };
    if let Ok(ticker) = set_interval_with_handle(refresh, Duration::from_millis(300)) {
        on_cleanup(move || ticker.clear());
    }
    // Any scroll (the window's, the body's on a phone, a dialog's), caught on its way down.
    let on_scroll = wasm_bindgen::closure::Closure::<dyn Fn()>::new(refresh);
    let on_scroll: js_sys::Function = on_scroll.into_js_value().unchecked_into();
    let _ = document().add_event_listener_with_callback_and_bool("scroll", &on_scroll, true);
    let on_scroll = StoredValue::new_local(on_scroll);
    on_cleanup(move || {
        if let Some(f) = on_scroll.try_get_value() {
            let _ = document().remove_event_listener_with_callback_and_bool("scroll", &f, true);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| refresh());
    let tick = move |ev: web_sys::Event| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let guided = target.and_then(|t| t.closest("[data-guide]").ok().flatten());
        if let Some(name) = guided.and_then(|g| g.get_attribute("data-guide")) {
            progress.maybe_update(|p| p.tick(&name));
        }
    };
    let clicks = window_event_listener(leptos::ev::click, move |ev| tick(ev.into()));
    let inputs = window_event_listener(leptos::ev::input, tick);
    let changes = window_event_listener(leptos::ev::change, tick);
    on_cleanup(move || {
        for handle in [resize, clicks, inputs, changes] {
            handle.remove();
        }
        clear_marks(&[]);
    });

    // 음성 안내: each step said once as it becomes current, and again on request; where the
    // browser cannot say it in Korean, the panel says so once and stays silent.
    let aids = super::aids::use_aids();
    let silent = RwSignal::new(None::<Silent>);
    let say = move || {
        let Some(text) = progress.with_untracked(|p| p.step().map(|s| s.spoken())) else {
            return;
        };
        if silent.get_untracked().is_none()
            && let Err(why) = speak(&text)
        {
            silent.set(Some(why));
        }
    };
    // Said when voice is turned on and when another step becomes current: not again for
    // anything else that changes the progress.
    let heard = StoredValue::new(None::<(String, u8, bool)>);
    Effect::new(move || {
        let voice = aids.with(|a| a.voice);
        let (task, current, finished) =
            progress.with(|p| (p.task.clone(), p.current, p.finished()));
        let now = (task, current, voice);
        if voice && !finished && heard.get_value().as_ref() != Some(&now) {
            say();
        }
        heard.set_value(Some(now));
    });
    let voice_switch = move |_| aids.update(|a| a.voice = !a.voice);
    let english = move || progress.with(|p| p.english);
    let place = move || progress.with(|p| p.locate(&location.pathname.get()));
    let announcement = move || {
        progress.with(|p| {
            let step = p.step()?;
            let next = &step.actions[p.next_action()?];
            Some(format!("STEP {:02}. 다음: {}", step.number, next.ko))
        })
    };

    view! {
        <aside class="guide-panel" class:folded=move || folded.get() aria-label="매뉴얼 따라하기">
            <div class="guide-head">
                <h2>"매뉴얼 따라하기"</h2>
                <button
                    type="button"
                    class="btn small"
                    aria-pressed=move || english().to_string()
                    on:click=move |_| progress.update(|p| p.english = !p.english)
                >
                    "English"
                </button>
                <button
                    type="button"
                    class="btn small guide-fold"
                    aria-expanded=move || (!folded.get()).to_string()
                    on:click=move |_| folded.update(|f| *f = !*f)
                >
                    {move || if folded.get() { "펼치기" } else { "접기" }}
                </button>
                <button type="button" class="btn small" on:click=move |_| progress.update(|p| p.on = false)>
                    "끄기"
                </button>
            </div>
            <div class="guide-body">
            <div class="guide-voice row">
                <label class="check">
                    <input type="checkbox" role="switch" prop:checked=move || aids.with(|a| a.voice) on:change=voice_switch />
                    "음성 안내"
                </label>
                <Show when=move || aids.with(|a| a.voice)>
                    <button type="button" class="btn small" on:click=move |_| say()>"다시 듣기"</button>
                </Show>
                <A href="/practice" attr:class="guide-tasks">"연습 과제 목록"</A>
                {move || aids.with(|a| a.voice).then(|| silent.get().map(|s| view! { <span class="hint" role="status">{s.message()}</span> })).flatten()}
            </div>
                {move || match progress.with(GuideProgress::finished) {
                    true => view! { <Summary progress /> }.into_any(),
                    false => view! { <Current progress place=Signal::derive(place) english=Signal::derive(english) /> }.into_any(),
                }}
                {move || {
                    on_screen
                        .get()
                        .filter(|_| !progress.with(GuideProgress::finished))
                        .map(|m| {
                            view! {
                                <p class="guide-problem">
                                    <strong>"화면의 안내: "</strong>
                                    {m}
                                    <br />
                                    "메시지대로 고친 뒤 같은 버튼을 다시 누르세요. 틀린 횟수가 다 차서 잠겼다면 로그인 화면 연습용 계정의 [연습 데이터 초기화]로 처음 상태로 돌릴 수 있습니다."
                                    {english().then_some(view! { <span class="guide-en">"Read the message on the screen, fix what it says, and press the same button again."</span> })}
                                </p>
                            }
                        })
                }}
            </div>
            <p class="sr-only" aria-live="polite">{announcement}</p>
        </aside>
        <div class="guide-badges" aria-hidden="true">
            {move || {
                badges
                    .get()
                    .into_iter()
                    .map(|b| {
                        view! {
                            <span
                                class="guide-badge"
                                class:next=b.next
                                class:done=b.done
                                style:left=format!("{}px", b.left)
                                style:top=format!("{}px", b.top)
                            >
                                {b.label}
                            </span>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
