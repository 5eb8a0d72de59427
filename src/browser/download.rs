//! Offering bytes made in the page as a file download.

use wasm_bindgen::JsCast;

/// Saves what the bank sent as base64 (a certificate, a CRL) as `file_name`; a refusal is its
/// message.
pub fn download_from_bank(
    answer: Result<String, impl std::fmt::Display>,
    file_name: &str,
    mime: &str,
) -> Result<(), String> {
    let der = crate::encoding::unbase64(&answer.map_err(|e| e.to_string())?)
        .ok_or("은행의 응답을 읽을 수 없습니다.")?;
    download(&der, file_name, mime)
}

/// Makes the browser save `bytes` as `file_name`.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), String> {
    let failed =
        |_| "파일을 저장하지 못했습니다. 브라우저의 다운로드 설정을 확인해 주세요.".to_owned();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("문서를 찾을 수 없습니다.")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
