//! A dossier's documents for one audience: which documents it has, each
//! document template rendered with the answers, footnotes and annexes in
//! its view, parsed into a typed [`crate::document::Document`].

use super::*;

/// One document to render: its template, the document's name, and the
/// delay notice it is about (for `uitstel-<n>`).
pub(super) struct Planned<'a> {
    pub(super) template: &'static str,
    pub(super) name: String,
    pub(super) delay: Option<(usize, &'a crate::model::DelayNotice)>,
}

/// What one audience's render of a dossier gives.
pub(super) struct Rendered {
    pub(super) documents: Vec<Document>,
    pub(super) fingerprint: Fingerprint,
    pub(super) inventory: Option<Inventory>,
    /// Each published Woo document of the annexes, where it stands in the
    /// annex document among `documents` (public renders only).
    pub(super) woo: Vec<Excerpt>,
}

/// The documents of `dossier` for one audience (or its follow-up answer),
/// with the fingerprint of what they say.
pub(super) fn render_for(
    project: &Project,
    dossier: &Dossier,
    (templates, engines): (&DocTemplates, &Engines),
    audience: Audience,
    options: Options,
    follow: Option<&FollowUp>,
    diags: &mut Diagnostics,
) -> Option<Rendered> {
    let errors_before = diags.error_count();
    let engine = engines.of(audience);
    let scope = scope(project, dossier, engine, audience, diags);
    let tera = engine.tera();
    let sent = covering(dossier, follow);
    let mut view = answer_view(dossier, &scope, audience, sent);

    let mut answers: BTreeMap<u32, String> = BTreeMap::new();
    for q in &dossier.questions {
        if let Answer::Template(t) = &q.answer
            && let Some(out) = render_text(tera, t, &view, diags)
        {
            answers.insert(q.number.value, tidy(&out).trim_end().to_string());
        }
    }
    if diags.error_count() > errors_before {
        return None;
    }
    let (items, footnotes) = answer_items(dossier, &answers, &view, None, diags);
    // Hashing every annex costs time on a large register: only for a
    // dossier that is, or is being, sent.
    let hashed = audience == Audience::Public && (options.fingerprint_all || dossier.sent.is_some());
    let mut fingerprint = Fingerprint::default();
    if hashed {
        fingerprint.answers = answer_fingerprints(&items, &footnotes);
    }
    let (mut annexes, mut inventory, legend) = annex::annexes(
        &scope.reports,
        &scope.report_ctx,
        &project.register,
        audience,
        (dossier.last_sent(), dossier.numbers_given().1),
        &dossier.publication(),
        &project.published_before(dossier),
    );
    if hashed && dossier.annexes.reports {
        fingerprint.date_order = scope
            .reports
            .iter()
            .filter(|r| dossier.annexes.includes(r))
            .enumerate()
            .map(|(i, r)| (r.id.value.clone(), i as u32 + 1))
            .collect();
    }
    drop(scope);
    if hashed {
        use rayon::prelude::*;
        fingerprint.annexes = annexes.par_iter().map(annex_fingerprint).collect();
    }
    let mut spreadsheet = (audience == Audience::Public && follow.is_none() && dossier.annexes.inventory)
        .then(|| annex::inventory(&inventory, dossier));
    // The Woo documents a follow-up publishes: those it replaces (new IDs
    // naming the sent ones) and those added since; not the unchanged ones
    // of a changed annex, which stand in its text under the IDs they have.
    let mut published_now: Option<std::collections::HashSet<String>> = None;
    let (items, footnotes) = match follow {
        Some(f) => {
            annexes.retain(|a| f.annexes.contains(&a.id));
            inventory.retain(|d| annexes.iter().any(|a| a.number == d.annex));
            let mut new_ids = annex::replace_documents(&f.replaced, &mut inventory, &mut annexes);
            let sent_numbers: std::collections::HashSet<u32> = dossier
                .sent
                .iter()
                .flat_map(|s| s.annexes.iter().flat_map(|a| a.documents.iter().copied()))
                .collect();
            new_ids.extend(
                inventory.iter().filter(|d| !sent_numbers.contains(&(d.number as u32))).map(|d| d.id.clone()),
            );
            let new_ids: std::collections::HashSet<String> = new_ids.into_iter().collect();
            if audience == Audience::Public && dossier.annexes.inventory {
                let rows: Vec<annex::InventoryCtx> =
                    inventory.iter().filter(|d| new_ids.contains(&d.id)).cloned().collect();
                spreadsheet = (!rows.is_empty()).then(|| annex::follow_up_inventory(&rows, dossier));
            }
            published_now = Some(new_ids);
            answer_items(dossier, &answers, &view, Some(&f.answers), &mut Diagnostics::default())
        }
        None => (items, footnotes),
    };
    view.insert("items", &items);
    view.insert("footnotes", &footnotes);
    view.insert_list("annexes", &annexes.iter().map(annex::AnnexHead::of).collect::<Vec<_>>());
    view.insert_list("inventory", &inventory);
    view.insert("legend", &legend);
    let plan = planned(dossier, follow, &annexes);
    if !dossier.annexes.inventory {
        view.insert("inventory", &Vec::<annex::InventoryCtx>::new());
    }
    view.insert("internal", &(audience == Audience::Internal));
    // A follow-up's annexes and cover letter are its own: `nader` tells
    // them (false in the first answers' documents).
    view.insert("nader", &false);
    if follow.is_some() {
        let answered: Vec<Vec<u32>> =
            items.iter().map(|i| i.questions.iter().map(|q| q.number).collect()).collect();
        let annex_numbers: Vec<u64> = annexes.iter().map(|a| a.number as u64).collect();
        let reason = match dossier.nader.as_ref().and_then(|n| n.reason.as_ref()) {
            Some(t) => inline(&render_text(tera, t, &view, diags)?),
            None => String::new(),
        };
        view.insert("nader", &context::follow_up(dossier, &answered, &annex_numbers, &reason));
    }
    // Published with an earlier dossier: not again as a file of its own.
    let published_before: std::collections::HashSet<&str> =
        inventory.iter().filter(|d| !d.link.is_empty()).map(|d| d.id.as_str()).collect();
    let mut documents = Vec::new();
    let mut woo: Vec<Excerpt> = Vec::new();
    for planned in &plan {
        let template = templates.get(planned.template)?;
        if let Some((number, notice)) = planned.delay {
            let reason = notice.reason.as_ref().and_then(|t| render_text(tera, t, &view, diags))?;
            view.insert("uitstel", &context::delay(dossier, number, notice, tidy(&reason).trim_end()));
        }
        // The annex document is a frame that says where its annexes go:
        // rendered as the part before them and the part after.
        let frame = planned.template == "bijlagen.md";
        let source = view.source(&template.text.value);
        let parts = if frame {
            let parts = split_frame(&source).map_err(|how| diags.push(frame_error(template, how))).ok()?;
            if parts.after.is_none() && !annexes.is_empty() {
                diags.push(frame_error(template, FrameProblem::Missing));
                return None;
            }
            parts
        } else {
            Frame { before: source.into_owned(), after: None }
        };
        let out = render_source(tera, &parts.before, &template.text, &view, diags);
        let after = parts.after.as_deref().map(|a| render_source(tera, a, &template.text, &view, diags));
        view.remove("uitstel");
        let out = tidy(&out?);
        let after = match after {
            Some(a) => Some(tidy(&a?)),
            None => None,
        };
        let marker_error = |e: Vec<MarkerError>, diags: &mut Diagnostics| {
            if !options.records_have_errors {
                diags.push(redaction_error(template, &e, dossier));
            }
        };
        let parsed = parse::parse(&out, audience).map_err(|e| marker_error(e, diags)).ok()?;
        let document_name = format!("{}/{}", dossier.id.value, planned.name);
        if let Some(d) = footnote_twice(template, &document_name, &parsed.notes) {
            diags.push(d);
            return None;
        }
        let mut meta = front_matter::read(parsed.front_matter.as_deref(), audience)
            .map_err(|errors| errors.iter().for_each(|e| diags.push(meta_error(template, e, dossier))))
            .ok()?;
        // A letter carries the ministry's logo from the templates folder.
        if let Some(letter) = meta.letter.as_mut() {
            letter.logo = templates.logo.clone();
        }
        let mut notes = parsed.notes;
        let mut sections = vec![Section { new_page: false, blocks: parsed.blocks }];
        if frame {
            // The notes the frame defines, before the annexes or after them,
            // may be cited in the annexes.
            let mut frame_notes: Vec<String> = notes.iter().map(|n| n.label.clone()).collect();
            let after = match after {
                Some(after) => {
                    let after = parse_part(&after, audience, &frame_notes)
                        .map_err(|e| marker_error(e, diags))
                        .ok()?;
                    if let Some(d) =
                        footnote_twice(template, &document_name, notes.iter().chain(&after.notes))
                    {
                        diags.push(d);
                        return None;
                    }
                    Some(after)
                }
                None => None,
            };
            frame_notes.extend(after.iter().flat_map(|a| a.notes.iter().map(|n| n.label.clone())));
            let one = templates.get("bijlage.md")?;
            let rendered = render_annexes(
                one,
                engine,
                &annexes,
                (dossier, sent),
                (audience, options),
                &frame_notes,
                diags,
            )?;
            let mut per_document = Vec::new();
            let mut whole = true;
            for (section, own, docs) in rendered {
                let at = sections.len();
                sections.push(section);
                notes.extend(own);
                match docs {
                    Some(d) => per_document.extend(d.into_iter().map(|(id, blocks)| (id, at, blocks))),
                    None => whole = false,
                }
            }
            if audience == Audience::Public && dossier.annexes.inventory {
                if whole {
                    woo = per_document
                        .into_iter()
                        .filter(|(id, ..)| published_now.as_ref().is_none_or(|now| now.contains(id)))
                        // Not again what an earlier dossier published.
                        .filter(|(id, ..)| !published_before.contains(id.as_str()))
                        .map(|(id, section, blocks)| {
                            let place = (documents.len(), section, blocks);
                            Excerpt::new(id, place, &sections[section].blocks, &notes)
                        })
                        .collect();
                } else {
                    diags.push(
                        Diagnostic::warning(crate::tr!("no-document-headings"), one.text.span)
                            .label(crate::tr!("in-this-template"))
                            .hint(crate::tr!("no-document-headings-hint")),
                    );
                }
            }
            if let Some(after) = after {
                if !after.blocks.is_empty() {
                    sections.push(Section { new_page: false, blocks: after.blocks });
                }
                notes.extend(after.notes);
            }
        }
        meta.title = audience.title(&meta.title);
        let mut document = Document { name: planned.name.clone(), meta, sections, notes };
        // A footnote cited only inside a withheld passage goes with it.
        if audience == Audience::Public {
            document.drop_uncited_notes();
        }
        document.number_notes();
        documents.push(document);
    }
    Some(Rendered { documents, fingerprint, inventory: spreadsheet, woo })
}

