//! 타행·타기관 인증서 등록/해제: the certificates of other institutions registered to the
//! customer (with 해제), registration after step 3's additional verification, and a practice
//! certificate from 모의증권 for learners who hold none.

use leptos::prelude::*;

use crate::bank::BankError;
use crate::bank::api::{
    ListCertificates, OTHER_INSTITUTION, StartRegistration, UnregisterCertificate,
};
use crate::bank::rules::check_password;
use crate::components::proving::{Chosen, ProvingButtons, use_proving};
use crate::components::{
    ActionButton, ErrorLine, LoadedTable, NewPassword, PageTitle, PasswordInput, outcome,
};
use crate::contexts::{use_auth, use_bank};
use crate::customer::{issue_elsewhere, register};
use crate::pages::wizard::verify::VerifyStep;
use crate::wallet;
use crate::wallet::Place;

/// Where a registration is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Registration {
    Idle,
    Verifying,
    Verified,
}

/// The page.
#[component]
pub fn OtherBankPage() -> impl IntoView {
    let bank = use_bank();
    let notice = RwSignal::new(None::<String>);
    let registered = {
        LocalResource::new(move || async move {
            let list = bank
                .for_customer(|token| ListCertificates { token })
                .await?;
            Ok::<_, BankError>(
                list.into_iter()
                    .filter(|c| c.registered)
                    .collect::<Vec<_>>(),
            )
        })
    };

    let state = RwSignal::new(Registration::Idle);
    let start = Action::new_local(move |_: &()| {
        notice.set(None);
        async move { bank.for_customer(|token| StartRegistration { token }).await }
    });
    let start_refused = outcome(start, move |()| state.set(Registration::Verifying));
    let proving = use_proving(notice, move |chosen: Chosen| async move {
        let token = bank.token().map_err(|e| e.to_string())?;
        let view = register(&bank, token, &chosen.proof)
            .await
            .map_err(|e| e.to_string())?;
        state.set(Registration::Idle);
        registered.refetch();
        Ok(format!(
            "{} 인증서(일련번호 {})를 등록했습니다. 이제 이 인증서로 모의은행에 로그인할 수 있습니다.",
            view.ca.label(),
            view.serial
        ))
    });
    let release = Action::new_local(move |serial: &String| {
        let serial = serial.clone();
        async move {
            let request = |token| UnregisterCertificate {
                token,
                serial: serial.clone(),
            };
            bank.for_customer(request).await?;
            registered.refetch();
            Ok::<_, BankError>(format!(
                "인증서(일련번호 {serial}) 등록을 해제했습니다. 이 인증서로는 더 이상 로그인할 수 없습니다."
            ))
        }
    });
    let release_refused = outcome(release, move |message| notice.set(Some(message)));
    let problem = move || start_refused.get().or_else(|| release_refused.get());

    view! {
        <PageTitle title="타행·타기관 인증서 등록/해제" trail=&["공인인증서"] bullets=&[
            "다른 은행·증권·보험·공공기관에서 발급받은 범용 인증서를 모의은행에서 쓰려면 먼저 등록해야 합니다.",
            "등록은 추가 본인확인(ARS 인증, 계좌비밀번호와 보안카드 또는 OTP)을 마친 뒤 할 수 있으며, 은행은 인증서의 본인확인정보(VID)로 고객님의 인증서인지 확인합니다.",
            "등록을 해제하면 그 인증서로는 모의은행에 로그인할 수 없습니다. 등록한 날을 포함해 4일간은 대출 신청이 제한됩니다.",
        ] />
        <h3>"등록된 타행·타기관 인증서"</h3>
        <LoadedTable
            class="registered-list"
            columns=&["발급기관", "일련번호", "만료일", "해제"]
            list=registered
            empty="등록된 타행·타기관 인증서가 없습니다."
            row=move |c| {
                let serial = c.serial.clone();
                view! {
                    <tr>
                        <td>{c.ca.label()}</td>
                        <td class="serial">{c.serial}</td>
                        <td>{c.valid_to}</td>
                        <td>
                            <button
                                type="button"
                                class="btn"
                                data-guide="other-bank-release"
                                disabled=move || release.pending().get()
                                on:click=move |_| {
                                    release.dispatch(serial.clone());
                                }
                            >
                                "해제"
                            </button>
                        </td>
                    </tr>
                }
            }
        />
        <p class="status" role="status" aria-live="polite">{move || notice.get()}</p>
        <p class="error" role="alert">{problem}</p>

        <h3>"인증서 등록"</h3>
        {move || match state.get() {
            Registration::Idle => {
                view! {
                    <p class="row">
                        <ActionButton action=start label="인증서 등록" class="btn primary" attr:data-guide="other-bank-register" />
                    </p>
                }
                    .into_any()
            }
            Registration::Verifying => {
                view! {
                    <VerifyStep
                        on_verified=Callback::new(move |()| state.set(Registration::Verified))
                        cancel_to=Some("/center")
                    />
                }
                    .into_any()
            }
            Registration::Verified => {
                view! {
                    <p>"추가 본인확인을 마쳤습니다. 등록할 인증서를 선택하고 인증서 암호를 입력해 주세요."</p>
                    <ProvingButtons proving class="register-buttons"
                        buttons=[(Place::HardDisk, "하드디스크/이동식디스크 인증서 선택"), (Place::Browser, "브라우저인증서 선택")] />
                }
                    .into_any()
            }
        }}

        <PracticeCertificate />

    }
}

