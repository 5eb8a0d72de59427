//! The app's one Web Worker module, in two roles told apart by the worker's name: `bank` runs
//! the mock bank and cloud ([`cert_center::servers::worker`]), any other the key worker
//! ([`cert_center::key_worker::worker`]). One module serves both, so the browser fetches and compiles it once.
//! Trunk builds it from `index.html`'s `data-type="worker"` link.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    if scope.name() == cert_center::bank::worker::WORKER_NAME {
        cert_center::servers::worker::serve();
    } else {
        cert_center::key_worker::worker::serve();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("worker runs only as a Web Worker in the browser (see index.html).");
}
