//! Mutation fuzzing of every parser of outside data (issue #9): requests (CSR), certificates,
//! key files of every scheme, PKCS#12, the NPKI zip, the copy package (스마트폰인증서 복사),
//! the bank's JSON requests and its stored records, and 금융인증서's kept PIN hash and the
//! cloud's stored records. Inputs are real samples mutated with a fixed seed (bit flips, truncations, DER length
//! rewrites, spliced bytes, extreme JSON values), each entry point bounded in count and time, so
//! that the whole run takes about 20 seconds. Nothing may panic, and no key derivation may run
//! above the bounds of `pki::kdf_bounds`.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use crate::common::shapes::{EncryptedKey, Pbes2, SaltAndRounds};
use crate::common::*;
use cert_center::bank::BankResult;
use cert_center::cloud::{PinHash, Vault};
use cert_center::customer;
use cert_center::pki::kdf_bounds::{MAX_CLASSIC_ROUNDS, MAX_ROUNDS};
use cert_center::pki::key_file::{self, KeyWithR};
use cert_center::pki::transfer::{self, PfxCipher, SEED_CBC_WITH_SHA1};
use cert_center::pki::{PkiError, ca, csr, npki};
use der::asn1::{Any, ObjectIdentifier, OctetString};
use der::{Decode, Encode};
use serde_json::Value;
use spki::AlgorithmIdentifierOwned;
use std::rc::Rc;

/// Most inputs per entry point.
const MAX_INPUTS: usize = 20_000;
/// Most time per mutating entry point (six of them).
const BUDGET: Duration = Duration::from_millis(2_000);
/// Most time for the stored records, each value in turn: about 20 s in all.
const STATE_BUDGET: Duration = Duration::from_secs(8);
const PASSWORD: &str = "Fuzz!2026pass";

/// xorshift64*: a fixed seed makes every run the same.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One mutation of `seed`, `donor` giving spliced bytes.
fn mutate(rng: &mut Rng, seed: &[u8], donor: &[u8]) -> Vec<u8> {
    let mut out = seed.to_vec();
    if out.len() < 2 {
        return out;
    }
    match rng.below(6) {
        0 => {
            for _ in 0..=rng.below(4) {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
        }
        1 => out.truncate(rng.below(out.len())),
        2 => {
            // DER length rewrite: a byte after a tag-like byte becomes an extreme length.
            let i = 1 + rng.below(out.len() - 1);
            let lengths: [&[u8]; 6] = [
                &[0x00],
                &[0x7f],
                &[0x80],
                &[0x81, 0xff],
                &[0x84, 0xff, 0xff, 0xff, 0xff],
                &[0x82, 0x00, 0x01],
            ];
            let length = lengths[rng.below(lengths.len())];
            out.splice(i..=i, length.iter().copied());
        }
        3 => {
            let from = rng.below(donor.len());
            let len = rng.below(64).min(donor.len() - from);
            let at = rng.below(out.len());
            out.splice(at..at, donor[from..from + len].iter().copied());
        }
        4 => {
            let i = rng.below(out.len());
            out[i] = [0x00, 0xff, 0x80, 0x7f][rng.below(4)];
        }
        _ => {
            let at = rng.below(out.len());
            let len = rng.below(32).min(out.len() - at);
            out.drain(at..at + len);
        }
    }
    out
}

/// A DER value as a tree, so that a mutation can change one INTEGER and keep every enclosing
/// length right.
enum Node {
    Primitive(der::Tag, Vec<u8>),
    Constructed(der::Tag, Vec<Node>),
}

fn parse_tree(bytes: &[u8]) -> Option<Vec<Node>> {
    let mut reader = der::SliceReader::new(bytes).ok()?;
    let mut nodes = Vec::new();
    while !der::Reader::is_finished(&reader) {
        let any: der::asn1::AnyRef<'_> = der::Reader::decode(&mut reader).ok()?;
        let tag = der::Tagged::tag(&any);
        nodes.push(if tag.is_constructed() {
            Node::Constructed(tag, parse_tree(any.value())?)
        } else {
            Node::Primitive(tag, any.value().to_vec())
        });
    }
    Some(nodes)
}

fn encode_tree(nodes: &[Node]) -> Vec<u8> {
    nodes
        .iter()
        .flat_map(|node| {
            let (tag, value) = match node {
                Node::Primitive(tag, value) => (*tag, value.clone()),
                Node::Constructed(tag, children) => (*tag, encode_tree(children)),
            };
            Any::new(tag, value).unwrap().to_der().unwrap()
        })
        .collect()
}

fn count_integers(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|node| match node {
            Node::Primitive(der::Tag::Integer, _) => 1,
            Node::Primitive(..) => 0,
            Node::Constructed(_, children) => count_integers(children),
        })
        .sum()
}

