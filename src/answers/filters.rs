//! The Dutch filters answer templates use, registered in one place
//! ([`register`]). Each is a thin wrapper over [`super::dutch`] or
//! [`crate::model::date`]; the words live there.

use super::dutch;
use crate::document::markdown::yaml_string;
use crate::model::{Date, Precision};
use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

/// Registers every filter on `tera`, and `range` within the limits.
/// The filters (and the function) we add to Tera's, as the README lists them.
pub const OURS: &[&str] = &[
    "telwoord",
    "keer",
    "rangtelwoord",
    "datum",
    "dagen",
    "opsomming",
    "via",
    "volgnummer",
    "bijlagen",
    "map",
    "filter",
    "reject",
    "flatten",
    "namens",
    "lcfirst",
    "ucfirst",
    "yaml",
    "citeer",
];

pub fn register(tera: &mut Tera) {
    tera.register_function("range", super::limits::range);
    tera.register_filter("telwoord", |n: i64, k: Kwargs, _: &State| {
        takes("telwoord", &k, &[])?;
        count(n).map(dutch::telwoord)
    });
    tera.register_filter("keer", |n: i64, k: Kwargs, _: &State| {
        takes("keer", &k, &[])?;
        count(n).map(dutch::keer)
    });
    tera.register_filter("rangtelwoord", |n: i64, k: Kwargs, _: &State| {
        takes("rangtelwoord", &k, &[])?;
        count(n).map(dutch::rangtelwoord)
    });
    tera.register_filter("datum", datum);
    tera.register_filter("dagen", dagen);
    tera.register_filter("opsomming", opsomming);
    tera.register_filter("via", via);
    tera.register_filter("volgnummer", volgnummer);
    tera.register_filter("bijlagen", bijlagen);
    tera.register_filter("map", map_attribute);
    tera.register_filter("filter", filter_attribute);
    tera.register_filter("reject", reject_attribute);
    tera.register_filter("flatten", flatten);
    tera.register_filter("namens", namens);
    tera.register_filter("lcfirst", |s: &str, _: Kwargs, _: &State| super::context::lcfirst(s));
    // (An office a dossier leaves out is none: nothing to capitalize.)
    tera.register_filter("ucfirst", |v: &Value, _: Kwargs, _: &State| {
        v.as_str().map_or_else(String::new, super::context::ucfirst)
    });
    tera.register_filter("yaml", |v: &Value, _: Kwargs, _: &State| yaml_scalar(v));
    tera.register_filter("citeer", |s: &str, _: Kwargs, _: &State| {
        s.lines()
            .map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") })
            .collect::<Vec<_>>()
            .join("\n")
    });
}

/// A value as YAML for front matter: strings double-quoted (JSON escaping is
/// valid YAML), lists in flow style.
fn yaml_scalar(v: &Value) -> String {
    match v.as_array() {
        Some(items) => format!("[{}]", items.iter().map(yaml_scalar).collect::<Vec<_>>().join(", ")),
        None => yaml_string(&v.as_str().map_or_else(|| v.to_string(), str::to_string)),
    }
}

/// Refuses an argument `filter` does not take (`datum(precision="maand")`
/// would otherwise be ignored, and the answer show the whole date).
fn takes(filter: &str, kwargs: &Kwargs, known: &[&str]) -> TeraResult<()> {
    let given: std::collections::BTreeMap<String, serde::de::IgnoredAny> = kwargs.deserialize()?;
    match given.keys().find(|k| !known.contains(&k.as_str())) {
        None => Ok(()),
        Some(name) => Err(Error::message(match crate::diag::nearest(name, known.iter().copied()) {
            Some(n) => crate::tr!(
                "filter-unknown-argument-nearest",
                filter = filter,
                name = name.as_str(),
                nearest = n
            ),
            None if known.is_empty() => {
                crate::tr!("filter-takes-no-arguments", filter = filter, name = name.as_str())
            }
            None => crate::tr!(
                "filter-unknown-argument",
                filter = filter,
                name = name.as_str(),
                known = known.join(", ")
            ),
        })),
    }
}

fn count(n: i64) -> TeraResult<u64> {
    u64::try_from(n).map_err(|_| Error::message(crate::tr!("filter-count", value = n)))
}

