//! The cover letter (aanbiedingsbrief) that offers the answers to the Kamer,
//! and the Kamer's heading lines in the answer: every name, party, date and
//! number from the dossier.

use crate::common::Scratch;

#[test]
fn the_cover_letter_offers_the_answers_with_the_dossiers_facts() {
    let s = Scratch::bundled();
    let letter = s.build_and_read("2022Z21205", "aanbieding.md");
    assert!(
        letter.contains("\nrecipient: \"de Voorzitter van de Tweede Kamer der Staten-Generaal\"\n"),
        "{letter}"
    );
    assert!(letter.contains("\nyour_reference: \"2022Z21205\"\n"));
    assert!(!letter.contains("\nour_reference"), "no Ons kenmerk when the dossier has none");
    assert!(letter.contains(
        "Hierbij bied ik u de antwoorden aan op de schriftelijke vragen die op 7 november 2022 zijn gesteld \
         door het lid Van Houwelingen (FVD) over de ‘escalatie kanalen’ en het ‘desinformatieteam BZK’ naar \
         aanleiding van een Wob-verzoek (kenmerk: 2022Z21205)."
    ), "{letter}");
    assert!(
        letter
            .contains("\nDe minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nHanke Bruins Slot\n")
    );
    // The sender column comes from the ministry record, the annexes are
    // counted and named.
    assert!(letter.contains("\nvisiting_address: [\"Turfmarkt 147\", \"2511 DP Den Haag\"]\n"), "{letter}");
    assert!(letter.contains("\nreturn_address: \"Postbus 20011 2500 EA Den Haag\"\n"), "{letter}");
    assert!(
        letter.contains("\nenclosures: \"6\"\n") && letter.contains("Bij de antwoorden horen 5 bijlagen")
    );
    assert!(!crate::common::body(&letter).starts_with('#'), "no large title above the text: {letter}");

    // The facts come from the dossier, not from the template.
    s.edit("data/dossiers/2022Z21205/dossier.yaml", "submitted: 2022-11-07", "submitted: 2022-11-08");
    s.edit("data/dossiers/2022Z21205/dossier.yaml", "party: FVD }", "party: GL }");
    s.edit(
        "data/dossiers/2022Z21205/dossier.yaml",
        "answered: 2022-12-02",
        "answered: 2022-12-02\nreference: \"2022-0000612345\"",
    );
    let letter = s.build_and_read("2022Z21205", "aanbieding.md");
    assert!(
        letter.contains("die op 8 november 2022 zijn gesteld door het lid Van Houwelingen (GL) over"),
        "{letter}"
    );
    assert!(letter.contains("\nour_reference: \"2022-0000612345\"\n"));
    // The HTML letter has the same parts: the addressee block, Datum and
    // Betreft (the page's heading), the sender column, the signature.
    let html = s.read("output/2022Z21205/aanbieding.html");
    let order = [
        "<p class=\"woordmerk\">Ministerie van Binnenlandse Zaken en Koninkrijksrelaties</p>",
        "<p class=\"retour\">&gt; Retouradres Postbus 20011 2500 EA Den Haag</p>",
        "<p class=\"geadresseerde\">Aan de Voorzitter van de Tweede Kamer der Staten-Generaal<br>Postbus 20018<br>2500 EA Den Haag</p>",
        "<dt>Betreft</dt><dd><h1 class=\"betreft\">Beantwoording Kamervragen over",
        "<aside class=\"colofon\"",
        "<p><span class=\"kop\">Bezoekadres</span><br>Turfmarkt 147<br>2511 DP Den Haag</p>",
        "<p><span class=\"kop\">Ons kenmerk</span><br>2022-0000612345</p>",
        "<p><span class=\"kop\">Bijlage(n)</span><br>6</p>",
        "<p>Geachte voorzitter,</p>",
        "<p class=\"slot\">De minister van Binnenlandse Zaken en Koninkrijksrelaties,</p>",
        "<p class=\"ondertekening\">Hanke Bruins Slot</p>",
    ];
    let mut at = 0;
    for part in order {
        at += html[at..].find(part).unwrap_or_else(|| panic!("{part:?} after byte {at} of the HTML letter"));
    }
    let pdf = s.file("output/2022Z21205/aanbieding.pdf");
    if let Some(text) = crate::common::tool("pdftotext", &[crate::common::p(&pdf), "-"]) {
        for row in
            ["Aan de Voorzitter", "Uw kenmerk", "Ons kenmerk", "2022-0000612345", "Datum", "2 december 2022"]
        {
            assert!(text.contains(row), "{row:?} in the letterhead:\n{text}");
        }
    }
}

