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
//! | **load** | [`load`] ([`load::yaml`], [`load::read`], [`load::persons`], [`load::ministry`] for the letters' sender, [`load::logo`] for their logo) | files → [`model::Project`] + [`source::Sources`] + [`diag::Diagnostics`]; the document templates (built in, or the user's `templates/`, with its `logo.png`). `persons.yaml` is read first: every listed name in every text field read after it is withheld as if marked ([`model::persons::Listed::withhold`]) |
//! | **model** | [`model`] ([`model::validate`], [`model::date`], [`model::persons`], [`model::ministry`], [`model::logo`]) | typed, validated records; no I/O |
//! | **answers** | [`answers`] ([`answers::filters`], [`answers::annex`], [`answers::parse`], [`answers::front_matter`]) | model + Tera templates → Markdown, parsed once (the one place pulldown-cmark's options are set) into a typed [`document::Document`] per document and audience, its footnotes numbered on it ([`document::Document::number_notes`]); each annex rendered from `bijlage.md` in parallel as a section that starts a page, between the parts of the frame `bijlagen.md`; per answer the records it rests on ([`answers::provenance`]: a record is a source when leaving it out changes the answer; [`answers::access`] reads on Tera's syntax tree what an answer can see of the reports, so most removals are decided without a render), listed in the internal answers' appendix "Bronnen per antwoord" |
//! | **document** | [`document`] | the typed hand-over (no stage after it parses text): [`document::Meta`], sections, blocks with roles, spans; a [`document::Redaction`] holds its words only in the internal document; a published Woo document is a [`document::Excerpt`] of the annex document, made into a document of its own only while a check or a backend reads it |
//! | **backends** | [`backend`] ([`backend::markdown`], [`backend::pdf`], [`backend::html`], [`backend::docx`]; the inventory for the Woo platforms from the typed [`document::inventory::Inventory`]: [`backend::inventory`] (xlsx, csv, DiWoo XML); shared: [`backend::typography`] for where lines may break, [`backend::xml`] for escaping) | a `Document` or an `Inventory` → the bytes of one file, every output behind the one [`backend::Backend`] trait, given a [`backend::RenderContext`]; pure. The PDF (tagged PDF/UA-1 and PDF/A-2a): sections laid out in parallel ([`backend::pdf::layout`], which also builds the structure elements and tags every drawn item as an element's content or an artifact) → content streams with marked content ([`backend::pdf::content`]) → the structure tree in reading order ([`backend::pdf::structure`]) → PDF ([`backend::pdf::writer`], the only printpdf module, with [`backend::pdf::xmp`], the metadata both read in [`backend::pdf::meta`], and the byte-level [`backend::pdf::file`]) |
//! | **plan** | [`build`] (with [`pipeline`], [`published`], [`guard`] and [`sent`]) | checked [`settings::Settings`] → [`build::plan`]: the stages above run by [`pipeline`], a sent dossier compared with its lock or given its follow-up ([`sent`]), each file made and staged → a typed [`build::Plan`] (each file's folder, path, pages and change; what is removed; the lock `send` records) |
//! | **output** | [`output`] | [`output::open`] locks the output folders before the build reads them (a second build waits); [`build::Plan::commit`]: each file compared with the disk: unchanged ones left alone, new and changed ones staged in a copy of their dossier's folder; then each dossier's folder, public and internal, exchanged whole with its completed copy in one step, with a journal, so that a failure or a kill leaves the previous build; files no longer made removed (a manifest) |
//! | workbench | [`workbench`] ([`workbench::snapshot`], [`workbench::page`], [`workbench::server`]) | checked [`settings::Settings`] → [`pipeline::prepare`] on every save (files watched, 50 ms debounce) → every document as the HTML backend writes it, in memory, each dossier's status ([`model::deadline`]) and each answer's sources ([`answers::provenance`]); on errors the diagnostics as `check` renders them beside the last good render → a read-only local web server (`beantwoord serve`: 127.0.0.1, `Host` checked, server-sent events); writes nothing |
//! | commands | [`cli`] | one file per command (`check`, `build`, `send`, `status`, `new`, `serve`), each thin: its arguments → [`settings::Options`] → [`settings::Settings::new`] (checked once, fallible, a [`settings::Mode`]) → ask the library → print; a refusal is printed once, in [`cli::main`]; [`scaffold`] writes a new dossier's YAML |
//!
//! Where a change goes: a new output format is a module under [`backend`]
//! implementing [`backend::Backend`] and a [`backend::Format`] value; a new
//! check of the data is a rule in [`model::validate`] (or, for what needs
//! the rendered documents, in [`pipeline`]); a new command is a file in
//! [`cli`] that builds [`settings::Settings`] and calls [`build::plan`] (or
//! [`load::load`]) and prints.
//!
//! Foundations every stage may use: [`source`] (files and spans), [`diag`]
//! (diagnostics and hints), [`redaction`] (the one grammar of Woo markers),
//! [`withheld`] (every withheld passage of a run, found again where it stands
//! unmarked and masked in every message), [`personal`] (the detectors of
//! e-mail addresses, phone numbers, IBANs and BSNs), [`memory`] (where the
//! binary's allocator may give freed memory back: between the stages).
//!
//! ## Invariants between the stages
//!
//! - No module imports from a later stage or from the command line: load
//!   knows nothing of answers, the backends nothing of Markdown parsing or
//!   YAML, [`pipeline`] and [`build`] nothing of [`cli`].
//! - Only [`load`] reads input files, only [`output`] touches the output
//!   folder; the stages in between are pure functions of their input, so the
//!   same input gives the same bytes.
//! - Work runs in parallel (rayon) over files, dossiers, reports, annexes and
//!   output documents, but results are always collected in input order: the
//!   output does not depend on scheduling or on the number of threads.
//! - Everything that can be wrong with the input is found before anything is
//!   written: a run with errors writes nothing and leaves earlier output as it was.
//! - Every problem points at its source: a [`source::Span`] (file and byte
//!   range), shown as `file:line:col` with the line and a caret.
//! - Every format is made from the same `Document`, so the formats cannot
//!   disagree; nothing after the answers stage parses Markdown or YAML.
//!   Dates, ids and resource names come from the input, so rebuilding gives
//!   the same bytes.
//! - Withheld Woo passages (`[[5.1.2e: …]]`), in any text field, are parsed
//!   by [`redaction`] and become typed spans before Markdown is parsed; the
//!   public render sees the records only through [`answers::view`] (every
//!   marker without its words), a public document holds only the ground, a
//!   withheld passage standing unmarked in a public document is an error
//!   ([`withheld`]), and diagnostics mask the words. A name on the persons
//!   list is withheld as it is read, so it is such a passage everywhere.
//! - No personal data reaches a public output unless someone decided it may:
//!   an e-mail address, phone number, IBAN or BSN ([`personal`]) in a public
//!   document or inventory that is not marked, listed or allowed is an error
//!   at its source ([`guard`], run by [`pipeline`] after the documents are
//!   made); messages mask such values too. Both checks read every public
//!   output, the Woo documents included, in one pass ([`published`]).
//! - Internal review documents go to a folder of their own, outside the
//!   public output folder, named and titled as internal
//!   ([`document::Audience::file_stem`], [`document::Audience::title`]).
//! - Every PDF is tagged: the structure comes from the document's blocks,
//!   never from guessing; everything drawn is an element's content or an
//!   artifact; a redaction box is a figure whose alternate text names the
//!   ground, never the words.

pub mod answers;
pub mod backend;
pub mod build;
pub mod cli;
pub mod diag;
pub mod digest;
pub mod document;
pub mod guard;
pub mod i18n;
pub mod load;
pub mod memory;
pub mod model;
pub mod output;
pub mod personal;
pub mod pipeline;
pub mod published;
pub mod redaction;
pub mod scaffold;
pub mod sent;
pub mod settings;
pub mod source;
pub mod withheld;
pub mod workbench;
