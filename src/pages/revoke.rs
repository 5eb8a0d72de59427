//! 인증서 폐기: the customer chooses a certificate and confirms with its password; the bank
//! revokes it (refunding the fee within 7 days of issue) and lists it in its CA's CRL, which
//! can be downloaded here.

use leptos::prelude::*;

use crate::bank::BankApi;
use crate::bank::api::{Ca, GetCrl};
use crate::browser::download_from_bank;
use crate::components::proving::{Chosen, ProvingButtons, use_proving};
use crate::components::{ActionButton, ErrorLine, PageTitle, outcome};
use crate::contexts::use_bank;
use crate::customer::revoke;
use crate::format::won;
use crate::wallet;
use crate::wallet::Place;

/// `인증서 폐기목록(CRL) 내려받기` for a chosen CA.
#[component]
fn CrlDownload() -> impl IntoView {
    let bank = use_bank();
    let ca = RwSignal::new(Ca::Yessign);
    let fetch = Action::new_local(move |_: &()| {
        let ca = ca.get_untracked();
        async move {
            let name = format!("{}.crl", crate::pki::profile::ca_org(ca));
            download_from_bank(
                bank.call(GetCrl { ca }).await,
                &name,
                "application/pkix-crl",
            )
        }
    });
    let problem = outcome(fetch, |()| {});
    let cas = [Ca::Yessign, Ca::Kica, Ca::SignKorea, Ca::CrossCert];
    view! {
        <h3>"인증서 폐기목록(CRL)"</h3>
        <p>
            "인증기관은 폐기된 인증서의 일련번호를 전자서명한 목록(CRL)으로 공개합니다. 인증서를 확인하는 프로그램은 이 목록으로 폐기 여부를 확인합니다."
        </p>
        <p class="row">
            <label for="crl-ca">"발급기관"</label>
            <select
                id="crl-ca"
                on:change=move |ev| {
                    let index = event_target_value(&ev).parse::<usize>().unwrap_or(0);
                    ca.set(cas[index.min(cas.len() - 1)]);
                }
            >
                {cas
                    .iter()
                    .enumerate()
                    .map(|(i, c)| view! { <option value=i.to_string()>{c.label()}</option> })
                    .collect_view()}
            </select>
            <ActionButton action=fetch label="인증서 폐기목록(CRL) 내려받기" />
        </p>
        <ErrorLine message=problem />
    }
}

/// The page.
#[component]
pub fn RevokePage() -> impl IntoView {
    let bank = use_bank();
    let notice = RwSignal::new(None::<String>);
    let proving = use_proving(notice, move |chosen: Chosen| async move {
        let token = bank.token().map_err(|e| e.to_string())?;
        let revocation = revoke(&bank, token, &chosen.proof)
            .await
            .map_err(|e| e.to_string())?;
        let mut text = format!(
            "인증서를 폐기했습니다. (일련번호 {}) 폐기한 인증서로는 더 이상 로그인할 수 없습니다.",
            revocation.serial
        );
        if revocation.refund > 0 {
            text.push_str(&format!(
                " 발급일로부터 7일 이내이므로 수수료 {}을 출금계좌로 돌려드렸습니다.",
                won(revocation.refund)
            ));
        }
        // A revoked browser certificate is of no use: it leaves the browser too.
        if chosen.from == Place::Browser
            && wallet::remove_certificate(&chosen.proof.certificate)
                .await
                .is_ok()
        {
            text.push_str(" 이 브라우저에 저장된 인증서도 삭제했습니다.");
        }
        Ok(text)
    });
    view! {
        <PageTitle title="인증서 폐기" trail=&["공인인증서"] bullets=&[
            "폐기한 인증서는 다시 사용할 수 없으며, 필요하면 새로 발급받아야 합니다.",
            "발급일로부터 7일 이내(발급일 포함)에 폐기하면 발급수수료를 출금계좌로 돌려드립니다. 그 이후에는 돌려드리지 않으며, 영수증은 8일째부터 발급됩니다.",
            "폐기할 인증서를 선택하고 인증서 암호를 입력해 본인임을 확인합니다.",
        ] />
        <ProvingButtons proving class="revoke-buttons"
            buttons=[(Place::Browser, "브라우저인증서 폐기"), (Place::HardDisk, "하드디스크/이동식디스크 인증서 폐기")] />
        <p class="status" role="status" aria-live="polite">{move || notice.get()}</p>
        <CrlDownload />
    }
}
