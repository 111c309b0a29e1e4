//! Unknown names in a template, found on its syntax tree: a variable, a
//! filter, or a field of a report, an account or an outcome that does not
//! exist, each told at the name, with the nearest known one ("bedoelt u
//! `reports`?"). Tera says only what went wrong where the unknown value
//! was used (`expected &[Value] but got undefined` at the filter); this
//! says which name was wrong. A field that exists but is empty is not
//! found here, so its own message ("is the field empty?") still says so.

use super::context::{AccountCtx, DossierCtx, OutcomeCtx, PersonCtx, ReportCtx};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use tera::ast::{ArrayEntry, Expression, MapEntry, Node};

/// Tera's own filters (the vendored 2.4.0), beside ours.
pub const TERA_FILTERS: &[&str] = &[
    "safe",
    "default",
    "upper",
    "lower",
    "wordcount",
    "escape",
    "escape_html",
    "escape_xml",
    "newlines_to_br",
    "pluralize",
    "trim",
    "trim_start",
    "trim_end",
    "replace",
    "capitalize",
    "title",
    "truncate",
    "indent",
    "str",
    "int",
    "float",
    "length",
    "reverse",
    "split",
    "abs",
    "round",
    "first",
    "last",
    "nth",
    "join",
    "sort",
    "unique",
    "get",
    "values",
    "keys",
    "pairs",
    "group_by",
];

/// One unknown name: where it is in the source, and what is said of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unknown {
    pub range: Range<usize>,
    pub message: String,
    pub hint: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    Other,
    Reports,
    Report,
    Accounts,
    Account,
    /// `account`: the accounts by id.
    AccountMap,
    /// A report's `outcome`: by account id.
    Outcomes,
    Outcome,
    Dossier,
    Person,
}

