//! Bounds on what one template render may do, so that no template (a
//! user's, or a mistake) can exhaust memory or run for ever:
//!
//! - its output: at most [`MAX_OUTPUT`] bytes per render (a document
//!   template, one annex, one record text or answer);
//! - the text it builds: at most [`MAX_TEXT`] bytes per render, all the
//!   strings joined with `~`, captured or returned by filters together
//!   (the vendored Tera's budget, `vendor/README.md`), so a string that
//!   doubles in a loop is an error at its place, not an abort;
//! - its counting loops: `range(…)` may hand out at most [`MAX_RANGE`]
//!   numbers in one render, all calls together (so nested loops over
//!   `range` are bounded too; loops over the records are bounded by them).
//!
//! Tera bounds recursion (components) itself.

use std::cell::Cell;
use std::io::{self, Write};
use tera::{Context, Error, Kwargs, State, Tera, TeraResult};

/// The most bytes one render may write.
pub const MAX_OUTPUT: usize = 32 << 20;
/// The most bytes of text one render may build.
pub const MAX_TEXT: usize = 256 << 20;
/// The most numbers `range` may hand out in one render.
pub const MAX_RANGE: usize = 100_000;

thread_local! {
    /// Numbers `range` may still hand out in the render on this thread.
    static RANGE_LEFT: Cell<usize> = const { Cell::new(MAX_RANGE) };
}

/// A buffer that refuses to grow past [`MAX_OUTPUT`].
struct Capped(Vec<u8>, bool);

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.0.len() + buf.len() > MAX_OUTPUT {
            self.1 = true;
            return Err(io::Error::other("too much output"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn finish(out: Capped, rendered: TeraResult<()>) -> TeraResult<String> {
    if out.1 {
        return Err(Error::message(crate::tr!("limit-output", mib = MAX_OUTPUT >> 20)));
    }
    rendered?;
    String::from_utf8(out.0).map_err(|e| Error::message(crate::tr!("limit-not-utf8", error = e.to_string())))
}

/// [`Tera::render_str`] within the bounds.
pub fn render_str(tera: &Tera, source: &str, ctx: &Context) -> TeraResult<String> {
    RANGE_LEFT.set(MAX_RANGE);
    tera::set_text_budget(MAX_TEXT);
    let mut out = Capped(Vec::new(), false);
    let rendered = tera.render_str_to(source, ctx, false, &mut out);
    finish(out, rendered)
}

/// [`Tera::render_str_to`] within the bounds, into `out` (which bounds
/// what it takes itself).
pub fn render_str_to(tera: &Tera, source: &str, ctx: &Context, out: impl Write) -> TeraResult<()> {
    RANGE_LEFT.set(MAX_RANGE);
    tera::set_text_budget(MAX_TEXT);
    tera.render_str_to(source, ctx, false, out)
}

/// [`Tera::render`] within the bounds.
pub fn render(tera: &Tera, name: &str, ctx: &Context) -> TeraResult<String> {
    RANGE_LEFT.set(MAX_RANGE);
    tera::set_text_budget(MAX_TEXT);
    let mut out = Capped(Vec::new(), false);
    let rendered = tera.render_to(name, ctx, &mut out);
    finish(out, rendered)
}

/// `range(end=…, start=…, step_by=…)` as Tera has it, within the render's
/// budget of numbers.
pub fn range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(Error::message(crate::tr!("limit-range-step")));
    }
    let span = if step > 0 { end.saturating_sub(start) } else { start.saturating_sub(end) };
    let len = if span <= 0 { 0 } else { (span.saturating_add(step.abs() - 1) / step.abs()) as u128 };
    let left = RANGE_LEFT.get();
    if len > left as u128 {
        return Err(Error::message(crate::tr!("limit-range", most = MAX_RANGE)));
    }
    RANGE_LEFT.set(left - len as usize);
    Ok((0..len as i128).map(|i| start + i * step).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera() -> Tera {
        let mut t = Tera::default();
        t.register_function("range", range);
        t
    }

    #[test]
    fn output_and_counting_loops_are_bounded_with_an_error() {
        let t = tera();
        let ctx = Context::new();
        assert_eq!(render_str(&t, "{% for i in range(end=3) %}{{ i }}{% endfor %}", &ctx).unwrap(), "012");
        assert_eq!(
            render_str(&t, "{% for i in range(start=5, end=0, step_by=-2) %}{{ i }}{% endfor %}", &ctx)
                .unwrap(),
            "531"
        );
        let nested = "{% for i in range(end=1000) %}{% for j in range(end=1000) %}{% endfor %}{% endfor %}";
        let e = render_str(&t, nested, &ctx).unwrap_err();
        assert!(format!("{e:?}").contains("more than 100000 numbers"), "{e:?}");
        let big = "{% for i in range(end=50000) %}{{ \"x\" ~ i }}{% for j in range(end=1) %}{% endfor %}{% endfor %}";
        assert!(render_str(&t, big, &ctx).is_ok(), "a budget per render, not per call");
        let mut ctx = Context::new();
        ctx.insert("s", &"x".repeat(1 << 20));
        let flood = "{% for i in range(end=40) %}{{ s }}{% endfor %}";
        let e = render_str(&t, flood, &ctx).unwrap_err();
        assert!(format!("{e:?}").contains("passes the limit of 32 MiB"), "{e:?}");
    }

    /// Upstream Tera would ask for terabytes here and abort the process;
    /// each is an error at its expression instead, and the test binary
    /// lives to see it.
    #[test]
    fn text_that_grows_with_itself_in_a_loop_is_an_error_not_an_abort() {
        let t = tera();
        let ctx = Context::new();
        let seed = r#"{% set_global s = "xxxxxxxxxx" %}{% set_global l = ["xxxxxxxxxx"] %}"#;
        for (how, body) in [
            ("joined", "{% set_global s = s ~ s %}"),
            ("captured", "{% set_global s %}{{ s }}{{ s }}{% endset %}"),
            ("replaced", r#"{% set_global s = s | replace(from="x", to=s) %}"#),
            ("printed list", "{% set_global l = [l, l] %}{% set_global s = l | str %}"),
            ("list joined", r#"{% set_global l = [l, l] %}{% set_global s = l ~ "" %}"#),
            ("list in a join", r#"{% set_global l = [l, l] %}{% set_global s = [l] | join(sep=",") %}"#),
            ("indented", r#"{% set_global s = s ~ "\n" ~ s %}{% set_global s = s | indent(width=1000) %}"#),
            ("split", r#"{% set_global s = s ~ s %}{% set_global p = s | split(pat="") %}"#),
        ] {
            let source =
                format!("{seed}{{% for i in range(end=64) %}}{body}{{% endfor %}}{{{{ s | length }}}}");
            let e = render_str(&t, &source, &ctx).expect_err(how);
            assert!(format!("{e:?}").contains("builds more than 256 MiB of text"), "{how}: {e:?}");
        }
        // A render within the budget, after one that spent it: the budget
        // is the render's, not the thread's for ever.
        let fine = r#"{% set_global s = "x" %}{% for i in range(end=20) %}{% set_global s = s ~ s %}{% endfor %}{{ s | length }}"#;
        assert_eq!(render_str(&t, fine, &ctx).unwrap(), (1 << 20).to_string());
    }
}
