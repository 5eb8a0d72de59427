//! 모의 금융결제원 클라우드 as a service beside the bank (issue #24): 금융인증서 발급 through
//! the bank's 본인확인 and the cloud's 클라우드 연결, login with the PIN, the lock and its
//! reissue, one customer's certificate out of another's reach, and the key and the PIN kept
//! from everyone but the cloud. The certificate is judged by OpenSSL.

use std::cell::RefCell;

use crate::common::*;
use cert_center::cloud::api::*;
use cert_center::cloud::{CloudApi, PIN_ATTEMPTS};
use cert_center::customer::cloud::{cloud_login, issue_in_cloud, renew_in_cloud};
use cert_center::mock_cloud::MockCloud;
use cert_center::pki::ca::certificate_vid;
use der::Decode;

const PIN: &str = "246813";

/// The bank and the cloud on one clock.
fn servers() -> (MockBank, MockCloud) {
    let clock = Clock::manual(NOW);
    (
        MockBank::new(BankStore::memory(), clock.clone()),
        MockCloud::in_memory(clock),
    )
}

fn call<E: CloudEndpoint>(cloud: &impl CloudApi, request: E) -> Result<E::Response, BankError> {
    block_on(cloud.call(request))
}

/// The code in the text: its six digits in brackets.
fn code_in(text: &TextMessage) -> String {
    text.body
        .split(['[', ']'])
        .find(|part| part.len() == 6 && part.bytes().all(|b| b.is_ascii_digit()))
        .unwrap()
        .to_owned()
}

/// 클라우드 연결 for `who` from a browser, with their first mobile number.
fn connect(cloud: &impl CloudApi, who: &DemoCustomer, remember: bool) -> DeviceToken {
    let (name, phone) = (who.name.to_owned(), who.phones[0].to_owned());
    let text = call(
        cloud,
        StartConnect {
            name: name.clone(),
            phone: phone.clone(),
        },
    )
    .unwrap();
    assert_eq!(
        text.to,
        "010-****-5678".replace("5678", &who.phones[0][9..])
    );
    call(
        cloud,
        FinishConnect {
            name,
            phone,
            code: code_in(&text),
            remember,
        },
    )
    .unwrap()
    .device
}

/// The bank's part of 금융인증서 발급 for the logged-in customer: 약관, the texted code, the
/// account with its second factor.
fn verified(c: &Customer) {
    c.call(GetIssuance {
        token: c.t(),
        menu: IssueMenu::Cloud,
    })
    .unwrap();
    c.call(AgreeCloudTerms {
        token: c.t(),
        cloud_terms: true,
        third_party: true,
    })
    .unwrap();
    let text = c
        .call(StartText {
            token: c.t(),
            phone: 0,
        })
        .unwrap();
    c.call(ConfirmText {
        token: c.t(),
        code: code_in(&text),
    })
    .unwrap();
    c.verify().unwrap();
}

/// 금융인증서 발급 for `c` into the cloud, from the browser connected as `device`.
fn issue(c: &Customer, cloud: &impl CloudApi, device: &DeviceToken, pin: &str) -> CloudCard {
    verified(c);
    block_on(issue_in_cloud(&c.bank, cloud, (&c.token, device), pin)).unwrap()
}

fn login(
    bank: &MockBank,
    cloud: &impl CloudApi,
    device: &DeviceToken,
    pin: &str,
) -> Result<SessionGrant, BankError> {
    block_on(cloud_login(bank, cloud, device, pin, bank.origin()))
}

/// 금융인증서 갱신 for the logged-in `c`, from the browser connected as `device`.
fn renew(
    c: &Customer,
    cloud: &impl CloudApi,
    device: &DeviceToken,
    pin: &str,
) -> Result<CloudCard, BankError> {
    block_on(renew_in_cloud(
        &c.bank,
        cloud,
        (&c.token, device),
        pin,
        c.bank.origin(),
    ))
}

