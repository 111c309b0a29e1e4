//! Personal data recognised in text nobody marked: e-mail addresses, Dutch
//! (and international) phone numbers, IBANs (mod-97 checked) and BSNs
//! (the eleven-check). Hand-written scanners, each linear in the text (a
//! candidate is bounded in length), so no input makes them slow.
//!
//! Each hit has a key, its value written one way (`Jan@X.nl` is
//! `jan@x.nl`, `+31 70 426 6426` is `0704266426`, `nl91 abna 0417 1643 00`
//! is `NL91ABNA0417164300`), to compare it with the allow list and find it
//! again in the sources however it was written there.

use std::ops::Range;

/// What kind of personal data a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Email,
    Phone,
    Iban,
    Bsn,
}

impl Kind {
    /// In words, for messages.
    pub fn name(self) -> String {
        crate::i18n::word("personal-kind", self.key())
    }

    /// The kind's key in the message catalogs (`personal-kind-…`).
    fn key(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Phone => "phone",
            Kind::Iban => "iban",
            Kind::Bsn => "bsn",
        }
    }
}

/// Personal data found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    /// Its bytes in the text scanned.
    pub range: Range<usize>,
    /// Its value written one way.
    pub key: String,
}

/// The local part of an address may be this long (RFC 5321).
const LOCAL_MAX: usize = 64;
/// A domain may be this long.
const DOMAIN_MAX: usize = 255;
/// A phone number is written in at most this many bytes.
const PHONE_MAX: usize = 24;

/// Every e-mail address, phone number, IBAN and BSN in `text`, in order.
/// `%XX` escapes (a link's address) are read as what they stand for.
pub fn scan(text: &str) -> Vec<Hit> {
    let mut hits = scan_plain(text);
    if text.contains('%') {
        let (decoded, origin) = percent_decoded(text);
        for mut h in scan_plain(&decoded) {
            let start = origin[h.range.start];
            let end = origin.get(h.range.end).copied().unwrap_or(text.len());
            h.range = start..end;
            if !hits.iter().any(|o| o.kind == h.kind && o.key == h.key) {
                hits.push(h);
            }
        }
        hits.sort_by_key(|h| (h.range.start, h.kind));
    }
    hits
}

fn scan_plain(text: &str) -> Vec<Hit> {
    let b = text.as_bytes();
    let mut hits = Vec::new();
    hits.extend(emails(b));
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let at_word_start = i == 0 || !is_word(b[i - 1]);
        if at_word_start && c.is_ascii_alphabetic() {
            // An IBAN's shape is skipped whole, valid or not: the account
            // number inside a mistyped one is no phone number.
            if let Some((end, valid)) = iban(b, i) {
                i = end;
                hits.extend(valid);
                continue;
            }
        }
        if at_word_start && (c.is_ascii_digit() || c == b'+' || c == b'(') {
            let before_ok = i == 0 || !matches!(b[i - 1], b'-' | b'/' | b'.' | b'_' | b',' | b'+');
            if before_ok && let Some(h) = phone(b, i) {
                i = h.range.end;
                hits.push(h);
                continue;
            }
            if c.is_ascii_digit()
                && let Some(h) = bsn(b, i)
            {
                i = h.range.end;
                hits.push(h);
                continue;
            }
        }
        // Skip the rest of a word: nothing starts inside one.
        if is_word(c) {
            while i < b.len() && is_word(b[i]) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    // E-mail addresses first: a number inside one is the address's.
    let mut out: Vec<Hit> = Vec::new();
    hits.sort_by_key(|h| (h.range.start, h.kind));
    for h in hits {
        if out.iter().any(|o| o.range.start < h.range.end && h.range.start < o.range.end) {
            continue;
        }
        out.push(h);
    }
    out
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// `text` with `%XX` escapes decoded, and for each byte of the result the
/// byte of `text` it came from.
fn percent_decoded(text: &str) -> (String, Vec<usize>) {
    let b = text.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut origin = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let (Some(h), Some(l)) =
                (b.get(i + 1).and_then(|c| hex(*c)), b.get(i + 2).and_then(|c| hex(*c)))
            && (h << 4 | l).is_ascii()
        {
            out.push(h << 4 | l);
            origin.push(i);
            i += 3;
            continue;
        }
        out.push(b[i]);
        origin.push(i);
        i += 1;
    }
    // Only ASCII escapes were decoded: the result is UTF-8 as `text` was.
    (String::from_utf8(out).unwrap_or_default(), origin)
}

/// Every e-mail address: a local part, `@`, a domain with a dot and a
/// top-level domain of letters.
fn emails(b: &[u8]) -> Vec<Hit> {
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-'".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'.';
    let mut out = Vec::new();
    let mut from = 0;
    for at in memchr_all(b, b'@') {
        if at < from {
            continue;
        }
        let mut start = at;
        while start > from && at - start < LOCAL_MAX && local(b[start - 1]) {
            start -= 1;
        }
        while start < at && matches!(b[start], b'.' | b'\'' | b'%') {
            start += 1;
        }
        let mut end = at + 1;
        while end < b.len() && end - at <= DOMAIN_MAX && domain(b[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
            end -= 1;
        }
        if start == at || end == at + 1 {
            continue;
        }
        let host = &b[at + 1..end];
        let Some(dot) = host.iter().rposition(|&c| c == b'.') else { continue };
        let tld = &host[dot + 1..];
        if tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) || host.starts_with(b".") {
            continue;
        }
        let key = String::from_utf8_lossy(&b[start..end]).to_ascii_lowercase();
        out.push(Hit { kind: Kind::Email, range: start..end, key });
        from = end;
    }
    out
}

fn memchr_all(b: &[u8], needle: u8) -> impl Iterator<Item = usize> + '_ {
    b.iter().enumerate().filter(move |(_, c)| **c == needle).map(|(i, _)| i)
}

