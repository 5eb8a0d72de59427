//! Where the bank keeps its records: one object store per kind of record (customers, sessions,
//! issuances, certificates, authorities, challenges, the copy relay's slots, and `meta` for the
//! layout's version), each record under its own key as JSON text. In the browser that is the
//! IndexedDB database [`DB_NAME`], and every request runs in one readwrite transaction: read,
//! decide, write what changed, commit. Transactions over the same stores never overlap, so two
//! tabs (two bank workers) never lose each other's updates. Natively (tests) it is a map in
//! memory with the same layout.
//!
//! Certificates are the one kind of record that grows with use (the bank keeps every one it
//! issued, revoked or registered); every other store is small and is read whole. A request
//! reads only the certificates it names ([`Reading`]): a customer's are one key range (see
//! [`certificate_key`]), and one found by its serial number goes through an index that only
//! the IndexedDB database has (the store `certificate-serials`; in memory the keys are scanned).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[cfg(target_arch = "wasm32")]
mod indexed_db;

/// The bank's IndexedDB database (the certificates' is `cert-center`).
pub const DB_NAME: &str = "mockbank";
/// Its schema version (3: the index of certificates by serial number).
pub const DB_VERSION: u32 = 3;
/// The store holding the layout's version and anything kept aside.
pub const META: &str = "meta";
/// The store of certificates.
pub const CERTIFICATES: &str = "certificates";
/// Every object store of the bank's database, `meta` first.
pub const STORES: [&str; 8] = [
    META,
    "customers",
    "sessions",
    "issuances",
    CERTIFICATES,
    "authorities",
    "challenges",
    "relays",
];

/// A database's layout: its schema version and its object stores, `meta` first. A store named
/// [`CERTIFICATES`] is read in part and indexed by serial number; every other is read whole.
#[derive(Debug, PartialEq, Eq)]
pub struct Schema {
    /// The IndexedDB schema version.
    pub version: u32,
    /// The object stores.
    pub stores: &'static [&'static str],
}

/// The bank's database.
pub const BANK: Schema = Schema {
    version: DB_VERSION,
    stores: &STORES,
};

/// The records as stored: store name → key → JSON text.
pub type Records = BTreeMap<String, BTreeMap<String, String>>;

/// Why the records could not be read or written.
#[derive(Debug, thiserror::Error)]
#[error("모의은행 기록 저장소를 사용할 수 없습니다: {0}")]
pub struct StorageFailed(pub String);

/// Which certificates a transaction reads; the other stores are read whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// Every certificate.
    pub all: bool,
    /// The certificates of these customers.
    pub owners: Vec<String>,
    /// The certificates with these serial numbers, whoever holds them.
    pub serials: Vec<String>,
}

impl Reading {
    /// Every certificate.
    pub fn everything() -> Self {
        Self {
            all: true,
            ..Self::default()
        }
    }
}

/// Where a certificate is kept: its owner first, so that a customer's certificates are one key
/// range, then the time it was issued, so that they read back in that order, then its serial
/// number. An owner never holds `/`: the demo customers' IDs are letters and digits.
pub fn certificate_key(owner: &str, issued_at: i64, serial: &str) -> String {
    format!("{owner}/{issued_at:013}-{serial}")
}

/// The keys that begin `{prefix}/` (a customer's certificates, an index's entries for one
/// serial number): from `{prefix}/` up to (not including) `{prefix}0`, the character after `/`.
fn prefix_range(prefix: &str) -> (String, String) {
    (format!("{prefix}/"), format!("{prefix}0"))
}

/// The serial number in a certificate's key.
fn serial_of(key: &str) -> Option<&str> {
    let (_, rest) = key.split_once('/')?;
    rest.split_once('-').map(|(_, serial)| serial)
}

