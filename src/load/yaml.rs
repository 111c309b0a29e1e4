//! YAML to a positioned node tree. The only module that knows the YAML parser
//! (serde-saphyr): it parses under a budget (no alias bombs, no deep nesting)
//! and keeps the byte span of every key and value.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A YAML node and where it stands in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: Kind,
    /// Byte range of the node in the source (a mapping's starts at its first key).
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Null,
    /// Any scalar, as text. For plain scalars that YAML would read as a
    /// number or boolean, the text as written (`2021`, `1.10`, `no`).
    Scalar(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub name: String,
    pub start: usize,
    pub end: usize,
}

impl Node {
    pub fn describe(&self) -> String {
        match self.kind {
            Kind::Null => crate::tr!("found-nothing"),
            Kind::Scalar(_) => crate::tr!("found-value"),
            Kind::Seq(_) => crate::tr!("found-list"),
            Kind::Map(_) => crate::tr!("found-mapping"),
        }
    }
}

/// A YAML syntax error or a budget exceeded, at a byte offset.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub offset: usize,
}

/// Nesting deeper than this is refused: real records need fewer than ten levels.
const MAX_DEPTH: usize = 64;
/// Alias expansion is capped so that a small file cannot become a huge tree.
const MAX_REPLAYED_EVENTS: usize = 100_000;

/// The most bytes of text the values and keys of one file may hold with
/// every alias written out: the event budgets count an alias once however
/// long the value it repeats, so a small file of aliases to one long
/// string would otherwise become gigabytes.
pub const MAX_EXPANDED_BYTES: usize = 16 << 20;

thread_local! {
    /// Bytes of text the file being parsed on this thread may still add.
    static TEXT_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_EXPANDED_BYTES) };
}

/// Charges `len` bytes of text to the file being parsed.
fn charge<E: serde::de::Error>(len: usize) -> Result<(), E> {
    let left = TEXT_LEFT.get();
    if len > left {
        TEXT_LEFT.set(0);
        return Err(E::custom(crate::tr!("yaml-aliases-too-large", mib = MAX_EXPANDED_BYTES >> 20)));
    }
    TEXT_LEFT.set(left - len);
    Ok(())
}

pub fn parse(source: &str) -> Result<Node, SyntaxError> {
    TEXT_LEFT.set(MAX_EXPANDED_BYTES);
    let mut options = serde_saphyr::Options::default();
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_events = 2_000_000;
    budget.max_aliases = 10_000;
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    options.strict_booleans = true;
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(source, options) {
        Ok(raw) => Ok(convert(raw, source)),
        Err(e) => {
            let offset = e
                .location()
                .and_then(|l| l.span().byte_offset())
                .map(|o| o as usize)
                .or_else(|| e.location().map(|l| offset_of(source, l.line(), l.column())))
                .unwrap_or(0)
                .min(source.len());
            Err(SyntaxError { message: clean_message(&e.to_string()), offset })
        }
    }
}

/// serde-saphyr's message without its own position suffix (we show ours).
fn clean_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let first = match first.find(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    first.trim_start_matches("error: ").to_string()
}

fn offset_of(source: &str, line: u64, column: u64) -> usize {
    let line_start: usize =
        source.split_inclusive('\n').take(line.saturating_sub(1) as usize).map(str::len).sum();
    let col = source[line_start.min(source.len())..]
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(0, |(i, _)| i);
    line_start + col
}

/// What serde-saphyr hands us: typed scalars with spans.
enum Raw {
    Null,
    Text(String),
    Typed(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<KeyText>, Spanned<Raw>)>),
}

/// A key's text, charged to the file's text budget as values are.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        charge(s.len())?;
        Ok(KeyText(s))
    }
}

fn span_of<T>(s: &Spanned<T>) -> (usize, usize) {
    let span = s.referenced.span();
    let start = span.byte_offset().unwrap_or(0) as usize;
    (start, start + span.byte_len().unwrap_or(0) as usize)
}

