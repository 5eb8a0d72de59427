//! Screens mounted alone: the browser check, the login form, the keypad, the wizard's first step
//! and the pages that log an ended session out.

use super::*;

#[wasm_bindgen_test]
async fn browser_check_passes_here_and_shows_the_user_agent() {
    let (container, _handle) = mount(|| {
        view! {
            <Router>
                <BrowserCheckPage />
            </Router>
        }
    });
    let text = container.text_content().unwrap();
    assert_eq!(text.matches("정상").count(), 4, "{text}");
    assert!(text.contains("고객님 PC환경 : Mozilla/5.0"), "{text}");
}

#[wasm_bindgen_test]
async fn login_form_shows_the_banks_refusal_with_tries_left() {
    let (container, _handle) = mount(|| {
        let auth = provide_auth();
        provide_bank(
            MockBank::new(BankStore::memory(), Clock::manual(0)).in_thread(),
            auth,
        );
        view! {
            <Router>
                <LoginPage />
            </Router>
        }
    });
    let input = |id: &str, value: &str| {
        let el: web_sys::HtmlInputElement = container
            .query_selector(id)
            .unwrap()
            .unwrap()
            .unchecked_into();
        el.set_value(value);
        el.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    };
    let error_text = || {
        container
            .query_selector(".login-form .error")
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let form: web_sys::HtmlFormElement = container
        .query_selector("form.login-form")
        .unwrap()
        .unwrap()
        .unchecked_into();

    form.request_submit().unwrap();
    eventually("empty ID asked for", || {
        error_text() == "아이디를 입력해 주세요."
    })
    .await;

    input("#user-id", "hong01");
    input("#password", "not-it");
    form.request_submit().unwrap();
    eventually("wrong password refused", || {
        error_text().contains("4회 더 틀리면")
    })
    .await;
}

/// The keypad's digit buttons in screen order.
fn keypad_digits(container: &web_sys::HtmlElement) -> String {
    let keys = container.query_selector_all(".keypad .key").unwrap();
    (0..keys.length())
        .filter_map(|i| keys.item(i)?.text_content())
        .filter(|t| t.len() == 1)
        .collect()
}

#[wasm_bindgen_test]
fn keypad_shows_every_digit_once_in_a_new_order_each_time_and_types() {
    let mut layouts = Vec::new();
    for _ in 0..4 {
        let value = RwSignal::new(String::new());
        let (container, _handle) = mount(move || {
            view! { <Keypad value max_len=3 label="테스트" on_close=|_| {} /> }
        });
        let digits = keypad_digits(&container);
        let mut sorted: Vec<char> = digits.chars().collect();
        sorted.sort_unstable();
        assert_eq!(sorted.into_iter().collect::<String>(), "0123456789");
        layouts.push(digits.clone());

        let keys = container.query_selector_all(".keypad .key").unwrap();
        for i in 0..4 {
            keys.item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
                .click();
        }
        let typed: String = digits.chars().take(3).collect();
        assert_eq!(
            value.get_untracked(),
            typed,
            "four presses, at most three digits"
        );
        container.remove();
    }
    layouts.dedup();
    assert!(layouts.len() > 1, "the layout changes: {layouts:?}");
}

/// Logs a demo customer in at a fresh bank and mounts `view` for them.
async fn mount_logged_in<V: IntoView + 'static>(
    user_id: &'static str,
    view: fn() -> V,
) -> (web_sys::HtmlElement, impl Drop) {
    mount_in_wizard(user_id, None, view).await
}

/// As [`mount_logged_in`], with the wizard of `menu` started as its page starts it.
async fn mount_in_wizard<V: IntoView + 'static>(
    user_id: &'static str,
    menu: Option<IssueMenu>,
    view: fn() -> V,
) -> (web_sys::HtmlElement, impl Drop) {
    let bank = MockBank::new(BankStore::memory(), Clock::manual(1_764_000_000_000));
    let grant = bank
        .call(Login {
            user_id: user_id.into(),
            password: "Demo!2345".into(),
        })
        .await
        .unwrap();
    if let Some(menu) = menu {
        let token = grant.token.clone();
        bank.call(GetIssuance { token, menu }).await.unwrap();
    }
    mount(move || {
        if let Some(menu) = menu {
            provide_context(menu);
        }
        let auth = provide_auth();
        auth.begin(grant);
        provide_bank(bank.in_thread(), auth);
        view! { <Router>{view()}</Router> }
    })
}

