//! The inventory as the Woo publication platforms read it, written from the
//! typed [`Inventory`]: `inventaris.xlsx` ([`xlsx`]) and `inventaris.csv`
//! ([`csv`]) with exactly the columns of open.minvws.nl's production report,
//! and `diwoo.xml` ([`diwoo`]) for the national Woo index. Pure: an
//! inventory in, bytes out; the same inventory gives the same bytes.

pub mod csv;
pub mod diwoo;
pub mod xlsx;

use crate::backend::{Backend, BackendError, RenderContext, Rendered, SheetError};
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

/// One cell of a row: text, a date (a real date in the spreadsheet) or a
/// number (Family and Email Thread ID, which the platforms read as numbers).
pub enum Cell<'a> {
    Text(&'a str),
    Date(Option<chrono::NaiveDate>),
    Number(u64),
}

/// A text cell as a spreadsheet may read it: one that begins with a
/// character a spreadsheet takes for a formula (`=`, `+`, `-`, `@`, tab or
/// CR; an id such as `-2-3` is valid input) gets a single quote in front,
/// as OWASP recommends against CSV injection, so that it stays text when
/// the file is opened or saved again. Dates are not text and stay dates.
pub fn neutral(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// A row's cells in the columns' order.
pub fn cells<'a>(inventory: &'a Inventory, row: &'a Row) -> [Cell<'a>; 14] {
    [
        Cell::Text(&row.id),
        Cell::Text(&inventory.matter),
        Cell::Number(row.family),
        Cell::Number(row.thread),
        Cell::Text(&row.document),
        Cell::Text(FILE_TYPE),
        Cell::Date(row.date),
        Cell::Text(row.judgement),
        Cell::Text(""),
        Cell::Text(&row.grounds),
        Cell::Text(&row.note),
        Cell::Text(&row.link),
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
            Sheet::Xlsx => xlsx::write(inventory).map_err(SheetError::Xlsx),
            Sheet::Csv => csv::write(inventory).map_err(SheetError::Csv),
            Sheet::DiWoo => Ok(diwoo::write(inventory)),
        };
        bytes.map(Rendered::bytes).map_err(|error| BackendError::Inventory { file, error })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn inventory(id: &str, note: &str) -> Inventory {
        let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        Inventory {
            case: "2024Z00001".into(),
            matter: "Kamervraag".into(),
            title: "Titel".into(),
            author: "Ministerie".into(),
            publisher: None,
            category: ("uri".into(), "categorie".into()),
            published: day,
            file: "bijlagen.pdf".into(),
            answer: ("antwoord.pdf".into(), "Antwoord".into()),
            base_url: None,
            rows: vec![Row {
                number: 1,
                annex: 1,
                id: id.into(),
                family: 1,
                thread: 1,
                document: "Document".into(),
                received: false,
                date: Some(day),
                judgement: "Openbaar",
                grounds: String::new(),
                note: note.into(),
                related: String::new(),
                link: String::new(),
            }],
        }
    }

    #[test]
    fn a_formula_like_cell_gets_a_quote_and_a_date_stays_a_date() {
        let csv = String::from_utf8(csv::write(&inventory("-2-3", "=HYPERLINK(\"x\")")).unwrap()).unwrap();
        let row = csv.lines().nth(1).unwrap();
        assert!(row.starts_with("'-2-3,"), "{row}");
        assert!(row.contains(",2024-03-01,"), "{row}");
        assert!(row.contains("'=HYPERLINK"), "{row}");
    }

    #[test]
    fn the_xlsx_holds_the_quoted_text() {
        let bytes = xlsx::write(&inventory("@SUM(1)", "+1")).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut strings = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/sharedStrings.xml").unwrap(), &mut strings)
            .unwrap();
        assert!(strings.contains(">'@SUM(1)<"), "{strings}");
        assert!(strings.contains(">'+1<"), "{strings}");
        assert!(!strings.contains(">@SUM"), "{strings}");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn no_csv_cell_starts_with_a_formula_character(id in "[-=+@\t\r a-z0-9]{1,8}", note in "[-=+@\t\r a-z0-9\"]{0,8}") {
            let bytes = csv::write(&inventory(&id, &note)).unwrap();
            let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
            for record in reader.records() {
                for cell in record.unwrap().iter() {
                    prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", cell);
                }
            }
        }
    }
}