/// The lock that covers what a render makes: the first answers'
/// (`dossier.lock`), or for a follow-up its own (`nader.lock`); `None`
/// while they are not sent. A sent document is made again as it was sent
/// ([`context::dossier`]).
pub(super) fn covering<'d>(dossier: &'d Dossier, follow: Option<&FollowUp>) -> Option<&'d Sent> {
    match follow {
        None => dossier.sent.as_ref(),
        Some(_) => dossier.follow_up_sent.as_ref(),
    }
}

/// What an answer template sees: `dossier` (as the documents `sent` covers
/// see it), `accounts`, `account` (by id), `reports` (in scope) and
/// `vragen`, as `audience` may see them.
pub(super) fn answer_view(
    dossier: &Dossier,
    scope: &Scope<'_>,
    audience: Audience,
    sent: Option<&Sent>,
) -> View {
    let mut view = View::new(audience);
    view.insert("dossier", &context::dossier(dossier, sent));
    view.insert("accounts", &scope.accounts);
    let by_id: BTreeMap<&str, &AccountCtx> = scope.accounts.iter().map(|a| (a.id.as_str(), a)).collect();
    view.insert("account", &by_id);
    view.insert_list("reports", &scope.report_ctx);
    view.insert("vragen", &vragen(dossier));
    view
}