/// 연습용 타기관 인증서: a free 범용 certificate from 모의증권 (another institution on the same
/// mock CAs), saved as NPKI files, to practise registering it.
#[component]
fn PracticeCertificate() -> impl IntoView {
    let auth = use_auth();
    let bank = use_bank();
    let new_password = NewPassword::new(check_password, "암호와 암호 확인이 일치하지 않습니다.");
    let practice = Action::new_local(move |_: &()| {
        let checked = new_password.checked();
        async move {
            let pw = checked?;
            let token = bank.token().map_err(|e| e.to_string())?;
            let user_id = auth.user_id().unwrap_or_default();
            let issued = issue_elsewhere(&bank, token, &user_id, &pw)
                .await
                .map_err(|e| e.to_string())?;
            wallet::save_npki(&issued).await.map_err(|e| e.to_string())
        }
    });
    let notice = RwSignal::new(None::<String>);
    let problem = outcome(practice, move |()| {
        notice.set(Some(format!(
            "{OTHER_INSTITUTION}의 연습용 범용 인증서를 NPKI.zip으로 저장했습니다. 위 [인증서 등록]으로 등록해 보세요."
        )))
    });
    view! {
        <h3>{format!("연습용 타기관 인증서 ({OTHER_INSTITUTION})")}</h3>
        <p>
            {format!(
                "다른 기관의 인증서가 없다면, 연습용 기관인 {OTHER_INSTITUTION}에서 고객님 명의의 범용 인증서(무료)를 받아 등록을 연습할 수 있습니다. 인증서는 NPKI.zip으로 저장됩니다.",
            )}
        </p>
        <form
            class="practice-form"
            data-guide="practice-form"
            novalidate=true
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                notice.set(None);
                practice.dispatch(());
            }
        >
            <PasswordInput id="practice-password" label="인증서 암호" value=new_password.password autocomplete="new-password" />
            <PasswordInput id="practice-password-again" label="인증서 암호 확인" value=new_password.again autocomplete="new-password" />
            <p class="status" role="status" aria-live="polite">{move || notice.get()}</p>
            <ErrorLine message=problem />
            <p class="row">
                <button type="submit" class="btn" data-guide="practice-get" disabled=move || practice.pending().get()>
                    {move || if practice.pending().get() { "발급 중…" } else { "모의증권 인증서 받기" }}
                </button>
            </p>
        </form>
    }
}
