//! Stage 1, **load**: reads the data folder (`persons.yaml` first, then
//! `records/**/*.yaml`, `dossiers/*/dossier.yaml`) into the typed [`Project`], registering every file
//! in [`Sources`] and every problem in [`Diagnostics`]. The only stage that
//! reads input files.

pub mod dossier;
pub mod kamer;
pub mod lock;
pub mod logo;
pub mod ministry;
pub mod persons;
pub mod read;
pub mod records;
pub mod yaml;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::templates::{DocTemplate, DocTemplates};
use crate::model::{Project, validate};
use crate::source::{FileId, SourceFile, Sources, Span};
use rayon::prelude::*;
use read::Reader;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// What loading found: the model (as far as it could be read), the files it
/// came from, and every problem.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Sources,
    pub project: Project,
    pub diagnostics: Diagnostics,
}

/// Loads and validates everything under `data`.
pub fn load(data: &Path) -> Loaded {
    let mut loaded = Loaded::default();
    if !data.is_dir() {
        loaded.diagnostics.push(
            Diagnostic::general(crate::tr!("data-missing", folder = data.display().to_string()), None)
                .hint(crate::tr!("data-missing-hint")),
        );
        return loaded;
    }
    let records_dir = data.join("records");
    let (record_files, links) = yaml_files(&records_dir);
    for link in links {
        let name = link.strip_prefix(data).unwrap_or(&link).display().to_string();
        loaded.diagnostics.push(
            Diagnostic::general(crate::tr!("records-link", name = &name), None)
                .hint(crate::tr!("records-link-hint"))
                .as_warning(),
        );
    }
    if record_files.is_empty() {
        loaded.diagnostics.push(
            Diagnostic::general(crate::tr!("records-none", folder = records_dir.display().to_string()), None)
                .hint(crate::tr!("records-none-hint")),
        );
    }
    let (dossier_files, without) = dossier_files(&data.join("dossiers"));
    for folder in without {
        loaded.diagnostics.push(
            Diagnostic::general(crate::tr!("dossier-folder-empty", folder = &folder), None)
                .hint(crate::tr!("dossier-folder-empty-hint"))
                .as_warning(),
        );
    }
    // The persons list first: every text read after it has its listed
    // names withheld.
    read_persons(data, &mut loaded);
    let listed = crate::model::persons::Listed::new(&loaded.project.persons);
    let base = loaded.sources.len();
    let n_records = record_files.len();
    let paths: Vec<PathBuf> = record_files.into_iter().chain(dossier_files).collect();
    // Each file is read, parsed and typed on its own (in parallel); the
    // results are merged in path order, so the outcome does not depend on
    // scheduling. File ids are the positions in that order (after the
    // persons list's).
    let read: Vec<FileResult> = paths
        .par_iter()
        .enumerate()
        .map(|(i, path)| read_file(data, path, FileId(base + i), i < n_records, &listed))
        .collect();
    for (i, r) in read.into_iter().enumerate() {
        let failed = r.diagnostics.has_errors();
        if failed && i < n_records {
            loaded.project.register.incomplete = true;
        }
        let mut dossier = r.dossier;
        if let Some(d) = dossier.as_mut() {
            d.incomplete = failed;
        }
        loaded.sources.add(r.source);
        loaded.diagnostics.extend(r.diagnostics);
        loaded.project.persons.automatic.extend(r.automatic);
        loaded.project.register.accounts.extend(r.register.accounts);
        loaded.project.register.reports.extend(r.register.reports);
        loaded.project.dossiers.extend(dossier);
    }
    read_locks(data, &mut loaded);
    read_ministry(data, &mut loaded);
    let before = loaded.diagnostics.len();
    validate::register(&loaded.project.register, &mut loaded.diagnostics);
    validate::dossiers(&loaded.project.dossiers, &mut loaded.diagnostics);
    validate::publication(&loaded.project, &mut loaded.diagnostics);
    loaded.diagnostics.stage_from(before, crate::diag::Stage::Records);
    loaded
}

/// Reads `persons.yaml`, when the data folder has one.
fn read_persons(data: &Path, loaded: &mut Loaded) {
    if let Some(persons) = read_optional(data, persons::FILE, loaded, persons::read) {
        loaded.project.persons = persons;
    }
}

/// Reads `ministry.yaml`, when the data folder has one, and gives each
/// dossier of that ministry its record (the letters' sender column).
fn read_ministry(data: &Path, loaded: &mut Loaded) {
    loaded.project.ministry = read_optional(data, ministry::FILE, loaded, ministry::read).flatten();
    if let Some(m) = &loaded.project.ministry {
        for d in &mut loaded.project.dossiers {
            if m.is(&d.ministry()) {
                d.sender = Some(m.clone());
            }
        }
    }
}

