//! A document template's front matter read into the typed [`Meta`], once.
//! Incomplete metadata is a problem of the dossier, never a silent default:
//! a document has a title, a sender (`author`) and a date (`date` or
//! `submitted`).

use crate::document::{Audience, Letter, Meta, MetaValue};
use crate::load::yaml::{self, Kind, Node};
use crate::model::Date;

/// What is wrong with a front matter, in words for a diagnostic.
#[derive(Debug, PartialEq)]
pub enum MetaError {
    /// No `---` block at the top of the document.
    Missing,
    /// Not YAML, or not a mapping.
    Unreadable(String),
    /// A required field is absent or empty.
    Absent(&'static str),
    /// A date field that is not a date.
    BadDate { field: &'static str, value: String, why: String },
}

impl std::fmt::Display for MetaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MetaError::Missing => f.write_str(&crate::tr!("meta-missing")),
            MetaError::Unreadable(why) => f.write_str(&crate::tr!("meta-unreadable", reason = why.as_str())),
            MetaError::Absent(field) => f.write_str(&crate::tr!("meta-absent", field = field.to_string())),
            MetaError::BadDate { field, value, why } => f.write_str(&crate::tr!(
                "meta-bad-date",
                field = field.to_string(),
                value = value.to_string(),
                reason = why.to_string()
            )),
        }
    }
}

