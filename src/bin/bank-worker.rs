//! The mock bank's Web Worker (see `cert_center::bank::worker`). Trunk builds it from
//! `index.html`'s `data-type="worker"` link.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    cert_center::bank::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("bank-worker runs only as a Web Worker in the browser (see index.html).");
}