/// A server's storage (the bank's, [`BANK`], or the cloud's): records under a [`Schema`].
#[derive(Clone, Debug)]
pub enum BankStore {
    /// A map in memory, shared by clones (native tests, and the page's own tests).
    Memory(Rc<RefCell<Records>>, &'static Schema),
    /// The IndexedDB database of this name, opened for each transaction and closed after it
    /// (a connection kept open would hold up another tab's worker upgrading the schema).
    #[cfg(target_arch = "wasm32")]
    IndexedDb(Rc<str>, &'static Schema),
}

impl BankStore {
    /// An empty store of the bank's layout in memory.
    pub fn memory() -> Self {
        Self::memory_of(&BANK)
    }

    /// An empty store of `schema` in memory.
    pub fn memory_of(schema: &'static Schema) -> Self {
        Self::Memory(Rc::default(), schema)
    }

    /// The bank's IndexedDB database `name`; see [`BankStore::open_of`].
    #[cfg(target_arch = "wasm32")]
    pub async fn open(name: &str) -> Result<Self, StorageFailed> {
        Self::open_of(name, &BANK).await
    }

    /// The IndexedDB database `name` of `schema`, created (or upgraded) now so that a problem
    /// shows at once.
    #[cfg(target_arch = "wasm32")]
    pub async fn open_of(name: &str, schema: &'static Schema) -> Result<Self, StorageFailed> {
        indexed_db::open(name, schema).await?.close();
        Ok(Self::IndexedDb(name.into(), schema))
    }

    /// A copy of every record (tests look at the layout through it).
    pub async fn snapshot(&self) -> Result<Records, StorageFailed> {
        self.transact(|records| records.clone()).await
    }

    /// [`BankStore::transact_reading`] over every record.
    pub async fn transact<R>(
        &self,
        decide: impl FnOnce(&mut Records) -> R,
    ) -> Result<R, StorageFailed> {
        self.transact_reading(|_| Reading::everything(), decide)
            .await
    }

    /// Runs `decide` in one transaction over every store but the certificates, and of those
    /// what `select` asks for once it has seen the rest; then writes what `decide` changed:
    /// records it altered or added are put, records it removed are deleted; records it was not
    /// given stay as they are. Neither may wait on anything (a transaction ends once nothing
    /// is pending).
    pub async fn transact_reading<R>(
        &self,
        select: impl FnOnce(&Records) -> Reading,
        decide: impl FnOnce(&mut Records) -> R,
    ) -> Result<R, StorageFailed> {
        // One body for every caller's closures (it is most of the bank worker's storage code).
        let (mut select, mut decide, mut answer) = (Some(select), Some(decide), None);
        self.run(
            &mut |records| {
                select
                    .take()
                    .map(|select| select(records))
                    .unwrap_or_default()
            },
            &mut |records| answer = decide.take().map(|decide| decide(records)),
        )
        .await?;
        answer.ok_or_else(|| StorageFailed("기록을 읽지 못했습니다".to_owned()))
    }

    async fn run(
        &self,
        select: &mut dyn FnMut(&Records) -> Reading,
        decide: &mut dyn FnMut(&mut Records),
    ) -> Result<(), StorageFailed> {
        match self {
            Self::Memory(records, schema) => {
                let before = read_memory(&records.borrow(), select);
                let mut after = before.clone();
                decide(&mut after);
                // As in IndexedDB: writing to a store the database does not have fails whole.
                if let Some(name) = after.keys().find(|n| !schema.stores.contains(&n.as_str())) {
                    return Err(StorageFailed(format!("`{name}` 저장소가 없습니다")));
                }
                let mut stored = records.borrow_mut();
                for (name, old, new) in stores(&before, &after) {
                    let target = stored.entry(name.to_owned()).or_default();
                    for key in removed(old, new) {
                        target.remove(key);
                    }
                    for (key, value) in changed(old, new) {
                        target.insert(key.clone(), value.clone());
                    }
                }
                Ok(())
            }
            #[cfg(target_arch = "wasm32")]
            Self::IndexedDb(name, schema) => {
                let db = indexed_db::open(name, schema).await?;
                let done = indexed_db::transact(&db, schema, select, decide).await;
                db.close();
                done
            }
        }
    }
}

/// The records of the memory store a transaction sees.
fn read_memory(stored: &Records, select: &mut dyn FnMut(&Records) -> Reading) -> Records {
    let mut seen: Records = stored
        .iter()
        .filter(|(name, _)| *name != CERTIFICATES)
        .map(|(name, store)| (name.clone(), store.clone()))
        .collect();
    let Some(certificates) = stored.get(CERTIFICATES) else {
        return seen;
    };
    let reading = select(&seen);
    let chosen = if reading.all {
        certificates.clone()
    } else {
        let mut chosen = BTreeMap::new();
        for owner in &reading.owners {
            let (from, to) = prefix_range(owner);
            chosen.extend(
                certificates
                    .range(from..to)
                    .map(|(k, v)| (k.clone(), v.clone())),
            );
        }
        chosen.extend(
            certificates
                .iter()
                .filter(|(key, _)| {
                    serial_of(key).is_some_and(|s| reading.serials.iter().any(|x| x == s))
                })
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        chosen
    };
    seen.insert(CERTIFICATES.to_owned(), chosen);
    seen
}

/// Every store named before or after a transaction, with its records before and after.
type StoreChange<'a> = (
    &'a str,
    Option<&'a BTreeMap<String, String>>,
    Option<&'a BTreeMap<String, String>>,
);

fn stores<'a>(before: &'a Records, after: &'a Records) -> Vec<StoreChange<'a>> {
    let added = after.keys().filter(|name| !before.contains_key(*name));
    before
        .keys()
        .chain(added)
        .map(|name| (name.as_str(), before.get(name), after.get(name)))
        .collect()
}

/// The keys of a store that a transaction removed.
fn removed<'a>(
    old: Option<&'a BTreeMap<String, String>>,
    new: Option<&'a BTreeMap<String, String>>,
) -> impl Iterator<Item = &'a String> {
    old.into_iter()
        .flat_map(|old| old.keys())
        .filter(move |key| !new.is_some_and(|new| new.contains_key(*key)))
}

/// The records of a store that are new or different after a transaction.
fn changed<'a>(
    old: Option<&'a BTreeMap<String, String>>,
    new: Option<&'a BTreeMap<String, String>>,
) -> impl Iterator<Item = (&'a String, &'a String)> {
    new.into_iter()
        .flatten()
        .filter(move |(key, value)| old.and_then(|old| old.get(*key)) != Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_key_names_its_owner_range_and_serial() {
        let key = certificate_key("hong01", 1_764_000_000_000, "0A:FF");
        let (from, to) = prefix_range("hong01");
        assert!(from.as_str() <= key.as_str() && key.as_str() < to.as_str());
        let (from, to) = prefix_range("hong0");
        assert!(!(from.as_str() <= key.as_str() && key.as_str() < to.as_str()));
        assert_eq!(serial_of(&key), Some("0A:FF"));
        assert_eq!(
            serial_of("1764000000000-0A:FF"),
            None,
            "the layout of before"
        );
    }
}