/// A phone number starting at `i`: digits in groups split by one space,
/// hyphen, dot or slash, maybe a `+` and a country code first, maybe an
/// area code in brackets. Recognised: Dutch numbers (`06-12345678`,
/// `070 123 45 67`, `(070) 1234567`, `0800-1234`, `+31 6 1234 5678`,
/// `+31 (0)70 …`) and an international one with its `+`.
fn phone(b: &[u8], i: usize) -> Option<Hit> {
    let mut groups: Vec<(usize, usize)> = Vec::new(); // digit runs: start, end
    let mut j = i;
    let plus = b[j] == b'+';
    if plus {
        j += 1;
    }
    let limit = (i + PHONE_MAX).min(b.len());
    let mut brackets = 0;
    while j < limit {
        if b[j] == b'(' {
            // `(070)` or `(0)`, once.
            brackets += 1;
            if brackets > 1 {
                break;
            }
            let close = b[j + 1..limit].iter().position(|&c| c == b')')?;
            let inner = &b[j + 1..j + 1 + close];
            if inner.is_empty() || inner.len() > 4 || !inner.iter().all(u8::is_ascii_digit) {
                return None;
            }
            groups.push((j + 1, j + 1 + close));
            j += close + 2;
            if j < limit && b[j] == b' ' {
                j += 1;
            }
            continue;
        }
        let start = j;
        while j < limit && b[j].is_ascii_digit() {
            j += 1;
        }
        if j == start {
            break;
        }
        groups.push((start, j));
        // One separator, then digits (or a bracket).
        if j + 1 < limit
            && matches!(b[j], b' ' | b'-' | b'.' | b'/')
            && (b[j + 1].is_ascii_digit() || b[j + 1] == b'(')
        {
            j += 1;
        } else {
            break;
        }
    }
    let (_, last_end) = *groups.last()?;
    // Not inside a longer word or number (`0612345678x`, `1.5`).
    if b.get(last_end).is_some_and(|&c| is_word(c))
        || (b.get(last_end) == Some(&b'.') && b.get(last_end + 1).is_some_and(u8::is_ascii_digit))
        || (b.get(last_end) == Some(&b',') && b.get(last_end + 1).is_some_and(u8::is_ascii_digit))
    {
        return None;
    }
    let digits: String = groups.iter().map(|&(s, e)| std::str::from_utf8(&b[s..e]).unwrap_or("")).collect();
    let lens: Vec<usize> = groups.iter().map(|&(s, e)| e - s).collect();
    let key = if plus {
        let national = if let Some(rest) = digits.strip_prefix("31") {
            // `+31 (0)70 …`: the trunk zero in brackets is dropped.
            let rest = rest.strip_prefix('0').unwrap_or(rest);
            format!("0{rest}")
        } else {
            // Another country: eight to fifteen digits after the `+`.
            if !(8..=15).contains(&digits.len()) {
                return None;
            }
            return Some(Hit { kind: Kind::Phone, range: i..last_end, key: format!("+{digits}") });
        };
        if national.len() != 10 {
            return None;
        }
        national
    } else if let Some(rest) = digits.strip_prefix("0031") {
        format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
    } else {
        digits.clone()
    };
    if !dutch(&key, if plus { None } else { Some(lens[0]) }) {
        return None;
    }
    // A brace of groups that reads as a date: `01-02-2022` has eight digits
    // and is not a number, but `01-02-2022 10` would have ten.
    if !plus && lens.len() >= 3 && lens[0] <= 2 && lens[1] == 2 && lens[2] == 4 {
        return None;
    }
    Some(Hit { kind: Kind::Phone, range: i..last_end, key })
}

