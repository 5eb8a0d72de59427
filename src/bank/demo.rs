//! The fixed demo customers of the practice bank (DOMAIN §3). They are published on the login
//! page so that every learner and every test can use them.

/// The second factor a customer answers with in the wizard's additional verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    /// A security card (보안카드): a serial and 35 four-digit codes.
    SecurityCard {
        /// The serial printed on the card, e.g. `A 12345678`.
        serial: &'static str,
        /// Codes number 1 to 35.
        codes: &'static [&'static str; 35],
    },
    /// A TOTP token (RFC 6238, SHA-1, 6 digits, 30 s).
    Otp {
        /// The shared secret, base32.
        secret_base32: &'static str,
    },
}

/// The business a 기업 고객 banks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Business {
    /// The company's name, e.g. `(주)모의상사`.
    pub company: &'static str,
    /// The 사업자등록번호, `NNN-NN-NNNNN`.
    pub number: &'static str,
    /// Whether the number (and the 납세번호) is registered at the bank, which 기업용 certificates
    /// need; a 개인사업자 registers at a branch.
    pub registered: bool,
}

/// One demo customer as the bank first records them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoCustomer {
    /// The bank ID.
    pub user_id: &'static str,
    /// The login password.
    pub password: &'static str,
    /// The name on record (a business's: its representative, 대표자).
    pub name: &'static str,
    /// The resident registration number, `YYMMDD-NNNNNNN` (a business's: its representative's).
    pub rrn: &'static str,
    /// The English name (a business's: the company's).
    pub english_name: &'static str,
    /// Registered phone numbers.
    pub phones: &'static [&'static str],
    /// The withdrawal account.
    pub account: &'static str,
    /// The account's 4-digit password.
    pub account_password: &'static str,
    /// The opening balance in won.
    pub balance: u64,
    /// The second factor.
    pub second_factor: SecondFactor,
    /// Whether the customer is recorded as having left the country.
    pub abroad: bool,
    /// For a 기업 고객 (기업인터넷뱅킹), the business.
    pub business: Option<Business>,
}

impl DemoCustomer {
    /// The name the bank greets them with: the company's for a business.
    pub fn display_name(&self) -> &'static str {
        self.business.map_or(self.name, |b| b.company)
    }

    /// The number a certificate's VID binds to for `kind`: the 사업자등록번호 for a business
    /// kind, the resident registration number otherwise.
    pub fn idn(&self, kind: crate::pki::profile::CertKind) -> &'static str {
        match self.business {
            Some(b) if kind.is_business() => b.number,
            _ => self.rrn,
        }
    }
}

/// The main demo customer.
pub const HONG: DemoCustomer = DemoCustomer {
    user_id: "hong01",
    password: "Demo!2345",
    name: "홍길동",
    rrn: "800101-1234560",
    english_name: "HONG GILDONG",
    phones: &["010-1234-5678", "02-123-4567"],
    account: "123456-78-901234",
    account_password: "4826",
    balance: 50_000,
    second_factor: SecondFactor::SecurityCard {
        serial: "A 12345678",
        codes: &[
            "5305", "2471", "6468", "0791", "1186", "8779", "1542", "5991", "9548", "0950", "8313",
            "3517", "0614", "1408", "7104", "6851", "1144", "3943", "1486", "9028", "6955", "0968",
            "9264", "2028", "3657", "9551", "1013", "9455", "9593", "6499", "0812", "3622", "0763",
            "9120", "2181",
        ],
    },
    abroad: false,
    business: None,
};

/// The OTP user.
pub const MINJI: DemoCustomer = DemoCustomer {
    user_id: "minji02",
    password: "Demo!2345",
    name: "김민지",
    rrn: "850315-2345678",
    english_name: "KIM MINJI",
    phones: &["010-2345-6789"],
    account: "234567-89-012345",
    account_password: "1357",
    balance: 120_000,
    second_factor: SecondFactor::Otp {
        secret_base32: "JBSWY3DPEHPK3PXP",
    },
    abroad: false,
    business: None,
};

/// The customer whose balance cannot pay the fee.
pub const SUNSIN: DemoCustomer = DemoCustomer {
    user_id: "sunsin03",
    password: "Demo!2345",
    name: "이순신",
    rrn: "920707-1122333",
    english_name: "LEE SUNSIN",
    phones: &["010-3456-7890"],
    account: "345678-90-123456",
    account_password: "2468",
    balance: 3_000,
    second_factor: SecondFactor::SecurityCard {
        serial: "A 87654321",
        codes: &[
            "7411", "9171", "7629", "7402", "8320", "9623", "3111", "3025", "8387", "7794", "3050",
            "1542", "7316", "4970", "2323", "1485", "8825", "0686", "9755", "6490", "7421", "2580",
            "0245", "8656", "1034", "0975", "0584", "3116", "3963", "9824", "0492", "7601", "5345",
            "7217", "9682",
        ],
    },
    abroad: false,
    business: None,
};

/// The corporation (법인), registered for 기업용 certificates.
pub const CORP: DemoCustomer = DemoCustomer {
    user_id: "corp01",
    password: "Demo!2345",
    name: "김대표",
    rrn: "700101-1234561",
    english_name: "MOCK TRADING",
    phones: &["010-4567-8901", "02-765-4321"],
    account: "111222-33-444555",
    account_password: "9753",
    balance: 500_000,
    second_factor: SecondFactor::Otp {
        secret_base32: "KRSXG5CTMVRXEZLU",
    },
    abroad: false,
    business: Some(Business {
        company: "(주)모의상사",
        number: "123-45-06782",
        registered: true,
    }),
};

/// The sole proprietor (개인사업자) whose business number is not registered at the bank.
pub const BIZ: DemoCustomer = DemoCustomer {
    user_id: "biz02",
    password: "Demo!2345",
    name: "박사장",
    rrn: "750505-2345676",
    english_name: "MOCK SNACK",
    phones: &["010-5678-9012"],
    account: "222333-44-555666",
    account_password: "8642",
    balance: 5_000,
    second_factor: SecondFactor::SecurityCard {
        serial: "A 11223344",
        codes: &[
            "1348", "1314", "1492", "5640", "4928", "4073", "5777", "9224", "4687", "3678", "9512",
            "6428", "1537", "3745", "4599", "7026", "7557", "2852", "9740", "9991", "1971", "0610",
            "8084", "8554", "3224", "0414", "5802", "3045", "6403", "0125", "0602", "0515", "7576",
            "4860", "3727",
        ],
    },
    abroad: false,
    business: Some(Business {
        company: "모의분식",
        number: "456-12-34574",
        registered: false,
    }),
};

/// Every demo customer, in the order the login page lists them: the 개인 고객, then the 기업 고객.
pub const CUSTOMERS: [DemoCustomer; 5] = [HONG, MINJI, SUNSIN, CORP, BIZ];

/// Looks a demo customer up by bank ID.
pub fn find(user_id: &str) -> Option<&'static DemoCustomer> {
    CUSTOMERS.iter().find(|c| c.user_id == user_id)
}