/// Replaces the `k`-th INTEGER (depth first) by `value`.
fn replace_integer(nodes: &mut [Node], k: &mut usize, value: &[u8]) -> bool {
    for node in nodes {
        match node {
            Node::Primitive(der::Tag::Integer, content) if *k == 0 => {
                *content = value.to_vec();
                return true;
            }
            Node::Primitive(der::Tag::Integer, _) => *k -= 1,
            Node::Primitive(..) => {}
            Node::Constructed(_, children) => {
                if replace_integer(children, k, value) {
                    return true;
                }
            }
        }
    }
    false
}

/// INTEGER contents just past the bounds (or absurd): rounds a hostile file would ask for.
const BOUNDARY_INTEGERS: [&[u8]; 5] = [
    &[0x00],                                                 // 0 rounds
    &[0x98, 0x96, 0x81],                                     // negative
    &[0x00, 0x98, 0x96, 0x81],                               // 10,000,001 = MAX_ROUNDS + 1
    &[0x01, 0x86, 0xa1],                                     // 100,001 = MAX_CLASSIC_ROUNDS + 1
    &[0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], // beyond 64 bits
];

/// `seed` with each of its INTEGERs in turn set to each boundary value (none if not DER).
fn boundary_variants(seed: &[u8]) -> Vec<Vec<u8>> {
    let Some(tree) = parse_tree(seed) else {
        return Vec::new();
    };
    let mut variants = Vec::new();
    for k in 0..count_integers(&tree) {
        for value in BOUNDARY_INTEGERS {
            let mut tree = parse_tree(seed).unwrap_or_default();
            replace_integer(&mut tree, &mut k.clone(), value);
            variants.push(encode_tree(&tree));
        }
    }
    variants
}

/// `seed` with one of its INTEGERs (at any depth) replaced by a boundary value.
fn rewrite_integer(rng: &mut Rng, seed: &[u8]) -> Option<Vec<u8>> {
    let mut tree = parse_tree(seed)?;
    let count = count_integers(&tree);
    if count == 0 {
        return None;
    }
    let value = BOUNDARY_INTEGERS[rng.below(BOUNDARY_INTEGERS.len())];
    replace_integer(&mut tree, &mut rng.below(count), value);
    Some(encode_tree(&tree))
}

/// Feeds `inputs` as they are to `check`, in order, until they or the time run out.
fn fuzz_each(name: &str, inputs: &[Vec<u8>], mut check: impl FnMut(&[u8])) -> usize {
    let started = Instant::now();
    let mut panics = Vec::new();
    let mut count = 0;
    for input in inputs {
        if started.elapsed() >= STATE_BUDGET {
            break;
        }
        if catch_unwind(AssertUnwindSafe(|| check(input))).is_err() {
            panics.push(String::from_utf8_lossy(input).into_owned());
        }
        count += 1;
    }
    println!("fuzz: {name}: {count} of {} inputs", inputs.len());
    assert!(
        panics.is_empty(),
        "{name}: {} inputs panicked, the first: {}",
        panics.len(),
        panics[0]
    );
    count
}

