//! The key worker's loop: every [`Job`] it is sent is done and answered.

use wasm_bindgen::JsCast;
use web_sys::DedicatedWorkerGlobalScope;

use super::run;
use crate::browser::port::{listen, post};
use crate::worker::{Failure, Job, Reply};

/// Does every job it is sent, one answer each.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    // The handler lives as long as the worker.
    listen(&scope, move |job: Option<Job>| {
        let replies = replies.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let done = match job {
                Some(job) => run(job, js_sys::Date::now).await,
                None => Err(Failure::Other(
                    "키 작업자가 요청을 읽지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요."
                        .to_owned(),
                )),
            };
            post(&replies, &Reply::Done(done));
        });
    })
    .forget();
    post(&scope, &Reply::Ready);
}
