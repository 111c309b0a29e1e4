//! The HTML documents as a browser shows them: headless Chromium (installed
//! by `.ci/run`; where it is missing outside CI these tests say so and check
//! nothing) renders each file, its DOM holds every question and answer, and
//! a screenshot is not blank.

use crate::common::{Scratch, p};
use std::path::Path;
use std::process::Command;

/// Runs headless Chromium on `file` with `args`; `None` when it is not
/// installed (a failure under CI).
fn chromium(file: &Path, args: &[&str], scratch: &Path) -> Option<std::process::Output> {
    let profile = scratch.join("chromium-profile");
    let url = format!("file://{}", p(file));
    let result = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", p(&profile)))
        .args(args)
        .arg(url)
        .current_dir(scratch)
        .output();
    match result {
        Ok(out) => {
            assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
            Some(out)
        }
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("note: `chromium` is not installed; skipping this browser check (CI installs it)");
            None
        }
        Err(e) => panic!("`chromium` is required in CI: {e}"),
    }
}

/// The text of an HTML fragment: tags dropped, entities and white space undone.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    // (A no-break space, which holds a date together, shows as a space.)
    let out = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_browser_shows_every_question_and_answer_in_order() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--format", "html", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = s.file("output/2022Z21205/antwoord.html");
    let Some(out) = chromium(&file, &["--dump-dom"], s.path()) else { return };
    let dom = String::from_utf8_lossy(&out.stdout);
    let text = visible(&dom);
    let seed = std::fs::read_to_string(crate::common::fixtures().join("seed-2022Z21205.txt")).unwrap();
    // Every question, then its answer, in the Kamer's order.
    let mut at = 0;
    for n in 1..=14 {
        for heading in [format!("Vraag {n} "), format!("Antwoord {n} ")] {
            let found = text[at..].find(&heading).map(|i| at + i);
            let Some(i) = found else { panic!("{heading:?} is not shown after position {at}") };
            at = i + heading.len();
        }
    }
    // Every question and answer, in words, as the Markdown of the same build has it.
    let md = s.read("output/2022Z21205/antwoord.md");
    for n in 1..=14 {
        for heading in [format!("Vraag {n}"), format!("Antwoord {n}")] {
            let words: String = crate::common::section(&md, &heading)
                .replace(['\\', '*'], "")
                .split("[^")
                .map(|part| part.split_once(']').map_or(part, |(_, rest)| rest))
                .collect::<Vec<_>>()
                .concat()
                .split_whitespace()
                .take(25)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(text.contains(&words), "{heading} is not shown as written: {words}");
        }
    }
    for phrase in [
        "Het Ministerie van BZK heeft de status van «trusted flagger» bij Meta, Google, Twitter, TikTok en Snapchat.",
        "Kan de Minister de bovenstaande vragen afzonderlijk beantwoorden?",
    ] {
        assert!(seed.contains(phrase), "the phrase is from the seed");
        assert!(text.contains(phrase), "the browser shows: {phrase}");
    }
    assert!(dom.contains("<html lang=\"nl\">"));
    let footnotes = dom.matches("<li id=\"noot-").count();
    assert_eq!(footnotes, 3, "three footnotes, as a list");
}

#[test]
fn the_annexes_render_withheld_passages_by_their_ground_and_a_page_is_not_blank() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = s.read("output/2022Z21205/bijlagen.html");
    assert!(html.contains("<th scope=\"col\">Gronden</th>"), "the inventory is a real table");
    assert!(html.contains("aria-label=\"Weggelakt: 5.1.2e (eerbiediging van de persoonlijke levenssfeer)\""));
    for withheld in ["naam contactpersoon", "naam medewerker"] {
        assert!(!html.contains(withheld), "a withheld passage leaked: {withheld}");
    }
    assert!(!html.contains("<script") && !html.contains(" src=") && !html.contains("<link "));
    let file = s.file("output/2022Z21205/bijlagen.html");
    let shot = s.path().join("bijlagen.png");
    let Some(_) =
        chromium(&file, &["--window-size=900,1200", &format!("--screenshot={}", p(&shot))], s.path())
    else {
        return;
    };
    let png = std::fs::read(&shot).expect("a screenshot");
    let (pixels, dark) = decode_png_gray(&png);
    assert!(pixels > 900 * 1000, "a whole page was drawn");
    assert!(dark * 100 > pixels, "text is visible on the page ({dark} dark of {pixels} pixels)");
}

