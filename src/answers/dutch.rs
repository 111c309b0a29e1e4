//! Dutch words for numbers and lists: cardinals (`vier`), ordinals (`vierde`),
//! repetitions (`tweemaal`, `vier keer`), enumerations (`a, b en c`) and annex
//! references (`bijlagen 1 tot en met 5`). Pure functions.

const UNITS: [&str; 20] = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
];
const TENS: [&str; 10] =
    ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"];
const ORDINALS: [&str; 20] = [
    "nulde",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
    "elfde",
    "twaalfde",
    "dertiende",
    "veertiende",
    "vijftiende",
    "zestiende",
    "zeventiende",
    "achttiende",
    "negentiende",
];

/// The cardinal as a word: `4` → `vier`, `1` → `één`, `21` → `eenentwintig`,
/// `22` → `tweeëntwintig`. Numbers from a billion up stay in digits.
pub fn telwoord(n: u64) -> String {
    if n == 1 {
        return "één".into();
    }
    compound(n)
}

/// The cardinal as it stands inside a longer word (`een`, not `één`).
fn compound(n: u64) -> String {
    match n {
        0..=19 => UNITS[n as usize].into(),
        20..=99 => {
            let (t, u) = (n / 10, n % 10);
            if u == 0 {
                TENS[t as usize].into()
            } else {
                let unit = UNITS[u as usize];
                // "twee" + "en" → "tweeën": a trema where two e's would merge.
                let joint = if unit.ends_with('e') { "ën" } else { "en" };
                format!("{unit}{joint}{}", TENS[t as usize])
            }
        }
        100..=999 => {
            let (h, rest) = (n / 100, n % 100);
            let head = if h == 1 { "honderd".to_string() } else { format!("{}honderd", compound(h)) };
            if rest == 0 { head } else { format!("{head}{}", compound(rest)) }
        }
        1000..=999_999 => {
            let (th, rest) = (n / 1000, n % 1000);
            let head = if th == 1 { "duizend".to_string() } else { format!("{}duizend", compound(th)) };
            if rest == 0 { head } else { format!("{head}{}", compound(rest)) }
        }
        1_000_000..=999_999_999 => {
            let (m, rest) = (n / 1_000_000, n % 1_000_000);
            let head = format!("{} miljoen", telwoord(m));
            if rest == 0 { head } else { format!("{head} {}", compound(rest)) }
        }
        _ => n.to_string(),
    }
}

/// The ordinal: `1` → `eerste`, `5` → `vijfde`, `21` → `eenentwintigste`,
/// `101` → `honderdeerste`, `1000` → `duizendste`.
pub fn rangtelwoord(n: u64) -> String {
    if n >= 1_000_000_000 {
        return format!("{n}e");
    }
    let last = n % 100;
    if n < 20 {
        return ORDINALS[n as usize].into();
    }
    if last != 0 && last < 20 {
        return format!("{}{}", compound(n - last), ORDINALS[last as usize]);
    }
    format!("{}ste", compound(n))
}

/// How many times: `1` → `eenmaal`, `2` → `tweemaal`, `3` → `driemaal`,
/// `4` → `vier keer`.
pub fn keer(n: u64) -> String {
    match n {
        1 => "eenmaal".into(),
        2 => "tweemaal".into(),
        3 => "driemaal".into(),
        _ => format!("{} keer", telwoord(n)),
    }
}

/// A Dutch enumeration: `[a, b, c]` → `a, b en c`.
/// Who asked, as the Kamer writes it: "het lid Van Houwelingen (FVD)",
/// "de leden Omtzigt en Van der Molen (beiden CDA)", "de leden A (X), B (Y)
/// en C (Z)". Each member is (short name, party).
pub fn leden(members: &[(&str, Option<&str>)]) -> String {
    let with_party = |(name, party): &(&str, Option<&str>)| match party {
        Some(p) => format!("{name} ({p})"),
        None => name.to_string(),
    };
    match members {
        [] => String::new(),
        [one] => format!("het lid {}", with_party(one)),
        [(_, Some(first)), rest @ ..] if rest.iter().all(|(_, p)| *p == Some(*first)) => {
            let names: Vec<&str> = members.iter().map(|(n, _)| *n).collect();
            let all = if members.len() == 2 { "beiden" } else { "allen" };
            format!("de leden {} ({all} {first})", opsomming(&names))
        }
        _ => format!("de leden {}", opsomming(&members.iter().map(with_party).collect::<Vec<_>>())),
    }
}

