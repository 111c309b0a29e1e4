# beantwoord: the messages in English (`--lang en`, BEANTWOORD_LANG=en).
# Every key is also in nl.ftl, with the same arguments (tested).

## Severity and parts of a message

severity-error = error
severity-warning = warning
diag-in-file = in { $file }
diag-hint = hint: { $hint }
error-line = error: { $message }

## Summaries

check-failed = check failed: { $errors } error(s), { $warnings } warning(s); nothing was written
check-passed = check passed: { $accounts } account(s), { $reports } report(s), { $dossiers } dossier(s); { $warnings } warning(s)
build-failed = build failed: { $errors } error(s), { $warnings } warning(s); nothing was written
send-failed = send failed: { $errors } error(s), { $warnings } warning(s); nothing was written
summary-errors = { $errors } error(s), { $warnings } warning(s)
built = built { $dossiers } dossier(s), { $documents } document(s){ $pages ->
        [none] {""}
       *[other] , { $pages } page(s)
    } in { $seconds } s: { $new } new, { $changed } changed, { $unchanged } unchanged, { $removed } removed
dry-run = dry run: { $dossiers } dossier(s), { $documents } document(s){ $pages ->
        [none] {""}
       *[other] , { $pages } page(s)
    } in { $seconds } s: { $new } new, { $changed } changed, { $unchanged } unchanged, { $removed } removed; nothing was written
kept-sent = kept the sent files of { $dossier } as they were sent
not-rendered = note: the answers of { $dossiers } were not rendered: fix the errors above, and their templates are checked
unknown-dossiers = no dossier with id { $ids }
    hint: the dossiers are: { $known }
waiting-for-build = waiting for another build into { $folder } to finish…
unknown-lang = unknown language `{ $lang }` (--lang or BEANTWOORD_LANG): choose nl or en

## The list of what happened to each file (standard output)

change-new = new
change-changed = changed
change-unchanged = unchanged
change-removed = removed
change-would-add = would add
change-would-change = would change
change-would-remove = would remove
change-sent = sent
