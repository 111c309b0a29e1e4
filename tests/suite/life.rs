//! A question set's life: started from the Kamer's XML (`new --from`), the
//! deadline watched (`status`), a delay notice sent (`delays`), the answers
//! sent (`send`) and never rewritten, a correction as a follow-up (`--nader`).

use crate::common::{Scratch, fixtures, section, snapshot_tree};
use std::path::Path;

/// The sent dossier's files (not its follow-up), by name, with their hashes.
fn sent_files(out: &Path) -> Vec<(String, String)> {
    snapshot_tree(&out.join("2022Z21205"))
        .into_iter()
        .filter(|(p, _)| !p.components().any(|c| c.as_os_str() == "nader"))
        .map(|(p, bytes)| (p.display().to_string(), beantwoord::digest::sha256_hex(&bytes)))
        .collect()
}

const DOSSIER: &str = "data/dossiers/2022Z21205/dossier.yaml";

/// The paragraphs of every `<al>` under each `<vraag>` of a fixture, as a
/// reader sees them: tags and notes left out, whitespace collapsed.
fn fixture_questions(xml: &str) -> Vec<(u32, Vec<String>)> {
    let mut out = Vec::new();
    for part in xml.split("<vraag>").skip(1) {
        let part = part.split("</vraag>").next().unwrap();
        let nr: u32 = part
            .split("<nr>Vraag ")
            .nth(1)
            .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|s| s.parse().ok())
            .unwrap();
        let paragraphs = part
            .split("<al>")
            .skip(1)
            .map(|al| {
                let al = al.split("</al>").next().unwrap();
                let without_notes: String = al
                    .split("<noot ")
                    .enumerate()
                    .map(|(i, s)| if i == 0 { s } else { s.split_once("</noot>").unwrap().1 })
                    .collect();
                plain(&strip_tags(&without_notes))
            })
            .collect();
        out.push((nr, paragraphs));
    }
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
}