#[test]
fn several_members_and_co_answerers_give_the_plural_and_mede_namens() {
    let s = Scratch::minimal();
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "submitter: { name: Anna de Vries, short: De Vries, party: XYZ }",
        "submitter: { name: Anna de Vries, short: De Vries, party: XYZ }\n\
         co_submitters:\n  - { name: Bram Bakker, short: Bakker, party: XYZ }\n\
         co_answerers: [de Minister van Defensie, de Staatssecretaris van Financiën]",
    );
    let letter = s.build_and_read("T1", "aanbieding.md");
    assert!(
        letter.contains("Hierbij bied ik u mede namens de Minister van Defensie en de Staatssecretaris van Financiën de antwoorden aan"),
        "{letter}"
    );
    assert!(
        letter.contains("zijn gesteld door de leden De Vries en Bakker (beiden XYZ) over een test"),
        "{letter}"
    );
    let answer = s.read("output/T1/antwoord.md");
    assert!(
        answer.contains("Vragen van de leden De Vries en Bakker (beiden XYZ) aan de Minister van"),
        "{answer}"
    );
    assert!(
        answer.contains("(Binnenlandse Zaken en Koninkrijksrelaties), mede namens de Minister van Defensie en de Staatssecretaris van Financiën (ontvangen 2 december 2022)."),
        "{answer}"
    );
    assert!(
        answer
            .starts_with("---\ntitle: \"Antwoord op vragen van de leden De Vries en Bakker over een test\""),
        "{answer}"
    );

    // Members of different parties each get their own.
    s.edit("data/dossiers/T1/dossier.yaml", "short: Bakker, party: XYZ", "short: Bakker, party: ABC");
    let letter = s.build_and_read("T1", "aanbieding.md");
    assert!(letter.contains("door de leden De Vries (XYZ) en Bakker (ABC) over"), "{letter}");
}

#[test]
fn earlier_delay_notices_are_named_under_the_answer_line() {
    let s = Scratch::minimal();
    let answer = s.build_and_read("T1", "antwoord.md");
    assert!(!answer.contains("Zie ook"), "none without delay notices");
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "answered: 2022-12-02",
        "answered: 2022-12-02\ndelay_notices:\n  - { date: 2022-11-24, aanhangsel: ah-tk-20222023-1016 }\n  - { aanhangsel: ah-tk-20222023-1044 }",
    );
    let answer = s.build_and_read("T1", "antwoord.md");
    assert!(
        answer.contains("(ontvangen 2 december 2022). Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nrs. 1016 en 1044.\n"),
        "{answer}"
    );
    // A wrong id is one clear error at its place.
    s.edit("data/dossiers/T1/dossier.yaml", "ah-tk-20222023-1044", "ah-tk-2022-1044");
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`ah-tk-2022-1044` is not an Aanhangsel document id"), "{}", r.stderr);
    assert!(r.stderr.contains("dossier.yaml:") && r.stderr.contains("ah-tk-20222023-2207"), "{}", r.stderr);
}

/// A word `pdftotext -bbox` found: text, xMin, yMin, xMax, yMax (points
/// from the top-left).
type Word = (String, f32, f32, f32, f32);

/// The words `pdftotext -bbox` finds on page `page` (1-based).
fn words(pdf: &std::path::Path, page: usize) -> Option<Vec<Word>> {
    let n = page.to_string();
    let html = crate::common::tool("pdftotext", &["-bbox", "-f", &n, "-l", &n, crate::common::p(pdf), "-"])?;
    let attr = |line: &str, name: &str| -> f32 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    Some(
        html.lines()
            .filter(|l| l.trim_start().starts_with("<word "))
            .map(|l| {
                let text = l.rsplit_once("\">").unwrap().1.trim_end_matches("</word>").to_string();
                (text, attr(l, "xMin"), attr(l, "yMin"), attr(l, "xMax"), attr(l, "yMax"))
            })
            .collect(),
    )
}

