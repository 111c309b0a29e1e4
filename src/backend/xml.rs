//! Text as XML character data, for the formats that are XML or nearly so
//! (the HTML, the PDF's XMP packet): markup characters escaped (quotes too,
//! so the same text may stand in an attribute), and the characters XML 1.0
//! cannot hold at all (C0 controls other than tab and line ends,
//! U+FFFE, U+FFFF) left out.

/// `s` as XML character data.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_is_escaped_and_what_xml_cannot_hold_is_left_out() {
        assert_eq!(super::escape("a<b>&\"c\"\u{1}\u{FFFF}\té"), "a&lt;b&gt;&amp;&quot;c&quot;\té");
    }
}
