//! The Dutch filters answer templates use, registered in one place
//! ([`register`]). Each is a thin wrapper over [`super::dutch`] or
//! [`crate::model::date`]; the words live there.

use super::dutch;
use crate::document::markdown::yaml_string;
use crate::model::{Date, Precision};
use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

/// Registers every filter on `tera`, and `range` within the limits.
pub fn register(tera: &mut Tera) {
    tera.register_function("range", super::limits::range);
    tera.register_filter("telwoord", |n: i64, _: Kwargs, _: &State| count(n).map(dutch::telwoord));
    tera.register_filter("keer", |n: i64, _: Kwargs, _: &State| count(n).map(dutch::keer));
    tera.register_filter("rangtelwoord", |n: i64, _: Kwargs, _: &State| count(n).map(dutch::rangtelwoord));
    tera.register_filter("datum", datum);
    tera.register_filter("dagen", dagen);
    tera.register_filter("opsomming", opsomming);
    tera.register_filter("via", via);
    tera.register_filter("volgnummer", volgnummer);
    tera.register_filter("bijlagen", bijlagen);
    tera.register_filter("map", map_attribute);
    tera.register_filter("filter", filter_attribute);
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

fn count(n: i64) -> TeraResult<u64> {
    u64::try_from(n).map_err(|_| Error::message(format!("expected a count of 0 or more, got {n}")))
}

fn date_of(v: &Value) -> TeraResult<Date> {
    let Some(s) = v.as_str() else {
        return Err(Error::message(format!(
            "expected a date, got {}",
            if v.is_none() || v.is_undefined() {
                "nothing (is the field empty?)".to_string()
            } else {
                v.name().to_string()
            }
        )));
    };
    Date::parse(s).map_err(|e| Error::message(format!("expected a date: {e}")))
}

/// `{{ d | datum }}` → `9 maart 2021`; `precisie="maand"|"jaar"` shows less;
/// `voorzetsel=true` adds `op`/`in` where Dutch needs one.
fn datum(v: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let date = date_of(v)?;
    let precision = match kwargs.get::<&str>("precisie")? {
        None | Some("dag") => Precision::Day,
        Some("maand") => Precision::Month,
        Some("jaar") => Precision::Year,
        Some(other) => {
            return Err(Error::message(format!("precisie `{other}` is not one of dag, maand, jaar")));
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
    let account = kwargs.must_get::<&str>("account")?;
    Ok(reports.iter().filter(|r| accounts_of(r).contains(&account)).cloned().collect())
}

/// `{{ r | volgnummer(account="facebook") }}`: the report's position among the
/// reports through that account (1-based).
fn volgnummer(report: &Value, kwargs: Kwargs, _: &State) -> TeraResult<i64> {
    let account = kwargs.must_get::<&str>("account")?;
    report
        .get_from_path(&format!("volgnummer.{account}"))
        .and_then(Value::as_i64)
        .ok_or_else(|| Error::message(format!("this report did not go through `{account}`")))
}

/// `{{ reports | bijlagen }}` → `bijlagen 1 tot en met 5`.
fn bijlagen(reports: &[Value], _: Kwargs, _: &State) -> TeraResult<String> {
    let numbers: Option<Vec<u64>> =
        reports.iter().map(|r| r.get_from_path("annex").and_then(Value::as_u64)).collect();
    numbers
        .map(|n| dutch::bijlagen(&n))
        .ok_or_else(|| Error::message("a report has no annex (are annexes switched off in the dossier?)"))
}

/// `{{ accounts | map(attribute="platform") }}`: one attribute of each item.
fn map_attribute(items: &[Value], kwargs: Kwargs, _: &State) -> TeraResult<Vec<Value>> {
    let attribute = kwargs.must_get::<&str>("attribute")?;
    Ok(items.iter().map(|i| i.get_from_path(attribute).cloned().unwrap_or_else(Value::none)).collect())
}

/// `{{ accounts | filter(attribute="initiative", value="platform") }}`: the
/// items whose attribute equals the value (`value=none`: whose attribute is empty).
fn filter_attribute(items: &[Value], kwargs: Kwargs, _: &State) -> TeraResult<Vec<Value>> {
    let attribute = kwargs.must_get::<&str>("attribute")?;
    let wanted = kwargs.get::<Value>("value")?.unwrap_or_else(Value::none);
    Ok(items
        .iter()
        .filter(|i| {
            let got = i.get_from_path(attribute);
            match got {
                None => wanted.is_none(),
                Some(g) if wanted.is_none() => g.is_none(),
                Some(g) => g == &wanted,
            }
        })
        .cloned()
        .collect())
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
