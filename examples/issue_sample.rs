//! Writes a sample root, issuing CA, request, certificate and encrypted key into a folder, from
//! the same code the app uses, for checking with OpenSSL:
//!
//! ```sh
//! cargo run --example issue_sample -- /tmp/sample
//! openssl verify -CAfile /tmp/sample/root.pem -untrusted /tmp/sample/ca.pem /tmp/sample/signCert.pem
//! ```
//!
//! `--corporate` writes (주)모의상사's 기업 범용 certificate instead, `--tax` its 전자세금용 one.

fn main() {
    use cert_center::pki::profile::CertKind;
    let mut kind = CertKind::General;
    let mut dir = None;
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--corporate") => kind = CertKind::CorporateGeneral,
            Some("--tax") => kind = CertKind::Tax,
            _ => dir = Some(arg),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: issue_sample [--corporate | --tax] DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("cannot create the folder");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock before 1970")
        .as_millis() as i64;
    cert_center::sample::write_sample_of(&dir, now, kind).expect("writing the sample");
    println!("sample written to {}", dir.display());
}