/// Feeds mutations of `seeds` to `check` until the count or the time runs out; panics are
/// collected and reported. Answers how many inputs ran.
fn fuzz(name: &str, seed: u64, seeds: &[Vec<u8>], mut check: impl FnMut(&[u8])) -> usize {
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut count = 0;
    let mut panics = Vec::new();
    // First every INTEGER of every seed at every boundary value, then random mutations.
    for input in seeds.iter().flat_map(|s| boundary_variants(s)) {
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            panics.push(cert_center::encoding::hex(&input));
        }
        count += 1;
    }
    while count < MAX_INPUTS && started.elapsed() < BUDGET {
        let base = &seeds[rng.below(seeds.len())];
        let donor = &seeds[rng.below(seeds.len())];
        let mut input = match rng.below(4) {
            0 => rewrite_integer(&mut rng, base).unwrap_or_else(|| base.clone()),
            _ => mutate(&mut rng, base, donor),
        };
        if rng.below(3) == 0 {
            input = mutate(&mut rng, &input, donor);
        }
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            panics.push(cert_center::encoding::hex(&input));
        }
        count += 1;
    }
    println!("fuzz: {name}: {count} inputs");
    assert!(
        panics.is_empty(),
        "{name}: {} inputs panicked, the first (hex): {}",
        panics.len(),
        panics[0]
    );
    count
}

#[derive(der::Sequence)]
struct FirstTwo {
    salt: Any,
    rounds: Any,
}

/// The derivation a key file asks for, read independently of the code under test: the round
/// count as a number (`u64::MAX` for scrypt, other KDFs, or a classic file over its own
/// bound); `None` when the structure does not say.
fn rounds_asked(file: &[u8]) -> Option<u64> {
    let key = EncryptedKey::from_der(file).ok()?;
    let params = key.algorithm.parameters?.to_der().ok()?;
    let rounds_of = |params: &[u8]| -> Option<u64> {
        let fields = FirstTwo::from_der(params).ok()?;
        // Negative or wider than 64 bits: not a count any KDF should take.
        Some(fields.rounds.decode_as::<u64>().unwrap_or(u64::MAX))
    };
    if key.algorithm.oid == SEED_CBC_WITH_SHA1 {
        let rounds = rounds_of(&params)?;
        // Classic files have the lower bound: report on the PBKDF2 scale.
        return Some(if rounds > u64::from(MAX_CLASSIC_ROUNDS) {
            u64::MAX
        } else {
            rounds
        });
    }
    if key.algorithm.oid == ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.13") {
        let pbes2 = Pbes2::from_der(&params).ok()?;
        if pbes2.kdf.oid != ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.12") {
            return Some(u64::MAX);
        }
        return rounds_of(&pbes2.kdf.parameters?.to_der().ok()?);
    }
    None
}

/// A key file's structure with any scheme's parameters (the data need not decrypt).
fn key_file_with(oid: &str, params: &impl Encode) -> Vec<u8> {
    EncryptedKey {
        algorithm: AlgorithmIdentifierOwned {
            oid: ObjectIdentifier::new(oid).unwrap(),
            parameters: Some(Any::from_der(&params.to_der().unwrap()).unwrap()),
        },
        data: OctetString::new(vec![0x5a; 1232]).unwrap(),
    }
    .to_der()
    .unwrap()
}

/// Our key file at 2 rounds, a classic SEED file and a PBES2-SEED file at few rounds.
fn key_files(key: &KeyWithR) -> Vec<Vec<u8>> {
    #[derive(der::Sequence)]
    struct Pbkdf2 {
        salt: OctetString,
        rounds: u32,
    }
    let algorithm = |oid: &str, params: &dyn Fn() -> Vec<u8>| AlgorithmIdentifierOwned {
        oid: ObjectIdentifier::new(oid).unwrap(),
        parameters: Some(Any::from_der(&params()).unwrap()),
    };
    let pbes2_seed = Pbes2 {
        kdf: algorithm("1.2.840.113549.1.5.12", &|| {
            Pbkdf2 {
                salt: OctetString::new(vec![3; 8]).unwrap(),
                rounds: 3,
            }
            .to_der()
            .unwrap()
        }),
        scheme: algorithm("1.2.410.200004.1.4", &|| {
            OctetString::new(vec![0; 16]).unwrap().to_der().unwrap()
        }),
    };
    vec![
        key_file::encrypt(key, PASSWORD, 2).unwrap(),
        key_file_with(
            "1.2.410.200004.1.15",
            &SaltAndRounds {
                salt: OctetString::new(vec![2; 8]).unwrap(),
                rounds: 4,
            },
        ),
        key_file_with("1.2.840.113549.1.5.13", &pbes2_seed),
    ]
}