/// Pages that once only printed the refusal: an ended session now logs the tab out on each.
#[wasm_bindgen_test]
async fn a_session_the_bank_ended_logs_the_tab_out_on_any_page() {
    let pages: [fn() -> AnyView; 3] = [
        || view! { <CertListPage /> }.into_any(),
        || view! { <ReceiptsPage /> }.into_any(),
        || view! { <OtherBankPage /> }.into_any(),
    ];
    for page in pages {
        let bank = MockBank::new(BankStore::memory(), Clock::manual(1_764_000_000_000));
        let grant = bank
            .call(Login {
                user_id: "hong01".into(),
                password: "Demo!2345".into(),
            })
            .await
            .unwrap();
        // The bank ends the session (as it does after ten idle minutes) behind the tab's back.
        bank.call(Logout {
            token: grant.token.clone(),
        })
        .await
        .unwrap();
        let auth = std::rc::Rc::new(std::cell::Cell::new(None));
        let (container, handle) = mount({
            let auth = auth.clone();
            move || {
                let tab = provide_auth();
                tab.begin(grant);
                auth.set(Some(tab));
                provide_bank(bank.in_thread(), tab);
                view! { <Router>{page()}</Router> }
            }
        });
        let tab = auth.get().unwrap();
        eventually("the tab forgets the session", || {
            !tab.logged_in() && tab.expired.get_untracked()
        })
        .await;
        drop(handle);
        container.remove();
    }
}

#[wasm_bindgen_test]
async fn resident_number_fields_refuse_paste_with_a_message() {
    let (container, _handle) = mount_logged_in("hong01", TermsStep).await;
    assert!(paste_is_refused(&container, "#rrn-back"));
    let text = container.text_content().unwrap();
    assert!(text.contains("붙여넣기는 지원되지 않습니다"), "{text}");
}

#[wasm_bindgen_test]
async fn terms_step_shows_the_banks_refusal_of_another_persons_number() {
    let (container, _handle) = mount_logged_in("hong01", TermsStep).await;
    tick_every_box(&container);
    let type_into = |css: &str, value: &str| type_into(&container, css, value);
    // 김민지's number: valid, but not the logged-in customer's.
    type_into("#rrn-front", "850315");
    type_into("#rrn-back", "2345678");
    let form: web_sys::HtmlFormElement = container
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    let error = || text_of(&container, ".error");
    eventually("the bank's refusal is shown", || {
        error().starts_with("로그인하신 고객님의 주민등록번호와 일치하지 않습니다. 4회 더 틀리면")
    })
    .await;
}

/// The 기업용 wizard's step 1: the 사업자등록번호 in three fields, paste refused, the check digit
/// checked before anything is sent, then the bank's refusal of another business's number.
#[wasm_bindgen_test]
async fn business_number_fields_check_the_digit_and_refuse_paste() {
    let (container, _handle) =
        mount_in_wizard("corp01", Some(IssueMenu::Corporate), TermsStep).await;
    assert!(
        container.query_selector("#rrn-back").unwrap().is_none(),
        "no resident number"
    );
    assert!(paste_is_refused(&container, "#biz-3"));

    tick_every_box(&container);
    let type_number = |number: &str| {
        for (id, digits) in ["#biz-1", "#biz-2", "#biz-3"].iter().zip(number.split('-')) {
            type_into(&container, id, digits);
        }
    };
    let form: web_sys::HtmlFormElement = container
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let error = || text_of(&container, ".error");
    type_number("123-45-06783");
    form.request_submit().unwrap();
    eventually("the wrong check digit is named", || {
        error() == "사업자등록번호가 올바르지 않습니다. 10자리를 다시 확인해 주세요."
    })
    .await;
    // 모의분식's number: valid, but not the logged-in business's.
    type_number("456-12-34574");
    form.request_submit().unwrap();
    eventually("the bank's refusal is shown", || {
        error().starts_with("로그인하신 기업의 사업자등록번호와 일치하지 않습니다. 4회 더 틀리면")
    })
    .await;
}
