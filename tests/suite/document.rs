//! The typed document between the answers and the backends: what the
//! answers stage hands on, and what it fixed (nothing downstream guesses
//! structure from text).

use crate::common::{FRONT_MATTER, Scratch, p, tool};
use beantwoord::backend::{Backend, BackendError, RenderContext, Rendered};
use beantwoord::document::{Block, Document, Inline, Role, plain};
use beantwoord::pipeline::prepare;
use beantwoord::settings::{Mode, Options, Settings};

/// A whole new format, as a contributor would add one: an outline of the
/// headings. Implementing the trait is all it takes to render any document.
struct Outline;

impl Backend for Outline {
    fn extension(&self) -> &'static str {
        "txt"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, BackendError> {
        let doc = ctx.doc()?;
        let mut out = format!("{} ({})\n", doc.meta.title, doc.meta.date());
        for b in doc.blocks() {
            if let Block::Heading(h) = b {
                out.push_str(&format!(
                    "{}{}\n",
                    "  ".repeat(usize::from(h.level - 1)),
                    plain::text(&h.spans)
                ));
            }
        }
        Ok(Rendered::bytes(out.into_bytes()))
    }
}

#[test]
fn a_toy_backend_renders_every_document_through_the_trait() {
    let s = Scratch::bundled();
    let prepared = prepare(&Settings::new(Options { mode: Mode::Build, ..Options::new(s.data()) }).unwrap());
    assert_eq!(prepared.diagnostics.error_count(), 0);
    let docs = &prepared.drafts[0].public;
    assert_eq!(
        docs.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
        ["antwoord", "bijlagen", "aanbieding"]
    );
    let antwoord =
        String::from_utf8(Outline.render(&RenderContext::document(&docs[0])).unwrap().bytes).unwrap();
    assert!(antwoord.starts_with("Antwoord op vragen van het lid Van Houwelingen"), "{antwoord}");
    assert!(antwoord.contains("\n  Vraag 1\n  Antwoord 1\n"), "{antwoord}");
    assert!(antwoord.contains("\n  Vraag 14\n  Antwoord 14\n"), "{antwoord}");
    let bijlagen =
        String::from_utf8(Outline.render(&RenderContext::document(&docs[1])).unwrap().bytes).unwrap();
    assert_eq!(bijlagen.matches("\n  Bijlage ").count(), 5, "{bijlagen}");
}

#[test]
fn headings_carry_their_roles_and_annexes_their_own_sections() {
    let s = Scratch::bundled();
    let prepared = prepare(&Settings::new(Options { mode: Mode::Build, ..Options::new(s.data()) }).unwrap());
    let docs = &prepared.drafts[0].public;
    let roles = |d: &Document, role: Role| {
        d.blocks().filter(|b| matches!(b, Block::Heading(h) if h.role == role)).count()
    };
    assert_eq!(roles(&docs[0], Role::Question), 14);
    assert_eq!(roles(&docs[0], Role::Answer), 14);
    assert_eq!(roles(&docs[0], Role::Title), 1);
    let annexes: Vec<_> = docs[1].sections.iter().filter(|s| s.new_page).collect();
    assert_eq!(annexes.len(), 5);
    for a in annexes {
        assert!(matches!(&a.blocks[0], Block::Heading(h) if h.role == Role::Annex));
    }
    assert_eq!(roles(&docs[1], Role::Letter), 11);
}

#[test]
fn a_literal_marker_in_the_records_stays_text() {
    let s = Scratch::minimal();
    s.edit("data/records/reports.yaml", "een video.", "een video. Zie \\[5.1.2e\\] in de wet.");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.read("output/T1/bijlagen.md").contains("Zie \\[5.1.2e\\] in de wet."));
    let html = s.read("output/T1/bijlagen.html");
    assert_eq!(html.matches("class=\"weggelakt\"").count(), 1, "only the real marker is withheld");
    assert!(html.contains("Zie [5.1.2e] in de wet."));
    let prepared = prepare(&Settings::new(Options { mode: Mode::Build, ..Options::new(s.data()) }).unwrap());
    let redactions = prepared.drafts[0].public[1]
        .blocks()
        .map(|b| format!("{b:?}"))
        .filter(|d| d.contains("Redaction"))
        .count();
    assert_eq!(redactions, 1, "one typed redaction, the literal text is text");
    let Some(text) = tool("pdftotext", &[p(&s.file("output/T1/bijlagen.pdf")), "-"]) else { return };
    assert!(text.contains("Zie [5.1.2e] in de wet."), "drawn as text, not as a box: {text}");
}

