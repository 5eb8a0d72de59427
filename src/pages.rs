//! One module per screen of the manual.

pub mod bench;
pub mod bio;
pub mod browser_check;
pub mod center_home;
pub mod cert_list;
pub mod cloud;
pub mod consent;
pub mod home;
pub mod info;
pub mod issue;
pub mod login;
pub mod login_password;
pub mod manage;
pub mod not_found;
pub mod other_bank;
pub mod phone_copy;
pub mod practice;
pub mod receipts;
pub mod renew;
pub mod revoke;
pub mod tax;
pub mod wizard;

pub use bench::Bench;
pub use bio::BioPage;
pub use browser_check::BrowserCheckPage;
pub use center_home::{CenterHome, CenterLayout};
pub use cert_list::CertListPage;
pub use cloud::CloudScreens;
pub use consent::ConsentPage;
pub use home::HomePage;
pub use info::InfoPage;
pub use issue::IssuePage;
pub use login::LoginPage;
pub use login_password::LoginPasswordPage;
pub use manage::ManagePage;
pub use not_found::NotFound;
pub use other_bank::OtherBankPage;
pub use phone_copy::PhoneCopyPage;
pub use practice::{PracticePage, RecordPage};
pub use receipts::ReceiptsPage;
pub use renew::RenewPage;
pub use revoke::RevokePage;
pub use tax::TaxPage;
pub use wizard::WizardPage;

#[cfg(test)]
mod tests {
    /// index.html's first screen shows the top of each entry page in the app's own words (the
    /// same text and size, so that nothing moves or grows when the app mounts).
    #[test]
    fn the_first_screen_has_each_entry_pages_own_words() {
        let html = include_str!("../index.html");
        let (title, text) = super::home::HERO;
        let (heading, lead, note) = super::center_home::INTRO;
        for words in [title, text, super::login::LEAD, heading, lead, note] {
            assert!(html.contains(words), "index.html lacks {words:?}");
        }
    }
}