#[test]
fn no_outside_input_panics_or_asks_for_an_unbounded_key_derivation() {
    let bank = MockBank::new(BankStore::memory(), Clock::manual(NOW));
    let hong = login_on(&bank, &demo::HONG);
    hong.through_step_5();
    let enrolled = hong.enroll(PASSWORD);
    let pfx = block_on(customer::export_pfx(
        &enrolled.record,
        PASSWORD,
        PfxCipher::Legacy3Des,
    ))
    .unwrap();
    let opened = transfer::import_pfx(&pfx, PASSWORD).unwrap().1;
    let mut totals = Vec::new();

    let request = csr::build(&fixed_key(0), "CN=fuzz".parse().unwrap()).unwrap();
    totals.push(fuzz("CSR (pki::csr::verify)", 1, &[request], |input| {
        let _ = csr::verify(input);
    }));

    let mut certificates = vec![enrolled.certificate.clone()];
    certificates.extend(enrolled.record.chain.iter().map(|c| unb64(c)));
    totals.push(fuzz(
        "certificate (npki::summarize/details, VID, key)",
        2,
        &certificates,
        |input| {
            let _ = npki::summarize(input);
            let _ = npki::details(input);
            if let Ok(parsed) = x509_cert::Certificate::from_der(input) {
                let _ = ca::certificate_vid(&parsed);
                let _ = ca::certificate_key(&parsed);
            }
        },
    ));

    let files = key_files(&opened);
    totals.push(fuzz(
        "key files (ours, classic SEED, PBES2-SEED)",
        3,
        &files,
        |input| {
            let asked = rounds_asked(input);
            for outcome in [
                key_file::decrypt(input, PASSWORD).map(drop),
                transfer::decrypt_any(input, PASSWORD).map(drop),
            ] {
                if let Some(rounds) = asked
                    && !(1..=u64::from(MAX_ROUNDS)).contains(&rounds)
                {
                    assert!(
                        matches!(outcome, Err(PkiError::UnsafeKdf(_))),
                        "{rounds} rounds were not refused: {outcome:?}"
                    );
                }
            }
        },
    ));

    // And one NSS wrote (BER: indefinite lengths, OCTET STRINGs in pieces; password
    // `Export!2345`, made by `pk12util` in tests/transfer.rs).
    let nss = include_bytes!("fixtures/nss-ber.p12").to_vec();
    totals.push(fuzz(
        "PKCS#12, DER and NSS's BER (transfer::import_pfx)",
        4,
        &[pfx.clone(), nss],
        |input| {
            let _ = transfer::import_pfx(input, PASSWORD);
        },
    ));

    let zip = npki::zip(&enrolled.certificate, &enrolled.key_file).unwrap();
    totals.push(fuzz("NPKI zip (npki::unzip)", 5, &[zip], |input| {
        let _ = npki::unzip(input);
    }));

    // 스마트폰인증서 복사's package: it carries no derivation parameters (the keys come from
    // the number and the slot's salt); PBES2 packages of the old layout, with any KDF, are
    // refused unread.
    let keys =
        cert_center::pki::phone_copy::NumberKeys::derive("123456789012", b"fuzz-salt").unwrap();
    let package = cert_center::pki::phone_copy::Package {
        user_id: "hong01".into(),
        certificate: b64(&enrolled.certificate),
        key_file: b64(&enrolled.key_file),
        chain: enrolled.record.chain.clone(),
        signature: b64(&[7u8; 256]),
    };
    let plain = serde_json::to_vec(&package).unwrap();
    let mut packages = vec![keys.seal(&plain).unwrap()];
    packages.extend(files.iter().cloned());
    totals.push(fuzz(
        "copy package (pki::phone_copy::open, then its JSON)",
        7,
        &packages,
        |input| {
            let opened = keys.open(input);
            if !input.starts_with(b"CCP3") {
                assert!(
                    matches!(opened, Err(PkiError::Invalid(_))),
                    "refused before any derivation: {opened:?}"
                );
            }
            if let Ok(plain) = opened
                && let Ok(p) =
                    serde_json::from_slice::<cert_center::pki::phone_copy::Package>(&plain)
            {
                let _ = p.signed_message("1234", "nonce");
            }
        },
    ));
    totals.push(fuzz(
        "copy package JSON (phone_copy::Package)",
        8,
        &[plain],
        |input| {
            if let Ok(p) = serde_json::from_slice::<cert_center::pki::phone_copy::Package>(input) {
                let _ = p.signed_message("1234", "nonce");
            }
        },
    ));

    // The 연습 기록 kept in localStorage (a page of another tab, or hand-edited, may have written it).
    let task = cert_center::guide::task("renew").unwrap();
    let mut progress = cert_center::guide::GuideProgress::started_task(task, String::new());
    progress.reach(1, 1_000.0);
    progress.mistake("인증서 암호가 올바르지 않습니다.");
    progress.reach(4, 9_000.0);
    progress.finish_if_done(true, "/", "", 12_000.0);
    let record = cert_center::practice::PracticeRecord::of(&progress).unwrap();
    let stored = serde_json::to_vec(&vec![record.clone(), record]).unwrap();
    totals.push(fuzz(
        "연습 기록 (practice::parse_records)",
        9,
        &[stored],
        |input| {
            if let Ok(records) =
                cert_center::practice::parse_records(&String::from_utf8_lossy(input))
            {
                assert!(records.len() <= cert_center::practice::MAX_RECORDS);
                assert!(records.iter().all(|r| r.took().is_finite()));
            }
        },
    ));

    let visit = recorded_visit();
    let bodies: Vec<Vec<u8>> = visit
        .requests
        .iter()
        .map(|(name, body)| format!("{name}\n{body}").into_bytes())
        .collect();
    // The bank as the visit left it, so that the recorded sessions and challenges exist.
    let fuzzed_store = BankStore::Memory(
        Rc::new(RefCell::new(visit.state.clone())),
        &cert_center::mock_bank::store::BANK,
    );
    let fuzzed_bank = MockBank::new(fuzzed_store, Clock::manual(NOW));
    let mut rng = Rng(6);
    totals.push(fuzz(
        "bank JSON requests (MockBank::serve)",
        6,
        &bodies,
        |input| {
            let text = String::from_utf8_lossy(input);
            let (name, body) = text.split_once('\n').unwrap_or(("login", &text));
            let _ = block_on(fuzzed_bank.serve(name, body));
            // JSON-aware too: the same request with one value made extreme.
            if let Ok(mut value) = serde_json::from_str::<Value>(body) {
                extreme(&mut rng, &mut value);
                let _ = block_on(fuzzed_bank.serve(name, &value.to_string()));
            }
        },
    ));

    // 금융인증서's kept PIN and the cloud's record of it: read back, a PIN hash never asks for
    // more rounds than the bounds (checking a PIN runs them; a damaged one is refused unread).
    let pin = PinHash::new("135790", [5; 16]);
    let certificate = certificate_for(&demo::MINJI, 0);
    let vault = Vault::new("minji02", &certificate, KEYS[0], pin.clone()).unwrap();
    let seeds = [
        serde_json::to_vec(&pin).unwrap(),
        serde_json::to_vec(&vault).unwrap(),
    ];
    totals.push(fuzz(
        "the cloud's records (cloud::PinHash, cloud::Vault)",
        9,
        &seeds,
        |input| {
            if let Ok(kept) = serde_json::from_slice::<PinHash>(input) {
                assert!(kept.rounds() <= MAX_ROUNDS, "{}", kept.rounds());
            }
            if let Ok(vault) = serde_json::from_slice::<Vault>(input) {
                let _ = vault.locked();
            }
        },
    ));

    // Every stored value of every record, in turn, made extreme; then the visit's requests
    // against it.
    let records = Rc::new(RefCell::new(Records::new()));
    let stored_bank = MockBank::new(
        BankStore::Memory(records.clone(), &cert_center::mock_bank::store::BANK),
        Clock::manual(NOW),
    );
    let mut texts = every_value_made_extreme(&visit.state);
    let mut rng = Rng(7);
    for i in (1..texts.len()).rev() {
        texts.swap(i, rng.below(i + 1));
    }
    totals.push(fuzz_each(
        "stored records (each value made extreme)",
        &texts,
        |input| {
            let Some(tampered) = tampered_state(&visit.state, input) else {
                return;
            };
            // Each request meets the tampered records as they were (one may clean up another's).
            for (name, body) in &visit.requests {
                *records.borrow_mut() = tampered.clone();
                let _ = block_on(stored_bank.serve(name, body));
            }
        },
    ));

    // This browser's connection to the cloud, read back from Web Storage (another tab writes it).
    let connection = cert_center::cloud::api::Connection {
        device: cert_center::cloud::api::DeviceToken("0f".repeat(16)),
        name: "홍길동".into(),
        remembered: true,
    };
    totals.push(fuzz(
        "kept cloud connection (cloud::api::Connection)",
        10,
        &[serde_json::to_vec(&connection).unwrap()],
        |input| {
            if let Ok(kept) = serde_json::from_slice::<cert_center::cloud::api::Connection>(input) {
                let _ = kept.device.0.len() + kept.name.len();
            }
        },
    ));
    totals.push(fuzz_cloud_records());
    println!("fuzz: {} inputs in all", totals.iter().sum::<usize>());
}