/// Reads an optional file at the top of the data folder (`persons.yaml`,
/// `ministry.yaml`) with `read`, its source kept for messages; `None` when
/// the folder has no such file or it is not valid YAML. Its text is read
/// before the persons list applies, so nothing in it is withheld by it.
fn read_optional<T>(
    data: &Path,
    name: &str,
    loaded: &mut Loaded,
    read: impl FnOnce(&mut Reader, &yaml::Node) -> T,
) -> Option<T> {
    let path = data.join(name);
    if !path.exists() {
        return None;
    }
    let file = FileId(loaded.sources.len());
    let before = loaded.diagnostics.len();
    let (source, root) = read_yaml(data, &path, file, &mut loaded.diagnostics);
    loaded.diagnostics.stage_from(before, crate::diag::Stage::Syntax);
    let value = root.map(|root| {
        let none = crate::model::persons::Listed::default();
        let mut r = Reader {
            file,
            source: &source.text,
            diags: &mut loaded.diagnostics,
            listed: &none,
            automatic: Vec::new(),
        };
        read(&mut r, &root)
    });
    loaded.sources.add(source);
    value
}

/// The file beside a dossier that records what was sent.
pub const LOCK_FILE: &str = "dossier.lock";

/// Reads the lock of each dossier that has one (a sent dossier), and of
/// its follow-up answer once that is sent (`nader.lock`). A lock whose id is
/// not its dossier's is an error: it was copied, not written.
fn read_locks(data: &Path, loaded: &mut Loaded) {
    for d in &mut loaded.project.dossiers {
        let follow_up = d.follow_up_lock_file();
        for (name, first) in [(d.lock_file.clone(), true), (follow_up, false)] {
            let path = data.join(&name);
            if !path.is_file() {
                continue;
            }
            let file = FileId(loaded.sources.len());
            let before = loaded.diagnostics.len();
            let (source, root) = read_yaml(data, &path, file, &mut loaded.diagnostics);
            loaded.diagnostics.stage_from(before, crate::diag::Stage::Syntax);
            if let Some(root) = root {
                let none = crate::model::persons::Listed::default();
                let mut r = Reader {
                    file,
                    source: &source.text,
                    diags: &mut loaded.diagnostics,
                    listed: &none,
                    automatic: Vec::new(),
                };
                let mut sent = lock::read(&mut r, &root);
                if let Some(s) = &sent
                    && s.dossier != d.id.value
                {
                    let e = Diagnostic::error(
                        crate::tr!("lock-other-dossier", lock = &s.dossier, dossier = &d.id.value),
                        Span::new(file, 0, 0),
                    )
                    .also(d.id.span, crate::tr!("lock-beside"))
                    .hint(crate::tr!("lock-other-dossier-hint"));
                    loaded.diagnostics.push(e);
                    sent = None;
                }
                if first {
                    d.sent = sent;
                } else if d.sent.is_none() && sent.is_some() {
                    let e = Diagnostic::error(crate::tr!("lock-follow-up-unsent"), Span::new(file, 0, 0))
                        .also(d.id.span, crate::tr!("lock-beside"))
                        .hint(crate::tr!("lock-follow-up-unsent-hint"));
                    loaded.diagnostics.push(e);
                } else {
                    d.follow_up_sent = sent;
                }
            }
            loaded.sources.add(source);
        }
    }
}

/// What one input file gave.
struct FileResult {
    source: SourceFile,
    diagnostics: Diagnostics,
    register: crate::model::Register,
    dossier: Option<crate::model::Dossier>,
    /// Where a listed name was withheld.
    automatic: Vec<Span>,
}

/// Reads, parses and types one file (a records file or a dossier).
fn read_file(
    data: &Path,
    path: &Path,
    file: FileId,
    is_records: bool,
    listed: &crate::model::persons::Listed,
) -> FileResult {
    let mut diags = Diagnostics::default();
    let mut register = crate::model::Register::default();
    let mut dossier = None;
    let mut automatic = Vec::new();
    let (source, root) = read_yaml(data, path, file, &mut diags);
    diags.stage_from(0, crate::diag::Stage::Syntax);
    if let Some(root) = root {
        let mut r = Reader { file, source: &source.text, diags: &mut diags, listed, automatic: Vec::new() };
        if is_records {
            records::read_file(&mut r, &root, &mut register);
        } else {
            dossier = dossier::read(&mut r, &root);
            if let Some(d) = dossier.as_mut() {
                d.lock_file =
                    source.name.replace('\\', "/").trim_end_matches("dossier.yaml").to_string() + LOCK_FILE;
            }
        }
        automatic = r.automatic;
    }
    FileResult { source, diagnostics: diags, register, dossier, automatic }
}

