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

## Templates: unknown names

template-unknown-variable = unknown name `{ $name }` in this template
template-unknown-variable-nearest = unknown name `{ $name }` in this template; did you mean `{ $nearest }`?
template-variables = this template has the names { $names } (README.md, "What an answer template can use")
template-unknown-field = { $of ->
        [report] a report
        [account] an account
        [dossier] the dossier
        [person] a person
       *[other] an outcome
    } has no field `{ $name }`
template-unknown-field-nearest = { $of ->
        [report] a report
        [account] an account
        [dossier] the dossier
        [person] a person
       *[other] an outcome
    } has no field `{ $name }`; did you mean `{ $nearest }`?
template-fields = the fields of { $of ->
        [report] a report
        [account] an account
        [dossier] the dossier
        [person] a person
       *[other] an outcome
    }: { $names }
template-unknown-filter = unknown filter `{ $name }`
template-unknown-filter-nearest = unknown filter `{ $name }`; did you mean `{ $nearest }`?
template-filters = the filters: { $ours }; Tera's: { $tera }
template-label = here

## Dates

date-invalid = invalid date: { $why }
date-expected = expected a date
date-forms = write 2021-03-09, 2021-03, 2021, begin 2021, medio 2021 or eind 2021
date-meant = did you mean { $date }? A date is written year-month-day, with leading zeros
date-qualifier = `{ $word }` is not a date qualifier
date-digits = `{ $text }` is not a { $digits }-digit { $what }
date-year-range = year { $year } is out of range
date-no-month = month { $month } does not exist
date-no-day = { $date } does not exist
date-shape = `{ $text }` is not a date

## YAML

yaml-invalid = invalid YAML: { $why }
yaml-hint = check the indentation and quoting around this place
yaml-budget-hint = records never need this many aliases or this deep nesting; write the values out
yaml-quote-hint = a value that holds `: ` must be quoted, or YAML reads a new field in it; write: { $line }
yaml-mapping-values = mapping values are not allowed in this context
yaml-expected-key = did not find expected key
yaml-bad-character = found character that cannot start any token
file-empty = file is empty
file-empty-label = nothing here
file-empty-hint = remove the file, or fill it in

## Templates: blocks and Tera's own messages

block-never-closed = `{"{"}% { $kind } %{"}"}` is never closed: missing `{"{"}% end{ $kind } %{"}"}`
block-closes-none = `{"{"}% { $tag } %{"}"}` closes no `{"{"}% { $kind } %{"}"}`
block-outside-if = `{"{"}% { $tag } %{"}"}` outside an `{"{"}% if %{"}"}`
template-problem = template: { $message }
template-problem-label = template problem
template-can-use = this template has the variables { $variables }; filters: { $ours } (README.md, "What an answer template can use"); Tera's: { $tera }
template-unknown-test = unknown test `{ $name }`
template-tests = the tests: defined, undefined, none, string, number, integer, float, bool, array, map, iterable, odd, even, divisible_by, starting_with, ending_with, containing
template-unknown-function = unknown function `{ $name }`
template-functions = the functions: range(end=…, start=…, step_by=…) and throw(message=…)
