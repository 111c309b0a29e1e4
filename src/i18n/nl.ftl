# beantwoord: de meldingen in het Nederlands (de standaardtaal).
# Elke sleutel staat ook in en.ftl, met dezelfde argumenten (getest).

## Ernst en onderdelen van een melding

severity-error = fout
severity-warning = waarschuwing
diag-in-file = in { $file }
diag-hint = tip: { $hint }
error-line = fout: { $message }

## Samenvattingen

check-failed = controle mislukt: { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }; er is niets geschreven
check-passed = controle geslaagd: { $accounts ->
        [one] 1 account
       *[other] { $accounts } accounts
    }, { $reports ->
        [one] 1 melding
       *[other] { $reports } meldingen
    }, { $dossiers ->
        [one] 1 dossier
       *[other] { $dossiers } dossiers
    }; { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }
build-failed = opbouwen mislukt: { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }; er is niets geschreven
send-failed = verzenden mislukt: { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }; er is niets geschreven
summary-errors = { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }
built = { $dossiers ->
        [one] 1 dossier
       *[other] { $dossiers } dossiers
    } opgebouwd, { $documents ->
        [one] 1 document
       *[other] { $documents } documenten
    }{ $pages ->
        [none] {""}
        [one] , 1 pagina
       *[other] , { $pages } pagina’s
    } in { $seconds } s: { $new } nieuw, { $changed } gewijzigd, { $unchanged } ongewijzigd, { $removed } verwijderd
dry-run = proefdraai: { $dossiers ->
        [one] 1 dossier
       *[other] { $dossiers } dossiers
    }, { $documents ->
        [one] 1 document
       *[other] { $documents } documenten
    }{ $pages ->
        [none] {""}
        [one] , 1 pagina
       *[other] , { $pages } pagina’s
    } in { $seconds } s: { $new } nieuw, { $changed } gewijzigd, { $unchanged } ongewijzigd, { $removed } verwijderd; er is niets geschreven
kept-sent = de verzonden bestanden van { $dossier } zijn gebleven zoals ze verzonden zijn
not-rendered = noot: de antwoorden van { $dossiers } zijn niet opgemaakt: herstel eerst de fouten hierboven, daarna worden hun sjablonen gecontroleerd
unknown-dossiers = geen dossier met id { $ids }
    tip: de dossiers zijn: { $known }
waiting-for-build = wacht tot een andere opbouw in { $folder } klaar is…
unknown-lang = onbekende taal `{ $lang }` (--lang of BEANTWOORD_LANG): kies nl of en

## De lijst van wat er met elk bestand gebeurde (standaarduitvoer)

change-new = nieuw
change-changed = gewijzigd
change-unchanged = ongewijzigd
change-removed = verwijderd
change-would-add = zou toevoegen
change-would-change = zou wijzigen
change-would-remove = zou verwijderen
change-sent = verzonden

## Sjablonen: onbekende namen

template-unknown-variable = onbekende naam `{ $name }` in dit sjabloon
template-unknown-variable-nearest = onbekende naam `{ $name }` in dit sjabloon; bedoelt u `{ $nearest }`?
template-variables = dit sjabloon kent de namen { $names } (README.md, "Wat een antwoordsjabloon kan gebruiken")
template-unknown-field = { $of ->
        [report] een melding
        [account] een account
        [dossier] het dossier
        [person] een persoon
       *[other] een uitkomst
    } heeft geen veld `{ $name }`
template-unknown-field-nearest = { $of ->
        [report] een melding
        [account] een account
        [dossier] het dossier
        [person] een persoon
       *[other] een uitkomst
    } heeft geen veld `{ $name }`; bedoelt u `{ $nearest }`?
template-fields = de velden van { $of ->
        [report] een melding
        [account] een account
        [dossier] het dossier
        [person] een persoon
       *[other] een uitkomst
    }: { $names }
template-unknown-filter = onbekend filter `{ $name }`
template-unknown-filter-nearest = onbekend filter `{ $name }`; bedoelt u `{ $nearest }`?
template-filters = de filters: { $ours }; ingebouwd: { $tera }
template-label = hier

## Datums

date-invalid = ongeldige datum: { $why }
date-expected = hier hoort een datum
date-forms = schrijf 2021-03-09, 2021-03, 2021, begin 2021, medio 2021 of eind 2021
date-meant = bedoelt u { $date }? Een datum schrijft u jaar-maand-dag, met voorloopnullen
date-qualifier = `{ $word }` is geen aanduiding bij een jaar (wel: begin, medio, eind)
date-digits = `{ $text }` is geen { $what ->
        [year] jaartal
        [month] maand
       *[other] dag
    } van { $digits } cijfers
date-year-range = het jaar { $year } valt buiten het bereik
date-no-month = maand { $month } bestaat niet
date-no-day = { $date } bestaat niet
date-shape = `{ $text }` is geen datum

## YAML

yaml-invalid = ongeldige YAML: { $why }
yaml-hint = kijk naar het inspringen en de aanhalingstekens rond deze plek
yaml-budget-hint = gegevens hebben nooit zoveel aliassen of zo diepe nesting nodig: schrijf de waarden uit
yaml-quote-hint = een waarde met `: ` erin moet tussen aanhalingstekens, anders leest YAML er een nieuw veld in; schrijf: { $line }
yaml-mapping-values = hier begint volgens YAML een nieuw veld, maar dat kan op deze plek niet
yaml-expected-key = hier verwachtte YAML een veldnaam
yaml-bad-character = dit teken kan een waarde niet beginnen
file-empty = het bestand is leeg
file-empty-label = hier staat niets
file-empty-hint = verwijder het bestand, of vul het in

## Sjablonen: blokken en Tera's eigen meldingen

block-never-closed = `{"{"}% { $kind } %{"}"}` wordt nergens gesloten: `{"{"}% end{ $kind } %{"}"}` ontbreekt
block-closes-none = `{"{"}% { $tag } %{"}"}` sluit geen `{"{"}% { $kind } %{"}"}`: er is er hier geen open
block-outside-if = `{"{"}% { $tag } %{"}"}` staat buiten een `{"{"}% if %{"}"}`
template-problem = sjabloon: { $message }
template-problem-label = probleem in het sjabloon
template-can-use = dit sjabloon kent de namen { $variables }; de filters: { $ours } (README.md, "Wat een antwoordsjabloon kan gebruiken"); ingebouwd: { $tera }
template-unknown-test = onbekende test `{ $name }`
template-tests = de tests: defined, undefined, none, string, number, integer, float, bool, array, map, iterable, odd, even, divisible_by, starting_with, ending_with, containing
template-unknown-function = onbekende functie `{ $name }`
template-functions = de functies: range(end=…, start=…, step_by=…) en throw(message=…)

## --help (per opdracht en optie; help-build-out is de optie --out van build)

