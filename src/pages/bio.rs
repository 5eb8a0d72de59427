//! 바이오인증 (the center's menu entry): this browser's certificates, each with where its
//! 바이오인증 stands and its 등록/해제, the same components as 인증서 관리.

use leptos::prelude::*;

use crate::components::{PageTitle, StoredCertificates};
use crate::pages::manage::bio::{BioDialog, BioSection};
use crate::store::StoredCertificate;
use crate::wallet;

/// The page.
#[component]
pub fn BioPage() -> impl IntoView {
    let certificates = LocalResource::new(wallet::list);
    let registering = RwSignal::new(None::<StoredCertificate>);
    let notice = RwSignal::new(None::<String>);
    let on_done = Callback::new(move |message: String| {
        registering.set(None);
        notice.set(Some(message));
        certificates.refetch();
    });
    let on_cancel = Callback::new(move |()| registering.set(None));
    view! {
        <PageTitle title="바이오인증" trail=&["공인인증서"] bullets=&[
            "바이오인증은 지문이나 얼굴 인식으로 인증서 암호 입력을 대신하는 서비스입니다. 이 브라우저에 저장된 인증서(브라우저인증서)에 등록합니다.",
            "등록할 때 인증서 암호를 한 번 확인하고 이 기기의 지문이나 얼굴 인식을 등록합니다. 로그인할 때 인증서 선택 창의 [바이오인증]을 누르면 암호 없이 로그인합니다.",
            "이 브라우저의 인증 장치(WebAuthn)와 그 PRF 확장 기능을 씁니다. 지원하지 않는 브라우저에서는 그렇게 안내하고 인증서 암호를 그대로 씁니다. 인증서 암호를 바꿔도 바이오인증은 계속 쓸 수 있고, 인증서를 삭제하면 바이오인증도 함께 지워집니다.",
            "브라우저는 IP 주소(예: 127.0.0.1)로 연 페이지의 바이오인증을 거절합니다. localhost 주소로 열어 주세요. 주소가 다르면 저장된 인증서도 따로입니다.",
        ] />
        <p class="status" role="status" aria-live="polite">{move || notice.get()}</p>
        <StoredCertificates
            list=certificates
            view=move |list| {
                list.into_iter()
                    .map(|record| {
                        let chosen = record.clone();
                        view! {
                            <section class="bio-certificate">
                                <h3>{format!("{} ({}, {}까지)", record.holder, record.issuer, record.expires)}</h3>
                                <BioSection
                                    record
                                    on_register=Callback::new(move |()| registering.set(Some(chosen.clone())))
                                    on_done
                                />
                            </section>
                        }
                    })
                    .collect_view()
            }
        />
        {move || registering.get().map(|record| view! { <BioDialog record on_done on_cancel /> })}
    }
}