/// The cloud's records after 홍길동 connected, issued and asked for another code, with the
/// browser's connection (the fuzzing's seed).
pub(crate) fn cloud_visit() -> (Records, DeviceToken) {
    let (bank, cloud) = servers();
    let c = login_on(&bank, &demo::HONG);
    let device = connect(&cloud, &demo::HONG, true);
    issue(&c, &cloud, &device, PIN);
    verified(&login_on(&bank, &demo::HONG));
    call(
        &cloud,
        BeginEnrollment {
            device: device.clone(),
            pin: "975310".into(),
            subject: c
                .call(PrepareIssuance { token: c.t() })
                .map(|t| t.subject)
                .unwrap_or_default(),
        },
    )
    .ok();
    call(
        &cloud,
        StartConnect {
            name: "홍길동".into(),
            phone: demo::HONG.phones[0].into(),
        },
    )
    .unwrap();
    (block_on(cloud.store().snapshot()).unwrap(), device)
}

#[test]
fn a_cloud_certificate_is_issued_and_logs_in_with_the_pin() {
    let (bank, cloud) = servers();
    let c = login_on(&bank, &demo::HONG);
    let device = connect(&cloud, &demo::HONG, false);
    verified(&c);
    // issue_in_cloud's steps, keeping the chain the bank answers with.
    let ticket = c.call(PrepareIssuance { token: c.t() }).unwrap();
    assert_eq!((ticket.kind, ticket.ca), (CertKind::Cloud, Ca::Yessign));
    let enrollment = call(
        &cloud,
        BeginEnrollment {
            device: device.clone(),
            pin: PIN.into(),
            subject: ticket.subject,
        },
    )
    .unwrap();
    let issued = c
        .call(IssueCertificate {
            token: c.t(),
            csr: enrollment.csr,
            random: enrollment.random,
        })
        .unwrap();
    assert_eq!(issued.fee, 0);
    let card = call(
        &cloud,
        FinishEnrollment {
            device: device.clone(),
            certificate: issued.certificate.clone(),
        },
    )
    .unwrap();
    assert!(!card.locked);
    assert_eq!(card.wrong, 0);
    let listed = c.certificates();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].kind, listed[0].ca),
        (CertKind::Cloud, Ca::Yessign)
    );
    assert_eq!(c.balance(), demo::HONG.balance, "a 금융인증서 is free");

    let grant = login(&bank, &cloud, &device, PIN).unwrap();
    assert_eq!(grant.user_id, "hong01");

    // OpenSSL: the chain under the 금융인증서 policy, three years ending 23:59:59 KST.
    let der = unb64(&card.certificate);
    let dir = std::env::temp_dir().join(format!("cert-center-cloud-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cloud.der"), &der).unwrap();
    std::fs::write(dir.join("ca.der"), unb64(&issued.chain[0])).unwrap();
    std::fs::write(dir.join("root.der"), unb64(&issued.chain[1])).unwrap();
    for name in ["cloud", "root", "ca"] {
        openssl(
            &dir,
            &format!("x509 -in {name}.der -inform DER -out {name}.pem"),
        );
    }
    let verified = openssl(
        &dir,
        "verify -explicit_policy -policy 1.2.410.200005.1.1.1.10 -CAfile root.pem -untrusted ca.pem cloud.pem",
    );
    assert_says(&verified, "cloud.pem: OK");
    let text = openssl(&dir, "x509 -in cloud.pem -noout -text -dates");
    assert_says(&text, "Policy: 1.2.410.200005.1.1.1.10");
    assert_says(&text, "othername: 1.2.410.200004.10.1.1");
    assert_says(&text, "notAfter=Nov 25 14:59:59 2028 GMT");
    assert_says(&text, "O = yessign");
    // The VID is the customer's: the bank checked it at login with the cloud's R; the name too.
    let parsed = x509_cert::Certificate::from_der(&der).unwrap();
    assert_eq!(certificate_vid(&parsed).unwrap().0, "홍길동");
}