help = Beantwoordt Kamervragen uit de eigen registratie van het ministerie
help-lang = De taal van de meldingen: nl (standaard) of en; ook BEANTWOORD_LANG
help-check = Controleer de registratie, de dossiers en hun sjablonen; schrijft niets
help-check-data = De gegevensmap (records/ en dossiers/) [standaard: data]
help-check-templates = Documentsjablonen die de ingebouwde vervangen [standaard: templates/ naast de gegevensmap]
help-build = Maak de antwoorden en bijlagen van elk dossier (of van de genoemde)
help-build-data = De gegevensmap (records/ en dossiers/) [standaard: data]
help-build-templates = Documentsjablonen die de ingebouwde vervangen [standaard: templates/ naast de gegevensmap]
help-build-out = De openbare uitvoermap: alleen openbare documenten komen hier [standaard: output]
help-build-internal_out = Waar --internal de reviewdocumenten schrijft [standaard: naast de uitvoermap, haar naam + "-intern"]
help-build-dossiers = Maak alleen dit dossier (herhaalbaar) [standaard: elk dossier]
help-build-formats = Uitvoerformaat (herhaalbaar): md, pdf, html of docx (Word, alleen als erom gevraagd) [standaard: md, pdf en html]
help-build-internal = Schrijf ook de interne reviewdocumenten, met de weggelakte passages leesbaar, in een eigen map (nooit publiceren)
help-build-dry_run = Zeg welke bestanden een opbouw zou schrijven, wijzigen of verwijderen, en schrijf niets
help-build-quiet = Toon alleen problemen en de samenvatting; geen voortgangsbalk
help-build-machine = Som de bestanden op voor scripts: per bestand een regel `WOORD<TAB>PAD`, met in elke taal de woorden `new`, `changed`, `unchanged`, `removed`, `sent` (`would-add`, `would-change`, `would-remove` bij --dry-run)
help-build-package = Maak ook per dossier het uploadpakket voor de Woo-platforms, in `<dossier>/upload/`: het productierapport (productierapport.xlsx) en documenten.zip, één pdf per gepubliceerd document, genoemd naar zijn ID
help-build-nader = Blijft werken voor oudere scripts: een verzonden dossier waarvan de antwoorden veranderden, krijgt altijd zijn nader antwoord (`<id>/nader/`), de verzonden bestanden blijven
help-send = Maak één dossier en leg vast wat verzonden is (dossier.lock): verzonden antwoorden worden nooit herschreven
help-send-id = Het dossier waarvan de antwoorden verzonden worden (zijn id, bijvoorbeeld 2022Z21205)
help-send-data = De gegevensmap (records/ en dossiers/) [standaard: data]
help-send-templates = Documentsjablonen die de ingebouwde vervangen [standaard: templates/ naast de gegevensmap]
help-send-out = De openbare uitvoermap [standaard: output]
help-send-formats = Uitvoerformaat (herhaalbaar): md, pdf, html of docx (Word, alleen als erom gevraagd) [standaard: md, pdf en html]; elk gemaakt bestand wordt vastgelegd
help-send-quiet = Toon alleen problemen en de samenvatting
help-send-machine = Som de bestanden op voor scripts: per bestand een regel `WOORD<TAB>PAD`, met in elke taal de woorden `new`, `changed`, `unchanged`, `removed`, `sent`
help-send-nader = Verzend het nader antwoord van het dossier (`nader/`), na de eerste antwoorden
help-new = Begin een dossier vanuit de XML van de Kamer bij een vragenset (kv-tk-… of ah-tk-…)
help-new-from = Het XML-bestand van de Kamer met de vragen (kv-tk-…) of de antwoorden (ah-tk-…)
help-new-data = De gegevensmap waarin het dossier komt [standaard: data]
help-new-id = Het id van het dossier [standaard: het zaaknummer uit het bestand, bijvoorbeeld 2022Z21205]
help-status = Eén regel per dossier: uiterste datum, dagen over of te laat, uitstelberichten, beantwoord, verzonden
help-status-data = De gegevensmap (records/ en dossiers/) [standaard: data]
help-status-templates = Documentsjablonen die de ingebouwde vervangen [standaard: templates/ naast de gegevensmap]
help-status-today = De dag om vanaf te tellen, JJJJ-MM-DD [standaard: vandaag]
help-status-format = Een tabel om te lezen, of CSV (RFC 4180, met een kopregel) voor een spreadsheet: table of csv [standaard: table]
help-serve = De voorbeeldweergave: elk document live in de browser, met de records achter elk antwoord
help-serve-data = De gegevensmap (records/ en dossiers/) [standaard: data]
help-serve-templates = Documentsjablonen die de ingebouwde vervangen [standaard: templates/ naast de gegevensmap]
help-serve-port = De poort (0: een willekeurige vrije poort) [standaard: 8321]
help-serve-address = Het adres om op te luisteren, zoals browsers het noemen (verzoeken voor een andere host worden geweigerd); alles behalve 127.0.0.1 laat andere computers de documenten lezen [standaard: 127.0.0.1]
help-serve-internal = Ook de interne versie (weggelakte passages leesbaar), achter een knop en een balk
help-flag-help = Toon deze hulp
help-flag-version = Toon het versienummer
help-usage = Gebruik:
help-options = Opties
help-commands = Opdrachten
help-arguments = Argumenten

## De gegevens lezen: waarden, velden, de soorten dingen

wrong-kind = verwacht { $expected }, gevonden { $found }
wrong-kind-label = hier hoort { $expected }
kind-mapping-of = een mapping met velden ({ $what })
kind-list-of = een lijst ({ $what })
found-nothing = niets
found-value = één waarde
found-list = een lijst
found-mapping = een mapping met velden
one-line = verwacht één regel tekst
one-line-label = deze tekst beslaat meer regels
one-line-hint = schrijf hem op één regel, of vouw hem met `>-` tot één regel
text-empty = verwacht tekst, gevonden een lege waarde
text-empty-label = leeg
id-invalid = `{ $value }` is geen geldige { $what }
id-invalid-label = alleen a-z, 0-9 en - zijn toegestaan
id-invalid-hint = probeer `{ $slug }`
number-invalid = verwacht een geheel getal, gevonden `{ $value }`
number-invalid-label = hier hoort een geheel getal
bool-invalid = verwacht true of false, gevonden `{ $value }`
bool-invalid-label = hier hoort true of false
choice-invalid = `{ $value }` is niet een van { $names }
choice-invalid-label = onbekende waarde
did-you-mean = bedoelt u `{ $name }`?
field-missing = het veld `{ $name }` ontbreekt in { $what }
field-missing-label = { $first } heeft hier geen `{ $name }`
field-missing-hint = voeg `{ $name }:` met een waarde toe
field-list = de velden zijn: { $names }
field-unknown = onbekend veld `{ $name }` in { $what }
field-unknown-label = geen bekend veld
thing-account = het account
thing-report = de melding
thing-question = de vraag
thing-dossier = het dossier
thing-letter = de brief
thing-person = de persoon
thing-outcome = de uitkomst
thing-factcheck = de factcheck
thing-footnote = de voetnoot
thing-footnotes = de voetnoten
thing-annexes = de bijlagen
thing-delay-notice = het uitstelbericht
thing-follow-up-answer = het nader antwoord
thing-woo = de Woo-gegevens
thing-records-selection = de selectie van records
thing-already-published-report = de al gepubliceerde melding
thing-sent-annex = de verzonden bijlage
thing-dossier-lock = het vastleggingsbestand (dossier.lock)
thing-ministry-file = het ministeriebestand
thing-persons-file = het personenbestand
thing-records-file = het registratiebestand
thing-account-id = account-id
thing-report-id = melding-id
thing-reports = meldingen
thing-accounts = accounts
thing-questions = vragen
thing-letters = brieven
thing-account-ids = account-ids
thing-persons = personen
thing-addresses-and-numbers = adressen en nummers
thing-e-mail-addresses = e-mailadressen
thing-Woo-grounds = Woo-gronden
kind-a-date = een datum
kind-text = tekst
kind-a-whole-number = een geheel getal
kind-true-or-false = true of false
kind-a-word = een woord

## De controles van de registratie (model/validate.rs)

