//! One module per screen of the manual.

pub mod bench;
pub mod browser_check;
pub mod center_home;
pub mod cert_list;
pub mod consent;
pub mod home;
pub mod info;
pub mod issue;
pub mod login;
pub mod login_password;
pub mod manage;
pub mod not_found;
pub mod other_bank;
pub mod receipts;
pub mod renew;
pub mod revoke;
pub mod tax;
pub mod wizard;

pub use bench::BenchPage;
pub use browser_check::BrowserCheckPage;
pub use center_home::{CenterHome, CenterLayout};
pub use cert_list::CertListPage;
pub use consent::ConsentPage;
pub use home::HomePage;
pub use info::InfoPage;
pub use issue::IssuePage;
pub use login::LoginPage;
pub use login_password::LoginPasswordPage;
pub use manage::ManagePage;
pub use not_found::NotFound;
pub use other_bank::OtherBankPage;
pub use receipts::ReceiptsPage;
pub use renew::RenewPage;
pub use revoke::RevokePage;
pub use tax::TaxPage;
pub use wizard::WizardPage;