/// The cloud's stored records (connections, texted codes, keys waiting, vaults): each value in
/// turn made extreme, then requests that need no PIN over them (a PIN costs 600,000 rounds). A vault or key whose PIN hash
/// asks for rounds out of bounds is refused unread (`cloud::PinHash`).
fn fuzz_cloud_records() -> usize {
    use cert_center::cloud::api::*;
    use cert_center::mock_cloud::{MockCloud, SCHEMA};
    let (state, device) = crate::cloud_service::cloud_visit();
    let texts = every_value_made_extreme(&state);
    let vault: serde_json::Value =
        serde_json::from_str(state["vaults"].values().next().unwrap()).unwrap();
    let certificate = vault["certificate"].as_str().unwrap().to_owned();
    let requests = [
        (
            GetCloudCertificate::NAME,
            serde_json::to_string(&GetCloudCertificate {
                device: device.clone(),
            }),
        ),
        (
            StartConnect::NAME,
            serde_json::to_string(&StartConnect {
                name: "홍길동".into(),
                phone: "010-1234-5678".into(),
            }),
        ),
        (
            FinishConnect::NAME,
            serde_json::to_string(&FinishConnect {
                name: "홍길동".into(),
                phone: "010-1234-5678".into(),
                code: "000000".into(),
                remember: true,
            }),
        ),
        // Reads the key waiting for its certificate (an issuance's or a renewal's).
        (
            FinishEnrollment::NAME,
            serde_json::to_string(&FinishEnrollment {
                device: device.clone(),
                certificate,
            }),
        ),
        (
            CloseCloud::NAME,
            serde_json::to_string(&CloseCloud { device }),
        ),
    ];
    fuzz_each(
        "the cloud's stored records (each value made extreme)",
        &texts,
        |input| {
            let Some(tampered) = tampered_state(&state, input) else {
                return;
            };
            for (name, body) in &requests {
                let store = BankStore::Memory(Rc::new(RefCell::new(tampered.clone())), &SCHEMA);
                let cloud = MockCloud::new(store, Clock::manual(NOW));
                let _ = block_on(cloud.serve(name, body.as_ref().unwrap()));
            }
        },
    )
}

