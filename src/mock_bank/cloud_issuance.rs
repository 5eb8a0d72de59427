//! The bank's part of 금융인증서 발급/재발급: 금융결제원's terms, and 휴대폰 본인확인 by a texted
//! code in place of the ARS call. The rest is the wizards' own: step 3's account check (which,
//! for a 금융인증서, also settles the fee and the details the bank already has), the subject,
//! and issuing.

use super::BankState;
use super::issuance::Ars;
use super::wire::internal;
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::rules::{self, TextedCode};
use crate::wizard::{Progress, Step};

impl BankState {
    pub(super) fn agree_cloud_terms(
        &mut self,
        now: Millis,
        r: AgreeCloudTerms,
    ) -> BankResult<Progress> {
        let cx = self.context_at(&r.token, Step::Terms)?;
        if cx.issuance.menu != IssueMenu::Cloud {
            return Err(BankError::BadRequest {
                detail: "the session's issuance is not a 금융인증서's".to_owned(),
            });
        }
        super::issuance::eligible(cx.customer, IssueMenu::Cloud)?;
        if !r.cloud_terms {
            return Err(BankError::ConsentMissing {
                what: "금융결제원 이용약관".to_owned(),
            });
        }
        cx.issuance.complete(Step::Terms)?;
        self.choose_certificate(
            now,
            ChooseCertificate {
                token: r.token,
                kind: CertKind::Cloud,
                ca: Ca::Yessign,
                ca_terms: r.cloud_terms,
                third_party: r.third_party,
                prior_consent: true,
            },
        )
    }

    pub(super) fn start_text(&mut self, r: StartText) -> BankResult<TextMessage> {
        let cx = self.context_at(&r.token, Step::Verify)?;
        let phone = cx
            .customer
            .phones
            .get(r.phone)
            .filter(|p| p.starts_with("01"))
            .ok_or(BankError::UnknownPhone)?;
        let code = TextedCode::new().map_err(internal)?;
        let body = format!(
            "[모의은행] 금융인증서 발급 본인확인 인증번호 [{}]를 입력해 주세요.",
            code.code()
        );
        cx.issuance.ars = Ars::Texted(code);
        Ok(TextMessage {
            to: rules::phone_masked(phone),
            body,
        })
    }

    pub(super) fn confirm_text(&mut self, r: ConfirmText) -> BankResult<()> {
        let cx = self.context_at(&r.token, Step::Verify)?;
        let Ars::Texted(code) = &mut cx.issuance.ars else {
            return Err(TextCodeError::Expired.into());
        };
        if let Err(why) = code.check(&r.code) {
            if why == TextCodeError::Expired {
                cx.issuance.ars = Ars::None;
            }
            return Err(why.into());
        }
        cx.issuance.ars = Ars::Confirmed;
        Ok(())
    }

    /// After step 3 of a 금융인증서: no fee to book and nothing more to ask, so steps 4 and 5
    /// complete with what the bank has on record.
    pub(super) fn settle_cloud_issuance(&mut self, token: &SessionToken) -> BankResult<Progress> {
        let cx = self.context(token)?;
        cx.issuance.complete(Step::Fee)?;
        cx.issuance.confirmed_fee = Some(CertKind::Cloud.fee());
        cx.issuance.details = Some(CustomerDetails {
            name: cx.customer.name.to_owned(),
            english_name: cx.customer.english_name.to_owned(),
            mobile: cx
                .customer
                .phones
                .first()
                .copied()
                .unwrap_or_default()
                .to_owned(),
            ..CustomerDetails::default()
        });
        cx.issuance.complete(Step::Details)
    }
}
