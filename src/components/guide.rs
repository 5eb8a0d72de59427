//! 매뉴얼 따라하기 on screen: the switch, the guide panel (beside the content on wide screens, a
//! bottom sheet on phones) and the manual's numbered badges on the live controls. What the
//! STEPs are and how progress is counted is `crate::guide`.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::contexts::use_auth;
use crate::guide::{self, Place, Progress, STEPS};
use crate::store::KeyValueStore;

/// Where the progress is kept: for the tab, as the issue asks.
const KEY: &str = "guide";

/// The learner's progress through the manual, shared by the switch and the panel.
#[derive(Clone, Copy)]
pub struct Guide(pub RwSignal<Progress>);

/// Provides the guide's progress, read from and saved to the tab's storage.
pub fn provide_guide() {
    let store = KeyValueStore::Session;
    let progress = RwSignal::new(store.load(KEY).ok().flatten().unwrap_or_default());
    Effect::new(move || {
        progress.with(|p: &Progress| {
            // A refused write leaves guided mode working in this page; nothing else is lost.
            let _ = store.save(KEY, p);
        });
    });
    provide_context(Guide(progress));
}

fn use_guide() -> RwSignal<Progress> {
    expect_context::<Guide>().0
}

/// `매뉴얼 따라하기`: turns guided mode on or off.
#[component]
pub fn GuideSwitch() -> impl IntoView {
    let progress = use_guide();
    let toggle = move |_| {
        progress.update(|p| match p.on {
            true => p.on = false,
            false => *p = Progress::started(),
        })
    };
    view! {
        <label class="guide-switch">
            <input type="checkbox" role="switch" prop:checked=move || progress.with(|p| p.on) on:change=toggle />
            <span>"매뉴얼 따라하기"</span>
            <span class="hint">"교재의 STEP 01–14를 화면 위에 번호로 보여 줍니다."</span>
        </label>
    }
}

/// One numbered badge over the page, beside its target.
#[derive(Clone, Debug, PartialEq)]
struct Badge {
    label: String,
    left: f64,
    top: f64,
    next: bool,
    done: bool,
}

/// The guide panel and the badges, while guided mode is on.
#[component]
pub fn GuidePanel() -> impl IntoView {
    let progress = use_guide();
    let auth = use_auth();
    let location = use_location();
    let on = Memo::new(move |_| progress.with(|p| p.on));

    // Following the learner: each screen reached moves the manual on; STEP 14 ends with the
    // certificate's login.
    Effect::new(move || {
        let path = location.pathname.get();
        let logged_in = auth.logged_in();
        if !on.get() {
            return;
        }
        let now = js_sys::Date::now();
        let current = progress.with_untracked(|p| p.current);
        if let Place::OnPath(step) = guide::locate(&path, current)
            && step.number > current
        {
            progress.update(|p| p.reach(step.number, now));
        }
        let done = current == guide::LAST && logged_in && path != "/login";
        if done && !progress.with_untracked(Progress::finished) {
            progress.update(|p| p.finish(now));
        }
    });
    Effect::new(move || {
        if let Some(body) = document().body() {
            let _ = match on.get() {
                true => body.set_attribute("data-guided", ""),
                false => body.remove_attribute("data-guided"),
            };
        }
    });

    view! { <Show when=move || on.get()>{move || view! { <Panel progress /> }}</Show> }
}

