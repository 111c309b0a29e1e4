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
template-filters = the filters: { $ours }; built in: { $tera }
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
yaml-mapping-values = a `: ` stands where a value was expected (quote a value that holds `: `)
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
template-can-use = this template has the variables { $variables }; filters: { $ours } (README.md, "What an answer template can use"); built in: { $tera }
template-unknown-test = unknown test `{ $name }`
template-tests = the tests: defined, undefined, none, string, number, integer, float, bool, array, map, iterable, odd, even, divisible_by, starting_with, ending_with, containing
template-unknown-function = unknown function `{ $name }`
template-functions = the functions: range(end=…, start=…, step_by=…) and throw(message=…)

## --help (per command and option; help-build-out is build's --out)

help = Answers Kamervragen from the ministry's own records
help-lang = The language of the messages: nl (the default) or en; also BEANTWOORD_LANG
help-check = Validate the records, the dossiers and their templates; write nothing
help-check-data = The data folder (records/ and dossiers/) [default: data]
help-check-templates = Document templates that override the built-in ones [default: templates/ beside the data folder]
help-build = Render the answers and annexes of every dossier (or those named)
help-build-data = The data folder (records/ and dossiers/) [default: data]
help-build-templates = Document templates that override the built-in ones [default: templates/ beside the data folder]
help-build-out = The public output folder: only public documents go here [default: output]
help-build-internal_out = Where --internal writes the review documents [default: beside the output folder, its name + "-intern"]
help-build-dossiers = Build only this dossier (repeatable) [default: every dossier]
help-build-formats = Output format (repeatable): md, pdf, html or docx (Word, only when asked for) [default: md, pdf and html]
help-build-internal = Also write the internal review documents, with the withheld passages shown, in their own folder (never publish it)
help-build-dry_run = Say which files a build would write, change or remove, and write nothing
help-build-quiet = Print only problems and the one-line summary; no progress bar
help-build-machine = List the files for scripts: one `WORD<TAB>PATH` line each, the words `new`, `changed`, `unchanged`, `removed`, `sent` (`would-add`, `would-change`, `would-remove` with --dry-run) in every language
help-build-package = Also make each dossier's upload package for the Woo platforms, in `<dossier>/upload/`: the production report (productierapport.xlsx) and documenten.zip, one PDF per published document named by its ID
help-build-nader = Accepted for older scripts: a sent dossier whose answers changed always gets its follow-up answer (`<id>/nader/`), its sent files kept
help-send = Build one dossier and record what is sent (dossier.lock): sent answers are never rewritten
help-send-id = The dossier whose answers are sent (its id, e.g. 2022Z21205)
help-send-data = The data folder (records/ and dossiers/) [default: data]
help-send-templates = Document templates that override the built-in ones [default: templates/ beside the data folder]
help-send-out = The public output folder [default: output]
help-send-formats = Output format (repeatable): md, pdf, html or docx (Word, only when asked for) [default: md, pdf and html]; each file made is recorded
help-send-quiet = Print only problems and the one-line summary
help-send-machine = List the files for scripts: one `WORD<TAB>PATH` line each, the words `new`, `changed`, `unchanged`, `removed`, `sent` (`would-add`, `would-change`, `would-remove` with --dry-run) in every language
help-send-nader = Send the dossier's follow-up answer (`nader/`), after its first answers
help-new = Start a dossier from the Kamer's XML of a question set (kv-tk-… or ah-tk-…)
help-new-from = The Kamer's XML file of the questions (kv-tk-…) or of the answers (ah-tk-…)
help-new-data = The data folder the dossier goes in [default: data]
help-new-id = The dossier id [default: the case number the file gives, e.g. 2022Z21205]
help-status = One line per dossier: due date, days left or late, delay notices, answered, sent
help-status-data = The data folder (records/ and dossiers/) [default: data]
help-status-templates = Document templates that override the built-in ones [default: templates/ beside the data folder]
help-status-today = The day to count from, YYYY-MM-DD [default: today]
help-status-format = A table to read, or CSV (RFC 4180, a header row) for a spreadsheet: table or csv [default: table]
help-serve = The workbench: every document live in the browser, with the records behind each answer
help-serve-data = The data folder (records/ and dossiers/) [default: data]
help-serve-templates = Document templates that override the built-in ones [default: templates/ beside the data folder]
help-serve-port = The port to serve on (0: any free port) [default: 8321]
help-serve-address = The address to serve on, as browsers will name it (requests for any other host are refused); anything but 127.0.0.1 lets other machines read the documents [default: 127.0.0.1]
help-serve-internal = Also the internal render (withheld passages shown), behind a switch and a banner
help-flag-help = Print help
help-flag-version = Print version
help-usage = Usage:
help-options = Options
help-commands = Commands
help-arguments = Arguments

## Reading the data: values, fields, the kinds of things

