//! Template pitfalls found before rendering: `{% set k = k + 1 %}` inside a
//! `for` loop, to a variable set outside it, changes only the loop's own
//! copy (Tera scopes a loop's variables), so the count after the loop is
//! the one before it: a silently wrong answer. Told as a warning at the
//! `set`, with the filter to use instead.

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Text;

/// The blocks a tag opens, and the tag that closes each.
const BLOCKS: &[&str] = &["if", "for", "macro", "block", "filter", "with"];

/// Blocks opened and never closed, closed and never opened, or closed by
/// the wrong tag: each at its tag's byte range, with what is wrong. Tera
/// says "unexpected end of input" at the end of the text; this says which
/// `{% if %}` lacks its `{% endif %}`.
pub fn unbalanced(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut open: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    let mut out = Vec::new();
    for (range, words) in tags(text) {
        let Some(&first) = words.first() else { continue };
        if let Some(kind) = BLOCKS.iter().find(|b| **b == first) {
            open.push((kind, range));
        } else if let Some(kind) = first.strip_prefix("end").filter(|k| BLOCKS.contains(k)) {
            match open.last() {
                Some((top, _)) if *top == kind => {
                    open.pop();
                }
                // The blocks opened inside it and left open are the
                // mistake: each told at its own tag.
                Some(_) if open.iter().any(|(k, _)| *k == kind) => {
                    while let Some((top, r)) = open.pop() {
                        if top == kind {
                            break;
                        }
                        out.push((r, crate::tr!("block-never-closed", kind = top)));
                    }
                }
                _ => out.push((range, crate::tr!("block-closes-none", tag = first, kind = kind))),
            }
        } else if matches!(first, "elif" | "else")
            && !open.iter().any(|(k, _)| *k == "if" || (first == "else" && *k == "for"))
        {
            out.push((range, crate::tr!("block-outside-if", tag = first)));
        }
    }
    for (kind, range) in open {
        out.push((range, crate::tr!("block-never-closed", kind = kind)));
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Whether `text` leaves a block open at its end (an `{% if %}` or
/// `{% for %}` it opens and does not close).
pub fn leaves_open(text: &str) -> bool {
    let mut open: Vec<&str> = Vec::new();
    for (_, words) in tags(text) {
        let Some(&first) = words.first() else { continue };
        if let Some(kind) = BLOCKS.iter().find(|b| **b == first) {
            open.push(kind);
        } else if let Some(kind) = first.strip_prefix("end").filter(|k| BLOCKS.contains(k))
            && let Some(i) = open.iter().rposition(|k| *k == kind)
        {
            open.truncate(i);
        }
    }
    !open.is_empty()
}

/// A `set` inside a loop to a name set outside it: the byte ranges of both
/// `set` tags and the name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoopAssignment {
    pub inside: std::ops::Range<usize>,
    pub outside: std::ops::Range<usize>,
    pub name: String,
}

/// Every tag of `text` (`{% … %}`), with its byte range and its words;
/// comments and `raw` blocks left out.
fn tags(text: &str) -> Vec<(std::ops::Range<usize>, Vec<&str>)> {
    let mut out = Vec::new();
    let mut rest = 0;
    let mut raw = false;
    while rest < text.len() {
        let Some(open) = text[rest..].find(['{']).map(|i| rest + i) else { break };
        let next = text[open + 1..].chars().next();
        match next {
            Some('#') => {
                rest = text[open..].find("#}").map_or(text.len(), |i| open + i + 2);
            }
            Some('%') => {
                let Some(close) = text[open..].find("%}").map(|i| open + i + 2) else { break };
                let inner = text[open + 2..close - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
                let words: Vec<&str> = inner.split_whitespace().collect();
                match words.first().copied() {
                    Some("raw") => raw = true,
                    Some("endraw") => raw = false,
                    _ if !raw => out.push((open..close, words)),
                    _ => {}
                }
                rest = close;
            }
            _ => rest = open + 1,
        }
    }
    out
}

/// The loop assignments of one template text.
pub fn loop_assignments(text: &str) -> Vec<LoopAssignment> {
    // One scope per open loop (the outermost is the template's own): the
    // names set in it, with where.
    let mut scopes: Vec<Vec<(String, std::ops::Range<usize>)>> = vec![Vec::new()];
    let mut out = Vec::new();
    for (range, words) in tags(text) {
        match words.as_slice() {
            ["for", ..] => scopes.push(Vec::new()),
            ["endfor", ..] if scopes.len() > 1 => {
                scopes.pop();
            }
            ["set", target, ..] => {
                let name = target.split('=').next().unwrap_or(target).trim().to_string();
                let outer = scopes[..scopes.len() - 1]
                    .iter()
                    .rev()
                    .find_map(|s| s.iter().find(|(n, _)| *n == name).map(|(_, r)| r.clone()));
                match outer {
                    Some(outside) if scopes.len() > 1 => {
                        out.push(LoopAssignment { inside: range.clone(), outside, name: name.clone() })
                    }
                    _ => {}
                }
                if let Some(scope) = scopes.last_mut() {
                    scope.push((name, range));
                }
            }
            _ => {}
        }
    }
    out
}

/// Warns at each loop assignment of `text`.
pub fn warn(text: &Text, diags: &mut Diagnostics) {
    for a in loop_assignments(&text.value) {
        diags.push(
            Diagnostic::warning(
                crate::tr!("loop-set", name = a.name.as_str()),
                text.span_of(a.inside.start, a.inside.end),
            )
            .label(crate::tr!("loop-set-label"))
            .also(text.span_of(a.outside.start, a.outside.end), crate::tr!("loop-set-outside"))
            .hint(crate::tr!("loop-set-hint", name = a.name.as_str())),
        );
    }
}

/// Warns at every loop assignment in the templates a run renders: the
/// answers, the record texts and the document templates.
pub fn project(
    project: &crate::model::Project,
    templates: &crate::model::templates::DocTemplates,
    diags: &mut Diagnostics,
) {
    use crate::model::Answer;
    let accounts: Vec<&str> = project.register.accounts.iter().map(|a| a.id.value.as_str()).collect();
    let fields = attribute_fields();
    for d in &project.dossiers {
        for q in &d.questions {
            if let Answer::Template(t) = &q.answer {
                warn(t, diags);
                // Only against a register and dossier read whole.
                if !project.register.incomplete && !d.incomplete {
                    arguments(t, &accounts, &fields, diags);
                }
            }
        }
        for n in &d.delay_notices {
            if let Some(t) = &n.reason {
                warn(t, diags);
            }
        }
    }
    for r in &project.register.reports {
        warn(&r.summary, diags);
        for o in &r.outcome {
            if let Some(t) = &o.text {
                warn(t, diags);
            }
        }
    }
    for t in &templates.all {
        warn(&t.text, diags);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_if_is_found_at_its_tag_and_a_stray_end_at_its() {
        let t = "a {% if x %}b{% for y in z %}c{% endfor %} d";
        let found = unbalanced(t);
        assert_eq!(found.len(), 1);
        assert_eq!(&t[found[0].0.clone()], "{% if x %}");
        assert_eq!(found[0].1, "`{% if %}` is never closed: missing `{% endif %}`");
        let stray = unbalanced("{% endfor %}{% if a %}{% else %}{% endif %}");
        assert_eq!(stray.len(), 1);
        assert_eq!(stray[0].1, "`{% endfor %}` closes no `{% for %}`");
        assert!(
            unbalanced("{% if a %}{% elif b %}{% else %}{% endif %}{% for x in y %}{% else %}{% endfor %}")
                .is_empty()
        );
        // An `if` left open inside a `for` is one mistake, told at the `if`.
        let t = "{% for r in reports %}{% if r.date %}x{% endfor %}";
        let found = unbalanced(t);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&t[found[0].0.clone()], "{% if r.date %}");
        assert!(leaves_open("{% for a in b %}{% if c %}x{% endif %}") && !leaves_open(t));
    }

    #[test]
    fn a_counter_set_outside_and_changed_inside_a_loop_is_found_and_only_that() {
        let t =
            "{% set k = 0 %}{% for r in reports %}{% set k = k + 1 %}{% set tmp = 1 %}{% endfor %}{{ k }}";
        let found = loop_assignments(t);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "k");
        assert_eq!(&t[found[0].inside.clone()], "{% set k = k + 1 %}");
        assert_eq!(&t[found[0].outside.clone()], "{% set k = 0 %}");
        // A loop's own variable, a set_global, a comment and a raw block are fine.
        let fine = "{% set k = 0 %}{% for r in reports %}{% set_global k = k + 1 %}{# {% set k = 2 %} #}{% endfor %}{% raw %}{% for x in y %}{% set k = 1 %}{% endraw %}";
        assert!(loop_assignments(fine).is_empty());
        // Nested loops: the inner loop's set of an outer loop's variable too.
        let nested =
            "{% for a in b %}{% set n = 0 %}{%- for c in d -%}{% set n = n + 1 %}{% endfor %}{% endfor %}";
        assert_eq!(loop_assignments(nested).len(), 1);
    }
}

/// The fields `attribute="…"` may name: a report's, an account's, an
/// outcome's (the first part of a dotted path).
fn attribute_fields() -> Vec<String> {
    use super::context::{AccountCtx, OutcomeCtx, ReportCtx};
    let mut all = super::names::fields::<ReportCtx>();
    all.extend(super::names::fields::<AccountCtx>());
    all.extend(super::names::fields::<OutcomeCtx>());
    all.sort();
    all.dedup();
    all
}

/// An `account="…"` naming no account of the register, or an
/// `attribute="…"` naming no field, in a tag of `text`: an error at the
/// name, with the nearest. (Tera would count nothing through it, and the
/// answer would say "nul keer" without a word.)
pub fn arguments(text: &Text, accounts: &[&str], fields: &[String], diags: &mut Diagnostics) {
    for (at, kind, name) in named_arguments(&text.value) {
        let span = text.span_of(at, at + name.len());
        let d = match kind {
            "account" if !accounts.contains(&name) => {
                let nearest = crate::diag::nearest(name, accounts.iter().copied());
                Diagnostic::error(crate::tr!("argument-unknown-account", name = name), span)
                    .label(crate::tr!("argument-unknown-label"))
                    .hint(match nearest {
                        Some(n) => crate::tr!("argument-nearest", name = n, known = accounts.join(", ")),
                        None => crate::tr!("argument-known-accounts", known = accounts.join(", ")),
                    })
            }
            "attribute" => {
                let first = name.split('.').next().unwrap_or(name);
                if fields.iter().any(|f| f == first) {
                    continue;
                }
                let nearest = crate::diag::nearest(first, fields.iter().map(String::as_str));
                Diagnostic::error(crate::tr!("argument-unknown-field", name = first), span)
                    .label(crate::tr!("argument-unknown-label"))
                    .hint(match nearest {
                        Some(n) => crate::tr!("argument-nearest", name = n, known = fields.join(", ")),
                        None => crate::tr!("argument-known-fields", known = fields.join(", ")),
                    })
            }
            _ => continue,
        };
        diags.push(d);
    }
}

/// Each `account="…"` and `attribute="…"` (or with `'`) inside a
/// `{{ … }}` or `{% … %}` of `source`: where the name starts, which
/// argument, the name.
fn named_arguments(source: &str) -> Vec<(usize, &'static str, &str)> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = source[rest..].find('{').map(|i| rest + i) {
        let close = match source[open + 1..].chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => "#}",
            _ => {
                rest = open + 1;
                continue;
            }
        };
        let Some(end) = source[open + 2..].find(close).map(|i| open + 2 + i) else { break };
        rest = end + 2;
        if close == "#}" {
            continue;
        }
        let inner = &source[open + 2..end];
        for kind in ["account", "attribute"] {
            let mut from = 0;
            while let Some(i) = inner[from..].find(kind).map(|i| from + i) {
                from = i + kind.len();
                let word_before =
                    inner[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
                let after = inner[from..].trim_start();
                let Some(value) = after.strip_prefix('=') else { continue };
                let value = value.trim_start();
                let Some(quote) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
                let body = &value[1..];
                let Some(len) = body.find(quote) else { continue };
                if word_before {
                    continue;
                }
                let start = open + 2 + (inner.len() - body.len());
                out.push((start, kind, &body[..len]));
            }
        }
    }
    out.sort_by_key(|(at, _, _)| *at);
    out
}

#[cfg(test)]
mod argument_tests {
    use super::*;

    #[test]
    fn account_and_attribute_arguments_are_found_in_tags_only() {
        let src = r#"{{ reports | via(account="facebok") | length }} account="x" {# account="y" #}{% for a in accounts | filter(attribute='status', value="x") %}"#;
        let found: Vec<(&str, &str)> = named_arguments(src)
            .into_iter()
            .map(|(at, k, n)| {
                assert_eq!(&src[at..at + n.len()], n);
                (k, n)
            })
            .collect();
        assert_eq!(found, [("account", "facebok"), ("attribute", "status")]);
    }
}
