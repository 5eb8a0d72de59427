//! 바이오인증: "지문이나 얼굴 인식으로 인증서 암호 입력을 대신하는 서비스", on the browser's own
//! authenticator. Registering creates a WebAuthn credential (platform authenticator, user
//! verification required) with the PRF extension; the PRF output derives (HKDF-SHA256) an
//! AES-256-GCM key that wraps the certificate's private key (PKCS#8 with R), and the wrapped copy
//! is kept beside the certificate. A login then asks for one biometric prompt instead of the
//! password. The password-encrypted key file is untouched, so changing the password keeps
//! 바이오인증 working, and deleting the certificate deletes the wrapped copy with it.

use crate::pki::key_file::OpenedKey;
use crate::store::{BioWrap, StoredCertificate};

/// What HKDF-SHA256 takes as its salt: the key's purpose, so that no other use of the same PRF
/// output derives the same key.
pub const HKDF_SALT: &[u8] = b"cert-center bio-auth v1";

/// Why 바이오인증 could not be used; the password always remains.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BioError {
    /// No WebAuthn in this browser.
    #[error("이 브라우저는 바이오인증(WebAuthn)을 지원하지 않습니다. 인증서 암호로 이용해 주세요.")]
    NoWebAuthn,
    /// The authenticator or browser has no PRF extension.
    #[error(
        "이 브라우저(또는 인증 장치)는 바이오인증에 필요한 기능(WebAuthn PRF 확장)을 지원하지 않습니다. 인증서 암호로 이용해 주세요."
    )]
    NoPrf,
    /// The prompt was cancelled, timed out or refused.
    #[error(
        "바이오인증이 취소되었거나 시간이 지났습니다. 다시 시도하시거나 인증서 암호를 이용해 주세요."
    )]
    Cancelled,
    /// The page was opened at an IP address, which WebAuthn refuses.
    #[error(
        "바이오인증은 http://localhost 또는 https 주소에서만 쓸 수 있습니다. 지금 주소({0})는 IP 주소라서 브라우저가 거절합니다. (주소마다 브라우저 저장소가 따로이므로, localhost 주소에서는 인증서를 다시 발급하거나 가져와야 합니다.)"
    )]
    NeedsLocalhost(String),
    /// The wrapped copy does not open (another credential, damaged).
    #[error(
        "바이오인증으로 인증서를 열 수 없습니다. 바이오인증을 해제한 뒤 다시 등록해 주세요. ({0})"
    )]
    Broken(String),
}

