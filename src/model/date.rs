//! Dates at the precision the records give them: a day, a month, a year, or a
//! year with a Dutch qualifier (`begin`, `medio`, `eind`).
//!
//! A date sorts by the earliest day it can mean: `begin 2021` from 1 January,
//! `medio 2021` from 1 June, `eind 2021` from 1 October.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// The Dutch month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Begin,
    Medio,
    Eind,
}

impl Qualifier {
    fn word(self) -> &'static str {
        match self {
            Qualifier::Begin => "begin",
            Qualifier::Medio => "medio",
            Qualifier::Eind => "eind",
        }
    }

    fn first_month(self) -> u32 {
        match self {
            Qualifier::Begin => 1,
            Qualifier::Medio => 6,
            Qualifier::Eind => 10,
        }
    }
}

/// A date at some precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Date {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
    Qualified(Qualifier, i32),
}

/// How precisely to show a date; a date is never shown more precisely than it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// `zomer 2021`: a word before the year that is not begin, medio or eind.
    Qualifier(String),
    /// A part that is not a number of the right width.
    Digits {
        text: String,
        digits: usize,
        what: &'static str,
    },
    YearOutOfRange(u32),
    NoSuchMonth(u32),
    /// A day that is not in the calendar (`2022-02-31`).
    NoSuchDay(String),
    Shape(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            DateError::Qualifier(w) => crate::tr!("date-qualifier", word = w),
            DateError::Digits { text, digits, what } => {
                crate::tr!("date-digits", text = text, digits = *digits, what = *what)
            }
            DateError::YearOutOfRange(y) => crate::tr!("date-year-range", year = *y),
            DateError::NoSuchMonth(m) => crate::tr!("date-no-month", month = *m),
            DateError::NoSuchDay(t) => crate::tr!("date-no-day", date = t),
            DateError::Shape(t) => crate::tr!("date-shape", text = t),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// The ISO date a text that is not one most likely means: a day in
    /// Dutch order (`15-03-2023`, `15/3/2023`, `15.03.2023`) or a date
    /// without its leading zeros (`2023-3-15`), when that date exists;
    /// `None` otherwise.
    pub fn meant(text: &str) -> Option<String> {
        let t = text.trim();
        let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
        let num = |s: &str| {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        let (y, m, d) = match parts.as_slice() {
            [a, b, c] if a.len() == 4 => (num(a)?, num(b)?, num(c)?),
            [a, b, c] if c.len() == 4 && a.len() <= 2 && b.len() <= 2 => (num(c)?, num(b)?, num(a)?),
            [a, b] if b.len() == 4 && a.len() <= 2 => {
                let (y, m) = (num(b)?, num(a)?);
                return (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}"));
            }
            [a, b] if a.len() == 4 && b.len() < 2 => {
                let (y, m) = (num(a)?, num(b)?);
                return (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}"));
            }
            _ => return None,
        };
        let iso = format!("{y:04}-{m:02}-{d:02}");
        (iso != t && (1000..=9999).contains(&y) && NaiveDate::from_ymd_opt(y as i32, m, d).is_some())
            .then_some(iso)
    }

    /// Reads `2021-03-09`, `2021-03`, `2021`, `begin 2021`, `medio 2019`, `eind 2021`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        if let Some((word, year)) = t.split_once(' ') {
            let q = match word {
                "begin" => Qualifier::Begin,
                "medio" => Qualifier::Medio,
                "eind" => Qualifier::Eind,
                _ => return Err(DateError::Qualifier(word.to_string())),
            };
            return Ok(Date::Qualified(q, parse_year(year.trim())?));
        }
        let parts: Vec<&str> = t.split('-').collect();
        match parts.as_slice() {
            [y] => Ok(Date::Year(parse_year(y)?)),
            [y, m] => {
                let year = parse_year(y)?;
                let month = parse_num(m, 2, "month")?;
                if !(1..=12).contains(&month) {
                    return Err(DateError::NoSuchMonth(month));
                }
                Ok(Date::Month { year, month })
            }
            [y, m, d] => {
                let year = parse_year(y)?;
                let month = parse_num(m, 2, "month")?;
                let day = parse_num(d, 2, "day")?;
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(Date::Day)
                    .ok_or_else(|| DateError::NoSuchDay(t.to_string()))
            }
            _ => Err(DateError::Shape(t.to_string())),
        }
    }

    /// The earliest day the date can mean: the order of dates.
    pub fn earliest(self) -> NaiveDate {
        let ymd = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
        match self {
            Date::Day(d) => d,
            Date::Month { year, month } => ymd(year, month),
            Date::Year(y) => ymd(y, 1),
            Date::Qualified(q, y) => ymd(y, q.first_month()),
        }
    }

    /// The latest day the date can mean (`2021-03` → 31 March 2021, `medio
    /// 2019` → 30 September 2019): a date is before another only when this
    /// is before the other's earliest day.
    pub fn latest(self) -> NaiveDate {
        let end_of = |y: i32, m: u32| {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
        };
        match self {
            Date::Day(d) => d,
            Date::Month { year, month } => end_of(year, month),
            Date::Year(y) => end_of(y, 12),
            Date::Qualified(Qualifier::Begin, y) => end_of(y, 5),
            Date::Qualified(Qualifier::Medio, y) => end_of(y, 9),
            Date::Qualified(Qualifier::Eind, y) => end_of(y, 12),
        }
    }

    /// Before `other` whatever days both can mean (`2021-03` is not before
    /// `2021-03-15`). With [`Date::is_after`], [`Date::is_since`] and
    /// [`Date::is_until`]: the one meaning of the templates' `filter`, of
    /// `annexes.reports` and of the date checks.
    pub fn is_before(self, other: Date) -> bool {
        self.latest() < other.earliest()
    }

    /// After `other` whatever days both can mean.
    pub fn is_after(self, other: Date) -> bool {
        self.earliest() > other.latest()
    }

    /// On or after the first day `other` can mean.
    pub fn is_since(self, other: Date) -> bool {
        self.earliest() >= other.earliest()
    }

    /// On or before the last day `other` can mean.
    pub fn is_until(self, other: Date) -> bool {
        self.earliest() <= other.latest()
    }

    pub fn year(self) -> i32 {
        self.earliest().year()
    }

    /// The Dutch form: `9 maart 2021`, `maart 2021`, `2021`, `medio 2019`,
    /// shown at most at `precision`.
    pub fn dutch(self, precision: Precision) -> String {
        match self {
            Date::Qualified(q, y) => format!("{} {y}", q.word()),
            _ if precision == Precision::Year => self.year().to_string(),
            Date::Day(d) if precision == Precision::Day => {
                format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
            }
            Date::Day(d) => format!("{} {}", MONTHS[d.month0() as usize], d.year()),
            Date::Month { year, month } => format!("{} {year}", MONTHS[(month - 1) as usize]),
            Date::Year(y) => y.to_string(),
        }
    }

    /// The Dutch form with the preposition it takes: `op 9 maart 2021`,
    /// `in maart 2021`, `in 2021`, `medio 2019`.
    pub fn dutch_with_preposition(self, precision: Precision) -> String {
        let text = self.dutch(precision);
        match self {
            Date::Qualified(..) => text,
            Date::Day(_) if precision == Precision::Day => format!("op {text}"),
            _ => format!("in {text}"),
        }
    }

    /// Whole days from this date to `other` (earliest days), negative if earlier.
    pub fn days_until(self, other: Date) -> i64 {
        (other.earliest() - self.earliest()).num_days()
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.earliest().cmp(&other.earliest()).then_with(|| self.to_string().cmp(&other.to_string()))
    }
}

