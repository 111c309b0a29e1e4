//! Every public output's text, read once, on every core, for the two checks
//! of what is published: a withheld passage standing in it unmarked (the
//! leak check in [`crate::pipeline`]) and personal data nobody allowed
//! ([`crate::guard`]). A document's text is its metadata, its sections and
//! its footnotes ([`plain::pieces`]) and its identifiers (file name, ids,
//! links: [`plain::identifiers`]); an inventory's, its rows and its IDs.
//! A Woo document is made from its annex document once, for both.

use crate::answers::{Drafts, Published};
use crate::document::plain;
use crate::personal::{self, Hit, Kind};
use crate::source::Span;
use crate::withheld::Withheld;
use rayon::prelude::*;

/// An unallowed datum (its kind and key) and the output it stands in.
pub type Datum = (Kind, String, String);

/// What the public outputs hold that the checks stop.
#[derive(Debug, Default, PartialEq)]
pub struct Found {
    /// Per output (named `<dossier>/<document>`), the withheld passages it
    /// holds unmarked, sorted, each once: the documents first, then the
    /// inventories, in build order; an output with none left out.
    pub withheld: Vec<(String, Vec<Span>)>,
    /// Each unallowed datum (its kind and key) with the output it stands
    /// in, in build order, a datum as often as it is found.
    pub personal: Vec<Datum>,
}

/// Reads every public output of `drafts`: for the passages `withheld`
/// holds (none searched when there are none), and for personal data that
/// `allowed` does not let through.
pub fn search(drafts: &[Drafts], withheld: &Withheld, allowed: &(dyn Fn(&Hit) -> bool + Sync)) -> Found {
    let published: Vec<(&Drafts, Published)> =
        drafts.iter().flat_map(|d| d.published().map(move |p| (d, p))).collect();
    let leaks = !withheld.is_empty();
    let personal = |text: &str, name: &str| -> Vec<Datum> {
        personal::scan(text)
            .into_iter()
            .filter(|h| !allowed(h))
            .map(|h| (h.kind, h.key, name.to_string()))
            .collect()
    };
    // Per output: whether it is an inventory, its withheld passages (one
    // list a piece of its text, one for its identifiers), its personal data.
    type Read = (bool, Vec<(String, Vec<Span>)>, Vec<Datum>);
    let read: Vec<Read> = published
        .par_iter()
        .map(|(d, p)| {
            let name = p.name(&d.dossier);
            match p {
                Published::Inventory { inventory, .. } => {
                    let text = inventory.texts();
                    let ids = inventory.identifiers();
                    let mut places = Vec::new();
                    if leaks {
                        let mut found = withheld.found_in(&text);
                        found.extend(ids.iter().flat_map(|id| withheld.found_in_identifier(id)));
                        places.push((name.clone(), found));
                    }
                    let mut data = personal(&text, &name);
                    data.extend(ids.iter().flat_map(|id| personal(id, &name)));
                    (true, places, data)
                }
                Published::Document(_) | Published::Woo { .. } => {
                    let doc = p.document().expect("a document");
                    let ids = plain::identifiers(&doc);
                    // The annexes of 10,000 reports are one document: its
                    // pieces (a section each) are read on every core.
                    let (mut places, mut data): (Vec<Vec<Span>>, Vec<Vec<Datum>>) = plain::pieces(&doc)
                        .into_par_iter()
                        .map(|piece| {
                            let places = if leaks { withheld.found_in(&piece) } else { Vec::new() };
                            (places, personal(&piece, &name))
                        })
                        .unzip();
                    if leaks {
                        places.push(ids.iter().flat_map(|id| withheld.found_in_identifier(id)).collect());
                    }
                    data.extend(ids.iter().map(|id| personal(id, &name)));
                    let places = places.into_iter().map(|p| (name.clone(), p)).collect();
                    (false, places, data.into_iter().flatten().collect())
                }
            }
        })
        .collect();
    let (mut documents, mut inventories, mut data) = (Vec::new(), Vec::new(), Vec::new());
    for (inventory, places, found) in read {
        match inventory {
            true => inventories.extend(places),
            false => documents.extend(places),
        }
        data.extend(found);
    }
    let withheld = documents
        .into_iter()
        .chain(inventories)
        .filter_map(|(name, mut places)| {
            places.sort_by_key(|s| (s.file.0, s.start));
            places.dedup();
            (!places.is_empty()).then_some((name, places))
        })
        .collect();
    Found { withheld, personal: data }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Span};

    /// A public output's text read once serves both checks: a withheld
    /// passage and an e-mail address written into a Woo document (made
    /// from its annex document) and into the inventory are found in each,
    /// the documents before the inventory, every datum named by its output.
    #[test]
    fn a_woo_documents_and_an_inventorys_text_is_searched_for_both() {
        let p = crate::guard::tests::bundled();
        let mut drafts = p.drafts.clone();
        let d = &mut drafts[0];
        let excerpt = d.woo[0].clone();
        // Withheld in the bundled records: `[[5.1.2e: naam medewerker Meta]]`.
        let line = "De naam medewerker Meta schreef aan jan.modaal@example.org".to_string();
        let annexes = &mut d.public[excerpt.document].sections[excerpt.section].blocks;
        annexes.insert(excerpt.blocks.start + 1, Block::Paragraph(vec![Span::text(line.clone())]));
        d.inventory.as_mut().expect("an inventory").rows[0].note = line;
        let allowed = |h: &Hit| p.project.persons.allows(h.kind, &h.key);
        let found = search(&drafts, &p.withheld, &allowed);
        let named: Vec<&str> = found.withheld.iter().map(|(name, _)| name.as_str()).collect();
        let woo = format!("2022Z21205/{}", excerpt.id);
        assert_eq!(named, ["2022Z21205/bijlagen", woo.as_str(), "2022Z21205/inventaris"]);
        let mail: Vec<&str> = found
            .personal
            .iter()
            .filter(|(_, key, _)| key.contains("jan.modaal"))
            .map(|(_, _, output)| output.as_str())
            .collect();
        assert_eq!(mail, ["2022Z21205/bijlagen", woo.as_str(), "2022Z21205/inventaris"]);
        // Nothing withheld: the passages are not searched, the data is.
        let none = search(&drafts, &Withheld::default(), &allowed);
        assert!(none.withheld.is_empty());
        assert_eq!(none.personal, found.personal);
    }
}