/// Reads one file and parses it, or records why it could not. The file is
/// always returned (with what text it has) so that messages can point into it.
fn read_yaml(
    data: &Path,
    path: &Path,
    file: FileId,
    diags: &mut Diagnostics,
) -> (SourceFile, Option<yaml::Node>) {
    let name = path
        .strip_prefix(data)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    // Only a regular file is read (after following links): a device such as
    // `/dev/zero` would never end, a named pipe would wait for ever. Asked
    // before the file is opened, and again of what was opened.
    let meta = std::fs::metadata(path);
    if let Ok(m) = &meta
        && !m.is_file()
    {
        diags.push(not_a_file(&name, m));
        return (SourceFile::new(name, ""), None);
    }
    let size = meta.map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::general(
                crate::tr!(
                    "file-too-large",
                    name = &name,
                    size = crate::i18n::decimal(size as f64 / 1048576.0, 1),
                    limit = MAX_FILE_BYTES / 1048576
                ),
                None,
            )
            .hint(crate::tr!("file-too-large-hint")),
        );
        return (SourceFile::new(name, ""), None);
    }
    let bytes = match read_regular(path) {
        Ok(Ok(b)) => b,
        Ok(Err(m)) => {
            diags.push(not_a_file(&name, &m));
            return (SourceFile::new(name, ""), None);
        }
        Err(e) => {
            diags.push(Diagnostic::general(
                crate::tr!("file-unreadable", name = &name, why = crate::i18n::io_error(&e)),
                None,
            ));
            return (SourceFile::new(name, ""), None);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let at = lossy.char_indices().map(|(i, _)| i).find(|&i| i >= at).unwrap_or(lossy.len());
            diags.push(
                Diagnostic::error(crate::tr!("file-not-utf8"), Span::new(file, at, at + 1))
                    .label(crate::tr!("file-not-utf8-label"))
                    .hint(crate::tr!("file-not-utf8-hint")),
            );
            return (SourceFile::new(name, lossy), None);
        }
    };
    let text = plain_line_ends(text);
    if text.trim().is_empty() {
        diags.push(
            Diagnostic::error(crate::tr!("file-empty"), Span::new(file, 0, 0))
                .label(crate::tr!("file-empty-label"))
                .hint(crate::tr!("file-empty-hint")),
        );
        return (SourceFile::new(name, text), None);
    }
    let parsed = yaml::parse(&text);
    let source = SourceFile::new(name, text);
    match parsed {
        Ok(root) => {
            unwritable(&root, &source.text, file, diags);
            (source, Some(root))
        }
        Err(e) => {
            let budget = e.message.contains("limit") || e.message.contains("budget");
            let hint = match (budget, quoted_line(&source.text, e.offset)) {
                (true, _) => crate::tr!("yaml-budget-hint"),
                (false, Some(fixed)) => crate::tr!("yaml-quote-hint", line = fixed),
                (false, None) => crate::tr!("yaml-hint"),
            };
            diags.push(
                Diagnostic::error(
                    crate::tr!("yaml-invalid", why = yaml_reason(&e.message)),
                    Span::new(file, e.offset, e.offset + 1),
                )
                .label(crate::tr!("template-label"))
                .hint(hint),
            );
            (source, None)
        }
    }
}

/// The YAML parser's reason in the current language, for the reasons
/// users meet; others as the parser gives them.
pub fn yaml_reason(message: &str) -> String {
    let has = |s: &str| message.contains(s);
    if has("mapping values are not allowed") {
        crate::tr!("yaml-mapping-values")
    } else if has("did not find expected key") {
        crate::tr!("yaml-expected-key")
    } else if has("found character that cannot start any token") {
        crate::tr!("yaml-bad-character")
    } else if has("alias replay limit exceeded") {
        crate::tr!("yaml-alias-limit")
    } else if has("recursion limit exceeded") {
        crate::tr!("yaml-too-deep")
    } else if has("illegal placement of ':' indicator") || has("simple key expected ':'") {
        crate::tr!("yaml-colon")
    } else if has("found a tab") {
        crate::tr!("yaml-tab")
    } else if has("unclosed quote") || has("found unexpected end of stream") {
        crate::tr!("yaml-unclosed-quote")
    } else if let Some(rest) = message.split("duplicate mapping key: ").nth(1) {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        crate::tr!("yaml-duplicate-key", key = key)
    } else if has("did not find expected '-' indicator") {
        crate::tr!("yaml-expected-dash")
    } else if has("did not find expected ',' or '}'") {
        crate::tr!("yaml-flow-map")
    } else if has("did not find expected ',' or ']'") {
        crate::tr!("yaml-flow-list")
    } else if has("unknown anchor") {
        crate::tr!("yaml-unknown-anchor")
    } else if has("unknown escape character") {
        crate::tr!("yaml-escape")
    } else if has("misplaced bracket") {
        crate::tr!("yaml-bracket")
    } else if has("trailing content after") {
        crate::tr!("yaml-after-quote")
    } else {
        message.to_string()
    }
}