wrong-kind = expected { $expected }, found { $found }
wrong-kind-label = expected { $expected }
kind-mapping-of = a mapping ({ $what })
kind-list-of = a list of { $what }
found-nothing = nothing
found-value = a single value
found-list = a list
found-mapping = a mapping
one-line = expected one line of text
one-line-label = this text has several lines
one-line-hint = write it on one line, or use `>-` to fold it into one
text-empty = expected text, found an empty value
text-empty-label = empty
id-invalid = `{ $value }` is not a valid { $what }
id-invalid-label = only a-z, 0-9 and - are allowed
id-invalid-hint = try `{ $slug }`
number-invalid = expected a whole number, found `{ $value }`
number-invalid-label = expected a whole number
bool-invalid = expected true or false, found `{ $value }`
bool-invalid-label = expected true or false
choice-invalid = `{ $value }` is not one of { $names }
choice-invalid-label = unknown value
did-you-mean = did you mean `{ $name }`?
field-missing = missing field `{ $name }` in { $what }
field-missing-label = this { $first } has no `{ $name }`
field-missing-hint = add `{ $name }:` with a value
field-list = the fields are: { $names }
field-unknown = unknown field `{ $name }` in { $what }
field-unknown-label = not a known field
thing-account = account
thing-report = report
thing-question = question
thing-dossier = dossier
thing-letter = letter
thing-person = person
thing-outcome = outcome
thing-factcheck = factcheck
thing-footnote = footnote
thing-footnotes = footnotes
thing-annexes = annexes
thing-delay-notice = delay notice
thing-follow-up-answer = follow-up answer
thing-woo = woo
thing-records-selection = records selection
thing-already-published-report = already published report
thing-sent-annex = sent annex
thing-dossier-lock = dossier lock
thing-ministry-file = ministry file
thing-persons-file = persons file
thing-records-file = records file
thing-account-id = account id
thing-report-id = report id
thing-reports = reports
thing-accounts = accounts
thing-questions = questions
thing-letters = letters
thing-account-ids = account ids
thing-persons = persons
thing-addresses-and-numbers = addresses and numbers
thing-e-mail-addresses = e-mail addresses
thing-Woo-grounds = Woo grounds
kind-a-date = a date
kind-text = text
kind-a-whole-number = a whole number
kind-true-or-false = true or false
kind-a-word = a word

## The register's checks (model/validate.rs)