pub fn opsomming<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} en {}", head.join(", "), last.as_ref())
        }
    }
}

/// Who an answer is also given for, as the Kamer writes it: each office
/// once, in the plural when it holds several portfolios, in the order
/// first named. `["de Minister van Defensie", "de Minister van Justitie en
/// Veiligheid", "de Staatssecretaris van Volksgezondheid, Welzijn en
/// Sport"]` → "de Ministers van Defensie en van Justitie en Veiligheid en
/// de Staatssecretaris van Volksgezondheid, Welzijn en Sport". A name it
/// cannot read as office and portfolio ("de minister-president") stands
/// as written.
pub fn mede_namens<S: AsRef<str>>(co: &[S]) -> String {
    // (office, its portfolios with their preposition) in order; or a name
    // as written.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for name in co {
        let name = name.as_ref().trim();
        let bare = name.strip_prefix("de ").or_else(|| name.strip_prefix("De ")).unwrap_or(name);
        let parsed = bare.split_once(' ').filter(|(office, rest)| {
            office_plural(office).is_some() && (rest.starts_with("van ") || rest.starts_with("voor "))
        });
        match parsed {
            Some((office, rest)) => {
                match groups.iter_mut().find(|(o, _)| o.eq_ignore_ascii_case(office) && !o.is_empty()) {
                    Some((_, portfolios)) => portfolios.push(rest.to_string()),
                    None => groups.push((office.to_string(), vec![rest.to_string()])),
                }
            }
            None => groups.push((String::new(), vec![name.to_string()])),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(office, portfolios)| match (office.is_empty(), portfolios.len()) {
            (true, _) => portfolios.join(""),
            (false, 1) => format!("de {office} {}", portfolios[0]),
            (false, _) => {
                format!("de {} {}", office_plural(&office).unwrap_or_default(), opsomming(&portfolios))
            }
        })
        .collect();
    opsomming(&parts)
}

/// The plural of an office that answers Kamervragen, in the case written.
fn office_plural(office: &str) -> Option<String> {
    let plural = match office.to_lowercase().as_str() {
        "minister" => "ministers",
        "staatssecretaris" => "staatssecretarissen",
        _ => return None,
    };
    let capital = office.chars().next().is_some_and(char::is_uppercase);
    Some(if capital { super::context::ucfirst(plural) } else { plural.to_string() })
}

