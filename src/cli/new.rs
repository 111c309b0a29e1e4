//! `beantwoord new --from FILE`: starts a dossier from the Kamer's XML of a
//! question set (kv-tk-….xml, or ah-tk-….xml with the published answers):
//! writes `dossiers/<case number>/dossier.yaml`, never over an existing one.

use crate::diag::Diagnostics;
use crate::source::{SourceFile, Sources};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The Kamer's XML file of the questions (kv-tk-…) or of the answers (ah-tk-…).
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    /// The data folder the dossier goes in.
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
    /// The dossier id [default: the case number the file gives, e.g. 2022Z21205].
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
}

pub fn run(args: NewArgs) -> Result<std::process::ExitCode, super::Failed> {
    Ok(std::process::ExitCode::from(write(&args)))
}

/// Writes the new dossier; the exit status.
fn write(args: &NewArgs) -> u8 {
    let name = args.from.display().to_string();
    let size = std::fs::metadata(&args.from).map(|m| m.len()).unwrap_or(0);
    if size > crate::load::MAX_FILE_BYTES {
        eprintln!(
            "error: {name}: the file is larger than {} MiB; a question set is far smaller",
            crate::load::MAX_FILE_BYTES >> 20
        );
        return 1;
    }
    let text = match std::fs::read(&args.from) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                eprintln!("error: {name}: not UTF-8 text\n  hint: give the Kamer's XML file as downloaded");
                return 1;
            }
        },
        Err(e) => {
            eprintln!("error: {name}: cannot be read: {e}");
            return 1;
        }
    };
    let mut sources = Sources::default();
    let file = sources.add(SourceFile::new(name.clone(), text.clone()));
    let set = match crate::load::kamer::read(&text, file) {
        Ok((s, warnings)) => {
            let mut diags = Diagnostics::default();
            warnings.into_iter().for_each(|d| diags.push(d));
            eprint!("{}", diags.render(&sources, &crate::withheld::Withheld::default()));
            s
        }
        Err(problems) => {
            let mut diags = Diagnostics::default();
            problems.into_iter().for_each(|d| diags.push(d));
            eprint!("{}", diags.render(&sources, &crate::withheld::Withheld::default()));
            eprintln!("new failed: {} error(s); nothing was written", diags.error_count());
            return 1;
        }
    };
    let Some(id) = args.id.clone().or_else(|| set.case.clone()) else {
        eprintln!(
            "error: {name}: the file does not give the case number (no `OVERHEIDop.vraagnummer` or `kv-tk-…` identifier in its metadata)\n  hint: give the dossier id yourself: `beantwoord new --from {name} --id 2022Z21205`"
        );
        return 1;
    };
    if !crate::model::is_safe_id(&id) {
        eprintln!(
            "error: `{id}` is not a safe folder name\n  hint: use the Kamer's number, e.g. `--id 2022Z21205` (letters, digits, `.`, `_`, `-`)"
        );
        return if args.id.is_some() { 2 } else { 1 };
    }
    let from = args.from.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let yaml = crate::scaffold::dossier_yaml(&set, &id, &from);
    let path = args.data.join("dossiers").join(&id).join("dossier.yaml");
    match crate::output::create_new(&path, yaml.as_bytes()) {
        Ok(()) => {
            println!("  {:<12} {}", "new", path.display());
            eprintln!(
                "started dossier {id}: {} question(s), {} answer(s) from the file; next: fill in what its comments ask, then `beantwoord build --dossier {id}`",
                set.questions.iter().map(|q| q.numbers.len()).sum::<usize>(),
                set.answers.len()
            );
            0
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; it is not overwritten\n  hint: remove or rename it first, or give another `--id`",
                path.display()
            );
            1
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            1
        }
    }
}
