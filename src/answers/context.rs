//! The variables answer templates see: `dossier`, `accounts` (register order),
//! `account` (by id), `reports` (in scope, date order, each with its `annex`),
//! `vragen` (question ids to numbers). Plain-text fields are escaped for
//! Markdown here, once; Markdown fields are passed as they are.

use crate::document::markdown::escape_plain;
use crate::model::sent::Sent;
use crate::model::{Aanhangsel, Account, Dossier, Register, Report};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize, Clone, Debug, Default)]
pub struct AccountCtx {
    pub id: String,
    pub platform: String,
    pub platform_now: Option<String>,
    /// The name to use today (`platform_now`, else `platform`).
    pub name: String,
    pub holder: String,
    pub status: String,
    pub channel: Option<String>,
    pub granted: Option<String>,
    /// The earliest day `granted` can mean (ISO), for sorting; empty dates last.
    pub granted_key: String,
    pub granted_year: Option<i32>,
    pub occasion: Option<String>,
    pub initiative: Option<&'static str>,
    /// As recorded, or the date of the earliest report in scope through it.
    pub first_used: Option<String>,
    /// How many reports in scope went through it.
    pub reports: usize,
}

#[derive(Serialize, Clone, Debug, Default)]
pub struct FactcheckCtx {
    pub date: Option<String>,
    pub by: Option<String>,
    pub url: Option<String>,
}

#[derive(Serialize, Clone, Debug, Default)]
pub struct OutcomeCtx {
    pub status: &'static str,
    pub date: Option<String>,
    /// Markdown, rendered from its template.
    pub text: String,
}

#[derive(Serialize, Clone, Debug, Default)]
pub struct ReportCtx {
    pub id: String,
    pub date: String,
    pub accounts: Vec<String>,
    pub platforms: Vec<String>,
    pub on_behalf_of: Option<String>,
    pub on_behalf_detail: Option<String>,
    pub election: Option<String>,
    pub subject: String,
    /// Markdown, rendered from its template.
    pub summary: String,
    pub items: Option<u32>,
    pub factcheck: Option<FactcheckCtx>,
    pub outcome: BTreeMap<String, OutcomeCtx>,
    /// The number of the annex that reproduces it, when annexes are made.
    pub annex: Option<usize>,
    /// Its position (1-based) among the reports through each of its accounts.
    pub volgnummer: BTreeMap<String, usize>,
}

fn esc(s: &Option<String>) -> Option<String> {
    s.as_deref().map(escape_plain)
}

pub fn account(a: &Account, in_scope: &[&Report]) -> AccountCtx {
    let through: Vec<&&Report> = in_scope.iter().filter(|r| r.went_through(&a.id.value)).collect();
    AccountCtx {
        id: a.id.value.clone(),
        platform: escape_plain(&a.platform),
        platform_now: esc(&a.platform_now),
        name: escape_plain(a.current_name()),
        holder: escape_plain(&a.holder),
        status: escape_plain(&a.status),
        channel: esc(&a.channel),
        granted: a.granted.as_ref().map(|g| g.value.to_string()),
        granted_key: a
            .granted
            .as_ref()
            .map_or_else(|| "9999-12-31".to_string(), |g| g.value.earliest().to_string()),
        granted_year: a.granted.as_ref().map(|g| g.value.year()),
        occasion: esc(&a.occasion),
        initiative: a.initiative.map(|i| i.name()),
        first_used: a
            .first_used
            .as_ref()
            .map(|f| f.value)
            .or_else(|| through.first().map(|r| r.date.value))
            .map(|d| d.to_string()),
        reports: through.len(),
    }
}

/// Each in-scope report's position (1-based) among the reports through each
/// of its accounts, in one pass.
pub fn positions(in_scope: &[&Report]) -> Vec<BTreeMap<String, usize>> {
    let mut counters: BTreeMap<&str, usize> = BTreeMap::new();
    in_scope
        .iter()
        .map(|r| {
            r.accounts
                .iter()
                .map(|acc| {
                    let n = counters.entry(acc.value.as_str()).or_insert(0);
                    *n += 1;
                    (acc.value.clone(), *n)
                })
                .collect()
        })
        .collect()
}

