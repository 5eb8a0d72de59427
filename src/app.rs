//! The router, the providers and the routes.

use leptos::prelude::*;
use leptos_router::components::{
    Outlet, ParentRoute, ProtectedParentRoute, ProtectedRoute, Route, Router, Routes,
};
use leptos_router::hooks::use_location;
use leptos_router::{OptionalParamSegment, StaticSegment, path};

use crate::bank::Clock;
use crate::bank::api::IssueMenu;
use crate::components::header::login_href;
use crate::components::{GuidePanel, Header, provide_aids, provide_guide};
use crate::contexts::{provide_auth, provide_bank};
use crate::pages::wizard::wizard_path;
use crate::pages::{CenterHome, CenterLayout, HomePage, LoginPage, NotFound};

mod later;
use later::*;

/// How long the mock bank takes to answer, so that pending states show as they would online.
const BANK_LATENCY_MS: u32 = 250;

/// Starts the bank's worker when the learner first touches the page (a tap, a click, a key),
/// so that it is ready by their first request without the first screen paying for its module.
#[cfg(target_arch = "wasm32")]
fn start_on_first_touch(worker: crate::bank::worker::BankWorker) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let start = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || worker.start_early());
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    options.set_passive(true);
    for event in ["pointerdown", "keydown"] {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            start.as_ref().unchecked_ref(),
            &options,
        );
    }
    // Listens as long as the page; starting twice does nothing.
    start.forget();
}

/// One wizard's route: its path ([`wizard_path`]) with the step number after it or without one.
/// One route for every step, so that the wizard stays on the page from step to step.
#[component(transparent)]
fn WizardRoutes(menu: IssueMenu) -> impl leptos_router::MatchNestedRoutes + Clone {
    let (first, second) = wizard_path(menu)
        .trim_start_matches("/center/")
        .split_once('/')
        .expect("a wizard's path has two segments below /center");
    let path = (
        StaticSegment(first),
        StaticSegment(second),
        OptionalParamSegment("step"),
    );
    view! {
        <Route
            path
            view=move || {
                provide_context(menu);
                view! { <LaterWizard /> }
            }
        />
    }
    .into_inner()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    // The bank runs in its own worker; natively (where the app only compiles) in this thread.
    #[cfg(target_arch = "wasm32")]
    let bank = {
        let worker = crate::bank::worker::BankWorker::new();
        start_on_first_touch(worker.clone());
        crate::bank::BankClient::new(std::rc::Rc::new(worker), Clock::from_page())
    };
    #[cfg(not(target_arch = "wasm32"))]
    let bank =
        crate::mock_bank::MockBank::new(crate::mock_bank::BankStore::memory(), Clock::from_page())
            .in_thread();
    let auth = provide_auth();
    provide_bank(bank.with_latency(BANK_LATENCY_MS), auth);
    provide_guide();
    provide_aids();
    let logged_in = move || Some(auth.logged_in());
    let to_login = || {
        let location = use_location();
        login_href(&(location.pathname.get_untracked() + &location.search.get_untracked()))
    };

    view! {
        <Router>
            <Header />
            <Routes fallback=NotFound>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/login") view=LoginPage />
                <ProtectedRoute
                    path=path!("/account/password")
                    view=LaterLoginPassword
                    condition=logged_in
                    redirect_path=to_login
                />
                <Route path=path!("/bench") view=LaterBench />
                <Route path=path!("/practice") view=LaterPractice />
                <Route path=path!("/practice/record") view=LaterRecord />
                <ParentRoute path=path!("/center") view=CenterLayout>
                    <Route path=path!("") view=CenterHome />
                    <Route path=path!("issue") view=LaterIssue />
                    <Route path=path!("issue/check") view=LaterBrowserCheck />
                    <Route path=path!("tax") view=LaterTax />
                    <Route path=path!("phone-copy") view=LaterPhoneCopy />
                    <Route path=path!("manage") view=LaterManage />
                    <Route path=path!("bio") view=LaterBio />
                    <Route path=path!("cloud") view=LaterCloud />
                    <Route path=path!("cloud/manage") view=LaterCloud />
                    // What only a logged-in customer may open: the login page, then back here.
                    <ProtectedParentRoute
                        path=path!("")
                        view=Outlet
                        condition=logged_in
                        redirect_path=to_login
                    >
                        <WizardRoutes menu=IssueMenu::Personal />
                        <WizardRoutes menu=IssueMenu::Corporate />
                        <WizardRoutes menu=IssueMenu::Tax />
                        <Route path=path!("consent") view=LaterConsent />
                        <Route path=path!("list") view=LaterCertList />
                        <Route path=path!("tax/list") view=LaterCertList />
                        <Route path=path!("renew") view=LaterRenew />
                        <Route path=path!("tax/renew") view=LaterRenew />
                        <Route path=path!("revoke") view=LaterRevoke />
                        <Route path=path!("tax/revoke") view=LaterRevoke />
                        <Route path=path!("other-bank") view=LaterOtherBank />
                        <Route path=path!("receipts") view=LaterReceipts />
                        <Route path=path!("cloud/issue") view=LaterCloud />
                    </ProtectedParentRoute>
                    <Route path=path!(":section") view=LaterInfo />
                </ParentRoute>
            </Routes>
            <GuidePanel />
            <footer class="site-footer">
                <p>
                    "모의은행은 학습용 가상 은행입니다. 실제 금융거래와 실제 인증서 발급은 이루어지지 않습니다."
                </p>
            </footer>
        </Router>
    }
}
