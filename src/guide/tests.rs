//! The guide's tables and the progress through them.

use super::*;

const LAST: u8 = 14;

fn step(number: u8) -> &'static ManualStep {
    MANUAL.step(number).unwrap()
}

fn locate(path: &str, current: u8) -> Position {
    MANUAL.locate(path, current)
}

#[test]
fn every_task_numbers_its_steps_from_one_with_distinct_targets() {
    assert_eq!(MANUAL.steps, STEPS);
    assert_eq!(MANUAL.last(), LAST);
    let mut ids: Vec<_> = TASKS.iter().map(|t| t.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), TASKS.len(), "two tasks share an id");
    for (i, t) in TASKS.iter().enumerate() {
        assert_eq!(usize::from(t.number), i + 1, "{}", t.id);
        assert_eq!(task(t.id), Some(t));
        assert!(!t.title.is_empty() && !t.story.is_empty() && !t.practises.is_empty());
        let numbers: Vec<u8> = t.steps.iter().map(|s| s.number).collect();
        assert_eq!(numbers, (1..=t.last()).collect::<Vec<_>>(), "{}", t.id);
        for s in t.steps {
            assert!(!s.actions.is_empty() && !s.screens.is_empty(), "{s:?}");
            let mut targets: Vec<_> = s.actions.iter().map(|a| a.target).collect();
            targets.sort();
            targets.dedup();
            assert_eq!(targets.len(), s.actions.len(), "a target twice in {s:?}");
            assert!(s.screens.iter().all(|p| p.starts_with('/')), "{s:?}");
        }
        // A task ends with a certificate login on the login page, or on a screen of its own.
        let last = t.steps.last().unwrap().screens;
        match t.end {
            End::CertificateLogin => assert_eq!(last, ["/login"], "{}", t.id),
            End::LastScreen | End::Said(_) => {
                assert!(!last.contains(&"/login"), "{}", t.id)
            }
        }
        assert!(
            crate::bank::demo::find(t.start.user_id).is_some(),
            "{}",
            t.id
        );
    }
    assert_eq!(task("no-such-task"), None);
}

#[test]
fn a_task_says_what_it_prepared() {
    let said = |id| task(id).unwrap().start.said();
    assert_eq!(
        said("first"),
        "준비했습니다: 홍길동(hong01)의 연습 기록을 처음 상태로 돌렸고, 인증서가 없는 상태입니다."
    );
    assert!(
        said("forgot-password").contains("30일 전에")
            && said("forgot-password").contains("암호는 잊은")
    );
    assert!(said("formatted").contains("지워진"));
    assert!(said("renew").contains(PRACTICE_PASSWORD));
}

