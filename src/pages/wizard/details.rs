//! Step 5, 고객 세부정보 입력 (manual STEP 12): the details the certificate is issued with. They
//! go to the CA only; the bank's customer record is not changed.

use leptos::prelude::*;

use super::{StepButtons, use_advance, use_menu};
use crate::bank::api::{BankError, BankNames, CustomerDetails, GetBankName, SubmitDetails};
use crate::bank::rules::{details_problems, phone_formatted};
use crate::components::{Dialog, outcome};
use crate::contexts::use_bank;

/// A small bundled postcode list for `우편번호 찾기` (road addresses of public buildings).
pub const ADDRESSES: [(&str, &str); 14] = [
    ("04524", "서울특별시 중구 세종대로 110 (태평로1가)"),
    ("03154", "서울특별시 종로구 세종대로 209 (세종로)"),
    ("02841", "서울특별시 성북구 보문로 168 (삼선동5가)"),
    ("06236", "서울특별시 강남구 테헤란로 152 (역삼동)"),
    ("07233", "서울특별시 영등포구 의사당대로 1 (여의도동)"),
    ("48058", "부산광역시 해운대구 센텀중앙로 79 (우동)"),
    ("47545", "부산광역시 연제구 중앙대로 1001 (연산동)"),
    ("41911", "대구광역시 중구 공평로 88 (동인동1가)"),
    ("21554", "인천광역시 남동구 정각로 29 (구월동)"),
    ("61945", "광주광역시 서구 내방로 111 (치평동)"),
    ("35242", "대전광역시 서구 둔산로 100 (둔산동)"),
    ("44675", "울산광역시 남구 중앙로 201 (신정동)"),
    ("30151", "세종특별자치시 한누리대로 2130 (보람동)"),
    ("16490", "경기도 수원시 팔달구 효원로 1 (인계동)"),
];

/// The addresses whose text contains every word of `query`.
pub fn search_addresses(query: &str) -> Vec<(&'static str, &'static str)> {
    let words: Vec<&str> = query.split_whitespace().collect();
    if words.is_empty() {
        return Vec::new();
    }
    ADDRESSES
        .iter()
        .filter(|(zip, address)| {
            words
                .iter()
                .all(|w| address.contains(w) || zip.starts_with(w))
        })
        .copied()
        .collect()
}