/// Annex numbers as the Kamer writes them: `bijlage 3`, `bijlagen 1 en 2`,
/// `bijlagen 1 tot en met 5`, `bijlagen 1, 3 tot en met 5 en 7`.
pub fn bijlagen(numbers: &[u64]) -> String {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!("{} tot en met {}", sorted[i], sorted[j]));
        } else {
            parts.extend(sorted[i..=j].iter().map(u64::to_string));
        }
        i = j + 1;
    }
    match sorted.len() {
        0 => String::new(),
        1 => format!("bijlage {}", parts[0]),
        _ => format!("bijlagen {}", opsomming(&parts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn co_answerers_are_grouped_by_office_as_the_kamer_writes_them() {
        // Van Haga, "Desinformatie-operatie" (2023D16708).
        let co = [
            "de Minister van Defensie",
            "de Minister van Justitie en Veiligheid",
            "de Staatssecretaris van Volksgezondheid, Welzijn en Sport",
            "de Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
        ];
        assert_eq!(
            mede_namens(&co),
            "de Ministers van Defensie en van Justitie en Veiligheid en de Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Binnenlandse Zaken en Koninkrijksrelaties"
        );
        assert_eq!(mede_namens(&["de staatssecretaris van Financiën"]), "de staatssecretaris van Financiën");
        assert_eq!(
            mede_namens(&[
                "de Minister voor Klimaat en Energie",
                "de minister-president",
                "de Minister van Financiën"
            ]),
            "de Ministers voor Klimaat en Energie en van Financiën en de minister-president"
        );
        // One string, written as the Kamer does, stays as it is.
        let one = "de Ministers van Defensie en van Justitie en Veiligheid";
        assert_eq!(mede_namens(&[one]), one);
    }

    #[test]
    fn one_member_is_het_lid_and_several_are_de_leden() {
        assert_eq!(leden(&[("Van Houwelingen", Some("FVD"))]), "het lid Van Houwelingen (FVD)");
        assert_eq!(
            leden(&[("Omtzigt", Some("CDA")), ("Van der Molen", Some("CDA"))]),
            "de leden Omtzigt en Van der Molen (beiden CDA)"
        );
        assert_eq!(
            leden(&[("A", Some("X")), ("B", Some("X")), ("C", Some("X"))]),
            "de leden A, B en C (allen X)"
        );
        assert_eq!(leden(&[("A", Some("X")), ("B", Some("Y"))]), "de leden A (X) en B (Y)");
    }

    #[test]
    fn cardinals_at_the_edges() {
        let cases = [
            (0, "nul"),
            (1, "één"),
            (2, "twee"),
            (11, "elf"),
            (12, "twaalf"),
            (13, "dertien"),
            (14, "veertien"),
            (18, "achttien"),
            (19, "negentien"),
            (20, "twintig"),
            (21, "eenentwintig"),
            (22, "tweeëntwintig"),
            (23, "drieëntwintig"),
            (28, "achtentwintig"),
            (99, "negenennegentig"),
            (100, "honderd"),
            (101, "honderdeen"),
            (122, "honderdtweeëntwintig"),
            (200, "tweehonderd"),
            (1000, "duizend"),
            (1001, "duizendeen"),
            (2024, "tweeduizendvierentwintig"),
            (1_000_000, "één miljoen"),
            (3_000_021, "drie miljoen eenentwintig"),
        ];
        for (n, w) in cases {
            assert_eq!(telwoord(n), w, "{n}");
        }
        assert_eq!(telwoord(5_000_000_000), "5000000000");
    }

    #[test]
    fn ordinals_at_the_edges() {
        let cases = [
            (0, "nulde"),
            (1, "eerste"),
            (2, "tweede"),
            (3, "derde"),
            (4, "vierde"),
            (5, "vijfde"),
            (8, "achtste"),
            (11, "elfde"),
            (12, "twaalfde"),
            (13, "dertiende"),
            (19, "negentiende"),
            (20, "twintigste"),
            (21, "eenentwintigste"),
            (22, "tweeëntwintigste"),
            (30, "dertigste"),
            (100, "honderdste"),
            (101, "honderdeerste"),
            (103, "honderdderde"),
            (108, "honderdachtste"),
            (120, "honderdtwintigste"),
            (1000, "duizendste"),
            (1001, "duizendeerste"),
        ];
        for (n, w) in cases {
            assert_eq!(rangtelwoord(n), w, "{n}");
        }
    }

    #[test]
    fn repetitions() {
        assert_eq!(keer(0), "nul keer");
        assert_eq!(keer(1), "eenmaal");
        assert_eq!(keer(2), "tweemaal");
        assert_eq!(keer(3), "driemaal");
        assert_eq!(keer(4), "vier keer");
        assert_eq!(keer(21), "eenentwintig keer");
        assert_eq!(keer(100), "honderd keer");
    }

    #[test]
    fn enumerations() {
        assert_eq!(opsomming::<&str>(&[]), "");
        assert_eq!(opsomming(&["Meta"]), "Meta");
        assert_eq!(opsomming(&["Twitter", "Facebook"]), "Twitter en Facebook");
        assert_eq!(
            opsomming(&["Meta", "Google", "Twitter", "TikTok", "Snapchat"]),
            "Meta, Google, Twitter, TikTok en Snapchat"
        );
    }

    #[test]
    fn annex_references() {
        assert_eq!(bijlagen(&[]), "");
        assert_eq!(bijlagen(&[3]), "bijlage 3");
        assert_eq!(bijlagen(&[2, 1]), "bijlagen 1 en 2");
        assert_eq!(bijlagen(&[1, 2, 3, 4, 5]), "bijlagen 1 tot en met 5");
        assert_eq!(bijlagen(&[1, 3, 4, 5, 7]), "bijlagen 1, 3 tot en met 5 en 7");
    }
}
