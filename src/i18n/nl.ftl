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
template-filters = de filters: { $ours }; van Tera: { $tera }
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
template-can-use = dit sjabloon kent de namen { $variables }; de filters: { $ours } (README.md, "Wat een antwoordsjabloon kan gebruiken"); van Tera: { $tera }
template-unknown-test = onbekende test `{ $name }`
template-tests = de tests: defined, undefined, none, string, number, integer, float, bool, array, map, iterable, odd, even, divisible_by, starting_with, ending_with, containing
template-unknown-function = onbekende functie `{ $name }`
template-functions = de functies: range(end=…, start=…, step_by=…) en throw(message=…)