/// Step 5.
#[component]
pub fn DetailsStep() -> impl IntoView {
    let bank = use_bank();
    let form = RwSignal::new(CustomerDetails::default());
    let tried = RwSignal::new(false);
    let searching = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let business = use_menu().is_business();
    let problems = move |d: &CustomerDetails| details_problems(d, business);

    let load_name = Action::new_local(move |_: &()| async move {
        bank.for_customer(|token| GetBankName { token }).await
    });
    let name_refused = outcome(load_name, move |names: BankNames| {
        form.update(|f| {
            f.name = names.name;
            f.representative = names.representative;
        })
    });
    let submit_action = Action::new_local(move |details: &CustomerDetails| {
        let details = details.clone();
        async move {
            bank.for_customer(|token| SubmitDetails { token, details })
                .await
        }
    });
    outcome(submit_action, use_advance());
    // The bank's refusal, with the field it names (none for a refusal of the whole form).
    let bank_problem = move || {
        let refused = match submit_action.value().get() {
            Some(Err(BankError::InvalidDetails { field, message })) => Some((field, message)),
            Some(Err(error)) => Some((String::new(), error.to_string())),
            _ => None,
        };
        refused.or_else(|| {
            name_refused
                .get()
                .map(|message| ("name".to_owned(), message))
        })
    };
    let field_error = move |field: &'static str| {
        move || {
            let bank_says = bank_problem().filter(|(f, _)| f == field).map(|(_, m)| m);
            let local = tried
                .get()
                .then(|| form.with(problems))
                .and_then(|problems| problems.into_iter().find(|(f, _)| *f == field))
                .map(|(_, m)| m);
            local.or(bank_says)
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        submit_action.value().set(None);
        if form.with_untracked(problems).is_empty() {
            submit_action.dispatch(form.get_untracked());
        }
    };
    let text_field = move |id: &'static str,
                           label: &'static str,
                           required: bool,
                           get: fn(&CustomerDetails) -> &String,
                           set: fn(&mut CustomerDetails, String),
                           hint: &'static str| {
        let error = field_error(id);
        let error_id = format!("{id}-error");
        view! {
            <label for=id>{label} {required.then_some(view! { <span class="required">"*"</span> })}</label>
            <div>
                <input
                    id=id
                    data-guide=id
                    type=match id {
                        "phone" | "mobile" => "tel",
                        "email" => "email",
                        _ => "text",
                    }
                    aria-required=required.to_string()
                    aria-describedby=error_id.clone()
                    prop:value=move || form.with(|f| get(f).clone())
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                />
                <span class="hint">{hint}</span>
                <p class="field-error" id=error_id aria-live="polite">
                    {error}
                </p>
            </div>
        }
    };
    let address_error = field_error("address");

    view! {
        <form class="wizard-step details" on:submit=submit novalidate=true>
            <ul class="notes">
                <li>"공인인증서 발급에 필요한 정보를 입력하십시오. (* 표시는 필수 입력)"</li>
                <li>"본 페이지에서 입력한 고객정보는 공인인증서 발급용으로만 사용됩니다."</li>
                <li>"은행정보와 실제정보가 상이한 경우 수정 가능합니다."</li>
                <li>"아래의 고객정보는 인증서 발급기관에 제공되는 정보이므로 모의은행 고객정보에는 사용되지 않습니다."</li>
            </ul>
            <div class="form-grid">
                <label for="name">{if business { "상호(법인명)" } else { "고객명" }} <span class="required">"*"</span></label>
                <div>
                    <input
                        id="name"
                        aria-required="true"
                        aria-describedby="name-error"
                        prop:value=move || form.with(|f| f.name.clone())
                        on:input=move |ev| form.update(|f| f.name = event_target_value(&ev))
                    />
                    <button type="button" class="btn small" data-guide="bank-info" on:click=move |_| {
                        load_name.dispatch(());
                    }>
                        "은행정보 불러오기"
                    </button>
                    <p class="field-error" id="name-error" aria-live="polite">
                        {field_error("name")}
                    </p>
                </div>
                {business.then(|| text_field("representative", "대표자명", true, |f| &f.representative, |f, v| f.representative = v, "예: 김대표"))}
                {text_field(
                    "english_name",
                    if business { "영문 상호" } else { "영문명" },
                    true,
                    |f| &f.english_name,
                    |f, v| f.english_name = v.to_ascii_uppercase(),
                    if business { "특수문자 제외 (예: MOCK TRADING)" } else { "특수문자 제외 (예: HONG GILDONG)" },
                )}
                {text_field("email", "e메일", false, |f| &f.email, |f, v| f.email = v, "예: hong@example.com")}
                <span class="label">"주소" <span class="required">"*"</span></span>
                <div class="address">
                    <input id="zip" aria-label="우편번호" readonly=true prop:value=move || form.with(|f| f.zip.clone()) />
                    <button type="button" class="btn small" data-guide="zip" on:click=move |_| searching.set(true)>
                        "우편번호 찾기"
                    </button>
                    <input id="address" aria-label="주소" readonly=true prop:value=move || form.with(|f| f.address.clone()) />
                    <input
                        id="address_detail"
                        aria-label="상세주소"
                        placeholder="상세주소"
                        prop:value=move || form.with(|f| f.address_detail.clone())
                        on:input=move |ev| form.update(|f| f.address_detail = event_target_value(&ev))
                    />
                    <p class="field-error" aria-live="polite">{address_error}</p>
                </div>
                {text_field("phone", "전화번호", true, |f| &f.phone, |f, v| f.phone = phone_formatted(&v), "예: 02-123-4567 (- 없이 입력해도 됩니다)")}
                {text_field("mobile", "핸드폰번호", false, |f| &f.mobile, |f, v| f.mobile = phone_formatted(&v), "예: 010-1234-5678")}
            </div>
            <StepButtons problem=Signal::derive(move || bank_problem().filter(|(f, _)| f.is_empty()).map(|(_, m)| m)) label="확인" guide="details-ok" pending=submit_action.pending() />

            <Dialog open=searching.into() title="우편번호 찾기">
                <label for="address-query">"도로명, 건물명 또는 지역명"</label>
                <input
                    id="address-query"
                    placeholder="예: 세종대로"
                    prop:value=query
                    on:input=move |ev| query.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        // Enter searches here; it must not submit step 5's form around the
                        // dialog. With one address found, Enter takes it.
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            if let [(zip, address)] = search_addresses(&query.get_untracked())[..] {
                                form.update(|f| {
                                    f.zip = zip.to_owned();
                                    f.address = address.to_owned();
                                });
                                searching.set(false);
                            }
                        }
                    }
                />
                <ul class="address-results">
                    {move || {
                        let found = search_addresses(&query.get());
                        if query.get().trim().is_empty() {
                            view! { <li class="hint">"검색어를 입력해 주세요."</li> }.into_any()
                        } else if found.is_empty() {
                            view! { <li class="hint">"검색 결과가 없습니다. 다른 검색어로 찾아 주세요."</li> }.into_any()
                        } else {
                            found
                                .into_iter()
                                .map(|(zip, address)| {
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                class="link"
                                                on:click=move |_| {
                                                    form.update(|f| {
                                                        f.zip = zip.to_owned();
                                                        f.address = address.to_owned();
                                                    });
                                                    searching.set(false);
                                                }
                                            >
                                                {format!("[{zip}] {address}")}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }
                    }}
                </ul>
                <p class="row">
                    <button type="button" class="btn" on:click=move |_| searching.set(false)>
                        "닫기"
                    </button>
                </p>
            </Dialog>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::search_addresses;

    #[test]
    fn address_search_matches_every_word() {
        assert_eq!(search_addresses("세종대로 110").len(), 1);
        assert!(search_addresses("세종대로").len() >= 2);
        assert!(search_addresses("없는주소").is_empty());
        assert!(search_addresses("  ").is_empty());
        assert_eq!(search_addresses("04524")[0].0, "04524");
    }
}