fn convert(raw: Spanned<Raw>, source: &str) -> Node {
    let (start, end) = span_of(&raw);
    let kind = match raw.value {
        Raw::Null => Kind::Null,
        Raw::Text(s) => Kind::Scalar(s),
        Raw::Typed(fallback) => Kind::Scalar(source.get(start..end).map_or(fallback, str::to_string)),
        Raw::Seq(items) => Kind::Seq(items.into_iter().map(|i| convert(i, source)).collect()),
        Raw::Map(entries) => Kind::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let (ks, ke) = span_of(&k);
                    (Key { name: k.value.0, start: ks, end: ke }, convert(v, source))
                })
                .collect(),
        ),
    };
    Node { kind, start, end }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Typed(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Typed(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Typed(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(Raw::Typed(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(Raw::Typed(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Typed(v.to_string()))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Raw, E> {
        charge(v.len())?;
        Ok(Raw::Text(v.to_string()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Raw, E> {
        charge(v.len())?;
        Ok(Raw::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
        let mut v = Vec::new();
        while let Some(x) = a.next_element()? {
            v.push(x);
        }
        Ok(Raw::Seq(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
        let mut v = Vec::new();
        while let Some(k) = a.next_key()? {
            v.push((k, a.next_value()?));
        }
        Ok(Raw::Map(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(n: &Node) -> &str {
        match &n.kind {
            Kind::Scalar(s) => s,
            other => panic!("not a scalar: {other:?}"),
        }
    }

    fn entry<'a>(n: &'a Node, key: &str) -> &'a Node {
        match &n.kind {
            Kind::Map(m) => &m.iter().find(|(k, _)| k.name == key).unwrap().1,
            _ => panic!("not a map"),
        }
    }

    #[test]
    fn keeps_scalars_as_written_with_spans() {
        let src = "a: 2021\nb: no\nc: 1.10\nd: 'x: y'\ne:\n";
        let root = parse(src).unwrap();
        assert_eq!(scalar(entry(&root, "a")), "2021");
        assert_eq!(scalar(entry(&root, "b")), "no");
        assert_eq!(scalar(entry(&root, "c")), "1.10");
        assert_eq!(scalar(entry(&root, "d")), "x: y");
        assert_eq!(entry(&root, "e").kind, Kind::Null);
        let a = entry(&root, "a");
        assert_eq!(&src[a.start..a.end], "2021");
    }

    #[test]
    fn refuses_alias_bombs_and_deep_nesting() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..8 {
            let prev = (b'a' + i) as char;
            let next = (b'a' + i + 1) as char;
            bomb.push_str(&format!("{next}: &{next} [{}]\n", vec![format!("*{prev}"); 10].join(", ")));
        }
        assert!(parse(&bomb).is_err());
        let deep = "[".repeat(10_000);
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn aliases_of_a_long_string_are_bounded_by_their_written_out_size() {
        let long = "x".repeat(1 << 20);
        let mut src = format!("a: &a \"{long}\"\nb: [");
        src.push_str(&["*a"; 100].join(", "));
        src.push_str("]\n");
        let start = std::time::Instant::now();
        let e = parse(&src).unwrap_err();
        assert!(e.message.contains("limit of 16 MiB"), "{e:?}");
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        // Ten aliases of it fit.
        let fits = format!("a: &a \"{long}\"\nb: [{}]\n", ["*a"; 10].join(", "));
        assert!(parse(&fits).is_ok());
    }

    #[test]
    fn syntax_errors_have_an_offset() {
        let e = parse("a: 1\nb: [1, 2\n").unwrap_err();
        assert!(e.offset <= 14, "{e:?}");
        let dup = parse("a: 1\na: 2\n").unwrap_err();
        assert!(dup.message.contains("duplicate"), "{dup:?}");
        assert_eq!(dup.offset, 5);
    }

    proptest::proptest! {
        /// The YAML reader over any text (YAML's own syntax mixed in):
        /// it never panics, and every node it gives lies inside the source,
        /// its children inside it.
        #[test]
        fn any_text_is_read_or_refused_and_every_node_lies_inside_the_source(
            text in "(\\PC|\n|: |- |  |&a |\\*a|\\[|\\]|\\{|\\}|\\||>|\"|'|#|---|!!str ){0,80}",
        ) {
            fn inside(n: &Node, len: usize) -> bool {
                n.start <= n.end
                    && n.end <= len
                    && match &n.kind {
                        Kind::Seq(items) => items.iter().all(|c| inside(c, len)),
                        Kind::Map(entries) => entries.iter().all(|(_, c)| inside(c, len)),
                        _ => true,
                    }
            }
            if let Ok(root) = parse(&text) {
                proptest::prop_assert!(inside(&root, text.len()), "{root:?} outside {} bytes", text.len());
            }
        }
    }
}
