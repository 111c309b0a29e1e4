//! The typed model: the register (accounts and reports) and the dossiers, as
//! loaded and validated. No I/O here; every value that a message may point at
//! carries its [`Span`].

pub mod date;
pub mod deadline;
pub mod kamer;
pub mod logo;
pub mod ministry;
pub mod persons;
pub mod selection;
pub mod sent;
pub mod templates;
pub mod validate;
pub mod woo;

use crate::redaction;
pub use crate::redaction::Ground;
use crate::source::Span;
pub use date::{Date, DateError, Precision};

/// Whether `s` can be a dossier's id, which names its output folder:
/// letters, digits, `.`, `_`, `-`, not starting with a dot, at most 64 long.
pub fn is_safe_id(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('.')
        && s.len() <= 64
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub span: Span,
}

impl<T> At<T> {
    pub fn new(value: T, span: Span) -> Self {
        At { value, span }
    }
}

/// A text field (plain, Markdown or template) and where each of its lines
/// starts in the source, so that a problem inside it can be shown at its own
/// line and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub value: String,
    pub span: Span,
    /// Source offset of each line of `value`, when it maps line by line (block
    /// literals, one-line scalars); empty when it does not (folded text).
    pub line_offsets: Vec<usize>,
    /// The bytes of `value` the loader added around a listed name (the
    /// markers of [`persons::Listed::withhold`]): (offset, length), in
    /// order; not in the source.
    pub inserted: Vec<(usize, usize)>,
}

impl Text {
    /// Offset `v` of `value` as an offset of the text as written (before
    /// the loader's markers).
    fn written(&self, v: usize) -> usize {
        let mut added = 0;
        for &(at, len) in &self.inserted {
            if at >= v {
                break;
            }
            added += len.min(v - at);
        }
        v - added
    }

    /// The source span of bytes `start..end` of the text (or of the whole field
    /// when the text does not map line by line).
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        let start = start.min(self.value.len());
        let line = self.value[..start].matches('\n').count();
        match self.line_offsets.get(line) {
            Some(&line_start) => {
                let line = self.value[..start].rfind('\n').map_or(0, |i| i + 1);
                let col = self.written(start) - self.written(line);
                let end = end.max(start).min(self.value.len());
                let len = self.written(end) - self.written(start);
                Span::new(self.span.file, line_start + col, line_start + col + len)
            }
            None => self.span,
        }
    }

    /// The source span of 1-based `line` and 0-based `col` of the text.
    pub fn span_of_line_col(&self, line: usize, col: usize, len: usize) -> Span {
        let start =
            self.value.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
        let line_text = self.value[start..].split('\n').next().unwrap_or("");
        let col_bytes = line_text.char_indices().nth(col).map_or(line_text.len(), |(i, _)| i);
        self.span_of(start + col_bytes, start + col_bytes + len.max(1))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Initiative {
    Platform,
    Holder,
}

impl Initiative {
    pub fn name(self) -> &'static str {
        match self {
            Initiative::Platform => "platform",
            Initiative::Holder => "holder",
        }
    }
}

/// A trusted-flagger account: one holder's status on one platform.
#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    pub id: At<String>,
    pub platform: String,
    pub platform_now: Option<String>,
    pub holder: String,
    pub status: String,
    pub channel: Option<String>,
    pub granted: Option<At<Date>>,
    pub occasion: Option<String>,
    pub initiative: Option<Initiative>,
    pub first_used: Option<At<Date>>,
    pub notes: Option<Text>,
}

impl Account {
    /// The name to use today: the later name if the platform was renamed.
    pub fn current_name(&self) -> &str {
        self.platform_now.as_deref().unwrap_or(&self.platform)
    }
}

/// What a reproduced document is, as the inventory, its annex heading and
/// the index say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Form {
    /// A copy of the document itself.
    #[default]
    Original,
    /// Written afterwards from what is known of it (the answers, a file
    /// note), not a copy of the original.
    Reconstruction,
    /// A summary of the original, which is not reproduced.
    Summary,
}

impl Form {
    /// The data's names: `original`, `reconstruction`, `summary`.
    pub fn parse(s: &str) -> Option<Form> {
        match s {
            "original" => Some(Form::Original),
            "reconstruction" => Some(Form::Reconstruction),
            "summary" => Some(Form::Summary),
            _ => None,
        }
    }

