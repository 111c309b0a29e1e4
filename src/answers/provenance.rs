//! Which records each answer rests on. **The rule**: a record (an account or
//! a report) is a source of an answer when leaving it out of the register
//! changes that answer's text. That is exact for whatever a template does
//! (a count, a filter, a first date, an annex number, a name), because it
//! asks the template itself.
//!
//! Asked naively, it costs a whole render of the dossier per record. Here
//! ([`provenance`]) the answer texts alone are rendered again, against the
//! context the register without that record gives, made from the parts
//! that do not change: the other reports' values are reused unless their
//! annex number, sequence numbers or platforms change, and then only those
//! fields are set anew (their texts are rendered again only when they are
//! templates that can see those fields); an answer is rendered
//! again only when it names a variable the removal changes (`reports`,
//! `accounts`, `account`), and an answer that names only the accounts is
//! rendered once per distinct accounts context, not once per report. An
//! answer that names no record variable rests on no record. The naive
//! computation is kept as [`by_leaving_out`]; the tests hold both equal on
//! the bundled data and on generated registers.

use super::document::{answer_view, vragen};
use super::*;
use crate::model::Register;
use crate::source::Span;
use tera::Value;

/// What kind of record a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Account,
    Report,
}

impl Kind {
    /// As the documents say it.
    pub fn dutch(self) -> &'static str {
        match self {
            Kind::Account => "account",
            Kind::Report => "melding",
        }
    }
}

/// One record an answer rests on: its kind, its id and where it is written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    pub kind: Kind,
    pub id: String,
    pub span: Span,
}

/// Per answer (by the number of its question), the records it rests on:
/// accounts in register order, then reports in date order.
pub type Provenance = BTreeMap<u32, Vec<Source>>;

/// The accounts' values as a context gives them: by id, in register order.
type AccountValues = Vec<(String, Value)>;

/// The variables through which an answer template can reach records.
const RECORD_VARIABLES: [&str; 3] = ["reports", "accounts", "account"];

