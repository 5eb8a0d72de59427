//! 인증서 조회: the customer's certificates as the bank's records have them (status 발급, 폐기,
//! 만료), and the mock root CA's certificate to download.

use leptos::prelude::*;

use crate::bank::BankApi;
use crate::bank::api::{GetRootCertificate, ListCertificates};
use crate::browser::download_from_bank;
use crate::components::{ActionButton, ErrorLine, Loaded, PageTitle, TableHead, outcome, to_issue};
use crate::contexts::use_bank;

/// `최상위 인증기관 인증서 내려받기`: the mock root certificate as `mock-root-ca.der`.
#[component]
pub fn RootCertificateButton() -> impl IntoView {
    let bank = use_bank();
    let fetch = Action::new_local(move |_: &()| async move {
        download_from_bank(
            bank.call(GetRootCertificate).await,
            "mock-root-ca.der",
            "application/pkix-cert",
        )
    });
    let problem = outcome(fetch, |()| {});
    view! {
        <p class="row">
            <ActionButton action=fetch label="최상위 인증기관 인증서 내려받기" />
            <span class="hint">
                "모의은행 연습용 최상위 인증기관(MOCK Root CA)의 인증서입니다. 실제 인증기관이 아니므로 운영체제에 신뢰 인증서로 설치하지 마세요."
            </span>
        </p>
        <ErrorLine message=problem />
    }
}

/// The page.
#[component]
pub fn CertListPage() -> impl IntoView {
    let bank = use_bank();
    let rows = LocalResource::new(move || async move {
        bank.for_customer(|token| ListCertificates { token }).await
    });

    view! {
        <PageTitle title="인증서 조회" trail=&["공인인증서"] />
        <p>
            "모의은행에서 고객님께 발급한 인증서와 등록한 타행·타기관 인증서를 은행 기록으로 보여 드립니다."
        </p>
        <Loaded
            list=rows
            loading="은행에 확인하는 중입니다…"
            empty=to_issue("발급받으신 인증서가 없습니다. ", "에서 발급받으세요.")
            view=|list| {
                view! {
                    <table class="data-table cert-status">
                        <TableHead columns=&["구분", "발급기관", "일련번호", "유효기간", "상태"] />
                        <tbody>
                            {list
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <tr>
                                            <td>
                                                {c.kind.full_label()}
                                                {c.registered.then_some(" (타행·타기관 등록)")}
                                            </td>
                                            <td>{c.ca.label()}</td>
                                            <td class="serial">{c.serial}</td>
                                            <td>{format!("{} ~ {}", c.valid_from, c.valid_to)}</td>
                                            <td>{c.status.label()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
            }
        />
        <h3>"인증기관 인증서"</h3>
        <RootCertificateButton />
    }
}