/// Counts the pixels of a PNG screenshot and the dark ones among them.
fn decode_png_gray(png: &[u8]) -> (usize, usize) {
    use flate2::read::ZlibDecoder;
    use std::io::Read;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (mut width, mut height, mut channels, mut data) = (0usize, 0usize, 0usize, Vec::new());
    let mut i = 8;
    while i + 8 <= png.len() {
        let len = u32::from_be_bytes(png[i..i + 4].try_into().unwrap()) as usize;
        let kind = &png[i + 4..i + 8];
        let body = &png[i + 8..i + 8 + len];
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(body[0..4].try_into().unwrap()) as usize;
                height = u32::from_be_bytes(body[4..8].try_into().unwrap()) as usize;
                assert_eq!(body[8], 8, "8-bit samples");
                channels = match body[9] {
                    2 => 3,
                    6 => 4,
                    0 => 1,
                    4 => 2,
                    other => panic!("colour type {other}"),
                };
            }
            b"IDAT" => data.extend_from_slice(body),
            _ => {}
        }
        i += 12 + len;
    }
    let mut raw = Vec::new();
    ZlibDecoder::new(&data[..]).read_to_end(&mut raw).unwrap();
    let stride = width * channels;
    let mut prev = vec![0u8; stride];
    let mut dark = 0;
    for row in 0..height {
        let filter = raw[row * (stride + 1)];
        let line = &raw[row * (stride + 1) + 1..(row + 1) * (stride + 1)];
        let mut cur = vec![0u8; stride];
        for x in 0..stride {
            let a = if x >= channels { cur[x - channels] as i32 } else { 0 };
            let b = prev[x] as i32;
            let c = if x >= channels { prev[x - channels] as i32 } else { 0 };
            let v = line[x] as i32;
            cur[x] = match filter {
                0 => v,
                1 => v + a,
                2 => v + b,
                3 => v + (a + b) / 2,
                4 => {
                    let p = a + b - c;
                    let (pa, pb, pc) = ((p - a).abs(), (p - b).abs(), (p - c).abs());
                    v + if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    }
                }
                f => panic!("filter {f}"),
            } as u8;
        }
        for px in cur.chunks(channels) {
            let luma = px.iter().take(3.min(channels)).map(|&v| v as usize).sum::<usize>() / 3.min(channels);
            if luma < 100 {
                dark += 1;
            }
        }
        prev = cur;
    }
    (width * height, dark)
}

#[test]
fn a_date_is_never_broken_over_two_lines_in_the_html() {
    let s = crate::common::Scratch::bundled();
    let html = s.build_and_read("2022Z21205", "antwoord.html");
    // No-break spaces inside the dates of the text, as the PDF sets them.
    assert!(html.contains("(ingezonden 7\u{a0}november\u{a0}2022)"), "{html}");
    assert!(!html.contains("7 november 2022)"));
    // And in the letterhead, of the answer and of the letter (a narrow
    // column where a date would wrap first).
    let letter = s.read("output/2022Z21205/aanbieding.html");
    for page in [&html, &letter] {
        assert!(page.contains("<dt>Datum</dt><dd>2\u{a0}december\u{a0}2022</dd>"), "{page}");
        assert!(!page.contains("2 december 2022"));
    }
}

#[test]
fn a_printed_internal_html_file_is_marked_on_every_page_and_a_public_one_is_not() {
    let s = crate::common::Scratch::bundled();
    assert_eq!(s.run(&["build", "--internal", "--format", "html"]).code, 0);
    let rule = "@page { @top-center { content: \"INTERN \\002013  NIET OPENBAAR\";";
    let internal = s.read("output-intern/2022Z21205/bijlagen-INTERN.html");
    assert!(internal.contains(rule), "the mark in the top margin of every printed page");
    let public = s.read("output/2022Z21205/bijlagen.html");
    assert!(!public.contains("@top-center") && !public.contains("INTERN"));
}