/// A report without its rendered texts (they are rendered with this as `report`).
pub fn report(
    r: &Report,
    reg: &Register,
    volgnummer: BTreeMap<String, usize>,
    annex: Option<usize>,
) -> ReportCtx {
    ReportCtx {
        id: r.id.value.clone(),
        date: r.date.value.to_string(),
        accounts: r.accounts.iter().map(|a| a.value.clone()).collect(),
        platforms: r
            .accounts
            .iter()
            .map(|a| {
                escape_plain(reg.account(&a.value).map_or(a.value.as_str(), |acc| acc.platform.as_str()))
            })
            .collect(),
        on_behalf_of: esc(&r.on_behalf_of),
        on_behalf_detail: esc(&r.on_behalf_detail),
        election: esc(&r.election),
        subject: escape_plain(&r.subject),
        summary: String::new(),
        items: r.items,
        factcheck: r.factcheck.as_ref().map(|f| FactcheckCtx {
            date: f.date.map(|d| d.to_string()),
            by: esc(&f.by),
            url: f.url.clone(),
        }),
        outcome: r
            .outcome
            .iter()
            .map(|o| {
                let ctx = OutcomeCtx {
                    status: o.status.name(),
                    date: o.date.map(|d| d.to_string()),
                    text: String::new(),
                };
                (o.account.value.clone(), ctx)
            })
            .collect(),
        annex,
        volgnummer,
    }
}

#[derive(Serialize, Clone, Debug, Default)]
pub struct PersonCtx {
    pub name: String,
    pub short: String,
    pub party: Option<String>,
    pub role: Option<String>,
    /// The office without the department: `minister`.
    pub title: Option<String>,
    /// The department from the role: `Binnenlandse Zaken en Koninkrijksrelaties`.
    pub department: Option<String>,
}

#[derive(Serialize, Clone, Debug, Default)]
pub struct DossierCtx {
    pub id: String,
    pub title: String,
    pub answer_title: Option<String>,
    pub submitted: String,
    pub answered: Option<String>,
    pub submitter: PersonCtx,
    /// Every member who asked, the submitter first.
    pub submitters: Vec<PersonCtx>,
    /// Who asked, as the Kamer writes it: "het lid Van Houwelingen (FVD)",
    /// "de leden Omtzigt en Van der Molen (beiden CDA)".
    pub askers: String,
    pub addressee: String,
    pub answerer: PersonCtx,
    /// "mede namens de Minister van Defensie en …", or empty.
    pub mede_namens: String,
    /// The ministry's own reference ("Ons kenmerk").
    pub reference: Option<String>,
    /// "Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 2207."
    /// when delay notices went before the answers; else empty.
    pub zie_ook: String,
    pub ministry: String,
    /// The ministry record's details for the letters' sender column, when
    /// the data has one for this dossier's ministry (`data/ministry.yaml`).
    pub sender: Option<SenderCtx>,
    pub topics: Vec<String>,
    pub documents: BTreeMap<String, String>,
    pub sources: BTreeMap<String, String>,
}

/// The ministry record as a letter template sees it (`dossier.sender`).
#[derive(Serialize, Clone, Debug, Default)]
pub struct SenderCtx {
    pub unit: Vec<String>,
    pub visiting_address: Vec<String>,
    pub postal_address: Vec<String>,
    /// The postal address on one line.
    pub return_address: Option<String>,
    pub website: Option<String>,
}

fn sender(m: &crate::model::ministry::Ministry) -> SenderCtx {
    let lines = |l: &[String]| l.iter().map(|s| escape_plain(s)).collect();
    SenderCtx {
        unit: lines(&m.unit),
        visiting_address: lines(&m.visiting_address),
        postal_address: lines(&m.postal_address),
        return_address: m.return_address().map(|s| escape_plain(&s)),
        website: esc(&m.website),
    }
}

fn person(p: &crate::model::Person) -> PersonCtx {
    let (title, department) = match p.role.as_deref().and_then(|r| r.split_once(" van ")) {
        Some((t, d)) => (Some(escape_plain(t)), Some(escape_plain(d))),
        None => (esc(&p.role), None),
    };
    PersonCtx {
        name: escape_plain(&p.name),
        short: escape_plain(&p.short),
        party: esc(&p.party),
        role: esc(&p.role),
        title,
        department,
    }
}

