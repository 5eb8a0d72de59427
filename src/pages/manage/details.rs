//! 인증서 상세정보: what a stored certificate says of itself.

use leptos::prelude::*;

use crate::store::StoredCertificate;
use crate::wallet::WalletError;

/// The details table of one stored certificate.
#[component]
pub fn DetailsTable(record: StoredCertificate) -> impl IntoView {
    let certificate = record
        .files()
        .map(|(certificate, _)| certificate)
        .ok_or_else(|| WalletError::Damaged.to_string());
    view! { <CertificateDetails certificate /> }
}

/// The details table of a certificate, DER (read in the key worker).
#[component]
pub fn CertificateDetails(certificate: Result<Vec<u8>, String>) -> impl IntoView {
    let details = LocalResource::new(move || {
        let certificate = certificate.clone();
        async move {
            crate::worker::details(&certificate?)
                .await
                .map_err(|e| crate::customer::CertError::from(e).to_string())
        }
    });
    move || match details.get() {
        None => view! { <p class="loading">"인증서 정보를 읽는 중입니다…"</p> }.into_any(),
        Some(Ok(d)) => {
            let policies = d
                .policies
                .iter()
                .map(|(oid, meaning)| match meaning {
                    Some(m) => format!("{oid} ({m})"),
                    None => oid.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <table class="form-table cert-details">
                    <tbody>
                        <tr><th scope="row">"소유자"</th><td>{d.subject}</td></tr>
                        <tr><th scope="row">"발급자"</th><td>{d.issuer}</td></tr>
                        <tr><th scope="row">"일련번호"</th><td class="serial">{d.serial}</td></tr>
                        <tr><th scope="row">"유효기간"</th><td>{format!("{} ~ {} (한국시간)", d.not_before, d.not_after)}</td></tr>
                        <tr><th scope="row">"인증서 정책"</th><td>{policies}</td></tr>
                        <tr><th scope="row">"키 용도"</th><td>{d.key_usage.join(", ")}</td></tr>
                        <tr><th scope="row">"지문 (SHA-256)"</th><td class="serial">{d.sha256}</td></tr>
                        <tr><th scope="row">"지문 (SHA-1)"</th><td class="serial">{d.sha1}</td></tr>
                    </tbody>
                </table>
            }
            .into_any()
        }
        Some(Err(e)) => {
            view! { <p class="error">{format!("인증서를 읽을 수 없습니다: {e}")}</p> }.into_any()
        }
    }
}