/// Whether this page's host is an IP address (WebAuthn's "invalid domain"): the hostname, if so.
pub fn ip_host() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let host = web_sys::window()?.location().hostname().ok()?;
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        bare.parse::<std::net::IpAddr>().is_ok().then_some(host)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Registers 바이오인증 for `record`, whose key `key` the customer has just opened with the
/// password: the wrapped copy to keep beside it.
pub async fn register(record: &StoredCertificate, key: &OpenedKey) -> Result<BioWrap, BioError> {
    if let Some(host) = ip_host() {
        return Err(BioError::NeedsLocalhost(host));
    }
    #[cfg(target_arch = "wasm32")]
    {
        use crate::encoding::base64;
        let salt = crate::pki::random_bytes::<32>().map_err(BioError::Broken)?;
        let (credential_id, prf) = browser::create(record, &salt).await?;
        let plain = crate::worker::plain_key(key)
            .await
            .map_err(|e| BioError::Broken(format!("{e:?}")))?;
        let (iv, wrapped) = seal(&prf, &record.id, &plain).await?;
        Ok(BioWrap {
            credential_id: base64(&credential_id),
            prf_salt: base64(&salt),
            iv: base64(&iv),
            wrapped: base64(&wrapped),
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (record, key);
        Err(BioError::NoWebAuthn)
    }
}

/// Opens `record`'s key with one biometric prompt, checking it is the certificate's key.
pub async fn unlock(record: &StoredCertificate) -> Result<OpenedKey, BioError> {
    if let Some(host) = ip_host() {
        return Err(BioError::NeedsLocalhost(host));
    }
    let wrap = record
        .bio
        .as_ref()
        .ok_or_else(|| BioError::Broken("등록된 바이오인증이 없습니다".to_owned()))?;
    #[cfg(target_arch = "wasm32")]
    {
        let decode = |text: &str| {
            crate::encoding::unbase64(text)
                .ok_or_else(|| BioError::Broken("저장된 값이 손상되었습니다".to_owned()))
        };
        let prf =
            browser::evaluate(&decode(&wrap.credential_id)?, &decode(&wrap.prf_salt)?).await?;
        let plain = zeroize::Zeroizing::new(
            open(
                &prf,
                &record.id,
                &decode(&wrap.iv)?,
                &decode(&wrap.wrapped)?,
            )
            .await?,
        );
        let (certificate, _) = record
            .files()
            .ok_or_else(|| BioError::Broken("인증서가 손상되었습니다".to_owned()))?;
        crate::worker::from_plain(&plain, &certificate)
            .await
            .map_err(|e| BioError::Broken(format!("{e:?}")))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = wrap;
        Err(BioError::NoWebAuthn)
    }
}

/// Encrypts `plain` under the key HKDF-SHA256 derives from the PRF output `prf` for the
/// certificate `context` (its fingerprint): a fresh IV and the ciphertext.
pub async fn seal(prf: &[u8], context: &str, plain: &[u8]) -> Result<(Vec<u8>, Vec<u8>), BioError> {
    #[cfg(target_arch = "wasm32")]
    {
        let iv = crate::pki::random_bytes::<12>().map_err(BioError::Broken)?;
        let sealed = browser::aes_gcm(prf, context, &iv, plain, true).await?;
        Ok((iv.to_vec(), sealed))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (prf, context, plain);
        Err(BioError::NoWebAuthn)
    }
}

/// Decrypts what [`seal`] made; another PRF output or certificate fails.
pub async fn open(
    prf: &[u8],
    context: &str,
    iv: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>, BioError> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::aes_gcm(prf, context, iv, sealed, false).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (prf, context, iv, sealed);
        Err(BioError::NoWebAuthn)
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::{BioError, HKDF_SALT};
    use crate::browser::webcrypto::{object, subtle};
    use crate::store::StoredCertificate;

    fn broken(e: JsValue) -> BioError {
        BioError::Broken(format!("{e:?}"))
    }

    fn bytes(b: &[u8]) -> JsValue {
        Uint8Array::from(b).into()
    }

    fn get(target: &JsValue, key: &str) -> JsValue {
        Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }

    /// `navigator.credentials.<method>(options)`, with a WebAuthn failure said in Korean.
    async fn credentials(method: &str, options: &Object) -> Result<JsValue, BioError> {
        let navigator = web_sys::window().ok_or(BioError::NoWebAuthn)?.navigator();
        let container = get(&navigator, "credentials");
        if container.is_undefined()
            || get(&web_sys::window().unwrap().into(), "PublicKeyCredential").is_undefined()
        {
            return Err(BioError::NoWebAuthn);
        }
        let call: Function = get(&container, method)
            .dyn_into()
            .map_err(|_| BioError::NoWebAuthn)?;
        let promise: Promise = call
            .call1(&container, options)
            .map_err(broken)?
            .dyn_into()
            .map_err(broken)?;
        JsFuture::from(promise)
            .await
            .map_err(|e| match get(&e, "name").as_string().as_deref() {
                Some("NotAllowedError" | "AbortError" | "InvalidStateError") => BioError::Cancelled,
                Some("SecurityError") => BioError::NeedsLocalhost(
                    web_sys::window()
                        .and_then(|w| w.location().hostname().ok())
                        .unwrap_or_default(),
                ),
                Some("NotSupportedError") => BioError::NoPrf,
                _ => broken(e),
            })
    }

    /// The PRF extension's input for `salt`.
    fn prf_input(salt: &[u8]) -> Result<Object, BioError> {
        let eval = object(&[("first", bytes(salt))]).map_err(broken)?;
        let prf = object(&[("eval", eval.into())]).map_err(broken)?;
        object(&[("prf", prf.into())]).map_err(broken)
    }

    /// The PRF output a credential's extension results carry, if any.
    fn prf_output(credential: &JsValue) -> Result<Option<zeroize::Zeroizing<Vec<u8>>>, BioError> {
        let results: Function = get(credential, "getClientExtensionResults")
            .dyn_into()
            .map_err(broken)?;
        let results = results.call0(credential).map_err(broken)?;
        let prf = get(&results, "prf");
        if prf.is_undefined()
            || get(&prf, "enabled").is_falsy() && get(&prf, "results").is_undefined()
        {
            return Err(BioError::NoPrf);
        }
        let first = get(&get(&prf, "results"), "first");
        if first.is_undefined() {
            return Ok(None);
        }
        // Copied out, then wiped where the browser handed it over: the PRF output is the key.
        let array = Uint8Array::new(&first);
        let output = zeroize::Zeroizing::new(array.to_vec());
        array.fill(0, 0, array.length());
        Ok(Some(output))
    }

    /// Creates the credential for `record` with the PRF extension: its ID and the PRF output
    /// for `salt` (asked for again with an assertion where creation does not evaluate it).
    pub(super) async fn create(
        record: &StoredCertificate,
        salt: &[u8],
    ) -> Result<(Vec<u8>, zeroize::Zeroizing<Vec<u8>>), BioError> {
        let random = |n| {
            crate::pki::random_bytes::<32>()
                .map(|r| r[..n].to_vec())
                .map_err(BioError::Broken)
        };
        let rp = object(&[("name", "모의은행 공인인증센터".into())]).map_err(broken)?;
        let user = object(&[
            ("id", bytes(&random(16)?)),
            (
                "name",
                format!("{} ({})", record.user_id, record.holder).into(),
            ),
            ("displayName", record.holder.clone().into()),
        ])
        .map_err(broken)?;
        let algorithm = |alg: i32| {
            object(&[("type", "public-key".into()), ("alg", alg.into())])
                .map(JsValue::from)
                .map_err(broken)
        };
        // ES256 and RS256, as the WebAuthn guidance suggests.
        let params = Array::of2(&algorithm(-7)?, &algorithm(-257)?);
        let selection = object(&[
            ("authenticatorAttachment", "platform".into()),
            ("userVerification", "required".into()),
            ("residentKey", "discouraged".into()),
        ])
        .map_err(broken)?;
        let public_key = object(&[
            ("rp", rp.into()),
            ("user", user.into()),
            ("challenge", bytes(&random(32)?)),
            ("pubKeyCredParams", params.into()),
            ("authenticatorSelection", selection.into()),
            ("timeout", 120_000.into()),
            ("extensions", prf_input(salt)?.into()),
        ])
        .map_err(broken)?;
        let options = object(&[("publicKey", public_key.into())]).map_err(broken)?;
        let credential = credentials("create", &options).await?;
        let id = Uint8Array::new(&get(&credential, "rawId")).to_vec();
        let prf = match prf_output(&credential)? {
            Some(prf) => prf,
            None => evaluate(&id, salt).await?,
        };
        Ok((id, prf))
    }

    /// One assertion with the credential `id` (user verification required): the PRF output
    /// for `salt`.
    pub(super) async fn evaluate(
        id: &[u8],
        salt: &[u8],
    ) -> Result<zeroize::Zeroizing<Vec<u8>>, BioError> {
        let allowed =
            object(&[("type", "public-key".into()), ("id", bytes(id))]).map_err(broken)?;
        let challenge = crate::pki::random_bytes::<32>().map_err(BioError::Broken)?;
        let public_key = object(&[
            ("challenge", bytes(&challenge)),
            ("allowCredentials", Array::of1(&allowed).into()),
            ("userVerification", "required".into()),
            ("timeout", 120_000.into()),
            ("extensions", prf_input(salt)?.into()),
        ])
        .map_err(broken)?;
        let options = object(&[("publicKey", public_key.into())]).map_err(broken)?;
        let assertion = credentials("get", &options).await?;
        prf_output(&assertion)?.ok_or(BioError::NoPrf)
    }

    /// AES-256-GCM under HKDF-SHA256(`prf`, [`HKDF_SALT`], `context`): encrypts or decrypts.
    pub(super) async fn aes_gcm(
        prf: &[u8],
        context: &str,
        iv: &[u8],
        data: &[u8],
        encrypt: bool,
    ) -> Result<Vec<u8>, BioError> {
        let subtle = subtle().map_err(broken)?;
        let base = JsFuture::from(
            subtle
                .import_key_with_str(
                    "raw",
                    &Uint8Array::from(prf),
                    "HKDF",
                    false,
                    &Array::of1(&"deriveKey".into()),
                )
                .map_err(broken)?,
        )
        .await
        .map_err(broken)?;
        let hkdf = object(&[
            ("name", "HKDF".into()),
            ("hash", "SHA-256".into()),
            ("salt", bytes(HKDF_SALT)),
            ("info", bytes(context.as_bytes())),
        ])
        .map_err(broken)?;
        let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]).map_err(broken)?;
        let key = JsFuture::from(
            subtle
                .derive_key_with_object_and_object(
                    &hkdf,
                    base.unchecked_ref(),
                    &aes,
                    false,
                    &Array::of2(&"encrypt".into(), &"decrypt".into()),
                )
                .map_err(broken)?,
        )
        .await
        .map_err(broken)?;
        let gcm = object(&[("name", "AES-GCM".into()), ("iv", bytes(iv))]).map_err(broken)?;
        let input = Uint8Array::from(data);
        let promise = if encrypt {
            subtle.encrypt_with_object_and_buffer_source(&gcm, key.unchecked_ref(), &input)
        } else {
            subtle.decrypt_with_object_and_buffer_source(&gcm, key.unchecked_ref(), &input)
        }
        .map_err(broken)?;
        input.fill(0, 0, input.length());
        let out = JsFuture::from(promise).await.map_err(|_| {
            BioError::Broken("다른 바이오인증이거나 저장된 값이 손상되었습니다".to_owned())
        })?;
        let out = Uint8Array::new(&out);
        let copied = out.to_vec();
        out.fill(0, 0, out.length());
        Ok(copied)
    }
}