    /// Its Dutch name in an annex heading; empty for an original.
    pub fn name(self) -> &'static str {
        match self {
            Form::Original => "",
            Form::Reconstruction => "reconstructie",
            Form::Summary => "samenvatting",
        }
    }

    /// What the inventory's Toelichting, the annex and the index say of a
    /// document that is not the original; nothing for an original.
    pub fn explanation(self) -> Option<&'static str> {
        match self {
            Form::Original => None,
            Form::Reconstruction => Some(
                "Reconstructie: achteraf opgesteld aan de hand van wat bekend is van het document; geen kopie van het origineel.",
            ),
            Form::Summary => {
                Some("Samenvatting: een samenvatting van het document; het origineel wordt niet weergegeven.")
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Sent,
    Received,
}

/// One item of correspondence: a document the annex reproduces.
#[derive(Clone, Debug, PartialEq)]
pub struct Letter {
    pub date: Option<Date>,
    /// Where its date is written (or `date: report`).
    pub date_at: Option<Span>,
    pub direction: Direction,
    pub from: String,
    pub to: String,
    pub text: Text,
    /// What it is: the original, or a reconstruction or summary of it.
    pub form: Form,
    /// Set by the Woo team; otherwise derived from the redactions.
    pub judgement: Option<At<Judgement>>,
    /// Grounds for withholding beyond the redaction markers (for a document
    /// that is `niet openbaar` as a whole).
    pub grounds: Vec<redaction::Ground>,
    /// Where each of `grounds` is written.
    pub ground_spans: Vec<Span>,
    /// Its document ID as written in the data (`BZK-534-3444`); otherwise
    /// derived from the report and the letter's place in it.
    pub id: Option<At<String>>,
    /// The law it is judged under, when not the dossier's.
    pub law: Option<At<redaction::Law>>,
    /// The document it duplicates (`dubbel`): that document's ID.
    pub duplicate_of: Option<At<String>>,
    /// Where `dubbel` is listed under `grounds`, if it is.
    pub dubbel: Option<Span>,
}

impl Letter {
    /// The inventory's judgement and grounds: as set, or derived from the
    /// redactions (none: `openbaar`, some: `deels openbaar`). Where nothing
    /// can be derived (a malformed text) the safe value is `niet openbaar`.
    pub fn assessment(&self) -> (Judgement, Vec<redaction::Ground>) {
        let parsed = redaction::parse(&self.text.value).is_ok();
        let mut grounds = redaction::grounds(&self.text.value);
        grounds.extend(self.grounds.iter().copied());
        grounds.sort();
        grounds.dedup();
        let judgement = match (&self.judgement, parsed) {
            (_, false) => Judgement::NietOpenbaar,
            (Some(j), true) => j.value,
            // A duplicate is judged where the other document is.
            (None, true) if self.duplicate_of.is_some() => Judgement::NietOpenbaar,
            (None, true) if grounds.is_empty() => Judgement::Openbaar,
            (None, true) => Judgement::DeelsOpenbaar,
        };
        (judgement, grounds)
    }
}

/// The Woo judgement of a document in the inventory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Judgement {
    Openbaar,
    DeelsOpenbaar,
    NietOpenbaar,
    ReedsOpenbaar,
}

impl Judgement {
    pub fn parse(s: &str) -> Option<Judgement> {
        match s {
            "openbaar" => Some(Judgement::Openbaar),
            "deels openbaar" => Some(Judgement::DeelsOpenbaar),
            "niet openbaar" => Some(Judgement::NietOpenbaar),
            "reeds openbaar" => Some(Judgement::ReedsOpenbaar),
            _ => match s.to_lowercase().as_str() {
                l @ ("openbaar" | "deels openbaar" | "niet openbaar" | "reeds openbaar") => {
                    Judgement::parse(l)
                }
                _ => None,
            },
        }
    }

