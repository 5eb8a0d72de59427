//! 연습 과제 and 연습 기록: the tasks with their stories and `시작` (which prepares the task's
//! starting point and turns the guide on for it), and the record of finished tasks a teacher
//! can collect, printed on one A4 page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::{Guide, TableHead, outcome};
use crate::contexts::{log_out, use_auth, use_bank};
use crate::guide::{GuideProgress, TASKS, Task, minutes_seconds};
use crate::practice::{self, PracticeRecord};
use crate::wallet::{self, WalletError};

/// The tasks.
#[component]
pub fn PracticePage() -> impl IntoView {
    let bank = use_bank();
    let auth = use_auth();
    let guide = expect_context::<Guide>().0;
    let start = Action::new_local(move |task: &&'static Task| {
        let task = *task;
        async move {
            // A task starts logged out, from its customer's first state.
            log_out(bank, auth).await;
            let said = wallet::start_task(&bank, &bank.cloud(), &task.start).await?;
            Ok::<_, WalletError>((task, said))
        }
    });
    let navigate = use_navigate();
    let failed = outcome(start, move |(task, said): (&'static Task, String)| {
        guide.set(GuideProgress::started_task(task, said));
        navigate(task.steps[0].screens[0], Default::default());
    });
    let starting = move |task: &'static Task| {
        start.pending().get() && start.input().with(|t| t.is_some_and(|t| t.id == task.id))
    };

    view! {
        <main class="practice" id="content">
            <h1>"연습 과제"</h1>
            <p>
                "은행 창구에서 만나는 고객의 경우를 골라 연습합니다. [시작]을 누르면 과제에 맞는 출발점(예: 30일 전에 발급받은 인증서)을 준비하고, 오른쪽(휴대폰에서는 아래쪽) 안내창이 단계마다 누를 곳을 번호로 보여 줍니다."
            </p>
            <p class="row">
                <A href="/practice/record" attr:class="btn">"연습 기록 보기"</A>
            </p>
            <p class="error" role="alert">{failed}</p>
            <ol class="task-list">
                {TASKS
                    .iter()
                    .map(|task| {
                        view! {
                            <li class="task" data-task=task.id>
                                <h2>{format!("{}. {}", task.number, task.title)}</h2>
                                <p>{task.story}</p>
                                <p class="hint">{format!("연습 내용: {}", task.practises)}</p>
                                <button
                                    type="button"
                                    class="btn primary"
                                    aria-label=format!("{} 시작", task.title)
                                    disabled=move || start.pending().get()
                                    on:click=move |_| {
                                        start.dispatch_local(task);
                                    }
                                >
                                    {move || if starting(task) { "준비 중…" } else { "시작" }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </main>
    }
}

/// One finished task in the record's table.
fn record_row(r: PracticeRecord) -> impl IntoView {
    let when = js_sys::Date::new(&r.finished_at.into());
    let date = format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        when.get_full_year(),
        when.get_month() + 1,
        when.get_date(),
        when.get_hours(),
        when.get_minutes()
    );
    let mistakes = match r.mistakes.len() {
        0 => "없음".to_owned(),
        n => format!(
            "{n}번: {}",
            r.mistakes
                .iter()
                .map(|m| format!("STEP {:02} {}", m.step, m.message))
                .collect::<Vec<_>>()
                .join(" / ")
        ),
    };
    let steps = r
        .steps
        .iter()
        .filter_map(|(n, ms)| Some(format!("{n}: {}", minutes_seconds((*ms)?))))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <tr>
            <td>{r.title.clone()}</td>
            <td>{date}</td>
            <td class="num">{minutes_seconds(r.took())}</td>
            <td class="steps">{steps}</td>
            <td>{mistakes}</td>
        </tr>
    }
}

/// 연습 기록.
#[component]
pub fn RecordPage() -> impl IntoView {
    let name = RwSignal::new(practice::name());
    let saved = RwSignal::new(None::<String>);
    let records = RwSignal::new(practice::records());
    let save_name = move |_| {
        saved.set(Some(match practice::set_name(&name.get_untracked()) {
            Ok(()) => "이름을 저장했습니다.".to_owned(),
            Err(e) => format!("이름을 저장하지 못했습니다. ({e})"),
        }))
    };
    let clear = move |_| {
        let sure = window()
            .confirm_with_message("이 브라우저의 연습 기록을 모두 지울까요?")
            .unwrap_or(false);
        if sure {
            practice::clear_records();
            records.set(practice::records());
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <main class="practice-record" id="content">
            <h1>"연습 기록"</h1>
            <p>"모의은행(학습용 가상 은행)의 연습용 화면에서 마친 연습 과제입니다."</p>
            <p class="no-print">
                "이 브라우저에 남은 기록입니다. 이름을 적고 [인쇄]하면 A4 한 장으로 강사에게 낼 수 있습니다."
            </p>
            <div class="row name-line">
                <label for="learner-name">"이름"</label>
                <input id="learner-name" autocomplete="name" maxlength="100" bind:value=name />
                <button type="button" class="btn small no-print" on:click=save_name>"저장"</button>
                <span class="hint no-print" role="status">{move || saved.get()}</span>
            </div>
            {move || match records.get() {
                Err(problem) => view! { <p class="error" role="alert">{problem}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! {
                    <p>"아직 마친 연습 과제가 없습니다. " <A href="/practice">"연습 과제"</A> "에서 시작하세요."</p>
                }.into_any(),
                Ok(list) => view! {
                    <p>{format!("마친 과제 {}개", list.len())}</p>
                    <table class="record-table">
                        <TableHead columns=&["과제", "마친 때", "걸린 시간", "단계별 시간", "실수와 고친 방법"] />
                        <tbody>{list.into_iter().rev().map(record_row).collect_view()}</tbody>
                    </table>
                    <p class="hint">"실수는 모두 화면의 안내대로 다시 입력해 고친 뒤 과제를 끝까지 마쳤습니다."</p>
                }.into_any(),
            }}
            <p class="row no-print">
                <button type="button" class="btn primary" on:click=print>"인쇄"</button>
                <A href="/practice" attr:class="btn">"연습 과제"</A>
                <button type="button" class="btn" on:click=clear>"기록 지우기"</button>
            </p>
        </main>
    }
}
