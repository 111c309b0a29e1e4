//! Which reports a dossier annexes (`annexes.reports`): all, none, a list
//! of report ids, or those that meet conditions on their fields, the same
//! comparisons the templates' `filter` makes (`{ date: { since: 2021-01-01 },
//! accounts: { contains: facebook } }`).

use super::{At, Date, Report};

/// `annexes.reports`.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    All,
    None,
    Ids(Vec<At<String>>),
    Where(Vec<Condition>),
}

/// The fields a condition may test.
pub const FIELDS: &[&str] = &["id", "date", "accounts", "on_behalf_of", "election", "subject", "items"];

/// The comparisons, as in the `filter` template filter.
pub const TESTS: &[&str] =
    &["value", "not", "empty", "before", "after", "since", "until", "contains", "any_of"];

/// One condition: a field and a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub field: At<String>,
    pub test: Test,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Test {
    Value(String),
    Not(String),
    Empty(bool),
    Before(Date),
    After(Date),
    Since(Date),
    Until(Date),
    Contains(String),
    AnyOf(Vec<String>),
}

/// A report's field as the conditions see it.
enum Field<'r> {
    Text(Option<&'r str>),
    List(Vec<&'r str>),
    Date(Date),
    Number(Option<u32>),
}

fn field<'r>(report: &'r Report, name: &str) -> Field<'r> {
    match name {
        "id" => Field::Text(Some(&report.id.value)),
        "date" => Field::Date(report.date.value),
        "accounts" => Field::List(report.accounts.iter().map(|a| a.value.as_str()).collect()),
        "on_behalf_of" => Field::Text(report.on_behalf_of.as_deref()),
        "election" => Field::Text(report.election.as_deref()),
        "subject" => Field::Text(Some(&report.subject)),
        _ => Field::Number(report.items),
    }
}

impl Test {
    fn holds(&self, f: &Field) -> bool {
        let text = |f: &Field| -> Option<String> {
            match f {
                Field::Text(t) => t.map(str::to_string),
                Field::Date(d) => Some(d.to_string()),
                Field::Number(n) => n.map(|n| n.to_string()),
                Field::List(_) => None,
            }
        };
        match self {
            Test::Value(v) => match f {
                Field::List(items) => items.len() == 1 && items[0] == v,
                other => text(other).as_deref() == Some(v.as_str()),
            },
            Test::Not(v) => !Test::Value(v.clone()).holds(f),
            Test::Empty(empty) => {
                let blank = match f {
                    Field::List(items) => items.is_empty(),
                    other => text(other).is_none_or(|t| t.is_empty()),
                };
                blank == *empty
            }
            Test::Before(d) | Test::After(d) | Test::Since(d) | Test::Until(d) => {
                let Field::Date(own) = f else { return false };
                match self {
                    Test::Before(_) => own.is_before(*d),
                    Test::After(_) => own.is_after(*d),
                    Test::Since(_) => own.is_since(*d),
                    _ => own.is_until(*d),
                }
            }
            Test::Contains(v) => match f {
                Field::List(items) => items.contains(&v.as_str()),
                other => text(other).is_some_and(|t| t.contains(v.as_str())),
            },
            Test::AnyOf(vs) => match f {
                Field::List(items) => items.iter().any(|i| vs.iter().any(|v| v == i)),
                other => text(other).is_some_and(|t| vs.contains(&t)),
            },
        }
    }
}

impl Selection {
    /// Whether `report` is annexed.
    pub fn includes(&self, report: &Report) -> bool {
        match self {
            Selection::All => true,
            Selection::None => false,
            Selection::Ids(ids) => ids.iter().any(|i| i.value == report.id.value),
            Selection::Where(conditions) => {
                conditions.iter().all(|c| c.test.holds(&field(report, &c.field.value)))
            }
        }
    }

    /// Whether any report can be annexed.
    pub fn any(&self) -> bool {
        !matches!(self, Selection::None)
    }
}