    /// As the publication platforms write it (`Deels openbaar`), in every
    /// inventory the tool makes.
    pub fn label(self) -> &'static str {
        match self {
            Judgement::Openbaar => "Openbaar",
            Judgement::DeelsOpenbaar => "Deels openbaar",
            Judgement::NietOpenbaar => "Niet openbaar",
            Judgement::ReedsOpenbaar => "Reeds openbaar",
        }
    }

    /// Whether the document is published (all but `Niet openbaar`).
    pub fn published(self) -> bool {
        self != Judgement::NietOpenbaar
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutcomeStatus {
    Labelled,
    Removed,
    Restored,
    Resolved,
    Declined,
    Unknown,
    Pending,
}

impl OutcomeStatus {
    pub const NAMES: [&'static str; 7] =
        ["labelled", "removed", "restored", "resolved", "declined", "unknown", "pending"];

    pub fn parse(s: &str) -> Option<OutcomeStatus> {
        use OutcomeStatus::*;
        Some(match s {
            "labelled" => Labelled,
            "removed" => Removed,
            "restored" => Restored,
            "resolved" => Resolved,
            "declined" => Declined,
            "unknown" => Unknown,
            "pending" => Pending,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Dutch, for the annexes.
    pub fn dutch(self) -> &'static str {
        use OutcomeStatus::*;
        match self {
            Labelled => "van een label voorzien",
            Removed => "verwijderd",
            Restored => "hersteld (gedeblokkeerd)",
            Resolved => "opgelost",
            Declined => "geen actie",
            Unknown => "niet gevolgd",
            Pending => "in behandeling",
        }
    }
}

/// What one platform did with a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub account: At<String>,
    pub status: OutcomeStatus,
    pub date: Option<Date>,
    /// Where its date is written (or `date: report`).
    pub date_at: Option<Span>,
    pub text: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Factcheck {
    pub date: Option<Date>,
    pub by: Option<String>,
    pub url: Option<String>,
}

/// A report (melding, casus): one case put to one or more platforms.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub id: At<String>,
    pub date: At<Date>,
    pub accounts: Vec<At<String>>,
    pub on_behalf_of: Option<String>,
    /// How the answers describe the body on whose behalf it was made.
    pub on_behalf_detail: Option<String>,
    pub election: Option<String>,
    pub subject: String,
    /// Markdown template; `report` is this record.
    pub summary: Text,
    pub items: Option<u32>,
    pub factcheck: Option<Factcheck>,
    pub correspondence: Vec<Letter>,
    pub outcome: Vec<Outcome>,
}

impl Report {
    /// The document ID of each of its letters in a dossier published as
    /// `publication`: as written, or `<prefix>-<matter>-<report id>-<place>`.
    pub fn document_ids(&self, publication: &Publication) -> Vec<String> {
        self.correspondence
            .iter()
            .enumerate()
            .map(|(i, l)| match &l.id {
                Some(id) => id.value.clone(),
                None => woo::document_id(&publication.prefix, &publication.matter, &self.id.value, i + 1),
            })
            .collect()
    }

    pub fn went_through(&self, account: &str) -> bool {
        self.accounts.iter().any(|a| a.value == account)
    }
}

/// All accounts and reports, merged from every file under `records/`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Register {
    pub accounts: Vec<Account>,
    pub reports: Vec<Report>,
    /// A records file, an account or a report failed to load: the checks
    /// that need every record (and the answers) wait until it is fixed, so
    /// one mistake gives one message.
    pub incomplete: bool,
}

impl Register {
    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id.value == id)
    }

    /// Reports in date order (ties by id), up to and including `until`.
    pub fn reports_until(&self, until: Option<Date>) -> Vec<&Report> {
        let mut v: Vec<&Report> = self
            .reports
            .iter()
            .filter(|r| until.is_none_or(|u| r.date.value.earliest() <= u.earliest()))
            .collect();
        v.sort_by(|a, b| a.date.value.cmp(&b.date.value).then(a.id.value.cmp(&b.id.value)));
        v
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    pub short: String,
    pub party: Option<String>,
    pub role: Option<String>,
}

/// A delay notice ("Mededeling"): the minister tells the Kamer the answers
/// will be late, and why. Listed under `delays` (a notice this tool writes,
/// `uitstel-<n>`) or `delay_notices` (the older spelling).
#[derive(Clone, Debug, PartialEq)]
pub struct DelayNotice {
    /// When it was sent; unknown for an older notice known only by number.
    pub sent: Option<Date>,
    /// Why the answers are late: a Markdown template. A notice with a
    /// reason is written as a document of its own.
    pub reason: Option<Text>,
    /// Its place in the Aanhangsel van de Handelingen, once published.
    pub aanhangsel: Option<Aanhangsel>,
}

/// A number in the Aanhangsel van de Handelingen (`ah-tk-20222023-2207`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aanhangsel {
    /// The parliamentary year, e.g. `2022–2023`.
    pub year: String,
    /// Its number in the Aanhangsel of that year, e.g. `2207`.
    pub number: u32,
}

