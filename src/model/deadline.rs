//! Where a question set stands on a given day: due three weeks after it was
//! submitted, three weeks more for each delay notice sent, answered or not.
//! The flag "te laat zonder uitstel" is the Kamer's own (as its weekly list
//! and berthubert/tkconv show it: more than 21 days and no delay notice).
//! Pure: the day is given, never read from the clock.

use super::Dossier;
use chrono::{Days, NaiveDate};

/// The days the Kamer gives for answers, and each delay notice adds.
pub const TERM_DAYS: u64 = 21;

/// A dossier's state on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub dossier: String,
    pub submitted: NaiveDate,
    /// The due date, moved three weeks by each delay notice sent by then.
    pub due: NaiveDate,
    /// The delay notices sent by then.
    pub delays: Vec<Option<NaiveDate>>,
    /// When it was answered, if by then.
    pub answered: Option<NaiveDate>,
    /// Whether the answers were sent with `beantwoord send` (a lock).
    pub locked: bool,
    /// The follow-up answer: sent on a day (`nader.lock`), dated to go out
    /// (`nader: { answered: … }`), started without a date, or none.
    pub follow_up: FollowUpState,
    /// Where the Kamer published the answers (`documents.answer`), once
    /// they count as answered by then.
    pub published: Option<super::Aanhangsel>,
    /// Days to the due date (negative: late); for an answered set, the days
    /// it was answered before the due date (negative: answered late).
    pub days: i64,
    pub flag: Option<Flag>,
}

/// Where a dossier's follow-up answer stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpState {
    None,
    Draft,
    Dated(NaiveDate),
    Sent(NaiveDate),
}

impl FollowUpState {
    /// As the status table says it.
    pub fn dutch(self) -> String {
        match self {
            FollowUpState::None => "geen".to_string(),
            FollowUpState::Draft => "concept".to_string(),
            FollowUpState::Dated(d) => format!("gepland {d}"),
            FollowUpState::Sent(d) => format!("verzonden {d}"),
        }
    }
}

/// What the Kamer's list would point out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Open, past the three weeks, and no delay notice.
    LateWithoutDelay,
    /// Open, past the due date a delay notice gave.
    LateAfterDelay,
    /// Answered after the due date.
    AnsweredLate,
}

impl Flag {
    pub fn dutch(self) -> &'static str {
        match self {
            Flag::LateWithoutDelay => "te laat zonder uitstel",
            Flag::LateAfterDelay => "te laat na uitstel",
            Flag::AnsweredLate => "te laat beantwoord",
        }
    }
}

/// Where `dossier` stands on `today`.
pub fn status(dossier: &Dossier, today: NaiveDate) -> Status {
    let submitted = dossier.submitted.earliest();
    let delays: Vec<Option<NaiveDate>> = dossier
        .delay_notices
        .iter()
        .map(|d| d.sent.map(|s| s.earliest()))
        .filter(|sent| sent.is_none_or(|s| s <= today))
        .collect();
    let weeks = 1 + delays.len() as u64;
    let due = submitted.checked_add_days(Days::new(TERM_DAYS * weeks)).unwrap_or(NaiveDate::MAX);
    let answered = dossier.answered.map(|a| a.earliest()).filter(|a| *a <= today);
    let days = (due - answered.unwrap_or(today)).num_days();
    let flag = match (answered, days < 0, delays.is_empty()) {
        (_, false, _) => None,
        (Some(_), true, _) => Some(Flag::AnsweredLate),
        (None, true, true) => Some(Flag::LateWithoutDelay),
        (None, true, false) => Some(Flag::LateAfterDelay),
    };
    Status {
        dossier: dossier.id.value.clone(),
        submitted,
        due,
        delays,
        answered,
        locked: dossier.sent.is_some(),
        follow_up: match (&dossier.follow_up_sent, &dossier.nader) {
            (Some(sent), _) => FollowUpState::Sent(sent.on.earliest()),
            (None, Some(plan)) => {
                plan.answered.map_or(FollowUpState::Draft, |d| FollowUpState::Dated(d.earliest()))
            }
            (None, None) => FollowUpState::None,
        },
        // Published only once answered: not before an `answered` date
        // after the day counted from.
        published: answered.and_then(|_| dossier.published()),
        days,
        flag,
    }
}
/// The columns of the status table (`beantwoord status`, the workbench).
/// The publication comes last, after the Kamer's flag: its cell is the
/// widest, and a spreadsheet made from an older `--format csv` keeps its
/// columns where they were.
pub const HEADER: [&str; 10] = [
    "dossier",
    "ingezonden",
    "uiterlijk",
    "dagen",
    "uitstel",
    "beantwoord",
    "verzonden",
    "nader",
    "signaal",
    "gepubliceerd",
];

impl Status {
    /// The cells of its row in the status table, as words.
    pub fn cells(&self) -> [String; 10] {
        let s = self;
        let days = match (s.answered, s.days) {
            (Some(_), d) if d >= 0 => "op tijd".to_string(),
            (Some(_), d) => format!("{} te laat", plural(-d)),
            (None, 0) => "vandaag".to_string(),
            (None, d) if d > 0 => format!("nog {}", plural(d)),
            (None, d) => format!("{} te laat", plural(-d)),
        };
        let delays = match s.delays.len() {
            0 => "geen".to_string(),
            _ => s
                .delays
                .iter()
                .map(|d| d.map_or_else(|| "(datum onbekend)".to_string(), |d| d.to_string()))
                .collect::<Vec<_>>()
                .join(" "),
        };
        [
            s.dossier.clone(),
            s.submitted.to_string(),
            s.due.to_string(),
            days,
            delays,
            s.answered.map_or_else(|| "nee".to_string(), |a| a.to_string()),
            if s.locked { "ja" } else { "nee" }.to_string(),
            s.follow_up.dutch(),
            s.flag.map_or("", |f| f.dutch()).to_string(),
            // As the Kamer cites it: "Aanhangsel Handelingen, vergaderjaar
            // 2022–2023, nr. 914".
            s.published.as_ref().map_or_else(|| "nee".to_string(), super::Aanhangsel::cited),
        ]
    }
}

fn plural(days: i64) -> String {
    if days == 1 { "1 dag".to_string() } else { format!("{days} dagen") }
}