/// The panel itself (mounted only while guided mode is on).
#[component]
fn Panel(progress: RwSignal<Progress>) -> impl IntoView {
    let location = use_location();
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
        if let Some(m) = &message
            && progress
                .with_untracked(|p| !p.finished() && !p.mistakes.iter().any(|x| x.message == *m))
        {
            progress.update(|p| p.mistake(m));
        }
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
            let current = progress.with_untracked(|p| p.current);
            if !progress.with_untracked(|p| p.ticked(current, &name)) {
                progress.update(|p| p.tick(&name));
            }
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

    let english = move || progress.with(|p| p.english);
    let place = move || guide::locate(&location.pathname.get(), progress.with(|p| p.current));
    let announcement = move || {
        progress.with(|p| {
            let step = guide::step(p.current)?;
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
                {move || match progress.with(Progress::finished) {
                    true => view! { <Summary progress /> }.into_any(),
                    false => view! { <Current progress place=Signal::derive(place) english=Signal::derive(english) /> }.into_any(),
                }}
                {move || {
                    on_screen
                        .get()
                        .filter(|_| !progress.with(Progress::finished))
                        .map(|m| {
                            view! {
                                <p class="guide-problem">
                                    <strong>"화면의 안내: "</strong>
                                    {m}
                                    <br />
                                    "메시지대로 고친 뒤 같은 버튼을 다시 누르세요. 횟수가 모두 지나 잠겼다면 연습용 계정 안내의 방법으로 풀 수 있습니다."
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

/// The STEP to do now, its actions, and the way back when the learner is elsewhere.
#[component]
fn Current(
    progress: RwSignal<Progress>,
    place: Signal<Place>,
    english: Signal<bool>,
) -> impl IntoView {
    move || {
        let current = progress.with(|p| p.current);
        let now = guide::step(current);
        let back = now.map(|s| s.screens[0]).unwrap_or("/");
        let away = match place.get() {
            Place::OnPath(_) => None,
            Place::Behind(s) => Some(format!(
                "STEP {:02}({})의 화면입니다. 그 단계는 이미 마쳤습니다.",
                s.number, s.title
            )),
            Place::Off => Some("매뉴얼에 없는 화면입니다.".to_owned()),
        };
        let away = away.map(|text| {
            let label = match now {
                Some(s) => format!("STEP {:02} 화면으로 돌아가기", s.number),
                None => "모의은행 홈에서 시작하기".to_owned(),
            };
            view! {
                <p class="guide-away" role="status">
                    {text}
                    <br />
                    <A href=back>{label}</A>
                    {english.get().then_some(view! { <span class="guide-en">"This screen is off the manual's path; follow the link to go back."</span> })}
                </p>
            }
        });
        let step = now.map(|s| {
            let next = progress.with(Progress::next_action);
            let actions = s
                .actions
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let done = progress.with(|p| p.ticked(s.number, a.target));
                    let is_next = next == Some(i);
                    view! {
                        <li class:done=done class:next=is_next aria-current=is_next.then_some("step")>
                            <span class="guide-no">{format!("{:02}", i + 1)}</span>
                            <span>
                                {a.ko}
                                {done.then_some(" ✓")}
                                {english.get().then_some(view! { <span class="guide-en">{a.en}</span> })}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="guide-step">{format!("STEP {:02} / {}", s.number, guide::LAST)}</p>
                <h3 class="guide-title">
                    {s.title}
                    {english.get().then_some(view! { <span class="guide-en">{s.title_en}</span> })}
                </h3>
                <ol class="guide-actions">{actions}</ol>
            }
        });
        let start = (current == 0).then(|| {
            view! {
                <p>
                    "STEP 01부터 시작합니다. "
                    <A href="/">"모의은행 홈"</A>
                    "에서 [공인인증센터]를 누르세요."
                </p>
            }
        });
        view! { {away} {step} {start} }
    }
}

/// What the learner sees after STEP 14: the time each STEP took and the mistakes met.
#[component]
fn Summary(progress: RwSignal<Progress>) -> impl IntoView {
    let p = progress.get_untracked();
    let total = match (p.entered.first(), p.finished_at) {
        (Some((_, start)), Some(end)) => guide::minutes_seconds(end - start),
        _ => String::new(),
    };
    let times = p.durations();
    let rows = STEPS
        .iter()
        .map(|s| {
            let took = match times.iter().find(|(n, _)| *n == s.number) {
                Some((_, Some(ms))) => guide::minutes_seconds(*ms),
                _ if p.skipped.contains(&s.number) => "건너뜀".to_owned(),
                _ => "-".to_owned(),
            };
            view! {
                <tr>
                    <th scope="row">{format!("STEP {:02}", s.number)}</th>
                    <td>{s.title}</td>
                    <td class="num">{took}</td>
                </tr>
            }
        })
        .collect_view();
    let mistakes = p
        .mistakes
        .iter()
        .map(|m| {
            view! {
                <li>
                    {format!("STEP {:02}: {}", m.step, m.message)}
                    <br />
                    {format!("→ 메시지대로 다시 입력해 통과 (STEP {:02} 완료)", m.step)}
                </li>
            }
        })
        .collect_view();
    let none = p.mistakes.is_empty();
    view! {
        <div class="guide-summary" role="status">
            <h3>"STEP 14까지 모두 마쳤습니다"</h3>
            <p>{format!("걸린 시간: 모두 {total}")}</p>
            <table class="guide-times">
                <thead>
                    <tr>
                        <th scope="col">"단계"</th>
                        <th scope="col">"할 일"</th>
                        <th scope="col">"걸린 시간"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>"실수와 고친 방법"</h3>
            {none.then_some(view! { <p>"실수 없이 마쳤습니다."</p> })}
            <ul class="guide-mistakes">{mistakes}</ul>
            <p class="row">
                <button type="button" class="btn primary" on:click=move |_| progress.set(Progress::started())>
                    "처음부터 다시"
                </button>
            </p>
        </div>
    }
}

/// The first error the screen shows now (a refusal, a wrong password, a lock), if any.
fn screen_message() -> Option<String> {
    let found = document().query_selector_all(".error, .field-error").ok()?;
    (0..found.length())
        .filter_map(|i| found.item(i)?.text_content())
        .map(|t| t.trim().to_owned())
        .find(|t| !t.is_empty())
}

/// Marks the current STEP's targets on the page (the outline) and says where their badges go.
/// Also returns the next action's control, if it is on the page, and whether it is in sight.
fn place_badges(p: &Progress, path: &str) -> (Vec<Badge>, Option<(web_sys::Element, bool)>) {
    let step = match guide::locate(path, p.current) {
        Place::OnPath(step) if step.number == p.current && !p.finished() => step,
        _ => {
            clear_marks(&[]);
            return (Vec::new(), None);
        }
    };
    let mut next_target = None;
    let next = p.next_action();
    // Badges only where the page shows: above a bottom sheet, inside the window.
    let limit = match document().query_selector(".guide-panel").ok().flatten() {
        Some(panel) if panel.get_bounding_client_rect().top() > 0.0 => {
            panel.get_bounding_client_rect().top()
        }
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
fn visible(name: &str) -> Option<web_sys::Element> {
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
fn clear_marks(keep: &[web_sys::Element]) {
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