impl Aanhangsel {
    /// `ah-tk-20222023-2207` → year `2022–2023`, number 2207.
    pub fn parse(id: &str) -> Option<Aanhangsel> {
        let rest = id.strip_prefix("ah-tk-")?;
        let (year, number) = rest.split_once('-')?;
        let ok = year.len() == 8 && year.bytes().all(|b| b.is_ascii_digit());
        let (from, to) = (year.get(..4)?, year.get(4..)?);
        let consecutive = from.parse::<u32>().ok()? + 1 == to.parse::<u32>().ok()?;
        let number = number.parse::<u32>().ok()?;
        (ok && consecutive).then(|| Aanhangsel { year: format!("{from}–{to}"), number })
    }

    /// The Aanhangsel number of the answers that a dossier's `documents:`
    /// name (`answer: ah-tk-20222023-914`), once the Kamer published them.
    pub fn of_answers(documents: &[(String, String)]) -> Option<Aanhangsel> {
        documents.iter().find(|(k, _)| k == "answer").and_then(|(_, id)| Aanhangsel::parse(id))
    }

    /// "vergaderjaar 2022–2023, nr. 914": its place, as the Kamer writes it
    /// after "Aanhangsel Handelingen, ".
    pub fn place(&self) -> String {
        format!("vergaderjaar {}, nr. {}", self.year, self.number)
    }

