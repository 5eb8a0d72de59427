//! "Choose a certificate, type its password, prove it", as 인증서 갱신, 인증서 폐기, 타행·타기관
//! 인증서 등록 and the PC's 스마트폰인증서 복사 offer it: two buttons that open the selection
//! dialog on a place, the dialog, and the page's work run with the choice.

use std::future::Future;

use leptos::prelude::*;

use super::cert_picker::CertificatePicker;
use super::outcome;
use crate::customer::Proof;
use crate::store::StoredCertificate;
use crate::wallet::Place;

/// What the dialog hands the page's work.
#[derive(Clone)]
pub struct Chosen {
    /// The certificate with its key file and the password typed for it.
    pub proof: Proof,
    /// Its record, for a browser certificate.
    pub stored: Option<StoredCertificate>,
    /// Where it was chosen from.
    pub from: Place,
}

/// A page's proving: the dialog's place, the work, and the last success's message.
#[derive(Clone, Copy)]
pub struct Proving {
    place: RwSignal<Option<Place>>,
    action: Action<Chosen, Result<String, String>>,
    /// The last failure's message, shown in the dialog.
    error: Signal<Option<String>>,
    /// The page's notice, which a success's message goes to.
    notice: RwSignal<Option<String>>,
}

/// Proving for a page: `work` runs with each confirmed choice; its `Ok` closes the dialog and
/// goes to the page's `notice` (cleared when the dialog opens again), its `Err` shows in the
/// dialog.
pub fn use_proving<Fut>(
    notice: RwSignal<Option<String>>,
    work: impl Fn(Chosen) -> Fut + 'static,
) -> Proving
where
    Fut: Future<Output = Result<String, String>> + 'static,
{
    let place = RwSignal::new(None);
    let action = Action::new_local(move |chosen: &Chosen| work(chosen.clone()));
    let error = outcome(action, move |message| {
        place.set(None);
        notice.set(Some(message));
    });
    Proving {
        place,
        action,
        error,
        notice,
    }
}

impl Proving {
    /// Opens the dialog on `place`, forgetting the last notice and failure.
    pub fn open(self, place: Place) {
        self.notice.set(None);
        self.action.value().set(None);
        self.place.set(Some(place));
    }

    /// The last attempt's failure, if it failed.
    pub fn error(self) -> Option<String> {
        self.error.get()
    }
}

/// The two buttons that open the dialog (the first, the page's main action, is highlighted)
/// and the dialog itself.
#[component]
pub fn ProvingButtons(
    /// The page's proving.
    proving: Proving,
    /// Each button's place and caption, in order.
    buttons: [(Place, &'static str); 2],
    /// The class of the buttons' row.
    class: &'static str,
) -> impl IntoView {
    let [first, second] = buttons;
    let button = move |(place, label): (Place, &'static str), class: &'static str| {
        view! {
            <button type="button" class=class data-guide=format!("prove-{place:?}") on:click=move |_| proving.open(place)>
                {label}
            </button>
        }
    };
    let confirm = move |(candidate, password): (super::Candidate, String)| {
        let Some(from) = proving.place.get_untracked() else {
            return;
        };
        let proof = Proof {
            certificate: candidate.certificate,
            key_file: candidate.key_file,
            password,
            origin: window().location().origin().unwrap_or_default(),
        };
        proving.action.dispatch_local(Chosen {
            proof,
            stored: candidate.stored,
            from,
        });
    };
    view! {
        <p class=format!("row actions {class}")>
            {button(first, "btn primary")}
            {button(second, "btn")}
        </p>
        <CertificatePicker
            source=proving.place
            on_confirm=Callback::new(confirm)
            error=proving.error
            busy=proving.action.pending().into()
        />
    }
}