/// Whether `n` (digits, national form) is a Dutch phone number: ten digits
/// starting with `0` (not `00`), or an information number (`0800`, `0900`,
/// `0906`, `0909`) of eight or eleven digits. `first`: how many digits the
/// first group has, when written in groups: an area code and its zero is
/// three or four digits, a mobile number's prefix `06` two.
fn dutch(n: &str, first: Option<usize>) -> bool {
    let info = ["0800", "0900", "0906", "0909"].iter().any(|p| n.starts_with(p));
    if info {
        return n.len() == 8 || n.len() == 11;
    }
    if n.len() != 10 || !n.starts_with('0') || n.starts_with("00") {
        return false;
    }
    match first {
        None | Some(10) => true,
        Some(2) => n.starts_with("06"),
        Some(3 | 4) => true,
        _ => false,
    }
}

/// A BSN starting at `i`: nine digits (or `1234.56.782`, `123 456 782`)
/// that pass the eleven-check and are not inside a longer number.
fn bsn(b: &[u8], i: usize) -> Option<Hit> {
    let run = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = run(i);
    let (end, digits) = if first == 9 {
        (i + 9, b[i..i + 9].to_vec())
    } else {
        // Grouped: 4.2.3 with dots, or 3 3 3 with spaces.
        let groups: &[usize] = match first {
            4 => &[4, 2, 3],
            3 => &[3, 3, 3],
            _ => return None,
        };
        let sep = *b.get(i + first)?;
        if !(sep == b'.' && first == 4 || sep == b' ' && first == 3) {
            return None;
        }
        let mut j = i;
        let mut digits = Vec::new();
        for (k, &len) in groups.iter().enumerate() {
            if k > 0 {
                if b.get(j) != Some(&sep) {
                    return None;
                }
                j += 1;
            }
            if run(j) != len {
                return None;
            }
            digits.extend_from_slice(&b[j..j + len]);
            j += len;
        }
        (j, digits)
    };
    if b.get(end).is_some_and(|&c| is_word(c))
        || (matches!(b.get(end), Some(b'.' | b',' | b'-')) && b.get(end + 1).is_some_and(u8::is_ascii_digit))
    {
        return None;
    }
    if i > 0 && matches!(b[i - 1], b'.' | b',' | b'-') && i > 1 && b[i - 2].is_ascii_digit() {
        return None;
    }
    let d: Vec<u32> = digits.iter().map(|c| (c - b'0') as u32).collect();
    is_bsn(&d).then(|| Hit { kind: Kind::Bsn, range: i..end, key: String::from_utf8_lossy(&digits).into() })
}

/// The eleven-check of a BSN: 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by
/// 11, and not all zeros.
pub fn is_bsn(d: &[u32]) -> bool {
    if d.len() != 9 || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: i64 =
        d[..8].iter().enumerate().map(|(k, &x)| (9 - k as i64) * x as i64).sum::<i64>() - d[8] as i64;
    sum % 11 == 0
}

/// An IBAN's length in the countries whose IBANs a Dutch ministry meets
/// most; another country's is 15 to 34 characters.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("NL", 18),
    ("BE", 16),
    ("DE", 22),
    ("FR", 27),
    ("GB", 22),
    ("LU", 20),
    ("ES", 24),
    ("IT", 27),
    ("AT", 20),
    ("CH", 21),
    ("IE", 22),
    ("PL", 28),
];