fn date_of(v: &Value) -> TeraResult<Date> {
    let Some(s) = v.as_str() else {
        return Err(Error::message(if v.is_none() || v.is_undefined() {
            crate::tr!("filter-date-empty")
        } else {
            crate::tr!("filter-date-kind", kind = v.name())
        }));
    };
    Date::parse(s).map_err(|e| Error::message(crate::tr!("filter-date", reason = e.to_string())))
}

/// `{{ d | datum }}` → `9 maart 2021`; `precisie="maand"|"jaar"` shows less;
/// `voorzetsel=true` adds `op`/`in` where Dutch needs one.
fn datum(v: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    takes("datum", &kwargs, &["precisie", "voorzetsel"])?;
    let date = date_of(v)?;
    let precision = match kwargs.get::<&str>("precisie")? {
        None | Some("dag") => Precision::Day,
        Some("maand") => Precision::Month,
        Some("jaar") => Precision::Year,
        Some(other) => {
            return Err(Error::message(crate::tr!("filter-precision", value = other)));
        }
    };
    Ok(if kwargs.get::<bool>("voorzetsel")?.unwrap_or(false) {
        date.dutch_with_preposition(precision)
    } else {
        date.dutch(precision)
    })
}

/// `{{ dossier.submitted | dagen(tot=dossier.answered) }}` → `25`.
fn dagen(v: &Value, kwargs: Kwargs, _: &State) -> TeraResult<i64> {
    takes("dagen", &kwargs, &["tot"])?;
    let from = date_of(v)?;
    let to = date_of(&kwargs.must_get::<Value>("tot")?)?;
    Ok(from.days_until(to))
}

fn opsomming(items: &[Value], _: Kwargs, _: &State) -> TeraResult<String> {
    let words: Vec<String> =
        items.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect();
    Ok(dutch::opsomming(&words))
}

fn accounts_of(report: &Value) -> Vec<&str> {
    report
        .get_from_path("accounts")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// `{{ reports | via(account="facebook") }}`: the reports through that account.
fn via(reports: &[Value], kwargs: Kwargs, _: &State) -> TeraResult<Vec<Value>> {
    takes("via", &kwargs, &["account"])?;
    let account = kwargs.must_get::<&str>("account")?;
    Ok(reports.iter().filter(|r| accounts_of(r).contains(&account)).cloned().collect())
}

/// `{{ r | volgnummer(account="facebook") }}`: the report's position among the
/// reports through that account (1-based).
fn volgnummer(report: &Value, kwargs: Kwargs, _: &State) -> TeraResult<i64> {
    takes("volgnummer", &kwargs, &["account"])?;
    let account = kwargs.must_get::<&str>("account")?;
    report
        .get_from_path(&format!("volgnummer.{account}"))
        .and_then(Value::as_i64)
        .ok_or_else(|| Error::message(crate::tr!("filter-not-through", account = account)))
}

/// `{{ reports | bijlagen }}` → `bijlagen 1 tot en met 5`.
fn bijlagen(reports: &[Value], _: Kwargs, _: &State) -> TeraResult<String> {
    // Reports the dossier does not annex are left out of the list.
    let numbers: Vec<u64> =
        reports.iter().filter_map(|r| r.get_from_path("annex").and_then(Value::as_u64)).collect();
    if numbers.is_empty() && !reports.is_empty() {
        return Err(Error::message(crate::tr!("filter-none-annexed")));
    }
    Ok(dutch::bijlagen(&numbers))
}

/// `{{ accounts | map(attribute="platform") }}`: one attribute of each item.
fn map_attribute(items: &[Value], kwargs: Kwargs, _: &State) -> TeraResult<Vec<Value>> {
    takes("map", &kwargs, &["attribute"])?;
    let attribute = kwargs.must_get::<&str>("attribute")?;
    Ok(items.iter().map(|i| i.get_from_path(attribute).cloned().unwrap_or_else(Value::none)).collect())
}

/// The comparisons `filter` and `reject` take, each a keyword: the item's
/// attribute equals `value` (`value=none`: is empty), is not `not`, is
/// empty (`empty=true`) or not (`empty=false`), is a date `before`/`after`
/// a date (strictly), `since`/`until` one (inclusive), `contains` a value
/// (an item of a list, a piece of a text), or is (or, for a list, holds)
/// `any_of` a list of values. Several are all required.
const CONDITIONS: &[&str] =
    &["value", "not", "empty", "before", "after", "since", "until", "contains", "any_of"];

/// What `filter` and `reject` take: the attribute and its conditions.
fn condition_arguments() -> Vec<&'static str> {
    std::iter::once("attribute").chain(CONDITIONS.iter().copied()).collect()
}

