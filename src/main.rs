fn main() {
    cert_center::panic_screen::install();
    // index.html's first screen gives way to the app (in the same task: nothing blinks).
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(cert_center::App);
}
