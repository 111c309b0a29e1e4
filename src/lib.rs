//! # beantwoord
//!
//! Answers Dutch parliamentary questions (Kamervragen) from a ministry's own
//! records: counts, dates, ordinals and lists in the answers are computed from
//! a register of trusted-flagger accounts and the reports made through them.
//!
//! ## The stages (data flows one way)
//!
//! | stage | module | in → out |
//! | --- | --- | --- |
//! | **load** | [`load`] ([`load::yaml`], [`load::read`]) | files → [`model::Project`] + [`source::Sources`] + [`diag::Diagnostics`] |
//! | **model** | [`model`] ([`model::validate`], [`model::date`], [`redaction`]) | typed, validated records; no I/O |
//! | **answers** | [`answers`] ([`answers::filters`], [`answers::annex`]) | model + Tera templates → Markdown per document (`antwoord.md`, `bijlagen.md` with each annex rendered from `bijlage.md` in parallel), public and internal |
//! | **render** | [`render`] ([`render::blocks`], [`render::layout`], [`render::content`], [`render::pdf`]) | Markdown → pulldown-cmark blocks → positioned lines and pages (pure; sections that start a page laid out in parallel) → content streams (pure, in parallel) → PDF bytes ([`render::pdf`] is the only printpdf module: fonts, metadata, page tree) |
//! | **output** | [`output`] | each file compared with the disk: unchanged ones left alone, changed ones staged beside their target and renamed into place only when the whole run succeeded |
//! | commands | [`cli`] | one file per command; raw arguments → checked [`cli::settings`] first |
//!
//! ## Invariants between the stages
//!
//! - Only [`load`] reads input files, only [`output`] touches the output
//!   folder; the stages in between are pure functions of their input, so the
//!   same input gives the same bytes.
//! - Work runs in parallel (rayon) over files, dossiers, reports and output
//!   documents, but results are always collected in input order: the output
//!   does not depend on scheduling or on the number of threads.
//! - Everything that can be wrong with the input is found before anything is
//!   written: a run with errors writes nothing and leaves earlier output as it was.
//! - Every problem points at its source: a [`source::Span`] (file and byte
//!   range), shown as `file:line:col` with the line and a caret.
//! - The PDF is laid out from the very Markdown that is written as `.md`, so
//!   the formats cannot disagree; dates, ids and resource names in it come
//!   from the input, so rebuilding gives the same bytes.
//! - Withheld Woo passages (`[[5.1.2e: …]]`) are parsed into
//!   [`redaction::Segment`]s; public renders only ever see the ground
//!   code, and diagnostics mask the words.

pub mod answers;
pub mod backend;
pub mod cli;
pub mod diag;
pub mod document;
pub mod load;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod redaction;
pub mod settings;
pub mod source;
