//! The two catalogs hold the same messages with the same arguments, and
//! every message the code asks for is in both.

use super::*;
use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

/// Per message id, the variables its value and attributes use.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, e)| panic!("the catalog does not parse: {e:?}"));
    fn vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr(expression, out);
            }
        }
    }
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline(a, out));
                arguments.named.iter().for_each(|a| inline(&a.value, out));
            }
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                variants.iter().for_each(|v| vars(&v.value, out));
            }
        }
    }
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut used = BTreeSet::new();
            if let Some(v) = &m.value {
                vars(v, &mut used);
            }
            m.attributes.iter().for_each(|a| vars(&a.value, &mut used));
            assert!(out.insert(m.id.name.to_string(), used).is_none(), "{} is in a catalog twice", m.id.name);
        }
    }
    out
}

#[test]
fn both_catalogs_hold_the_same_messages_with_the_same_arguments() {
    let [(_, nl), (_, en)] = CATALOGS;
    let (nl, en) = (messages(nl), messages(en));
    let only = |a: &BTreeMap<String, BTreeSet<String>>, b: &BTreeMap<String, BTreeSet<String>>| {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect::<Vec<_>>()
    };
    assert!(only(&nl, &en).is_empty(), "only in nl.ftl: {:?}", only(&nl, &en));
    assert!(only(&en, &nl).is_empty(), "only in en.ftl: {:?}", only(&en, &nl));
    for (key, args) in &nl {
        assert_eq!(args, &en[key], "{key}: the two languages take other arguments");
    }
    assert!(nl.len() > 20);
}

/// Every `tr!("key"` and `message("key"` in the source, by file.
fn asked_for() -> BTreeSet<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut BTreeSet<(String, String)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for opener in ["tr!(\"", "message_in(lang, \"", "i18n::message(\""] {
                    for (i, _) in text.match_indices(opener) {
                        let before = text[..i].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let rest = &text[i + opener.len()..];
                        if let Some(end) = rest.find('"') {
                            out.insert((rest[..end].to_string(), p.display().to_string()));
                        }
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_message_the_code_asks_for_is_in_both_catalogs() {
    let [(_, nl), (_, en)] = CATALOGS;
    let (nl, en) = (messages(nl), messages(en));
    let asked = asked_for();
    assert!(asked.len() > 20, "the scan found the messages");
    for (key, file) in asked {
        if key == "key" {
            continue; // the macro's own documentation
        }
        assert!(
            nl.contains_key(&key) && en.contains_key(&key),
            "{file} asks for `{key}`, which a catalog lacks"
        );
    }
}

#[test]
fn a_count_chooses_the_plural_and_the_language_its_words() {
    let one = message_in(Lang::Nl, "summary-errors", &[("errors", arg(1usize)), ("warnings", arg(0usize))]);
    let two = message_in(Lang::Nl, "summary-errors", &[("errors", arg(2usize)), ("warnings", arg(1usize))]);
    assert!(
        one.contains("1 fout,") && two.contains("2 fouten") && two.contains("1 waarschuwing"),
        "{one} / {two}"
    );
    let en = message_in(Lang::En, "summary-errors", &[("errors", arg(2usize)), ("warnings", arg(1usize))]);
    assert_eq!(en, "2 error(s), 1 warning(s)");
}

#[test]
fn the_language_is_chosen_by_option_then_environment_then_dutch() {
    let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
    assert_eq!(chosen(&args(&["beantwoord", "check", "--lang", "en"])), Ok(Lang::En));
    assert_eq!(chosen(&args(&["beantwoord", "--lang=nl-NL", "check"])), Ok(Lang::Nl));
    assert_eq!(chosen(&args(&["beantwoord", "check", "--lang", "fr"])), Err("fr".to_string()));
    assert_eq!(Lang::parse("EN_gb.UTF-8"), Some(Lang::En));
}

#[test]
fn every_command_and_option_has_its_help_in_both_catalogs() {
    let [(_, nl), (_, en)] = CATALOGS;
    let (nl, en) = (messages(nl), messages(en));
    fn keys(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        let key = if path.is_empty() { "help".to_string() } else { format!("help-{path}") };
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if !matches!(id, "help" | "version") && !arg.is_hide_set() {
                out.push(format!("{key}-{id}"));
            }
        }
        out.push(key);
        for sc in cmd.get_subcommands() {
            let p =
                if path.is_empty() { sc.get_name().to_string() } else { format!("{path}-{}", sc.get_name()) };
            keys(sc, &p, out);
        }
    }
    let mut wanted = Vec::new();
    keys(&crate::cli::command(), "", &mut wanted);
    assert!(wanted.len() > 30);
    for k in wanted {
        assert!(nl.contains_key(&k) && en.contains_key(&k), "`{k}` is missing from a catalog");
    }
}

#[test]
fn the_systems_reasons_are_said_in_the_language_and_our_own_words_kept() {
    use std::io::{Error, ErrorKind};
    let os = Error::from_raw_os_error(20); // ENOTDIR
    assert_eq!(io_error(&os), message_in(current(), "io-not-a-directory", &[]));
    let ours = Error::new(ErrorKind::NotADirectory, "a file stands where the dossier's folder goes");
    assert_eq!(io_error(&ours), "a file stands where the dossier's folder goes");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x"), [0xff, 0xfe]).unwrap();
    let utf8 = std::fs::read_to_string(dir.path().join("x")).unwrap_err();
    assert_eq!(io_error(&utf8), message_in(current(), "io-not-utf8", &[]));
}