pub(super) fn fields<T: serde::Serialize + Default>() -> Vec<String> {
    match serde_json::to_value(T::default()) {
        Ok(serde_json::Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// The type a variable given to a template has, by its name.
fn given(name: &str) -> Ty {
    match name {
        "reports" => Ty::Reports,
        "report" => Ty::Report,
        "accounts" => Ty::Accounts,
        "account" => Ty::AccountMap,
        "outcome" => Ty::Outcome,
        "dossier" => Ty::Dossier,
        _ => Ty::Other,
    }
}

/// The unknown names in `source`, a template given `variables`, in source
/// order, each once. Nothing when it does not parse (Tera says why).
pub fn unknown(source: &str, variables: &[&str]) -> Vec<Unknown> {
    let Ok(Some(nodes)) = tera::parse_body(source) else { return Vec::new() };
    let mut w = Walk {
        source,
        variables: variables.iter().map(|v| v.to_string()).collect(),
        locals: BTreeMap::new(),
        found: Vec::new(),
        report: fields::<ReportCtx>(),
        account: fields::<AccountCtx>(),
        outcome: fields::<OutcomeCtx>(),
        dossier: fields::<DossierCtx>(),
        person: fields::<PersonCtx>(),
    };
    // The names a template binds, anywhere, with their types (two passes:
    // a binding may use one made later in the text).
    for _ in 0..2 {
        w.found.clear();
        w.nodes(&nodes);
    }
    let mut seen = BTreeSet::new();
    w.found.retain(|u| seen.insert(u.range.start));
    w.found.sort_by_key(|u| u.range.start);
    w.found
}

/// What is said of an unknown filter `name`: the message, with the nearest
/// known filter, and the hint that lists them all.
pub fn unknown_filter(name: &str) -> (String, String) {
    let known = super::filters::OURS.iter().chain(TERA_FILTERS).copied();
    let message = match crate::diag::nearest(name, known) {
        Some(n) => crate::tr!("template-unknown-filter-nearest", name = name, nearest = n),
        None => crate::tr!("template-unknown-filter", name = name),
    };
    let hint = crate::tr!(
        "template-filters",
        ours = super::filters::OURS.join(", "),
        tera = TERA_FILTERS.join(", ")
    );
    (message, hint)
}

struct Walk<'s> {
    source: &'s str,
    variables: Vec<String>,
    locals: BTreeMap<String, Ty>,
    found: Vec<Unknown>,
    report: Vec<String>,
    account: Vec<String>,
    outcome: Vec<String>,
    dossier: Vec<String>,
    person: Vec<String>,
}

fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

impl Walk<'_> {
    fn bind(&mut self, name: &str, ty: Ty) {
        let t = self.locals.entry(name.to_string()).or_insert(ty);
        if *t != ty {
            *t = Ty::Other;
        }
    }

    /// The byte range of `name` at the end of `span` (an attribute or a
    /// filter's name), or the whole span.
    fn name_at(&self, span: &tera::Span, name: &str) -> Range<usize> {
        let r = span.range.clone();
        match self.source.get(r.clone()) {
            Some(text) => match text.rfind(name) {
                Some(i) if text.ends_with(name) => r.start + i..r.end,
                _ => match text.find(name) {
                    Some(i) => r.start + i..r.start + i + name.len(),
                    None => r,
                },
            },
            None => r,
        }
    }

    fn push(&mut self, range: Range<usize>, message: String, hint: String) {
        self.found.push(Unknown { range, message, hint });
    }

    fn unknown_variable(&mut self, name: &str, span: &tera::Span) {
        let mut known: Vec<String> = self.variables.clone();
        known.extend(self.locals.keys().cloned());
        known.push("loop".into());
        let nearest = crate::diag::nearest(name, known.iter().map(String::as_str)).map(str::to_string);
        let message = match nearest {
            Some(n) => crate::tr!("template-unknown-variable-nearest", name = name, nearest = n),
            None => crate::tr!("template-unknown-variable", name = name),
        };
        let hint = crate::tr!("template-variables", names = quoted(&self.variables));
        self.push(span.range.clone(), message, hint);
    }

    fn fields_of(&self, of: Ty) -> Option<(&Vec<String>, &'static str)> {
        match of {
            Ty::Report => Some((&self.report, "report")),
            Ty::Account => Some((&self.account, "account")),
            Ty::Outcome => Some((&self.outcome, "outcome")),
            Ty::Dossier => Some((&self.dossier, "dossier")),
            Ty::Person => Some((&self.person, "person")),
            _ => None,
        }
    }

    fn unknown_field(&mut self, of: Ty, name: &str, span: &tera::Span) {
        let Some((list, what)) = self.fields_of(of) else { return };
        let list = list.clone();
        let nearest = crate::diag::nearest(name, list.iter().map(String::as_str)).map(str::to_string);
        let message = match nearest {
            Some(n) => crate::tr!("template-unknown-field-nearest", name = name, of = what, nearest = n),
            None => crate::tr!("template-unknown-field", name = name, of = what),
        };
        let hint = crate::tr!("template-fields", of = what, names = quoted(&list));
        let range = self.name_at(span, name);
        self.push(range, message, hint);
    }

    fn unknown_filter(&mut self, name: &str, span: &tera::Span) {
        let (message, hint) = unknown_filter(name);
        let range = self.name_at(span, name);
        self.push(range, message, hint);
    }

    fn nodes(&mut self, nodes: &[Node]) {
        for n in nodes {
            match n {
                Node::Content(_) | Node::Break | Node::Continue | Node::Include(_) => {}
                Node::Expression(e) => {
                    self.ty(e);
                }
                Node::Set(s) => {
                    let t = self.ty(&s.value);
                    self.bind(&s.name, t);
                }
                Node::BlockSet(s) => {
                    s.filters.iter().for_each(|f| {
                        self.ty(f);
                    });
                    self.nodes(&s.body);
                    self.bind(&s.name, Ty::Other);
                }
                Node::ForLoop(f) => {
                    let target = self.ty(&f.target);
                    let item = match (target, &f.key) {
                        (Ty::Reports, None) => Ty::Report,
                        (Ty::Accounts, None) => Ty::Account,
                        (Ty::AccountMap, Some(_)) => Ty::Account,
                        (Ty::Outcomes, Some(_)) => Ty::Outcome,
                        _ => Ty::Other,
                    };
                    self.bind(&f.value, item);
                    if let Some(k) = &f.key {
                        self.bind(k, Ty::Other);
                    }
                    self.nodes(&f.body);
                    self.nodes(&f.else_body);
                }
                Node::If(i) => {
                    self.ty(&i.expr);
                    self.nodes(&i.body);
                    self.nodes(&i.false_body);
                }
                Node::FilterSection(f) => {
                    f.filters.iter().for_each(|e| {
                        self.ty(e);
                    });
                    self.nodes(&f.body);
                }
                Node::Block(b) => self.nodes(&b.body),
            }
        }
    }

    fn ty(&mut self, e: &Expression) -> Ty {
        match e {
            Expression::Const(_) => Ty::Other,
            Expression::Array(a) => {
                for item in &a.items {
                    match item {
                        ArrayEntry::Item(e) | ArrayEntry::Spread(e) => {
                            self.ty(e);
                        }
                    }
                }
                Ty::Other
            }
            Expression::Map(m) => {
                for entry in &m.entries {
                    match entry {
                        MapEntry::KeyValue { value, .. } => self.ty(value),
                        MapEntry::Spread(e) => self.ty(e),
                    };
                }
                Ty::Other
            }
            Expression::Var(v) => {
                let name = v.name.as_str();
                if let Some(t) = self.locals.get(name) {
                    return *t;
                }
                if self.variables.iter().any(|x| x == name) {
                    return given(name);
                }
                if !matches!(name, "loop" | "caller" | "self") && !name.starts_with("__tera") {
                    self.unknown_variable(name, v.span());
                }
                Ty::Other
            }
            Expression::GetAttr(g) => {
                let of = self.ty(&g.expr);
                let name = g.name.as_str();
                match of {
                    Ty::Report | Ty::Account | Ty::Outcome | Ty::Dossier | Ty::Person => {
                        let known = self.fields_of(of).is_some_and(|(l, _)| l.iter().any(|f| f == name));
                        if !known {
                            self.unknown_field(of, name, g.span());
                            return Ty::Other;
                        }
                        match (of, name) {
                            (Ty::Report, "outcome") => Ty::Outcomes,
                            (Ty::Dossier, "submitter" | "answerer") => Ty::Person,
                            _ => Ty::Other,
                        }
                    }
                    Ty::AccountMap => Ty::Account,
                    Ty::Outcomes => Ty::Outcome,
                    _ => Ty::Other,
                }
            }
            Expression::GetItem(g) => {
                let of = self.ty(&g.expr);
                self.ty(&g.sub_expr);
                match of {
                    Ty::Reports => Ty::Report,
                    Ty::Accounts | Ty::AccountMap => Ty::Account,
                    Ty::Outcomes => Ty::Outcome,
                    _ => Ty::Other,
                }
            }
            Expression::Slice(s) => {
                for part in [&s.start, &s.end, &s.step].into_iter().flatten() {
                    self.ty(part);
                }
                self.ty(&s.expr)
            }
            Expression::Filter(f) => {
                let of = self.ty(&f.expr);
                f.kwargs.values().for_each(|e| {
                    self.ty(e);
                });
                let name = f.name.as_str();
                let known = super::filters::OURS.contains(&name) || TERA_FILTERS.contains(&name);
                if !known {
                    self.unknown_filter(name, f.span());
                    return Ty::Other;
                }
                match (of, name) {
                    (Ty::Reports, "via" | "filter" | "reject" | "sort" | "reverse" | "unique") => Ty::Reports,
                    (Ty::Reports, "first" | "last" | "nth") => Ty::Report,
                    (Ty::Accounts, "filter" | "reject" | "sort" | "reverse" | "unique") => Ty::Accounts,
                    (Ty::Accounts, "first" | "last" | "nth") => Ty::Account,
                    _ => Ty::Other,
                }
            }
            Expression::Test(t) => {
                self.ty(&t.expr);
                t.kwargs.values().for_each(|e| {
                    self.ty(e);
                });
                Ty::Other
            }
            Expression::Ternary(t) => {
                self.ty(&t.expr);
                let a = self.ty(&t.true_expr);
                let b = self.ty(&t.false_expr);
                if a == b { a } else { Ty::Other }
            }
            Expression::ListComprehension(l) => {
                let target = self.ty(&l.target);
                let item = match target {
                    Ty::Reports => Ty::Report,
                    Ty::Accounts => Ty::Account,
                    _ => Ty::Other,
                };
                self.bind(&l.value, item);
                self.ty(&l.expr);
                if let Some(c) = &l.condition {
                    self.ty(c);
                }
                Ty::Other
            }
            Expression::ComponentCall(_) => Ty::Other,
            Expression::FunctionCall(f) => {
                f.kwargs.values().for_each(|e| {
                    self.ty(e);
                });
                Ty::Other
            }
            Expression::UnaryOperation(u) => {
                self.ty(&u.expr);
                Ty::Other
            }
            Expression::BinaryOperation(b) => {
                self.ty(&b.left);
                self.ty(&b.right);
                Ty::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GIVEN: &[&str] = &["account", "accounts", "dossier", "reports", "vragen"];

    fn names(source: &str) -> Vec<(String, String)> {
        crate::i18n::set(crate::i18n::Lang::En);
        unknown(source, GIVEN).into_iter().map(|u| (source[u.range].to_string(), u.message)).collect()
    }

    #[test]
    fn a_misspelt_variable_filter_or_field_is_told_at_its_name_with_the_nearest() {
        let found = names("{{ reprots | bijlagen }}");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "reprots");
        assert!(found[0].1.contains("`reports`"), "{}", found[0].1);
        let found = names("{{ meldingen | lenght }}{% set meldingen = reports | via(account=\"x\") %}");
        assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["lenght"]);
        assert!(found[0].1.contains("`length`"), "{}", found[0].1);
        let found = names("{% set laatste = reports | last %}{{ laatste.dat | datum }}");
        assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["dat"]);
        assert!(found[0].1.contains("`date`"), "{}", found[0].1);
        let found =
            names("{% for r in reports %}{{ r.outcome.facebook.txt }}{% endfor %}{{ account.google.nam }}");
        assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["txt", "nam"]);
    }

    #[test]
    fn what_exists_is_not_unknown() {
        for source in [
            "{% set m = reports | via(account=\"facebook\") %}{% for r in m %}{{ loop.index }} {{ r.date | datum }} {{ r.outcome.facebook.text }}{% endfor %}",
            "{{ accounts | map(attribute=\"name\") | opsomming }} {{ account.twitter.granted }} {{ vragen.status }}",
            "{% set x %}a{% endset %}{{ x | upper }}",
        ] {
            assert_eq!(names(source), Vec::<(String, String)>::new(), "{source}");
        }
    }
}