/// Question ids to their numbers.
pub(super) fn vragen(dossier: &Dossier) -> BTreeMap<&str, u32> {
    dossier
        .questions
        .iter()
        .filter_map(|q| q.id.as_ref().map(|id| (id.value.as_str(), q.number.value)))
        .collect()
}

/// The documents a dossier has: the answers, the annexes (when it has
/// them), the cover letter and a notice per delay with a reason; or, for a
/// follow-up, the follow-up answer and the annexes that changed.
pub(super) fn planned<'d>(
    dossier: &'d Dossier,
    follow: Option<&FollowUp>,
    annexes: &[annex::AnnexCtx],
) -> Vec<Planned<'d>> {
    let doc = |template: &'static str, name: &str| Planned { template, name: name.to_string(), delay: None };
    let with_annexes = dossier.annexes.reports || dossier.annexes.inventory;
    if follow.is_some() {
        let mut plan = vec![doc("nader.md", "antwoord")];
        if with_annexes && !annexes.is_empty() {
            plan.push(doc("bijlagen.md", "bijlagen"));
        }
        plan.push(doc("aanbieding.md", "aanbieding"));
        return plan;
    }
    let mut plan = vec![doc("antwoord.md", "antwoord")];
    if with_annexes {
        plan.push(doc("bijlagen.md", "bijlagen"));
    }
    // The cover letter that offers the answers to the Kamer.
    plan.push(doc("aanbieding.md", "aanbieding"));
    for (i, notice) in dossier.delay_notices.iter().enumerate().filter(|(_, n)| n.reason.is_some()) {
        plan.push(Planned {
            template: "uitstel.md",
            name: format!("uitstel-{}", i + 1),
            delay: Some((i + 1, notice)),
        });
    }
    plan
}