    /// "Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 914".
    pub fn cited(&self) -> String {
        format!("Aanhangsel Handelingen, {}", self.place())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Footnote {
    pub id: At<String>,
    pub text: Text,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// A Tera template rendering to Markdown.
    Template(Text),
    /// Answered together with the question of this number.
    With(At<u32>),
    /// Could not be read (its error was told): the question keeps its place.
    Missing,
}

/// The words `beantwoord new` writes where the Kamer's file left something
/// for the officer to fill in: an answer still to be written, a name still
/// to be given. A dossier holding one is not finished (it cannot be sent).
pub mod placeholder {
    /// An answer still to be written.
    pub const ANSWER: &str = "Nog te beantwoorden";
    /// A name or office still to be given.
    pub const NAME: &str = "Nog in te vullen";

    /// Whether `text` still holds a placeholder.
    pub fn in_text(text: &str) -> bool {
        text.contains(ANSWER) || text.contains(NAME)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub number: At<u32>,
    /// A name other answers can refer to this question by (`vragen.<id>`).
    pub id: Option<At<String>>,
    pub text: Text,
    pub answer: Answer,
}

/// How a dossier's annexed documents are published under the Woo: the
/// law, the parts of each document's ID (`<prefix>-<matter>-<n>`), and the
/// publisher and category the national index (DiWoo) files them under.
#[derive(Clone, Debug, PartialEq)]
pub struct Publication {
    pub law: redaction::Law,
    /// Where `law` is written, if it is.
    pub law_at: Option<Span>,
    /// `BZK`: written, or the ministry's abbreviation, or `WOO`.
    pub prefix: String,
    /// The matter: written, or the dossier's id.
    pub matter: String,
    /// The publisher's TOOI identifier and name, when written or known for
    /// the ministry.
    pub publisher: Option<(String, String)>,
    /// The information category (a TOOI `c_…` code) and its name.
    pub category: (String, String),
    /// Where the dossier's files are published, ending in `/`, when
    /// written: the base of the absolute links of `diwoo.xml`.
    pub base_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Annexes {
    /// Whether any report is annexed (`reports` is not `none`).
    pub reports: bool,
    /// Which reports are.
    pub selection: selection::Selection,
    pub inventory: bool,
    /// Annexed reports whose documents an earlier dossier published: they
    /// are listed "Reeds openbaar" under the earlier IDs, with the link.
    pub already_published: Vec<PublishedBefore>,
}

/// A report whose documents were published with an earlier dossier's
/// answers (`annexes.already_published`).
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedBefore {
    pub report: At<String>,
    /// The earlier dossier, in this data folder.
    pub dossier: At<String>,
    /// Where the earlier dossier's documents are published, when its own
    /// `woo.base_url` does not say.
    pub link: Option<At<String>>,
    pub at: Span,
}

impl Dossier {
    /// What was sent last: the follow-up answer, once sent, else the first
    /// answers. Its Woo numbers hold.
    pub fn last_sent(&self) -> Option<&sent::Sent> {
        self.follow_up_sent.as_ref().or(self.sent.as_ref())
    }

    /// The highest annex and inventory numbers any lock records: a number
    /// once given is never given to another, even after its annex is gone.
    pub fn numbers_given(&self) -> (u32, u32) {
        let locks = self.sent.iter().chain(self.follow_up_sent.iter());
        locks.flat_map(|s| &s.annexes).fold((0, 0), |(a, d), x| {
            (a.max(x.number), d.max(x.documents.iter().copied().max().unwrap_or(0)))
        })
    }

    /// The Kamer documents (`documents:`) as the documents `lock` covers
    /// show them: as the lock recorded them when they were sent, so that
    /// the Aanhangsel number the Kamer gives when it publishes the answers,
    /// recorded afterwards, never changes a sent file; as the dossier names
    /// them now while they are not sent (`lock` is `None`), or when the
    /// lock was written by an older version that did not record them.
    pub fn documents_as_sent<'a>(&'a self, lock: Option<&'a sent::Sent>) -> &'a [(String, String)] {
        lock.and_then(|s| s.documents.as_deref()).unwrap_or(&self.documents)
    }

    /// The Aanhangsel number of the answers, once the Kamer published them
    /// and the dossier records it (`documents.answer`).
    pub fn published(&self) -> Option<Aanhangsel> {
        Aanhangsel::of_answers(&self.documents)
    }

    /// Where the follow-up's lock is (or goes): `nader.lock` beside
    /// `dossier.lock`.
    pub fn follow_up_lock_file(&self) -> String {
        match self.lock_file.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/nader.lock"),
            None => "nader.lock".to_string(),
        }
    }
}

impl Annexes {
    /// Whether `report` (in scope) is annexed.
    pub fn includes(&self, report: &Report) -> bool {
        self.reports && self.selection.includes(report)
    }
}

/// What the dossier says of its follow-up answer: `nader: 2022-12-20`, or
/// `nader: { answered: 2022-12-20, reason: … }`.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUpPlan {
    /// The day it goes to the Kamer; a draft until set.
    pub answered: Option<Date>,
    /// What was corrected, and why: a template (Markdown), printed in the
    /// follow-up's text.
    pub reason: Option<Text>,
    pub at: Span,
}

/// One question set and its answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Dossier {
    pub id: At<String>,
    pub title: String,
    pub answer_title: Option<String>,
    pub submitted: Date,
    pub answered: Option<Date>,
    pub submitter: Person,
    /// Further members who asked the questions with the submitter.
    pub co_submitters: Vec<Person>,
    pub addressee: String,
    pub answerer: Person,
    /// Who the answers are also given for ("mede namens de Minister van
    /// Defensie"): each as the Kamer names them, with the article.
    pub co_answerers: Vec<String>,
    /// The ministry's own reference ("Ons kenmerk").
    pub reference: Option<String>,
    /// Delay notices sent before the answers ("Zie ook Aanhangsel …").
    pub delay_notices: Vec<DelayNotice>,
    /// The follow-up answer ("nader") of a sent dossier: why, and when it
    /// goes out, once known.
    pub nader: Option<FollowUpPlan>,
    /// What was sent, as `beantwoord send` recorded it in `dossier.lock`.
    pub sent: Option<sent::Sent>,
    /// The follow-up answer sent, as `beantwoord send --nader` recorded it
    /// in `nader.lock` beside the dossier.
    pub follow_up_sent: Option<sent::Sent>,
    /// Where that record is (or goes), relative to the data folder:
    /// `dossiers/<folder>/dossier.lock`.
    pub lock_file: String,
    /// A part of the dossier failed to load (a question, a footnote): the
    /// checks of the whole (numbering, footnotes used) and its answers wait
    /// until it is fixed.
    pub incomplete: bool,
    pub ministry: Option<String>,
    /// The ministry record (`data/ministry.yaml`) when it is this dossier's
    /// ministry: the letters' sender column.
    pub sender: Option<ministry::Ministry>,
    pub topics: Vec<String>,
    /// The Kamer's ids of its documents, as the dossier names them now
    /// (`question: kv-tk-…`, and `answer: ah-tk-…` once published); a
    /// render of sent documents reads them through
    /// [`Dossier::documents_as_sent`].
    pub documents: Vec<(String, String)>,
    pub sources: Vec<(String, String)>,
    pub records_until: Option<Date>,
    pub footnotes: Vec<Footnote>,
    pub questions: Vec<Question>,
    pub annexes: Annexes,
    /// As written under `woo:`; the defaults are filled in by [`Dossier::publication`].
    pub woo: WooFields,
}

/// The `woo:` fields as written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WooFields {
    pub law: Option<At<redaction::Law>>,
    pub prefix: Option<At<String>>,
    pub matter: Option<At<String>>,
    pub publisher: Option<At<String>>,
    pub category: Option<At<String>>,
    /// `base_url`: where the dossier's files are published (checked to be
    /// an absolute http(s) URL).
    pub base_url: Option<At<String>>,
}

