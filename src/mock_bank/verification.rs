//! Step 3, 추가본인확인: the ARS call (or the departure record), then the withdrawal account
//! and its password with the security card or the OTP, every wrong answer counted.

use super::attempts::Attempts;
use super::issuance::*;
use super::{BankState, random_bytes};
use crate::bank::api::*;
use crate::bank::clock::Millis;
use crate::bank::demo::SecondFactor;
use crate::bank::rules;
use crate::wizard::{Progress, Step};

/// Two different code numbers from 1 to 35, chosen at random.
pub(super) fn card_challenge() -> BankResult<(u8, u8)> {
    loop {
        let [a, b] = random_bytes::<2>()?;
        let (first, second) = (1 + a % 35, 1 + b % 35);
        if first != second {
            return Ok((first, second));
        }
    }
}

impl BankState {
    pub(super) fn verification(&mut self, r: GetVerification) -> BankResult<Verification> {
        let cx = self.context_at(&r.token, Step::Verify)?;
        let second_factor = match cx.customer.second_factor {
            SecondFactor::SecurityCard { serial, .. } => {
                let (first, second) = match cx.issuance.card_challenge {
                    Some(challenge) => challenge,
                    None => {
                        let challenge = card_challenge()?;
                        cx.issuance.card_challenge = Some(challenge);
                        challenge
                    }
                };
                SecondFactorPrompt::Card {
                    serial_prefix: serial.split(' ').next().unwrap_or_default().to_owned(),
                    first,
                    second,
                    tries_left: Attempts::SecurityCard.left(cx.record.card_failures),
                }
            }
            SecondFactor::Otp { .. } => SecondFactorPrompt::Otp {
                tries_left: Attempts::Otp.left(cx.record.otp_failures),
            },
        };
        Ok(Verification {
            phones: cx
                .customer
                .phones
                .iter()
                .map(|p| rules::phone_masked(p))
                .collect(),
            accounts: vec![cx.customer.account.to_owned()],
            account_tries_left: Attempts::AccountPassword.left(cx.record.account_password_failures),
            identity_confirmed: cx.issuance.ars == Ars::Confirmed,
            second_factor,
        })
    }

    pub(super) fn start_ars(&mut self, r: StartArs) -> BankResult<ArsCall> {
        let cx = self.context_at(&r.token, Step::Verify)?;
        let phone = cx
            .customer
            .phones
            .get(r.phone)
            .ok_or(BankError::UnknownPhone)?;
        let [a, b] = random_bytes::<2>()?;
        // 10 to 99, so that the number never starts with a zero the customer might drop.
        let number = (10 + u16::from_be_bytes([a, b]) % 90).to_string();
        cx.issuance.ars = Ars::Calling {
            number: number.clone(),
            approved: false,
        };
        Ok(ArsCall {
            phone: rules::phone_masked(phone),
            approval_number: number,
        })
    }

    pub(super) fn answer_ars(&mut self, r: AnswerArs) -> BankResult<ArsAnswer> {
        let cx = self.context(&r.token)?;
        let approved = match &mut cx.issuance.ars {
            Ars::Calling { number, approved } => {
                *approved = r.keyed.trim() == number;
                *approved
            }
            _ => false,
        };
        if !approved {
            // A wrong number ends the call; the customer asks for a new one.
            cx.issuance.ars = Ars::None;
        }
        Ok(ArsAnswer { approved })
    }

    pub(super) fn confirm_ars(&mut self, r: ConfirmArs) -> BankResult<()> {
        let cx = self.context_at(&r.token, Step::Verify)?;
        match cx.issuance.ars {
            Ars::Calling { approved: true, .. } | Ars::Confirmed => {
                cx.issuance.ars = Ars::Confirmed;
                Ok(())
            }
            _ => Err(BankError::ArsNotApproved),
        }
    }

    pub(super) fn check_departure(&mut self, r: CheckDeparture) -> BankResult<()> {
        let cx = self.context_at(&r.token, Step::Verify)?;
        if !cx.customer.abroad {
            return Err(BankError::NoDepartureRecord);
        }
        cx.issuance.ars = Ars::Confirmed;
        Ok(())
    }

    pub(super) fn verify_account(&mut self, now: Millis, r: VerifyAccount) -> BankResult<Progress> {
        let cx = self.context_at(&r.token, Step::Verify)?;
        if cx.issuance.ars != Ars::Confirmed {
            return Err(BankError::IdentityNotConfirmed);
        }
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        if digits(&r.account) != digits(cx.customer.account) {
            return Err(BankError::UnknownAccount);
        }
        Attempts::AccountPassword.record(
            &mut cx.record.account_password_failures,
            r.account_password == cx.customer.account_password,
        )?;

        match (cx.customer.second_factor, r.answer) {
            (
                SecondFactor::SecurityCard { codes, .. },
                SecondFactorAnswer::Card {
                    first_two,
                    last_two,
                },
            ) => {
                let (first, second) = cx.issuance.card_challenge.ok_or(BankError::BadRequest {
                    detail: "no security-card challenge was issued".to_owned(),
                })?;
                let code = |n: u8| codes[usize::from(n) - 1];
                let right = first_two == code(first)[..2] && last_two == code(second)[2..];
                if !right {
                    // New numbers for the next try, as a bank asks again.
                    cx.issuance.card_challenge = None;
                }
                Attempts::SecurityCard.record(&mut cx.record.card_failures, right)?;
            }
            (SecondFactor::Otp { secret_base32 }, SecondFactorAnswer::Otp { code }) => {
                let step = rules::otp_step(secret_base32, now, &code);
                if !Attempts::Otp.locked_at(cx.record.otp_failures)
                    && step.is_some()
                    && step <= cx.record.otp_last_step
                {
                    return Err(BankError::OtpReused);
                }
                Attempts::Otp.record(&mut cx.record.otp_failures, step.is_some())?;
                cx.record.otp_last_step = step;
            }
            _ => {
                return Err(BankError::BadRequest {
                    detail: "the answer is not for this customer's second factor".to_owned(),
                });
            }
        }
        let progress = cx.issuance.complete(Step::Verify)?;
        cx.issuance.account = Some(cx.customer.account.to_owned());
        if cx.issuance.menu == IssueMenu::Cloud {
            return self.settle_cloud_issuance(&r.token);
        }
        Ok(progress)
    }
}
