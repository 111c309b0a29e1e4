//! A new dossier's `dossier.yaml`, written from the Kamer's file of a
//! question set ([`QuestionSet`]) for `beantwoord new --from`: every
//! question verbatim, its notes, who asked and who was asked, and for a
//! file of published answers those answers as plain text to start
//! templating from. Pure: the text of the file, nothing written.

use crate::answers::context::{lcfirst, ucfirst};
use crate::document::markdown::{escape_plain, yaml_string};
use crate::model::kamer::{Piece, QuestionSet};

/// An answer the file does not give.
/// An answer still to be written (`send` refuses a dossier that holds one).
fn no_answer() -> String {
    format!("*{}.*", crate::model::placeholder::ANSWER)
}

/// The dossier file for `set`, with the id `id`; `from` names the file it
/// was made from (for its opening comment).
pub fn dossier_yaml(set: &QuestionSet, id: &str, from: &str) -> String {
    let mut y = String::new();
    // The comments in the user's language: this is the file they edit.
    for line in crate::tr!("scaffold-opening", from = from).lines() {
        y.push_str(&format!("# {line}\n"));
    }
    y.push_str(&format!("id: {}\n", yaml_string(id)));
    y.push_str(&format!("title: {}\n", yaml_string(&ucfirst(&set.subject))));
    if let Some(d) = set.submitted {
        y.push_str(&format!("submitted: {d}\n"));
    } else {
        y.push_str(&format!("submitted: 2000-01-01   # {}\n", crate::tr!("scaffold-fill-in-absent")));
    }
    if let Some(d) = set.answered.filter(|_| !set.answers.is_empty()) {
        y.push_str(&format!("answered: {d}\n"));
    }
    let mut members = set.members.iter();
    match members.next() {
        Some(m) => {
            y.push_str(&format!("submitter: {}\n", person(&m.name, &m.short, m.party.as_deref(), None)))
        }
        None => y.push_str(&format!(
            "submitter: {{ name: {} }}   # {}\n",
            yaml_string(crate::model::placeholder::NAME),
            crate::tr!("scaffold-absent")
        )),
    }
    let rest: Vec<String> = members.map(|m| person(&m.name, &m.short, m.party.as_deref(), None)).collect();
    if !rest.is_empty() {
        y.push_str("co_submitters:\n");
        for r in rest {
            y.push_str(&format!("  - {r}\n"));
        }
    }
    let addressee = lcfirst(if set.addressees.is_empty() { "Minister" } else { &set.addressees });
    y.push_str(&format!("addressee: {}\n", yaml_string(&addressee)));
    match &set.answerer {
        Some(a) => {
            let role =
                a.department.as_ref().map_or_else(|| addressee.clone(), |d| format!("{} van {d}", a.title));
            y.push_str(&format!(
                "answerer: {}   # {}\n",
                person(&a.short, &a.short, None, Some(&role)),
                crate::tr!("scaffold-full-name")
            ));
        }
        None => y.push_str(&format!(
            "answerer: {}   # {}\n",
            person(crate::model::placeholder::NAME, crate::model::placeholder::NAME, None, Some(&addressee)),
            crate::tr!("scaffold-who-answers")
        )),
    }
    if !set.co_answerers.is_empty() {
        y.push_str("co_answerers:\n");
        for c in &set.co_answerers {
            y.push_str(&format!("  - {}\n", yaml_string(c)));
        }
    }
    if !set.see_also.is_empty() {
        y.push_str(&format!("delay_notices:   # {}\n", crate::tr!("scaffold-delay-notices")));
        for a in &set.see_also {
            y.push_str(&format!("  - aanhangsel: {}\n", yaml_string(a)));
        }
    }
    let mut documents = Vec::new();
    if let Some(q) = &set.question_document {
        documents.push(("question", q));
    }
    if let Some(a) = &set.answer_document {
        documents.push(("answer", a));
    }
    if !documents.is_empty() {
        y.push_str("documents:\n");
        for (k, v) in &documents {
            y.push_str(&format!("  {k}: {}\n", yaml_string(v)));
        }
        y.push_str("sources:\n");
        for (k, v) in &documents {
            y.push_str(&format!(
                "  {k}: {}\n",
                yaml_string(&format!("https://zoek.officielebekendmakingen.nl/{v}.html"))
            ));
        }
    }
    if !set.footnotes.is_empty() {
        y.push_str("footnotes:\n");
        for f in &set.footnotes {
            y.push_str(&format!("  {}:\n    text: {}\n", f.label, yaml_string(&escape_plain(&f.text))));
            if let Some(u) = &f.url {
                y.push_str(&format!("    url: {}\n", yaml_string(u)));
            }
        }
    }
    y.push_str("\nquestions:\n");
    for q in &set.questions {
        let Some(&number) = q.numbers.first() else { continue };
        // "Vraag 2, 3": one text for two numbers; the others answered with the first.
        for (i, &n) in q.numbers.iter().enumerate() {
            y.push_str(&format!("  - number: {n}\n"));
            let text = if i == 0 { markdown(&q.paragraphs) } else { format!("Zie vraag {number}.") };
            y.push_str(&block("text", &text));
            answer(set, n, &mut y);
            y.push('\n');
        }
    }
    y.push_str(&format!(
        "annexes:\n  reports: none      # {}\n  inventory: false\n",
        crate::tr!("scaffold-annexes")
    ));
    y
}