#[test]
fn five_wrong_pins_lock_it_across_a_new_cloud_until_a_reissue() {
    let (bank, cloud) = servers();
    let c = login_on(&bank, &demo::HONG);
    let device = connect(&cloud, &demo::HONG, true);
    let first = issue(&c, &cloud, &device, PIN);
    for wrong in 1..PIN_ATTEMPTS {
        assert_eq!(
            login(&bank, &cloud, &device, "000000"),
            Err(CloudError::WrongPin { wrong }.into())
        );
    }
    // The count is the cloud's record: a new cloud over the same records goes on from it.
    let again = MockCloud::new(cloud.store().clone(), bank.clock().clone());
    assert_eq!(
        login(&bank, &again, &device, "000000"),
        Err(CloudError::PinLocked.into())
    );
    assert_eq!(
        login(&bank, &again, &device, PIN),
        Err(CloudError::PinLocked.into()),
        "locked, even the right PIN is refused"
    );
    let card = call(
        &again,
        GetCloudCertificate {
            device: device.clone(),
        },
    )
    .unwrap()
    .unwrap();
    assert!(card.locked);

    // 재발급 unlocks with a new certificate and a new PIN; the old certificate is revoked.
    let c = login_on(&bank, &demo::HONG);
    let reissued = issue(&c, &again, &device, "975310");
    assert!(!reissued.locked);
    assert_ne!(reissued.certificate, first.certificate);
    let statuses: Vec<_> = c.certificates().iter().map(|v| v.status).collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == CertStatus::Issued)
            .count(),
        1,
        "{statuses:?}"
    );
    assert!(statuses.contains(&CertStatus::Revoked), "{statuses:?}");
    assert_eq!(
        login(&bank, &again, &device, "975310").unwrap().user_id,
        "hong01"
    );
}

#[test]
fn a_cloud_certificate_is_renewed_within_the_window_for_a_new_key_in_the_cloud() {
    let (bank, cloud) = servers();
    let c = login_on(&bank, &demo::HONG);
    let device = connect(&cloud, &demo::HONG, true);
    let first = issue(&c, &cloud, &device, PIN);
    // Issued 2025-11-25 (KST), it expires 2028-11-25: renewal opens 30 days before.
    let refused = renew(&login_on(&bank, &demo::HONG), &cloud, &device, PIN);
    assert!(
        matches!(&refused, Err(BankError::RenewalNotOpen { opens }) if opens == "2028-10-26"),
        "{refused:?}"
    );
    const DAY: i64 = 86_400_000;
    bank.clock().advance(1_076 * DAY); // 2028-11-05 01:00 KST, 20 days before expiry
    let c = login_on(&bank, &demo::HONG);
    // A wrong PIN counts as at a login, and renews nothing.
    assert_eq!(
        renew(&c, &cloud, &device, "000000"),
        Err(CloudError::WrongPin { wrong: 1 }.into())
    );
    let renewed = renew(&c, &cloud, &device, PIN).unwrap();
    assert_eq!((renewed.wrong, renewed.locked), (0, false));

    // A new key: the cloud made it; the old certificate is superseded, free of charge.
    let (old, new) = (
        x509_cert::Certificate::from_der(&unb64(&first.certificate)).unwrap(),
        x509_cert::Certificate::from_der(&unb64(&renewed.certificate)).unwrap(),
    );
    assert_eq!(
        old.tbs_certificate().subject(),
        new.tbs_certificate().subject()
    );
    assert_ne!(
        old.tbs_certificate().subject_public_key_info(),
        new.tbs_certificate().subject_public_key_info()
    );
    let listed: Vec<_> = c
        .certificates()
        .into_iter()
        .map(|v| (v.kind, v.status, v.valid_from, v.valid_to))
        .collect();
    let day = |d: &str| d.to_owned();
    assert_eq!(
        listed,
        [
            (
                CertKind::Cloud,
                CertStatus::Renewed,
                day("2025-11-25"),
                day("2028-11-25")
            ),
            (
                CertKind::Cloud,
                CertStatus::Issued,
                day("2028-11-05"),
                day("2031-11-25")
            ),
        ]
    );
    assert_eq!(c.balance(), demo::HONG.balance, "a 금융인증서 renews free");
    // The same PIN opens the new certificate, whose VID the bank checks with the new R.
    assert_eq!(
        login(&bank, &cloud, &device, PIN).unwrap().user_id,
        "hong01"
    );

    // OpenSSL: three more years from the old end, under the 금융인증서 policy.
    let dir = std::env::temp_dir().join(format!("cert-center-renew-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("renewed.der"), unb64(&renewed.certificate)).unwrap();
    let text = openssl(&dir, "x509 -in renewed.der -inform DER -noout -text -dates");
    assert_says(&text, "notAfter=Nov 25 14:59:59 2031 GMT");
    assert_says(&text, "notBefore=Nov  4 16:00:00 2028 GMT");
    assert_says(&text, "Policy: 1.2.410.200005.1.1.1.10");
}

/// Every answer of a cloud, as the page receives it.
struct Overheard<'a> {
    cloud: &'a MockCloud,
    answers: RefCell<Vec<String>>,
}

impl CloudApi for Overheard<'_> {
    async fn call<E: CloudEndpoint>(&self, request: E) -> Result<E::Response, BankError> {
        let answer = self.cloud.call(request).await;
        self.answers
            .borrow_mut()
            .push(serde_json::to_string(&answer.as_ref().ok()).unwrap());
        answer
    }
}

