//! `beantwoord status`: one line per dossier — submitted, due, days left or
//! late, delay notices, answered, sent, the follow-up answer — with the
//! Kamer's flag "te laat zonder uitstel" and, once the Kamer published the
//! answers, where; `--format csv` for a spreadsheet. The one command that
//! may read the clock (for the default `--today`); documents never do.

use super::DataArgs;
use crate::model::deadline::{self, HEADER, Status};
use chrono::NaiveDate;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// The day to count from, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub today: Option<NaiveDate>,
    /// A table to read, or CSV (RFC 4180, a header row) for a spreadsheet.
    #[arg(long, value_enum, default_value = "table")]
    pub format: StatusFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    Table,
    Csv,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| crate::tr!("cli-not-a-date"))
}

/// Today by the system clock (UTC).
pub fn clock_today() -> NaiveDate {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(secs as i64, 0).map_or(NaiveDate::MIN, |t| t.date_naive())
}

pub fn run(args: StatusArgs) -> Result<ExitCode, super::Failed> {
    let settings = crate::settings::Settings::new(args.data.options())?;
    let loaded = crate::load::load(settings.data());
    if loaded.diagnostics.has_errors() {
        let withheld = crate::withheld::Withheld::collect_with(&loaded.sources, &loaded.project.persons);
        eprint!("{}", loaded.diagnostics.render(&loaded.sources, &withheld));
        eprintln!("{}", crate::tr!("status-failed", errors = loaded.diagnostics.error_count()));
        return Ok(ExitCode::from(1));
    }
    let today = args.today.unwrap_or_else(clock_today);
    let rows: Vec<Status> = loaded.project.dossiers.iter().map(|d| deadline::status(d, today)).collect();
    let text = match args.format {
        StatusFormat::Table => table(&rows, today),
        StatusFormat::Csv => csv(&rows),
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

/// Columns padded to their widest cell, the day counted from on top.
fn table(rows: &[Status], today: NaiveDate) -> String {
    let all: Vec<[String; 10]> = rows.iter().map(Status::cells).collect();
    let mut widths = HEADER.map(|h| h.chars().count());
    for r in &all {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = format!("stand op {today}\n");
    out.push_str(&line(&HEADER.map(String::from)));
    for r in &all {
        out.push_str(&line(r));
    }
    out
}

/// RFC 4180 (the csv crate): CRLF line ends, fields quoted where needed;
/// dates ISO, days a signed number (negative: late).
fn csv(rows: &[Status]) -> String {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(HEADER);
    for s in rows {
        let mut c = s.cells();
        c[3] = s.days.to_string();
        let _ = w.write_record(&c);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
