//! What an answer template can read of the reports, found on Tera's syntax
//! tree: the selections it takes of `reports` and the fields of a report it
//! can see. [`super::provenance`] uses it to know, without rendering, that
//! leaving a report out cannot change an answer.
//!
//! The analysis gives a type to every expression — the list of reports (or
//! a part of it), one report, or anything else — and admits only the uses
//! whose meaning it knows: a report's field by name, a list filtered,
//! sorted or mapped by a named attribute, counted, reversed, its first,
//! last or n-th report, a report's `volgnummer`, a list's `bijlagen`, a
//! loop over a list, a list or report as a condition. Any other use of a
//! report or a list of them (printing it whole, comparing it, a loop over
//! its keys, an include, an unknown filter, a field named by a variable, a
//! rebound `reports`, the whole context) makes the template *opaque*: then
//! nothing is assumed and every removal is rendered.
//!
//! What it promises ([`Access`]): the template reads `reports` only through
//! its [`Access::selections`] — `reports` filtered by `via`, `filter` or
//! `reject` with literal arguments, each keeping a report by its own fields,
//! or `reports` whole — and of the reports it keeps only the fields in
//! [`Access::fields`]. So its text is a function of those sublists, each
//! projected on those fields.

use std::collections::{BTreeMap, BTreeSet};
use tera::ast::{ArrayEntry, Expression, MapEntry, Node};

/// The field a selection's index is carried in while its members are found
/// (a template that names it is opaque).
pub const INDEX_FIELD: &str = "__beantwoord_k";

/// The fields of a report whose value can change when another report is
/// left out (annex and sequence numbers, and the texts that may print
/// them): a selection that keeps reports by one of them is opaque.
const SHIFTING: [&str; 4] = ["annex", "volgnummer", "summary", "outcome"];

/// What a template that is not opaque reads of the reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Access {
    /// Each selection's source text as the template writes it
    /// (`reports | via(account="facebook")`; `reports` for the whole list).
    pub selections: BTreeSet<String>,
    /// The fields of a kept report the template can read (the first part
    /// of an attribute path: `outcome` for `r.outcome.facebook.text`).
    pub fields: BTreeSet<String>,
}

/// What `source` reads of the reports, or `None` when it is opaque (or
/// does not parse: then its render fails the same way every time).
pub fn of(source: &str) -> Option<Access> {
    if source.contains(INDEX_FIELD) || source.contains("__tera_context") {
        return None;
    }
    let nodes = tera::parse_body(source).ok()??;
    // The bindings are found flow-insensitively: each pass may bind a name
    // a later one reads, so the walk is repeated until they settle.
    let mut walk =
        Walk { source, env: BTreeMap::new(), access: Access::default(), opaque: false, grew: false };
    for _ in 0..16 {
        walk.grew = false;
        walk.access = Access::default();
        walk.nodes(&nodes);
        if walk.opaque {
            return None;
        }
        if !walk.grew {
            return Some(walk.access);
        }
    }
    None
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    Other,
    /// A list of reports.
    List,
    /// One report.
    Item,
}

struct Walk<'s> {
    source: &'s str,
    env: BTreeMap<String, Ty>,
    access: Access,
    opaque: bool,
    grew: bool,
}

fn literal_str(e: &Expression) -> Option<String> {
    match e {
        Expression::Const(c) => c.as_str().map(str::to_string),
        _ => None,
    }
}