/// Every request the bank receives.
struct BankEar<'a> {
    bank: &'a MockBank,
    requests: RefCell<Vec<String>>,
}

impl BankApi for BankEar<'_> {
    async fn call<E: Endpoint>(&self, request: E) -> Result<E::Response, BankError> {
        self.requests
            .borrow_mut()
            .push(serde_json::to_string(&request).unwrap());
        self.bank.call(request).await
    }
}

#[test]
fn the_key_stays_in_the_cloud_and_the_pin_away_from_the_bank() {
    let (bank, cloud) = servers();
    let heard = Overheard {
        cloud: &cloud,
        answers: RefCell::default(),
    };
    let ear = BankEar {
        bank: &bank,
        requests: RefCell::default(),
    };
    let c = login_on(&bank, &demo::HONG);
    let device = connect(&heard, &demo::HONG, true);
    verified(&c);
    block_on(issue_in_cloud(&ear, &heard, (&c.token, &device), PIN)).unwrap();
    block_on(cloud_login(&ear, &heard, &device, PIN, bank.origin())).unwrap();
    call(
        &heard,
        GetCloudCertificate {
            device: device.clone(),
        },
    )
    .unwrap();

    let records = block_on(cloud.store().snapshot()).unwrap();
    let vault: serde_json::Value =
        serde_json::from_str(records["vaults"].values().next().unwrap()).unwrap();
    let key = vault["key"].as_str().unwrap();
    assert!(key.len() > 1000, "the vault holds the key");
    for answer in heard.answers.borrow().iter() {
        assert!(
            !answer.contains(&key[..64]),
            "an answer carried the key: {answer}"
        );
    }
    for request in ear.requests.borrow().iter() {
        assert!(
            !request.contains(PIN),
            "the bank received the PIN: {request}"
        );
        assert!(!request.contains(&key[..64]), "the bank received the key");
    }
    // The cloud keeps the PIN's slow hash, not the PIN.
    let everything = serde_json::to_string(&records).unwrap();
    assert!(!everything.contains(PIN));
    assert_eq!(vault["pin"]["rounds"], 600_000);
    let bank_records = serde_json::to_string(&block_on(bank.store().snapshot()).unwrap()).unwrap();
    assert!(!bank_records.contains(PIN) && !bank_records.contains(&key[..64]));
}

#[test]
fn a_customer_cannot_reach_anothers_cloud_certificate() {
    let (bank, cloud) = servers();
    let hong = login_on(&bank, &demo::HONG);
    let hong_device = connect(&cloud, &demo::HONG, true);
    let card = issue(&hong, &cloud, &hong_device, PIN);

    // 김민지's browser sees no certificate, signs nothing, and cannot take 홍길동's.
    let kim_device = connect(&cloud, &demo::MINJI, true);
    assert_eq!(
        call(
            &cloud,
            GetCloudCertificate {
                device: kim_device.clone()
            }
        ),
        Ok(None)
    );
    assert_eq!(
        login(&bank, &cloud, &kim_device, PIN),
        Err(CloudError::NoCertificate.into())
    );
    assert_eq!(
        call(
            &cloud,
            FinishEnrollment {
                device: kim_device,
                certificate: card.certificate,
            }
        ),
        Err(CloudError::NotEnrolled.into())
    );
    // Nor can anyone connect as 홍길동 with another's number.
    assert_eq!(
        call(
            &cloud,
            StartConnect {
                name: "홍길동".into(),
                phone: demo::MINJI.phones[0].into(),
            }
        ),
        Err(CloudError::NotSubscriber.into())
    );
    // A subject that does not name the connected customer gets no key.
    let kim = connect(&cloud, &demo::MINJI, false);
    let refused = call(
        &cloud,
        BeginEnrollment {
            device: kim,
            pin: PIN.into(),
            subject: "CN=홍길동(HONG GILDONG)000412345678,OU=KMB,OU=personal4IB,O=yessign,C=kr"
                .into(),
        },
    );
    assert_eq!(refused, Err(CloudError::OtherPerson.into()));
}

