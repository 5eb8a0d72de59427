//! The mock bank's side of the issuance wizard: one issuance per login session, every step
//! checked against the ones before it. Steps 1, 2, 4 and 5 are here; step 3 is in
//! `verification`, step 6's issuing in `issuing`.

use serde::{Deserialize, Serialize};

use super::attempts::Attempts;
use super::consent::{StoredConsent, check_consent};
use super::registry::*;
use super::{BankState, CustomerRecord};
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::demo::DemoCustomer;
use crate::bank::rules;
use crate::wizard::{OutOfOrder, Progress, Step};

impl From<OutOfOrder> for BankError {
    fn from(e: OutOfOrder) -> Self {
        BankError::OutOfOrder {
            step: e.missing.number(),
            title: e.missing.title().to_owned(),
        }
    }
}

/// One session's issuance.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct IssuanceRecord {
    pub(super) token: String,
    /// The wizard (개인용, 기업용, 전자세금용).
    #[serde(default)]
    pub(super) menu: IssueMenu,
    pub(super) progress: Progress,
    pub(super) kind: Option<CertKind>,
    pub(super) ca: Option<Ca>,
    pub(super) ars: Ars,
    pub(super) card_challenge: Option<(u8, u8)>,
    pub(super) account: Option<String>,
    pub(super) details: Option<CustomerDetails>,
    /// The digits of the subject's CN, assigned when issuance is prepared.
    #[serde(default)]
    pub(super) cn_digits: Option<String>,
    /// The certificate issued, so that a retried request gets it again and pays once.
    #[serde(default)]
    pub(super) issued: Option<IssuedCertificate>,
    /// The request (CSR and R, base64) `issued` answers: a retry must send the same.
    #[serde(default)]
    pub(super) issued_for: Option<(String, String)>,
    /// The fee step 4 showed and the customer confirmed.
    #[serde(default)]
    pub(super) confirmed_fee: Option<u64>,
    /// A 타행·타기관 registration, which borrows step 3's verification.
    #[serde(default)]
    pub(super) registering: bool,
}

/// The additional identity check of step 3.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Ars {
    #[default]
    None,
    /// The bank called; `approved` once the right number was keyed.
    Calling { number: String, approved: bool },
    /// A code texted to the customer's phone (금융인증서 발급's 휴대폰 본인확인).
    Texted(crate::bank::rules::TextedCode),
    /// ARS approved (or the departure record found, or the texted code typed) and confirmed.
    Confirmed,
}

impl IssuanceRecord {
    /// What step 2 chose, with `then` (what a later step recorded): out of order, as step 2
    /// being missing, while any of them is not there yet.
    pub(super) fn chosen<T: Clone>(&self, then: &Option<T>) -> BankResult<(CertKind, Ca, T)> {
        match (self.kind, self.ca, then.clone()) {
            (Some(kind), Some(ca), Some(then)) => Ok((kind, ca, then)),
            _ => Err(OutOfOrder {
                missing: Step::Target,
            }
            .into()),
        }
    }

    /// A registration's record for the session `token`: step 3 is next.
    pub(super) fn registration(token: &str) -> BankResult<Self> {
        let mut record = Self {
            token: token.to_owned(),
            registering: true,
            ..Default::default()
        };
        // Step 3's endpoints serve the registration: nothing to agree or choose first.
        record.complete(Step::Terms)?;
        record.complete(Step::Target)?;
        Ok(record)
    }

    /// Whether stored values are ones the bank could have written (security-card numbers 1
    /// to 35 and distinct).
    pub(super) fn is_consistent(&self) -> bool {
        self.card_challenge
            .is_none_or(|(a, b)| a != b && (1..=35).contains(&a) && (1..=35).contains(&b))
    }

    /// The login session this issuance belongs to.
    pub(super) fn token(&self) -> &str {
        &self.token
    }

    /// Completes `step`, forgetting what later steps had confirmed.
    pub(super) fn complete(&mut self, step: Step) -> BankResult<Progress> {
        self.progress.complete(step)?;
        if step < Step::Target {
            self.kind = None;
            self.ca = None;
        }
        if step < Step::Verify {
            self.ars = Ars::None;
            self.card_challenge = None;
            self.account = None;
        }
        if step < Step::Details {
            self.details = None;
        }
        Ok(self.progress)
    }
}

/// A login session's customer, their changing record and their issuance (started if none).
pub(super) struct Context<'a> {
    pub(super) customer: &'static DemoCustomer,
    pub(super) record: &'a mut CustomerRecord,
    pub(super) issuance: &'a mut IssuanceRecord,
}

