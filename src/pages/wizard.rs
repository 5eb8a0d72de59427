//! The seven-step issuance wizard (manual STEP 08–13), for 개인용, 기업용 and 전자세금용
//! certificates alike ([`IssueMenu`]). Each step has its own route; which step may be shown is
//! the bank's word, so a deep link or the back button lands on the first unfinished step.

pub mod details;
pub mod done;
pub mod fee;
pub mod password;
pub mod target;
pub mod terms;
pub mod verify;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::bank::BankApi;
use crate::bank::BankResult;
use crate::bank::api::{CancelIssuance, Endpoint, GetIssuance, IssueMenu};
use crate::components::{ErrorLine, PageTitle, StepIndicator, outcome};
use crate::contexts::use_bank;
use crate::wizard::{Progress, Step};

/// The wizard's first route.
pub fn wizard_path(menu: IssueMenu) -> &'static str {
    match menu {
        IssueMenu::Personal => "/center/issue/personal",
        IssueMenu::Corporate => "/center/issue/corporate",
        IssueMenu::Tax => "/center/tax/issue",
        IssueMenu::Cloud => "/center/cloud/issue",
    }
}

/// The menu a wizard's `취소` returns to.
pub fn menu_path(menu: IssueMenu) -> &'static str {
    match menu {
        IssueMenu::Personal | IssueMenu::Corporate => "/center/issue",
        IssueMenu::Tax => "/center/tax",
        IssueMenu::Cloud => "/center/cloud",
    }
}

/// The route of one step of a wizard.
pub fn step_path(menu: IssueMenu, step: Step) -> String {
    format!("{}/{}", wizard_path(menu), step.number())
}

/// The wizard the page runs (provided by its route; personal elsewhere).
pub fn use_menu() -> IssueMenu {
    use_context::<IssueMenu>().unwrap_or_default()
}

/// The certificate issued in this tab and where the customer chose to keep it, for step 7 to
/// show and, for a disk or a phone, to offer its files again. Memory only: a reload forgets it.
#[derive(Clone, Copy)]
pub struct LastIssued(pub RwSignal<Option<(crate::customer::Enrolled, crate::wallet::Place)>>);

/// Why step 6 sent the customer back to step 4 (the fee changed since it was confirmed), for
/// step 4 to show once.
#[derive(Clone, Copy)]
pub struct FeeNotice(pub RwSignal<Option<String>>);

/// The breadcrumb above a wizard.
fn menu_trail(menu: IssueMenu) -> &'static [&'static str] {
    match menu {
        IssueMenu::Personal | IssueMenu::Corporate => &["공인인증서", "인증서 발급/재발급"],
        IssueMenu::Tax => &["전자세금용인증서"],
        IssueMenu::Cloud => &["금융인증서"],
    }
}

/// Goes to the step after `progress`.
pub fn use_advance() -> impl Fn(Progress) + Clone + 'static {
    let navigate = use_navigate();
    let menu = use_menu();
    move |progress: Progress| navigate(&step_path(menu, progress.current()), Default::default())
}

/// A step's request: the bank's answer moves the customer on to the step it names; the signal
/// is the bank's refusal of the last one, if it refused.
pub fn use_step_action<E>() -> (Action<E, BankResult<Progress>>, Signal<Option<String>>)
where
    E: Endpoint<Response = Progress> + Clone + 'static,
{
    let bank = use_bank();
    let action = Action::new_local(move |request: &E| {
        let request = request.clone();
        async move { bank.call(request).await }
    });
    let refused = outcome(action, use_advance());
    (action, refused)
}