/// Whether `item` meets every condition in `kwargs` on its `attribute`.
fn meets(item: &Value, attribute: &str, kwargs: &Kwargs) -> TeraResult<bool> {
    let got = item.get_from_path(attribute).filter(|v| !v.is_none() && !v.is_undefined());
    let blank = |v: Option<&Value>| match v {
        None => true,
        Some(v) => v.as_str().is_some_and(str::is_empty) || v.len() == Some(0),
    };
    let mut any = false;
    if let Some(wanted) = kwargs.get::<Value>("value")? {
        any = true;
        let ok = match got {
            None => wanted.is_none(),
            Some(_) if wanted.is_none() => false,
            Some(g) => g == &wanted,
        };
        if !ok {
            return Ok(false);
        }
    }
    if let Some(unwanted) = kwargs.get::<Value>("not")? {
        any = true;
        if got == Some(&unwanted) || (got.is_none() && unwanted.is_none()) {
            return Ok(false);
        }
    }
    if let Some(empty) = kwargs.get::<bool>("empty")? {
        any = true;
        if blank(got) != empty {
            return Ok(false);
        }
    }
    for (key, keep) in [
        ("before", Date::is_before as fn(Date, Date) -> bool),
        ("after", Date::is_after),
        ("since", Date::is_since),
        ("until", Date::is_until),
    ] {
        let Some(bound) = kwargs.get::<Value>(key)? else { continue };
        any = true;
        let bound = date_of(&bound)?;
        // An item without the date is not before or after anything.
        let Some(date) = got.map(date_of).transpose()? else { return Ok(false) };
        if !keep(date, bound) {
            return Ok(false);
        }
    }
    if let Some(part) = kwargs.get::<Value>("contains")? {
        any = true;
        let ok = match got {
            Some(g) if g.as_array().is_some() => g.as_array().is_some_and(|items| items.contains(&part)),
            Some(g) => match (g.as_str(), part.as_str()) {
                (Some(text), Some(piece)) => text.contains(piece),
                _ => false,
            },
            None => false,
        };
        if !ok {
            return Ok(false);
        }
    }
    if let Some(options) = kwargs.get::<Value>("any_of")? {
        any = true;
        let options = options.as_array().map(|o| o.to_vec()).unwrap_or_else(|| vec![options.clone()]);
        let ok = match got.and_then(Value::as_array) {
            Some(items) => items.iter().any(|i| options.contains(i)),
            None => got.is_some_and(|g| options.contains(g)),
        };
        if !ok {
            return Ok(false);
        }
    }
    if !any {
        return Err(Error::message(crate::tr!(
            "filter-no-condition",
            attribute = attribute,
            conditions = CONDITIONS.iter().map(|c| format!("{c}=…")).collect::<Vec<_>>().join(", ")
        )));
    }
    Ok(true)
}

/// `{{ reports | filter(attribute="date", since="2021-01-01") }}`: the items
/// that meet every condition (see [`CONDITIONS`]); `value=…` alone is
/// Tera's own `filter`.
fn filter_attribute(items: &[Value], kwargs: Kwargs, _: &State) -> TeraResult<Vec<Value>> {
    takes("filter", &kwargs, &condition_arguments())?;
    let attribute = kwargs.must_get::<&str>("attribute")?;
    let mut out = Vec::new();
    for item in items {
        if meets(item, attribute, &kwargs)? {
            out.push(item.clone());
        }
    }
    Ok(out)
}

/// `{{ reports | reject(attribute="on_behalf_of", empty=true) }}`: the items
/// that do not meet the conditions.
fn reject_attribute(items: &[Value], kwargs: Kwargs, _: &State) -> TeraResult<Vec<Value>> {
    takes("reject", &kwargs, &condition_arguments())?;
    let attribute = kwargs.must_get::<&str>("attribute")?;
    let mut out = Vec::new();
    for item in items {
        if !meets(item, attribute, &kwargs)? {
            out.push(item.clone());
        }
    }
    Ok(out)
}

