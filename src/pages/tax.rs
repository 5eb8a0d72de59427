//! 전자세금용 인증서: the tab's own home. Its left menu (발급/재발급, 갱신, 조회, 폐기) leads to
//! the issuance wizard with the one kind `전자세금용` and to the center's renewal, list and
//! revocation, which serve every certificate of the customer's.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::bank::api::{CertKind, IssueMenu};
use crate::components::PageTitle;
use crate::format::won;
use crate::pages::issue::IssueBox;

/// The tab's home: what the certificate is for, who may have it, and the way in.
#[component]
pub fn TaxPage() -> impl IntoView {
    let cas = CertKind::Tax
        .cas()
        .iter()
        .map(|ca| ca.label())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <PageTitle title="전자세금용 인증서" trail=&["전자세금용인증서"] />
        <ul class="notes">
            <li>"전자세금용 인증서는 전자세금계산서 발급 전용 인증서입니다."</li>
            <li>
                "기업인터넷뱅킹을 신청한 사업자 고객(법인, 사업자등록번호를 등록한 개인사업자)이 발급받을 수 있습니다."
            </li>
            <li>{format!("수수료: {}/년 (발급기관: {cas})", won(CertKind::Tax.fee()))}</li>
            <li>
                "재발급하면 기존 인증서는 자동으로 폐기되며, 유효기간 연장은 만료 30일 전부터 [갱신]을 이용하세요."
            </li>
            <li>"인증서 발급 가능시간: 01:00~23:00"</li>
        </ul>
        <div class="issue-boxes">
            <IssueBox
                menu=IssueMenu::Tax
                title="전자세금용 인증서 발급/재발급"
                who="법인, 개인사업자, 임의단체 중"
                lines=&["기업인터넷뱅킹을 신청한 고객", "전자세금계산서를 발급하려는 고객"]
            />
            <article class="issue-box">
                <h2>"갱신 / 조회 / 폐기"</h2>
                <p class="row">
                    <A href="/center/tax/renew" attr:class="btn">
                        "갱신"
                    </A>
                    <A href="/center/tax/list" attr:class="btn">
                        "조회"
                    </A>
                    <A href="/center/tax/revoke" attr:class="btn">
                        "폐기"
                    </A>
                </p>
            </article>
        </div>
    }
}