impl Walk<'_> {
    fn bind(&mut self, name: &str, ty: Ty) {
        if name == "reports" {
            self.opaque = true;
            return;
        }
        match self.env.get(name) {
            None => {
                self.env.insert(name.to_string(), ty);
                self.grew = true;
            }
            Some(t) if *t != ty => self.opaque = true,
            Some(_) => {}
        }
    }

    fn field(&mut self, path: &str) {
        let first = path.split('.').next().unwrap_or(path);
        self.access.fields.insert(first.to_string());
    }

    fn nodes(&mut self, nodes: &[Node]) {
        for n in nodes {
            self.node(n);
        }
    }

    fn node(&mut self, n: &Node) {
        match n {
            Node::Content(_) | Node::Break | Node::Continue => {}
            Node::Expression(e) => self.other(e),
            Node::Set(s) => {
                let t = self.ty(&s.value);
                self.bind(&s.name, t);
            }
            Node::BlockSet(s) => {
                s.filters.iter().for_each(|f| self.other(f));
                self.nodes(&s.body);
                self.bind(&s.name, Ty::Other);
            }
            Node::ForLoop(f) => {
                match (self.ty(&f.target), &f.key) {
                    (Ty::List, None) => self.bind(&f.value, Ty::Item),
                    (Ty::Other, key) => {
                        self.bind(&f.value, Ty::Other);
                        if let Some(k) = key {
                            self.bind(k, Ty::Other);
                        }
                    }
                    _ => self.opaque = true,
                }
                self.nodes(&f.body);
                self.nodes(&f.else_body);
            }
            Node::If(i) => {
                // A list or a report as a condition: whether it is empty.
                self.ty(&i.expr);
                self.nodes(&i.body);
                self.nodes(&i.false_body);
            }
            Node::FilterSection(f) => {
                f.filters.iter().for_each(|e| self.other(e));
                self.nodes(&f.body);
            }
            Node::Include(_) | Node::Block(_) => self.opaque = true,
        }
    }

    /// An expression that must not be a report or a list of them.
    fn other(&mut self, e: &Expression) {
        if self.ty(e) != Ty::Other {
            self.opaque = true;
        }
    }

    fn ty(&mut self, e: &Expression) -> Ty {
        match e {
            Expression::Const(_) => Ty::Other,
            Expression::Array(a) => {
                for item in &a.items {
                    match item {
                        ArrayEntry::Item(e) | ArrayEntry::Spread(e) => self.other(e),
                    }
                }
                Ty::Other
            }
            Expression::Map(m) => {
                for entry in &m.entries {
                    match entry {
                        MapEntry::KeyValue { value, .. } => self.other(value),
                        MapEntry::Spread(e) => self.other(e),
                    }
                }
                Ty::Other
            }
            Expression::Var(v) => match v.name.as_str() {
                "reports" => {
                    self.access.selections.insert("reports".to_string());
                    Ty::List
                }
                "__tera_context" => {
                    self.opaque = true;
                    Ty::Other
                }
                name => self.env.get(name).copied().unwrap_or(Ty::Other),
            },
            Expression::GetAttr(g) => match self.ty(&g.expr) {
                Ty::Item => {
                    self.field(&g.name);
                    Ty::Other
                }
                Ty::List => {
                    self.opaque = true;
                    Ty::Other
                }
                Ty::Other => Ty::Other,
            },
            Expression::GetItem(g) => {
                let t = self.ty(&g.expr);
                let key = match &g.sub_expr {
                    Expression::Const(c) => Some((**c).clone()),
                    other => {
                        self.other(other);
                        None
                    }
                };
                match (t, key) {
                    (Ty::Other, _) => Ty::Other,
                    (Ty::Item, Some(k)) if k.as_str().is_some() => {
                        self.field(k.as_str().unwrap_or_default());
                        Ty::Other
                    }
                    (Ty::List, Some(k)) if k.as_i64().is_some() => Ty::Item,
                    _ => {
                        self.opaque = true;
                        Ty::Other
                    }
                }
            }
            Expression::Slice(s) => {
                for part in [&s.start, &s.end, &s.step].into_iter().flatten() {
                    self.other(part);
                }
                match self.ty(&s.expr) {
                    Ty::Item => {
                        self.opaque = true;
                        Ty::Other
                    }
                    t => t,
                }
            }
            Expression::Filter(f) => self.filter(f.span(), f),
            Expression::Test(t) => {
                t.kwargs.values().for_each(|e| self.other(e));
                let of = self.ty(&t.expr);
                if of != Ty::Other && !matches!(t.name.as_str(), "defined" | "undefined") {
                    self.opaque = true;
                }
                Ty::Other
            }
            Expression::Ternary(t) => {
                self.ty(&t.expr);
                let (a, b) = (self.ty(&t.true_expr), self.ty(&t.false_expr));
                if a != b {
                    self.opaque = true;
                }
                a
            }
            Expression::ListComprehension(l) => {
                self.other(&l.target);
                self.bind(&l.value, Ty::Other);
                if let Some(k) = &l.key {
                    self.bind(k, Ty::Other);
                }
                self.other(&l.expr);
                if let Some(c) = &l.condition {
                    self.other(c);
                }
                Ty::Other
            }
            Expression::ComponentCall(_) => {
                self.opaque = true;
                Ty::Other
            }
            Expression::FunctionCall(f) => {
                f.kwargs.values().for_each(|e| self.other(e));
                Ty::Other
            }
            Expression::UnaryOperation(u) => {
                let t = self.ty(&u.expr);
                if t != Ty::Other && !matches!(u.op, tera::ast::UnaryOperator::Not) {
                    self.opaque = true;
                }
                Ty::Other
            }
            Expression::BinaryOperation(b) => {
                self.other(&b.left);
                self.other(&b.right);
                Ty::Other
            }
        }
    }

    fn filter(&mut self, span: &tera::Span, f: &tera::ast::Filter) -> Ty {
        let all_literal = f.kwargs.values().all(Expression::is_literal);
        f.kwargs.values().for_each(|e| self.other(e));
        let attribute = f.kwargs.get("attribute").and_then(literal_str);
        let selection = matches!(f.name.as_str(), "via" | "filter" | "reject");
        // `reports | via(account="…")`: a selection of the register's
        // reports by a field that no removal changes, its members found
        // once. (Otherwise the filter is one more use of the whole list.)
        let read = match f.name.as_str() {
            "via" => Some("accounts".to_string()),
            _ => attribute.clone(),
        };
        let first = read.as_deref().map(|r| r.split('.').next().unwrap_or_default());
        if let Expression::Var(v) = &f.expr
            && v.name == "reports"
            && selection
            && all_literal
            && first.is_some_and(|f| !SHIFTING.contains(&f))
            && let Some(text) = self.source.get(span.range.clone())
        {
            self.field(read.as_deref().unwrap_or_default());
            // (The filter's span is its call alone, after the `|`.)
            self.access.selections.insert(format!("reports | {}", text.trim()));
            return Ty::List;
        }
        let by_attribute = |w: &mut Self, then: Ty| match &attribute {
            Some(a) => {
                w.field(a);
                then
            }
            None => {
                w.opaque = true;
                Ty::Other
            }
        };
        match (self.ty(&f.expr), f.name.as_str()) {
            (Ty::Other, _) => Ty::Other,
            (Ty::List, "via") => {
                self.field("accounts");
                Ty::List
            }
            (Ty::List, "filter" | "reject" | "sort") => by_attribute(self, Ty::List),
            (Ty::List, "map") => by_attribute(self, Ty::Other),
            (Ty::List, "length") => Ty::Other,
            (Ty::List, "first" | "last" | "nth") => Ty::Item,
            (Ty::List, "reverse") => Ty::List,
            (Ty::List, "bijlagen") => {
                self.field("annex");
                Ty::Other
            }
            (Ty::Item, "volgnummer") => {
                self.field("volgnummer");
                Ty::Other
            }
            _ => {
                self.opaque = true;
                Ty::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(a: &Access) -> Vec<&str> {
        a.fields.iter().map(String::as_str).collect()
    }

    #[test]
    fn a_selection_and_the_fields_read_of_its_reports_are_found() {
        let a = of("{% set m = reports | via(account=\"facebook\") %}{{ m | length }}: \
                    {% for r in m %}{{ r.date | datum }} {{ r.outcome.facebook.text }}{% endfor %}")
        .unwrap();
        assert_eq!(a.selections.iter().collect::<Vec<_>>(), ["reports | via(account=\"facebook\")"]);
        assert_eq!(fields(&a), ["accounts", "date", "outcome"]);
        let a = of("{{ reports | bijlagen }}").unwrap();
        assert_eq!(a.selections.iter().collect::<Vec<_>>(), ["reports"]);
        assert_eq!(fields(&a), ["annex"]);
        let a =
            of("{% set e = reports | filter(attribute=\"platforms\", contains=\"X\") | first %}{{ e.id }}")
                .unwrap();
        assert_eq!(fields(&a), ["id", "platforms"]);
        // A filter by a variable, or by a field a removal shifts, reads
        // the whole list.
        for source in [
            "{{ reports | via(account=a) | length }}",
            "{{ reports | filter(attribute=\"annex\", value=1) | length }}",
        ] {
            assert_eq!(of(source).unwrap().selections.iter().collect::<Vec<_>>(), ["reports"], "{source}");
        }
    }

    #[test]
    fn a_use_whose_meaning_is_not_known_makes_the_template_opaque() {
        for source in [
            "{{ reports }}",
            "{% for r in reports %}{{ r }}{% endfor %}",
            "{% for k, v in reports | first %}{{ v }}{% endfor %}",
            "{{ reports | json_encode }}",
            "{% set f = \"date\" %}{{ (reports | first)[f] }}",
            "{{ reports | sort | first }}",
            "{% set reports = [] %}{{ reports | length }}",
            "{% set x = 1 %}{% set x = reports %}",
            "{% include \"x\" %}",
            "{{ __tera_context }}",
            "{% for i in range(end=2) %}{{ y }}{% set_global y = reports | first %}{% endfor %}",
            "{{ (reports | first) == (reports | last) }}",
        ] {
            assert_eq!(of(source), None, "{source}");
        }
    }

    #[test]
    fn a_template_that_does_not_name_the_reports_reads_none() {
        let a = of("{{ accounts | map(attribute=\"name\") | opsomming }}").unwrap();
        assert!(a.selections.is_empty() && a.fields.is_empty());
    }
}