id-twice-account = het account-id `{ $id }` komt twee keer voor
id-twice-report = het melding-id `{ $id }` komt twee keer voor
id-twice-label = tweede keer
id-twice-first = hier de eerste keer
id-twice-hint = een id komt in alle bestanden onder records/ samen maar één keer voor
account-listed-twice = het account `{ $id }` staat er twee keer
account-listed-twice-label = staat er al
outcome-not-account = een uitkomst voor `{ $id }`, dat niet bij de accounts van deze melding hoort
outcome-not-account-label = niet in `accounts`
outcome-not-account-hint = de melding ging via: { $accounts }
outcome-missing = de melding `{ $report }` heeft geen uitkomst voor `{ $account }`
outcome-missing-label = geen uitkomst voor dit account
outcome-missing-hint = zet onder `outcome:` `{ $account }: {"{"} status: pending {"}"}` (of unknown, labelled, …)
first-used-contradicts = `first_used` van `{ $account }` is { $first }, maar de eerste melding via dit account is van { $earliest }
first-used-contradicts-label = in strijd met de meldingen
first-used-earliest = de eerste melding via `{ $account }`
first-used-contradicts-hint = zet `first_used: { $earliest }` of verbeter de datum van de melding; of laat `first_used` weg, dan volgt het uit de meldingen
first-used-unused = `first_used` van `{ $account }` is { $first }, maar er ging geen melding via dit account
first-used-unused-label = geen melding via dit account
first-used-unused-hint = laat `first_used` weg tot er een melding via het account gaat
letter-before-report = een brief van { $date } is gedateerd vóór zijn melding van { $reported }
before-report-label = vóór de melding
report-date-label = de datum van de melding
letter-before-report-hint = verbeter een van de twee; `date: report` geeft een brief de datum van zijn melding
outcome-before-report = de uitkomst voor `{ $account }` van { $date } is gedateerd vóór zijn melding van { $reported }
outcome-before-report-hint = verbeter een van de twee; `date: report` geeft een uitkomst de datum van zijn melding
outcome-reply-date = de uitkomst voor `{ $account }` is gedateerd { $date }, het antwoord van het platform { $reply }
outcome-date-label = de datum van de uitkomst
reply-date-label = de datum van het antwoord
outcome-reply-date-hint = bracht het antwoord de uitkomst, geef ze dan dezelfde datum
judgement-withheld = een document met weggelakte passages kan niet `{ $judgement }` zijn
judgement-partly = `deels openbaar` vraagt ten minste één `[[grond: …]]` in de tekst
judgement-not-public = `niet openbaar` vraagt zijn grond(en): voeg `grounds: [5.1.2e]` toe
judgement-label = in strijd met de tekst
judgement-hint = laat `judgement` weg, dan volgt het oordeel uit de weglakkingen
no-account-read = er kon geen account gelezen worden; zie de fouten hierboven
known-accounts = de bekende accounts: { $ids }
account-unknown = onbekend account `{ $id }`
account-unknown-label = geen account heeft dit id
dossier-id-twice = het dossier-id `{ $id }` komt twee keer voor
dossier-id-twice-label = tweede dossier met dit id
dossier-id-twice-first = het eerste dossier
dossier-id-twice-hint = het id is de naam van de uitvoermap en moet dus uniek zijn
answered-before-submitted = beantwoord ({ $answered }) vóór de vragen werden ingediend ({ $submitted })
in-this-dossier = in dit dossier
answered-before-submitted-hint = kijk `submitted` en `answered` na
question-number = de vragen zijn op volgorde genummerd van 1 tot n: verwacht { $expected }, gevonden { $found }
question-number-label = hier hoort { $expected }
question-number-hint = nummer de vragen 1, 2, 3, … zonder gaten, in de volgorde waarin ze gesteld zijn
question-id-twice = het vraag-id `{ $id }` komt twee keer voor
question-id-twice-label = tweede keer
question-id-twice-first = de eerste keer
answer-with-missing = `answer_with: { $number }` wijst naar een vraag die niet bestaat
answer-with-itself = een vraag kan niet met zichzelf beantwoord worden
answer-with-chain = vraag { $number } wordt zelf met een andere beantwoord; wijs naar de vraag die het antwoord heeft
answer-with-hint = de vragen zijn genummerd van 1 tot { $count }
footnote-undefined = de voetnoot `[^{ $id }]` is niet gedefinieerd
footnote-undefined-label = onbekende voetnoot
footnote-undefined-nearest = bedoelt u `[^{ $name }]`? Of definieer hem onder `footnotes:`
footnote-undefined-hint = definieer hem onder `footnotes:` als `{ $id }: {"{"} text: … {"}"}`
footnote-unused = de voetnoot `{ $id }` is gedefinieerd maar wordt nergens gebruikt
footnote-unused-label = ongebruikt
footnote-unused-hint = verwijs ernaar met `[^{ $id }]`, of verwijder hem
annex-after-until = de melding `{ $id }` valt na `records.until` van het dossier
report-id-unknown = geen melding heeft het id `{ $id }`
annexed-by-id = bij id als bijlage genoemd
document-id-long = het document-ID `{ $id }` is langer dan 170 tekens
document-id-long-label = het ID wordt hieruit gemaakt
document-id-long-hint = geef de brief een korter `id:`, of het dossier een kortere `woo: {"{"} prefix, matter {"}"}`
document-id-twice = twee documenten hebben het ID `{ $id }`
second-label = tweede
first-label = eerste
document-id-twice-hint = een document-ID wordt één keer gegeven; verander een van de `id:`
duplicate-unknown = `{ $id }` noemt geen document van dossier { $dossier }
duplicate-unknown-label = duplicaat van een onbekend document
duplicate-unknown-also = de documenten van dit dossier
duplicate-unknown-hint = gebruik het ID dat de inventarislijst het andere document geeft
published-twice = de melding `{ $report }` staat twee keer als al gepubliceerd
published-twice-hint = noem elke melding één keer onder `annexes.already_published`
published-not-annexed = de melding `{ $report }` is geen bijlage in dossier { $dossier }
published-label = als al gepubliceerd genoemd
published-not-annexed-hint = alleen de documenten van een melding die bijlage is, worden genoemd; maak haar bijlage (`annexes.reports`) of haal deze regel weg
published-dossier-unknown = geen ander dossier heeft het id `{ $id }`
published-with-label = met dit dossier gepubliceerd, staat er
published-dossier-unknown-hint = noem het eerdere dossier, in deze gegevensmap, met welks antwoorden de documenten van de melding gepubliceerd zijn
published-elsewhere-not-annexed = dossier { $dossier } had de melding `{ $report }` niet als bijlage
this-report = deze melding
published-elsewhere-not-annexed-hint = noem het dossier waarvan de bijlagen de melding bevatten
published-where-unknown = waar dossier { $dossier } zijn documenten publiceerde, is niet bekend
published-here-label = hier al gepubliceerd, staat er
published-no-base-url = dit dossier heeft geen `woo.base_url`
published-where-unknown-hint = voeg `link: https://…/` toe (het adres van de eerdere publicatie), of `woo.base_url` aan dat dossier
ground-law = `{ $ground }` is een grond uit de { $its }; dit document wordt beoordeeld onder de { $law }
ground-law-label = een grond uit de { $its }
ground-law-hint = gebruik een grond uit de { $law } ({ $codes }), of zet `law: { $its_key }` bij de brief als die onder de { $its } is beoordeeld
ground-law-at = de wet waaronder het wordt beoordeeld
ground-law-default = een Woo-dossier (geen `woo: {"{"} law {"}"}`)

## De mappen en bestanden lezen (load/mod.rs)