/// Words only: Markdown emphasis, note markers and whitespace left out.
fn plain(s: &str) -> String {
    let mut t = s.to_string();
    while let Some(start) = t.find("[^") {
        let end = t[start..].find(']').map_or(t.len(), |e| start + e + 1);
        t.replace_range(start..end, "");
    }
    t.replace('*', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The question paragraphs of a built `antwoord.md`.
fn built_question(md: &str, n: u32) -> Vec<String> {
    let text = section(md, &format!("Vraag {n}"));
    text.split("\n\n").map(plain).filter(|p| !p.is_empty()).collect()
}

/// The Van Haga answers' heading lines, as the Kamer printed them
/// (2023D16708), come back word for word from a dossier started from the
/// file: "mede namens" grouped by office, the delay notice it cites, the
/// party in its own element; a question in a wrapper is read, and an
/// element the dossier cannot hold is named in a warning.
#[test]
fn a_dossier_started_from_the_kamers_answer_file_keeps_its_heading_lines_word_for_word() {
    let s = Scratch::minimal();
    let xml = fixtures().join("kamer/ah-tk-van-haga.xml");
    let r = s.run(&["new", "--from", xml.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("warning: `<tussenkop>` is skipped"), "{}", r.stderr);
    assert!(r.stderr.contains("Toelichting bij de vragen 2 en 3"), "{}", r.stderr);
    let yaml = s.read("data/dossiers/2022Z99998/dossier.yaml");
    assert!(yaml.contains("party: \"Groep Van Haga\""), "{yaml}");
    assert!(yaml.contains("  - aanhangsel: \"ah-tk-20222023-2207\""), "{yaml}");
    assert!(
        yaml.contains("  - number: 2\n    text: |\n      Welke ministeries waren erbij betrokken?"),
        "{yaml}"
    );
    let r = s.run(&["build", "--dossier", "2022Z99998", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = s.read("output/2022Z99998/antwoord.md");
    for line in [
        "Vragen van het lid Van Haga (Groep Van Haga) aan de Ministers van Volksgezondheid, Welzijn en Sport, van Justitie en Veiligheid, van Defensie en van Binnenlandse Zaken en Koninkrijksrelaties over de desinformatie-operatie (ingezonden 30 december 2022).",
        "Antwoord van Minister Bruins Slot (Binnenlandse Zaken en Koninkrijksrelaties), mede namens de Ministers van Defensie en van Justitie en Veiligheid en de Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Binnenlandse Zaken en Koninkrijksrelaties (ontvangen 19 april 2023). Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 2207.",
    ] {
        assert!(md.contains(&format!("\n{line}\n")), "{line}\nin\n{md}");
    }
    // The same line from the offices as a list.
    s.edit(
        "data/dossiers/2022Z99998/dossier.yaml",
        "  - \"de Ministers van Defensie en van Justitie en Veiligheid en de Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Binnenlandse Zaken en Koninkrijksrelaties\"",
        "  - de Minister van Defensie\n  - de Minister van Justitie en Veiligheid\n  - de Staatssecretaris van Volksgezondheid, Welzijn en Sport\n  - de Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
    );
    assert_eq!(s.run(&["build", "--dossier", "2022Z99998", "--format", "md"]).code, 0);
    assert_eq!(s.read("output/2022Z99998/antwoord.md"), md);

    // A file without its case number is read, and `--id` names it.
    let text = std::fs::read_to_string(&xml)
        .unwrap()
        .replace("    <meta name=\"OVERHEIDop.vraagnummer\" content=\"2022Z99998\" scheme=\"\"/>\n", "");
    let text = text.replace("ah-tk-20222023-9998", "onbekend");
    s.write("zonder.xml", &text);
    let r = s.run(&["new", "--from", "zonder.xml"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("--id 2022Z21205"), "{}", r.stderr);
    let r = s.run(&["new", "--from", "zonder.xml", "--id", "2022Z99997"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.file("data/dossiers/2022Z99997/dossier.yaml").is_file());
}

#[test]
fn a_dossier_started_from_the_kamers_question_file_builds_and_keeps_every_question_word_for_word() {
    let s = Scratch::bundled();
    let xml_path = fixtures().join("kamer/kv-tk-2022Z21205.xml");
    // The bundled dossier has this case number: it is never overwritten.
    let before = s.read(DOSSIER);
    let r = s.run(&["new", "--from", xml_path.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("already exists; it is not overwritten"), "{}", r.stderr);
    assert_eq!(s.read(DOSSIER), before);

    let r = s.run(&["new", "--from", xml_path.to_str().unwrap(), "--id", "kv-test"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let yaml = s.read("data/dossiers/kv-test/dossier.yaml");
    assert!(yaml.contains("submitted: 2022-11-07\n"), "{yaml}");
    assert!(yaml.contains("party: \"FVD\""), "{yaml}");
    assert!(yaml.contains("addressee: \"minister van Binnenlandse Zaken en Koninkrijksrelaties\""), "{yaml}");
    let r = s.run(&["build", "--dossier", "kv-test", "--format", "md", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = s.read("output/kv-test/antwoord.md");
    let xml = std::fs::read_to_string(&xml_path).unwrap();
    let questions = fixture_questions(&xml);
    assert_eq!(questions.len(), 14);
    for (n, paragraphs) in questions {
        assert_eq!(built_question(&md, n), paragraphs, "question {n}");
    }
    // The notes, numbered where they are cited.
    assert!(md.contains("van Facebook, Google en Twitter»?[^1]"), "{md}");
    assert!(md.contains("[^2]: In het bovengenoemde document (D1.031)"), "{md}");
}

#[test]
fn a_dossier_started_from_published_answers_has_them_combined_and_in_paragraphs() {
    let s = Scratch::bundled();
    let xml_path = fixtures().join("kamer/ah-tk-20222023-9999.xml");
    let r = s.run(&["new", "--from", xml_path.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("data/dossiers/2022Z99999/dossier.yaml"), "{}", r.stdout);
    let yaml = s.read("data/dossiers/2022Z99999/dossier.yaml");
    assert!(yaml.contains("answered: 2022-11-01\n"), "{yaml}");
    assert!(yaml.contains("answer_with: 2"), "{yaml}");
    assert!(
        yaml.contains(
            "co_submitters:\n  - { name: \"Harry Van der Molen\", short: \"Van der Molen\", party: \"CDA\" }"
        ),
        "{yaml}"
    );
    let r = s.run(&["build", "--dossier", "2022Z99999", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = s.read("output/2022Z99999/antwoord.md");
    let xml = std::fs::read_to_string(&xml_path).unwrap();
    for (n, paragraphs) in fixture_questions(&xml) {
        assert_eq!(built_question(&md, n), paragraphs, "question {n}");
    }
    assert!(
        md.contains(
            "Vragen van de leden Omtzigt en Van der Molen (beiden CDA) aan de Minister van Binnenlandse Zaken"
        ),
        "{md}"
    );
    assert!(md.contains("Antwoord van Minister Bruins Slot (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 1 november 2022)."), "{md}");
    // "Antwoord 2, 3": one answer for two questions.
    assert!(md.contains("## Vraag 3\n\nWelke gemeenten betrof het?[^2]\n\n## Antwoord 2 en 3\n"), "{md}");
    // Several paragraphs, a link kept as a link, a note with its address.
    assert!(md.contains("## Antwoord 1\n\nJa.\n\nGemeenten kunnen zelf een melding doen"), "{md}");
    assert!(md.contains("[Kamerbrief](https://example.org/kamerbrief)"), "{md}");
    assert!(
        md.contains("[^2]: Zie de Kamerbrief van 21 september 2021. <https://example.org/kamerbrief>"),
        "{md}"
    );
    assert!(md.contains("## Antwoord 4\n\nZie antwoord vraag 1."), "{md}");
}

#[test]
fn a_file_that_is_not_the_kamers_xml_is_one_clear_error_and_writes_nothing() {
    let s = Scratch::bundled();
    s.write("vragen.xml", "<?xml version=\"1.0\"?>\n<html>\n  <body/>\n</html>\n");
    s.write("kapot.xml", "<officiele-publicatie>\n  <kamervragen>\n</officiele-publicatie>\n");
    let before = snapshot_tree(&s.data());
    let r = s.run(&["new", "--from", "vragen.xml"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`<html>` holds no `<kamervragen>`"), "{}", r.stderr);
    assert!(r.stderr.contains("vragen.xml:2:1"), "{}", r.stderr);
    let r = s.run(&["new", "--from", "kapot.xml"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not well-formed XML") && r.stderr.contains("kapot.xml:3:"), "{}", r.stderr);
    // Nesting a hundred thousand deep is refused, not a crash.
    let deep = format!(
        "<officiele-publicatie>{}x{}</officiele-publicatie>",
        "<b>".repeat(100_000),
        "</b>".repeat(100_000)
    );
    s.write("diep.xml", &deep);
    let r = s.run(&["new", "--from", "diep.xml"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("elements nest deeper than 256 levels"), "{}", r.stderr);
    assert_eq!(snapshot_tree(&s.data()), before, "nothing written");
}

/// A "billion laughs": internal entities that expand each other. Refused at
/// the first declaration at once, not expanded for seconds and gigabytes.
#[test]
fn a_kamer_file_that_declares_entities_is_refused_at_once() {
    let s = Scratch::bundled();
    let mut dtd =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie [\n  <!ENTITY a0 \"lol\">\n");
    for i in 1..10 {
        dtd.push_str(&format!("  <!ENTITY a{i} \"{}\">\n", format!("&a{};", i - 1).repeat(10)));
    }
    dtd.push_str("]>\n<officiele-publicatie><kamervragen><vraag><nr>Vraag 1</nr><al>&a9;</al></vraag></kamervragen></officiele-publicatie>\n");
    s.write("lach.xml", &dtd);
    let before = snapshot_tree(&s.data());
    let start = std::time::Instant::now();
    let r = s.run_within(std::time::Duration::from_secs(20), &["new", "--from", "lach.xml"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("the file declares its own XML entities"), "{}", r.stderr);
    assert!(r.stderr.contains("lach.xml:3:3"), "{}", r.stderr);
    assert!(start.elapsed() < std::time::Duration::from_secs(5), "refused at once");
    assert_eq!(snapshot_tree(&s.data()), before, "nothing written");
    // A document type without entities is still read.
    let plain = "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html><body/></html>\n";
    s.write("plain.xml", plain);
    let r = s.run(&["new", "--from", "plain.xml"]);
    assert!(r.stderr.contains("`<html>` holds no `<kamervragen>`"), "{}", r.stderr);
}

#[test]
fn status_counts_three_weeks_and_three_more_for_a_delay_notice() {
    let s = Scratch::bundled();
    let r = s.run(&["status", "--today", "2022-11-28"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let row = r.stdout.lines().find(|l| l.starts_with("2022Z21205")).unwrap();
    assert!(row.contains("2022-11-07  2022-11-28  vandaag"), "{row}");
    assert!(!row.contains("te laat"), "{row}");

    let r = s.run(&["status", "--today", "2022-11-29", "--format", "csv"]);
    assert_eq!(
        r.stdout,
        "dossier,ingezonden,uiterlijk,dagen,uitstel,beantwoord,verzonden,nader,signaal,gepubliceerd\r\n\
         2022Z21205,2022-11-07,2022-11-28,-1,geen,nee,nee,geen,te laat zonder uitstel,nee\r\n"
    );

    s.edit(
        DOSSIER,
        "answered: 2022-12-02\n",
        "answered: 2022-12-02\ndelays:\n  - sent: 2022-11-25\n    reason: De beantwoording vraagt afstemming met de betrokken platforms.\n",
    );
    let r = s.run(&["status", "--today", "2022-11-29", "--format", "csv"]);
    assert!(
        r.stdout.ends_with("2022Z21205,2022-11-07,2022-12-19,20,2022-11-25,nee,nee,geen,,nee\r\n"),
        "{}",
        r.stdout
    );
    // Answered on 2 December: within the new term.
    let r = s.run(&["status", "--today", "2022-12-05"]);
    let row = r.stdout.lines().find(|l| l.starts_with("2022Z21205")).unwrap();
    assert!(row.contains("2022-12-19  op tijd  2022-11-25  2022-12-02"), "{row}");
}

#[test]
fn a_delay_notice_is_written_with_its_reason_and_the_answer_cites_it_once_published() {
    let s = Scratch::bundled();
    s.edit(
        DOSSIER,
        "answered: 2022-12-02\n",
        "answered: 2022-12-02\ndelays:\n  - sent: 2022-11-25\n    reason: De beantwoording vraagt afstemming met {{ accounts | length }} platforms.\n    aanhangsel: ah-tk-20222023-1016\n",
    );
    let r = s.run(&["build", "--format", "md", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let notice = s.read("output/2022Z21205/uitstel-1.md");
    assert!(notice.contains("date: \"2022-11-25\""), "{notice}");
    assert!(
        notice.contains("Mededeling van Minister Bruins Slot (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 25 november 2022)."),
        "{notice}"
    );
    assert!(
        notice.contains("kunnen niet binnen de gebruikelijke termijn van drie weken worden beantwoord."),
        "{notice}"
    );
    assert!(notice.contains("De beantwoording vraagt afstemming met 5 platforms."), "{notice}");
    assert!(s.file("output/2022Z21205/uitstel-1.pdf").is_file());
    let answer = s.read("output/2022Z21205/antwoord.md");
    assert!(answer.contains("Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 1016."), "{answer}");
    // Under `delays`, a notice says when and why.
    s.edit(DOSSIER, "  - sent: 2022-11-25\n    reason", "  - reason");
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("delay notice has no `sent`"), "{}", r.stderr);
}

/// A report of 10 March 2021 through Facebook, found after the answers were sent.
const LATE_REPORT: &str = "
  - id: 2021-03-10-later-gevonden
    date: 2021-03-10
    accounts: [facebook]
    subject: Een later gevonden melding
    summary: Het betrof een bericht over de openingstijden van stembureaus.
    correspondence:
      - date: 2021-03-10
        direction: sent
        from: Ministerie van BZK
        to: Facebook
        text: Wij vragen u naar dit bericht te kijken.
    outcome:
      facebook:
        status: removed
        text: Facebook heeft het bericht verwijderd.
";

#[test]
fn sent_answers_are_never_rewritten_and_a_correction_is_a_follow_up_answer() {
    let s = Scratch::bundled();
    let r = s.run(&["send", "2022Z21205"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lock = s.read("data/dossiers/2022Z21205/dossier.lock");
    assert!(lock.contains("dossier: \"2022Z21205\"\nsent: 2022-12-02\n"), "{lock}");
    for f in ["antwoord.md", "antwoord.pdf", "antwoord.html", "bijlagen.pdf", "aanbieding.pdf"] {
        let bytes = std::fs::read(s.file(&format!("output/2022Z21205/{f}"))).unwrap();
        let hash = beantwoord::digest::sha256_hex(&bytes);
        assert!(lock.contains(&format!("\"{f}\": {hash}\n")), "{f} in\n{lock}");
    }
    assert!(
        lock.contains(
            "  - report: \"2021-03-09-video-stemmen-vaccinatie\"\n    number: 1\n    documents: [1, 2]\n"
        ),
        "{lock}"
    );
    // Sending twice is refused; an unchanged build is fine.
    let r = s.run(&["send", "2022Z21205"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("2022Z21205 was sent on 2 december 2022"), "{}", r.stderr);
    // Nothing changed: that is the one thing `send --nader` says (not
    // also that the follow-up it would not make has no date).
    let r = s.run(&["send", "--nader", "2022Z21205"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.lines().filter(|l| l.starts_with("error: ")).count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("nothing in 2022Z21205 changed since it was sent"), "{}", r.stderr);
    assert_eq!(s.run(&["build"]).code, 0);
    let sent = sent_files(&s.out());
    assert_eq!(
        sent.len(),
        12 + 11,
        "md, pdf and html of three documents, the inventory's three files, a PDF per Woo document"
    );

    // A report found later changes answers 4 (a fifth report to Facebook),
    // 6 (the Twitter report of 17 March is now the third to Facebook), 8 and
    // 9 (the annexes), and adds an annex.
    let internal_sent = s.run(&["build", "--internal", "--format", "md"]);
    assert_eq!(internal_sent.code, 0, "{}", internal_sent.stderr);
    let review_before = s.read("output-intern/2022Z21205/antwoord-INTERN.md");
    let reports = s.read("data/records/reports.yaml");
    s.write("data/records/reports.yaml", &format!("{reports}{LATE_REPORT}"));
    // The check and the build stay green: the sent files are kept, the
    // follow-up is made, and a warning names it until it is sent.
    let check = s.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "warning: the answers to 2022Z21205 were sent on 2 december 2022; the changes go out as a follow-up answer (nader/), not yet sent"
        ),
        "{}",
        r.stderr
    );
    assert!(check.stderr.contains("the changes go out as a follow-up answer"), "{}", check.stderr);
    assert!(r.stderr.contains("dossier.lock:5:7"), "{}", r.stderr);
    assert!(r.stderr.contains("answers 4, 6, 8 and 9 would change"), "{}", r.stderr);
    assert!(
        r.stderr.contains("bijlage 6 (report `2021-03-10-later-gevonden`) would be added"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "bijlagen 2, 3, 4 and 5 keep their numbers (in date order they would now be 3, 4, 5 and 6)"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("beantwoord send --nader 2022Z21205"), "{}", r.stderr);
    assert_eq!(sent_files(&s.out()), sent, "the sent files are not touched");
    // The review copy of what was sent is kept apart from the follow-up's.
    assert_eq!(s.read("output-intern/2022Z21205/antwoord-INTERN.md"), review_before);
    let review = s.read("output-intern/2022Z21205/nader/antwoord-INTERN.md");
    assert!(review.contains("INTERN – NIET OPENBAAR") && review.contains("(nader)"), "{review}");

    let nader = s.read("output/2022Z21205/nader/antwoord.md");
    assert!(nader.contains("(nader)"), "{nader}");
    assert!(nader.contains("concept, nog niet verzonden"), "a draft until dated: {nader}");
    assert!(nader.contains("Daardoor wijzigen de antwoorden op de vragen 4, 6, 8 en 9."), "{nader}");
    for n in [4, 6, 8, 9] {
        assert!(nader.contains(&format!("## Antwoord {n}\n")), "answer {n} in\n{nader}");
    }
    for n in [1, 2, 3, 5, 7, 10, 11, 12, 13, 14] {
        assert!(!nader.contains(&format!("## Antwoord {n}\n")), "answer {n} not in\n{nader}");
    }
    assert!(nader.contains("vijf keer een casus voorgedragen"), "{nader}");
    assert!(nader.contains("de derde melding bij Facebook"), "{nader}");
    assert!(nader.contains("bijlagen 1 tot en met 6"), "{nader}");
    // The new annex gets the next free numbers; the sent ones keep theirs.
    let annexes = s.read("output/2022Z21205/nader/bijlagen.md");
    assert!(annexes.contains("# Bijlagen bij het nader antwoord op Kamervraag 2022Z21205"), "{annexes}");
    assert!(annexes.contains("## Bijlage 6 – Een later gevonden melding"), "{annexes}");
    assert!(
        annexes.contains("| 12 | BZK-2022Z21205-2021-03-10-later-gevonden-1 | 10 maart 2021 | Bericht van Ministerie van BZK aan Facebook | 6 |"),
        "{annexes}"
    );
    assert!(!annexes.contains("## Bijlage 2"), "{annexes}");
    assert!(s.file("output/2022Z21205/nader/antwoord.pdf").is_file());
    let letter = s.read("output/2022Z21205/nader/aanbieding.md");
    assert!(letter.contains("een nader antwoord aan op de schriftelijke vragen"), "{letter}");
    assert!(letter.contains("Het nader antwoord betreft de vragen 4, 6, 8 en 9."), "{letter}");
    // Building the follow-up again changes nothing.
    let after = snapshot_tree(&s.out());
    assert_eq!(s.run(&["build"]).code, 0);
    assert!(snapshot_tree(&s.out()) == after, "a second build changes nothing");

    // The follow-up is sent like the first answers: with its date, once.
    let r = s.run(&["send", "--nader", "2022Z21205"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("the follow-up answer to 2022Z21205 has no date"), "{}", r.stderr);
    assert!(!s.file("data/dossiers/2022Z21205/nader.lock").exists());
    s.edit(
        DOSSIER,
        "answered: 2022-12-02\n",
        "answered: 2022-12-02\nnader:\n  answered: 2022-12-20\n  reason: Na verzending bleek dat een melding van 10 maart 2021 in de gegevens ontbrak.\n",
    );
    let r = s.run(&["send", "--nader", "2022Z21205"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lock = s.read("data/dossiers/2022Z21205/nader.lock");
    assert!(lock.contains("sent: 2022-12-20\n"), "{lock}");
    assert!(lock.contains("\"nader/antwoord.pdf\": "), "{lock}");
    assert!(!lock.contains("\"antwoord.pdf\": "), "only the follow-up's files: {lock}");
    assert_eq!(sent_files(&s.out()), sent, "the first answers' files are as sent");
    let nader = s.read("output/2022Z21205/nader/antwoord.md");
    assert!(nader.contains("ontvangen 20 december 2022"), "{nader}");
    assert!(
        nader.contains(
            "Na verzending bleek dat een melding van 10 maart 2021 in de gegevens ontbrak. Daardoor wijzigen"
        ),
        "{nader}"
    );
    assert!(s.read("output/2022Z21205/nader/bijlagen.md").contains("date: \"2022-12-20\""));
    let status = s.run(&["status", "--today", "2023-01-10"]);
    assert!(status.stdout.contains(" nader "), "{}", status.stdout);
    assert!(status.stdout.contains(" ja         verzonden 2022-12-20 "), "{}", status.stdout);
    let r = s.run(&["send", "--nader", "2022Z21205"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("the follow-up answer to 2022Z21205 was sent on 20 december 2022"),
        "{}",
        r.stderr
    );

    // A later correction rewrites neither: both are kept, and the build
    // says why.
    let sent_follow_up = snapshot_tree(&s.file("output/2022Z21205/nader"));
    s.edit(
        "data/records/reports.yaml",
        "Facebook heeft het bericht verwijderd.",
        "Facebook heeft het bericht gelabeld.",
    );
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "the follow-up answer to 2022Z21205 was sent on 20 december 2022; this build would change it"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(sent_files(&s.out()), sent);
    assert!(
        snapshot_tree(&s.file("output/2022Z21205/nader")) == sent_follow_up,
        "the sent follow-up is kept"
    );
}

/// The Kamer gives the answers their Aanhangsel number when it publishes
/// them, days after they were sent (issue 25). Recording it changes no sent
/// file (the lock says which documents the dossier named when it was sent),
/// `status` says where the answers were published, a follow-up cites them;
/// and the lock still keeps every sent file as it was.
#[test]
fn the_aanhangsel_number_recorded_after_sending_changes_no_sent_file_and_status_names_it() {
    const WITH: &str = "documents: { question: kv-tk-2022Z21205, answer: ah-tk-20222023-914 }\n";
    const WITHOUT: &str = "documents: { question: kv-tk-2022Z21205 }\n";
    const CITED: &str = "Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 914";
    let s = Scratch::bundled();
    // A draft shows the number as the dossier has it.
    assert!(s.build_and_read("2022Z21205", "antwoord.md").contains("ah-tk-20222023-914"));
    s.edit(DOSSIER, WITH, WITHOUT);
    let r = s.run(&["send", "2022Z21205"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lock = s.read("data/dossiers/2022Z21205/dossier.lock");
    assert!(
        lock.contains("sent: 2022-12-02\ndocuments:\n  \"question\": \"kv-tk-2022Z21205\"\nfiles:\n"),
        "{lock}"
    );
    let sent = sent_files(&s.out());
    assert!(!s.read("output/2022Z21205/antwoord.md").contains("ah-tk-"));
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let review = s.read("output-intern/2022Z21205/antwoord-INTERN.md");
    let status = s.run(&["status", "--today", "2022-12-10"]);
    assert!(!status.stdout.contains("Aanhangsel"), "not published yet: {}", status.stdout);

    // The Kamer publishes the answers; the officer records the number.
    s.edit(DOSSIER, WITHOUT, WITH);
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("warning"), "nothing to follow up: {}", r.stderr);
    assert_eq!(sent_files(&s.out()), sent, "every sent file byte for byte as sent");
    assert_eq!(s.read("output-intern/2022Z21205/antwoord-INTERN.md"), review, "and its review copy");
    assert!(!s.file("output/2022Z21205/nader").exists());
    let status = s.run(&["status", "--today", "2022-12-10"]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    let row = status.stdout.lines().find(|l| l.starts_with("2022Z21205")).unwrap();
    assert!(row.ends_with(&format!("  {CITED}")), "{}", status.stdout);
    let csv = s.run(&["status", "--today", "2022-12-10", "--format", "csv"]);
    assert!(csv.stdout.ends_with(&format!(",ja,geen,te laat beantwoord,\"{CITED}\"\r\n")), "{}", csv.stdout);
    // Not before the answers count as answered.
    let early = s.run(&["status", "--today", "2022-11-29", "--format", "csv"]);
    assert!(early.stdout.ends_with(",te laat zonder uitstel,nee\r\n"), "{}", early.stdout);

    // A template that would write the sent answers otherwise is still an
    // error: the lock protects every sent file.
    let template = s.read("templates/antwoord.md");
    s.edit(
        "templates/antwoord.md",
        "(ingezonden {{ dossier.submitted | datum }}).",
        "(ingezonden {{ dossier.submitted | datum }}, gewijzigd).",
    );
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("the files sent for 2022Z21205 on 2 december 2022 would change"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("antwoord.md would change"), "{}", r.stderr);
    assert_eq!(sent_files(&s.out()), sent);
    s.write("templates/antwoord.md", &template);

    // A changed answer keeps the sent files and goes out as a follow-up,
    // which cites the answers where the Kamer published them.
    s.edit(DOSSIER, "geen bevoegdheid bepaalde content", "geen enkele bevoegdheid bepaalde content");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("answer 1 would change"), "{}", r.stderr);
    assert_eq!(sent_files(&s.out()), sent, "the sent files are not touched");
    let nader = s.read("output/2022Z21205/nader/antwoord.md");
    assert!(nader.contains(&format!("Zie ook {CITED}.")), "{nader}");
    assert!(nader.contains("geen enkele bevoegdheid bepaalde content"), "{nader}");
}

/// The answers' Kamer id is an Aanhangsel id: anything else is one error
/// at it.
#[test]
fn an_answer_document_that_is_not_an_aanhangsel_id_is_an_error_at_it() {
    let s = Scratch::bundled();
    s.edit(DOSSIER, "answer: ah-tk-20222023-914", "answer: kv-tk-2022Z21205");
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("error: `kv-tk-2022Z21205` is not an Aanhangsel document id"), "{}", r.stderr);
    assert!(r.stderr.contains("dossier.yaml:18:"), "{}", r.stderr);
    assert_eq!(r.stderr.matches("error:").count(), 1, "{}", r.stderr);
}

#[test]
fn a_lock_that_is_not_its_dossiers_is_an_error_and_sending_needs_a_date() {
    let s = Scratch::bundled();
    s.edit(DOSSIER, "answered: 2022-12-02\n", "");
    let r = s.run(&["send", "2022Z21205"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("2022Z21205 has no `answered` date"), "{}", r.stderr);
    assert!(!s.file("data/dossiers/2022Z21205/dossier.lock").exists());
    s.write(
        "data/dossiers/2022Z21205/dossier.lock",
        "dossier: \"2022Z99999\"\nsent: 2022-12-02\nfiles: {}\nanswers: {}\nannexes: []\n",
    );
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("this lock is of dossier `2022Z99999`, not `2022Z21205`"), "{}", r.stderr);
}

/// A dossier fresh from the Kamer's file, its answers still placeholders
/// and its answerer still to be named, is not sent: `check` warns of each
/// thing left (and passes), `send` refuses and names each, and writes
/// nothing, no lock included. Once written, it is sent.
#[test]
fn an_unfinished_dossier_is_never_sent_and_check_says_what_is_left() {
    let s = Scratch::minimal();
    let xml = fixtures().join("kamer/kv-tk-2022Z21205.xml");
    assert_eq!(s.run(&["new", "--from", xml.to_str().unwrap()]).code, 0);
    let dossier = "data/dossiers/2022Z21205/dossier.yaml";
    let yaml = s.read(dossier);
    // A date, so that only what is unfinished stands in the way.
    s.write(dossier, &format!("{yaml}answered: 2022-12-02\n"));
    let check = s.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let not_written = |stderr: &str| {
        (1..=14)
            .filter(|n| {
                stderr.contains(&format!("the answer to question {n} of 2022Z21205 is not written yet"))
            })
            .count()
    };
    assert_eq!(not_written(&check.stderr), 14, "{}", check.stderr);
    assert!(check.stderr.contains("warning: the answer to question 1 of"), "{}", check.stderr);
    assert!(check.stderr.contains("the answerer of 2022Z21205 is not named yet"), "{}", check.stderr);
    let send = s.run(&["send", "2022Z21205"]);
    assert_eq!(send.code, 1, "{}", send.stderr);
    assert_eq!(not_written(&send.stderr), 14, "{}", send.stderr);
    assert!(send.stderr.contains("error: the answerer of 2022Z21205 is not named yet"), "{}", send.stderr);
    assert!(send.stderr.contains("send failed"), "{}", send.stderr);
    assert!(!s.file("data/dossiers/2022Z21205/dossier.lock").exists(), "no lock");
    assert!(!s.out().exists(), "nothing written");
    // Written and named: sent.
    let finished = s
        .read(dossier)
        .replace("*Nog te beantwoorden.*", "Ja.")
        .replace("\"Nog in te vullen\"", "\"Bruins Slot\"");
    let finished = finished.replace(
        "name: \"Bruins Slot\", short: \"Bruins Slot\"",
        "name: \"H.G.J. Bruins Slot\", short: \"Bruins Slot\"",
    );
    s.write(dossier, &finished);
    let send = s.run(&["send", "2022Z21205"]);
    assert_eq!(send.code, 0, "{}", send.stderr);
    assert!(s.file("data/dossiers/2022Z21205/dossier.lock").exists());
}

/// Before `answered` is set, nothing is dated as if it were sent: the
/// letterhead's Datum says it is a draft, in every format that has one.
#[test]
fn a_draft_carries_no_sending_date() {
    let s = Scratch::bundled();
    let text = s.read(DOSSIER);
    let answered = text.lines().find(|l| l.starts_with("answered: ")).unwrap().to_string();
    s.edit(DOSSIER, &format!("{answered}\n"), "");
    let r = s.run(&["build", "--format", "html", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for doc in ["antwoord", "bijlagen", "aanbieding"] {
        let html = s.read(&format!("output/2022Z21205/{doc}.html"));
        assert!(html.contains("concept, nog niet verzonden"), "{doc}.html");
        assert!(!html.contains("7 november 2022</dd>"), "{doc}.html dated the day the questions came in");
        if let Some(pdf) = crate::common::tool(
            "pdftotext",
            &[crate::common::p(&s.file(&format!("output/2022Z21205/{doc}.pdf"))), "-"],
        ) {
            assert!(pdf.contains("concept, nog niet verzonden"), "{doc}.pdf");
            // Every page says it is a draft (pdftotext ends each page with a form feed).
            let pages: Vec<&str> = pdf.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
            assert!(!pages.is_empty());
            for (n, page) in pages.iter().enumerate() {
                assert!(page.contains("CONCEPT – NOG NIET VERZONDEN"), "{doc}.pdf page {}", n + 1);
            }
        }
    }
    // In Word, the header every page has.
    assert_eq!(s.run(&["build", "--format", "docx"]).code, 0);
    let parts = crate::common::docx_parts(&s.file("output/2022Z21205/antwoord.docx"));
    let header = parts.iter().find(|(n, _)| n == "word/header1.xml").unwrap();
    assert!(String::from_utf8_lossy(&header.1).contains("CONCEPT – NOG NIET VERZONDEN"));
    // Sent, it is not a draft.
    s.edit(DOSSIER, "submitted: 2022-11-07\n", "submitted: 2022-11-07\nanswered: 2022-12-02\n");
    assert_eq!(s.run(&["build", "--format", "pdf"]).code, 0);
    if let Some(pdf) =
        crate::common::tool("pdftotext", &[crate::common::p(&s.file("output/2022Z21205/antwoord.pdf")), "-"])
    {
        assert!(!pdf.contains("CONCEPT"), "{pdf}");
    }
}

/// The heading lines (`kamervraagomschrijving`) of a Kamer file, as a
/// reader sees them: the question line, then the answer line if any.
fn heading_lines(xml: &str) -> Vec<String> {
    xml.split("<kamervraagomschrijving type=\"")
        .skip(1)
        .map(|part| {
            let text = part.split_once('>').unwrap().1;
            plain(&strip_tags(text.split("</kamervraagomschrijving>").next().unwrap()))
        })
        .collect()
}

/// The Van Haga set replayed from its two files, as an officer lives it:
/// the questions file starts the dossier, which can be built and checked
/// but not sent while anything is unfinished; the answers (as the Kamer
/// later published them) are written in, sent and locked; the answer
/// carries the Kamer's heading lines word for word; a correction is a
/// follow-up answer that is sent and locked in its turn; every check along
/// the way can turn green, and no placeholder ever reaches a sent file.
#[test]
fn the_van_haga_set_replayed_from_its_two_files_to_a_sent_answer_and_a_sent_locked_follow_up() {
    let s = Scratch::minimal();
    let questions = fixtures().join("kamer/kv-tk-van-haga.xml");
    let answers_xml = fixtures().join("kamer/ah-tk-van-haga.xml");
    let dossier = "data/dossiers/2022Z99998/dossier.yaml";
    let placeholders = ["Nog in te vullen", "Nog te beantwoorden"];

    // 1. The questions come in.
    let r = s.run(&["new", "--from", questions.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let check = s.run(&["check"]);
    assert_eq!(check.code, 0, "a fresh dossier checks, with warnings: {}", check.stderr);
    assert!(check.stderr.contains("the answerer of 2022Z99998 is not named yet"), "{}", check.stderr);
    let r = s.run(&["send", "2022Z99998"]);
    assert_eq!(r.code, 1, "nothing unfinished is sent: {}", r.stderr);
    for said in ["has no `answered` date", "is not named yet", "question 1 of 2022Z99998 is not written yet"]
    {
        assert!(r.stderr.contains(said), "{said}: {}", r.stderr);
    }
    assert!(!s.file("data/dossiers/2022Z99998/dossier.lock").exists());
    let r = s.run(&["build", "--dossier", "2022Z99998"]);
    assert_eq!(r.code, 0, "a draft builds: {}", r.stderr);
    let draft = s.read("output/2022Z99998/antwoord.md");
    assert!(draft.contains("concept"), "a draft says so: {draft}");

    // 2. The answers are written as the Kamer later published them: the
    //    answerer, co-answerers, date and delay notice as `new --from` reads
    //    them from the answers file, and each answer's text.
    let other = Scratch::minimal();
    let r = other.run(&["new", "--from", answers_xml.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let published = other.read(dossier);
    let block = |key: &str| {
        let start = published.find(&format!("\n{key}")).unwrap() + 1;
        let len = published[start..]
            .match_indices('\n')
            .map(|(i, _)| i + 1)
            .find(|&i| !published[start + i..].starts_with(' '))
            .unwrap();
        published[start..start + len].to_string()
    };
    let mut yaml = s.read(dossier);
    let answerer_line = yaml.lines().find(|l| l.starts_with("answerer:")).unwrap().to_string() + "\n";
    yaml = yaml.replace(
        &answerer_line,
        &format!(
            "{}{}{}{}",
            block("answered:"),
            block("answerer:"),
            block("co_answerers:"),
            block("delay_notices:")
        ),
    );
    let written: Vec<&str> =
        published.split("    answer: |\n").skip(1).map(|a| a.split("\n\n").next().unwrap()).collect();
    assert_eq!(written.len(), 2, "{published}");
    for a in &written {
        yaml = yaml.replacen("      *Nog te beantwoorden.*", a.trim_end(), 1);
    }
    s.write(dossier, &yaml);
    let check = s.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(!check.stderr.contains("warning:"), "nothing left to do: {}", check.stderr);

    // 3. Sent and locked; the answer's heading lines are the Kamer's.
    let r = s.run(&["send", "2022Z99998"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.file("data/dossiers/2022Z99998/dossier.lock").is_file());
    let md = s.read("output/2022Z99998/antwoord.md");
    let kamer = heading_lines(&std::fs::read_to_string(&answers_xml).unwrap());
    assert_eq!(kamer.len(), 2);
    let built: Vec<String> = md.split("\n\n").map(plain).collect();
    for line in &kamer {
        assert!(built.contains(line), "{line}\nin\n{md}");
    }
    for (path, bytes) in snapshot_tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        for p in placeholders {
            assert!(!text.contains(p), "{p} in {}", path.display());
        }
    }
    let sent = snapshot_tree(&s.out().join("2022Z99998"));

    // 4. A correction: answer 2 names a fifth ministry. Check and build stay
    //    green with a warning, the sent files stay as they are, the
    //    follow-up is made.
    s.edit(
        dossier,
        "Justitie en Veiligheid en Volksgezondheid",
        "Justitie en Veiligheid, Economische Zaken en Volksgezondheid",
    );
    let check = s.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stderr.contains("not yet sent"), "{}", check.stderr);
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let kept: Vec<_> = snapshot_tree(&s.out().join("2022Z99998"))
        .into_iter()
        .filter(|(p, _)| !p.components().any(|c| c.as_os_str() == "nader"))
        .collect();
    assert_eq!(kept, sent, "a sent answer is never rewritten");
    let nader = s.read("output/2022Z99998/nader/antwoord.md");
    assert!(nader.contains("Daardoor wijzigt het antwoord op vraag 2."), "{nader}");
    assert!(nader.contains("Economische Zaken"), "{nader}");
    let r = s.run(&["send", "--nader", "2022Z99998"]);
    assert_eq!(r.code, 1, "not without its date: {}", r.stderr);
    assert!(r.stderr.contains("has no date"), "{}", r.stderr);

    // 5. The follow-up is dated, sent and locked; afterwards all is green.
    let yaml = s.read(dossier);
    s.write(dossier, &format!("{yaml}nader:\n  answered: 2023-05-02\n  reason: In het antwoord op vraag 2 ontbrak een ministerie.\n"));
    let r = s.run(&["send", "--nader", "2022Z99998"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.file("data/dossiers/2022Z99998/nader.lock").is_file());
    let nader = s.read("output/2022Z99998/nader/antwoord.md");
    assert!(nader.contains("In het antwoord op vraag 2 ontbrak een ministerie."), "{nader}");
    assert!(!nader.contains("concept"), "dated and sent: {nader}");
    let check = s.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(!check.stderr.contains("not yet sent"), "{}", check.stderr);
    let status = s.run(&["status"]);
    assert!(status.stdout.contains("verzonden 2023-05-02"), "{}", status.stdout);
    let r = s.run(&["send", "--nader", "2022Z99998"]);
    assert_eq!(r.code, 1, "a sent follow-up is not sent again: {}", r.stderr);
    for (path, bytes) in snapshot_tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        for p in placeholders {
            assert!(!text.contains(p), "{p} in {}", path.display());
        }
    }
}
