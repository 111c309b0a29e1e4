//! Where a line may break, as the Kamer sets its text: never inside a date
//! ("2 december 2022", "maart 2021"), between a number and its unit
//! ("25 dagen", "3,5 procent", "€ 40"), or after a label that belongs to
//! its number ("artikel 5.1", "nr. 914"); elsewhere by the Unicode
//! line-breaking rules (UAX #14, the `unicode-linebreak` crate), so that a
//! no-break space holds and a long address breaks after its slashes.
//! Shared by the formats that break lines themselves (the PDF) or can be
//! told where not to (the HTML).

use std::borrow::Cow;

const NO_BREAK: char = '\u{A0}';

use crate::model::date::MONTHS;

/// Units that stay with the number before them.
const UNITS: &[&str] = &[
    "%", "procent", "euro", "cent", "km", "m", "cm", "mm", "kg", "g", "uur", "minuten", "minuut", "seconden",
    "dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "miljoen", "miljard", "mln", "mld",
];

/// Labels that stay with the number after them.
const LABELS: &[&str] = &[
    "artikel",
    "artikelen",
    "art.",
    "lid",
    "nr.",
    "nrs.",
    "no.",
    "hoofdstuk",
    "paragraaf",
    "pagina",
    "p.",
    "bijlage",
    "€",
];

/// `text` with a no-break space wherever a line must not break: inside a
/// date, between a number and its unit, after a label of a number.
pub fn keep_together(text: &str) -> Cow<'_, str> {
    if !text.contains(' ') || !text.bytes().any(|b| b.is_ascii_digit()) && !text.contains('€') {
        return Cow::Borrowed(text);
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len() + 4);
    let mut changed = false;
    for (i, w) in words.iter().enumerate() {
        out.push_str(w);
        if let Some(next) = words.get(i + 1) {
            if glue(w, next) {
                out.push(NO_BREAK);
                changed = true;
            } else {
                out.push(' ');
            }
        }
    }
    if changed { Cow::Owned(out) } else { Cow::Borrowed(text) }
}

/// Whether the space between `a` and `b` must not break.
fn glue(a: &str, b: &str) -> bool {
    let a_bare = a.trim_start_matches(['(', '[', '“', '‘', '«']);
    let b_word = b.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '.');
    let day = |s: &str| s.len() <= 2 && s.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    let month = |s: &str| MONTHS.contains(&s.to_lowercase().as_str());
    let year = |s: &str| {
        let digits = s.trim_end_matches(|c: char| !c.is_ascii_digit());
        digits.len() == 4 && digits.bytes().all(|c| c.is_ascii_digit())
    };
    let number = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_digit())
            && s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let b_month = b.trim_end_matches(|c: char| !c.is_alphabetic());
    (day(a_bare) && month(b_month))
        || (month(a_bare) && year(b))
        || (number(a_bare) && UNITS.contains(&b_word.trim_end_matches('.')))
        || (number(a_bare) && b_word == "%")
        || (LABELS.contains(&a_bare.to_lowercase().as_str()) && b.starts_with(|c: char| c.is_ascii_digit()))
}

/// `piece` (text without spaces) cut where the Unicode rules allow a line
/// to break inside it: after a slash or a hyphen, a dash, a zero-width
/// space. A no-break space or a word joiner holds.
pub fn segments(piece: &str) -> impl Iterator<Item = &str> {
    // Plain words (the most of any text) have no break inside.
    let plain = piece.bytes().all(|b| b.is_ascii_alphanumeric() || b".,;:!?'\"()".contains(&b));
    let mut cuts: Vec<usize> = Vec::new();
    if !plain {
        cuts.extend(
            unicode_linebreak::linebreaks(piece)
                .filter(|(at, kind)| {
                    *kind == unicode_linebreak::BreakOpportunity::Allowed && *at < piece.len()
                })
                .map(|(at, _)| at),
        );
    }
    cuts.push(piece.len());
    let mut start = 0;
    cuts.into_iter().filter_map(move |end| {
        let s = &piece[start..end];
        start = end;
        (!s.is_empty()).then_some(s)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_units_and_numbered_labels_hold_together() {
        let t = "Op 2 december 2022 (en in maart 2021) was het 25 dagen, 3,5 procent, € 40 en artikel 5.1 lid 2; zie nr. 914.";
        let kept = keep_together(t);
        for held in [
            "2\u{A0}december\u{A0}2022",
            "maart\u{A0}2021)",
            "25\u{A0}dagen,",
            "3,5\u{A0}procent",
            "€\u{A0}40",
            "artikel\u{A0}5.1",
            "lid\u{A0}2;",
            "nr.\u{A0}914.",
        ] {
            assert!(kept.contains(held), "{held:?} in {kept:?}");
        }
        assert!(kept.starts_with("Op 2"), "other spaces stay: {kept:?}");
        assert_eq!(keep_together("Geen getal hier"), "Geen getal hier");
        assert_eq!(keep_together("vraag 3 en 4 mensen"), "vraag 3 en 4 mensen");
    }

    #[test]
    fn addresses_break_after_slashes_and_no_break_spaces_hold() {
        let url = "https://archief28.sitearchief.nl/archives/sitearchief/0/https://www.rijksoverheid.nl";
        let parts: Vec<&str> = segments(url).collect();
        assert!(parts.len() > 4, "{parts:?}");
        assert_eq!(parts.concat(), url);
        assert!(parts.iter().any(|p| p.ends_with('/')));
        assert_eq!(segments("2\u{A0}december\u{A0}2022").count(), 1);
        assert_eq!(segments("verkiezingsproces").collect::<Vec<_>>(), ["verkiezingsproces"]);
        assert_eq!(segments("Wob-verzoek").collect::<Vec<_>>(), ["Wob-", "verzoek"]);
    }
}