#[test]
fn a_browser_connects_first_and_a_visit_ends() {
    let (bank, cloud) = servers();
    let stranger = DeviceToken("0".repeat(32));
    assert_eq!(
        call(&cloud, GetCloudCertificate { device: stranger }),
        Err(CloudError::NotConnected.into())
    );
    // A wrong code counts down; the code's tries run out.
    let text = call(
        &cloud,
        StartConnect {
            name: "홍길동".into(),
            phone: "01012345678".into(),
        },
    )
    .unwrap();
    let wrong = if code_in(&text) == "000000" {
        "000001"
    } else {
        "000000"
    };
    let finish = |code: &str| {
        call(
            &cloud,
            FinishConnect {
                name: "홍길동".into(),
                phone: "010-1234-5678".into(),
                code: code.into(),
                remember: false,
            },
        )
    };
    assert_eq!(
        finish(wrong),
        Err(CloudError::TextCode(TextCodeError::Wrong { remaining: 4 }).into())
    );
    let visit = finish(&code_in(&text)).unwrap().device;
    let remembered = connect(&cloud, &demo::HONG, true);
    assert_eq!(
        call(
            &cloud,
            GetCloudCertificate {
                device: visit.clone()
            }
        ),
        Ok(None)
    );
    bank.clock().advance((i64::from(VISIT_SECS) + 1) * 1000);
    assert_eq!(
        call(&cloud, GetCloudCertificate { device: visit }),
        Err(CloudError::NotConnected.into()),
        "a visit's connection ends"
    );
    assert_eq!(
        call(
            &cloud,
            GetCloudCertificate {
                device: remembered.clone()
            }
        ),
        Ok(None)
    );
    // 자동연결 해제.
    call(
        &cloud,
        Disconnect {
            device: remembered.clone(),
        },
    )
    .unwrap();
    assert_eq!(
        call(&cloud, GetCloudCertificate { device: remembered }),
        Err(CloudError::NotConnected.into())
    );
}

#[test]
fn the_pin_follows_the_rules_changes_and_the_cloud_copy_can_be_closed() {
    let (bank, cloud) = servers();
    let c = login_on(&bank, &demo::HONG);
    let device = connect(&cloud, &demo::HONG, true);
    verified(&c);
    for (pin, why) in [
        ("123456", "연속된 숫자"),
        ("111111", "같은 숫자"),
        ("800101", "생년월일"),
    ] {
        let refused = block_on(issue_in_cloud(&c.bank, &cloud, (&c.token, &device), pin));
        match refused {
            Err(BankError::Cloud(CloudError::PinRefused(reason))) => {
                assert!(reason.contains(why), "{pin}: {reason}")
            }
            other => panic!("{pin}: {other:?}"),
        }
    }
    block_on(issue_in_cloud(&c.bank, &cloud, (&c.token, &device), PIN)).unwrap();

    let change = |old: &str, new: &str| {
        call(
            &cloud,
            ChangePin {
                device: device.clone(),
                old: old.into(),
                new: new.into(),
            },
        )
    };
    assert_eq!(
        change("000000", "975310"),
        Err(CloudError::WrongPin { wrong: 1 }.into())
    );
    assert!(matches!(
        change(PIN, "123456"),
        Err(BankError::Cloud(CloudError::PinRefused(_)))
    ));
    change(PIN, "975310").unwrap();
    assert_eq!(
        login(&bank, &cloud, &device, PIN),
        Err(CloudError::WrongPin { wrong: 1 }.into())
    );
    assert!(
        login(&bank, &cloud, &device, "975310").is_ok(),
        "a right PIN clears the count"
    );

    // 클라우드 이용 해지: the copy is gone, and this browser with it.
    call(
        &cloud,
        CloseCloud {
            device: device.clone(),
        },
    )
    .unwrap();
    let back = connect(&cloud, &demo::HONG, true);
    assert_eq!(call(&cloud, GetCloudCertificate { device: back }), Ok(None));
}
