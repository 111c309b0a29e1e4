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
        fail(
            crate::tr!("new-too-large", file = name.as_str(), mib = crate::load::MAX_FILE_BYTES >> 20),
            None,
        );
        return 1;
    }
    let text = match std::fs::read(&args.from) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                fail(crate::tr!("new-not-utf8", file = name.as_str()), Some(crate::tr!("new-as-downloaded")));
                return 1;
            }
        },
        Err(e) => {
            fail(crate::tr!("new-unreadable", file = name.as_str(), error = crate::i18n::io_error(&e)), None);
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
            eprintln!("{}", crate::tr!("new-failed", errors = diags.error_count()));
            return 1;
        }
    };
    let Some(id) = args.id.clone().or_else(|| set.case.clone()) else {
        fail(
            crate::tr!("new-no-case", file = name.as_str()),
            Some(crate::tr!("new-no-case-hint", file = name.as_str())),
        );
        return 1;
    };
    if !crate::model::is_safe_id(&id) {
        fail(crate::tr!("new-unsafe-id", id = id.as_str()), Some(crate::tr!("new-unsafe-id-hint")));
        return if args.id.is_some() { 2 } else { 1 };
    }
    let from = args.from.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let yaml = crate::scaffold::dossier_yaml(&set, &id, &from);
    let path = args.data.join("dossiers").join(&id).join("dossier.yaml");
    match crate::output::create_new(&path, yaml.as_bytes()) {
        Ok(()) => {
            println!("  {:<12} {}", crate::tr!("change-new"), path.display());
            eprintln!(
                "{}",
                crate::tr!(
                    "new-started",
                    dossier = id.as_str(),
                    questions = set.questions.iter().map(|q| q.numbers.len()).sum::<usize>(),
                    answers = set.answers.len()
                )
            );
            0
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            fail(
                crate::tr!("new-exists", path = path.display().to_string()),
                Some(crate::tr!("new-exists-hint")),
            );
            1
        }
        Err(e) => {
            fail(
                crate::tr!(
                    "output-cannot-write",
                    path = path.display().to_string(),
                    error = crate::i18n::io_error(&e)
                ),
                None,
            );
            1
        }
    }
}

/// Says on standard error what stopped `new`, with a hint when there is one.
fn fail(message: String, hint: Option<String>) {
    eprintln!("{}", crate::tr!("error-line", message = message));
    if let Some(hint) = hint {
        eprintln!("  {}", crate::tr!("diag-hint", hint = hint));
    }
}