/// The dossier as the documents `sent` covers see it: its Kamer documents
/// as they were sent ([`Dossier::documents_as_sent`]), its own while
/// `sent` is `None`.
pub fn dossier(d: &Dossier, sent: Option<&Sent>) -> DossierCtx {
    let members: Vec<&crate::model::Person> = std::iter::once(&d.submitter).chain(&d.co_submitters).collect();
    let askers = super::dutch::leden(
        &members.iter().map(|p| (p.short.as_str(), p.party.as_deref())).collect::<Vec<_>>(),
    );
    let mede_namens = if d.co_answerers.is_empty() {
        String::new()
    } else {
        format!("mede namens {}", super::dutch::mede_namens(&d.co_answerers))
    };
    DossierCtx {
        id: d.id.value.clone(),
        title: escape_plain(&d.title),
        // Without one, the title the Kamer gives an answer.
        answer_title: Some(escape_plain(&d.answer_title.clone().unwrap_or_else(|| {
            format!("Antwoord op vragen van {} over {}", askers_short(&members), lcfirst(&d.title))
        }))),
        submitted: d.submitted.to_string(),
        answered: d.answered.map(|a| a.to_string()),
        submitter: person(&d.submitter),
        submitters: members.iter().map(|p| person(p)).collect(),
        askers: escape_plain(&askers),
        addressee: escape_plain(&d.addressee),
        answerer: person(&d.answerer),
        mede_namens: escape_plain(&mede_namens),
        reference: esc(&d.reference),
        zie_ook: zie_ook(&d.delay_notices),
        ministry: escape_plain(&d.ministry()),
        sender: d.sender.as_ref().map(sender),
        topics: d.topics.iter().map(|t| escape_plain(t)).collect(),
        documents: d.documents_as_sent(sent).iter().cloned().collect(),
        sources: d.sources.iter().cloned().collect(),
    }
}

/// The line the Kamer adds under an answer that delay notices went before:
/// "Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nrs. 1016 en
/// 1044." (numbers grouped by parliamentary year, in order).
fn zie_ook(notices: &[crate::model::DelayNotice]) -> String {
    let mut years: Vec<(&str, Vec<String>)> = Vec::new();
    for n in notices.iter().filter_map(|n| n.aanhangsel.as_ref()) {
        match years.iter_mut().find(|(y, _)| *y == n.year) {
            Some((_, numbers)) => numbers.push(n.number.to_string()),
            None => years.push((&n.year, vec![n.number.to_string()])),
        }
    }
    if years.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = years
        .iter()
        .map(|(year, numbers)| {
            let nr = if numbers.len() == 1 { "nr." } else { "nrs." };
            format!("vergaderjaar {year}, {nr} {}", super::dutch::opsomming(numbers))
        })
        .collect();
    format!("Zie ook Aanhangsel Handelingen, {}.", super::dutch::opsomming(&parts))
}

/// Who asked, without parties, as an answer's title names them: "het lid
/// Van Houwelingen", "de leden Omtzigt en Van der Molen".
fn askers_short(members: &[&crate::model::Person]) -> String {
    let names: Vec<&str> = members.iter().map(|p| p.short.as_str()).collect();
    match names.as_slice() {
        [one] => format!("het lid {one}"),
        _ => format!("de leden {}", super::dutch::opsomming(&names)),
    }
}

/// The first letter in upper case: "minister van …" → "Minister van …", as
/// the Kamer writes an office in its heading lines.
pub fn ucfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first letter in lower case: "De ‘escalatie kanalen’" → "de ‘escalatie kanalen’".
pub fn lcfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A delay notice as `uitstel.md` sees it (`uitstel`).
#[derive(Serialize, Clone, Debug)]
pub struct DelayCtx {
    /// Its place among the dossier's delay notices: 1, 2, …
    pub number: usize,
    /// When it was sent (`2022-11-25`), if known.
    pub sent: Option<String>,
    /// Why the answers are late: rendered Markdown.
    pub reason: String,
    /// The new due date it gives: three weeks more for each notice so far.
    pub due: String,
    /// Its Aanhangsel id, once published.
    pub aanhangsel: Option<String>,
}

pub fn delay(d: &Dossier, number: usize, notice: &crate::model::DelayNotice, reason: &str) -> DelayCtx {
    let weeks = 1 + number as u64;
    let due = d
        .submitted
        .earliest()
        .checked_add_days(chrono::Days::new(crate::model::deadline::TERM_DAYS * weeks))
        .map_or_else(String::new, |day| crate::model::Date::Day(day).to_string());
    DelayCtx {
        number,
        sent: notice.sent.map(|s| s.to_string()),
        reason: reason.to_string(),
        due,
        aanhangsel: notice.aanhangsel.as_ref().map(Aanhangsel::place),
    }
}

