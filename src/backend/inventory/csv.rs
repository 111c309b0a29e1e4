//! `inventaris.csv`: the production report's columns, UTF-8 without a byte
//! order mark, a header row, RFC 4180 quoting and line ends (the csv crate),
//! dates as `YYYY-MM-DD`.

use super::{COLUMNS, Cell, cells, neutral};
use crate::document::inventory::Inventory;

pub fn write(inventory: &Inventory) -> Result<Vec<u8>, ::csv::Error> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for row in &inventory.rows {
        let record: Vec<String> = cells(inventory, row)
            .iter()
            .map(|c| match c {
                Cell::Text(t) => neutral(t).into_owned(),
                Cell::Date(d) => d.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()),
                Cell::Number(n) => n.to_string(),
            })
            .collect();
        w.write_record(&record)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}
