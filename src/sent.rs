//! What "sent" means for a build, in one place: a dossier is sent once and
//! only with its date ([`refuse_resend`]); a build of a sent dossier is
//! compared with its lock, answers and annexes first ([`compare`], which
//! for a follow-up build renders the follow-up answer instead of failing),
//! then its files ([`files_unchanged`]); and what `send` records
//! ([`lock`]). The lock's own data and text are [`crate::model::sent`].

use crate::answers::{self, Drafts};
use crate::diag::{Diagnostic, Diagnostics, Stage};
use crate::model::sent::{Sent, changes};
use crate::model::templates::DocTemplates;
use crate::model::{Answer, Dossier, Precision, Project, placeholder};
use crate::settings::Settings;
use std::path::PathBuf;

/// What in `d` is not finished: each answer that still holds a placeholder
/// (what `beantwoord new` writes), an answerer or asker still to be named.
/// Errors: a check shows them as warnings, `send` refuses them.
pub fn unfinished(d: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let id = &d.id.value;
    let mut open: Vec<u32> = Vec::new();
    for q in &d.questions {
        if let Answer::Template(t) = &q.answer
            && placeholder::in_text(&t.value)
        {
            open.push(q.number.value);
            out.push(
                Diagnostic::error(
                    format!("the answer to question {} of {id} is not written yet", q.number.value),
                    t.span,
                )
                .label("a placeholder")
                .hint("write the answer here (see README, \"What an answer template can use\"), then send"),
            );
        }
    }
    let people = [("answerer", &d.answerer), ("submitter", &d.submitter)];
    for (field, p) in people {
        if placeholder::in_text(&p.name) || placeholder::in_text(&p.short) || p.name.trim().is_empty() {
            out.push(
                Diagnostic::error(format!("the {field} of {id} is not named yet"), d.id.span)
                    .label("this dossier")
                    .hint(format!("give `{field}: {{ name: …, short: … }}` the person's name, then send")),
            );
        }
    }
    out
}

/// A dossier is sent once, finished, with the date it goes out.
pub fn refuse_resend(project: &Project, id: &str, diags: &mut Diagnostics) {
    let Some(d) = project.dossiers.iter().find(|d| d.id.value == id) else { return };
    for problem in unfinished(d) {
        diags.push(problem);
    }
    if let Some(sent) = &d.sent {
        diags.push(
            Diagnostic::error(format!("{id} was sent on {}", sent.on.dutch(Precision::Day)), sent.at)
                .label("recorded here")
                .hint("sent answers are not sent again: a correction goes out as a follow-up answer (`beantwoord build --nader`)"),
        );
    }
    if d.answered.is_none() {
        diags.push(
            Diagnostic::error(format!("{id} has no `answered` date"), d.id.span)
                .label("this dossier")
                .hint("set `answered:` to the date the answers go to the Kamer, then send"),
        );
    }
}

/// The lock of the dossier just built, from its public files (path below
/// its folder, SHA-256): where it goes and its text.
pub fn lock(
    project: &Project,
    drafts: &[Drafts],
    data: &std::path::Path,
    id: &str,
    files: &[(String, String)],
) -> Option<(PathBuf, String)> {
    let dossier = project.dossiers.iter().find(|d| d.id.value == id)?;
    let drafts = drafts.iter().find(|d| d.dossier == id)?;
    let sent = Sent {
        dossier: id.to_string(),
        on: dossier.answered?,
        files: files.to_vec(),
        answers: drafts.fingerprint.answers.clone(),
        annexes: drafts.fingerprint.annexes.clone(),
        at: dossier.id.span,
    };
    Some((data.join(&dossier.lock_file), sent.to_text()))
}

/// A sent dossier (one with a lock) is compared with what was sent. In a
/// follow-up build its sent files are kept as they are and, when its
/// answers or annexes changed, the follow-up answer is rendered; otherwise
/// a change is an error that names the answers and annexes it touches.
pub fn compare(
    project: &Project,
    all: &mut [Drafts],
    (templates, engines): (&DocTemplates, &answers::Engines),
    options: answers::Options,
    settings: &Settings,
    diags: &mut Diagnostics,
) {
    for drafts in all {
        let Some(dossier) = project.dossiers.iter().find(|d| d.id.value == drafts.dossier) else {
            continue;
        };
        let Some(sent) = &dossier.sent else { continue };
        let changes = changes(sent, &drafts.fingerprint);
        if settings.follow_up() {
            drafts.keep_sent = true;
            if changes.any() {
                let follow = answers::FollowUp {
                    answers: changes.answers.clone(),
                    annexes: changes
                        .annexes_changed
                        .iter()
                        .chain(&changes.annexes_added)
                        .map(|(_, report)| report.clone())
                        .collect(),
                };
                drafts.follow_up =
                    answers::render_follow_up(project, dossier, templates, engines, options, &follow, diags)
                        .unwrap_or_default();
            }
        } else if changes.any() {
            let mut d = Diagnostic::error(
                format!(
                    "the answers to {} were sent on {}; this build would change them",
                    dossier.id.value,
                    sent.on.dutch(Precision::Day)
                ),
                sent.at,
            )
            .label("what was sent, recorded here")
            .also(dossier.id.span, "this dossier");
            for line in changes.lines() {
                d = d.note(line);
            }
            diags.push(d.at_stage(Stage::Records).hint(
                "sent answers are not rewritten: `beantwoord build --nader` writes the changed answers as a follow-up answer (nader/antwoord) and keeps the sent files",
            ));
        }
    }
}

/// A sent dossier's files, made again, must be the bytes that were sent:
/// a file that would differ, or would no longer be made, is an error (its
/// answers and annexes are compared first, by [`compare`]; this finds what
/// a changed template or tool would rewrite). `made` gives each hashed
/// dossier's public files as [`lock`] takes them.
pub fn files_unchanged(
    project: &Project,
    made: &dyn Fn(&str) -> Vec<(String, String)>,
    hashed: &[&str],
    settings: &Settings,
    diags: &mut Diagnostics,
) {
    for id in hashed {
        let Some(dossier) = project.dossiers.iter().find(|d| d.id.value == *id) else { continue };
        let Some(sent) = &dossier.sent else { continue };
        let made = made(id);
        let mut differ = Vec::new();
        for (name, hash) in &sent.files {
            let built = settings.formats().iter().any(|f| name.ends_with(&format!(".{}", f.extension())));
            match made.iter().find(|(n, _)| n == name) {
                Some((_, h)) if h != hash => differ.push(format!("{name} would change")),
                None if built => differ.push(format!("{name} would no longer be made")),
                _ => {}
            }
        }
        let sent_format = |name: &str| {
            let ext = name.rsplit('.').next().unwrap_or_default();
            sent.files.iter().any(|(n, _)| n.rsplit('.').next() == Some(ext))
        };
        for (name, _) in &made {
            if !sent.files.iter().any(|(n, _)| n == name) && sent_format(name) {
                differ.push(format!("{name} would be added"));
            }
        }
        if differ.is_empty() {
            continue;
        }
        let mut d = Diagnostic::error(
            format!("the files sent for {id} on {} would change", sent.on.dutch(Precision::Day)),
            sent.at,
        )
        .label("what was sent, recorded here")
        .also(dossier.id.span, "this dossier");
        for line in differ {
            d = d.note(line);
        }
        diags.push(d.hint("the answers and annexes are as sent, so a template or this tool changed: build with the version that sent them, or `--nader` to keep the sent files"));
    }
}
