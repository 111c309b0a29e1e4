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

/// A writer that takes template output as it is rendered and tells whether
/// its [`tidy`] form, its end trimmed, equals `base`, and fails (so the
/// render stops) at the first line that shows it cannot: a changed answer
/// is known from its first changed line, not its last. What it has
/// compared is always a prefix of the tidy text, so it never fails early.
pub struct TidyCompare<'b> {
    base: &'b [u8],
    at: usize,
    blank: bool,
    line: Vec<u8>,
    taken: usize,
    limit: usize,
}

impl<'b> TidyCompare<'b> {
    /// Compares with `base`; more than `limit` bytes of output fail.
    pub fn new(base: &'b str, limit: usize) -> Self {
        TidyCompare { base: base.as_bytes(), at: 0, blank: false, line: Vec::new(), taken: 0, limit }
    }

    fn emit(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self.base.get(self.at..self.at + bytes.len()) {
            Some(b) if b == bytes => {
                self.at += bytes.len();
                Ok(())
            }
            _ => Err(std::io::Error::other("differs")),
        }
    }

    fn end_line(&mut self) -> std::io::Result<()> {
        let line = std::mem::take(&mut self.line);
        let text = std::str::from_utf8(&line).map_err(std::io::Error::other)?.trim_end();
        if text.is_empty() {
            self.blank = true;
            return Ok(());
        }
        if self.at > 0 {
            self.emit(if self.blank { b"\n\n" } else { b"\n" })?;
        }
        self.blank = false;
        self.emit(text.as_bytes())
    }

    /// After a render that succeeded: whether the whole text equals `base`.
    pub fn equal(mut self) -> bool {
        self.end_line().is_ok() && self.at == self.base.len()
    }
}

impl std::io::Write for TidyCompare<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.taken += buf.len();
        if self.taken > self.limit {
            return Err(std::io::Error::other("too much output"));
        }
        let mut rest = buf;
        while let Some(i) = rest.iter().position(|&b| b == b'\n') {
            self.line.extend_from_slice(&rest[..i]);
            self.end_line()?;
            rest = &rest[i + 1..];
        }
        self.line.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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

    /// Written in `cuts` pieces, `raw` compares as its tidy form does.
    fn compares(raw: &str, base: &str, cuts: &[usize]) -> bool {
        use std::io::Write;
        let mut w = TidyCompare::new(base, usize::MAX);
        let bytes = raw.as_bytes();
        let mut at = 0;
        for &c in cuts {
            let end = (at + c).min(bytes.len());
            if w.write_all(&bytes[at..end]).is_err() {
                return false;
            }
            at = end;
        }
        w.write_all(&bytes[at..]).is_ok() && w.equal()
    }

    #[test]
    fn a_rendered_text_compares_as_its_tidy_form_and_stops_at_the_first_changed_line() {
        assert!(compares("\n a  \n\n\nb \r\nc", " a\n\nb\nc", &[2, 3]));
        assert!(!compares("a\nb", "a\n\nb", &[]));
        use std::io::Write;
        let mut w = TidyCompare::new("een\ntwee", usize::MAX);
        assert!(w.write_all(b"drie\n").is_err(), "the first line already differs");
    }

    proptest::proptest! {
        #[test]
        fn comparing_as_it_is_written_agrees_with_tidying_the_whole(
            raw in "[ab \t\r\n\u{a0}é]{0,40}",
            other in "[ab \t\r\n]{0,40}",
            cuts in proptest::collection::vec(0usize..7, 0..8),
        ) {
            for base in [raw.clone(), other] {
                let base = tidy(&base).trim_end().to_string();
                let expected = tidy(&raw).trim_end() == base;
                proptest::prop_assert_eq!(compares(&raw, &base, &cuts), expected, "{:?} vs {:?}", raw, base);
            }
        }
    }
}
