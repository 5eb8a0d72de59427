//! The key file's PBES2 through the browser's WebCrypto: the same bytes as
//! [`crate::pki::key_file`] (PBKDF2-HMAC-SHA256, AES-256-CBC, PKCS#7 padding), but the 600,000
//! rounds run natively in the browser, about seven times faster than our Rust in WebAssembly
//! (`scripts/bench`), and off the page's thread. Elsewhere (native tests, other schemes) the
//! Rust code does the work.

use crate::pki::Result;
use crate::pki::key_file::{self, KeyWithR};

/// A JavaScript object with `pairs` as its properties (WebCrypto's algorithm parameters).
pub fn object(
    pairs: &[(&str, wasm_bindgen::JsValue)],
) -> std::result::Result<js_sys::Object, wasm_bindgen::JsValue> {
    let o = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&o, &wasm_bindgen::JsValue::from_str(key), value)?;
    }
    Ok(o)
}

/// `crypto.subtle` of this page or worker (missing outside a secure context).
pub fn subtle() -> std::result::Result<web_sys::SubtleCrypto, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())?;
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into())?;
    if subtle.is_undefined() {
        return Err(wasm_bindgen::JsValue::from_str("no crypto.subtle"));
    }
    Ok(subtle.unchecked_into())
}

/// The WebCrypto parameters of our key pairs: RSASSA-PKCS1-v1_5, 2048 bits, e = 65537.
pub fn rsa_params() -> std::result::Result<js_sys::Object, wasm_bindgen::JsValue> {
    object(&[
        ("name", "RSASSA-PKCS1-v1_5".into()),
        ("modulusLength", (crate::pki::keys::KEY_BITS as u32).into()),
        (
            "publicExponent",
            js_sys::Uint8Array::from(&[1u8, 0, 1][..]).into(),
        ),
        ("hash", "SHA-256".into()),
    ])
}

/// A new RSA-2048 key made by the platform (`generateKey`, several times faster than the rsa
/// crate in WebAssembly), exported as PKCS#8 and loaded and checked by the rsa crate
/// ([`crate::pki::keys::from_pkcs8`]).
#[cfg(target_arch = "wasm32")]
pub async fn generate_rsa() -> Result<rsa::PrivateKey> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let js = |e: wasm_bindgen::JsValue| crate::pki::PkiError::Invalid(format!("WebCrypto: {e:?}"));
    let subtle = subtle().map_err(js)?;
    let usages = js_sys::Array::of2(&"sign".into(), &"verify".into());
    let pair = JsFuture::from(
        subtle
            .generate_key_with_object(&rsa_params().map_err(js)?, true, &usages)
            .map_err(js)?,
    )
    .await
    .map_err(js)?;
    let private: web_sys::CryptoKey = js_sys::Reflect::get(&pair, &"privateKey".into())
        .map_err(js)?
        .unchecked_into();
    let exported = JsFuture::from(subtle.export_key("pkcs8", &private).map_err(js)?)
        .await
        .map_err(js)?;
    let view = js_sys::Uint8Array::new(&exported);
    let der = zeroize::Zeroizing::new(view.to_vec());
    view.fill(0, 0, view.length());
    crate::pki::keys::from_pkcs8(&der)
}

/// Encrypts `key` under `password` into a key file.
pub async fn encrypt(key: &KeyWithR, password: &str, rounds: u32) -> Result<Vec<u8>> {
    #[cfg(target_arch = "wasm32")]
    {
        let plain = zeroize::Zeroizing::new(key_file::plain_der(key)?);
        let params = key_file::Pbes2Aes256::generate(rounds)?;
        let ciphertext = browser::aes_cbc(&params, password, &plain, true).await?;
        params.file(&ciphertext)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        key_file::encrypt(key, password, rounds)
    }
}