#[test]
fn the_letter_has_the_rijkshuisstijl_parts_where_a_reader_looks_for_them() {
    let s = Scratch::bundled();
    // A letter long enough for two pages.
    let filler =
        "Deze alinea staat hier om de brief over twee pagina’s te laten lopen, zoals een lange brief doet. "
            .repeat(6);
    s.edit(
        "templates/aanbieding.md",
        "Geachte voorzitter,\n",
        &format!("Geachte voorzitter,\n\n{}\n", [filler.as_str(); 5].join("\n\n")),
    );
    s.build_and_read("2022Z21205", "aanbieding.md");
    let pdf = s.file("output/2022Z21205/aanbieding.pdf");
    let Some(page1) = words(&pdf, 1) else { return };
    let find = |ws: &[Word], w: &str| {
        ws.iter()
            .find(|x| x.0 == w)
            .cloned()
            .unwrap_or_else(|| panic!("{w:?} not found among {} words", ws.len()))
    };
    // The addressee block on the left, the return address above it.
    let aan = find(&page1, "Staten-Generaal");
    let kamer_postbus = find(&page1, "20018");
    let retour = find(&page1, "Retouradres");
    assert!(retour.2 < aan.2, "the return address is above the addressee");
    let block_right = aan.3.max(kamer_postbus.3);
    // The sender column to its right: unit, addresses, website, references.
    for w in
        ["Bezoekadres", "Turfmarkt", "Postadres", "www.rijksoverheid.nl", "kenmerk", "Bijlage(n)", "Directie"]
    {
        let item = find(&page1, w);
        assert!(
            item.1 > block_right,
            "{w:?} at x={} is right of the addressee block (ends at {block_right})",
            item.1
        );
        assert!(item.2 < 0.5 * 842.0, "{w:?} is in the upper half of page 1");
    }
    // The wordmark at the top, Datum and Betreft under the addressee.
    let wordmark = find(&page1, "Koninkrijksrelaties");
    assert!(wordmark.2 < retour.2 && wordmark.1 > 595.0 / 2.0, "{wordmark:?}");
    assert!(find(&page1, "Betreft").2 > aan.2 && find(&page1, "Datum").2 > aan.2);
    // Signed at the end, with room between the closing and the name.
    let page2 = words(&pdf, 2).unwrap();
    let closing = find(&page2, "Koninkrijksrelaties,");
    let name = find(&page2, "Bruins");
    assert!(name.2 - closing.4 > 40.0, "room to sign: {closing:?} {name:?}");
    // From page 2 the column repeats the date and the reference, and the
    // page says which it is.
    let text2: Vec<&str> = page2.iter().map(|w| w.0.as_str()).collect();
    assert!(text2.join(" ").contains("Pagina 2 van 2"), "page 2 of two");
    let datum = find(&page2, "Datum");
    let body_right = page2.iter().filter(|w| w.0 == "alinea").map(|w| w.3).fold(0.0, f32::max);
    assert!(datum.1 > body_right && datum.2 < 120.0, "the running details in the column: {datum:?}");
    assert!(find(&page2, "2022Z21205").1 > body_right);
}