/// The line at `offset`, `key: value` with a value that holds `: `
/// unquoted, written with the value quoted; `None` for any other line.
fn quoted_line(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, value) = line.split_once(": ")?;
    let value = value.trim();
    let plain = !value.starts_with(['"', '\'', '|', '>', '[', '{', '&', '*', '!']);
    (plain && value.contains(": ") && !key.trim().is_empty())
        .then(|| format!("{}: \"{}\"", key.trim_start(), value.replace('\\', "\\\\").replace('"', "\\\"")))
}

/// The bytes of a regular file, never more than [`MAX_FILE_BYTES`] and one
/// (a file that grew after its size was asked is cut there, not read
/// without bound); or, when what was opened is not a regular file, its
/// metadata, and nothing read. Opened without blocking, so that a named
/// pipe put in its place does not hang.
fn read_regular(path: &Path) -> std::io::Result<Result<Vec<u8>, std::fs::Metadata>> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let f = options.open(path)?;
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Ok(Err(meta));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_FILE_BYTES) as usize);
    f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(Ok(bytes))
}

/// The error for a path under `records/` or `dossiers/` that is a device,
/// a named pipe, a socket or a folder.
fn not_a_file(name: &str, meta: &std::fs::Metadata) -> Diagnostic {
    let kind = {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let t = meta.file_type();
            if t.is_fifo() {
                crate::tr!("kind-pipe")
            } else if t.is_socket() {
                crate::tr!("kind-socket")
            } else if t.is_block_device() || t.is_char_device() {
                crate::tr!("kind-device")
            } else if t.is_dir() {
                crate::tr!("kind-folder")
            } else {
                crate::tr!("kind-not-file")
            }
        }
        #[cfg(not(unix))]
        {
            if meta.is_dir() { crate::tr!("kind-folder") } else { crate::tr!("kind-not-file") }
        }
    };
    Diagnostic::general(crate::tr!("not-a-file", name = name, kind = kind), None)
        .hint(crate::tr!("not-a-file-hint"))
}

/// Whether XML 1.0 (and so Word, and the PDF's metadata) cannot hold `c`:
/// a control character other than tab, line feed and carriage return, or
/// U+FFFE/U+FFFF. A YAML escape (`"\u0001"`) can put one in any field.
fn unwritable_char(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// One error for every key and value that holds a character no format can
/// hold, at the field, so that no backend ever sees it.
fn unwritable(node: &yaml::Node, source: &str, file: FileId, diags: &mut Diagnostics) {
    let report = |value: &str, start: usize, end: usize, diags: &mut Diagnostics| {
        let Some(c) = value.chars().find(|&c| unwritable_char(c)) else { return };
        // The character itself when it stands in the file, else the field.
        let written = source.get(start..end).and_then(|t| t.find(c)).map(|i| start + i);
        let span = match written {
            Some(at) => Span::new(file, at, at + c.len_utf8()),
            None => Span::new(file, start, end.max(start)),
        };
        diags.push(
            Diagnostic::error(crate::tr!("bad-character", code = format!("U+{:04X}", c as u32)), span)
                .label(crate::tr!("bad-character-label"))
                .hint(crate::tr!("bad-character-hint")),
        );
    };
    match &node.kind {
        yaml::Kind::Scalar(s) => report(s, node.start, node.end, diags),
        yaml::Kind::Seq(items) => items.iter().for_each(|n| unwritable(n, source, file, diags)),
        yaml::Kind::Map(entries) => {
            for (k, v) in entries {
                report(&k.name, k.start, k.end, diags);
                unwritable(v, source, file, diags);
            }
        }
        yaml::Kind::Null => {}
    }
}

/// Every `*.yaml`/`*.yml` below `dir`, sorted, so runs are reproducible.
fn yaml_files(dir: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut out = Vec::new();
    let mut links = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            // A linked folder is not followed: a link back up would be a loop.
            let Ok(kind) = e.file_type() else { continue };
            if kind.is_symlink() && p.is_dir() {
                links.push(p);
            } else if kind.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml")) {
                out.push(p);
            }
        }
    }
    out.sort();
    links.sort();
    (out, links)
}

