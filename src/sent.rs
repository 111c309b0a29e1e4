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

/// What in `d` is not finished: each answer that is empty or still holds a
/// placeholder (what `beantwoord new` writes), an answerer or asker still
/// to be named.
/// Errors: a check shows them as warnings, `send` refuses them.
pub fn unfinished(d: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let id = &d.id.value;
    let mut open: Vec<u32> = Vec::new();
    for q in &d.questions {
        if let Answer::Template(t) = &q.answer
            && (placeholder::in_text(&t.value) || t.value.trim().is_empty())
        {
            open.push(q.number.value);
            out.push(
                Diagnostic::error(
                    crate::tr!("unfinished-answer", question = q.number.value, dossier = id.as_str()),
                    t.span,
                )
                .label(crate::tr!("unfinished-answer-label"))
                .hint(crate::tr!("unfinished-answer-hint")),
            );
        }
    }
    let people = [("answerer", &d.answerer), ("submitter", &d.submitter)];
    for (field, p) in people {
        if placeholder::in_text(&p.name) || placeholder::in_text(&p.short) || p.name.trim().is_empty() {
            out.push(
                Diagnostic::error(
                    crate::tr!("unfinished-person", field = field, dossier = id.as_str()),
                    d.id.span,
                )
                .label(crate::tr!("sent-this-dossier"))
                .hint(crate::tr!("unfinished-person-hint", field = field)),
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
            Diagnostic::error(
                crate::tr!("resend", dossier = id, on = sent.on.dutch(Precision::Day)),
                sent.at,
            )
            .label(crate::tr!("sent-recorded-here"))
            .hint(crate::tr!("resend-hint")),
        );
    }
    if d.answered.is_none() {
        diags.push(
            Diagnostic::error(crate::tr!("send-no-date", dossier = id), d.id.span)
                .label(crate::tr!("sent-this-dossier"))
                .hint(crate::tr!("send-no-date-hint")),
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
        // What the documents were just rendered with (nothing was sent yet):
        // a build renders them with these from now on.
        documents: Some(dossier.documents.clone()),
        files: files.to_vec(),
        answers: drafts.fingerprint.answers.clone(),
        annexes: drafts.fingerprint.annexes.clone(),
        at: dossier.id.span,
    };
    Some((data.join(&dossier.lock_file), sent.to_text()))
}

/// A sent dossier (one with a lock) is compared with what was sent. Its
/// sent files are never rewritten: when its answers or annexes changed, they
/// are kept as they are (public and internal) and the follow-up answer is
/// rendered into `nader/`, with a warning that names it until it is sent
/// (`send --nader`). Once the follow-up is sent too (`nader.lock`), a build
/// that would change it keeps both as they are and says so: this version
/// makes one follow-up per dossier.
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
        let id = &dossier.id.value;
        if let Some(follow_sent) = &dossier.follow_up_sent {
            let later = changes(follow_sent, &drafts.fingerprint);
            if later.any() {
                drafts.keep_sent = true;
                drafts.keep_follow_up = true;
                let mut d = Diagnostic::warning(
                    crate::tr!(
                        "follow-up-would-change",
                        dossier = id.as_str(),
                        on = follow_sent.on.dutch(Precision::Day)
                    ),
                    follow_sent.at,
                )
                .label(crate::tr!("follow-up-recorded-here"))
                .also(dossier.id.span, crate::tr!("sent-this-dossier"));
                for line in later.lines() {
                    d = d.note(line);
                }
                diags.push(d.at_stage(Stage::Records).hint(crate::tr!("follow-up-would-change-hint")));
                continue;
            }
        }
        let changes = changes(sent, &drafts.fingerprint);
        if !changes.any() {
            continue;
        }
        drafts.keep_sent = true;
        let follow = answers::FollowUp {
            answers: changes.answers.clone(),
            annexes: changes
                .annexes_changed
                .iter()
                .chain(&changes.annexes_added)
                .map(|(_, report)| report.clone())
                .collect(),
            replaced: changes
                .annexes_changed
                .iter()
                .filter_map(|(_, report)| {
                    let was = sent.annexes.iter().find(|a| &a.report == report)?;
                    let now = drafts.fingerprint.annexes.iter().find(|a| &a.report == report)?;
                    Some(was.replaced_in(now).into_iter().map(|(i, id)| (report.clone(), i, id)))
                })
                .flatten()
                .collect(),
        };
        let render = |audience, diags: &mut Diagnostics| {
            answers::render_follow_up(
                project,
                dossier,
                (templates, engines),
                audience,
                options,
                &follow,
                diags,
            )
            .unwrap_or_default()
        };
        let public = render(crate::document::Audience::Public, diags);
        drafts.follow_up = public.documents;
        drafts.follow_up_woo = public.woo;
        drafts.follow_up_inventory = public.inventory;
        if settings.internal() && settings.includes(id) {
            drafts.follow_up_internal = render(crate::document::Audience::Internal, diags).documents;
        }
        if dossier.follow_up_sent.is_some() || settings.sending_follow_up() == Some(id.as_str()) {
            continue;
        }
        let mut d = Diagnostic::warning(
            crate::tr!("sent-changed", dossier = id.as_str(), on = sent.on.dutch(Precision::Day)),
            sent.at,
        )
        .label(crate::tr!("sent-what-was-sent"))
        .also(dossier.id.span, crate::tr!("sent-this-dossier"));
        for line in changes.lines() {
            d = d.note(line);
        }
        diags.push(d.at_stage(Stage::Records).hint(crate::tr!("sent-changed-hint", dossier = id.as_str())));
    }
}

