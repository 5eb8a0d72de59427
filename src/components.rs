//! Pieces shared by several screens.

pub mod aids;
pub mod center_nav;
pub mod cert_picker;
pub mod cloud;
pub mod demo_accounts;
pub mod devices;
pub mod dialog;
pub mod form;
pub mod guide;
pub mod header;
pub mod keypad;
pub mod loaded;
pub mod phone;
pub mod phone_copy_receiver;
pub mod proving;
pub mod step_indicator;

pub use aids::provide_aids;
pub use center_nav::{CenterMenu, CenterTabs, PageTitle};
pub use cert_picker::{Candidate, CertificatePicker, candidates};
pub use demo_accounts::DemoAccounts;
pub use dialog::Dialog;
pub use form::{
    ActionButton, ActionDialogButtons, ActionForm, DialogButtons, DialogForm, DigitsInput,
    ErrorLine, FormButtons, NewPassword, PasswordInput, Radio, SubmitLine, TableHead, outcome,
    paint,
};
pub use guide::{Guide, GuidePanel, GuideSwitch, provide_guide};
pub use header::Header;
pub use keypad::{Keypad, KeypadButton};
pub use loaded::{Loaded, LoadedTable, StoredCertificates, later, to_issue};
pub use phone::{Phone, PhoneOpen};
pub use phone_copy_receiver::PhoneCopyReceiver;
pub use step_indicator::StepIndicator;