/// The `dossier.yaml` of every folder under `dir`, and the names of the
/// folders that have none; both sorted.
fn dossier_files(dir: &Path) -> (Vec<PathBuf>, Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return (Vec::new(), Vec::new()) };
    let mut files = Vec::new();
    let mut without = Vec::new();
    for e in entries.flatten().filter(|e| e.path().is_dir()) {
        let file = e.path().join("dossier.yaml");
        // Anything by that name is read (or refused, when it is not a
        // regular file) rather than taken for a folder without one.
        if file.exists() {
            files.push(file);
        } else {
            without.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    files.sort();
    without.sort();
    (files, without)
}

/// The built-in document templates, by file name (Zola's way: embedded,
/// overridden by a file of the same name in the user's `templates/`).
pub const BUILT_IN_TEMPLATES: &[(&str, &str)] = &[
    ("antwoord.md", include_str!("../../templates/antwoord.md")),
    ("bijlagen.md", include_str!("../../templates/bijlagen.md")),
    ("bijlage.md", include_str!("../../templates/bijlage.md")),
    ("aanbieding.md", include_str!("../../templates/aanbieding.md")),
    ("uitstel.md", include_str!("../../templates/uitstel.md")),
    ("nader.md", include_str!("../../templates/nader.md")),
];

/// A text file as the rest of the tool reads it: without a byte order mark
/// (an editor's, which would hide a template's front matter), and with `\n`
/// line ends where the file has carriage returns only (an old Mac editor's,
/// which would make the whole file one line).
fn plain_line_ends(text: String) -> String {
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.contains('\r') && !text.contains('\n') { text.replace('\r', "\n") } else { text }
}

/// The document templates: each built-in one, unless `dir` holds a file of
/// the same name.
pub fn templates(dir: Option<&Path>, sources: &mut Sources, diags: &mut Diagnostics) -> DocTemplates {
    let mut out = DocTemplates::default();
    for (name, built_in) in BUILT_IN_TEMPLATES {
        let path = dir.map(|d| d.join(name)).filter(|p| p.is_file());
        let (label, text) = match path {
            Some(p) => match std::fs::read_to_string(&p) {
                Ok(t) => (format!("templates/{name}"), plain_line_ends(t)),
                Err(e) => {
                    diags.push(Diagnostic::general(
                        crate::tr!(
                            "template-unreadable",
                            file = format!("templates/{name}"),
                            error = crate::i18n::io_error(&e)
                        ),
                        None,
                    ));
                    continue;
                }
            },
            None => (format!("(built-in) templates/{name}"), built_in.to_string()),
        };
        let source = SourceFile::new(label, text.clone());
        let line_offsets = source.line_starts().to_vec();
        let file = sources.add(source);
        let text = crate::model::Text {
            value: text,
            span: Span::new(file, 0, 0),
            line_offsets,
            inserted: Vec::new(),
        };
        out.all.push(DocTemplate { name, text });
    }
    // A logo saved in another format is not taken: said once, with the
    // name it must have.
    let png = dir.map(|d| d.join(crate::model::logo::FILE)).filter(|p| p.is_file());
    if let (None, Some(d)) = (&png, dir) {
        let other = ["svg", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "pdf", "PNG", "Png"]
            .iter()
            .map(|ext| format!("logo.{ext}"))
            .find(|name| d.join(name).is_file());
        if let Some(name) = other {
            diags.push(
                Diagnostic::general(
                    crate::tr!("logo-other-format", file = format!("templates/{name}")),
                    None,
                )
                .hint(crate::tr!(
                    "logo-other-format-hint",
                    file = format!("templates/{}", crate::model::logo::FILE)
                ))
                .as_warning(),
            );
        }
    }
    if let Some(path) = png {
        match logo::read(&path) {
            Ok(l) => out.logo = Some(std::sync::Arc::new(l)),
            Err(e) => diags.push(
                Diagnostic::general(format!("templates/{}: {e}", crate::model::logo::FILE), None)
                    .hint(crate::tr!("logo-hint", side = crate::model::logo::MAX_SIDE)),
            ),
        }
    }
    out
}
