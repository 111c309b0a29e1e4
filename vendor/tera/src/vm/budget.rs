//! A bound on the text one render may build (a patch of beantwoord's, not
//! upstream Tera): every string the template makes — joined with `~`,
//! captured by `{% set %}…{% endset %}` or a block, or returned by a filter
//! or function — is paid for from one budget per render and thread, so a
//! string that doubles in a loop stops with an error at its place instead
//! of exhausting memory. Without [`set_text_budget`] the budget is
//! unlimited, as upstream.

use std::cell::Cell;
use std::io::{self, Write};

use crate::errors::Error;

thread_local! {
    /// Bytes the render on this thread may still build, and the budget set.
    static LEFT: Cell<(usize, usize)> = const { Cell::new((usize::MAX, usize::MAX)) };
}

/// Sets the budget for the next render on this thread, in bytes.
pub fn set_text_budget(bytes: usize) {
    LEFT.set((bytes, bytes));
}

/// The error once the budget is spent.
pub(crate) fn exceeded() -> Error {
    let (_, budget) = LEFT.get();
    Error::message(format!(
        "this template builds more than {} MiB of text in one render (a value that grows with itself in a loop?)",
        budget >> 20
    ))
}

/// Pays `bytes` from the budget, or the error when it does not hold them.
pub(crate) fn spend(bytes: usize) -> Result<(), Error> {
    let (left, budget) = LEFT.get();
    if bytes > left {
        LEFT.set((0, budget));
        return Err(exceeded());
    }
    LEFT.set((left - bytes, budget));
    Ok(())
}

/// A buffer that pays for every byte written to it.
#[derive(Debug, Default)]
pub(crate) struct Budgeted(pub(crate) Vec<u8>);

impl Budgeted {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Budgeted(Vec::with_capacity(n))
    }
}

impl Write for Budgeted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        spend(buf.len()).map_err(|_| io::Error::other("text budget spent"))?;
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `values` formatted one after another as `{{ value }}` shows each,
/// paid for as they are written (a list of lists can be far larger printed
/// than held, so the writing stops when the budget does).
pub(crate) fn format(values: &[&crate::value::Value]) -> Result<String, Error> {
    let mut out = Budgeted::default();
    for value in values {
        if value.format(&mut out).is_err() {
            return Err(exceeded());
        }
    }
    String::from_utf8(out.0).map_err(|_| Error::message("the text is not UTF-8"))
}

/// Whether the budget is spent (a write failed for it).
pub(crate) fn spent() -> bool {
    LEFT.get().0 == 0
}