/// A follow-up answer as `nader.md` sees it (`nader`).
#[derive(Serialize, Clone, Debug)]
pub struct FollowUpCtx {
    /// When the first answers were sent (`2022-12-02`).
    pub sent: String,
    /// When this follow-up goes out (the dossier's `nader.answered`), if set.
    pub date: Option<String>,
    /// What was corrected, and why (the dossier's `nader.reason`,
    /// rendered), or empty.
    pub reason: String,
    /// The answers it replaces, by their first question (`[3, 8]`).
    pub numbers: Vec<u32>,
    /// Every question whose answer it replaces (`[3, 4, 8]`), and as words
    /// (`3, 4 en 8`).
    pub questions: Vec<u32>,
    pub answers: String,
    /// How many answers it replaces.
    pub answer_count: usize,
    /// The change in the Kamer's words, to follow "Daardoor ": "wijzigt
    /// het antwoord op vraag 3", "wijzigt het antwoord op de vragen 3 en 4"
    /// (one answer to both), "wijzigen de antwoorden op de vragen 3, 4 en
    /// 8"; empty when no answer changes.
    pub wijziging: String,
    /// "Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 914."
    /// when the first answers' Aanhangsel number is known
    /// (`documents.answer`); else empty.
    pub zie_ook: String,
    /// The first answers' place in the Aanhangsel, "vergaderjaar
    /// 2022–2023, nr. 914" (as `uitstel.aanhangsel`), once known.
    pub aanhangsel: Option<String>,
    /// The annexes it adds or replaces: `bijlage 6`, or empty; and how many.
    pub annexes: String,
    pub annex_count: usize,
}

/// What a follow-up changes, as the Kamer says it after "Daardoor ": one
/// answer to one question, one answer to several, several answers.
fn wijziging(answers: &[Vec<u32>]) -> String {
    let questions: Vec<String> = answers.iter().flatten().map(u32::to_string).collect();
    let words = super::dutch::opsomming(&questions);
    match (answers.len(), questions.len()) {
        (0, _) => String::new(),
        (1, 1) => format!("wijzigt het antwoord op vraag {words}"),
        (1, _) => format!("wijzigt het antwoord op de vragen {words}"),
        _ => format!("wijzigen de antwoorden op de vragen {words}"),
    }
}

/// The follow-up's context: `answers` holds, for each answer it replaces,
/// the questions that answer answers.
pub fn follow_up(d: &Dossier, answers: &[Vec<u32>], annexes: &[u64], reason: &str) -> FollowUpCtx {
    let questions: Vec<u32> = answers.iter().flatten().copied().collect();
    let words = super::dutch::opsomming(&questions.iter().map(u32::to_string).collect::<Vec<_>>());
    let wijziging = wijziging(answers);
    // The first answers as published, recorded since (by the time a
    // follow-up is written the Kamer has usually published them); once the
    // follow-up is sent, as its lock recorded them.
    let published = Aanhangsel::of_answers(d.documents_as_sent(d.follow_up_sent.as_ref()));
    FollowUpCtx {
        sent: d.sent.as_ref().map(|s| s.on).or(d.answered).map_or_else(String::new, |s| s.to_string()),
        date: d.nader.as_ref().and_then(|n| n.answered).map(|n| n.to_string()),
        reason: reason.to_string(),
        numbers: answers.iter().filter_map(|a| a.first().copied()).collect(),
        questions,
        answers: words,
        answer_count: answers.len(),
        wijziging,
        annexes: super::dutch::bijlagen(annexes),
        annex_count: annexes.len(),
        zie_ook: published.as_ref().map_or_else(String::new, |a| format!("Zie ook {}.", a.cited())),
        aanhangsel: published.as_ref().map(Aanhangsel::place),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_says_what_changes_as_the_kamer_does() {
        assert_eq!(wijziging(&[vec![3]]), "wijzigt het antwoord op vraag 3");
        assert_eq!(wijziging(&[vec![3, 4]]), "wijzigt het antwoord op de vragen 3 en 4");
        assert_eq!(wijziging(&[vec![3, 4], vec![5]]), "wijzigen de antwoorden op de vragen 3, 4 en 5");
        assert_eq!(
            wijziging(&[vec![4], vec![6], vec![8], vec![9]]),
            "wijzigen de antwoorden op de vragen 4, 6, 8 en 9"
        );
        assert_eq!(wijziging(&[]), "");
    }
}