/// A follow-up answer is sent once, after the first answers, with its date
/// and nothing unfinished in it; and only when there is one.
pub fn refuse_follow_up(project: &Project, drafts: &[Drafts], id: &str, diags: &mut Diagnostics) {
    let Some(d) = project.dossiers.iter().find(|d| d.id.value == id) else { return };
    let Some(sent) = &d.sent else {
        diags.push(
            Diagnostic::error(crate::tr!("follow-up-not-sent", dossier = id), d.id.span)
                .label(crate::tr!("sent-this-dossier"))
                .hint(crate::tr!("follow-up-not-sent-hint", dossier = id)),
        );
        return;
    };
    if let Some(f) = &d.follow_up_sent {
        diags.push(
            Diagnostic::error(
                crate::tr!("follow-up-resend", dossier = id, on = f.on.dutch(Precision::Day)),
                f.at,
            )
            .label(crate::tr!("sent-recorded-here"))
            .hint(crate::tr!("follow-up-resend-hint")),
        );
        return;
    }
    // Nothing to send is the one thing to say: no date or unfinished
    // answer matters then.
    if drafts.iter().find(|x| x.dossier == id).is_some_and(|x| x.follow_up.is_empty()) {
        diags.push(
            Diagnostic::error(
                crate::tr!("follow-up-nothing", dossier = id, on = sent.on.dutch(Precision::Day)),
                sent.at,
            )
            .label(crate::tr!("sent-what-was-sent"))
            .hint(crate::tr!("follow-up-nothing-hint")),
        );
        return;
    }
    for problem in unfinished(d) {
        diags.push(problem);
    }
    if d.nader.as_ref().and_then(|n| n.answered).is_none() {
        let at = d.nader.as_ref().map_or(d.id.span, |n| n.at);
        diags.push(
            Diagnostic::error(crate::tr!("follow-up-no-date", dossier = id), at)
                .label(crate::tr!("sent-here"))
                .hint(crate::tr!("follow-up-no-date-hint")),
        );
    }
}

/// The lock of a follow-up answer just built (`nader.lock`): its files
/// (below `nader/`), and the answers and annexes as they now are. (A
/// number the first answers gave stays taken: see
/// [`crate::model::Dossier::numbers_given`].)
pub fn lock_follow_up(
    project: &Project,
    drafts: &[Drafts],
    data: &std::path::Path,
    id: &str,
    files: &[(String, String)],
) -> Option<(PathBuf, String)> {
    let dossier = project.dossiers.iter().find(|d| d.id.value == id)?;
    let drafts = drafts.iter().find(|d| d.dossier == id)?;
    dossier.sent.as_ref()?;
    let annexes = drafts.fingerprint.annexes.clone();
    let sent = Sent {
        dossier: id.to_string(),
        on: dossier.nader.as_ref()?.answered?,
        documents: Some(dossier.documents.clone()),
        files: files
            .iter()
            .filter(|(n, _)| n.starts_with(&format!("{}/", crate::pipeline::FOLLOW_UP)))
            .cloned()
            .collect(),
        answers: drafts.fingerprint.answers.clone(),
        annexes,
        at: dossier.id.span,
    };
    Some((data.join(dossier.follow_up_lock_file()), sent.to_text()))
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
    follow_up: bool,
    settings: &Settings,
    diags: &mut Diagnostics,
) {
    for id in hashed {
        let Some(dossier) = project.dossiers.iter().find(|d| d.id.value == *id) else { continue };
        let sent = if follow_up { &dossier.follow_up_sent } else { &dossier.sent };
        let Some(sent) = sent else { continue };
        // The first answers' files, or the follow-up's (below `nader/`).
        let below =
            |name: &String| name.starts_with(&format!("{}/", crate::pipeline::FOLLOW_UP)) == follow_up;
        let made: Vec<(String, String)> = made(id).into_iter().filter(|(n, _)| below(n)).collect();
        let mut differ = Vec::new();
        for (name, hash) in &sent.files {
            let built = settings.formats().iter().any(|f| name.ends_with(&format!(".{}", f.extension())));
            match made.iter().find(|(n, _)| n == name) {
                Some((_, h)) if h != hash => {
                    differ.push(crate::tr!("sent-file-changes", file = name.as_str()))
                }
                None if built => differ.push(crate::tr!("sent-file-gone", file = name.as_str())),
                _ => {}
            }
        }
        let sent_format = |name: &str| {
            let ext = name.rsplit('.').next().unwrap_or_default();
            sent.files.iter().any(|(n, _)| n.rsplit('.').next() == Some(ext))
        };
        // The platforms' files per document came after some dossiers were
        // sent: their absence from an older lock is not a change.
        // Nor is the upload package, made only when asked.
        let per_document = |name: &str| {
            name.starts_with(&format!("{}/", crate::pipeline::WOO_DOCUMENTS))
                || name.starts_with(&format!("{}/", crate::pipeline::UPLOAD))
        };
        for (name, _) in &made {
            if !sent.files.iter().any(|(n, _)| n == name) && sent_format(name) && !per_document(name) {
                differ.push(crate::tr!("sent-file-added", file = name.as_str()));
            }
        }
        if differ.is_empty() {
            continue;
        }
        let mut d = Diagnostic::error(
            crate::tr!("sent-files-change", dossier = *id, on = sent.on.dutch(Precision::Day)),
            sent.at,
        )
        .label(crate::tr!("sent-what-was-sent"))
        .also(dossier.id.span, crate::tr!("sent-this-dossier"));
        for line in differ {
            d = d.note(line);
        }
        diags.push(d.hint(crate::tr!("sent-files-change-hint")));
    }
}
