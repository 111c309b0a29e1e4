//! The register as one dossier sees it: the reports in scope, in date
//! order, numbered as annexes, their texts rendered.

use super::*;

/// The register as one dossier sees it: reports in scope with annex numbers,
/// their texts rendered.
pub struct Scope<'p> {
    pub reports: Vec<&'p Report>,
    pub report_ctx: Vec<ReportCtx>,
    pub accounts: Vec<AccountCtx>,
}

/// The reports in scope, in date order, numbered as annexes, their summaries
/// and outcome texts rendered with `report` in the context.
pub fn scope<'p>(
    project: &'p Project,
    dossier: &Dossier,
    engine: &Engine,
    audience: Audience,
    diags: &mut Diagnostics,
) -> Scope<'p> {
    use rayon::prelude::*;
    let reg = &project.register;
    let reports = reg.reports_until(dossier.records_until);
    let tera = engine.tera();
    let positions = context::positions(&reports);
    let numbers = annex_numbers(&reports, dossier);
    // Reports are independent: rendered in parallel, collected in order.
    let rendered: Vec<(ReportCtx, Diagnostics)> = reports
        .par_iter()
        .zip(positions)
        .enumerate()
        .map(|(i, (r, volgnummer))| {
            let mut diags = Diagnostics::default();
            let annex = numbers[i];
            let mut rc = context::report(r, reg, volgnummer, annex);
            let mut view = View::new(audience);
            view.insert("report", &rc);
            rc.summary =
                render_text(tera, &r.summary, &view, &mut diags).map(|s| inline(&s)).unwrap_or_default();
            for o in &r.outcome {
                let (Some(text), Some(oc)) = (&o.text, rc.outcome.get(&o.account.value)) else { continue };
                view.insert("outcome", oc);
                let out = render_text(tera, text, &view, &mut diags).map(|s| inline(&s)).unwrap_or_default();
                if let Some(oc) = rc.outcome.get_mut(&o.account.value) {
                    oc.text = out;
                }
            }
            (rc, diags)
        })
        .collect();
    let mut report_ctx = Vec::with_capacity(rendered.len());
    for (rc, d) in rendered {
        diags.extend(d);
        report_ctx.push(rc);
    }
    let accounts = reg.accounts.iter().map(|a| context::account(a, &reports)).collect();
    Scope { reports, report_ctx, accounts }
}

/// Each report's annex number: the one recorded when the dossier was sent
/// (a Woo number, once given, holds), else the next free one, in date order.
pub(super) fn annex_numbers(reports: &[&Report], dossier: &Dossier) -> Vec<Option<usize>> {
    let kept = dossier.last_sent().map(|s| s.annex_numbers()).unwrap_or_default();
    let mut next = dossier.numbers_given().0 as usize;
    reports
        .iter()
        .map(|r| {
            if !dossier.annexes.includes(r) {
                return None;
            }
            match kept.get(r.id.value.as_str()) {
                Some(&n) => Some(n as usize),
                None => {
                    next += 1;
                    Some(next)
                }
            }
        })
        .collect()
}

/// Renders `text` as a one-off template (not added to `tera`, so rendering
/// thousands of record texts stays linear), as the view's audience may see
/// it; a problem becomes a diagnostic at its place in the source.
pub(super) fn render_text(tera: &Tera, text: &Text, view: &View, diags: &mut Diagnostics) -> Option<String> {
    render_source(tera, &view.source(&text.value), text, view, diags)
}

/// Renders `source`, a template as `view` sees it (or a part of one), and
/// tells a problem at its place in `text`, the template as written.
pub(super) fn render_source(
    tera: &Tera,
    source: &str,
    text: &Text,
    view: &View,
    diags: &mut Diagnostics,
) -> Option<String> {
    match limits::render_str(tera, source, view.context()) {
        Ok(s) => Some(s),
        Err(e) => {
            template_errors(&e, text, &view.names()).into_iter().for_each(|d| diags.push(d));
            None
        }
    }
}