/// An IBAN starting at `i`: two letters, two check digits, then letters
/// and digits, compact or in groups of four split by one space; its
/// length fits the country and it passes the mod-97 check. `None` when
/// nothing IBAN-shaped starts at `i`; else where the shape ends, and the
/// IBAN if it is one.
fn iban(b: &[u8], i: usize) -> Option<(usize, Option<Hit>)> {
    if !(b.len() >= i + 4
        && b[i].is_ascii_alphabetic()
        && b[i + 1].is_ascii_alphabetic()
        && b[i + 2].is_ascii_digit()
        && b[i + 3].is_ascii_digit())
    {
        return None;
    }
    let alnum = |from: usize| b[from..].iter().take(40).take_while(|c| c.is_ascii_alphanumeric()).count();
    let first = alnum(i);
    let mut compact: Vec<u8> = b[i..i + first].to_vec();
    let mut end = i + first;
    if first == 4 {
        // Grouped: `NL91 ABNA 0417 1643 00`.
        while compact.len() < 34 && b.get(end) == Some(&b' ') {
            let n = alnum(end + 1);
            if n == 0 || n > 4 {
                break;
            }
            compact.extend_from_slice(&b[end + 1..end + 1 + n]);
            end += 1 + n;
            if n < 4 {
                break;
            }
        }
    }
    if b.get(end).is_some_and(|&c| c >= 0x80) {
        return None;
    }
    let compact: String = String::from_utf8_lossy(&compact).to_ascii_uppercase();
    let country = &compact[..2];
    let fits = match IBAN_LENGTHS.iter().find(|(c, _)| *c == country) {
        Some((_, n)) => compact.len() == *n,
        None => (15..=34).contains(&compact.len()),
    };
    if compact.len() < 12 {
        return None;
    }
    Some((
        end,
        (fits && mod97(&compact) == 1).then_some(Hit { kind: Kind::Iban, range: i..end, key: compact }),
    ))
}