/// Every stored value of every record of `state`, in turn, made each of [`EXTREMES`]: one
/// `store\nkey\nrecord` text per tampered record.
fn every_value_made_extreme(state: &Records) -> Vec<Vec<u8>> {
    let mut texts = Vec::new();
    for (store, kept) in state {
        for (key, text) in kept {
            let Ok(record) = serde_json::from_str::<Value>(text) else {
                continue;
            };
            let mut slots = Vec::new();
            collect(&record, &mut slots, String::new());
            for slot in slots {
                for extreme in EXTREMES {
                    let mut tampered = record.clone();
                    if let Some(target) = tampered.pointer_mut(&slot) {
                        *target = extreme();
                    }
                    texts.push(format!("{store}\n{key}\n{tampered}").into_bytes());
                }
            }
        }
    }
    texts
}

/// `state` with the record of one [`every_value_made_extreme`] text in its place.
fn tampered_state(state: &Records, input: &[u8]) -> Option<Records> {
    let text = String::from_utf8_lossy(input);
    let mut parts = text.splitn(3, '\n');
    let (store, key, record) = (parts.next()?, parts.next()?, parts.next()?);
    let mut tampered = state.clone();
    tampered
        .entry(store.to_owned())
        .or_default()
        .insert(key.to_owned(), record.to_owned());
    Some(tampered)
}

