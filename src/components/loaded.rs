//! What a list from the bank or the browser looks like while it loads, when it could not be
//! read and when it is empty: one place, so every page says it the same way.

use std::fmt::Display;

use leptos::prelude::*;

/// A list shown as paragraphs or a table of its own: `loading` while it loads, the reason in
/// red if it could not be read, `empty` if there is nothing, else `view` of the list.
#[component]
pub fn Loaded<T, E, V>(
    list: LocalResource<Result<Vec<T>, E>>,
    loading: &'static str,
    /// What is said when the list is empty (it may carry a link).
    empty: ViewFn,
    view: impl Fn(Vec<T>) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    E: Display + Clone + 'static,
    V: IntoView + 'static,
{
    move || match list.get() {
        None => view! { <p class="loading">{loading}</p> }.into_any(),
        Some(Err(error)) => {
            view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any()
        }
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="notice">{empty.run()}</p> }.into_any()
        }
        Some(Ok(list)) => view(list).into_any(),
    }
}

/// What an empty list of certificates says: `before`, a link to 인증서 발급/재발급, `after`.
pub fn to_issue(before: &'static str, after: &'static str) -> ViewFn {
    ViewFn::from(
        move || view! { {before} <a href="/center/issue">"인증서 발급/재발급"</a> {after} },
    )
}

/// This browser's certificates once read: `view` of them, or why they could not be read, or
/// the way to issue one.
#[component]
pub fn StoredCertificates<V>(
    list: LocalResource<Result<Vec<crate::store::StoredCertificate>, crate::wallet::WalletError>>,
    view: impl Fn(Vec<crate::store::StoredCertificate>) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    view! {
        <Loaded
            list
            loading="저장된 인증서를 읽는 중입니다…"
            empty=to_issue("이 브라우저에 저장된 인증서가 없습니다. ", "에서 저장위치를 브라우저로 발급받으세요.")
            view
        />
    }
}

/// A table of a loaded list: its column headings, then one row saying it loads, why it could
/// not be read, or `empty`; else `row` of each item.
#[component]
pub fn LoadedTable<T, E, V>(
    /// The table's class (after `data-table`).
    class: &'static str,
    /// The column headings.
    columns: &'static [&'static str],
    list: LocalResource<Result<Vec<T>, E>>,
    empty: &'static str,
    row: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    E: Display + Clone + 'static,
    V: IntoView + 'static,
{
    let line = move |text: String, class: &'static str| {
        view! {
            <tr>
                <td colspan=columns.len() class=class>{text}</td>
            </tr>
        }
        .into_any()
    };
    let rows = move || match list.get() {
        None => line("조회 중…".to_owned(), ""),
        Some(Err(error)) => line(error.to_string(), "error"),
        Some(Ok(list)) if list.is_empty() => line(empty.to_owned(), ""),
        Some(Ok(list)) => list.into_iter().map(&row).collect_view().into_any(),
    };
    view! {
        <table class=format!("data-table {class}")>
            <super::TableHead columns />
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Shows a screen whose code may still be on its way (a part of the split module, see
/// src/app/later.rs), with a loading line meanwhile.
pub fn later<F>(screen: F) -> impl IntoView
where
    F: Future<Output = AnyView> + Send + 'static,
{
    view! {
        <Suspense fallback=|| {
            view! { <p class="loading" role="status">"화면을 불러오는 중입니다…"</p> }
        }>{Suspend::new(screen)}</Suspense>
    }
}