#[test]
fn progress_follows_the_task_it_was_started_with() {
    let renew = task("renew").unwrap();
    let mut p = GuideProgress::started_task(renew, renew.start.said());
    assert_eq!(p.task(), renew);
    assert_eq!(
        p.locate("/center"),
        Position::OnPath(renew.step(1).unwrap())
    );
    assert!(p.reach(1, 0.0));
    assert_eq!(
        p.locate("/center/renew"),
        Position::OnPath(renew.step(3).unwrap())
    );
    assert!(p.tick("center-renew") && !p.tick("personal-issue"));
    p.reach(4, 5_000.0);
    assert_eq!(p.skipped, vec![2, 3]);
    assert!(!p.finish_if_done(true, "/login", "", 6_000.0));
    assert!(!p.finish_if_done(false, "/", "", 6_000.0));
    assert!(p.finish_if_done(true, "/", "", 7_000.0) && p.finished());
    // Saved before tasks existed: the manual.
    let old: GuideProgress = serde_json::from_str(r#"{"on":true,"english":false,"current":3,"entered":[],"skipped":[],"ticks":[],"mistakes":[],"finished_at":null}"#).unwrap();
    assert_eq!(old.task(), MANUAL);
}

#[test]
fn a_screen_shown_twice_in_the_manual_is_the_step_to_do_now() {
    assert_eq!(locate("/center", 0), Position::OnPath(step(2)));
    assert_eq!(locate("/center/", 5), Position::OnPath(step(6)));
    assert_eq!(locate("/login", 3), Position::OnPath(step(5)));
    assert_eq!(locate("/login", 13), Position::OnPath(step(14)));
    // Back at the center while issuing: a STEP already done.
    assert_eq!(locate("/center", 10), Position::Behind(step(6)));
    assert_eq!(locate("/center/manage", 10), Position::Off);
    assert_eq!(
        locate("/center/issue/personal/2", 9),
        Position::OnPath(step(9))
    );
}

#[test]
fn steps_the_app_goes_past_are_skipped_and_times_add_up() {
    let mut p = GuideProgress::started();
    p.reach(1, 0.0);
    p.reach(2, 1_000.0);
    p.reach(5, 3_000.0);
    p.reach(8, 10_000.0);
    assert_eq!(p.skipped, vec![3, 4, 6, 7]);
    // Going back does not move the learner back.
    assert!(!p.reach(6, 11_000.0));
    assert_eq!(p.current, 8);
    assert!(p.passed(7) && !p.passed(8));
    p.tick("rrn");
    p.tick("kind-General");
    assert!(p.ticked(8, "rrn") && !p.ticked(8, "kind-General"));
    // Next comes after the last action done.
    assert_eq!(p.next_action(), Some(3));
    p.tick("terms-ok");
    assert_eq!(p.next_action(), Some(0));
    assert!(p.mistake("주민등록번호가 올바르지 않습니다."));
    assert!(!p.mistake("주민등록번호가 올바르지 않습니다."));
    assert_eq!(p.mistakes.len(), 1);
    for n in 9..=LAST {
        p.reach(n, 10_000.0 + f64::from(n) * 1_000.0);
    }
    assert!(
        p.finish_if_done(true, "/", "", 30_000.0) && !p.finish_if_done(true, "/", "", 31_000.0)
    );
    assert!(
        !p.mistake("끝난 뒤의 메시지"),
        "nothing is counted after STEP 14"
    );
    assert!(p.finished() && p.passed(LAST));
    let times = p.durations();
    assert_eq!(times[0], (1, Some(1_000.0)));
    assert_eq!(times[2], (5, Some(7_000.0)));
    assert_eq!(times.last(), Some(&(14, Some(6_000.0))));
    assert_eq!(minutes_seconds(65_000.0), "1분 05초");
    assert_eq!(minutes_seconds(42_400.0), "42초");
}

#[test]
fn steps_on_one_screen_follow_each_other_when_the_page_answers() {
    let export = task("export").unwrap();
    let mut p = GuideProgress::started_task(export, String::new());
    p.reach(1, 0.0);
    p.reach(2, 1_000.0);
    let shown = |_: &str| true;
    // Not before the step's last action is done.
    p.tick("manage-pfx");
    assert!(!p.move_on("/center/manage", shown, 2_000.0));
    p.tick("pfx-password");
    p.tick("pfx-export");
    // Not while the next step's first control is missing, nor from another screen.
    assert!(!p.move_on("/center/manage", |t| t != "manage-delete", 3_000.0));
    assert!(!p.move_on("/center", shown, 3_000.0));
    assert!(p.move_on("/center/manage/", shown, 4_000.0));
    assert_eq!(p.current, 3);
    assert!(p.tick("manage-delete") && p.tick("delete-ok"));
    assert!(p.move_on("/center/manage", shown, 5_000.0));
    assert_eq!((p.current, p.skipped.len()), (4, 0));
    // The next step is on the login page: reached by going there.
    for target in [
        "manage-import",
        "import-files",
        "import-password",
        "cert-import",
        "logout",
    ] {
        assert!(p.tick(target), "{target}");
    }
    assert!(!p.move_on("/center/manage", shown, 6_000.0));
    assert_eq!(
        p.locate("/login"),
        Position::OnPath(export.step(5).unwrap())
    );
}

#[test]
fn a_screen_a_task_comes_back_to_is_its_next_step_there() {
    let copy = task("phone-copy").unwrap();
    let at = |path: &str, current: u8| match copy.locate(path, current) {
        Position::OnPath(s) => s.number,
        other => panic!("{path} at {current}: {other:?}"),
    };
    assert_eq!(at("/center/phone-copy", 1), 2);
    assert_eq!(at("/center/phone-copy", 3), 3);
    assert_eq!(at("/center/phone-copy", 4), 5);
    assert_eq!(at("/login", 5), 6);
    assert_eq!(at("/center/phone-copy", 6), 7);
    assert_eq!(at("/login", 7), 8);
}

#[test]
fn a_task_that_ends_with_a_notice_ends_when_the_page_says_it() {
    let other = task("other-bank").unwrap();
    assert_eq!(other.end, End::Said("등록을 해제했습니다"));
    let mut p = GuideProgress::started_task(other, String::new());
    p.reach(5, 1_000.0);
    let released =
        "인증서(일련번호 12) 등록을 해제했습니다. 이 인증서로는 더 이상 로그인할 수 없습니다.";
    // Said before the last step (another registration released earlier): not the end.
    assert!(!p.finish_if_done(true, "/center/other-bank", released, 2_000.0));
    p.reach(other.last(), 3_000.0);
    let registered = "한국전자인증 인증서(일련번호 12)를 등록했습니다.";
    assert!(!p.finish_if_done(true, "/center/other-bank", registered, 4_000.0));
    assert!(p.finish_if_done(false, "/center/other-bank", released, 5_000.0));
    assert!(p.finished());
}
