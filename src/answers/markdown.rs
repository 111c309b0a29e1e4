//! Markdown text helpers for template output: tidying it, and joining
//! record text into a sentence.

/// Tidies template output: no trailing spaces, at most one blank line in a row,
/// one final newline.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Joins the lines of a paragraph-level text into one line per paragraph, for
/// placing record text inside a sentence.
pub fn inline(text: &str) -> String {
    tidy(text)
        .trim_end()
        .split("\n\n")
        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_blank_lines() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\nc\n\n"), "a\n\nb\nc\n");
        assert_eq!(inline("a\nb\n\nc"), "a b\n\nc");
    }
}
