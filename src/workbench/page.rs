//! The workbench's pages, as HTML strings: the start page (every dossier
//! with its status, linking to its documents) and a document page (the
//! HTML backend's file, with the workbench's bar on top: the problems of
//! the latest build, the switch to the internal render under its banner,
//! each answer's sources beside it, and the small script that follows the
//! server's events and swaps in the new body, keeping the scroll position).

use super::snapshot::{Dossier, Page, Shown, Snapshot};
use crate::backend::xml::escape as esc;

/// Which render a document page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Public,
    Internal,
}

/// Kept in the page's head: replacing the body does not run it again.
const SCRIPT: &str = r#"<script>
(function () {
  var busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.href, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (t) {
      var y = window.scrollY;
      var next = new DOMParser().parseFromString(t, "text/html");
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
      window.scrollTo(0, y);
    }).finally(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  var events = new EventSource("/events");
  events.addEventListener("rebuilt", refresh);
})();
</script>"#;

const STYLE: &str = r#"<style>
.wb-bar { font: 14px/1.4 sans-serif; background: #f3f3f3; border-bottom: 1px solid #ccc; padding: .5em 1em; }
.wb-bar a { margin-right: 1em; }
.wb-intern { background: #b00000; color: #fff; font: bold 18px/1.4 sans-serif; padding: .6em 1em; text-align: center; letter-spacing: .05em; }
.wb-problems { background: #fff0f0; border: 2px solid #b00000; margin: 1em; padding: .5em 1em; font: 14px/1.4 sans-serif; }
.wb-problems pre, .wb-warnings pre { white-space: pre-wrap; font: 13px/1.35 monospace; }
.wb-warnings { margin: 1em; font: 13px/1.4 sans-serif; }
.wb-bronnen { float: right; clear: right; width: 18em; margin: 0 -20em 1em 1em; font: 12px/1.4 sans-serif; background: #eef5ff; border-left: 3px solid #3a6ea5; padding: .3em .6em; }
.wb-bronnen ul { margin: .2em 0; padding-left: 1.1em; }
body.wb { max-width: 68rem; }
body.wb main { margin-right: 21em; }
table.wb-status { border-collapse: collapse; font: 14px/1.4 sans-serif; }
table.wb-status th, table.wb-status td { border: 1px solid #ccc; padding: .2em .5em; text-align: left; }
</style>"#;

fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n{STYLE}\n{SCRIPT}\n</head>\n",
        esc(title)
    )
}

/// The errors of the latest build above everything else, and its warnings
/// folded away.
fn problems(s: &Snapshot) -> String {
    let mut out = String::new();
    if !s.problems.is_empty() {
        out.push_str("<section class=\"wb-problems\" id=\"wb-problems\" role=\"alert\">\n<h2>De gegevens bevatten fouten</h2>\n");
        out.push_str("<p>Hieronder de meldingen zoals <code>beantwoord check</code> ze geeft. Wat volgt is de laatste versie zonder fouten.</p>\n");
        out.push_str(&format!("<pre>{}</pre>\n</section>\n", esc(&s.problems)));
    }
    if !s.warnings.is_empty() {
        out.push_str(&format!(
            "<details class=\"wb-warnings\" id=\"wb-warnings\"><summary>Waarschuwingen</summary><pre>{}</pre></details>\n",
            esc(&s.warnings)
        ));
    }
    out
}

/// The start page: every dossier with its status and its documents.
pub fn start(s: &Snapshot, internal: bool) -> String {
    let mut out = head("beantwoord: voorbeeldweergave");
    out.push_str("<body class=\"wb-start\">\n<div class=\"wb-bar\"><strong>beantwoord</strong> voorbeeldweergave</div>\n");
    out.push_str(&problems(s));
    out.push_str("<main>\n<h1>Dossiers</h1>\n<table class=\"wb-status\">\n<tr>");
    for h in crate::model::deadline::HEADER {
        out.push_str(&format!("<th scope=\"col\">{h}</th>"));
    }
    out.push_str("<th scope=\"col\">documenten</th></tr>\n");
    for d in &s.dossiers {
        out.push_str("<tr>");
        for c in d.status.cells() {
            out.push_str(&format!("<td>{}</td>", esc(&c)));
        }
        out.push_str("<td>");
        for p in &d.public {
            out.push_str(&format!("<a href=\"/d/{}/{}\">{}</a> ", esc(&d.id), esc(&p.name), esc(&p.name)));
        }
        if internal && !d.internal.is_empty() {
            out.push_str(&format!("(<a href=\"/d/{}/antwoord?intern=1\">intern</a>)", esc(&d.id)));
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n");
    if s.dossiers.is_empty() {
        out.push_str("<p>Nog geen dossier zonder fouten.</p>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn sources_list(list: &[Shown]) -> String {
    if list.is_empty() {
        return "<p>Berust op geen account of melding uit het register.</p>".to_string();
    }
    let mut out = String::from("<ul>");
    for s in list {
        out.push_str(&format!(
            "<li>{} <code>{}</code> <small>{}</small></li>",
            s.kind.dutch(),
            esc(&s.id),
            esc(&s.place)
        ));
    }
    out.push_str("</ul>");
    out
}

/// A document page: the HTML backend's file with the workbench around it.
pub fn document(s: &Snapshot, d: &Dossier, page: &Page, view: View, internal: bool) -> String {
    let html = &page.html;
    let (before, rest) = html.split_once("<body>").unwrap_or(("", html));
    let inner_head = before.split_once("<head>").map_or("", |(_, h)| h).replace("</head>", "");
    let mut out = head(&page.title).replace("</head>\n", &format!("{inner_head}</head>\n"));
    let rest = rest.replace("</body>", "").replace("</html>", "");
    out.push_str("<body class=\"wb\">\n<div class=\"wb-bar\"><a href=\"/\">← dossiers</a>");
    let pages = if view == View::Internal { &d.internal } else { &d.public };
    for p in pages {
        let q = if view == View::Internal { "?intern=1" } else { "" };
        out.push_str(&format!("<a href=\"/d/{}/{}{q}\">{}</a>", esc(&d.id), esc(&p.name), esc(&p.name)));
    }
    if internal {
        match view {
            View::Public => out.push_str(&format!(
                "<a href=\"/d/{}/{}?intern=1\"><strong>naar de interne versie</strong></a>",
                esc(&d.id),
                esc(&page.name)
            )),
            View::Internal => out.push_str(&format!(
                "<a href=\"/d/{}/{}\"><strong>naar de openbare versie</strong></a>",
                esc(&d.id),
                esc(&page.name)
            )),
        }
    }
    out.push_str("</div>\n");
    if view == View::Internal {
        out.push_str("<div class=\"wb-intern\" role=\"note\">INTERN — NIET OPENBAAR: deze weergave toont weggelakte passages; niet verspreiden</div>\n");
    }
    out.push_str(&problems(s));
    let sources = if view == View::Internal { &d.internal_sources } else { &d.sources };
    let mut body = rest;
    if page.name == "antwoord" && !d.sources_ready {
        out.push_str(
            "<p class=\"wb-bar\" id=\"wb-sources-pending\">De bronnen per antwoord worden berekend…</p>\n",
        );
    }
    if page.name == "antwoord" {
        for (n, list) in sources {
            let heading = format!("id=\"antwoord-{n}\"");
            let Some(at) = body.find(&heading) else { continue };
            let Some(end) = body[at..].find("</h2>").map(|e| at + e + "</h2>".len()) else { continue };
            let aside = format!(
                "\n<aside class=\"wb-bronnen\" id=\"bronnen-{n}\" aria-label=\"Bronnen van antwoord {n}\"><strong>Bronnen</strong>{}</aside>",
                sources_list(list)
            );
            body.insert_str(end, &aside);
        }
    }
    out.push_str(&body);
    out.push_str("</body>\n</html>\n");
    out
}
