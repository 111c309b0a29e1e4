//! Stage 1, **load**: reads the data folder (`records/**/*.yaml`,
//! `dossiers/*/dossier.yaml`) into the typed [`Project`], registering every file
//! in [`Sources`] and every problem in [`Diagnostics`]. The only stage that
//! reads input files.

pub mod dossier;
pub mod read;
pub mod records;
pub mod yaml;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Project, validate};
use crate::source::{SourceFile, Sources};
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
            Diagnostic::general(format!("data folder `{}` not found", data.display()), None)
                .hint("run from the project folder, or pass `--data DIR`"),
        );
        return loaded;
    }
    let records_dir = data.join("records");
    let record_files = yaml_files(&records_dir);
    if record_files.is_empty() {
        loaded.diagnostics.push(
            Diagnostic::general(format!("no records found in `{}`", records_dir.display()), None)
                .hint("put the register's accounts and reports in records/*.yaml"),
        );
    }
    for path in record_files {
        if let Some((file, root, text)) = read_yaml(data, &path, &mut loaded) {
            let mut r = Reader { file, source: &text, diags: &mut loaded.diagnostics };
            records::read_file(&mut r, &root, &mut loaded.project.register);
        }
    }
    for path in dossier_files(&data.join("dossiers")) {
        if let Some((file, root, text)) = read_yaml(data, &path, &mut loaded) {
            let mut r = Reader { file, source: &text, diags: &mut loaded.diagnostics };
            if let Some(d) = dossier::read(&mut r, &root) {
                loaded.project.dossiers.push(d);
            }
        }
    }
    validate::register(&loaded.project.register, &mut loaded.diagnostics);
    validate::dossiers(&loaded.project.dossiers, &mut loaded.diagnostics);
    loaded
}

/// Reads one file and parses it, or records why it could not.
fn read_yaml(
    data: &Path,
    path: &Path,
    loaded: &mut Loaded,
) -> Option<(crate::source::FileId, yaml::Node, String)> {
    let name = path
        .strip_prefix(data)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        loaded.diagnostics.push(
            Diagnostic::general(
                format!(
                    "{name}: file is {:.1} MiB; the limit is {} MiB",
                    size as f64 / 1048576.0,
                    MAX_FILE_BYTES / 1048576
                ),
                None,
            )
            .hint("split the register over several files under records/"),
        );
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            loaded.diagnostics.push(Diagnostic::general(format!("{name}: cannot be read: {e}"), None));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let at = lossy.char_indices().map(|(i, _)| i).find(|&i| i >= at).unwrap_or(lossy.len());
            let file = loaded.sources.add(SourceFile::new(name, lossy));
            loaded.diagnostics.push(
                Diagnostic::error("file is not UTF-8", crate::source::Span::new(file, at, at + 1))
                    .label("invalid byte here")
                    .hint("save the file as UTF-8"),
            );
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    let file = loaded.sources.add(SourceFile::new(name, text.clone()));
    if text.trim().is_empty() {
        loaded.diagnostics.push(
            Diagnostic::error("file is empty", crate::source::Span::new(file, 0, 0))
                .label("nothing here")
                .hint("remove the file, or fill it in"),
        );
        return None;
    }
    match yaml::parse(&text) {
        Ok(root) => Some((file, root, text)),
        Err(e) => {
            let budget = e.message.contains("limit") || e.message.contains("budget");
            let hint = if budget {
                "records never need this many aliases or this deep nesting; write the values out"
            } else {
                "check the indentation and quoting around this place"
            };
            loaded.diagnostics.push(
                Diagnostic::error(
                    format!("invalid YAML: {}", e.message),
                    crate::source::Span::new(file, e.offset, e.offset + 1),
                )
                .label("here")
                .hint(hint),
            );
            None
        }
    }
}

/// Every `*.yaml`/`*.yml` below `dir`, sorted, so runs are reproducible.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml")) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn dossier_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<PathBuf> =
        entries.flatten().map(|e| e.path().join("dossier.yaml")).filter(|p| p.is_file()).collect();
    out.sort();
    out
}

/// The document templates: each built-in one, unless `dir` holds a file of
/// the same name.
pub fn templates(
    dir: Option<&Path>,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> crate::answers::templates::DocTemplates {
    use crate::answers::templates::{BUILT_IN, DocTemplate, DocTemplates};
    let mut out = DocTemplates::default();
    for (name, built_in) in BUILT_IN {
        let path = dir.map(|d| d.join(name)).filter(|p| p.is_file());
        let (label, text) = match path {
            Some(p) => match std::fs::read_to_string(&p) {
                Ok(t) => (format!("templates/{name}"), t),
                Err(e) => {
                    diags.push(Diagnostic::general(format!("templates/{name}: cannot be read: {e}"), None));
                    continue;
                }
            },
            None => (format!("(built-in) templates/{name}"), built_in.to_string()),
        };
        let file = sources.add(SourceFile::new(label, text.clone()));
        out.all.push(DocTemplate { name, source: text, file });
    }
    out
}
