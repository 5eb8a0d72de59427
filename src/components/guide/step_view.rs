//! What the guide panel says: the task and what its start prepared, the STEP to do now (or
//! the way back to it), and the summary after the last STEP.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::guide::{self, GuideProgress, MANUAL, Position};

/// What today's banks call what the manual (2019) names.
const TODAY: &str = "요즘 은행 화면에서는 '공인인증서'를 '공동인증서(구 공인인증서)', '공인인증센터'를 '인증센터'라고 부릅니다. 이 연습 화면은 매뉴얼의 이름을 그대로 씁니다.";

/// The STEP to do now, its actions, and the way back when the learner is elsewhere.
#[component]
pub(super) fn Current(
    progress: RwSignal<GuideProgress>,
    place: Signal<Position>,
    english: Signal<bool>,
) -> impl IntoView {
    move || {
        let (current, task) = progress.with(|p| (p.current, p.task()));
        let now = task.step(current);
        // This step's last action done (e.g. 로그아웃 at its end): the way on is the next
        // step's screen.
        let last_done = now.is_some_and(|s| {
            s.actions
                .last()
                .is_some_and(|a| progress.with(|p| p.ticked(s.number, a.target)))
        });
        let ahead = now
            .filter(|_| last_done)
            .and_then(|s| task.step(s.number + 1));
        let back = ahead.or(now).map(|s| s.screens[0]).unwrap_or("/");
        let away = match place.get() {
            Position::OnPath(_) => None,
            Position::Behind(s) => Some(format!(
                "STEP {:02}({})의 화면입니다. 그 단계는 이미 마쳤습니다.",
                s.number, s.title
            )),
            Position::Off if task == MANUAL => Some("매뉴얼에 없는 화면입니다.".to_owned()),
            Position::Off => Some("이 과제의 단계에 없는 화면입니다.".to_owned()),
        };
        let away = away.map(|text| {
            let label = match (ahead, now) {
                (Some(s), _) => format!("STEP {:02} 화면으로 가기", s.number),
                (None, Some(s)) => format!("STEP {:02} 화면으로 돌아가기", s.number),
                (None, None) => "모의은행 홈에서 시작하기".to_owned(),
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
            let next = progress.with(GuideProgress::next_action);
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
                <p class="guide-step">{format!("STEP {:02} / {}", s.number, task.last())}</p>
                <h3 class="guide-title">
                    {s.title}
                    {english.get().then_some(view! { <span class="guide-en">{s.title_en}</span> })}
                </h3>
                <ol class="guide-actions">{actions}</ol>
            }
        });
        let start = (current == 0 && task == MANUAL).then(|| {
            view! {
                <p>
                    "STEP 01부터 시작합니다. "
                    <A href="/">"모의은행 홈"</A>
                    "에서 [공인인증센터]를 누르세요."
                </p>
            }
        });
        // Said once per task, while its first step is current.
        let opening = (current <= 1).then(|| {
            let prepared = progress.with(|p| p.prepared.clone());
            view! {
                {(task != MANUAL).then(|| view! { <p class="guide-task">{format!("연습 과제 {}. {}", task.number, task.title)}</p> })}
                {prepared.map(|line| view! { <p class="guide-prepared">{line}</p> })}
                <p class="guide-words">{TODAY}</p>
            }
        });
        view! { {opening} {away} {step} {start} }
    }
}

/// What the learner sees after STEP 14: the time each STEP took and the mistakes met.
#[component]
pub(super) fn Summary(progress: RwSignal<GuideProgress>) -> impl IntoView {
    let p = progress.get_untracked();
    let total = match (p.entered.first(), p.finished_at) {
        (Some((_, start)), Some(end)) => guide::minutes_seconds(end - start),
        _ => String::new(),
    };
    let times = p.durations();
    let task = p.task();
    let rows = task
        .steps
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
            <h3>{format!("STEP {:02}까지 모두 마쳤습니다", task.last())}</h3>
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
                <button type="button" class="btn primary" on:click=move |_| progress.set(GuideProgress::started())>
                    "매뉴얼 처음부터 다시"
                </button>
                <A href="/practice" attr:class="btn">"연습 과제 목록"</A>
                <A href="/practice/record" attr:class="btn">"연습 기록"</A>
            </p>
        </div>
    }
}
