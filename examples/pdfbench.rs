//! Benchmark of the PDF stage: a synthetic annex document (inventory table,
//! one annex per report with a record table and quoted letters with
//! redactions) is parsed into the typed document as the answers stage does
//! (the frame, then each annex as a section that starts a page), laid out
//! and written; prints pages per second for each step and the peak resident
//! memory.
//!
//! With `--files N`, N short documents instead, each one Woo document of an
//! annex as `documenten/<ID>.pdf` holds it, each a file of its own, made in
//! parallel: files per second and CPU per file.
//!
//! cargo run --release --example pdfbench -- --annexes 2000
//! cargo run --release --example pdfbench -- --files 30000
//! RAYON_NUM_THREADS=1 cargo run --release --example pdfbench -- --annexes 2000   # one core

use beantwoord::answers::parse::parse;
use beantwoord::backend::pdf::{fonts::Fonts, layout, writer};
use beantwoord::document::{Audience, Section};
use std::fmt::Write as _;
use std::time::Instant;

// The allocator the binary uses (src/main.rs), so that the figures are the
// build's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The frame (front matter, inventory) and one Markdown text per annex.
fn document(annexes: usize) -> (String, Vec<String>) {
    let mut md = String::from(
        "---\ntitle: \"Bijlagen\"\ndate: \"2022-12-02\"\nauthor: \"Ministerie van BZK\"\n---\n\n# Bijlagen bij het antwoord\n\n## Inventarislijst\n\n| Nr. | Datum | Document | Bijlage | Beoordeling | Weigeringsgronden |\n| ---: | --- | --- | ---: | --- | --- |\n",
    );
    for i in 1..=annexes * 2 {
        let _ = writeln!(
            md,
            "| {i} | 9 maart 2021 | Bericht van Ministerie van BZK aan Facebook | {} | deels openbaar | 5.1.2e |",
            i.div_ceil(2)
        );
    }
    let mut pieces = Vec::with_capacity(annexes);
    for a in 1..=annexes {
        let mut md = String::new();
        let _ = write!(
            md,
            "\n## Bijlage {a} – Melding {a} over berichten over twee vakjes rood kleuren op het stembiljet\n\n| Gegeven | Waarde |\n| --- | --- |\n| Datum | 17 maart 2021 |\n| Platform | Facebook en Twitter |\n| Factcheck | 16 maart 2021, DPA-factchecking |\n| Uitkomst Facebook | van een label voorzien |\n"
        );
        for d in 0..2 {
            let _ = write!(
                md,
                "\n### Document {}: Bericht van Ministerie van BZK aan Facebook\n\nDatum: 17 maart 2021\\\nVan: Ministerie van BZK\\\nAan: Facebook\n\n> Geachte [[5.1.2e: naam contactpersoon]],\n>\n> Op Facebook wordt beweerd dat je bij deze verkiezingen twee vakjes rood mag kleuren op het stembiljet. Deze informatie is op 16 maart 2021 ontkracht door DPA-factchecking. Het inkleuren van twee vakjes leidt tot een ongeldige stem. Wij melden u zeven berichten die nog niet van een label zijn voorzien.\n>\n> Met vriendelijke groet,\n> [[5.1.2e: naam medewerker]]\n",
                a * 2 - 1 + d
            );
        }
        pieces.push(md);
    }
    (md, pieces)
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// `--files n`: n one-document files, laid out and written in parallel.
fn files(n: usize) {
    use rayon::prelude::*;
    let (_, pieces) = document(n.div_ceil(2));
    let t = Instant::now();
    let docs: Vec<Vec<Section>> = pieces
        .iter()
        .flat_map(|piece| {
            let blocks = parse(piece, Audience::Public).expect("annex").blocks;
            // Each annex holds two documents, from their `###` heading on.
            let starts: Vec<usize> = blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| matches!(b, beantwoord::document::Block::Heading(h) if h.level == 3))
                .map(|(i, _)| i)
                .collect();
            let ends: Vec<usize> = starts.iter().skip(1).copied().chain([blocks.len()]).collect();
            starts
                .into_iter()
                .zip(ends)
                .map(|(a, b)| vec![Section { new_page: false, blocks: blocks[a..b].to_vec() }])
                .collect::<Vec<_>>()
        })
        .take(n)
        .collect();
    let parse = t.elapsed().as_secs_f64();
    let meta = beantwoord::backend::pdf::meta::Meta {
        title: "Document".into(),
        language: "nl-NL".into(),
        date: 1_669_982_400,
        ..beantwoord::backend::pdf::meta::Meta::default()
    };
    let t = Instant::now();
    let bytes: usize = docs
        .par_iter()
        .map(|sections| {
            let laid = layout::layout(
                sections,
                &[],
                layout::PageStyle::default(),
                &layout::Letterhead::default(),
                &Fonts,
            );
            writer::write(laid, &meta).expect("PDF").len()
        })
        .sum();
    let made = t.elapsed().as_secs_f64();
    let threads = rayon::current_num_threads();
    println!("files: {}, {:.1} MiB, parse {parse:.3} s", docs.len(), bytes as f64 / 1048576.0);
    println!(
        "layout and write {made:.3} s: {:.0} files/s on {threads} thread(s), {:.0} µs of a core per file; peak RSS {:.0} MiB",
        docs.len() as f64 / made,
        made * threads as f64 * 1e6 / docs.len() as f64,
        peak_rss_mib()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(n) = args.iter().position(|a| a == "--files").and_then(|i| args.get(i + 1)) {
        return files(n.parse().expect("--files takes a number"));
    }
    let annexes = args
        .iter()
        .position(|a| a == "--annexes")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let (frame, pieces) = document(annexes);
    let t = Instant::now();
    let head = parse(&frame, Audience::Public).expect("frame");
    let mut sections = vec![Section { new_page: false, blocks: head.blocks }];
    // Each annex parsed on its own, in parallel, as the answers stage does
    // (`answers::placement::render_annexes`).
    {
        use rayon::prelude::*;
        sections.par_extend(pieces.par_iter().map(|piece| Section {
            new_page: true,
            blocks: parse(piece, Audience::Public).expect("annex").blocks,
        }));
    }
    let parse = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let laid = layout::layout(
        &sections,
        &head.notes,
        layout::PageStyle::default(),
        &layout::Letterhead::default(),
        &Fonts,
    );
    let lay = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let meta = beantwoord::backend::pdf::meta::Meta {
        title: "Bijlagen".into(),
        language: "nl-NL".into(),
        date: 1_669_982_400,
        ..beantwoord::backend::pdf::meta::Meta::default()
    };
    let pages = laid.pages.len() as f64;
    let bytes = writer::write(laid, &meta).expect("PDF");
    let write = t.elapsed().as_secs_f64();
    let total = parse + lay + write;
    println!("annexes: {annexes}, pages: {pages}, PDF: {:.1} MiB", bytes.len() as f64 / 1048576.0);
    println!(
        "parse {parse:.3} s, layout {lay:.3} s ({:.0} pages/s), write {write:.3} s ({:.0} pages/s)",
        pages / lay,
        pages / write
    );
    let threads = rayon::current_num_threads();
    println!(
        "total {total:.3} s: {:.0} pages/s on {threads} thread(s) (RAYON_NUM_THREADS=1 for one core); peak RSS {:.0} MiB",
        pages / total,
        peak_rss_mib()
    );
}