impl Dossier {
    /// How its documents are published: what `woo:` says, with defaults
    /// from the ministry (its abbreviation and TOOI identifier) and the
    /// dossier's id.
    pub fn publication(&self) -> Publication {
        let ministry = self.ministry();
        let known = woo::ministry(&ministry);
        let category = self.woo.category.as_ref().map_or(woo::DEFAULT_CATEGORY, |c| c.value.as_str());
        Publication {
            law: self.woo.law.as_ref().map_or(redaction::Law::Woo, |l| l.value),
            law_at: self.woo.law.as_ref().map(|l| l.span),
            prefix: self
                .woo
                .prefix
                .as_ref()
                .map(|p| p.value.clone())
                .or_else(|| known.map(|k| k.abbreviation.to_string()))
                .unwrap_or_else(|| "WOO".to_string()),
            matter: self.woo.matter.as_ref().map_or_else(|| self.id.value.clone(), |m| m.value.clone()),
            publisher: match &self.woo.publisher {
                Some(p) => Some((p.value.clone(), ministry.clone())),
                None => known.map(|k| (format!("{}{}", woo::MINISTRY_BASE, k.tooi), k.name.to_string())),
            },
            category: (
                format!("{}{category}", woo::CATEGORY_BASE),
                woo::category_name(category).unwrap_or(category).to_string(),
            ),
            base_url: self.woo.base_url.as_ref().map(|u| woo::folder_url(&u.value)),
        }
    }

    /// The sending ministry: as given, or derived from the answerer's role
    /// ("minister van X" → "Ministerie van X").
    pub fn ministry(&self) -> String {
        if let Some(m) = &self.ministry {
            return m.clone();
        }
        let role = self.answerer.role.as_deref().unwrap_or(&self.addressee);
        match role.split_once(" van ") {
            Some((_, dept)) => format!("Ministerie van {dept}"),
            None => role.to_string(),
        }
    }
}

/// Everything one run works on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Project {
    pub register: Register,
    pub dossiers: Vec<Dossier>,
    /// The persons withheld everywhere, and the allow list.
    pub persons: persons::Persons,
    /// The ministry record (`data/ministry.yaml`), if the data has one.
    pub ministry: Option<ministry::Ministry>,
}

/// Where an annexed report's documents were published before: the earlier
/// dossier, and each document's ID there and its link, in the report's
/// order.
#[derive(Clone, Debug, PartialEq)]
pub struct Earlier {
    pub case: String,
    pub ids: Vec<String>,
    pub links: Vec<String>,
}

impl Project {
    /// The reports of `d` (by id) that `annexes.already_published` says an
    /// earlier dossier of this data folder published, where that can be
    /// told: the earlier dossier exists and has a publication address (its
    /// `woo.base_url`, or the entry's `link`). (The checks say when not.)
    pub fn published_before(&self, d: &Dossier) -> std::collections::BTreeMap<String, Earlier> {
        let mut out = std::collections::BTreeMap::new();
        for e in &d.annexes.already_published {
            let Some(earlier) = self.dossiers.iter().find(|x| x.id.value == e.dossier.value && x.id != d.id)
            else {
                continue;
            };
            let Some(report) = self.register.reports.iter().find(|r| r.id.value == e.report.value) else {
                continue;
            };
            let publication = earlier.publication();
            let Some(base) = e.link.as_ref().map(|l| l.value.clone()).or(publication.base_url.clone()) else {
                continue;
            };
            let base = woo::folder_url(&base);
            let ids = report.document_ids(&publication);
            let links = ids.iter().map(|id| format!("{base}{}/{id}.pdf", woo::DOCUMENTS)).collect();
            out.insert(report.id.value.clone(), Earlier { case: earlier.id.value.clone(), ids, links });
        }
        out
    }
}