/// Whether `customer` may use the wizard `menu`: 개인 고객 the personal one, registered
/// businesses the 기업용 and 전자세금용 ones.
pub(super) fn eligible(customer: &DemoCustomer, menu: IssueMenu) -> BankResult<()> {
    match (customer.business, menu.is_business()) {
        (None, false) => Ok(()),
        (None, true) => Err(BankError::NotBusinessCustomer),
        (Some(_), false) => Err(BankError::PersonalForBusiness),
        (Some(business), true) if business.registered => Ok(()),
        (Some(_), true) => Err(BankError::BusinessNotRegistered),
    }
}

impl BankState {
    /// [`BankState::context`] for a request of `step`: refused as out of order while the steps
    /// before it are not done.
    pub(super) fn context_at(
        &mut self,
        token: &SessionToken,
        step: Step,
    ) -> BankResult<Context<'_>> {
        let cx = self.context(token)?;
        cx.issuance.progress.require(step)?;
        Ok(cx)
    }

    /// The session's customer, their record and the session's issuance (begun if none).
    pub(super) fn context(&mut self, token: &SessionToken) -> BankResult<Context<'_>> {
        let customer = self.session_user(token)?;
        let record = self
            .customers
            .iter_mut()
            .find(|r| r.user_id == customer.user_id)
            .ok_or(BankError::UnknownUser)?;
        let index = match self.issuances.iter().position(|i| i.token == token.0) {
            Some(index) => index,
            None => {
                self.issuances.push(IssuanceRecord {
                    token: token.0.clone(),
                    ..Default::default()
                });
                self.issuances.len() - 1
            }
        };
        Ok(Context {
            customer,
            record,
            issuance: &mut self.issuances[index],
        })
    }

    pub(super) fn issuance_status(&mut self, r: GetIssuance) -> BankResult<IssuanceStatus> {
        // Refused before anything is recorded.
        eligible(self.session_user(&r.token)?, r.menu)?;
        // The wizard does not continue a registration's verification, nor another wizard's.
        self.issuances
            .retain(|i| !(i.token == r.token.0 && (i.registering || i.menu != r.menu)));
        let cx = self.context(&r.token)?;
        cx.issuance.menu = r.menu;
        Ok(IssuanceStatus {
            menu: cx.issuance.menu,
            progress: cx.issuance.progress,
            kind: cx.issuance.kind,
            ca: cx.issuance.ca,
        })
    }

    pub(super) fn cancel_issuance(&mut self, r: CancelIssuance) -> BankResult<()> {
        self.issuances.retain(|i| i.token != r.token.0);
        Ok(())
    }

    pub(super) fn agree_terms(&mut self, r: AgreeTerms) -> BankResult<Progress> {
        let cx = self.context_at(&r.token, Step::Terms)?;
        eligible(cx.customer, cx.issuance.menu)?;
        if !(r.basic_terms && r.service_terms) {
            return Err(BankError::TermsNotAgreed);
        }
        match cx.customer.business {
            Some(business) => {
                if !rules::business_number_is_valid(&r.id_number) {
                    return Err(BankError::InvalidBusinessNumber);
                }
                Attempts::BusinessNumber.record(
                    &mut cx.record.rrn_failures,
                    rules::business_number_matches(&r.id_number, business.number),
                )?;
            }
            None => {
                if !rules::rrn_is_valid(&r.id_number) {
                    return Err(BankError::InvalidRrn);
                }
                Attempts::Rrn.record(
                    &mut cx.record.rrn_failures,
                    rules::rrn_matches(&r.id_number, cx.customer.rrn),
                )?;
            }
        }
        cx.issuance.complete(Step::Terms)
    }

    pub(super) fn targets(&mut self, r: GetTargets) -> BankResult<Targets> {
        let cx = self.context(&r.token)?;
        let user_id = cx.customer.user_id;
        // The kind whose CA the customer picks: the menu's last (범용, or 전자세금용).
        let Some(&kind) = cx.issuance.menu.kinds().last() else {
            return Ok(Targets { by_ca: Vec::new() });
        };
        let issued = |ca: Ca| {
            self.certificates.iter().any(|c: &CertificateRecord| {
                c.user_id == user_id && c.ca == ca && c.kind == kind && !c.revoked && !c.registered
            })
        };
        Ok(Targets {
            by_ca: kind.cas().iter().map(|ca| (*ca, issued(*ca))).collect(),
        })
    }

    pub(super) fn choose_certificate(
        &mut self,
        now: Millis,
        r: ChooseCertificate,
    ) -> BankResult<Progress> {
        let cx = self.context_at(&r.token, Step::Target)?;
        let missing = |what: String| Err(BankError::ConsentMissing { what });
        if !r.ca_terms {
            return missing(format!("{} 공인인증서비스 이용약관", r.ca.label()));
        }
        if !r.third_party {
            return missing("개인정보 제3자 제공".to_owned());
        }
        check_consent(cx.record.consent)?;
        if !r.prior_consent {
            return missing("공인인증서 발급에 대한 사전동의".to_owned());
        }
        if r.kind.menu() != cx.issuance.menu {
            return Err(BankError::KindNotOffered {
                menu: cx.issuance.menu.title().to_owned(),
                kind: r.kind.full_label(),
            });
        }
        if !r.ca.issues(r.kind) {
            return Err(BankError::CaNotOffered {
                ca: r.ca.label().to_owned(),
                kind: r.kind.label().to_owned(),
            });
        }
        let progress = cx.issuance.complete(Step::Target)?;
        cx.issuance.kind = Some(r.kind);
        cx.issuance.ca = Some(r.ca);
        if cx.record.consent.is_none() {
            cx.record.consent = Some(StoredConsent {
                agreed: true,
                at: now,
                channel: ConsentChannel::Wizard,
            });
        }
        Ok(progress)
    }

    /// Step 4's quote: nothing to pay when a valid certificate of the same CA is replaced.
    pub(super) fn quote(&mut self, token: &SessionToken, now: Millis) -> BankResult<FeeQuote> {
        let (user_id, kind, ca, account) = {
            let cx = self.context_at(token, Step::Fee)?;
            let (kind, ca, account) = cx.issuance.chosen(&cx.issuance.account)?;
            (cx.customer.user_id, kind, ca, account)
        };
        let reissue = self.valid_certificate(user_id, ca, kind, now).is_some();
        Ok(FeeQuote {
            kind,
            account,
            fee: if reissue { 0 } else { kind.fee() },
            reissue,
        })
    }

    /// The customer's certificate of `ca` and `kind` that this bank issued and that is neither
    /// revoked nor expired (a registered 타행·타기관 certificate is not the bank's to replace).
    pub(super) fn valid_certificate(
        &self,
        user_id: &str,
        ca: Ca,
        kind: CertKind,
        now: Millis,
    ) -> Option<usize> {
        self.certificates.iter().position(|c| {
            c.user_id == user_id
                && c.ca == ca
                && c.kind == kind
                && !c.revoked
                && !c.registered
                && c.parsed().is_ok_and(|p| not_after(&p) >= now)
        })
    }

    pub(super) fn fee(&mut self, now: Millis, r: GetFee) -> BankResult<FeeQuote> {
        self.quote(&r.token, now)
    }

    pub(super) fn confirm_fee(&mut self, now: Millis, r: ConfirmFee) -> BankResult<Progress> {
        let quote = self.quote(&r.token, now)?;
        let cx = self.context(&r.token)?;
        if cx.record.balance < quote.fee {
            return Err(BankError::InsufficientBalance {
                balance: cx.record.balance,
                fee: quote.fee,
            });
        }
        let progress = cx.issuance.complete(Step::Fee)?;
        cx.issuance.confirmed_fee = Some(quote.fee);
        Ok(progress)
    }

    pub(super) fn bank_name(&mut self, r: GetBankName) -> BankResult<BankNames> {
        let cx = self.context(&r.token)?;
        Ok(match cx.customer.business {
            Some(business) if cx.issuance.menu.is_business() => BankNames {
                name: business.company.to_owned(),
                representative: cx.customer.name.to_owned(),
            },
            _ => BankNames {
                name: cx.customer.name.to_owned(),
                representative: String::new(),
            },
        })
    }

    pub(super) fn submit_details(&mut self, r: SubmitDetails) -> BankResult<Progress> {
        let cx = self.context_at(&r.token, Step::Details)?;
        let business = cx
            .customer
            .business
            .filter(|_| cx.issuance.menu.is_business());
        let details =
            rules::check_details(&r.details, business.is_some()).map_err(|(field, message)| {
                BankError::InvalidDetails {
                    field: field.to_owned(),
                    message,
                }
            })?;
        let invalid = |field: &str, message: &str| {
            Err(BankError::InvalidDetails {
                field: field.to_owned(),
                message: format!("{message} [은행정보 불러오기]를 이용해 주세요."),
            })
        };
        match business {
            Some(b) if details.name != b.company => {
                return invalid("name", "상호(법인명)는 은행에 등록된 이름과 같아야 합니다.");
            }
            Some(_) if details.representative != cx.customer.name => {
                return invalid(
                    "representative",
                    "대표자명은 은행에 등록된 대표자와 같아야 합니다.",
                );
            }
            None if details.name != cx.customer.name => {
                return invalid("name", "고객명은 은행에 등록된 실명과 같아야 합니다.");
            }
            _ => {}
        }
        let progress = cx.issuance.complete(Step::Details)?;
        cx.issuance.details = Some(details);
        Ok(progress)
    }
}
