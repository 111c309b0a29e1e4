//! Which records each answer rests on. **The rule**: a record (an account or
//! a report) is a source of an answer when leaving it out of the register
//! changes that answer's text. That is exact for whatever a template does
//! (a count, a filter, a first date, an annex number, a name), because it
//! asks the template itself.
//!
//! Asked naively, it costs a whole render of the dossier per record. Here
//! ([`provenance`]) an account's removal renders the answers again against
//! a context made from the parts that do not change (there are few
//! accounts). A report's removal is decided per answer without a render
//! wherever that can be proved:
//!
//! - an answer that names no record variable rests on no record;
//! - an answer whose template [`access`] can read (on Tera's syntax tree)
//!   sees the reports only through its selections (`reports | via(…)`,
//!   `filter`, `reject` with literal arguments, or `reports` whole), and of
//!   the reports they keep only some fields. Its input with report `i` left
//!   out is then those kept reports but `i`, with the annex and sequence
//!   numbers that shift after `i` (and the texts that print them), and the
//!   accounts' values when it names them. So: when `i` is not kept and
//!   shifts nothing it sees, the answer is the same, unrendered; when `i`
//!   is kept, it is rendered against the kept reports alone, projected on
//!   the fields it reads; otherwise every removal that shifts the same seen
//!   numbers and changes the same accounts gives it the same input, which
//!   is rendered once ([`Key::Shared`]);
//! - an answer the analysis cannot read (it prints a report whole, names a
//!   field through a variable, …) is rendered against the whole register
//!   without the report, for every report.
//!
//! A render is compared with the full text as it is written
//! ([`TidyCompare`]) and stops at the first changed line. The naive
//! computation is kept as [`by_leaving_out`]; the tests hold both equal on
//! the bundled data, on generated registers and on answers made of
//! generated pieces (`tests/suite/workbench.rs`).

use super::access;
use super::document::{answer_view, vragen};
use super::markdown::TidyCompare;
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

/// `value` (a report's map) with only its id and `fields`.
fn projected(value: &Value, fields: &std::collections::BTreeSet<String>) -> Value {
    let Some(map) = value.as_map() else { return value.clone() };
    let keep = |k: &str| k == "id" || fields.contains(k);
    let kept: tera::Map = map
        .iter()
        .filter(|(k, _)| k.as_str().is_some_and(keep))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Value::from(kept)
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

/// How leaving out a report can reach one answer.
enum Reach {
    /// It names no record variable.
    Never,
    /// Opaque to the analysis ([`access`]), or its render fails: every
    /// removal is rendered.
    Every,
    /// Through what the analysis found.
    Through(Plan),
}

/// What of the reports one answer can see, by their place in scope.
struct Plan {
    /// The reports its selections keep: leaving one out changes its input.
    members: Vec<bool>,
    /// The kept reports whose annex number it can see (printed, or in a
    /// text it prints), with a number a removal before them shifts.
    annexes: Vec<usize>,
    /// Per account, the kept reports through it whose sequence number it
    /// can see.
    numbers: BTreeMap<String, Vec<usize>>,
    /// Whether it names the accounts (whose counts a removal changes).
    accounts: bool,
}

impl Plan {
    fn accounts_only(reports: usize) -> Plan {
        Plan { members: vec![false; reports], annexes: Vec::new(), numbers: BTreeMap::new(), accounts: true }
    }
}

/// What leaving out one report gives one answer as its input.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// The same input: the answer cannot change.
    Unchanged,
    /// An input of its own: rendered.
    Own,
    /// An input every removal with this key gives alike: rendered once.
    /// The annex numbers that shift (from which seen annex on), the
    /// sequence numbers that shift (per account, from which on), and the
    /// accounts whose values change (and whether their first report goes).
    Shared(Option<usize>, Vec<(String, usize)>, Vec<(String, bool)>),
}

/// Which reports (by their place in `reports`) the selections of `access`
/// keep, found with one render of each selection against the reports
/// carrying their place in [`access::INDEX_FIELD`]; `None` when one fails.
/// The selections keep a report by its own fields, none of which a
/// removal changes, so this holds for every register with one report less.
fn members(tera: &Tera, access: &access::Access, indexed: &View, reports: usize) -> Option<Vec<bool>> {
    let mut out = vec![false; reports];
    if access.selections.contains("reports") {
        return Some(vec![true; reports]);
    }
    for selection in &access.selections {
        let source =
            format!("{{% for r in {selection} %}}{{{{ r.{} }}}},{{% endfor %}}", access::INDEX_FIELD);
        let listed = super::limits::render_str(tera, &source, indexed.context()).ok()?;
        for k in listed.split(',').filter(|s| !s.is_empty()) {
            *out.get_mut(k.parse::<usize>().ok()?)? = true;
        }
    }
    Some(out)
}