/// The IBAN check: the first four characters moved to the end, letters as
/// numbers (A = 10 … Z = 35), the whole taken modulo 97.
pub fn mod97(iban: &str) -> u32 {
    let (head, tail) = iban.split_at(4.min(iban.len()));
    let mut rem = 0u32;
    for c in tail.chars().chain(head.chars()) {
        let v = match c.to_digit(36) {
            Some(v) => v,
            None => return 0,
        };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    rem
}

/// `text` with every hit's characters but white space replaced by `*`
/// byte for byte (offsets stay), for the tool's own messages.
pub fn mask(text: &str) -> String {
    let hits = scan(text);
    if hits.is_empty() {
        return text.to_string();
    }
    let mut out = text.to_string();
    for h in hits.into_iter().rev() {
        let stars: String = text[h.range.clone()]
            .chars()
            .flat_map(|c| {
                let n = if c.is_whitespace() { 1 } else { c.len_utf8() };
                std::iter::repeat_n(if c.is_whitespace() { c } else { '*' }, n)
            })
            .collect();
        out.replace_range(h.range, &stars);
    }
    out
}

/// The one value `entry` (an allow-list entry) is, if it is exactly one
/// e-mail address, phone number, IBAN or BSN.
pub fn single(entry: &str) -> Option<Hit> {
    let entry = entry.trim();
    let hits = scan(entry);
    match hits.as_slice() {
        [h] if h.range == (0..entry.len()) => Some(h.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(Kind, String)> {
        scan(text).into_iter().map(|h| (h.kind, h.key)).collect()
    }

    fn one(text: &str, kind: Kind) -> String {
        let found = keys(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].0, kind, "{text:?}");
        found[0].1.clone()
    }

    #[test]
    fn the_eleven_check_tells_a_bsn_from_nine_digits() {
        // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 − 1·4 = 9+8+7+12+10+8+9+6−4 = 65: no.
        assert!(!is_bsn(&[1, 1, 1, 2, 2, 2, 3, 3, 4]));
        // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 − 1·0 = 69: no; with d9 = 3: 66 = 6·11.
        assert!(is_bsn(&[1, 1, 1, 2, 2, 2, 3, 3, 3]));
        assert!(!is_bsn(&[0; 9]));
        assert_eq!(one("BSN 111222333.", Kind::Bsn), "111222333");
        assert_eq!(one("bsn: 1112.22.333", Kind::Bsn), "111222333");
        assert_eq!(one("bsn 111 222 333", Kind::Bsn), "111222333");
        assert!(keys("BSN 111222334.").is_empty(), "fails the eleven-check");
        assert!(keys("nummer 1112223330 en 11122233").is_empty(), "ten and eight digits");
        assert!(keys("€ 111.222.333 en 0,111222333").is_empty(), "an amount and a fraction");
    }

    #[test]
    fn an_iban_passes_its_mod_97_check() {
        assert_eq!(mod97("NL91ABNA0417164300"), 1);
        assert_eq!(one("op NL91 ABNA 0417 1643 00 graag", Kind::Iban), "NL91ABNA0417164300");
        assert_eq!(one("rekening NL91ABNA0417164300.", Kind::Iban), "NL91ABNA0417164300");
        assert_eq!(one("BE68 5390 0754 7034", Kind::Iban), "BE68539007547034");
        assert!(keys("NL92 ABNA 0417 1643 00").is_empty(), "a wrong check digit");
        assert!(keys("NL91 ABNA 0417 1643").is_empty(), "too short for NL");
        assert!(keys("NL91ABNA0417164300X").is_empty(), "inside a longer word");
    }

    #[test]
    fn dutch_phone_numbers_in_their_usual_forms() {
        for (text, key) in [
            ("bel 06-12345678.", "0612345678"),
            ("bel 06 12345678", "0612345678"),
            ("bel 06 1234 5678", "0612345678"),
            ("0612345678", "0612345678"),
            ("+31 6 1234 5678", "0612345678"),
            ("+31612345678", "0612345678"),
            ("0031 6 12345678", "0612345678"),
            ("070-1234567", "0701234567"),
            ("070 123 45 67", "0701234567"),
            ("(070) 123 4567", "0701234567"),
            ("+31 (0)70 123 4567", "0701234567"),
            ("0118-123456", "0118123456"),
            ("0800-1234", "08001234"),
            ("0800 1234567", "08001234567"),
            ("+32 2 123 45 67", "+3221234567"),
        ] {
            assert_eq!(one(text, Kind::Phone), key, "{text}");
        }
    }

    #[test]
    fn dates_ids_kamer_numbers_and_amounts_are_not_personal_data() {
        for text in [
            "op 07-11-2022 en 2022-11-07 en 7.11.2022 om 10.30 uur",
            "01-02-2022 10 meldingen",
            "BZK-2022Z21205-0001 en BZK-534-3444 en 2022Z21205 en 2022D41234",
            "€ 1.234.567,89 en 12,5 miljoen en 0,5 procent en 100.000",
            "Kamerstuk 35 925 VII, nr. 12 en 36 200-VII",
            "versie 1.2.3 en ISBN 978-90-12-34567-8",
            "06-1234 (te kort) en 070-123",
            "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2022Z21205&did=2022D45678",
            "een @gebruiker en e-mail@ en @x.nl en a@b",
            "NL12 en DE en 5.1.2e en 10.2e",
        ] {
            assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
        }
    }

    #[test]
    fn e_mail_addresses_also_escaped_in_a_link() {
        assert_eq!(one("mail Jan.de-Vries+woo@Example.ORG.", Kind::Email), "jan.de-vries+woo@example.org");
        assert_eq!(one("<mailto:p.visser@minbzk.nl>", Kind::Email), "p.visser@minbzk.nl");
        assert_eq!(one("https://x.nl/?to=jan%40example.org", Kind::Email), "jan@example.org");
        let t = "contact: 06-12345678 of jan@x.nl, IBAN NL91ABNA0417164300, BSN 111222333";
        let kinds: Vec<Kind> = scan(t).iter().map(|h| h.kind).collect();
        assert_eq!(kinds, [Kind::Phone, Kind::Email, Kind::Iban, Kind::Bsn]);
        for h in scan(t) {
            assert!(!t[h.range.clone()].starts_with(' ') && !t[h.range].ends_with(' '));
        }
    }

    #[test]
    fn an_allow_list_entry_is_one_value() {
        assert_eq!(single(" postbus@minbzk.nl ").map(|h| h.key), Some("postbus@minbzk.nl".into()));
        assert_eq!(single("070 426 6426").map(|h| h.key), Some("0704266426".into()));
        assert!(single("Postbus 20011").is_none());
        assert!(single("070 426 6426 en 06-12345678").is_none());
    }

    #[test]
    fn long_runs_of_digits_and_at_signs_are_scanned_in_linear_time() {
        for t in
            ["1 ".repeat(200_000), "@a".repeat(200_000), "a.".repeat(100_000) + "@", "0-".repeat(200_000)]
        {
            let started = std::time::Instant::now();
            let _ = scan(&t);
            assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_every_hit_is_inside_the_text(text in "\\PC{0,200}") {
            for h in scan(&text) {
                proptest::prop_assert!(h.range.end <= text.len() && h.range.start < h.range.end);
                proptest::prop_assert!(text.is_char_boundary(h.range.start) && text.is_char_boundary(h.range.end));
            }
        }
    }
}