/// Opens a key file with `password`: ours through WebCrypto, any other scheme we read by
/// [`crate::pki::transfer::decrypt_any`].
pub async fn decrypt(file: &[u8], password: &str) -> Result<KeyWithR> {
    #[cfg(target_arch = "wasm32")]
    if let Some((params, ciphertext)) = key_file::Pbes2Aes256::of_file(file) {
        // The bounds `key_file::decrypt` checks for every other file.
        crate::pki::kdf_bounds::check(file)?;
        let plain = zeroize::Zeroizing::new(
            browser::aes_cbc(&params, password, &ciphertext, false)
                .await
                .map_err(|_| crate::pki::PkiError::WrongPassword)?,
        );
        return key_file::open_plain(&plain);
    }
    // Any other scheme (older PBES2 variants, classic SEED): the Rust code (this runs in the
    // key worker).
    crate::pki::transfer::decrypt_any(file, password)
}

/// Opens a key file and checks that it is the key of `certificate_key`.
pub async fn unlock(
    file: &[u8],
    password: &str,
    certificate_key: &rsa::PublicKey,
) -> Result<KeyWithR> {
    key_file::matches_certificate(decrypt(file, password).await?, certificate_key)
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use crate::pki::key_file::Pbes2Aes256;
    use crate::pki::{PkiError, Result};

    fn js(e: JsValue) -> PkiError {
        PkiError::Invalid(format!("WebCrypto: {e:?}"))
    }

    fn object(pairs: &[(&str, JsValue)]) -> Result<js_sys::Object> {
        super::object(pairs).map_err(js)
    }

    fn bytes(b: &[u8]) -> js_sys::Object {
        js_sys::Uint8Array::from(b).into()
    }

    /// AES-256-CBC with the key PBKDF2-HMAC-SHA256 derives from `password`; encrypts or
    /// decrypts `data`.
    pub(super) async fn aes_cbc(
        params: &Pbes2Aes256,
        password: &str,
        data: &[u8],
        encrypt: bool,
    ) -> Result<Vec<u8>> {
        let subtle = super::subtle().map_err(js)?;
        // The password's copy on the JavaScript side is wiped once WebCrypto has it.
        let secret = Wiped(js_sys::Uint8Array::from(password.as_bytes()));
        let base = JsFuture::from(
            subtle
                .import_key_with_str(
                    "raw",
                    &secret.0,
                    "PBKDF2",
                    false,
                    &js_sys::Array::of1(&"deriveKey".into()),
                )
                .map_err(js)?,
        )
        .await
        .map_err(js)?;
        drop(secret);
        let pbkdf2 = object(&[
            ("name", "PBKDF2".into()),
            ("hash", "SHA-256".into()),
            ("salt", bytes(&params.salt).into()),
            ("iterations", params.rounds.into()),
        ])?;
        let aes = object(&[("name", "AES-CBC".into()), ("length", 256.into())])?;
        let key = JsFuture::from(
            subtle
                .derive_key_with_object_and_object(
                    &pbkdf2,
                    base.unchecked_ref(),
                    &aes,
                    false,
                    &js_sys::Array::of2(&"encrypt".into(), &"decrypt".into()),
                )
                .map_err(js)?,
        )
        .await
        .map_err(js)?;
        let cbc = object(&[("name", "AES-CBC".into()), ("iv", bytes(&params.iv).into())])?;
        // On encryption `data` is the plain key: its JavaScript copy is wiped too.
        let input = Wiped(js_sys::Uint8Array::from(data));
        let promise = if encrypt {
            subtle.encrypt_with_object_and_buffer_source(&cbc, key.unchecked_ref(), &input.0)
        } else {
            subtle.decrypt_with_object_and_buffer_source(&cbc, key.unchecked_ref(), &input.0)
        }
        .map_err(js)?;
        let out = JsFuture::from(promise).await.map_err(js)?;
        // On decryption the answer is the plain key: wiped once copied out.
        let output = Wiped(js_sys::Uint8Array::new(&out));
        Ok(output.0.to_vec())
    }

    /// Bytes on the JavaScript side, overwritten with zeros when dropped.
    struct Wiped(js_sys::Uint8Array);

    impl Drop for Wiped {
        fn drop(&mut self) {
            self.0.fill(0, 0, self.0.length());
        }
    }
}