/// `{{ reports | map(attribute="platforms") | flatten }}`: lists of lists
/// as one list (other items kept as they are).
fn flatten(items: &[Value], _: Kwargs, _: &State) -> Vec<Value> {
    let mut out = Vec::new();
    for item in items {
        match item.as_array() {
            Some(inner) => out.extend(inner.iter().cloned()),
            None => out.push(item.clone()),
        }
    }
    out
}

/// `{{ reports | namens }}`: the bodies the reports were made on behalf of,
/// each once, in the order of their first report (reports without one
/// left out).
fn namens(reports: &[Value], _: Kwargs, _: &State) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for r in reports {
        let Some(body) =
            r.get_from_path("on_behalf_of").filter(|v| v.as_str().is_some_and(|s| !s.is_empty()))
        else {
            continue;
        };
        if !out.contains(body) {
            out.push(body.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn render(template: &str, ctx: &Context) -> Result<String, String> {
        let mut tera = Tera::default();
        register(&mut tera);
        tera.add_raw_template("t", template).map_err(|e| e.to_string())?;
        tera.render("t", ctx).map_err(|e| e.to_string())
    }

    #[test]
    fn number_filters() {
        let ctx = Context::new();
        assert_eq!(render("{{ 4 | telwoord }} {{ 0 | telwoord }}", &ctx).unwrap(), "vier nul");
        assert_eq!(
            render("{{ 1 | keer }}, {{ 2 | keer }}, {{ 4 | keer }}", &ctx).unwrap(),
            "eenmaal, tweemaal, vier keer"
        );
        assert_eq!(render("{{ 21 | rangtelwoord }}", &ctx).unwrap(), "eenentwintigste");
        assert!(render("{{ -1 | telwoord }}", &ctx).is_err());
    }

    #[test]
    fn date_filters() {
        let ctx = Context::new();
        assert_eq!(render(r#"{{ "2021-03-09" | datum }}"#, &ctx).unwrap(), "9 maart 2021");
        assert_eq!(render(r#"{{ "2019-05-03" | datum(precisie="maand") }}"#, &ctx).unwrap(), "mei 2019");
        assert_eq!(render(r#"{{ "2021-03" | datum }}"#, &ctx).unwrap(), "maart 2021");
        assert_eq!(render(r#"{{ "medio 2019" | datum(voorzetsel=true) }}"#, &ctx).unwrap(), "medio 2019");
        assert_eq!(render(r#"{{ "2019-05-03" | datum(voorzetsel=true) }}"#, &ctx).unwrap(), "op 3 mei 2019");
        assert_eq!(render(r#"{{ "2022-11-07" | dagen(tot="2022-12-02") }}"#, &ctx).unwrap(), "25");
        assert!(render(r#"{{ "2021-02-30" | datum }}"#, &ctx).is_err());
        assert!(render(r#"{{ "2021" | datum(precisie="week") }}"#, &ctx).is_err());
    }

    #[test]
    fn list_filters() {
        let mut ctx = Context::new();
        #[derive(serde::Serialize)]
        struct R {
            accounts: Vec<&'static str>,
            annex: u64,
            name: Option<&'static str>,
        }
        ctx.insert(
            "reports",
            &vec![
                R { accounts: vec!["facebook"], annex: 1, name: Some("a") },
                R { accounts: vec!["twitter"], annex: 2, name: None },
                R { accounts: vec!["facebook", "twitter"], annex: 3, name: Some("c") },
            ],
        );
        assert_eq!(render(r#"{{ reports | via(account="twitter") | length }}"#, &ctx).unwrap(), "2");
        assert_eq!(render(r#"{{ reports | bijlagen }}"#, &ctx).unwrap(), "bijlagen 1 tot en met 3");
        assert_eq!(
            render(r#"{{ reports | filter(attribute="name", value=none) | bijlagen }}"#, &ctx).unwrap(),
            "bijlage 2"
        );
        assert_eq!(
            render(
                r#"{{ reports | filter(attribute="name", value="c") | map(attribute="annex") | opsomming }}"#,
                &ctx
            )
            .unwrap(),
            "3"
        );
        assert_eq!(render(r#"{{ ["a", "b", "c"] | opsomming }}"#, &ctx).unwrap(), "a, b en c");
    }
}
