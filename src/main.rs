fn main() {
    cert_center::panic_screen::install();
    leptos::mount::mount_to_body(cert_center::App);
}