/// Reads `yaml` (the front matter, withheld passages already resolved for
/// `audience`) into the document's metadata.
pub fn read(yaml_text: Option<&str>, audience: Audience) -> Result<Meta, Vec<MetaError>> {
    let text = yaml_text.ok_or_else(|| vec![MetaError::Missing])?;
    let node =
        yaml::parse(text).map_err(|e| vec![MetaError::Unreadable(crate::load::yaml_reason(&e.message))])?;
    let entries = match node.kind {
        Kind::Map(entries) => entries,
        Kind::Null => Vec::new(),
        _ => return Err(vec![MetaError::Unreadable(crate::tr!("meta-not-a-map"))]),
    };
    let mut fields: Vec<(String, MetaValue)> = entries.into_iter().map(|(k, v)| (k.name, value(v))).collect();
    let mut take = |name: &str| {
        let i = fields.iter().position(|(k, _)| k == name)?;
        Some(fields.remove(i).1)
    };
    let mut text = |name: &str| match take(name) {
        Some(MetaValue::Text(s)) => Some(s).filter(|s| !s.trim().is_empty()),
        Some(MetaValue::List(l)) => Some(l.join(", ")),
        None => None,
    };
    let mut errors = Vec::new();
    let title = text("title");
    let subject = text("subtitle");
    let language = text("lang").unwrap_or_else(|| "nl-NL".to_string());
    let classification = text("classification");
    let dossier = text("dossier");
    let question_document = text("kamervraag");
    let answer_document = text("kamerantwoord");
    let mut date = |field: &'static str, errors: &mut Vec<MetaError>| {
        let value = text(field)?;
        Date::parse(&value)
            .map_err(|why| errors.push(MetaError::BadDate { field, value, why: why.to_string() }))
            .ok()
    };
    let submitted = date("submitted", &mut errors);
    let answered = date("date", &mut errors);
    let ministry = text("author");
    let submitter = text("submitter");
    let answerer = text("answerer");
    let recipient = text("recipient");
    let your_reference = text("your_reference");
    let our_reference = text("our_reference");
    let mut lines = |name: &str| match take(name) {
        Some(MetaValue::List(l)) => l.into_iter().filter(|s| !s.trim().is_empty()).collect(),
        Some(MetaValue::Text(s)) if !s.trim().is_empty() => vec![s],
        _ => Vec::new(),
    };
    let recipient_address = lines("recipient_address");
    let unit = lines("sender_unit");
    let visiting_address = lines("visiting_address");
    let postal_address = lines("postal_address");
    let mut one = |name: &str| lines(name).into_iter().next();
    let return_address = one("return_address");
    let website = one("website");
    let enclosures = one("enclosures");
    let closing = one("closing");
    let signatory = one("signatory");
    let keywords = match take("keywords") {
        Some(MetaValue::List(l)) => l,
        Some(MetaValue::Text(s)) => vec![s],
        None => Vec::new(),
    };
    if title.is_none() {
        errors.push(MetaError::Absent("title"));
    }
    if ministry.is_none() {
        errors.push(MetaError::Absent("author"));
    }
    if dossier.is_none() {
        errors.push(MetaError::Absent("dossier"));
    }
    if answered.is_none()
        && submitted.is_none()
        && !errors.iter().any(|e| matches!(e, MetaError::BadDate { .. }))
    {
        errors.push(MetaError::Absent("date` or `submitted"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let unescaped = |s: Option<String>| s.map(|s| unescape(&s));
    let all = |l: Vec<String>| l.iter().map(|s| unescape(s)).collect::<Vec<_>>();
    let letter = recipient.is_some().then(|| Letter {
        recipient_address: all(recipient_address),
        return_address: unescaped(return_address),
        unit: all(unit),
        visiting_address: all(visiting_address),
        postal_address: all(postal_address),
        website: unescaped(website),
        enclosures: unescaped(enclosures),
        closing: unescaped(closing),
        signatory: unescaped(signatory),
        logo: None,
    });
    Ok(Meta {
        title: unescape(&title.unwrap_or_default()),
        subject: unescaped(subject),
        language,
        audience,
        classification: unescaped(classification),
        dossier: unescape(&dossier.unwrap_or_default()),
        question_document: unescaped(question_document),
        answer_document: unescaped(answer_document),
        submitted,
        answered,
        ministry: unescape(&ministry.unwrap_or_default()),
        submitter: unescaped(submitter),
        answerer: unescaped(answerer),
        recipient: unescaped(recipient),
        your_reference: unescaped(your_reference),
        our_reference: unescaped(our_reference),
        letter,
        keywords: keywords.iter().map(|k| unescape(k)).collect(),
        extra: fields,
    })
}

fn value(node: Node) -> MetaValue {
    match node.kind {
        Kind::Scalar(s) => MetaValue::Text(s),
        Kind::Seq(items) => MetaValue::List(
            items
                .into_iter()
                .filter_map(|i| match i.kind {
                    Kind::Scalar(s) => Some(s),
                    _ => None,
                })
                .collect(),
        ),
        Kind::Null | Kind::Map(_) => MetaValue::Text(String::new()),
    }
}

/// Markdown escapes (`\*`) removed: template values are escaped for Markdown,
/// metadata is plain text.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fields_and_requires_title_author_dossier_and_a_date() {
        let meta = read(
            Some("title: \"T \\\\* x\"\ndossier: \"D1\"\nsubmitted: \"2022-11-07\"\nauthor: \"Ministerie\"\nkeywords: [\"a\", \"b\"]\neigen: \"x\"\n"),
            Audience::Public,
        )
        .unwrap();
        assert_eq!(meta.title, "T * x");
        assert_eq!(meta.date(), Date::parse("2022-11-07").unwrap());
        assert_eq!(meta.keywords, ["a", "b"]);
        assert_eq!(meta.extra, [("eigen".to_string(), MetaValue::Text("x".into()))]);
        assert_eq!(read(None, Audience::Public).unwrap_err(), [MetaError::Missing]);
        let errors = read(Some("title: \"\"\n"), Audience::Public).unwrap_err();
        assert_eq!(
            errors,
            [
                MetaError::Absent("title"),
                MetaError::Absent("author"),
                MetaError::Absent("dossier"),
                MetaError::Absent("date` or `submitted")
            ]
        );
        assert!(matches!(
            read(Some("title: [unclosed\n"), Audience::Public).unwrap_err()[0],
            MetaError::Unreadable(_)
        ));
        assert!(matches!(
            read(Some("title: T\nauthor: M\ndossier: D\ndate: 2022-02-31\n"), Audience::Public).unwrap_err()
                [0],
            MetaError::BadDate { field: "date", .. }
        ));
    }
}