/// The answer of question `n`: the file's text for the first question an
/// answer is headed with, `answer_with` for the others, else a placeholder.
fn answer(set: &QuestionSet, n: u32, y: &mut String) {
    match set.answers.iter().find(|a| a.numbers.contains(&n)) {
        Some(a) if a.numbers.first() != Some(&n) => {
            y.push_str(&format!("    answer_with: {}\n", a.numbers[0]));
        }
        Some(a) => y.push_str(&block("answer", &template_safe(&markdown(&a.paragraphs)))),
        None => y.push_str(&block("answer", &no_answer())),
    }
}

/// `{ name: …, short: …, party: …, role: … }`.
fn person(name: &str, short: &str, party: Option<&str>, role: Option<&str>) -> String {
    let mut parts = vec![format!("name: {}", yaml_string(name)), format!("short: {}", yaml_string(short))];
    if let Some(p) = party {
        parts.push(format!("party: {}", yaml_string(p)));
    }
    if let Some(r) = role {
        parts.push(format!("role: {}", yaml_string(r)));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// Paragraphs as Markdown, a blank line between them.
fn markdown(paragraphs: &[Vec<Piece>]) -> String {
    let one = |pieces: &Vec<Piece>| {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => escape_plain(t),
                Piece::Note(label) => format!("[^{label}]"),
                Piece::Link { text, url } if text == url || text.is_empty() => format!("<{url}>"),
                Piece::Link { text, url } => format!("[{}]({url})", escape_plain(text)),
                Piece::Strong(t) => format!("**{}**", escape_plain(t)),
                Piece::Emphasis(t) => format!("*{}*", escape_plain(t)),
            })
            .collect::<String>()
    };
    paragraphs.iter().map(one).collect::<Vec<_>>().join("\n\n")
}

/// An answer is a Tera template: text that would open a tag is written as
/// a string the template prints.
fn template_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('{', Some(&next @ ('{' | '%' | '#'))) => {
                chars.next();
                out.push_str(&format!("{{{{ \"{{{next}\" }}}}"));
            }
            _ => out.push(c),
        }
    }
    out
}

/// A literal block (`key: |`), each line indented.
fn block(key: &str, text: &str) -> String {
    let mut s = format!("    {key}: |\n");
    for line in text.lines() {
        if line.is_empty() {
            s.push('\n');
        } else {
            s.push_str(&format!("      {line}\n"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_opens_a_template_tag_is_printed_as_text() {
        assert_eq!(template_safe("a {{ b }} {% c"), "a {{ \"{{\" }} b }} {{ \"{%\" }} c");
        assert_eq!(template_safe("{ a }"), "{ a }");
    }
}
