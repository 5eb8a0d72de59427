//! Korean Standard Time (UTC+9, no daylight saving): the one place where a moment becomes the
//! date or time the bank shows, or the calendar day its rules compare.

use std::time::Duration;

use der::DateTime;

/// KST's distance from UTC.
pub const OFFSET: Duration = Duration::from_secs(9 * 3_600);

const DAY_SECS: i64 = 86_400;

/// A moment as the KST wall clock reads it (1970 to 9999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Kst(DateTime);

impl Kst {
    /// The moment `since_epoch` after 1970-01-01 00:00 UTC.
    pub fn at(since_epoch: Duration) -> Option<Self> {
        DateTime::from_unix_duration(since_epoch + OFFSET)
            .ok()
            .map(Self)
    }

    /// The moment of Unix milliseconds `ms` (what the bank's clock reads).
    pub fn from_millis(ms: i64) -> Option<Self> {
        Self::at(Duration::from_millis(u64::try_from(ms).ok()?))
    }

    /// The moment of a certificate's time.
    pub fn of(time: x509_cert::time::Time) -> Option<Self> {
        Self::at(time.to_unix_duration())
    }

    /// The moment whose KST wall clock reads `wall` (its fields taken as KST).
    pub fn from_wall_clock(wall: DateTime) -> Option<Self> {
        wall.unix_duration().checked_sub(OFFSET).and_then(Self::at)
    }

    /// The KST calendar date as the year, month and day of a `DateTime`.
    pub fn wall_clock(&self) -> DateTime {
        self.0
    }

    /// The moment as Unix time.
    pub fn since_epoch(&self) -> Duration {
        self.0.unix_duration() - OFFSET
    }

    /// The hour of the day, 0 to 23.
    pub fn hour(&self) -> u8 {
        self.0.hour()
    }

    /// `YYYY-MM-DD`.
    pub fn date(&self) -> String {
        let t = self.0;
        format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
    }

    /// `YYYY-MM-DD HH:MM`.
    pub fn minute(&self) -> String {
        format!(
            "{} {:02}:{:02}",
            self.date(),
            self.0.hour(),
            self.0.minutes()
        )
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    pub fn second(&self) -> String {
        format!("{}:{:02}", self.minute(), self.0.seconds())
    }
}

/// The KST calendar day of Unix milliseconds `ms`, counted from 1970-01-01 (any `ms`).
pub fn day(ms: i64) -> i64 {
    (ms.div_euclid(1000) + OFFSET.as_secs() as i64).div_euclid(DAY_SECS)
}

/// Days from the KST calendar day of `now_ms` to the day `date` (`YYYY-MM-DD`): 0 on that day,
/// negative once it has passed; `None` if the date does not read.
pub fn days_left(date: &str, now_ms: i64) -> Option<i64> {
    Some(day_number(date)? - day(now_ms))
}

/// The date `days` days before the date `date` (`YYYY-MM-DD`), if it reads.
pub fn days_before(date: &str, days: i64) -> Option<String> {
    let midnight = (day_number(date)? - days) * DAY_SECS * 1000 - OFFSET.as_millis() as i64;
    Kst::from_millis(midnight).map(|t| t.date())
}

fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-').map(str::parse::<u32>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let midnight = DateTime::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
        0,
        0,
        0,
    )
    .ok()?;
    i64::try_from(midnight.unix_duration().as_secs())
        .ok()
        .map(|secs| secs / DAY_SECS)
}

#[cfg(test)]
mod tests {
    use super::{Kst, day, days_before, days_left};

    // 2026-11-26 15:30 UTC is 2026-11-27 00:30 KST.
    const NOW: i64 = 1_795_707_000_000;

    #[test]
    fn moments_read_in_kst() {
        let now = Kst::from_millis(NOW).unwrap();
        assert_eq!(now.minute(), "2026-11-27 00:30");
        assert_eq!(now.second(), "2026-11-27 00:30:00");
        assert_eq!(now.date(), "2026-11-27");
        assert_eq!(now.hour(), 0);
        assert_eq!(Kst::from_millis(0).unwrap().minute(), "1970-01-01 09:00");
        assert_eq!(Kst::from_millis(-1), None);
    }

    #[test]
    fn a_wall_clock_reading_goes_back_to_the_same_moment() {
        let now = Kst::from_millis(NOW).unwrap();
        assert_eq!(Kst::from_wall_clock(now.wall_clock()), Some(now));
        assert_eq!(now.since_epoch().as_millis(), NOW as u128);
    }

    #[test]
    fn days_change_at_kst_midnight() {
        assert_eq!(day(NOW) - day(NOW - 30 * 60_000), 0);
        assert_eq!(day(NOW) - day(NOW - 31 * 60_000), 1);
    }

    #[test]
    fn days_before_cross_months_and_years() {
        assert_eq!(days_before("2027-01-05", 30).as_deref(), Some("2026-12-06"));
        assert_eq!(days_before("2024-03-01", 1).as_deref(), Some("2024-02-29"));
        assert_eq!(days_before("2026-11-25", 30).as_deref(), Some("2026-10-26"));
        assert_eq!(days_before("1970-01-01", 1), None);
        assert_eq!(days_before("later", 1), None);
    }

    #[test]
    fn days_left_count_kst_calendar_days() {
        // 2026-11-25 01:00 KST (2026-11-24 16:00 UTC).
        const NOW: i64 = 1_795_536_000_000;
        assert_eq!(days_left("2026-11-25", NOW), Some(0));
        assert_eq!(days_left("2026-12-25", NOW), Some(30));
        assert_eq!(days_left("2026-11-24", NOW), Some(-1));
        assert_eq!(days_left("2027-11-25", NOW), Some(365));
        assert_eq!(days_left("2026-13-01", NOW), None);
        assert_eq!(days_left("soon", NOW), None);
    }
}