/// Values a tampered record or request might carry.
const EXTREMES: [fn() -> Value; 12] = [
    || Value::from(0),
    || Value::from(-1),
    || Value::from(255),
    || Value::from(256),
    || Value::from(u64::MAX),
    || Value::from(i64::MIN),
    || Value::from(""),
    || Value::from("A".repeat(10_000)),
    || Value::from("=="),
    || Value::Null,
    || Value::Array(Vec::new()),
    || Value::Bool(true),
];

/// Replaces one value somewhere in `value` by an extreme one.
fn extreme(rng: &mut Rng, value: &mut Value) {
    let mut slots = Vec::new();
    collect(value, &mut slots, String::new());
    if slots.is_empty() {
        return;
    }
    let pointer = &slots[rng.below(slots.len())];
    if let Some(slot) = value.pointer_mut(pointer) {
        *slot = EXTREMES[rng.below(EXTREMES.len())]();
    }
}

fn collect(value: &Value, slots: &mut Vec<String>, at: String) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| collect(v, slots, format!("{at}/{k}"))),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| collect(v, slots, format!("{at}/{i}"))),
        _ => slots.push(at),
    }
}

/// A bank client that writes down every request it sends.
struct Recorder {
    bank: MockBank,
    seen: RefCell<Vec<(&'static str, String)>>,
}

impl BankApi for Recorder {
    async fn call<E: Endpoint>(&self, request: E) -> BankResult<E::Response> {
        self.seen
            .borrow_mut()
            .push((E::NAME, serde_json::to_string(&request).unwrap()));
        self.bank.call(request).await
    }
}

/// One customer's whole visit: a real request body for every endpoint, and the bank's records
/// near its end (a session, an issuance under way, certificates, a registration).
struct Visit {
    requests: Vec<(&'static str, String)>,
    state: Records,
}

fn recorded_visit() -> Visit {
    let store = BankStore::memory();
    let rec = Recorder {
        bank: MockBank::new(store.clone(), Clock::manual(NOW)),
        seen: RefCell::default(),
    };
    let grant = block_on(rec.call(Login {
        user_id: "hong01".into(),
        password: demo::HONG.password.into(),
    }))
    .unwrap();
    let token = grant.token;
    let t = || token.clone();
    let _ = block_on(rec.call(ExtendSession { token: t() }));
    let _ = block_on(rec.call(GetIssuance {
        token: t(),
        menu: IssueMenu::Personal,
    }));
    let _ = block_on(rec.call(AgreeTerms {
        token: t(),
        basic_terms: true,
        service_terms: true,
        id_number: demo::HONG.rrn.into(),
    }));
    let _ = block_on(rec.call(GetTargets { token: t() }));
    let _ = block_on(rec.call(ChooseCertificate {
        token: t(),
        kind: CertKind::General,
        ca: Ca::Kica,
        ca_terms: true,
        third_party: true,
        prior_consent: true,
    }));
    let asked = block_on(rec.call(GetVerification { token: t() })).unwrap();
    let ars = block_on(rec.call(StartArs {
        token: t(),
        phone: 0,
    }))
    .unwrap();
    let _ = block_on(rec.call(AnswerArs {
        token: t(),
        keyed: ars.approval_number,
    }));
    let _ = block_on(rec.call(ConfirmArs { token: t() }));
    let answer = match (asked.second_factor, demo::HONG.second_factor) {
        (
            SecondFactorPrompt::Card { first, second, .. },
            SecondFactor::SecurityCard { codes, .. },
        ) => SecondFactorAnswer::Card {
            first_two: codes[usize::from(first) - 1][..2].into(),
            last_two: codes[usize::from(second) - 1][2..].into(),
        },
        other => panic!("{other:?}"),
    };
    let _ = block_on(rec.call(VerifyAccount {
        token: t(),
        account: demo::HONG.account.into(),
        account_password: demo::HONG.account_password.into(),
        answer,
    }));
    let _ = block_on(rec.call(GetFee { token: t() }));
    let _ = block_on(rec.call(ConfirmFee { token: t() }));
    let _ = block_on(rec.call(GetBankName { token: t() }));
    let hong = Customer {
        bank: rec.bank.clone(),
        token: t(),
        who: &demo::HONG,
        menu: IssueMenu::Personal,
    };
    let _ = block_on(rec.call(SubmitDetails {
        token: t(),
        details: hong.details(),
    }));
    let prepared = block_on(customer::prepare(&rec, t(), async |_| {})).unwrap();
    let enrolled = block_on(customer::enroll(
        &rec,
        t(),
        "hong01",
        PASSWORD,
        &prepared,
        async |_| {},
    ))
    .unwrap();
    let signed = proof(&enrolled, PASSWORD);
    let _ = block_on(customer::certificate_login(&rec, false, &signed));
    let _ = block_on(rec.call(ListCertificates { token: t() }));
    let _ = block_on(rec.call(GetAccount { token: t() }));
    let _ = block_on(rec.call(ListReceipts { token: t() }));
    let _ = block_on(rec.call(GetCrl { ca: Ca::Kica }));
    let _ = block_on(rec.call(GetRootCertificate));
    let _ = block_on(rec.call(StartRegistration { token: t() }));
    let other = block_on(customer::issue_elsewhere(&rec, t(), "hong01", PASSWORD)).unwrap();
    let _ = block_on(customer::register(&rec, t(), &proof(&other, PASSWORD)));
    let _ = block_on(rec.call(UnregisterCertificate {
        token: t(),
        serial: "01".into(),
    }));
    let _ = block_on(customer::renew(
        &rec,
        customer::Renewal {
            token: &t(),
            user_id: "hong01",
            proof: &signed,
        },
        async |_| {},
    ));
    let _ = block_on(customer::revoke(&rec, t(), &signed));
    let _ = block_on(rec.call(ResetLoginPassword {
        token: t(),
        new_password: "NewPass2026".into(),
    }));
    let _ = block_on(rec.call(StartArs {
        token: t(),
        phone: 0,
    }));
    let _ = block_on(rec.call(GetVerification { token: t() }));
    // A practice task's start, for another customer (it would reset 홍길동's visit).
    block_on(customer::start_task(&rec, "minji02", Some(30), PASSWORD)).unwrap();
    let state = block_on(store.snapshot()).unwrap();
    let _ = block_on(rec.call(CancelIssuance { token: t() }));
    Visit {
        requests: rec.seen.into_inner(),
        state,
    }
}