#[test]
fn the_ministrys_logo_from_the_templates_folder_stands_beside_the_wordmark_in_every_format() {
    let s = Scratch::bundled();
    let logo = crate::common::logo_png(110, 260);
    std::fs::write(s.file("templates/logo.png"), &logo).unwrap();
    let r = s.run(&["build", "--format", "pdf", "--format", "html", "--format", "docx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Word: the file as saved, as a picture of the letter.
    let parts = crate::common::docx_parts(&s.file("output/2022Z21205/aanbieding.docx"));
    let media: Vec<&(String, Vec<u8>)> = parts.iter().filter(|(n, _)| n.starts_with("word/media/")).collect();
    assert_eq!(media.len(), 1, "one picture: {:?}", parts.iter().map(|p| &p.0).collect::<Vec<_>>());
    assert_eq!(media[0].1, logo, "the logo as saved");
    let document = parts.iter().find(|(n, _)| n == "word/document.xml").unwrap();
    assert!(crate::common::find(&document.1, b"<a:blip r:embed=\"rIdLogo\"").is_some());
    // HTML: inlined, decorative beside the wordmark that names the ministry.
    let html = s.read("output/2022Z21205/aanbieding.html");
    let img = html.split("<img class=\"logo\"").nth(1).expect("the logo in the letter head");
    assert!(img.contains("alt=\"\"") && img.contains("src=\"data:image/png;base64,"), "{}", &img[..80]);
    assert!(html.find("<img class=\"logo\"") < html.find("class=\"woordmerk\""));
    // PDF: one image on page 1 of the letter, its pixels as drawn.
    let pdf = s.file("output/2022Z21205/aanbieding.pdf");
    let Some(list) = crate::common::tool("pdfimages", &["-list", crate::common::p(&pdf)]) else { return };
    let images: Vec<Vec<&str>> =
        list.lines().skip(2).map(|l| l.split_whitespace().collect::<Vec<_>>()).collect();
    assert_eq!(images.len(), 1, "{list}");
    assert_eq!(&images[0][..5], ["1", "0", "image", "110", "260"], "{list}");
    // Beside the wordmark: left of it, at its height.
    let page1 = words(&pdf, 1).unwrap();
    let wordmark = page1.iter().find(|w| w.0 == "Ministerie").unwrap();
    assert!(wordmark.1 > 595.0 / 2.0 && wordmark.2 < 100.0, "{wordmark:?}");
    // The answer document is no letter: no logo.
    let answer = crate::common::tool(
        "pdfimages",
        &["-list", crate::common::p(&s.file("output/2022Z21205/antwoord.pdf"))],
    )
    .unwrap();
    assert_eq!(answer.lines().count(), 2, "{answer}");
}

#[test]
fn a_logo_that_is_not_a_png_is_one_error_at_the_file_and_nothing_is_written() {
    let s = Scratch::bundled();
    std::fs::write(s.file("templates/logo.png"), b"GIF89a not a png").unwrap();
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("templates/logo.png: is not a PNG image"), "{}", r.stderr);
    assert!(r.stderr.contains("1 error(s)") && r.stderr.contains("hint:"), "{}", r.stderr);
    assert!(!s.file("output").exists(), "nothing written");
    // Removing it gives the wordmark alone.
    std::fs::remove_file(s.file("templates/logo.png")).unwrap();
    assert_eq!(s.run(&["build", "--format", "pdf"]).code, 0);
}

/// A logo saved as SVG (or JPEG, …) is not silently left out: one warning
/// names the file and the name it must have; the build goes on without it.
#[test]
fn a_logo_in_another_format_is_one_warning_naming_logo_png() {
    let s = Scratch::bundled();
    std::fs::write(s.file("templates/logo.svg"), b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    let r = s.run(&["build", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: templates/logo.svg is not used: the letters' logo must be a PNG file"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("hint: save the logo as a PNG image in templates/logo.png"), "{}", r.stderr);
    assert_eq!(r.stderr.matches("warning:").count(), 1, "{}", r.stderr);
    // With the PNG beside it, the PNG is the logo and nothing is said.
    std::fs::write(s.file("templates/logo.png"), crate::common::logo_png(40, 20)).unwrap();
    let r = s.run(&["build", "--format", "md"]);
    assert!(r.code == 0 && !r.stderr.contains("logo.svg"), "{}", r.stderr);
}

#[test]
fn an_internal_letters_betreft_is_the_one_sent_its_title_says_it_is_internal() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--internal", "--format", "html", "--format", "pdf", "--format", "docx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let public = s.read("output/2022Z21205/aanbieding.html");
    let internal = s.read("output-intern/2022Z21205/aanbieding-INTERN.html");
    let betreft = |html: &str| {
        html.split("<h1 class=\"betreft\">").nth(1).unwrap().split("</h1>").next().unwrap().to_string()
    };
    assert_eq!(betreft(&internal), betreft(&public));
    assert!(!betreft(&internal).contains("INTERN"));
    assert!(internal.contains("<title>INTERN – NIET OPENBAAR: "), "the title still says it");
    let Some(text) = crate::common::tool(
        "pdftotext",
        &[crate::common::p(&s.file("output-intern/2022Z21205/aanbieding-INTERN.pdf")), "-"],
    ) else {
        return;
    };
    let after = text.split("Betreft").nth(1).unwrap();
    assert!(after.trim_start().starts_with("Beantwoording Kamervragen"), "{after}");
}
