//! A command line clap cannot take, told in the user's language: clap's
//! error kind and context (the argument, the value, the suggestion) put
//! into the catalog's words, with the usage line; `--help` and
//! `--version` printed as clap made them, their usage line in the same
//! language.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Prints `e` (to standard error, or standard output for help and the
/// version); the exit status.
pub fn print(e: &clap::Error) -> u8 {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print!("{}", usage_words(&e.render().to_string()));
            0
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", usage_words(&e.render().to_string()));
            2
        }
        _ => {
            eprint!("{}", said(e));
            2
        }
    }
}

/// The whole message for a refused command line: what is wrong, a hint
/// when clap has one, the usage, where to read more.
fn said(e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>(),
        Some(ContextValue::String(s)) => vec![format!("`{s}`")],
        _ => Vec::new(),
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut hints = Vec::new();
    let message = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            hints.extend(
                list(ContextKind::SuggestedSubcommand)
                    .into_iter()
                    .map(|s| crate::tr!("cli-suggest", name = s)),
            );
            crate::tr!("cli-unknown-command", name = text(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::UnknownArgument => {
            hints.extend(
                list(ContextKind::SuggestedArg).into_iter().map(|s| crate::tr!("cli-suggest", name = s)),
            );
            if let Some(ContextValue::String(s)) = e.get(ContextKind::SuggestedSubcommand) {
                hints.push(crate::tr!("cli-suggest", name = format!("`{s}`")));
            }
            crate::tr!("cli-unknown-option", name = arg)
        }
        ErrorKind::InvalidValue if value.is_empty() => crate::tr!("cli-no-value", option = arg),
        ErrorKind::InvalidValue => {
            let valid = list(ContextKind::ValidValue);
            if !valid.is_empty() {
                hints.push(crate::tr!("cli-possible-values", values = crate::i18n::listed(&valid)));
            }
            hints.extend(
                list(ContextKind::SuggestedValue).into_iter().map(|s| crate::tr!("cli-suggest", name = s)),
            );
            crate::tr!("cli-invalid-value", value = value, option = arg)
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e).map_or_else(String::new, reason);
            crate::tr!("cli-invalid-value-because", value = value, option = arg, reason = reason)
        }
        ErrorKind::MissingRequiredArgument => {
            crate::tr!("cli-missing", args = crate::i18n::listed(&list(ContextKind::InvalidArg)))
        }
        ErrorKind::MissingSubcommand => crate::tr!("cli-missing-command"),
        ErrorKind::ArgumentConflict => {
            crate::tr!("cli-conflict", option = arg, other = text(ContextKind::PriorArg).unwrap_or_default())
        }
        _ => crate::tr!("cli-not-understood", detail = clap_words(e)),
    };
    let mut out = format!("{}\n", crate::tr!("error-line", message = message));
    for hint in hints {
        out.push_str(&format!("\n  {}\n", crate::tr!("diag-hint", hint = hint)));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        out.push_str(&format!("\n{}\n", usage_words(&usage.to_string())));
    }
    out.push_str(&format!("\n{}\n", crate::tr!("cli-more")));
    out
}

/// What clap says of an error it gives no context for: its first line,
/// without its own `error: `.
fn clap_words(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

/// A usage line (or a help text holding one) in the current language:
/// clap writes `Usage:`, `[OPTIONS]` and `<COMMAND>` itself.
fn usage_words(text: &str) -> String {
    text.replace("Usage:", &crate::tr!("help-usage"))
        .replace("[OPTIONS]", &format!("[{}]", crate::tr!("cli-options-word")))
        .replace("<COMMAND>", &format!("<{}>", crate::tr!("cli-command-word")))
}

/// Why a value parser refused a value, in the current language for the
/// parsers the options use (a number, an address, a number in a range).
fn reason(e: &(dyn std::error::Error + 'static)) -> String {
    if e.downcast_ref::<std::num::ParseIntError>().is_some() {
        return crate::tr!("cli-not-a-number");
    }
    if e.downcast_ref::<std::net::AddrParseError>().is_some() {
        return crate::tr!("cli-not-an-address");
    }
    let text = e.to_string();
    // clap's ranged parser: "99999 is not in 0..=65535".
    if let Some((_, range)) = text.split_once(" is not in ")
        && let Some((low, high)) = range.split_once("..=")
    {
        return crate::tr!("cli-out-of-range", low = low, high = high);
    }
    text
}