/// Whether `text` rendered against `view` differs from `base`, its text in
/// the full register (`None`: its render failed there). A render that
/// can be compared stops at its first changed line.
fn differs(tera: &Tera, text: &Text, view: &View, base: Option<&str>) -> bool {
    let Some(base) = base else {
        return render_answer(tera, text, view).is_some();
    };
    let mut compare = TidyCompare::new(base, super::limits::MAX_OUTPUT);
    match super::limits::render_str_to(tera, &view.source(&text.value), view.context(), &mut compare) {
        Ok(()) => !compare.equal(),
        Err(_) => true,
    }
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
    // Whether report `k`'s texts are templates that can see its annex or
    // its sequence numbers (then a shift of them renders them again).
    let texts_see_annex: Vec<bool> = scope.reports.iter().map(|r| texts_see(r, &["annex"])).collect();
    let texts_see_number: Vec<bool> = scope.reports.iter().map(|r| texts_see(r, &["volgnummer"])).collect();
    // Report `k`'s value with other sequence and annex numbers: patched
    // in, its texts rendered again when they can see them.
    let renumbered = |k: usize, volgnummer: BTreeMap<String, usize>, annex: Option<usize>| -> Value {
        let (r, rc) = (scope.reports[k], &scope.report_ctx[k]);
        match texts_see_annex[k] || texts_see_number[k] {
            false => patched(
                &report_vals[k],
                vec![("annex", shown.value(&annex)), ("volgnummer", shown.value(&volgnummer))],
            ),
            true => {
                let fresh = context::report(r, reg, volgnummer, annex);
                shown.value(&report_value(tera, r, fresh, rc, audience))
            }
        }
    };
    // The reports in scope but report `i`.
    let fewer = |i: usize| -> Vec<&Report> {
        scope.reports.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, r)| *r).collect()
    };
    // The reports' values with report `i` left out, every number shifted.
    let without_report = |i: usize, fewer: &[&Report]| -> Vec<Value> {
        let positions = context::positions(fewer);
        let numbers = annex_numbers(fewer, dossier);
        (0..scope.reports.len())
            .filter(|j| *j != i)
            .zip(positions.into_iter().zip(numbers))
            .map(|(j, (volgnummer, annex))| {
                let rc = &scope.report_ctx[j];
                match rc.volgnummer == volgnummer && rc.annex == annex {
                    true => report_vals[j].clone(),
                    false => renumbered(j, volgnummer, annex),
                }
            })
            .collect()
    };
    // The accounts' values with report `i` left out.
    let accounts_without = |i: usize, fewer: &[&Report]| -> Vec<(String, Value)> {
        let r = scope.reports[i];
        reg.accounts
            .iter()
            .zip(&account_vals)
            .map(|(a, v)| match r.went_through(&a.id.value) {
                false => (a.id.value.clone(), v.clone()),
                true => (a.id.value.clone(), shown.value(&context::account(a, fewer))),
            })
            .collect()
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
    let mut found: Vec<(Source, Vec<usize>)> =
        (0..reg.accounts.len()).into_par_iter().map(|k| changes(without_account(k))).collect();
    // A report's removal, per answer (see the module documentation): how
    // it can reach the answer, and which removals give it the same input.
    let kept = dossier.last_sent().map(|s| s.annex_numbers()).unwrap_or_default();
    let n_reports = scope.reports.len();
    let fresh: Vec<bool> = (0..n_reports)
        .map(|k| {
            scope.report_ctx[k].annex.is_some() && !kept.contains_key(scope.reports[k].id.value.as_str())
        })
        .collect();
    let mut first_through: BTreeMap<&str, usize> = BTreeMap::new();
    for (k, r) in scope.reports.iter().enumerate() {
        for a in &r.accounts {
            first_through.entry(a.value.as_str()).or_insert(k);
        }
    }
    let indexed = view_of(
        ids.iter().cloned().zip(account_vals.iter().cloned()).collect(),
        report_vals
            .iter()
            .enumerate()
            .map(|(k, v)| patched(v, vec![(access::INDEX_FIELD, Value::from(k))]))
            .collect(),
    );
    let accesses: Vec<Option<access::Access>> = (0..answers.len())
        .map(|n| match uses[n][0] && base[n].is_some() {
            true => access::of(&base_view.source(&answers[n].1.value)),
            false => None,
        })
        .collect();
    let plans: Vec<Reach> = (0..answers.len())
        .map(|n| {
            let [names_reports, accounts, account] = uses[n];
            let names_accounts = accounts || account;
            if !names_reports {
                return match names_accounts {
                    true => Reach::Through(Plan::accounts_only(n_reports)),
                    false => Reach::Never,
                };
            }
            let Some(access) = &accesses[n] else {
                return Reach::Every;
            };
            let Some(members) = members(tera, access, &indexed, n_reports) else {
                return Reach::Every;
            };
            let sees = |f: &str| access.fields.contains(f);
            let texts = sees("summary") || sees("outcome");
            let mut plan =
                Plan { members, annexes: Vec::new(), numbers: BTreeMap::new(), accounts: names_accounts };
            for k in (0..n_reports).filter(|&k| plan.members[k]) {
                if fresh[k] && (sees("annex") || texts && texts_see_annex[k]) {
                    plan.annexes.push(k);
                }
                if sees("volgnummer") || texts && texts_see_number[k] {
                    for a in &scope.reports[k].accounts {
                        plan.numbers.entry(a.value.clone()).or_default().push(k);
                    }
                }
            }
            Reach::Through(plan)
        })
        .collect();
    // Report `k`'s value with its annex number one lower (when `annex`)
    // and its sequence numbers lowered by `numbers`, its texts rendered
    // again when they can see them.
    let shifted = |k: usize, annex: bool, numbers: &BTreeMap<&str, usize>| -> Value {
        let rc = &scope.report_ctx[k];
        let mut volgnummer = rc.volgnummer.clone();
        for (a, d) in numbers {
            if let Some(v) = volgnummer.get_mut(*a) {
                *v -= d;
            }
        }
        renumbered(k, volgnummer, rc.annex.map(|a| if annex { a - 1 } else { a }))
    };
    // Per answer the analysis reads, its reports as it sees them: only
    // the ones it keeps, only the fields it reads (and the id), and those
    // whose annex number it sees also with that number one lower.
    struct Seen {
        values: Vec<Value>,
        annex_lower: BTreeMap<usize, Value>,
        fields: std::collections::BTreeSet<String>,
    }
    let seen: Vec<Option<Seen>> = plans
        .iter()
        .zip(&accesses)
        .map(|(p, a)| match (p, a) {
            (Reach::Through(plan), Some(a)) => {
                let values = (0..n_reports)
                    .map(|k| match plan.members[k] {
                        true => projected(&report_vals[k], &a.fields),
                        false => Value::none(),
                    })
                    .collect();
                let annex_lower = plan
                    .annexes
                    .iter()
                    .map(|&k| (k, projected(&shifted(k, true, &BTreeMap::new()), &a.fields)))
                    .collect();
                Some(Seen { values, annex_lower, fields: a.fields.clone() })
            }
            _ => None,
        })
        .collect();
    // The reports answer `n` (through its plan) gets with report `i` left
    // out: its view of the register without `i`, item for item.
    let through_input = |plan: &Plan, seen: &Seen, i: usize| -> Vec<Value> {
        let r = scope.reports[i];
        (0..n_reports)
            .filter(|&k| k != i && plan.members[k])
            .map(|k| {
                let annex = fresh[i] && k > i && plan.annexes.binary_search(&k).is_ok();
                let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
                if k > i {
                    for a in &r.accounts {
                        if plan.numbers.get(&a.value).is_some_and(|l| l.binary_search(&k).is_ok()) {
                            *numbers.entry(a.value.as_str()).or_default() += 1;
                        }
                    }
                }
                match (annex, numbers.is_empty()) {
                    (false, true) => seen.values[k].clone(),
                    (true, true) => seen.annex_lower[&k].clone(),
                    _ => projected(&shifted(k, annex, &numbers), &seen.fields),
                }
            })
            .collect()
    };
    let recorded_first = |a: &str| reg.account(a).is_some_and(|x| x.first_used.is_some());
    let key = |plan: &Plan, i: usize| -> Key {
        if plan.members[i] {
            return Key::Own;
        }
        let after = |list: &Vec<usize>| list.last().is_some_and(|&k| k > i);
        let before = |list: &Vec<usize>| list.partition_point(|&k| k < i);
        let r = scope.reports[i];
        let annex = (fresh[i] && after(&plan.annexes)).then(|| before(&plan.annexes));
        let numbers: Vec<(String, usize)> = r
            .accounts
            .iter()
            .filter_map(|a| {
                plan.numbers.get(&a.value).filter(|l| after(l)).map(|l| (a.value.clone(), before(l)))
            })
            .collect();
        let accounts: Vec<(String, bool)> = match plan.accounts {
            true => r
                .accounts
                .iter()
                .map(|a| {
                    let first = first_through.get(a.value.as_str()) == Some(&i) && !recorded_first(&a.value);
                    (a.value.clone(), first)
                })
                .collect(),
            false => Vec::new(),
        };
        match annex.is_none() && numbers.is_empty() && accounts.is_empty() {
            true => Key::Unchanged,
            false => Key::Shared(annex, numbers, accounts),
        }
    };
    // Per removal, the answers to render: each one it reaches on its own,
    // and each shared input the first time it is met.
    let mut keys: Vec<Vec<Key>> = Vec::with_capacity(n_reports);
    let mut first_with: BTreeMap<(usize, Key), usize> = BTreeMap::new();
    let mut tasks: Vec<Vec<usize>> = vec![Vec::new(); n_reports];
    for (i, task) in tasks.iter_mut().enumerate() {
        let row: Vec<Key> = plans
            .iter()
            .map(|p| match p {
                Reach::Never => Key::Unchanged,
                Reach::Every => Key::Own,
                Reach::Through(plan) => key(plan, i),
            })
            .collect();
        for (n, k) in row.iter().enumerate() {
            match k {
                Key::Unchanged => {}
                Key::Own => task.push(n),
                shared => {
                    if let std::collections::btree_map::Entry::Vacant(e) =
                        first_with.entry((n, shared.clone()))
                    {
                        e.insert(i);
                        task.push(n);
                    }
                }
            }
        }
        keys.push(row);
    }
    let rendered: Vec<Option<Vec<usize>>> = (0..n_reports)
        .into_par_iter()
        .map(|i| {
            if tasks[i].is_empty() {
                return Some(Vec::new());
            }
            if stop() {
                return None;
            }
            // The whole register without `i` for an opaque answer; the
            // accounts without it for one that names them.
            let whole = tasks[i].iter().any(|&n| matches!(plans[n], Reach::Every));
            let names_accounts = |n: usize| matches!(&plans[n], Reach::Through(p) if p.accounts);
            let fewer = (whole || tasks[i].iter().any(|&n| names_accounts(n))).then(|| fewer(i));
            let accounts = match &fewer {
                Some(fewer) => accounts_without(i, fewer),
                None => ids.iter().cloned().zip(account_vals.iter().cloned()).collect(),
            };
            let full_view =
                fewer.filter(|_| whole).map(|fewer| view_of(accounts.clone(), without_report(i, &fewer)));
            let changed = tasks[i].iter().copied().filter(|&n| {
                let text = answers[n].1;
                match (&plans[n], &seen[n], &full_view) {
                    (Reach::Through(plan), Some(seen), _) => {
                        let view = view_of(accounts.clone(), through_input(plan, seen, i));
                        differs(tera, text, &view, base[n].as_deref())
                    }
                    (Reach::Through(_), None, _) => {
                        // An answer that names only the accounts.
                        let view = view_of(accounts.clone(), report_vals.clone());
                        differs(tera, text, &view, base[n].as_deref())
                    }
                    (_, _, Some(view)) => differs(tera, text, view, base[n].as_deref()),
                    (_, _, None) => true,
                }
            });
            Some(changed.collect())
        })
        .collect();
    if stop() {
        return None;
    }
    let rendered = rendered.into_iter().collect::<Option<Vec<_>>>()?;
    for (i, row) in keys.iter().enumerate() {
        let changed: Vec<usize> = row
            .iter()
            .enumerate()
            .filter(|(n, k)| match k {
                Key::Unchanged => false,
                Key::Own => rendered[i].contains(n),
                shared => rendered[first_with[&(*n, (*shared).clone())]].contains(n),
            })
            .map(|(n, _)| n)
            .collect();
        let r = scope.reports[i];
        found.push((Source { kind: Kind::Report, id: r.id.value.clone(), span: r.id.span }, changed));
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
