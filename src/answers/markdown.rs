//! Markdown text helpers for template output: tidying it, joining record
//! text into a sentence, and numbering footnotes in order of first use.

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

/// Numbers `[^id]` references in order of first use: the first id used
/// becomes `[^1]`, and so on.
#[derive(Debug, Default)]
pub struct Footnotes {
    order: Vec<String>,
}

impl Footnotes {
    /// Rewrites the references in `text`; returns the ids it did not know.
    pub fn number(&mut self, text: &str, known: impl Fn(&str) -> bool) -> (String, Vec<String>) {
        let refs = crate::model::validate::footnote_refs(text);
        let mut out = String::with_capacity(text.len());
        let mut unknown = Vec::new();
        let mut rest = 0;
        for (start, id) in refs {
            out.push_str(&text[rest..start]);
            if !known(id) {
                unknown.push(id.to_string());
            }
            let n = match self.order.iter().position(|o| o == id) {
                Some(i) => i + 1,
                None => {
                    self.order.push(id.to_string());
                    self.order.len()
                }
            };
            out.push_str(&format!("[^{n}]"));
            rest = start + id.len() + 3;
        }
        out.push_str(&text[rest..]);
        (out, unknown)
    }

    /// The ids in the order of their numbers.
    pub fn order(&self) -> &[String] {
        &self.order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_footnotes_in_order_of_first_use() {
        let mut f = Footnotes::default();
        let (a, _) = f.number("x[^b] y[^a]", |_| true);
        let (b, unknown) = f.number("z[^a] w[^c]", |id| id != "c");
        assert_eq!(a, "x[^1] y[^2]");
        assert_eq!(b, "z[^2] w[^3]");
        assert_eq!(unknown, ["c"]);
        assert_eq!(f.order(), ["b", "a", "c"]);
    }

    #[test]
    fn tidies_blank_lines() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\nc\n\n"), "a\n\nb\nc\n");
        assert_eq!(inline("a\nb\n\nc"), "a b\n\nc");
    }
}