/// The form it is written in the records: `2021-03-09`, `medio 2019`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Date::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Date::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Date::Year(y) => write!(f, "{y:04}"),
            Date::Qualified(q, y) => write!(f, "{} {y}", q.word()),
        }
    }
}

fn parse_year(s: &str) -> Result<i32, DateError> {
    let y = parse_num(s, 4, "year")?;
    if !(1000..=9999).contains(&y) {
        return Err(DateError::YearOutOfRange(y));
    }
    Ok(y as i32)
}

fn parse_num(s: &str, digits: usize, what: &'static str) -> Result<u32, DateError> {
    let wrong = || DateError::Digits { text: s.to_string(), digits, what };
    if s.len() != digits || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(wrong());
    }
    s.parse().map_err(|_| wrong())
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_coarse_date_is_before_or_after_only_what_all_its_days_are() {
        let d = |t| Date::parse(t).unwrap();
        assert!(d("2021-03-09").is_before(d("2021-03-10")) && !d("2021-03-09").is_before(d("2021-03-09")));
        assert!(!d("2021-03").is_before(d("2021-03-15")) && d("2021-03").is_before(d("2021-04-01")));
        assert!(!d("2021-03").is_after(d("2021-03-15")) && d("2021-04-01").is_after(d("2021-03")));
        assert!(d("2021-03-01").is_since(d("2021-03")) && !d("2021-02-28").is_since(d("2021-03")));
        assert!(d("2021-03-31").is_until(d("2021-03")) && !d("2021-04-01").is_until(d("2021-03")));
        assert!(!d("medio 2019").is_before(d("2019-06-01")) && d("medio 2019").is_until(d("2019-06-01")));
    }

    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn renders_every_precision_in_dutch() {
        assert_eq!(d("2021-03-09").dutch(Precision::Day), "9 maart 2021");
        assert_eq!(d("2021-03").dutch(Precision::Day), "maart 2021");
        assert_eq!(d("2021").dutch(Precision::Day), "2021");
        assert_eq!(d("medio 2019").dutch(Precision::Day), "medio 2019");
        assert_eq!(d("begin 2021").dutch(Precision::Day), "begin 2021");
        assert_eq!(d("eind 2021").dutch(Precision::Day), "eind 2021");
        assert_eq!(d("2019-05-03").dutch(Precision::Month), "mei 2019");
        assert_eq!(d("2019-12-31").dutch(Precision::Year), "2019");
    }

    #[test]
    fn prepositions_follow_precision() {
        assert_eq!(d("2019-05-03").dutch_with_preposition(Precision::Day), "op 3 mei 2019");
        assert_eq!(d("2019-05").dutch_with_preposition(Precision::Day), "in mei 2019");
        assert_eq!(d("2019").dutch_with_preposition(Precision::Day), "in 2019");
        assert_eq!(d("medio 2019").dutch_with_preposition(Precision::Day), "medio 2019");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert_eq!(Date::parse("2021-02-30").unwrap_err(), DateError::NoSuchDay("2021-02-30".into()));
        assert!(Date::parse("2020-02-29").is_ok());
        assert!(Date::parse("2021-13").is_err());
        assert!(Date::parse("2021-3-9").is_err());
        assert!(Date::parse("halverwege 2021").is_err());
        assert!(Date::parse("").is_err());
        assert!(Date::parse("21").is_err());
    }

    #[test]
    fn sorts_by_earliest_day() {
        let mut v = [d("medio 2019"), d("2019-05-03"), d("2019"), d("eind 2019"), d("2019-06")];
        v.sort();
        let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(s, ["2019", "2019-05-03", "2019-06", "medio 2019", "eind 2019"]);
    }

    #[test]
    fn counts_days() {
        assert_eq!(d("2022-11-07").days_until(d("2022-12-02")), 25);
        assert_eq!(d("2022-12-02").days_until(d("2022-11-07")), -25);
    }
}
