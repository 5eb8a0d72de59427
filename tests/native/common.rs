//! A demo customer driving the mock bank through its API, shared by the bank tests.
#![allow(dead_code)]
#![allow(unused_imports)]

pub use cert_center::bank::api::*;
pub use cert_center::bank::demo::{self, DemoCustomer, SecondFactor};
pub use cert_center::bank::rules::otp_code;
pub use cert_center::bank::{BankApi, BankError, Clock};
pub use cert_center::mock_bank::{BankStore, MockBank, Records};
pub use cert_center::wizard::Step;
pub use futures::executor::block_on;

pub const NOW: i64 = 1_764_000_000_000;

/// A certificate to prove with at `origin`.
pub fn proof_at(
    origin: &str,
    certificate: &[u8],
    key_file: &[u8],
    password: &str,
) -> cert_center::customer::Proof {
    cert_center::customer::Proof {
        certificate: certificate.to_vec(),
        key_file: key_file.to_vec(),
        password: password.to_owned(),
        origin: origin.to_owned(),
    }
}

/// `e` to prove with at the dev server's origin.
pub fn proof(e: &cert_center::customer::Enrolled, password: &str) -> cert_center::customer::Proof {
    proof_at(
        cert_center::mock_bank::DEFAULT_ORIGIN,
        &e.certificate,
        &e.key_file,
        password,
    )
}

/// `attempt` is refused with `wrong(remaining)` as the tries run out, then with `locked` on
/// the last of `tries`.
#[track_caller]
pub fn assert_locks_after<T: std::fmt::Debug + PartialEq>(
    tries: u8,
    attempt: impl Fn() -> Result<T, BankError>,
    wrong: impl Fn(u8) -> BankError,
    locked: BankError,
) {
    for remaining in (1..tries).rev() {
        assert_eq!(attempt(), Err(wrong(remaining)));
    }
    assert_eq!(attempt(), Err(locked));
}

