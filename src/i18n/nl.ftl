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
