//! Reads `ministry.yaml` beside `records/` and `dossiers/`: the one
//! [`Ministry`] record the letters' sender column is made from. Optional: a
//! data folder without it gives letters with the wordmark alone.

use super::read::Reader;
use super::yaml::{Kind, Node};
use crate::model::ministry::Ministry;

/// The file's name in the data folder.
pub const FILE: &str = "ministry.yaml";

const FIELDS: &[&str] = &["ministry"];
const MINISTRY_FIELDS: &[&str] = &["name", "unit", "visiting_address", "postal_address", "website"];

/// The record under `ministry:`; problems go to the reader's diagnostics.
pub fn read(r: &mut Reader, root: &Node) -> Option<Ministry> {
    let mut top = r.map(root, "ministry file", FIELDS)?;
    let node = top.required(r, "ministry");
    top.finish(r);
    let mut f = r.map(node?, "ministry", MINISTRY_FIELDS)?;
    let name = f.required(r, "name").and_then(|n| r.string(n));
    let mut lines = |r: &mut Reader, field: &'static str| match f.get(field) {
        Some(n) if matches!(n.kind, Kind::Seq(_)) => {
            r.list(n, field).map(|l| l.iter().filter_map(|n| r.string(n)).collect()).unwrap_or_default()
        }
        Some(n) => r.string(n).into_iter().collect(),
        None => Vec::new(),
    };
    let unit = lines(r, "unit");
    let visiting_address = lines(r, "visiting_address");
    let postal_address = lines(r, "postal_address");
    let website = lines(r, "website").into_iter().next();
    f.finish(r);
    Some(Ministry { name: name?, unit, visiting_address, postal_address, website })
}