data-missing = de gegevensmap `{ $folder }` is niet gevonden
data-missing-hint = start vanuit de projectmap, of geef `--data MAP`
records-link = { $name } is een koppeling naar een map; die wordt niet gevolgd
records-link-hint = zet de bestanden zelf onder records/ (een gekoppelde map kan naar zichzelf terugleiden)
records-none = geen gegevens gevonden in `{ $folder }`
records-none-hint = zet de accounts en meldingen van de registratie in records/*.yaml
dossier-folder-empty = dossiers/{ $folder }/ heeft geen dossier.yaml; de map wordt overgeslagen
dossier-folder-empty-hint = noem het bestand dossier.yaml, of verwijder de map
lock-other-dossier = dit vastleggingsbestand hoort bij dossier `{ $lock }`, niet bij `{ $dossier }`
lock-beside = het dossier ernaast
lock-other-dossier-hint = `beantwoord send` schrijft het vastleggingsbestand voor zijn eigen dossier; zet het terug uit het versiebeheer
lock-follow-up-unsent = het vastleggingsbestand van een nader antwoord naast een dossier dat nooit verzonden is
lock-follow-up-unsent-hint = zet dossier.lock terug uit het versiebeheer, of verwijder nader.lock
file-too-large = { $name }: het bestand is { $size } MiB; de grens is { $limit } MiB
file-too-large-hint = verdeel de registratie over meer bestanden onder records/
file-unreadable = { $name }: kan niet gelezen worden: { $why }
file-not-utf8 = het bestand is geen UTF-8
file-not-utf8-label = ongeldige byte hier
file-not-utf8-hint = sla het bestand op als UTF-8
kind-pipe = een named pipe
kind-socket = een socket
kind-device = een apparaat
kind-folder = een map
kind-not-file = iets anders dan een bestand
not-a-file = { $name }: is { $kind }, geen gewoon bestand; het is niet gelezen
not-a-file-hint = gegevens en dossiers zijn gewone YAML-bestanden; vervang het (of de koppeling ernaar) door het bestand zelf

## De voortgangsbalk

progress-documents = documenten

## Registratie en vastleggingen (load/records.rs, load/lock.rs)

records-file-empty = dit registratiebestand is leeg
records-file-empty-label = hier hoort `accounts:` of `reports:`
records-file-empty-hint = een registratiebestand heeft een lijst onder `accounts:` en/of `reports:`
report-no-account = een melding gaat via ten minste één account
report-no-account-label = lege lijst
report-no-account-hint = noem de account-ids, bijvoorbeeld `[facebook]`
form-disagrees = `form` en `reconstructed` spreken elkaar tegen
form-disagrees-label = wat deze brief is
form-disagrees-also = hier staat iets anders
form-disagrees-hint = houd er één: `form: reconstruction` zegt wat `reconstructed: true` zei
duplicate-without = `dubbel` noemt geen ander document
duplicate-without-label = een duplicaat van welk document?
duplicate-without-hint = voeg `duplicate_of: <ID>` toe met het ID van het document waarvan dit een duplicaat is (bijvoorbeeld `BZK-2022Z21205-…-1`)
ground-unknown = `{ $code }` is geen grond uit de Woo of de Wob
ground-unknown-label = onbekende grond
ground-unknown-hint = gebruik een van { $woo } (Woo), { $wob } (Wob), of `dubbel` met `duplicate_of`
outcome-mapping = verwacht per account-id een uitkomst
outcome-mapping-label = hier hoort `account: {"{"} status: … {"}"}`
lock-answer-number = `{ $key }` is geen antwoordnummer
lock-answer-number-label = onder `answers`
lock-restore-hint = `beantwoord send` schrijft het vastleggingsbestand; zet het terug uit het versiebeheer
lock-number-twice = het vastleggingsbestand geeft één Woo-nummer aan twee bijlagen of documenten
lock-number-twice-label = in dit bestand

## Dossiers (load/dossier.rs)

dossier-file-empty = dit dossierbestand is leeg
dossier-file-empty-label = hier horen de velden van het dossier
dossier-file-empty-hint = een dossier heeft ten minste `id`, `title`, `submitted`, `submitter`, `addressee`, `answerer` en `questions` nodig
dossier-id-unsafe = het dossier-id `{ $id }` is geen veilige mapnaam
dossier-id-unsafe-label = de naam van de uitvoermap
dossier-id-unsafe-hint = gebruik het nummer van de Kamer, bijvoorbeeld `2022Z21205` (letters, cijfers, `.`, `_`, `-`)
delays-twice = een dossier noemt zijn uitstelberichten één keer
delays-twice-label = `delays` staat er ook
delays-twice-hint = zet deze regels onder `delays` (elk `{"{"} sent: DATUM, reason: … {"}"}`)
day-needed = `{ $field }` vraagt de dag, niet alleen { $given }
day-needed-label = hier hoort een dag
day-needed-hint = schrijf de dag als JJJJ-MM-DD, bijvoorbeeld 2023-03-15: de termijnen van de Kamer tellen vanaf die dag
delay-one-date = een uitstelbericht heeft één datum
delay-one-date-label = `sent` staat er ook
delay-one-date-hint = houd `sent: DATUM`
delay-missing = het uitstelbericht heeft geen `{ $name }`
delay-missing-label = hier hoort `{ $name }`
delay-missing-hint = een uitstelbericht is `{"{"} sent: 2022-11-25, reason: "…" {"}"}`: wanneer het verstuurd is, en waarom de antwoorden later komen
delay-undated = het uitstelbericht heeft geen datum en geen Aanhangsel-id
delay-undated-label = hier hoort `sent` of `aanhangsel`
delay-undated-hint = bijvoorbeeld `{"{"} sent: 2022-11-25, aanhangsel: ah-tk-20222023-1016 {"}"}`
aanhangsel-invalid = `{ $id }` is geen id van een document uit het Aanhangsel
aanhangsel-invalid-label = hier hoort `ah-tk-<jaar><volgend jaar>-<nummer>`
aanhangsel-delay-hint = het id van de Kamer voor het gepubliceerde uitstelbericht, bijvoorbeeld `ah-tk-20222023-2207`
aanhangsel-answer-hint = het id van de Kamer voor de gepubliceerde antwoorden, zoals officielebekendmakingen.nl het geeft, bijvoorbeeld `ah-tk-20222023-914`
question-id-invalid = `{ $id }` is geen geldig vraag-id
question-id-invalid-label = alleen a-z, 0-9 en _ zijn toegestaan
question-id-invalid-hint = antwoorden verwijzen ernaar als `vragen.<id>`, dus het moet een eenvoudige naam zijn
question-unanswered = de vraag heeft geen antwoord
question-unanswered-label = hier hoort `answer` of `answer_with`
question-unanswered-hint = schrijf `answer: |` met het antwoord, of `answer_with: N` om haar met vraag N te beantwoorden
question-answer-both = een vraag heeft `answer` of `answer_with`, niet allebei
question-answer-both-label = haal een van de twee weg
select-field-unknown = meldingen hebben geen veld `{ $name }` om op te selecteren
select-field-unknown-label = geen veld van een melding
select-field-nearest = bedoelt u `{ $name }`? De velden zijn: { $fields }
select-needs-test = `{ $name }` vraagt een vergelijking
select-needs-test-label = hier hoort `{"{"} since: …{"}"}`, `{"{"} contains: … {"}"}`, …
select-tests = de vergelijkingen zijn: { $tests }
select-test-unknown = `{ $name }` is geen vergelijking
select-test-unknown-label = onbekende vergelijking
annexes-reports-kind = `annexes.reports` is hier geen selectie van meldingen
annexes-reports-kind-label = onbekende selectie
annexes-reports-kind-hint = het kan zijn: { $allowed }
annexes-reports-allowed = `all`, `none`, een lijst van melding-ids (`[2021-03-09-video, …]`), of voorwaarden op de velden van de meldingen, bijvoorbeeld `{"{"} date: {"{"} since: 2021-01-01 {"}"}, accounts: {"{"} contains: facebook {"}"} {"}"}`

## Personen en persoonsgegevens (load/persons.rs)

person-address-both = een adres dat zowel weggelakt als toegestaan is
person-address-allowed = hier toegestaan
person-address-withheld = hier weggelakt
person-address-both-hint = het adres van een persoon wordt weggelakt; sta alleen de algemene adressen van het ministerie toe
person-empty = een persoon die weggelakt wordt, heeft een naam of een e-mailadres nodig
person-empty-label = geen `name` en geen `emails`
person-empty-hint = voeg `name: …` toe (zoals de naam in de gegevens staat) en/of `emails: [ … ]`
person-name-marker = een genoemde naam wordt als geheel weggelakt; er staat geen markering in
person-name-marker-label = een markering in een genoemde naam
person-name-marker-hint = schrijf de naam zoals hij in de gegevens staat, zonder `[[…]]`
person-name-short = een naam van minder dan { $letters } letters zou ook in gewone woorden gevonden worden
person-name-short-label = te kort om overal weg te lakken
person-name-short-hint = noem de volledige naam, of markeer deze plek met de hand als `[[5.1.2e: …]]`
person-email-invalid = geen e-mailadres
person-email-invalid-label = hier hoort één adres, als `naam@domein.nl`
person-email-invalid-hint = zet de naam van de persoon onder `name:`, en alleen adressen onder `emails:`
person-ground-hint = de naam van een persoon wordt weggelakt onder 5.1.2e (privacy); de gronden zijn { $grounds }
allow-invalid = niet één e-mailadres, telefoonnummer, IBAN of BSN
allow-invalid-label = niets wat de controle zou vinden
allow-invalid-hint = sta per regel één e-mailadres, telefoonnummer, IBAN of BSN toe, geschreven zoals de documenten het schrijven

## De XML van de Kamer (load/kamer.rs, `new --from`)

kamer-too-deep = elementen zijn dieper genest dan { $levels } niveaus
kamer-too-deep-label = hier te diep
kamer-too-deep-hint = geef het XML-bestand van de Kamer zoals het is gedownload: een vragenset is maar een paar niveaus diep genest
kamer-entities = het bestand declareert eigen XML-entiteiten
kamer-entities-label = een entiteitdeclaratie
kamer-entities-hint = geef het XML-bestand van de Kamer zoals het is gedownload: dat declareert geen entiteiten, en het uitvouwen ervan kan onbegrensd tijd en geheugen kosten
kamer-not-xml = geen geldige XML: { $reason }
kamer-here = hier
kamer-not-xml-hint = geef het XML-bestand van de Kamer zoals het is gedownload (kv-tk-….xml of ah-tk-….xml)
kamer-no-kamervragen = `<{ $root }>` bevat geen `<kamervragen>`: dit is niet de XML van de Kamer voor een vragenset
kamer-root-label = het hoofdelement
kamer-no-kamervragen-hint = verwacht `<officiele-publicatie>` met `<kamervragen>`, zoals in kv-tk-….xml of ah-tk-….xml
kamer-no-questions = `<kamervragen>` bevat geen `<vraag>`
kamer-no-questions-label = hier staan geen vragen
kamer-no-questions-hint = de vragen staan in `<vraag><nr>Vraag 1</nr><al>…</al></vraag>`
kamer-no-number = een `<{ $element }>` heeft geen nummer
kamer-in-here = hierin
kamer-no-number-hint = elke `<{ $element }>` begint met `<nr>` met het nummer, bijvoorbeeld `<nr>Vraag 1</nr>`
kamer-skipped = `<{ $element }>` wordt overgeslagen: het dossier heeft er geen plaats voor
kamer-skipped-label = bevat "{ $text }"
kamer-skipped-hint = neem over wat erin staat in het dossier, met de hand, als de antwoorden het nodig hebben

## Verzenden en wat verzonden is (sent.rs, model/sent.rs)

list-and = { $rest } en { $last }
unfinished-answer = het antwoord op vraag { $question } van { $dossier } is nog niet geschreven
unfinished-answer-label = een plaatshouder
unfinished-answer-hint = schrijf hier het antwoord (zie de README, "Wat een antwoordsjabloon kan gebruiken") en verzend dan
unfinished-person = `{ $field }` van { $dossier } heeft nog geen naam
unfinished-person-hint = geef `{ $field }: {"{"} name: …, short: … {"}"}` de naam van de persoon en verzend dan
sent-this-dossier = dit dossier
sent-recorded-here = hier vastgelegd
sent-here = hier
sent-what-was-sent = wat verzonden is, hier vastgelegd
resend = { $dossier } is verzonden op { $on }
resend-hint = verzonden antwoorden worden niet opnieuw verzonden: een correctie gaat als nader antwoord (`nader/`, verzonden met `beantwoord send --nader ID`)
send-no-date = { $dossier } heeft geen datum `answered`
send-no-date-hint = zet in `answered:` de datum waarop de antwoorden naar de Kamer gaan en verzend dan
follow-up-would-change = het nadere antwoord op { $dossier } is verzonden op { $on }; deze build zou het wijzigen, dus de verzonden bestanden blijven zoals ze zijn
follow-up-recorded-here = het nadere antwoord zoals verzonden, hier vastgelegd
follow-up-would-change-hint = deze versie maakt één nader antwoord per dossier: beantwoord de rest in een nieuwe vragenset, of zet de gegevens terug zoals ze verzonden zijn
sent-changed = de antwoorden op { $dossier } zijn verzonden op { $on }; de wijzigingen gaan als nader antwoord (nader/), nog niet verzonden
sent-changed-hint = de verzonden bestanden blijven zoals ze zijn; lees nader/antwoord, zet `nader: {"{"} answered: JJJJ-MM-DD, reason: … {"}"}` in het dossier en geef dan `beantwoord send --nader { $dossier }`
follow-up-not-sent = { $dossier } is nog niet verzonden
follow-up-not-sent-hint = een nader antwoord volgt op verzonden antwoorden: `beantwoord send { $dossier }` verzendt de eerste
follow-up-resend = het nadere antwoord op { $dossier } is verzonden op { $on }
follow-up-resend-hint = een verzonden nader antwoord wordt niet opnieuw verzonden
follow-up-no-date = het nadere antwoord op { $dossier } heeft geen datum
follow-up-no-date-hint = zet `nader: {"{"} answered: JJJJ-MM-DD, reason: … {"}"}` op de dag waarop het naar de Kamer gaat en verzend het dan
follow-up-nothing = niets in { $dossier } is gewijzigd sinds het op { $on } is verzonden: er is geen nader antwoord te verzenden
follow-up-nothing-hint = een nader antwoord bevat de antwoorden en bijlagen die een correctie wijzigt
sent-file-changes = { $file } zou wijzigen
sent-file-gone = { $file } zou niet meer worden gemaakt
sent-file-added = { $file } zou worden toegevoegd
sent-files-change = de bestanden die op { $on } voor { $dossier } zijn verzonden, zouden wijzigen
sent-files-change-hint = de antwoorden en bijlagen zijn zoals verzonden, dus een sjabloon of dit programma is gewijzigd: bouw met de versie die ze verzond, of gebruik `--nader` om de verzonden bestanden te houden
sent-answers-change = { $count ->
    [one] antwoord { $numbers } zou wijzigen
   *[other] antwoorden { $numbers } zouden wijzigen
}
sent-annex = bijlage { $number } (melding `{ $report }`) { $what ->
    [change] zou wijzigen
    [added] zou worden toegevoegd
   *[dropped] zou vervallen
}
sent-numbers-held = bijlagen { $kept } houden hun nummers (op datumvolgorde zouden ze nu { $moved } zijn)

## Persoonsgegevens in een openbaar document (guard.rs, personal.rs)

personal-kind-email = een e-mailadres
personal-kind-phone = een telefoonnummer
personal-kind-iban = een IBAN
personal-kind-bsn = een BSN (burgerservicenummer)
guard-unmarked-output = het openbare document { $output } bevat { $kind }, niet gemarkeerd
guard-unmarked-output-label = in de uitvoer van dit dossier; geen bron schrijft het zo (voegt een sjabloon het samen?)
guard-unmarked = hier staat { $kind }, niet gemarkeerd, en het wordt gepubliceerd
guard-published-in = gepubliceerd in { $output }
guard-hint = lak het weg als `[[5.1.2e: …]]`, zet de persoon in persons.yaml (`persons:`), of zet het onder `allow:` daar als het een algemeen adres of nummer van het ministerie is

## De build (pipeline.rs): de DiWoo-index, weggelakte passages, lettertypen

diwoo-no-publisher = diwoo.xml wordt niet gemaakt voor { $dossier }: voor het ministerie is geen TOOI-identificatie bekend
diwoo-no-publisher-label = gepubliceerd door { $ministry }
diwoo-no-publisher-hint = zet `woo: {"{"} publisher: https://identifier.overheid.nl/tooi/id/… {"}"}` in het dossier
diwoo-no-base-url = diwoo.xml wordt niet gemaakt voor { $dossier }: er is geen basis-URL voor de publicatie gezet
diwoo-no-base-url-label = de index heeft van elk document de volledige URL nodig
diwoo-no-base-url-hint = zet `woo: {"{"} base_url: https://… {"}"}` in het dossier: waar de bestanden worden gepubliceerd
leak-identifier = een identificatie bevat een weggelakte passage, en wordt gepubliceerd
leak-identifier-label = in deze identificatie
leak-withheld-here = hier weggelakt
leak-identifier-hint = een identificatie (een id, een bestandsnaam, een link) wordt gepubliceerd zoals ze is en kan geen markering bevatten: hernoem haar zodat ze de passage niet meer bevat
leak-unmarked = hier staat een weggelakte passage zonder markering, en ze wordt gepubliceerd
leak-unmarked-label = hier gewoon geschreven
leak-unmarked-hint = markeer haar ook hier, als `[[5.1.2e: …]]` met dezelfde grond
leak-output = het openbare document { $output } bevat een passage die elders is weggelakt
leak-output-hint = een sjabloon schrijft haar of voegt haar samen uit stukken, of een link of identificatie bevat haar binnen een woord (`brief-janpietersen`): markeer haar, of haal haar weg
glyphs-withheld = tekens in weggelakte passages (hier niet genoemd)
glyphs-missing = { $file }: het lettertype heeft geen glyph voor { $chars }
glyphs-missing-hint = ze worden getoond als vervangingsteken (U+FFFD); gebruik een ander teken in de stukken

## De antwoorden en bijlagen (answers/)

in-this-template = in dit sjabloon
frame-twice = plaatst de bijlagen meer dan eens
footnote-twice = {$document}: de voetnoot `[^{$label}]` is meer dan eens gedefinieerd
footnote-twice-hint = geef elke voetnoot een eigen label: een verwijzing kan maar naar één definitie wijzen, en de voetnoot van een weggelakte passage mag niet die zijn die een openbare verwijzing toont
frame-in-text = plaatst de bijlagen midden in andere tekst
frame-in-block = plaatst de bijlagen binnen een blok (`{"{"}% if %{"}"}`, `{"{"}% for %{"}"}`, …)
frame-missing = plaatst de bijlagen niet
frame-hint = schrijf `{"{{"} bijlagen {"}}"}` één keer, op een eigen regel en buiten elke `{"{"}% if %{"}"}` of `{"{"}% for %{"}"}`, waar de bijlagen moeten komen
no-document-headings = bijlage.md begint niet elk document met een kop met `{"{"}.document{"}"}`: er wordt geen pdf per Woo-document gemaakt
no-document-headings-hint = begin elk document van `bijlage.documents` met een kop `### … {"{"}.document{"}"}`, zoals het ingebouwde sjabloon doet
footnote-used-label = gebruikt in een uitgewerkt antwoord van dit dossier

## De uitvoer schrijven (build.rs, output.rs)

commit-output = kan de uitvoer niet op zijn plaats zetten: { $error }
    {"  "}de uitvoermappen zijn zoals ze vóór deze build waren
commit-lock = kan niet vastleggen wat verzonden is in { $path }: { $error }
    {"  "}de documenten zijn gemaakt; geef `beantwoord send` opnieuw zodra in de map geschreven kan worden
output-unusable = kan de uitvoermap niet gebruiken: { $error }
output-link-hint = het programma beheert zijn uitvoermappen: het schrijft daar echte mappen en bestanden
output-cannot-write = kan { $path } niet schrijven: { $error }
output-link = { $path } is een symbolische koppeling; koppelingen in een uitvoermap worden nooit gevolgd (verwijder haar, dan maakt het opbouwen de map zelf)
output-file-at-dossier = er staat een bestand waar de map van het dossier komt
output-folder-at-file = er staat een map waar het bestand komt
output-own-file-at-folder = een bestand van deze build staat waar een map is
output-file-at-folder = er staat een bestand waar deze build een map maakt

## new, status en serve in de terminal (cli/, workbench/server.rs)

new-too-large = { $file }: het bestand is groter dan { $mib } MiB; een vragenset is veel kleiner
new-not-utf8 = { $file }: geen UTF-8-tekst
new-as-downloaded = geef het XML-bestand van de Kamer zoals het is gedownload
new-unreadable = { $file }: kan niet worden gelezen: { $error }
new-failed = dossier beginnen mislukt: { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }; er is niets geschreven
new-no-case = { $file }: het bestand geeft het zaaknummer niet (geen `OVERHEIDop.vraagnummer` of `kv-tk-…` in de metadata)
new-no-case-hint = geef het dossiernummer zelf: `beantwoord new --from { $file } --id 2022Z21205`
new-unsafe-id = `{ $id }` is geen veilige mapnaam
new-unsafe-id-hint = gebruik het nummer van de Kamer, bijvoorbeeld `--id 2022Z21205` (letters, cijfers, `.`, `_`, `-`)
new-started = dossier { $dossier } begonnen: { $questions ->
        [one] 1 vraag
       *[other] { $questions } vragen
    }, { $answers ->
        [one] 1 antwoord
       *[other] { $answers } antwoorden
    } uit het bestand; vul nu in wat het commentaar vraagt en geef dan `beantwoord build --dossier { $dossier }`
new-exists = { $path } bestaat al; het wordt niet overschreven
new-exists-hint = verwijder of hernoem het eerst, of geef een ander `--id`
status-failed = status mislukt: de gegevens bevatten { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }
serve-open = de voorbeeldweergave luistert op { $address }: andere machines die dit adres bereiken kunnen de documenten lezen
serve-open-internal = de voorbeeldweergave luistert op { $address }: andere machines die dit adres bereiken kunnen de documenten lezen, ook de interne weergave met de weggelakte passages
serve-in-use = kan de voorbeeldweergave niet starten op { $address }: de poort is in gebruik (een andere `beantwoord serve`?); kies een andere met --port
serve-cannot-bind = kan de voorbeeldweergave niet starten op { $address }: { $error }
serve-cannot-watch = kan de gegevensmap niet volgen op wijzigingen: { $error }
serve-rebuilt = opnieuw gebouwd in { $ms } ms
serve-rebuilt-with-errors = opnieuw gebouwd in { $ms } ms (de gegevens hebben fouten: ze staan op de pagina's)
serve-sources = bronnen bepaald in { $ms } ms
serve-listening = beantwoord serve: { $url } (stoppen met Ctrl-C)

## Een opdrachtregel die niet wordt begrepen (cli/parse_error.rs)

cli-unknown-command = onbekende opdracht `{ $name }`
cli-unknown-option = onbekende optie `{ $name }`
cli-suggest = bedoelt u { $name }?
cli-no-value = `{ $option }` heeft een waarde nodig
cli-invalid-value = `{ $value }` is geen waarde van `{ $option }`
cli-possible-values = de waarden zijn { $values }
cli-invalid-value-because = `{ $value }` is geen waarde van `{ $option }`: { $reason }
cli-missing = { $args } ontbreekt
cli-missing-command = welke opdracht? (check, build, send, new, status, serve)
cli-conflict = `{ $option }` kan niet samen met `{ $other }`
cli-not-understood = de opdrachtregel wordt niet begrepen: { $detail }
cli-more = meer in `--help`
cli-options-word = OPTIES
cli-command-word = OPDRACHT
cli-not-a-date = geen datum: schrijf JJJJ-MM-DD
# De namen van de waarden van de opties in --help (`--data <MAP>`).
value-DIR = MAP
value-FILE = BESTAND
value-FORMAT = FORMAAT
value-DATE = DATUM

## Weglakmarkeringen (redaction.rs, load/read.rs)

marker-label = geen goed gevormde weglakmarkering
marker-unclosed = weglakmarkering `[[` wordt nergens gesloten
marker-unclosed-hint = sluit haar met `]]` op dezelfde regel: `[[5.1.2e: …]]`
marker-split = weglakmarkering loopt over meer regels
marker-split-hint = houd `[[grond: woorden]]` op één regel
marker-nested = weglakmarkeringen kunnen niet in elkaar staan
marker-nested-hint = lak de hele passage één keer weg: `[[5.1.2e: …]]`
marker-unknown-ground = `{ $code }` is geen grond van de Woo
marker-text-not-ground = de tekst vóór `:` is geen grond van de Woo
marker-grounds-hint = gebruik een van { $grounds }
marker-empty = een weglakmarkering heeft een grond en de weggelakte woorden nodig
marker-empty-hint = schrijf `[[5.1.2e: de woorden]]`
marker-near-hint = schrijf een weggelakte passage als `[[5.1.2e: woorden]]`, met twee gewone vierkante haken aan elke kant
marker-lookalike = een haak die lijkt op die van een weglakmarkering, maar geen `[` of `]` is
marker-brackets-split = de haken van een weglakmarkering worden gescheiden door een spatie of een onzichtbaar teken
marker-one-bracket = een weglakmarkering heeft twee openingshaken nodig
marker-stray-close = `]]` sluit geen weglakmarkering
text-too-nested = deze tekst nest citaten en lijsten { $depth } niveaus diep; de grens is { $limit }
text-too-nested-label = vanaf hier te diep genest
text-too-nested-hint = een antwoord heeft hooguit een paar niveaus citaten (`>`) en lijsten nodig; schrijf het platter
bad-character = dit veld bevat het teken { $code }, dat geen document kan bevatten
bad-character-label = een teken dat geen document kan bevatten
bad-character-hint = verwijder het (een `\u`- of `\x`-escape tussen aanhalingstekens schrijft er een); tabs en regeleinden zijn goed

## Documentsjablonen: voorwerk, markeringen, lussen, het logo

template-bad-marker = { $template } maakt een misvormde weglakking: { $problems }
template-bad-marker-label = het document dat dit sjabloon maakt
template-rendered-for = uitgewerkt voor dit dossier
template-bad-marker-hint = een sjabloon moet een weggelakte passage heel laten: druk haar af zoals ze komt, knip of plak haar niet
meta-error = het document { $template } { $problem }
meta-error-label = voor dit dossier
meta-error-made-by = gemaakt door dit sjabloon
meta-error-hint = het voorwerk van een documentsjabloon zet title, author, dossier en date (of submitted); zie de ingebouwde sjablonen
meta-missing = heeft geen voorwerk (een blok `---` met title, author en date)
meta-unreadable = heeft voorwerk dat niet kan worden gelezen: { $reason }
meta-absent = zet geen `{ $field }` in het voorwerk
meta-bad-date = voorwerk `{ $field }: { $value }` is geen datum: { $reason }
meta-not-a-map = verwacht regels `sleutel: waarde`
loop-set = `{"{"}% set { $name } = … %{"}"}` binnen een `for`-lus verandert `{ $name }` na de lus niet
loop-set-label = alleen de eigen kopie van de lus verandert
loop-set-outside = de waarde na de lus is de waarde die hier wordt gezet
loop-set-hint = tel of verzamel liever met een filter, bijvoorbeeld `{"{"}% set { $name } = reports | filter(attribute="accounts", contains="facebook") | length %{"}"}` (zie de README, "Wat een antwoordsjabloon kan gebruiken"); of schrijf `set_global` om het voor het hele sjabloon te veranderen
template-unreadable = { $file }: kan niet worden gelezen: { $error }
logo-hint = sla het logo van het ministerie op als PNG-afbeelding (RGB of grijswaarden, transparantie toegestaan) van hooguit { $side } pixels per zijde, of verwijder het bestand om alleen het woordmerk te drukken
logo-other-format = { $file } wordt niet gebruikt: het logo van de brieven moet een PNG-bestand zijn
logo-other-format-hint = sla het logo op als PNG-afbeelding in { $file }
logo-unreadable = kan niet worden gelezen: { $error }
logo-too-large = is { $bytes } bytes; een logo mag hooguit { $most } bytes zijn
logo-not-png = is geen PNG-afbeelding die het programma kan lezen: { $error }
logo-too-many-pixels = is { $width } × { $height } pixels; een logo mag hooguit { $side } pixels per zijde zijn

## De instellingen van de opdracht (settings.rs)

settings-no-templates = --templates { $path }: die map bestaat niet
    {"  "}tip: laat --templates weg om templates/ naast de gegevensmap te gebruiken (of de ingebouwde sjablonen)
settings-not-an-id = { $flag } `{ $id }`: geen dossier kan dit nummer hebben
    {"  "}tip: het nummer van een dossier is dat van de Kamer, bijvoorbeeld `2022Z21205` (letters, cijfers, `.`, `_`, `-`); `beantwoord status` somt de dossiers op
settings-overlap = { $flag } { $out }: de uitvoermap mag niet { $what ->
        [data] de gegevensmap
        [templates] de sjablonenmap
       *[public] de openbare uitvoermap
    } zijn, bevatten of erin liggen ({ $other })
    {"  "}tip: het programma vervangt en verwijdert bestanden in zijn uitvoermappen; geef het een eigen map, bijvoorbeeld `{ $flag } { $example }`

## De filters en grenzen van een sjabloon (answers/filters.rs, answers/limits.rs)

filter-count = verwacht een aantal van 0 of meer, niet { $value }
filter-date-empty = verwacht een datum, maar er staat niets (is het veld leeg?)
filter-date-kind = verwacht een datum, niet { $kind }
filter-date = verwacht een datum: { $reason }
filter-precision = precisie `{ $value }` is niet een van dag, maand, jaar
filter-not-through = deze melding is niet via `{ $account }` gedaan
filter-none-annexed = geen van deze meldingen is als bijlage opgenomen (zie `annexes.reports` van het dossier)
filter-no-condition = zeg waarmee `{ $attribute }` wordt vergeleken: een van { $conditions }
limit-output = de uitvoer van het sjabloon passeert de grens van { $mib } MiB
limit-not-utf8 = de uitvoer is geen UTF-8: { $error }
limit-range-step = `range` is aangeroepen met `step_by=0`
limit-range = `range` zou in één sjabloon tot meer dan { $most } getallen tellen (lussen in lussen tellen samen)

## Woo-identificaties en -adressen in de gegevens (load/records.rs, load/dossier.rs)

document-id-invalid = `{ $value }` is geen document-ID
document-id-invalid-label = alleen letters, cijfers, `.` en `-`, hooguit { $most }
document-id-invalid-hint = de vorm van de publicatieplatforms is `<prefix>-<zaak>-<nummer>`, bijvoorbeeld `BZK-534-3444`
id-part-invalid = `{ $value }` kan niet in een document-ID staan
id-part-invalid-hint = bijvoorbeeld `{ $example }`
tooi-invalid = `{ $value }` is geen TOOI-identificatie
tooi-invalid-label = verwacht `https://identifier.overheid.nl/tooi/id/…`
tooi-invalid-hint = de TOOI-identificatie van de uitgever, bijvoorbeeld `https://identifier.overheid.nl/tooi/id/ministerie/mnre1034` (BZK)
category-invalid = `{ $value }` is geen informatiecategorie van de Woo-index
category-invalid-label = onbekende categorie
category-invalid-hint = een van { $codes } (c_c76862ab: vergaderstukken Staten-Generaal; c_3baef532: Woo-verzoeken en -besluiten)
url-invalid = `{ $value }` is geen absolute http(s)-URL
url-invalid-label = verwacht `https://host/pad/`
base-url-hint = waar de bestanden van het dossier worden gepubliceerd, met schema en host (de `loc` van een sitemap moet absoluut zijn), bijvoorbeeld `base_url: https://open.overheid.nl/documenten/2022Z21205/`
published-link-hint = het adres van de publicatie van het eerdere dossier, waaronder de documenten staan als `documenten/<ID>.pdf`
yaml-aliases-too-large = met de aliassen uitgeschreven passeert de tekst van dit bestand de grens van { $mib } MiB

## De eigen meldingen van Tera, opnieuw gezegd (answers/tera_words.rs)

tera-did-you-mean = bedoelt u `{ $name }`?
tera-field-unknown = het veld `{ $name }` bestaat niet; de velden zijn { $fields }{ $nearest ->
        [none] {""}
       *[other] ; { $nearest }
    }
tera-field-unknown-bare = het veld `{ $name }` bestaat niet
tera-variable-unknown = de naam `{ $name }` is onbekend; dit sjabloon kent { $variables }{ $nearest ->
        [none] {""}
       *[other] ; { $nearest }
    }
tera-variable-unknown-bare = de naam `{ $name }` is onbekend
tera-variable-empty = `{ $name }` bestaat, maar heeft hier geen waarde
tera-wrong-type = verkeerde soort waarde: verwacht { $expected }, maar dit is { $got }
tera-math-numbers = rekenen kan alleen met getallen; dit is { $found }
tera-divide-by-zero = delen door 0 kan niet
tera-compare = { $a } kan niet worden vergeleken met { $b }
tera-found-expected = gevonden { $found }, maar verwacht { $expected }
tera-unexpected-end = het sjabloon houdt op midden in een `{"{{"} … {"}}"}` of `{"{"}% … %{"}"}`
tera-unexpected-character = een teken dat hier niet kan staan
tera-unknown-template = er is geen sjabloon `{ $name }`
tera-missing-argument = het argument `{ $name }` ontbreekt
tera-argument-twice = het argument `{ $name }` wordt meer dan eens gegeven
tera-not-iterable = `for` kan niet door { $kind } lopen
tera-no-length = { $kind } heeft geen lengte
tera-render-undefined = een waarde die niet bestaat kan niet worden afgedrukt
tera-index-undefined = een waarde die niet bestaat heeft geen onderdelen
tera-string-unclosed = een tekst die met { $quote } begint, wordt niet gesloten
tera-closing-tag = `{ $end }` sluit `{ $name }` niet
tera-not-a-number = `{ $value }` is geen getal
tera-number-filter = dit filter werkt alleen op een getal, niet op { $kind }
tera-type-number = een getal
tera-type-text = tekst
tera-type-bool = waar of onwaar
tera-type-list = een lijst
tera-type-map = een verzameling velden
tera-type-nothing = niets
tera-operands = `{ $op }` heeft twee getallen nodig; hier staan { $a } en { $b }
yaml-alias-limit = de aliassen (`*naam`) herhalen zich te vaak
yaml-too-deep = de waarden zijn te diep genest
yaml-colon = hier staat een `:` waar YAML haar niet kan lezen (staat er hierboven een `[`, `{"{"}` of aanhalingsteken open?)
yaml-tab = een tab in het inspringen; spring in met spaties
yaml-unclosed-quote = een aanhalingsteken wordt niet gesloten
yaml-duplicate-key = het veld `{ $key }` staat hier twee keer (of er ontbreekt een `-` voor een nieuw onderdeel)
yaml-expected-dash = verwacht een nieuw onderdeel (`- …`) van de lijst op deze inspringing
yaml-flow-map = verwacht `,` of `{"}"}` in een `{"{"} … {"}"}` (is die gesloten?)
yaml-flow-list = verwacht `,` of `]` in een `[ … ]` (is die gesloten?)
yaml-unknown-anchor = een alias (`*naam`) zonder anker (`&naam`) erboven
yaml-escape = een onbekende escape (`\…`) in een waarde tussen dubbele aanhalingstekens; schrijf `\\` voor een backslash, of gebruik enkele aanhalingstekens
yaml-bracket = een haak die niets sluit
yaml-after-quote = tekst na het sluitende aanhalingsteken van een waarde (staat er een aanhalingsteken in dat niet is ge-escaped?)
serve-refused-host = geweigerd: deze voorbeeldweergave beantwoordt alleen verzoeken aan haar eigen adres

## Het dossierbestand dat `new` schrijft (scaffold.rs): het commentaar

scaffold-opening = Begonnen met `beantwoord new` uit { $from }: de vragen zoals de Kamer ze publiceerde.
    Nog te doen: de volledige naam van wie antwoordt, elk antwoord (een sjabloon: zie de README,
    "Wat een antwoordsjabloon kan gebruiken"), en welke meldingen in de bijlagen komen.
scaffold-fill-in-absent = niet in het bestand: invullen
scaffold-absent = niet in het bestand
scaffold-full-name = de volledige naam: invullen
scaffold-who-answers = wie antwoordt: invullen
scaffold-delay-notices = de uitstelberichten die het antwoord noemt ("Zie ook Aanhangsel …"); zet bij elk `sent:` met de dag waarop het verstuurd is
scaffold-annexes = all of none: welke meldingen als bijlage worden opgenomen
lock-opening = Wat naar de Kamer is verzonden, vastgelegd door `beantwoord send`. Bewaar dit bestand
    bij de gegevens en wijzig het niet: een verzonden antwoord, bijlage of bestand wordt nooit
    herschreven; een correctie gaat als nader antwoord (nader/, `beantwoord send --nader`).

## Wat het besturingssysteem zegt (i18n::io_error)

io-not-found = bestand of map bestaat niet
io-permission = geen toestemming
io-not-a-directory = er staat een bestand waar een map nodig is
io-is-a-directory = dit is een map, geen bestand
io-exists = het bestaat al
io-full = de schijf is vol
io-read-only = het bestandssysteem is alleen-lezen
io-not-utf8 = geen UTF-8-tekst

## Namen in de argumenten van een filter (answers/lint.rs)

argument-unknown-account = er is geen account `{ $name }`: het filter zou er geen melding via vinden
argument-unknown-field = er is geen veld `{ $name }`: het filter zou er niets in vinden
argument-unknown-label = onbekende naam
argument-nearest = bedoelt u `{ $name }`? De namen zijn { $known }
argument-known-accounts = de accounts zijn { $known }
argument-known-fields = de velden zijn { $known }
cli-not-a-number = geen geheel getal
cli-not-an-address = geen IP-adres (schrijf het in cijfers, bijvoorbeeld 127.0.0.1 of ::1)
cli-out-of-range = niet tussen { $low } en { $high }
serve-watcher-failed = het volgen van de bestanden is mislukt
serve-no-data = de voorbeeldweergave start niet zonder haar gegevensmap
xml-unknown-token = iets wat geen XML is
xml-no-root = het bestand bevat geen element
xml-unclosed = het bestand houdt op voordat de elementen gesloten zijn
xml-close-tag = `</{ $found }>` waar `</{ $expected }>` werd verwacht
xml-attribute-twice = het attribuut `{ $name }` staat er twee keer
xml-unknown-entity = de entiteit `&{ $name };` is onbekend
xml-too-large = het bestand bevat meer elementen dan een vragenset kan hebben
filter-unknown-argument-nearest = `{ $filter }` kent geen argument `{ $name }`; bedoelt u `{ $nearest }`?
filter-unknown-argument = `{ $filter }` kent geen argument `{ $name }`; het kent { $known }
filter-takes-no-arguments = `{ $filter }` neemt geen argumenten, ook niet `{ $name }`
