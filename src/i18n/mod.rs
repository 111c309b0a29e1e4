//! Messages in the users' language: every diagnostic, hint, note, help
//! text and summary line of the tool comes from one Fluent catalog per
//! language (`nl.ftl`, `en.ftl`), each message whole with its arguments,
//! never assembled from fragments of another language.
//!
//! The command line speaks Dutch unless asked otherwise (`--lang en`, or
//! `BEANTWOORD_LANG=en`); the library, called from elsewhere, speaks the
//! language last [`set`], English when none was (so its messages are
//! stable for callers and tests that do not choose). Field names in the
//! data stay English in both: they are the contract.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language the tool speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// `nl` or `en` (also `nl-NL`, `en-GB`, `NL`…), as `--lang` and
    /// `BEANTWOORD_LANG` take it.
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s.trim().split(['-', '_', '.']).next().unwrap_or_default().to_ascii_lowercase();
        match base.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::Nl => 1,
            Lang::En => 2,
        }
    }
}

/// The environment variable that chooses the language.
pub const ENV: &str = "BEANTWOORD_LANG";

/// The catalogs, as written (the test compares their keys and arguments).
pub const CATALOGS: [(Lang, &str); 2] =
    [(Lang::Nl, include_str!("nl.ftl")), (Lang::En, include_str!("en.ftl"))];

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Speak `lang` from now on, in this process.
pub fn set(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

/// The language messages are given in now.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Nl,
        _ => Lang::En,
    }
}

/// The command line's language: `--lang X` (or `--lang=X`) among `args`,
/// else `BEANTWOORD_LANG`, else Dutch. A value that names no language is
/// returned as `Err` for the caller to refuse.
pub fn chosen(args: &[std::ffi::OsString]) -> Result<Lang, String> {
    let mut given: Option<String> = None;
    let mut it = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            given = it.next();
        } else if let Some(v) = a.strip_prefix("--lang=") {
            given = Some(v.to_string());
        }
    }
    let given = given.or_else(|| std::env::var(ENV).ok().filter(|v| !v.trim().is_empty()));
    match given {
        None => Ok(Lang::Nl),
        Some(v) => Lang::parse(&v).ok_or(v),
    }
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::Nl => unic_langid::langid!("nl-NL"),
        Lang::En => unic_langid::langid!("en-GB"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the messages go to a
    // terminal and into files, where they would be stray characters.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Each catalog parsed when first asked for: a run in one language does
/// not parse the other's (each is most of a `--version`'s work).
static BUNDLES: [LazyLock<FluentBundle<FluentResource>>; 2] = [
    LazyLock::new(|| bundle(CATALOGS[0].0, CATALOGS[0].1)),
    LazyLock::new(|| bundle(CATALOGS[1].0, CATALOGS[1].1)),
];

/// The catalog of `lang`, as [`CATALOGS`] orders them.
fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    &BUNDLES[match lang {
        Lang::Nl => 0,
        Lang::En => 1,
    }]
}

/// One argument of a message.
pub type Arg = FluentValue<'static>;

/// The message `key` in `lang` with `args`; the key itself when the
/// catalog lacks it (the catalog test makes sure none does).
pub fn message_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle_of(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        fargs.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
}

/// The message `key` in the current language, if the catalog has it.
pub fn lookup(key: &str) -> Option<String> {
    bundle_of(current()).has_message(key).then(|| message(key, &[]))
}

/// A word the data reader passes around (`account`, `a date`) in the
/// current language: the catalog's `<prefix>-<word with dashes>`, or the
/// word itself when there is none (a field name, which stays English).
pub fn word(prefix: &str, word: &str) -> String {
    let key = format!("{prefix}-{}", word.replace([' ', '_', '(', ')', '.'], "-"));
    lookup(&key).unwrap_or_else(|| word.to_string())
}

/// The message `key` in the current language.
pub fn message(key: &str, args: &[(&str, Arg)]) -> String {
    message_in(current(), key, args)
}

/// `tr!("key", name = value, …)`: the message in the current language.
/// A value is anything Fluent takes (text, numbers).
#[macro_export]
macro_rules! tr {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::message($key, &[$((stringify!($name), $crate::i18n::arg($value))),*])
    };
}

/// What the operating system said, in the current language for the
/// reasons users meet (a folder that is a file, no permission, …); any
/// other as the system gives it.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    // An error made with its own words (`io::Error::new(kind, tr!(…))`)
    // says them: its kind is only the family.
    if e.get_ref().is_some() {
        return e.to_string();
    }
    match e.kind() {
        K::NotFound => crate::tr!("io-not-found"),
        K::PermissionDenied => crate::tr!("io-permission"),
        K::NotADirectory => crate::tr!("io-not-a-directory"),
        K::IsADirectory => crate::tr!("io-is-a-directory"),
        K::AlreadyExists => crate::tr!("io-exists"),
        K::StorageFull => crate::tr!("io-full"),
        K::ReadOnlyFilesystem => crate::tr!("io-read-only"),
        K::InvalidData => crate::tr!("io-not-utf8"),
        _ => e.to_string(),
    }
}

/// `a`, `a and b`, `a, b and c` in the current language.
pub fn listed(words: &[String]) -> String {
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => crate::tr!("list-and", rest = rest.join(", "), last = last.as_str()),
    }
}

/// `x` with `places` decimals as the current language writes it (a
/// decimal comma in Dutch), for a message argument.
pub fn decimal(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match current() {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A message argument from text or a number.
pub fn arg(v: impl IntoArg) -> Arg {
    v.into_arg()
}

/// What can be an argument of a message: text (copied) and numbers (which
/// choose a plural form).
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        FluentValue::from(self.to_string())
    }
}

impl IntoArg for String {
    fn into_arg(self) -> Arg {
        FluentValue::from(self)
    }
}

impl IntoArg for &String {
    fn into_arg(self) -> Arg {
        FluentValue::from(self.clone())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {
        $(impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                FluentValue::from(self)
            }
        })*
    };
}
number_args!(usize, u32, u64, i32, i64, f64);

#[cfg(test)]
mod tests;