id-twice-account = account id `{ $id }` is used twice
id-twice-report = report id `{ $id }` is used twice
id-twice-label = second definition
id-twice-first = first defined here
id-twice-hint = ids are unique across all files under records/
account-listed-twice = account `{ $id }` is listed twice
account-listed-twice-label = already listed
outcome-not-account = outcome for `{ $id }`, which is not among this report's accounts
outcome-not-account-label = not in `accounts`
outcome-not-account-hint = the report went through: { $accounts }
outcome-missing = report `{ $report }` has no outcome for `{ $account }`
outcome-missing-label = no outcome for this account
outcome-missing-hint = add under `outcome:` `{ $account }: {"{"} status: pending {"}"}` (or unknown, labelled, …)
first-used-contradicts = `first_used` of `{ $account }` is { $first }, but its earliest report is of { $earliest }
first-used-contradicts-label = contradicts the reports
first-used-earliest = earliest report through `{ $account }`
first-used-contradicts-hint = set `first_used: { $earliest }` or correct the report's date; or leave `first_used` out to derive it
first-used-unused = `first_used` of `{ $account }` is { $first }, but no report went through it
first-used-unused-label = no report through this account
first-used-unused-hint = leave `first_used` out until a report goes through the account
letter-before-report = a letter of { $date } is dated before its report of { $reported }
before-report-label = before the report
report-date-label = the report's date
letter-before-report-hint = correct one of the two; `date: report` gives a letter its report's date
outcome-before-report = the outcome for `{ $account }` of { $date } is dated before its report of { $reported }
outcome-before-report-hint = correct one of the two; `date: report` gives an outcome its report's date
outcome-reply-date = the outcome for `{ $account }` is dated { $date }, its platform's reply { $reply }
outcome-date-label = the outcome's date
reply-date-label = the reply's date
outcome-reply-date-hint = if the reply brought the outcome, give both the same date
judgement-withheld = a document with withheld passages cannot be `{ $judgement }`
judgement-partly = `deels openbaar` needs at least one `[[ground: …]]` in the text
judgement-not-public = `niet openbaar` needs its ground(s): add `grounds: [5.1.2e]`
judgement-label = contradicts the text
judgement-hint = leave `judgement` out to derive it from the redactions
no-account-read = no account could be read; see the errors above
known-accounts = known accounts: { $ids }
account-unknown = unknown account `{ $id }`
account-unknown-label = no account has this id
dossier-id-twice = dossier id `{ $id }` is used twice
dossier-id-twice-label = second dossier with this id
dossier-id-twice-first = first dossier
dossier-id-twice-hint = the id names the output folder, so it must be unique
answered-before-submitted = answered ({ $answered }) before the questions were submitted ({ $submitted })
in-this-dossier = in this dossier
answered-before-submitted-hint = check `submitted` and `answered`
question-number = question numbers run 1..n in order: expected { $expected }, found { $found }
question-number-label = expected { $expected }
question-number-hint = number the questions 1, 2, 3, … without gaps, in the order they were asked
question-id-twice = question id `{ $id }` is used twice
question-id-twice-label = second use
question-id-twice-first = first use
answer-with-missing = `answer_with: { $number }` points to a question that does not exist
answer-with-itself = a question cannot be answered with itself
answer-with-chain = question { $number } is itself answered with another; point to the question that has the answer
answer-with-hint = questions are numbered 1 to { $count }
footnote-undefined = footnote `[^{ $id }]` is not defined
footnote-undefined-label = undefined footnote
footnote-undefined-nearest = did you mean `[^{ $name }]`? Or define it under `footnotes:`
footnote-undefined-hint = define it under `footnotes:` as `{ $id }: {"{"} text: … {"}"}`
footnote-unused = footnote `{ $id }` is defined but never used
footnote-unused-label = unused
footnote-unused-hint = refer to it as `[^{ $id }]`, or remove it
annex-after-until = report `{ $id }` is after the dossier's `records.until`
report-id-unknown = no report has the id `{ $id }`
annexed-by-id = annexed by id
document-id-long = the document ID `{ $id }` is longer than 170 characters
document-id-long-label = its ID is made from this
document-id-long-hint = give the letter a shorter `id:`, or the dossier a shorter `woo: {"{"} prefix, matter {"}"}`
document-id-twice = two documents have the ID `{ $id }`
second-label = second
first-label = first
document-id-twice-hint = a document ID is given once; change one `id:`
duplicate-unknown = `{ $id }` names no document of dossier { $dossier }
duplicate-unknown-label = duplicate of an unknown document
duplicate-unknown-also = this dossier's documents
duplicate-unknown-hint = use the ID the inventory gives the other document
published-twice = report `{ $report }` is listed as already published twice
published-twice-hint = list each report once under `annexes.already_published`
published-not-annexed = report `{ $report }` is not annexed in dossier { $dossier }
published-label = listed as already published
published-not-annexed-hint = only an annexed report's documents are listed; annex it (`annexes.reports`) or take this entry out
published-dossier-unknown = no other dossier has the id `{ $id }`
published-with-label = published with this dossier, it says
published-dossier-unknown-hint = name the earlier dossier, in this data folder, whose answers published the report's documents
published-elsewhere-not-annexed = dossier { $dossier } did not annex report `{ $report }`
this-report = this report
published-elsewhere-not-annexed-hint = name the dossier whose annexes hold the report
published-where-unknown = where dossier { $dossier } published its documents is not known
published-here-label = already published here, it says
published-no-base-url = this dossier has no `woo.base_url`
published-where-unknown-hint = add `link: https://…/` (the earlier publication's address), or `woo.base_url` to that dossier
ground-law = `{ $ground }` is a ground of the { $its }; this document is judged under the { $law }
ground-law-label = a { $its } ground
ground-law-hint = use a ground of the { $law } ({ $codes }), or set the letter's `law: { $its_key }` if it was judged under the { $its }
ground-law-at = the law it is judged under
ground-law-default = a Woo dossier (no `woo: {"{"} law {"}"}`)

## Reading the folders and files (load/mod.rs)

data-missing = data folder `{ $folder }` not found
data-missing-hint = run from the project folder, or pass `--data DIR`
records-link = { $name } is a link to a folder; it is not followed
records-link-hint = put the records themselves under records/ (a linked folder could lead back to itself)
records-none = no records found in `{ $folder }`
records-none-hint = put the register's accounts and reports in records/*.yaml
dossier-folder-empty = dossiers/{ $folder }/ has no dossier.yaml; it is skipped
dossier-folder-empty-hint = name the file dossier.yaml, or remove the folder
lock-other-dossier = this lock is of dossier `{ $lock }`, not `{ $dossier }`
lock-beside = the dossier beside it
lock-other-dossier-hint = a lock is written by `beantwoord send` for its own dossier; restore it from version control
lock-follow-up-unsent = a follow-up answer's lock beside a dossier that was never sent
lock-follow-up-unsent-hint = restore dossier.lock from version control, or remove nader.lock
file-too-large = { $name }: file is { $size } MiB; the limit is { $limit } MiB
file-too-large-hint = split the register over several files under records/
file-unreadable = { $name }: cannot be read: { $why }
file-not-utf8 = file is not UTF-8
file-not-utf8-label = invalid byte here
file-not-utf8-hint = save the file as UTF-8
kind-pipe = a named pipe
kind-socket = a socket
kind-device = a device
kind-folder = a folder
kind-not-file = something other than a file
not-a-file = { $name }: is { $kind }, not a regular file; it was not read
not-a-file-hint = records and dossiers are plain YAML files; replace it (or the link to it) with the file itself

## The progress bar

progress-documents = documents

## Records and locks (load/records.rs, load/lock.rs)

records-file-empty = this records file is empty
records-file-empty-label = expected `accounts:` or `reports:`
records-file-empty-hint = a records file holds a list under `accounts:` and/or `reports:`
report-no-account = a report goes through at least one account
report-no-account-label = empty list
report-no-account-hint = name the account ids, e.g. `[facebook]`
form-disagrees = `form` and `reconstructed` disagree
form-disagrees-label = what this letter is
form-disagrees-also = said otherwise here
form-disagrees-hint = keep one: `form: reconstruction` says what `reconstructed: true` said
duplicate-without = `dubbel` names no other document
duplicate-without-label = a duplicate of which document?
duplicate-without-hint = add `duplicate_of: <ID>` with the ID of the document this one duplicates (e.g. `BZK-2022Z21205-…-1`)
ground-unknown = `{ $code }` is not a ground of the Woo or the Wob
ground-unknown-label = unknown ground
ground-unknown-hint = use one of { $woo } (Woo), { $wob } (Wob), or `dubbel` with `duplicate_of`
outcome-mapping = expected a mapping from account id to outcome
outcome-mapping-label = expected `account: {"{"} status: … {"}"}`
lock-answer-number = `{ $key }` is not an answer number
lock-answer-number-label = under `answers`
lock-restore-hint = the lock is written by `beantwoord send`; restore it from version control
lock-number-twice = the lock gives one Woo number to two annexes or documents
lock-number-twice-label = in this file

## Dossiers (load/dossier.rs)

dossier-file-empty = this dossier file is empty
dossier-file-empty-label = expected the dossier's fields
dossier-file-empty-hint = a dossier needs at least `id`, `title`, `submitted`, `submitter`, `addressee`, `answerer` and `questions`
dossier-id-unsafe = dossier id `{ $id }` is not a safe folder name
dossier-id-unsafe-label = used as the output folder's name
dossier-id-unsafe-hint = use the Kamer's number, e.g. `2022Z21205` (letters, digits, `.`, `_`, `-`)
delays-twice = a dossier lists its delay notices once
delays-twice-label = `delays` is given too
delays-twice-hint = move these entries under `delays` (each `{"{"} sent: DATE, reason: … {"}"}`)
day-needed = `{ $field }` needs the day, not only { $given }
day-needed-label = a day is needed here
day-needed-hint = write the day as YYYY-MM-DD, e.g. 2023-03-15: the Kamer's deadlines count from it
delay-one-date = a delay notice has one date
delay-one-date-label = `sent` is given too
delay-one-date-hint = keep `sent: DATE`
delay-missing = delay notice has no `{ $name }`
delay-missing-label = needs `{ $name }`
delay-missing-hint = a delay notice is `{"{"} sent: 2022-11-25, reason: "…" {"}"}`: when it went out, and why the answers are late
delay-undated = delay notice has neither a date nor an Aanhangsel id
delay-undated-label = needs `sent` or `aanhangsel`
delay-undated-hint = e.g. `{"{"} sent: 2022-11-25, aanhangsel: ah-tk-20222023-1016 {"}"}`
aanhangsel-invalid = `{ $id }` is not an Aanhangsel document id
aanhangsel-invalid-label = expected `ah-tk-<year><next year>-<number>`
aanhangsel-delay-hint = the Kamer's id of the published delay notice, e.g. `ah-tk-20222023-2207`
aanhangsel-answer-hint = the Kamer's id of the published answers, as officielebekendmakingen.nl gives it, e.g. `ah-tk-20222023-914`
question-id-invalid = `{ $id }` is not a valid question id
question-id-invalid-label = only a-z, 0-9 and _ are allowed
question-id-invalid-hint = answers refer to it as `vragen.<id>`, so it must be a plain name
question-unanswered = question has no answer
question-unanswered-label = needs `answer` or `answer_with`
question-unanswered-hint = write `answer: |` with the answer, or `answer_with: N` to answer it with question N
question-answer-both = a question has either `answer` or `answer_with`, not both
question-answer-both-label = remove one of the two
select-field-unknown = reports have no field `{ $name }` to select by
select-field-unknown-label = not a report field
select-field-nearest = did you mean `{ $name }`? The fields are: { $fields }
select-needs-test = `{ $name }` needs a comparison
select-needs-test-label = expected `{"{"} since: …{"}"}`, `{"{"} contains: … {"}"}`, …
select-tests = the comparisons are: { $tests }
select-test-unknown = `{ $name }` is not a comparison
select-test-unknown-label = unknown comparison
annexes-reports-kind = `annexes.reports` is not a selection of reports here
annexes-reports-kind-label = not a selection
annexes-reports-kind-hint = it takes { $allowed }
annexes-reports-allowed = `all`, `none`, a list of report ids (`[2021-03-09-video, …]`), or conditions on the reports' fields, e.g. `{"{"} date: {"{"} since: 2021-01-01 {"}"}, accounts: {"{"} contains: facebook {"}"} {"}"}`

## Persons and personal data (load/persons.rs)

person-address-both = an address both withheld and allowed
person-address-allowed = allowed here
person-address-withheld = withheld here
person-address-both-hint = an address of a person is withheld; allow only the ministry's general ones
person-empty = a person to withhold needs a name or an e-mail address
person-empty-label = neither `name` nor `emails`
person-empty-hint = add `name: …` (as it is written in the records) and/or `emails: [ … ]`
person-name-marker = a listed name is withheld as a whole; it holds no marker
person-name-marker-label = a marker in a listed name
person-name-marker-hint = write the name as it stands in the records, without `[[…]]`
person-name-short = a name of fewer than { $letters } letters would be found in ordinary words
person-name-short-label = too short to withhold everywhere
person-name-short-hint = list the full name, or mark this occurrence by hand as `[[5.1.2e: …]]`
person-email-invalid = not an e-mail address
person-email-invalid-label = expected one address, as `name@domain.nl`
person-email-invalid-hint = list the person's name under `name:`, and only addresses under `emails:`
person-ground-hint = a person's name is withheld under 5.1.2e (privacy); the grounds are { $grounds }
allow-invalid = not one e-mail address, phone number, IBAN or BSN
allow-invalid-label = nothing the guard would find
allow-invalid-hint = allow one e-mail address, phone number, IBAN or BSN an entry, written as the documents write it

## The Kamer's XML (load/kamer.rs, `new --from`)

kamer-too-deep = elements nest deeper than { $levels } levels
kamer-too-deep-label = too deep here
kamer-too-deep-hint = give the Kamer's XML file as downloaded: a question set nests a few levels
kamer-entities = the file declares its own XML entities
kamer-entities-label = an entity declaration
kamer-entities-hint = give the Kamer's XML file as downloaded: it declares no entities, and expanding them could take without bound
kamer-not-xml = not well-formed XML: { $reason }
kamer-here = here
kamer-not-xml-hint = give the Kamer's XML file as downloaded (kv-tk-….xml or ah-tk-….xml)
kamer-no-kamervragen = `<{ $root }>` holds no `<kamervragen>`: this is not the Kamer's XML of a question set
kamer-root-label = the root element
kamer-no-kamervragen-hint = expected `<officiele-publicatie>` with `<kamervragen>`, as in kv-tk-….xml or ah-tk-….xml
kamer-no-questions = `<kamervragen>` holds no `<vraag>`
kamer-no-questions-label = no questions here
kamer-no-questions-hint = the questions stand in `<vraag><nr>Vraag 1</nr><al>…</al></vraag>`
kamer-no-number = a `<{ $element }>` has no number
kamer-in-here = in here
kamer-no-number-hint = each `<{ $element }>` starts with `<nr>` giving its number, e.g. `<nr>Vraag 1</nr>`
kamer-skipped = `<{ $element }>` is skipped: the dossier has no place for it
kamer-skipped-label = holds "{ $text }"
kamer-skipped-hint = copy what it says into the dossier by hand if the answers need it

## Sending and what was sent (sent.rs, model/sent.rs)

list-and = { $rest } and { $last }
unfinished-answer = the answer to question { $question } of { $dossier } is not written yet
unfinished-answer-label = a placeholder
unfinished-answer-hint = write the answer here (see README, "What an answer template can use"), then send
unfinished-person = the { $field } of { $dossier } is not named yet
unfinished-person-hint = give `{ $field }: {"{"} name: …, short: … {"}"}` the person's name, then send
sent-this-dossier = this dossier
sent-recorded-here = recorded here
sent-here = here
sent-what-was-sent = what was sent, recorded here
resend = { $dossier } was sent on { $on }
resend-hint = sent answers are not sent again: a correction goes out as a follow-up answer (`nader/`, sent with `beantwoord send --nader ID`)
send-no-date = { $dossier } has no `answered` date
send-no-date-hint = set `answered:` to the date the answers go to the Kamer, then send
follow-up-would-change = the follow-up answer to { $dossier } was sent on { $on }; this build would change it, so the sent files are kept as they are
follow-up-recorded-here = the follow-up as sent, recorded here
follow-up-would-change-hint = this version makes one follow-up answer per dossier: answer the rest in a new question set, or restore the data as it was sent
sent-changed = the answers to { $dossier } were sent on { $on }; the changes go out as a follow-up answer (nader/), not yet sent
sent-changed-hint = the sent files are kept as they are; read nader/antwoord, set `nader: {"{"} answered: YYYY-MM-DD, reason: … {"}"}` in the dossier, then `beantwoord send --nader { $dossier }`
follow-up-not-sent = { $dossier } has not been sent
follow-up-not-sent-hint = a follow-up answer follows sent answers: `beantwoord send { $dossier }` sends the first
follow-up-resend = the follow-up answer to { $dossier } was sent on { $on }
follow-up-resend-hint = a sent follow-up is not sent again
follow-up-no-date = the follow-up answer to { $dossier } has no date
follow-up-no-date-hint = set `nader: {"{"} answered: YYYY-MM-DD, reason: … {"}"}` to the day it goes to the Kamer, then send it
follow-up-nothing = nothing in { $dossier } changed since it was sent on { $on }: there is no follow-up answer to send
follow-up-nothing-hint = a follow-up answer carries the answers and annexes a correction changes
sent-file-changes = { $file } would change
sent-file-gone = { $file } would no longer be made
sent-file-added = { $file } would be added
sent-files-change = the files sent for { $dossier } on { $on } would change
sent-files-change-hint = the answers and annexes are as sent, so a template or this tool changed: build with the version that sent them, or `--nader` to keep the sent files
sent-answers-change = { $count ->
    [one] answer { $numbers } would change
   *[other] answers { $numbers } would change
}
sent-annex = bijlage { $number } (report `{ $report }`) { $what ->
    [change] would change
    [added] would be added
   *[dropped] would be dropped
}
sent-numbers-held = bijlagen { $kept } keep their numbers (in date order they would now be { $moved })

## Personal data in a public output (guard.rs, personal.rs)

personal-kind-email = an e-mail address
personal-kind-phone = a phone number
personal-kind-iban = an IBAN
personal-kind-bsn = a BSN (citizen service number)
guard-unmarked-output = the public document { $output } holds { $kind }, unmarked
guard-unmarked-output-label = in this dossier's output; no source writes it so (a template joins it?)
guard-unmarked = { $kind } stands here unmarked, and is published
guard-published-in = published in { $output }
guard-hint = withhold it as `[[5.1.2e: …]]`, list the person in persons.yaml (`persons:`), or, for the ministry's own general address or number, add it to `allow:` there

## The build (pipeline.rs): the DiWoo index, withheld passages, fonts

diwoo-no-publisher = diwoo.xml is not made for { $dossier }: no TOOI identifier is known for its ministry
diwoo-no-publisher-label = published by { $ministry }
diwoo-no-publisher-hint = set `woo: {"{"} publisher: https://identifier.overheid.nl/tooi/id/… {"}"}` in the dossier
diwoo-no-base-url = diwoo.xml is not made for { $dossier }: no publication base URL is set
diwoo-no-base-url-label = the index needs each document's absolute URL
diwoo-no-base-url-hint = set `woo: {"{"} base_url: https://… {"}"}` in the dossier: where its files are published
leak-identifier = an identifier holds a withheld passage, and is published
leak-identifier-label = inside this identifier
leak-withheld-here = withheld here
leak-identifier-hint = an identifier (an id, a file name, a link) is published as it stands and cannot hold a marker: rename it so that it no longer holds the passage
leak-unmarked = a withheld passage stands here unmarked, and is published
leak-unmarked-label = written plainly here
leak-unmarked-hint = mark it here too, as `[[5.1.2e: …]]` with the same ground
leak-output = the public document { $output } holds a passage withheld elsewhere
leak-output-hint = a template writes it or joins it from pieces, or a link or identifier holds it inside a word (`brief-janpietersen`): mark it, or take it out
glyphs-withheld = characters in withheld passages (not named here)
glyphs-missing = { $file }: the font has no glyph for { $chars }
glyphs-missing-hint = they are shown as a replacement mark (U+FFFD); use another character in the records

## The answers and annexes (answers/)

in-this-template = in this template
frame-twice = places the annexes more than once
footnote-twice = {$document}: the footnote `[^{$label}]` is defined more than once
footnote-twice-hint = give each footnote a label of its own: a citation can point to one definition only, and a withheld passage's footnote must not be one a public citation shows
frame-in-text = places the annexes inside other text
frame-in-block = places the annexes inside a block (`{"{"}% if %{"}"}`, `{"{"}% for %{"}"}`, …)
frame-missing = does not place the annexes
frame-hint = write `{"{{"} bijlagen {"}}"}` once, on a line of its own and outside any `{"{"}% if %{"}"}` or `{"{"}% for %{"}"}`, where the annexes go
no-document-headings = bijlage.md does not head each document with `{"{"}.document{"}"}`: no PDF per Woo document is made
no-document-headings-hint = start each document of `bijlage.documents` with a heading `### … {"{"}.document{"}"}`, as the built-in template does
footnote-used-label = used in a rendered answer of this dossier

## Writing the output (build.rs, output.rs)

commit-output = cannot put the output in place: { $error }
    {"  "}the output folders are as they were before this build
commit-lock = cannot record what was sent in { $path }: { $error }
    {"  "}the documents are built; run `beantwoord send` again once the folder can be written
output-unusable = cannot use the output folder: { $error }
output-link-hint = the tool owns its output folders: it writes real folders and files there
output-cannot-write = cannot write { $path }: { $error }
output-link = { $path } is a symbolic link; links inside an output folder are never followed (remove it, and the build makes the folder itself)
output-file-at-dossier = a file stands where the dossier's folder goes
output-folder-at-file = a folder stands where the file goes
output-own-file-at-folder = a file of this build stands where a folder is
output-file-at-folder = a file stands where this build makes a folder

## new, status and serve on the terminal (cli/, workbench/server.rs)

new-too-large = { $file }: the file is larger than { $mib } MiB; a question set is far smaller
new-not-utf8 = { $file }: not UTF-8 text
new-as-downloaded = give the Kamer's XML file as downloaded
new-unreadable = { $file }: cannot be read: { $error }
new-failed = new failed: { $errors } error(s); nothing was written
new-no-case = { $file }: the file does not give the case number (no `OVERHEIDop.vraagnummer` or `kv-tk-…` identifier in its metadata)
new-no-case-hint = give the dossier id yourself: `beantwoord new --from { $file } --id 2022Z21205`
new-unsafe-id = `{ $id }` is not a safe folder name
new-unsafe-id-hint = use the Kamer's number, e.g. `--id 2022Z21205` (letters, digits, `.`, `_`, `-`)
new-started = started dossier { $dossier }: { $questions } question(s), { $answers } answer(s) from the file; next: fill in what its comments ask, then `beantwoord build --dossier { $dossier }`
new-exists = { $path } already exists; it is not overwritten
new-exists-hint = remove or rename it first, or give another `--id`
status-failed = status failed: the data has { $errors } error(s)
serve-open = serving on { $address }: other machines that reach this address can read the documents
serve-open-internal = serving on { $address }: other machines that reach this address can read the documents, the internal render with its withheld passages too
serve-in-use = cannot serve on { $address }: the port is in use (another `beantwoord serve`?); choose another with --port
serve-cannot-bind = cannot serve on { $address }: { $error }
serve-cannot-watch = cannot watch the data folder for changes: { $error }
serve-rebuilt = rebuilt in { $ms } ms
serve-rebuilt-with-errors = rebuilt in { $ms } ms (the data has errors: shown on the pages)
serve-sources = sources in { $ms } ms
serve-listening = beantwoord serve: { $url } (stop with Ctrl-C)

## A command line that is not understood (cli/parse_error.rs)

cli-unknown-command = unknown command `{ $name }`
cli-unknown-option = unknown option `{ $name }`
cli-suggest = did you mean { $name }?
cli-no-value = `{ $option }` needs a value
cli-invalid-value = `{ $value }` is not a value of `{ $option }`
cli-possible-values = the values are { $values }
cli-invalid-value-because = `{ $value }` is not a value of `{ $option }`: { $reason }
cli-missing = missing: { $args }
cli-missing-command = which command? (check, build, send, new, status, serve)
cli-conflict = `{ $option }` cannot be used with `{ $other }`
cli-not-understood = the command line is not understood: { $detail }
cli-more = for more, see `--help`
cli-options-word = OPTIONS
cli-command-word = COMMAND
cli-not-a-date = not a date: write YYYY-MM-DD
# The names of the options' values in --help (`--data <DIR>`).
value-DIR = DIR
value-FILE = FILE
value-FORMAT = FORMAT
value-DATE = DATE

## Redaction markers (redaction.rs, load/read.rs)

marker-label = not a well-formed redaction marker
marker-unclosed = redaction marker `[[` is never closed
marker-unclosed-hint = close it with `]]` on the same line: `[[5.1.2e: …]]`
marker-split = redaction marker is split over lines
marker-split-hint = keep `[[ground: words]]` on one line
marker-nested = redaction markers cannot be nested
marker-nested-hint = withhold the whole passage once: `[[5.1.2e: …]]`
marker-unknown-ground = `{ $code }` is not a ground of the Woo
marker-text-not-ground = the text before `:` is not a ground of the Woo
marker-grounds-hint = use one of { $grounds }
marker-empty = a redaction marker needs a ground and the withheld words
marker-empty-hint = write `[[5.1.2e: the words]]`
marker-near-hint = write a withheld passage as `[[5.1.2e: words]]`, with two plain square brackets on each side
marker-lookalike = a bracket that looks like a redaction marker's, but is not `[` or `]`
marker-brackets-split = a redaction marker's brackets are split by a space or an invisible character
marker-one-bracket = a redaction marker needs two opening brackets
marker-stray-close = `]]` closes no redaction marker
text-too-nested = this text nests quotes and lists { $depth } levels deep; the limit is { $limit }
text-too-nested-label = nested too deep from here
text-too-nested-hint = an answer needs a few levels of quotes (`>`) and lists at most; write it flatter
bad-character = this field holds the character { $code }, which no document can hold
bad-character-label = a character no document can hold
bad-character-hint = remove it (a `\u` or `\x` escape in quotes writes one); tab and line breaks are fine

## Document templates: front matter, markers, loops, the logo

template-bad-marker = { $template } makes a malformed redaction: { $problems }
template-bad-marker-label = the document this template makes
template-rendered-for = rendered for this dossier
template-bad-marker-hint = a template must keep a withheld passage whole: print it as it comes, do not cut or join it
meta-error = the document { $template } { $problem }
meta-error-label = for this dossier
meta-error-made-by = made by this template
meta-error-hint = a document template's front matter sets title, author, dossier and date (or submitted); see the built-in templates
meta-missing = has no front matter (a `---` block with title, author and date)
meta-unreadable = has front matter that cannot be read: { $reason }
meta-absent = sets no `{ $field }` in its front matter
meta-bad-date = front matter `{ $field }: { $value }` is not a date: { $reason }
meta-not-a-map = expected `key: value` lines
loop-set = `{"{"}% set { $name } = … %{"}"}` inside a `for` loop does not change `{ $name }` after the loop
loop-set-label = only the loop's own copy changes
loop-set-outside = the value after the loop is the one set here
loop-set-hint = count or collect with a filter instead, e.g. `{"{"}% set { $name } = reports | filter(attribute="accounts", contains="facebook") | length %{"}"}` (see README, "What an answer template can use"); or write `set_global` to change it for the whole template
template-unreadable = { $file }: cannot be read: { $error }
logo-hint = save the ministry's logo as a PNG image (RGB or greyscale, transparency allowed) of at most { $side } pixels a side, or remove the file to print the wordmark alone
logo-other-format = { $file } is not used: the letters' logo must be a PNG file
logo-other-format-hint = save the logo as a PNG image in { $file }
logo-unreadable = cannot be read: { $error }
logo-too-large = is { $bytes } bytes; a logo may be at most { $most } bytes
logo-not-png = is not a PNG image the tool can read: { $error }
logo-too-many-pixels = is { $width } × { $height } pixels; a logo may be at most { $side } pixels a side

## The command's settings (settings.rs)

settings-no-templates = --templates { $path }: no such folder
    {"  "}hint: leave --templates out to use templates/ beside the data folder (or the built-in templates)
settings-not-an-id = { $flag } `{ $id }`: no dossier can have this id
    {"  "}hint: a dossier's id is the Kamer's number, e.g. `2022Z21205` (letters, digits, `.`, `_`, `-`); `beantwoord status` lists the dossiers
settings-overlap = { $flag } { $out }: the output folder may not be, contain or lie inside { $what ->
        [data] the data folder
        [templates] the templates folder
       *[public] the public output folder
    } ({ $other })
    {"  "}hint: the tool replaces and removes files in its output folders; give it a folder of its own, e.g. `{ $flag } { $example }`

## The filters and bounds of a template (answers/filters.rs, answers/limits.rs)

filter-count = expected a count of 0 or more, got { $value }
filter-date-empty = expected a date, got nothing (is the field empty?)
filter-date-kind = expected a date, got { $kind }
filter-date = expected a date: { $reason }
filter-precision = precisie `{ $value }` is not one of dag, maand, jaar
filter-not-through = this report did not go through `{ $account }`
filter-none-annexed = none of these reports is annexed (see the dossier's `annexes.reports`)
filter-no-condition = say what to compare `{ $attribute }` with: one of { $conditions }
limit-output = the template's output passes the limit of { $mib } MiB
limit-not-utf8 = the output is not UTF-8: { $error }
limit-range-step = `range` was called with `step_by=0`
limit-range = `range` would count to more than { $most } numbers in one template (loops within loops count together)

## Woo identifiers and addresses in the data (load/records.rs, load/dossier.rs)

document-id-invalid = `{ $value }` is not a document ID
document-id-invalid-label = letters, digits, `.` and `-` only, at most { $most }
document-id-invalid-hint = the publication platforms' form is `<prefix>-<matter>-<number>`, e.g. `BZK-534-3444`
id-part-invalid = `{ $value }` cannot stand in a document ID
id-part-invalid-hint = e.g. `{ $example }`
tooi-invalid = `{ $value }` is not a TOOI identifier
tooi-invalid-label = expected `https://identifier.overheid.nl/tooi/id/…`
tooi-invalid-hint = the publisher's TOOI identifier, e.g. `https://identifier.overheid.nl/tooi/id/ministerie/mnre1034` (BZK)
category-invalid = `{ $value }` is not an information category of the Woo index
category-invalid-label = unknown category
category-invalid-hint = one of { $codes } (c_c76862ab: vergaderstukken Staten-Generaal; c_3baef532: Woo-verzoeken en -besluiten)
url-invalid = `{ $value }` is not an absolute http(s) URL
url-invalid-label = expected `https://host/path/`
base-url-hint = where the dossier's files are published, with scheme and host (a sitemap's `loc` must be absolute), e.g. `base_url: https://open.overheid.nl/documenten/2022Z21205/`
published-link-hint = the address of the earlier dossier's publication, below which its documents stand as `documenten/<ID>.pdf`
yaml-aliases-too-large = with its aliases written out, the text of this file passes the limit of { $mib } MiB

## Tera's own messages, said again (answers/tera_words.rs)

tera-did-you-mean = did you mean `{ $name }`?
tera-field-unknown = the field `{ $name }` does not exist; the fields are { $fields }{ $nearest ->
        [none] {""}
       *[other] ; { $nearest }
    }
tera-field-unknown-bare = the field `{ $name }` does not exist
tera-variable-unknown = the name `{ $name }` is unknown; this template knows { $variables }{ $nearest ->
        [none] {""}
       *[other] ; { $nearest }
    }
tera-variable-unknown-bare = the name `{ $name }` is unknown
tera-variable-empty = `{ $name }` exists but has no value here
tera-wrong-type = the wrong kind of value: expected { $expected }, but this is { $got }
tera-math-numbers = arithmetic works on numbers only; this is { $found }
tera-divide-by-zero = cannot divide by 0
tera-compare = { $a } cannot be compared with { $b }
tera-found-expected = found { $found }, but expected { $expected }
tera-unexpected-end = the template ends in the middle of a `{"{{"} … {"}}"}` or `{"{"}% … %{"}"}`
tera-unexpected-character = a character that cannot stand here
tera-unknown-template = there is no template `{ $name }`
tera-missing-argument = the argument `{ $name }` is missing
tera-argument-twice = the argument `{ $name }` is given more than once
tera-not-iterable = `for` cannot go through { $kind }
tera-no-length = { $kind } has no length
tera-render-undefined = a value that does not exist cannot be printed
tera-index-undefined = a value that does not exist has no items
tera-string-unclosed = a text opened with { $quote } is not closed
tera-closing-tag = `{ $end }` does not close `{ $name }`
tera-not-a-number = `{ $value }` is not a number
tera-number-filter = this filter works on a number only, not on { $kind }
tera-type-number = a number
tera-type-text = text
tera-type-bool = true or false
tera-type-list = a list
tera-type-map = a record of fields
tera-type-nothing = nothing
tera-operands = `{ $op }` needs two numbers; here are { $a } and { $b }
yaml-alias-limit = the aliases (`*name`) repeat too much
yaml-too-deep = the values nest too deep
yaml-colon = a `:` stands where YAML cannot read it (is a `[`, `{"{"}` or quote left open above?)
yaml-tab = a tab in the indentation; indent with spaces
yaml-unclosed-quote = a quote is not closed
yaml-duplicate-key = the field `{ $key }` is written twice here (or a `-` is missing before a new item)
yaml-expected-dash = expected a new item (`- …`) of the list at this indentation
yaml-flow-map = expected `,` or `{"}"}` in a `{"{"} … {"}"}` (is it closed?)
yaml-flow-list = expected `,` or `]` in a `[ … ]` (is it closed?)
yaml-unknown-anchor = an alias (`*name`) with no anchor (`&name`) above it
yaml-escape = an unknown escape (`\…`) in a double-quoted value; write `\\` for a backslash, or use single quotes
yaml-bracket = a bracket that closes nothing
yaml-after-quote = text after the closing quote of a value (is a quote inside it not escaped?)
serve-refused-host = refused: this workbench only answers requests for its own address

## The dossier file `new` writes (scaffold.rs): its comments

scaffold-opening = Started by `beantwoord new` from { $from }: the questions as the Kamer published them.
    Still to do: the answerer's full name, each answer (a template: see README,
    "What an answer template can use"), and which reports go in the annexes.