/// A step's error line and its buttons: the step's own (a submit, marked `guide` for the
/// manual's badges, disabled while `pending`) and `취소` (`cancel` its caption).
#[component]
pub fn StepButtons(
    /// What went wrong, if anything.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// The submit's caption.
    label: &'static str,
    /// The submit's `data-guide`.
    guide: &'static str,
    /// Whether the step's work runs.
    #[prop(into)]
    pending: Signal<bool>,
    #[prop(default = "취소")] cancel: &'static str,
) -> impl IntoView {
    view! {
        <ErrorLine message=problem />
        <p class="row actions">
            <button type="submit" class="btn primary" data-guide=guide disabled=pending>
                {label}
            </button>
            <CancelButton label=cancel />
        </p>
    }
}

/// `취소` (and step 2's `아니오`): the bank forgets the issuance and the customer is back at
/// the issuance menu.
#[component]
pub fn CancelButton(
    /// The caption.
    #[prop(default = "취소")]
    label: &'static str,
    /// Where the customer lands: the wizard's menu unless given.
    #[prop(default = None)]
    to: Option<&'static str>,
) -> impl IntoView {
    let to = to.unwrap_or_else(|| menu_path(use_menu()));
    let bank = use_bank();
    let navigate = use_navigate();
    let cancel = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            // Whatever the bank answers, the customer has left the wizard.
            let _ = bank.for_customer(|token| CancelIssuance { token }).await;
            navigate(to, Default::default());
        }
    });
    view! {
        <button
            type="button"
            class="btn"
            on:click=move |_| {
                cancel.dispatch(());
            }
        >
            {label}
        </button>
    }
}

/// The wizard page, of the wizard its route provides ([`use_menu`]). It stays on the page from
/// step to step, and keeps what the steps pass on: step 6's fee notice for step 4 and the
/// certificate it issued for step 7.
#[component]
pub fn WizardPage() -> impl IntoView {
    let menu = use_menu();
    let bank = use_bank();
    let params = use_params_map();
    let navigate = use_navigate();
    provide_context(FeeNotice(RwSignal::new(None)));
    provide_context(LastIssued(RwSignal::new(None)));
    let requested = Memo::new(move |_| {
        params
            .read()
            .get_str("step")
            .and_then(|s| s.parse().ok())
            .and_then(Step::from_number)
    });
    // Each answer is kept with the step it was asked for, so that a stale answer (the resource
    // keeps its last value while it refetches) never sends the customer back.
    let status = LocalResource::new(move || {
        let asked = requested.get();
        async move {
            let answer = bank.for_customer(|token| GetIssuance { token, menu }).await;
            (asked, answer)
        }
    });
    let shown = Memo::new(move |_| match status.get() {
        Some((asked, answer)) if asked == requested.get() => Some(match answer {
            Ok(status) => Ok(status.progress.entry(asked)),
            Err(error) => Err(error.to_string()),
        }),
        _ => None,
    });
    Effect::new(move || {
        if let Some(Ok(step)) = shown.get()
            && Some(step) != requested.get()
        {
            let options = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&step_path(menu, step), options);
        }
    });
    let current = Signal::derive(move || match shown.get() {
        Some(Ok(step)) => step,
        _ => requested.get().unwrap_or(Step::Terms),
    });

    view! {
        <PageTitle title=menu.title() trail=menu_trail(menu) />
        <StepIndicator current />
        <h2 class="step-title">{move || format!("{} {}", current.get().number(), current.get().title())}</h2>
        {move || match shown.get() {
            Some(Ok(step)) if Some(step) == requested.get() => {
                match step {
                    Step::Terms => view! { <terms::TermsStep /> }.into_any(),
                    Step::Target => view! { <target::TargetStep /> }.into_any(),
                    Step::Verify => view! { <verify::VerifyStep /> }.into_any(),
                    Step::Fee => view! { <fee::FeeStep /> }.into_any(),
                    Step::Details => view! { <details::DetailsStep /> }.into_any(),
                    Step::Password => view! { <password::PasswordStep /> }.into_any(),
                    Step::Done => view! { <done::DoneStep /> }.into_any(),
                }
            }
            Some(Err(message)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
            _ => view! { <p class="loading">"은행에 확인하는 중입니다…"</p> }.into_any(),
        }}
    }
}
