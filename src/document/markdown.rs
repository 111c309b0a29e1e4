//! Markdown's text conventions, shared by the answers stage (plain fields
//! entering a template) and the Markdown backend (text written back).

/// Whether Markdown would read `c` as syntax somewhere in running text.
fn special(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '{' | '}' | '!' | '^'
    )
}

/// Escapes plain text so that Markdown shows it literally (`*Spoed* #1 <b>`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if special(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a plain-text field for Markdown, but keeps its redaction markers
/// (`[[5.1.2e: words]]`) as markers: a plain field withholds as a Markdown
/// field does.
pub fn escape_plain(text: &str) -> String {
    let marks = crate::redaction::markers(text);
    if marks.is_empty() {
        return escape(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = 0;
    for (range, _, _) in marks {
        out.push_str(&escape(&text[rest..range.start]));
        out.push_str(&text[range.clone()]);
        rest = range.end;
    }
    out.push_str(&escape(&text[rest..]));
    out
}

/// A string as a double-quoted YAML scalar (JSON escaping is valid YAML).
pub fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(escape("*Spoed* #1 <b>"), r"\*Spoed\* \#1 \<b\>");
        assert_eq!(escape("Dijk en Waard"), "Dijk en Waard");
        assert_eq!(escape("[[5.1.2e: x]]"), r"\[\[5.1.2e: x\]\]");
        assert_eq!(
            escape_plain("*Spoed* [[5.1.2e: Jan de Vries]] #1"),
            r"\*Spoed\* [[5.1.2e: Jan de Vries]] \#1"
        );
        assert_eq!(yaml_string("a \"b\" \\ c\n"), r#""a \"b\" \\ c\n""#);
    }
}