/// Whether `source` names `word` as a whole word (Tera names are ASCII
/// letters, digits and `_`). A template that dumps the context names them all.
fn names(source: &str, word: &str) -> bool {
    if source.contains("__tera_context") {
        return true;
    }
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    source.match_indices(word).any(|(i, _)| {
        let before = source[..i].chars().next_back();
        let after = source[i + word.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

/// The template answers of `dossier`: question number and text.
fn template_answers(dossier: &Dossier) -> Vec<(u32, &Text)> {
    dossier
        .questions
        .iter()
        .filter_map(|q| match &q.answer {
            Answer::Template(t) => Some((q.number.value, t)),
            _ => None,
        })
        .collect()
}

fn render_answer(tera: &Tera, text: &Text, view: &View) -> Option<String> {
    let mut diags = Diagnostics::default();
    render_text(tera, text, view, &mut diags).map(|s| tidy(&s).trim_end().to_string())
}

/// The answer texts of `dossier` against `project`'s register.
pub fn answer_texts(
    project: &Project,
    dossier: &Dossier,
    engine: &Engine,
    audience: Audience,
) -> BTreeMap<u32, Option<String>> {
    let scope = scope(project, dossier, engine, audience, &mut Diagnostics::default());
    let view = answer_view(dossier, &scope, audience, dossier.sent.as_ref());
    template_answers(dossier).into_iter().map(|(n, t)| (n, render_answer(engine.tera(), t, &view))).collect()
}

/// The rule as it is written: each record left out of the register in
/// turn, the whole dossier's answers rendered again and compared. Slow (a
/// render of every report's texts per record); the reference for
/// [`provenance`].
pub fn by_leaving_out(
    project: &Project,
    dossier: &Dossier,
    engine: &Engine,
    audience: Audience,
) -> Provenance {
    let base = answer_texts(project, dossier, engine, audience);
    let mut out: Provenance = base.keys().map(|n| (*n, Vec::new())).collect();
    let reg = &project.register;
    let mut records: Vec<(Source, Project)> = Vec::new();
    for (i, a) in reg.accounts.iter().enumerate() {
        let mut p = project.clone();
        p.register.accounts.remove(i);
        records.push((Source { kind: Kind::Account, id: a.id.value.clone(), span: a.id.span }, p));
    }
    // Every report, in scope or not, in date order as the answers list them.
    let mut order: Vec<usize> = (0..reg.reports.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&reg.reports[a], &reg.reports[b]);
        a.date.value.cmp(&b.date.value).then(a.id.value.cmp(&b.id.value))
    });
    for i in order {
        let r = &reg.reports[i];
        let mut p = project.clone();
        p.register.reports.remove(i);
        records.push((Source { kind: Kind::Report, id: r.id.value.clone(), span: r.id.span }, p));
    }
    for (source, p) in records {
        let without = answer_texts(&p, dossier, engine, audience);
        for (n, text) in &base {
            if without.get(n) != Some(text) {
                out.entry(*n).or_default().push(source.clone());
            }
        }
    }
    out
}

/// Whether a record text is a template (else it renders as itself,
/// whatever the context).
fn is_template(t: &Text) -> bool {
    t.value.contains("{{") || t.value.contains("{%") || t.value.contains("{#")
}

/// Whether `source`, a record text rendered with `report` in its view,
/// can see one of `fields` of it: it names one of them anywhere, or uses
/// `report` other than as `report.<field>` (whole, through a filter, by
/// key), or dumps the context. When it cannot, a change of those fields
/// leaves its render as it was.
fn sees(source: &str, fields: &[&str]) -> bool {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    source.contains("__tera_context")
        || fields.iter().any(|f| source.contains(f))
        || source.match_indices("report").any(|(i, _)| {
            let before = source[..i].chars().next_back();
            let after = source[i + "report".len()..].chars().next();
            !before.is_some_and(ident) && !after.is_some_and(ident) && after != Some('.')
        })
}

/// Whether any text of `r` is a template that can see one of `fields`.
fn texts_see(r: &Report, fields: &[&str]) -> bool {
    std::iter::once(&r.summary)
        .chain(r.outcome.iter().filter_map(|o| o.text.as_ref()))
        .any(|t| is_template(t) && sees(&t.value, fields))
}

/// `value` (a report's map) with `fields` set anew.
fn patched(value: &Value, fields: Vec<(&'static str, Value)>) -> Value {
    let mut map = value.as_map().cloned().unwrap_or_default();
    for (k, v) in fields {
        map.insert(k.into(), v);
    }
    Value::from(map)
}

/// A report's context with its texts, rendered against `rc` as
/// [`scope`] renders them; `base` is its context in the full register,
/// whose texts are reused when they are not templates.
fn report_value(
    tera: &Tera,
    r: &Report,
    mut rc: ReportCtx,
    base: &ReportCtx,
    audience: Audience,
) -> ReportCtx {
    let mut view = View::new(audience);
    view.insert("report", &rc);
    let mut d = Diagnostics::default();
    rc.summary = match is_template(&r.summary) {
        true => render_text(tera, &r.summary, &view, &mut d).map(|s| inline(&s)).unwrap_or_default(),
        false => base.summary.clone(),
    };
    for o in &r.outcome {
        let Some(text) = &o.text else { continue };
        let acc = o.account.value.as_str();
        let out = match (is_template(text), rc.outcome.get(acc)) {
            (true, Some(oc)) => {
                view.insert("outcome", oc);
                render_text(tera, text, &view, &mut d).map(|s| inline(&s)).unwrap_or_default()
            }
            _ => base.outcome.get(acc).map(|o| o.text.clone()).unwrap_or_default(),
        };
        if let Some(oc) = rc.outcome.get_mut(acc) {
            oc.text = out;
        }
    }
    rc
}

/// Per answer, the records it rests on, by the rule (see the module
/// documentation for how it is computed without a render per record).
pub fn provenance(project: &Project, dossier: &Dossier, engine: &Engine, audience: Audience) -> Provenance {
    provenance_unless(project, dossier, engine, audience, &|| false).unwrap_or_default()
}

/// [`provenance`], given up (`None`) as soon as `stop` says so (the
/// workbench: the files changed again before it was done).
pub fn provenance_unless(
    project: &Project,
    dossier: &Dossier,
    engine: &Engine,
    audience: Audience,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Provenance> {
    use rayon::prelude::*;
    let tera = engine.tera();
    let reg = &project.register;
    let scope = scope(project, dossier, engine, audience, &mut Diagnostics::default());
    let answers = template_answers(dossier);
    let base_view = answer_view(dossier, &scope, audience, dossier.sent.as_ref());
    let base: Vec<Option<String>> = answers.iter().map(|(_, t)| render_answer(tera, t, &base_view)).collect();
    let uses: Vec<[bool; 3]> = answers
        .iter()
        .map(|(_, t)| RECORD_VARIABLES.map(|w| names(&base_view.source(&t.value), w)))
        .collect();
    let shown = View::new(audience);
    let report_vals: Vec<Value> = scope.report_ctx.iter().map(|rc| shown.value(rc)).collect();
    let account_vals: Vec<Value> = scope.accounts.iter().map(|a| shown.value(a)).collect();
    let dossier_val = shown.value(&context::dossier(dossier, dossier.sent.as_ref()));
    let vragen_val = shown.value(&vragen(dossier));
    let view_of = |accounts: Vec<(String, Value)>, reports: Vec<Value>| {
        let mut view = View::new(audience);
        view.insert_value("dossier", dossier_val.clone());
        let map: BTreeMap<String, Value> = accounts.iter().cloned().collect();
        view.insert_value("accounts", Value::from(accounts.into_iter().map(|(_, v)| v).collect::<Vec<_>>()));
        view.insert_value("account", Value::from(map));
        view.insert_value("reports", Value::from(reports));
        view.insert_value("vragen", vragen_val.clone());
        view
    };
    let ids: Vec<String> = scope.accounts.iter().map(|a| a.id.clone()).collect();

    // What leaving out one record changes: the accounts' values (always
    // given whole) and, when they change, the reports' values.
    struct Without {
        source: Source,
        accounts: Vec<(String, Value)>,
        accounts_changed: bool,
        reports: Option<Vec<Value>>,
    }
    let without_account = |k: usize| -> Without {
        let a = &reg.accounts[k];
        let fewer = Register {
            accounts: reg.accounts.iter().filter(|x| x.id.value != a.id.value).cloned().collect(),
            reports: Vec::new(),
            incomplete: reg.incomplete,
        };
        let reports: Vec<Value> = scope
            .reports
            .iter()
            .zip(&scope.report_ctx)
            .zip(&report_vals)
            .map(|((r, rc), v)| match r.went_through(&a.id.value) {
                false => v.clone(),
                true if !texts_see(r, &["platforms"]) => {
                    let fresh = context::report(r, &fewer, rc.volgnummer.clone(), rc.annex);
                    patched(v, vec![("platforms", shown.value(&fresh.platforms))])
                }
                true => {
                    let fresh = context::report(r, &fewer, rc.volgnummer.clone(), rc.annex);
                    shown.value(&report_value(tera, r, fresh, rc, audience))
                }
            })
            .collect();
        let accounts = ids
            .iter()
            .zip(&account_vals)
            .filter(|(id, _)| **id != a.id.value)
            .map(|(i, v)| (i.clone(), v.clone()));
        Without {
            source: Source { kind: Kind::Account, id: a.id.value.clone(), span: a.id.span },
            accounts: accounts.collect(),
            accounts_changed: true,
            reports: (reports != report_vals).then_some(reports),
        }
    };
    let without_report = |i: usize| -> Without {
        let r = scope.reports[i];
        let fewer: Vec<&Report> =
            scope.reports.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, r)| *r).collect();
        let positions = context::positions(&fewer);
        let numbers = annex_numbers(&fewer, dossier);
        let reports: Vec<Value> = (0..scope.reports.len())
            .filter(|j| *j != i)
            .zip(positions.into_iter().zip(numbers))
            .map(|(j, (volgnummer, annex))| {
                let rc = &scope.report_ctx[j];
                match rc.volgnummer == volgnummer && rc.annex == annex {
                    true => report_vals[j].clone(),
                    false if !texts_see(scope.reports[j], &["annex", "volgnummer"]) => patched(
                        &report_vals[j],
                        vec![("annex", shown.value(&annex)), ("volgnummer", shown.value(&volgnummer))],
                    ),
                    false => {
                        let x = scope.reports[j];
                        let fresh = context::report(x, reg, volgnummer, annex);
                        shown.value(&report_value(tera, x, fresh, rc, audience))
                    }
                }
            })
            .collect();
        let mut changed = false;
        let accounts = reg
            .accounts
            .iter()
            .zip(&account_vals)
            .map(|(a, v)| match r.went_through(&a.id.value) {
                false => (a.id.value.clone(), v.clone()),
                true => {
                    let fresh = shown.value(&context::account(a, &fewer));
                    changed |= fresh != *v;
                    (a.id.value.clone(), fresh)
                }
            })
            .collect();
        Without {
            source: Source { kind: Kind::Report, id: r.id.value.clone(), span: r.id.span },
            accounts,
            accounts_changed: changed,
            reports: Some(reports),
        }
    };
    // The answers each removal changes.
    let changes = |w: Without| -> (Source, Vec<usize>) {
        let concerned: Vec<usize> = (0..answers.len())
            .filter(|&n| {
                let [reports, accounts, account] = uses[n];
                (reports && w.reports.is_some()) || ((accounts || account) && w.accounts_changed)
            })
            .collect();
        if concerned.is_empty() {
            return (w.source, Vec::new());
        }
        let reports = w.reports.unwrap_or_else(|| report_vals.clone());
        let view = view_of(w.accounts, reports);
        let changed =
            concerned.into_iter().filter(|&n| render_answer(tera, answers[n].1, &view) != base[n]).collect();
        (w.source, changed)
    };
    // Answers that name the accounts but not the reports see a report's
    // removal only through the accounts' values: rendered once per
    // distinct set of them.
    let accounts_only: Vec<usize> =
        (0..answers.len()).filter(|&n| !uses[n][0] && (uses[n][1] || uses[n][2])).collect();
    let mut found: Vec<(Source, Vec<usize>)> =
        (0..reg.accounts.len()).into_par_iter().map(|k| changes(without_account(k))).collect();
    let any_reports = uses.iter().any(|u| u[0]);
    let per_report: Vec<(Source, Vec<usize>, Option<AccountValues>)> = (0..scope.reports.len())
        .into_par_iter()
        .map(|i| {
            if stop() {
                return (
                    Source { kind: Kind::Report, id: String::new(), span: scope.reports[i].id.span },
                    Vec::new(),
                    None,
                );
            }
            let w = without_report(i);
            // The reports' answers here; the accounts-only ones below.
            let accounts = w.accounts_changed.then(|| w.accounts.clone());
            let (source, changed) = match any_reports {
                true => changes(Without { accounts_changed: false, ..w }),
                false => (w.source, Vec::new()),
            };
            let changed = changed.into_iter().filter(|n| uses[*n][0]).collect();
            (source, changed, accounts)
        })
        .collect();
    if stop() {
        return None;
    }
    let mut seen: Vec<(AccountValues, Vec<usize>)> = Vec::new();
    for (source, mut changed, accounts) in per_report {
        if let Some(accounts) = accounts.filter(|_| !accounts_only.is_empty()) {
            let hit = match seen.iter().find(|(a, _)| *a == accounts) {
                Some((_, hit)) => hit.clone(),
                None => {
                    let view = view_of(accounts.clone(), report_vals.clone());
                    let hit: Vec<usize> = accounts_only
                        .iter()
                        .copied()
                        .filter(|&n| render_answer(tera, answers[n].1, &view) != base[n])
                        .collect();
                    seen.push((accounts, hit.clone()));
                    hit
                }
            };
            changed.extend(hit);
        }
        found.push((source, changed));
    }
    let mut out: Provenance = answers.iter().map(|(n, _)| (*n, Vec::new())).collect();
    for (source, changed) in found {
        for n in changed {
            out.entry(answers[n].0).or_default().push(source.clone());
        }
    }
    Some(out)
}

/// The heading of the internal documents' appendix of sources.
pub const APPENDIX: &str = "Bronnen per antwoord";

/// The appendix "Bronnen per antwoord" of an internal answer document:
/// per answer, the records it rests on, with their file and line. Typed
/// blocks (nothing to parse); only ever in an internal document.
pub fn appendix(p: &Provenance, sources: &crate::source::Sources) -> crate::document::Section {
    use crate::document::{Block, Heading, Inline, List, Role, Section, Span as Text};
    let code = |s: &str| Text { inline: Inline::Code(s.to_string()), style: Default::default() };
    let mut blocks = vec![
        Block::Heading(Heading { level: 2, role: Role::Other, spans: vec![Text::text(APPENDIX)] }),
        Block::Paragraph(vec![Text::text(
            "Per antwoord de accounts en meldingen uit het register waarop het berust: een record is een bron \
             van een antwoord wanneer het antwoord zonder dat record anders zou luiden.",
        )]),
    ];
    for (n, list) in p {
        blocks.push(Block::Heading(Heading {
            level: 3,
            role: Role::Other,
            spans: vec![Text::text(format!("Antwoord {n}"))],
        }));
        if list.is_empty() {
            blocks.push(Block::Paragraph(vec![Text::text(
                "Berust op geen account of melding uit het register.",
            )]));
            continue;
        }
        let items = list
            .iter()
            .map(|s| {
                let file = sources.get(s.span.file);
                let (line, _) = file.line_col(s.span.start);
                vec![Block::Paragraph(vec![
                    Text::text(format!("{} ", s.kind.dutch())),
                    code(&s.id),
                    Text::text(format!(" ({}, regel {line})", file.name)),
                ])]
            })
            .collect();
        blocks.push(Block::List(List { start: None, tight: true, items }));
    }
    Section { new_page: true, blocks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_variable_is_named_as_a_whole_word_or_through_a_dump_of_the_context() {
        assert!(names("{{ reports | length }}", "reports"));
        assert!(names("{% for r in reports %}", "reports"));
        assert!(!names("{{ my_reports }} {{ reports2 }}", "reports"));
        assert!(names("{{ account.google.name }}", "account"));
        assert!(!names("{{ accounts | length }}", "account"));
        assert!(names("{{ __tera_context }}", "reports"));
    }

    #[test]
    fn a_record_text_sees_a_field_it_names_or_its_whole_record() {
        let fields = ["annex", "volgnummer"];
        assert!(!sees("op {{ report.date | datum }}", &fields));
        assert!(sees("bijlage {{ report.annex }}", &fields));
        assert!(sees("{{ report | volgnummer(account=\"x\") }}", &fields));
        assert!(sees("{{ report }}", &fields));
        assert!(sees("{% for k, v in report %}{{ v }}{% endfor %}", &fields));
        assert!(sees("{{ report[\"annex\"] }}", &fields));
        assert!(sees("{{ __tera_context }}", &fields));
    }
}
