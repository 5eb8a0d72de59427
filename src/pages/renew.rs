//! 인증서 갱신: from 30 days before expiry the customer renews a certificate with its password:
//! a new key is made in the worker, the request is signed with the current certificate, and
//! the new certificate (one more year) takes the old one's place: in the browser in one
//! transaction, or as a new `NPKI.zip` for a disk.

use leptos::prelude::*;

use crate::bank::BankError;
use crate::bank::api::{CertKind, RENEWAL_DAYS};
use crate::components::proving::{Chosen, ProvingButtons, use_proving};
use crate::components::{ActionButton, LoadedTable, PageTitle, outcome};
use crate::contexts::{use_auth, use_bank};
use crate::customer::{Enrolled, Renewal, Stage, renew};
use crate::format::won;
use crate::kst;
use crate::wallet::{self, Place, WalletError};

/// Puts the renewed certificate where the old one was.
async fn keep(chosen: &Chosen, renewed: &Enrolled) -> Result<&'static str, WalletError> {
    if chosen.from == Place::Browser {
        let old_id = chosen
            .stored
            .as_ref()
            .ok_or(WalletError::Damaged)?
            .id
            .as_str();
        wallet::replace(old_id, &renewed.record).await?;
        Ok("갱신된 인증서를 이 브라우저에 저장했습니다(이전 인증서와 바꿈).")
    } else {
        wallet::save_npki(renewed).await?;
        Ok("갱신된 인증서를 NPKI.zip으로 저장했습니다. 이전 인증서 파일 대신 사용하세요.")
    }
}

/// The page.
#[component]
pub fn RenewPage() -> impl IntoView {
    let auth = use_auth();
    let bank = use_bank();
    let stage = RwSignal::new(None::<Stage>);
    // A renewed certificate that could not be kept: the bank has issued it and superseded the
    // old one, so the customer must be able to save it as files.
    let unsaved = RwSignal::new_local(None::<Enrolled>);
    let stored = LocalResource::new(wallet::list);
    let notice = RwSignal::new(None::<String>);
    let proving = use_proving(notice, move |chosen: Chosen| async move {
        let token = bank.token().map_err(|e| e.to_string())?;
        let user_id = auth
            .user_id()
            .ok_or_else(|| BankError::SessionExpired.to_string())?;
        let show = async |s: Stage| {
            stage.set(Some(s));
            crate::components::paint().await;
        };
        let renewal = Renewal {
            token: &token,
            user_id: &user_id,
            proof: &chosen.proof,
        };
        let renewed = renew(&bank, renewal, show).await;
        stage.set(None);
        let renewed = renewed.map_err(|e| e.to_string())?;
        let saved = keep(&chosen, &renewed).await.map_err(|error| {
            let message = format!(
                "{error} 새 인증서는 이미 발급되었고 이전 인증서는 더 이상 쓸 수 없습니다. 아래 [새 인증서 파일 저장]으로 NPKI.zip을 받아 두세요."
            );
            unsaved.set(Some(renewed.clone()));
            message
        })?;
        stored.refetch();
        Ok(format!(
            "인증서를 갱신했습니다. 새 인증서의 만료일은 {}입니다. {saved} 이전 인증서는 더 이상 사용할 수 없습니다.",
            renewed.record.expires
        ))
    });
    // `새 인증서 파일 저장` for a renewed certificate that could not be kept.
    let save_unsaved = Action::new_local(move |_: &()| async move {
        let Some(renewed) = unsaved.get_untracked() else {
            return Ok(());
        };
        wallet::save_npki(&renewed).await?;
        unsaved.set(None);
        Ok::<(), WalletError>(())
    });
    let save_failed = outcome(save_unsaved, move |()| {
        notice.set(Some(
            "새 인증서를 NPKI.zip으로 저장했습니다. 이전 인증서 대신 사용하세요.".to_owned(),
        ))
    });
    view! {
        <PageTitle title="인증서 갱신" trail=&["공인인증서"] />
        <ul class="bullets">
            <li>{format!("유효기간 만료 {RENEWAL_DAYS}일 전부터 만료일까지 갱신할 수 있습니다. 만료된 인증서는 새로 발급받아야 합니다.")}</li>
            <li>
                {format!(
                    "갱신한 인증서는 지금 인증서의 만료일부터 1년 더 사용할 수 있으며, 발급수수료(개인 범용 {}, 기업 범용 {}, 전자세금용 {})가 출금계좌에서 출금됩니다.",
                    won(CertKind::General.fee()),
                    won(CertKind::CorporateGeneral.fee()),
                    won(CertKind::Tax.fee()),
                )}
            </li>
            <li>"지금 인증서의 암호로 본인임을 확인하고, 새 전자서명 키를 이 브라우저에서 만듭니다. 새 인증서의 암호는 지금 암호와 같습니다."</li>
        </ul>
        <h3>"이 브라우저의 인증서"</h3>
        <LoadedTable
            class="renew-list"
            columns=&["사용자", "발급자", "만료일", "갱신 가능일"]
            list=stored
            empty="이 브라우저에 저장된 인증서가 없습니다."
            row=move |r| {
                let opens = kst::days_before(&r.expires, RENEWAL_DAYS).unwrap_or_default();
                view! {
                    <tr>
                        <td>{r.holder}</td>
                        <td>{r.issuer}</td>
                        <td>{r.expires}</td>
                        <td class="opens">{format!("{opens}부터")}</td>
                    </tr>
                }
            }
        />
        <ProvingButtons proving class="renew-buttons"
            buttons=[(Place::Browser, "브라우저인증서 갱신"), (Place::HardDisk, "하드디스크/이동식디스크 인증서 갱신")] />
        <Show when=move || stage.get().is_some()>
            <div class="issuing" role="status" aria-live="polite">
                <p class="issuing-title">"인증서 갱신 중…"</p>
                <p>{move || stage.get().map(Stage::label)}</p>
            </div>
        </Show>
        <p class="status" role="status" aria-live="polite">{move || notice.get()}</p>
        <Show when=move || unsaved.with(Option::is_some)>
            <div class="warning unsaved" role="alert">
                <p>{move || save_failed.get().or_else(|| proving.error())}</p>
                <ActionButton action=save_unsaved label="새 인증서 파일 저장" class="btn primary" />
            </div>
        </Show>
    }
}
