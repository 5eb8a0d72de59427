//! Writes a sample root, issuing CA, request, certificate and encrypted key into a folder, from
//! the same code the app uses, for checking with OpenSSL:
//!
//! ```sh
//! cargo run --example issue_sample -- /tmp/sample
//! openssl verify -CAfile /tmp/sample/root.pem -untrusted /tmp/sample/ca.pem /tmp/sample/signCert.pem
//! ```

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: issue_sample DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("cannot create the folder");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock before 1970")
        .as_millis() as i64;
    cert_center::sample::write_sample(&dir, now).expect("writing the sample");
    println!("sample written to {}", dir.display());
}