/// Why the bank refused a certificate login (panics on anything else).
pub fn rejected_reason(result: Result<SessionGrant, cert_center::customer::CertError>) -> String {
    match result {
        Err(cert_center::customer::CertError::Bank(BankError::CertificateRejected { reason })) => {
            reason
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// One of three fixed customer keys (RSA-2048, e = 65537, made once by `openssl genpkey`), for
/// the tests whose subject is not key generation: they load in microseconds where making one
/// takes a tenth of a second or more. `pki::keys::generate` keeps its own test (tests/native/pki.rs).
pub fn fixed_key(which: usize) -> rsa::PrivateKey {
    cert_center::pki::keys::from_pkcs8(KEYS[which]).unwrap()
}

/// The fixture keys, PKCS#8 DER.
pub const KEYS: [&[u8]; 3] = [
    include_bytes!("keys/user-1.der"),
    include_bytes!("keys/user-2.der"),
    include_bytes!("keys/user-3.der"),
];

/// A certificate the bank issued to `who` for the fixture key `which` (DER).
pub fn certificate_for(who: &'static DemoCustomer, which: usize) -> Vec<u8> {
    let c = login(who);
    c.through_step_5();
    unb64(&c.issue(&fixed_key(which), &[1u8; 20]).unwrap().certificate)
}

pub struct Customer {
    pub bank: MockBank,
    pub token: SessionToken,
    pub who: &'static DemoCustomer,
    /// The wizard the customer works in: 기업용 for a business, 개인용 otherwise.
    pub menu: IssueMenu,
}

pub fn login_on(bank: &MockBank, who: &'static DemoCustomer) -> Customer {
    let grant = block_on(bank.call(Login {
        user_id: who.user_id.into(),
        password: who.password.into(),
    }))
    .unwrap();
    Customer {
        bank: bank.clone(),
        token: grant.token,
        who,
        menu: if who.business.is_some() {
            IssueMenu::Corporate
        } else {
            IssueMenu::Personal
        },
    }
}

pub fn login(who: &'static DemoCustomer) -> Customer {
    login_on(&MockBank::new(BankStore::memory(), Clock::manual(NOW)), who)
}

/// `who`, on a bank of their own, with a certificate issued under `password`.
pub fn enrolled(
    who: &'static DemoCustomer,
    password: &str,
) -> (Customer, cert_center::customer::Enrolled) {
    let c = login(who);
    c.through_step_5();
    let e = c.enroll(password);
    (c, e)
}

impl Customer {
    pub fn call<E: Endpoint>(&self, request: E) -> Result<E::Response, BankError> {
        block_on(self.bank.call(request))
    }

    pub fn t(&self) -> SessionToken {
        self.token.clone()
    }

    pub fn current(&self) -> Step {
        self.call(GetIssuance {
            token: self.t(),
            menu: self.menu,
        })
        .unwrap()
        .progress
        .current()
    }

    pub fn terms(&self) -> Result<(), BankError> {
        self.call(AgreeTerms {
            token: self.t(),
            basic_terms: true,
            service_terms: true,
            id_number: self.who.business.map_or(self.who.rrn, |b| b.number).into(),
        })
        .map(drop)
    }

    /// Step 2: 한국정보인증's 범용 (or, in the 전자세금용 wizard, its 전자세금용) certificate.
    pub fn target(&self) -> Result<(), BankError> {
        let kind = match self.menu {
            IssueMenu::Personal => CertKind::General,
            IssueMenu::Corporate => CertKind::CorporateGeneral,
            IssueMenu::Tax => CertKind::Tax,
            IssueMenu::Cloud => CertKind::Cloud,
        };
        self.choose(kind, Ca::Kica)
    }

    /// Step 2 with every consent given, for `kind` from `ca`.
    pub fn choose(&self, kind: CertKind, ca: Ca) -> Result<(), BankError> {
        self.call(ChooseCertificate {
            token: self.t(),
            kind,
            ca,
            ca_terms: true,
            third_party: true,
            prior_consent: true,
        })
        .map(drop)
    }

    pub fn ars(&self) {
        let call = self
            .call(StartArs {
                token: self.t(),
                phone: 0,
            })
            .unwrap();
        let answer = self
            .call(AnswerArs {
                token: self.t(),
                keyed: call.approval_number,
            })
            .unwrap();
        assert!(answer.approved);
        self.call(ConfirmArs { token: self.t() }).unwrap();
    }

    /// The right second-factor answer for what the bank asks now.
    pub fn right_answer(&self) -> SecondFactorAnswer {
        let asked = self
            .call(GetVerification { token: self.t() })
            .unwrap()
            .second_factor;
        match (asked, self.who.second_factor) {
            (
                SecondFactorPrompt::Card { first, second, .. },
                SecondFactor::SecurityCard { codes, .. },
            ) => SecondFactorAnswer::Card {
                first_two: codes[usize::from(first) - 1][..2].into(),
                last_two: codes[usize::from(second) - 1][2..].into(),
            },
            (SecondFactorPrompt::Otp { .. }, SecondFactor::Otp { secret_base32 }) => {
                SecondFactorAnswer::Otp {
                    code: otp_code(secret_base32, self.bank.clock().now()).unwrap(),
                }
            }
            other => panic!("prompt does not fit the customer: {other:?}"),
        }
    }

    pub fn wrong_answer(&self) -> SecondFactorAnswer {
        match self.right_answer() {
            SecondFactorAnswer::Card {
                first_two,
                last_two,
            } => SecondFactorAnswer::Card {
                first_two: flip(&first_two),
                last_two,
            },
            SecondFactorAnswer::Otp { code } => SecondFactorAnswer::Otp { code: flip(&code) },
        }
    }

    pub fn verify_with(&self, password: &str, answer: SecondFactorAnswer) -> Result<(), BankError> {
        self.call(VerifyAccount {
            token: self.t(),
            account: self.who.account.into(),
            account_password: password.into(),
            answer,
        })
        .map(drop)
    }

    pub fn verify(&self) -> Result<(), BankError> {
        self.verify_with(self.who.account_password, self.right_answer())
    }

    /// Steps 1 and 2 done, and the ARS call of step 3 answered: the step's second factor next.
    pub fn at_step_3_after_ars(&self) {
        self.terms().unwrap();
        self.target().unwrap();
        self.ars();
    }

    pub fn through_step_3(&self) {
        self.at_step_3_after_ars();
        self.verify().unwrap();
    }

    /// Steps 1 to 5 with `kind` from `ca` chosen at step 2.
    pub fn through_step_5_with(&self, kind: CertKind, ca: Ca) {
        self.terms().unwrap();
        self.choose(kind, ca).unwrap();
        self.ars();
        self.verify().unwrap();
        self.call(ConfirmFee { token: self.t() }).unwrap();
        self.call(SubmitDetails {
            token: self.t(),
            details: self.details(),
        })
        .unwrap();
    }

    /// Step 5 with the details changed by `change`: the field the bank refuses.
    pub fn refused_detail(&self, change: &dyn Fn(&mut CustomerDetails)) -> String {
        let mut details = self.details();
        change(&mut details);
        match self.call(SubmitDetails {
            token: self.t(),
            details,
        }) {
            Err(BankError::InvalidDetails { field, .. }) => field,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    /// Steps 1 to 5 done: the customer is at step 6.
    pub fn through_step_5(&self) {
        self.through_step_3();
        self.call(ConfirmFee { token: self.t() }).unwrap();
        self.call(SubmitDetails {
            token: self.t(),
            details: self.details(),
        })
        .unwrap();
    }

    /// Step 6 as the page does it (`customer::prepare` with a key made here, then
    /// `customer::enroll`), under `password`.
    pub fn enroll(&self, password: &str) -> cert_center::customer::Enrolled {
        let prepared = self.prepare();
        self.enroll_prepared(password, &prepared).unwrap()
    }

    /// Step 6's key and request, as the page makes them once per issuance.
    pub fn prepare(&self) -> cert_center::customer::Prepared {
        block_on(cert_center::customer::prepare(
            &self.bank,
            self.t(),
            async |_| {},
        ))
        .unwrap()
    }

    /// Step 6's request sent (again) and its certificate sealed under `password`.
    pub fn enroll_prepared(
        &self,
        password: &str,
        prepared: &cert_center::customer::Prepared,
    ) -> Result<cert_center::customer::Enrolled, cert_center::customer::CertError> {
        block_on(cert_center::customer::enroll(
            &self.bank,
            self.t(),
            self.who.user_id,
            password,
            prepared,
            async |_| {},
        ))
    }

    /// Step 6 with `key` and R: the certificate the bank issues.
    pub fn issue(&self, key: &rsa::PrivateKey, r: &[u8]) -> Result<IssuedCertificate, BankError> {
        let ticket = self.call(PrepareIssuance { token: self.t() })?;
        let subject =
            <x509_cert::name::Name as std::str::FromStr>::from_str(&ticket.subject).unwrap();
        let request = cert_center::pki::csr::build(key, subject).unwrap();
        self.call(IssueCertificate {
            token: self.t(),
            csr: b64(&request),
            random: b64(r),
        })
    }

    /// Certificate login with `e` under `password`, as the login page does it.
    pub fn login_with(
        &self,
        e: &cert_center::customer::Enrolled,
        password: &str,
    ) -> Result<SessionGrant, cert_center::customer::CertError> {
        self.login_to(e, password, self.who.business.is_some())
    }

    /// Certificate login with `e` to 기업뱅킹 (`corporate`) or 개인뱅킹.
    pub fn login_to(
        &self,
        e: &cert_center::customer::Enrolled,
        password: &str,
        corporate: bool,
    ) -> Result<SessionGrant, cert_center::customer::CertError> {
        block_on(cert_center::customer::certificate_login(
            &self.bank,
            corporate,
            &proof(e, password),
        ))
    }

    /// 인증서 폐기 of `e`, proved with `password`.
    pub fn revoke(
        &self,
        e: &cert_center::customer::Enrolled,
        password: &str,
    ) -> Result<Revocation, cert_center::customer::CertError> {
        block_on(cert_center::customer::revoke(
            &self.bank,
            self.t(),
            &proof(e, password),
        ))
    }

    /// 인증서 갱신 of `e`, proved with `password`, with a key made here.
    pub fn renew(
        &self,
        e: &cert_center::customer::Enrolled,
        password: &str,
    ) -> Result<cert_center::customer::Enrolled, cert_center::customer::CertError> {
        block_on(cert_center::customer::renew(
            &self.bank,
            cert_center::customer::Renewal {
                token: &self.t(),
                user_id: self.who.user_id,
                proof: &proof(e, password),
            },
            async |_| {},
        ))
    }

    /// Nothing was issued or charged: the balance is still `balance` and 인증서 조회 is empty.
    #[track_caller]
    pub fn assert_nothing_issued(&self, balance: u64) {
        assert_eq!(self.balance(), balance);
        assert!(self.certificates().is_empty());
    }

    /// What 인증서 조회 lists for this customer.
    pub fn certificates(&self) -> Vec<CertificateView> {
        self.call(ListCertificates { token: self.t() }).unwrap()
    }

    pub fn balance(&self) -> u64 {
        self.call(GetAccount { token: self.t() }).unwrap().balance
    }

    pub fn details(&self) -> CustomerDetails {
        let business = self.menu != IssueMenu::Personal;
        CustomerDetails {
            name: if business {
                self.who.display_name()
            } else {
                self.who.name
            }
            .into(),
            representative: if business { self.who.name } else { "" }.into(),
            english_name: self.who.english_name.to_lowercase(),
            email: "learner@example.com".into(),
            zip: "04524".into(),
            address: "서울특별시 중구 세종대로 110".into(),
            address_detail: "1층".into(),
            phone: "02-123-4567".into(),
            mobile: "010-1234-5678".into(),
        }
    }
}

/// The same digits with the first one changed.
pub fn flip(digits: &str) -> String {
    let first = digits.chars().next().unwrap();
    let other = if first == '9' {
        '0'
    } else {
        char::from(first as u8 + 1)
    };
    std::iter::once(other)
        .chain(digits.chars().skip(1))
        .collect()
}

pub fn b64(bytes: &[u8]) -> String {
    cert_center::encoding::base64(bytes)
}

pub fn unb64(text: &str) -> Vec<u8> {
    cert_center::encoding::unbase64(text).unwrap()
}

/// Runs `openssl` in `dir` with `args` (split at spaces) and answers what it printed; fails
/// the test if it fails.
pub fn openssl(dir: &std::path::Path, args: &str) -> String {
    let out = std::process::Command::new("openssl")
        .args(args.split_whitespace())
        .current_dir(dir)
        .output()
        .expect("openssl is installed (scripts/setup)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "openssl {args} failed:\n{text}");
    text
}

/// `openssl pkcs8` decrypting `signPri.key` in `dir` with `passin` into `out`.
pub fn decrypt_key(dir: &std::path::Path, passin: &str, out: &str) -> std::process::Output {
    std::process::Command::new("openssl")
        .args(["pkcs8", "-inform", "DER", "-in", "signPri.key"])
        .args(["-passin", passin, "-out", out])
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Asserts that `text` says `part` (and shows the text when it does not).
#[track_caller]
pub fn assert_says(text: impl std::fmt::Display, part: &str) {
    let text = text.to_string();
    assert!(text.contains(part), "{text}");
}

/// A fresh empty directory for files a test hands to OpenSSL.
pub fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cert-center-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// DER shapes of key files, written out here so that tests build (and read) files the code
/// under test would not write: any scheme, any parameters.
pub mod shapes {
    use der::asn1::OctetString;
    use spki::AlgorithmIdentifierOwned;

    /// EncryptedPrivateKeyInfo with its algorithm left open.
    #[derive(der::Sequence)]
    pub struct EncryptedKey {
        pub algorithm: AlgorithmIdentifierOwned,
        pub data: OctetString,
    }

    /// PBES2-params.
    #[derive(der::Sequence)]
    pub struct Pbes2 {
        pub kdf: AlgorithmIdentifierOwned,
        pub scheme: AlgorithmIdentifierOwned,
    }

    /// The parameters of seedCBCWithSHA1 and of PKCS#5 v1.5 schemes.
    #[derive(der::Sequence)]
    pub struct SaltAndRounds {
        pub salt: OctetString,
        pub rounds: u32,
    }
}
