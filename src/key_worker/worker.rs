//! The key worker's loop: every [`Job`] it is sent is done and answered.

use super::run;
use crate::browser::port::answer_each;
use crate::worker::{Failure, Job, Reply};

/// Does every job it is sent, one answer each.
pub fn serve() {
    answer_each(&Reply::Ready, |job: Option<Job>| async move {
        let done = match job {
            Some(job) => run(job, js_sys::Date::now).await,
            None => Err(Failure::Other(
                "키 작업자가 요청을 읽지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요."
                    .to_owned(),
            )),
        };
        Some(Reply::Done(done))
    });
}