scaffold-fill-in-absent = not in the file: fill in
scaffold-absent = not in the file
scaffold-full-name = the full name: fill in
scaffold-who-answers = who answers: fill in
scaffold-delay-notices = the delay notices the answer cites ("Zie ook Aanhangsel …"); add `sent:` with the day each went out
scaffold-annexes = all, or none: which reports are annexed
lock-opening = What was sent to the Kamer, recorded by `beantwoord send`. Commit it with the
    data and do not edit it: a sent answer, annex or file is never rewritten; a
    correction goes out as a follow-up answer (nader/, `beantwoord send --nader`).

## What the operating system says (i18n::io_error)

io-not-found = no such file or folder
io-permission = permission denied
io-not-a-directory = a file stands where a folder is needed
io-is-a-directory = this is a folder, not a file
io-exists = it exists already
io-full = the disk is full
io-read-only = the file system is read-only
io-not-utf8 = not UTF-8 text

## Names in a filter's arguments (answers/lint.rs)

argument-unknown-account = there is no account `{ $name }`: the filter would find no report through it
argument-unknown-field = there is no field `{ $name }`: the filter would find nothing in it
argument-unknown-label = unknown name
argument-nearest = did you mean `{ $name }`? The names are { $known }
argument-known-accounts = the accounts are { $known }
argument-known-fields = the fields are { $known }
cli-not-a-number = not a whole number
cli-not-an-address = not an IP address (write it in digits, e.g. 127.0.0.1 or ::1)
cli-out-of-range = not between { $low } and { $high }
serve-watcher-failed = the file watcher failed
serve-no-data = the workbench does not start without its data folder
xml-unknown-token = something that is not XML
xml-no-root = the file holds no element
xml-unclosed = the file ends before its elements are closed
xml-close-tag = `</{ $found }>` where `</{ $expected }>` was expected
xml-attribute-twice = the attribute `{ $name }` stands twice
xml-unknown-entity = the entity `&{ $name };` is unknown
xml-too-large = the file holds more elements than a question set can
filter-unknown-argument-nearest = `{ $filter }` takes no argument `{ $name }`; did you mean `{ $nearest }`?
filter-unknown-argument = `{ $filter }` takes no argument `{ $name }`; it takes { $known }
filter-takes-no-arguments = `{ $filter }` takes no arguments, not `{ $name }`
