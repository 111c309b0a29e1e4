//! The inventory as the Woo publication platforms read it, written from the
//! typed [`Inventory`]: `inventaris.xlsx` ([`xlsx`]) and `inventaris.csv`
//! ([`csv`]) with exactly the columns of open.minvws.nl's production report,
//! and `diwoo.xml` ([`diwoo`]) for the national Woo index. Pure: an
//! inventory in, bytes out; the same inventory gives the same bytes.

pub mod csv;
pub mod diwoo;
pub mod xlsx;

use crate::backend::{Backend, BackendError, RenderContext, Rendered};
use crate::document::inventory::{Inventory, Row};

/// The production report's header row (`productierapport_template.xlsx`).
pub const COLUMNS: [&str; 14] = [
    "ID",
    "Matter",
    "Family",
    "Email Thread ID",
    "Document",
    "File Type",
    "Datum",
    "Beoordeling",
    "Opgeschort",
    "Beoordelingsgrond",
    "Toelichting",
    "Publieke Link",
    "Gerelateerd ID",
    "Zaaknummer",
];

/// The file type of every document: they are published in a PDF.
const FILE_TYPE: &str = "pdf";

/// One cell of a row: text, or a date (a real date in the spreadsheet).
pub enum Cell<'a> {
    Text(&'a str),
    Date(Option<chrono::NaiveDate>),
}

/// A row's cells in the columns' order.
pub fn cells<'a>(inventory: &'a Inventory, row: &'a Row) -> [Cell<'a>; 14] {
    [
        Cell::Text(&row.id),
        Cell::Text(&inventory.matter),
        Cell::Text(&row.family),
        Cell::Text(&row.thread),
        Cell::Text(&row.document),
        Cell::Text(FILE_TYPE),
        Cell::Date(row.date),
        Cell::Text(row.judgement),
        Cell::Text(""),
        Cell::Text(&row.grounds),
        Cell::Text(&row.note),
        Cell::Text(""),
        Cell::Text(&row.related),
        Cell::Text(&inventory.case),
    ]
}

/// Which file of the inventory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    Xlsx,
    Csv,
    DiWoo,
}

impl Sheet {
    pub const ALL: [Sheet; 3] = [Sheet::Xlsx, Sheet::Csv, Sheet::DiWoo];

    /// Its file name in the dossier's folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Sheet::Xlsx => "inventaris.xlsx",
            Sheet::Csv => "inventaris.csv",
            Sheet::DiWoo => "diwoo.xml",
        }
    }

    /// The backend that writes this file.
    pub fn backend(self) -> &'static dyn Backend {
        &BACKENDS[self as usize]
    }
}

/// The inventory files' backend, one per [`Sheet`].
struct SheetBackend(Sheet);

/// In [`Sheet`] order.
static BACKENDS: [SheetBackend; 3] =
    [SheetBackend(Sheet::Xlsx), SheetBackend(Sheet::Csv), SheetBackend(Sheet::DiWoo)];

impl Backend for SheetBackend {
    fn extension(&self) -> &'static str {
        self.0.file_name().rsplit('.').next().unwrap_or_default()
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, BackendError> {
        let inventory = ctx.inventory_rows()?;
        let file = self.0.file_name();
        let bytes = match self.0 {
            Sheet::Xlsx => xlsx::write(inventory),
            Sheet::Csv => csv::write(inventory),
            Sheet::DiWoo => Ok(diwoo::write(inventory)),
        };
        bytes.map(Rendered::bytes).map_err(|why| BackendError::Inventory { file, why })
    }
}