#[test]
fn an_annex_template_with_its_own_heading_still_starts_every_annex_on_a_new_page() {
    let s = Scratch::bundled();
    s.write(
        "templates/bijlage.md",
        "## Annex {{ bijlage.number }}: {{ bijlage.subject }}\n\n{% for d in bijlage.documents %}\nStuk {{ d.number }}.\n{% endfor %}\n",
    );
    let r = s.run(&["build", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pdf = s.file("output/2022Z21205/bijlagen.pdf");
    let Some(info) = tool("pdfinfo", &[p(&pdf)]) else { return };
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert_eq!(pages, 6, "the inventory, then one page per annex: {info}");
    for n in 1..=5 {
        let page = (n + 1).to_string();
        let Some(text) = tool("pdftotext", &["-f", &page, "-l", &page, p(&pdf), "-"]) else { return };
        assert!(text.trim_start().starts_with(&format!("Annex {n}:")), "page {page}: {text}");
    }
}

#[test]
fn a_document_without_a_title_is_an_error_at_the_dossier_and_nothing_is_written() {
    let s = Scratch::minimal();
    let without_title = FRONT_MATTER.replace("title: \"Eigen titel\"\n", "");
    s.write("templates/antwoord.md", &format!("{without_title}\nTekst.\n"));
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("the document antwoord.md sets no `title` in its front matter"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("dossiers/T1/dossier.yaml:1:5"), "{}", r.stderr);
    assert!(!s.out().exists());

    s.write("templates/antwoord.md", "Tekst zonder front matter.\n");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("the document antwoord.md has no front matter"), "{}", r.stderr);
    assert!(!s.out().exists());
}

#[test]
fn an_unanswered_dossier_dates_its_documents_by_the_questions() {
    let s = Scratch::minimal();
    s.edit("data/dossiers/T1/dossier.yaml", "answered: 2022-12-02\n", "");
    let r = s.run(&["build", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for doc in ["antwoord", "bijlagen"] {
        let pdf = std::fs::read(s.file(&format!("output/T1/{doc}.pdf"))).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("D:20221107120000"), "{doc}.pdf is dated by the questions");
    }
    let prepared = prepare(&Settings::new(Options { mode: Mode::Build, ..Options::new(s.data()) }).unwrap());
    assert!(prepared.drafts[0].public.iter().all(|d| d.meta.answered.is_none()));
    let first = prepared.drafts[0].public[0].blocks().next().cloned();
    assert!(
        matches!(first, Some(Block::Heading(h)) if h.spans.iter().any(|s| matches!(&s.inline, Inline::Text(t) if t.starts_with("Antwoord op vragen van het lid De Vries over een test"))))
    );
}

#[test]
fn footnotes_cross_from_the_frame_into_the_annexes_and_an_annex_keeps_its_own() {
    let s = Scratch::minimal();
    s.write(
        "templates/bijlagen.md",
        &format!("{FRONT_MATTER}# Bijlagen\n\n{{{{ bijlagen }}}}\n\n[^wet]: Wet open overheid.\n"),
    );
    s.write(
        "templates/bijlage.md",
        "## Bijlage {{ bijlage.number }}\n\nZie de wet.[^wet] En de eigen noot.[^eigen]\n\n[^eigen]: Alleen in deze bijlage.\n",
    );
    let r = s.run(&["build", "--format", "md", "--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = s.read("output/T1/bijlagen.md");
    // Numbered in the order they are first cited, as in every format.
    assert!(md.contains("Zie de wet.[^1] En de eigen noot.[^2]"), "references, not literal text: {md}");
    assert!(md.contains("[^1]: Wet open overheid."), "{md}");
    assert!(md.contains("[^2]: Alleen in deze bijlage."), "{md}");
    assert_eq!(md.matches("[^1]:").count(), 1, "the stand-in definition is dropped: {md}");
    let html = s.read("output/T1/bijlagen.html");
    assert!(html.contains("<li id=\"noot-1\">Wet open overheid."), "{html}");
    assert!(html.contains("<li id=\"noot-2\">Alleen in deze bijlage."), "{html}");
}
