//! The screens outside the entry pages, each in its own part of the module when built with the
//! `split` feature (the release bundle): the home, the login and the center's home come with
//! the page; a screen below is fetched the first time someone opens it. Without the feature
//! (tests, `cargo check`) they are ordinary async functions in the one module.

use leptos::prelude::*;

use crate::components::later;
use crate::pages::*;

/// One screen as a split point: `name => view`, and a component `Name` that shows it.
macro_rules! screens {
    ($($component:ident: $name:ident => $view:expr;)*) => {$(
        #[cfg_attr(feature = "split", leptos::lazy)]
        async fn $name() -> AnyView {
            $view.into_any()
        }

        #[component]
        pub fn $component() -> impl IntoView {
            later($name())
        }
    )*};
}

screens! {
    LaterWizard: wizard => view! { <WizardPage /> };
    LaterIssue: issue => view! { <IssuePage /> };
    LaterBrowserCheck: browser_check => view! { <BrowserCheckPage /> };
    LaterConsent: consent => view! { <ConsentPage /> };
    LaterTax: tax => view! { <TaxPage /> };
    LaterPhoneCopy: phone_copy => view! { <PhoneCopyPage /> };
    LaterCertList: cert_list => view! { <CertListPage /> };
    LaterRenew: renew => view! { <RenewPage /> };
    LaterRevoke: revoke => view! { <RevokePage /> };
    LaterOtherBank: other_bank => view! { <OtherBankPage /> };
    LaterReceipts: receipts => view! { <ReceiptsPage /> };
    LaterManage: manage => view! { <ManagePage /> };
    LaterInfo: info => view! { <InfoPage /> };
    LaterLoginPassword: login_password => view! { <LoginPasswordPage /> };
    LaterBench: bench => view! { <Bench /> };
    LaterPractice: practice => view! { <PracticePage /> };
    LaterBio: bio => view! { <BioPage /> };
    LaterRecord: practice_record => view! { <RecordPage /> };
    LaterCloud: cloud => view! { <CloudScreens /> };
}
