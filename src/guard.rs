//! The personal-data guard over what is published: an e-mail address,
//! phone number, IBAN or BSN ([`crate::personal`]) that nobody marked,
//! listed or allowed, in any public document's text, metadata, links and
//! file names or in an inventory, is an error. It is told where it stands
//! in the sources (the record, dossier or template it came from), or, when
//! no source writes it as it was published, at the dossier.

use crate::answers::Drafts;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Project;
use crate::personal::{self, Hit, Kind};
use crate::redaction;
use crate::source::{Sources, Span};
use rayon::prelude::*;

/// What a public output holds that the guard stops: the kind and key of
/// each value, with the first output it is published in.
type Found = Vec<crate::published::Datum>;

/// Every unallowed hit in the public outputs of `drafts`, told at its
/// source.
pub fn check(drafts: &[Drafts], project: &Project, sources: &Sources, diags: &mut Diagnostics) {
    let allowed = |h: &Hit| project.persons.allows(h.kind, &h.key);
    let found = crate::published::search(drafts, &crate::withheld::Withheld::default(), &allowed);
    tell(found.personal, project, sources, diags);
}

/// The unallowed data `found` in the public outputs (each with the output
/// it stands in, in build order: [`crate::published::search`]), told at
/// their sources: each datum once, at the first output that publishes it.
pub fn tell(mut found: Found, project: &Project, sources: &Sources, diags: &mut Diagnostics) {
    if found.is_empty() {
        return;
    }
    // The first output each is published in (outputs in build order).
    let mut seen = std::collections::HashSet::new();
    found.retain(|(k, key, _)| seen.insert((*k, key.clone())));
    let places = in_sources(sources, &found);
    for (kind, key, output) in &found {
        let here: Vec<Span> =
            places.iter().filter(|(k, c, _)| k == kind && c == key).map(|(_, _, s)| *s).collect();
        if here.is_empty() {
            let message = crate::tr!("guard-unmarked-output", output = output.as_str(), kind = kind.name());
            let at = project.dossiers.iter().find(|x| output.starts_with(&format!("{}/", x.id.value)));
            let d = match at {
                Some(d) => {
                    Diagnostic::error(message, d.id.span).label(crate::tr!("guard-unmarked-output-label"))
                }
                None => Diagnostic::general(message, None),
            };
            diags.push(d.hint(crate::tr!("guard-hint")));
            continue;
        }
        for at in here {
            diags.push(
                Diagnostic::error(crate::tr!("guard-unmarked", kind = kind.name()), at)
                    .label(crate::tr!("guard-published-in", output = output.as_str()))
                    .hint(crate::tr!("guard-hint")),
            );
        }
    }
}

/// Where each found value stands in the sources outside a marker (the
/// persons list itself left out): (kind, key, place).
fn in_sources(sources: &Sources, found: &Found) -> Vec<(Kind, String, Span)> {
    let files: Vec<_> = sources.iter().collect();
    files
        .par_iter()
        .filter(|(_, f)| f.name != crate::load::persons::FILE)
        .flat_map_iter(|(id, f)| {
            let marks: Vec<std::ops::Range<usize>> =
                redaction::markers(&f.text).into_iter().map(|m| m.0).collect();
            personal::scan(&f.text)
                .into_iter()
                .filter(|h| !marks.iter().any(|m| m.start <= h.range.start && h.range.end <= m.end))
                .filter(|h| found.iter().any(|(k, key, _)| *k == h.kind && *key == h.key))
                .map(|h| (h.kind, h.key, Span::new(*id, h.range.start, h.range.end)))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::settings::{Mode, Options, Settings};

    /// The bundled dossier, prepared as a build prepares it.
    pub(crate) fn bundled() -> crate::pipeline::Prepared {
        let dir = tempfile::tempdir().unwrap();
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let options =
            Options { mode: Mode::Build, out: Some(dir.path().join("output")), ..Options::new(data) };
        crate::pipeline::prepare(&Settings::new(options).unwrap())
    }

    /// Every public output is read for personal data, the follow-up's own
    /// inventory (`nader/inventaris`, with its notes) too, and each datum
    /// is told at the first output in build order that publishes it.
    #[test]
    fn a_follow_ups_inventory_is_read_for_personal_data_and_the_first_output_is_named() {
        let p = bundled();
        let mut clean = Diagnostics::default();
        check(&p.drafts, &p.project, &p.sources, &mut clean);
        assert!(!clean.has_errors(), "the bundled data publishes no personal data");
        let mut drafts = p.drafts.clone();
        let mut inventory = drafts[0].inventory.clone().expect("the bundled dossier has an inventory");
        inventory.rows[0].note = "Vervangt document X; vragen aan jan.modaal@example.org".into();
        drafts[0].follow_up_inventory = Some(inventory.clone());
        let mut diags = Diagnostics::default();
        check(&drafts, &p.project, &p.sources, &mut diags);
        let told: Vec<String> = diags.sorted(&p.sources).iter().map(|d| d.message.clone()).collect();
        assert_eq!(diags.error_count(), 1, "{told:?}");
        assert!(told[0].contains("2022Z21205/nader/inventaris"), "{told:?}");
        // Published in the first answers' inventory as well: told there, once.
        drafts[0].inventory = Some(inventory);
        let mut diags = Diagnostics::default();
        check(&drafts, &p.project, &p.sources, &mut diags);
        let told: Vec<String> = diags.sorted(&p.sources).iter().map(|d| d.message.clone()).collect();
        assert_eq!(diags.error_count(), 1, "{told:?}");
        assert!(told[0].contains("2022Z21205/inventaris") && !told[0].contains("nader/"), "{told:?}");
    }
}
