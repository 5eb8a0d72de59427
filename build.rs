//! With the `split` feature (the release bundle), the page's module keeps its relocations, which
//! scripts/split.mjs needs to split it; no other module carries them (they double a module).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bin=cert-center=--emit-relocs");
    }
}
