//! `inventaris.xlsx` (rust_xlsxwriter): the production report's columns, a
//! bold header row that stays in view and filters, columns as wide as their
//! contents, dates as real dates. Deterministic: the creation time is the
//! publication date, and the package's entries carry no clock time.

use super::{COLUMNS, Cell, cells, neutral};
use crate::document::inventory::Inventory;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

pub fn write(inventory: &Inventory) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let day = |d: chrono::NaiveDate| {
        use chrono::Datelike;
        ExcelDateTime::from_ymd(d.year().clamp(1900, 9999) as u16, d.month() as u8, d.day() as u8)
    };
    let created = day(inventory.published)?;
    let properties = DocProperties::new()
        .set_title(format!("Inventarislijst {}", inventory.case))
        .set_author(&inventory.author)
        .set_creation_datetime(&created);
    book.set_properties(&properties);
    let header = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    sheet.set_name("Inventarislijst")?;
    for (col, name) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &header)?;
    }
    for (i, row) in inventory.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, cell) in cells(inventory, row).iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text("") | Cell::Date(None) => {}
                Cell::Text(t) => {
                    sheet.write_string(r, col, neutral(t))?;
                }
                Cell::Date(Some(d)) => {
                    sheet.write_datetime_with_format(r, col, &day(*d)?, &date)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, col, *n as f64)?;
                }
            }
        }
    }
    let last_row = inventory.rows.len() as u32;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, COLUMNS.len() as u16 - 1)?;
    sheet.autofit();
    book.save_to_buffer()
}
