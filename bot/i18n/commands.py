"""Replies to /ticket: what a subcommand did, ticket lists, and the help."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- what a subcommand did ---------------------------------------------------------------
    "ok.registered": {
        "nl": "{number} is geregistreerd voor {customer} ({priority}, {line}). {contact} krijgt een bevestiging per e-mail.",
        "en": "{number} is registered for {customer} ({priority}, {line}). {contact} gets a confirmation by e-mail.",
    },
    "ok.registered_incomplete": {
        "nl": "{number} is geregistreerd voor {customer} ({priority}, {line}) en wacht op informatie. {contact} krijgt een e-mail met wat er ontbreekt.",
        "en": "{number} is registered for {customer} ({priority}, {line}) and is waiting for information. {contact} gets an e-mail saying what is missing.",
    },
    "ok.take": {"nl": "Je hebt {number} opgepakt.", "en": "You took {number}."},
    "ok.assign": {
        "nl": "{number} is toegewezen aan {assignee}.",
        "en": "{number} is assigned to {assignee}.",
    },
    "ok.reclassify": {
        "nl": "{number} is geherclassificeerd: {priority}, {line}.",
        "en": "{number} is reclassified: {priority}, {line}.",
    },
    # Reclassified with scope= (billable work's rules 4 and 5): the scope as it now is.
    "ok.reclassify_scope": {
        "nl": "{number} is geherclassificeerd: {priority}, {line}, {scope}.",
        "en": "{number} is reclassified: {priority}, {line}, {scope}.",
    },
    "ok.escalate": {
        "nl": "{number} is geëscaleerd naar de {line}.",
        "en": "{number} is escalated to the {line}.",
    },
    "ok.wait": {
        "nl": "{number} wacht op de klant; {contact} krijgt een e-mail.",
        "en": "{number} is waiting for the customer; {contact} gets an e-mail.",
    },
    "ok.wait_third_party": {
        "nl": "{number} wacht op een derde partij.",
        "en": "{number} is waiting for a third party.",
    },
    "ok.resolve": {
        "nl": "{number} is opgelost; {contact} krijgt een e-mail.",
        "en": "{number} is resolved; {contact} gets an e-mail.",
    },
    "ok.close": {"nl": "{number} is gesloten.", "en": "{number} is closed."},
    "ok.close_cancelled": {
        "nl": "{number} is gesloten zonder oplossing ({reason}); lopende SLA-klokken zijn geannuleerd.",
        "en": "{number} is closed without a resolution ({reason}); running SLA clocks are cancelled.",
    },
    "ok.reopen": {"nl": "{number} is heropend.", "en": "{number} is reopened."},
    "ok.resume": {
        "nl": "{number} is hervat; de SLA-klokken lopen weer.",
        "en": "{number} is resumed; the SLA clocks run again.",
    },
    "ok.note": {"nl": "Notitie toegevoegd aan {number}.", "en": "Note added to {number}."},
    "ok.lang": {
        "nl": "Balie antwoordt je voortaan in het Nederlands.",
        "en": "Balie will answer you in English from now on.",
    },
    "ok.nothing_changed": {
        "nl": "{number} was al zo; er is niets veranderd.",
        "en": "{number} was already like that; nothing changed.",
    },
    # --- /ticket lijst -----------------------------------------------------------------------
    "list.header": {
        "nl": {"one": "{count} ticket · {filter}", "other": "{count} tickets · {filter}"},
        "en": {"one": "{count} ticket · {filter}", "other": "{count} tickets · {filter}"},
    },
    "list.empty": {"nl": "Geen tickets gevonden ({filter}).", "en": "No tickets found ({filter})."},
    "list.row": {
        "nl": "*{number}* · {priority} · {status} · {customer} · {subject} · {assignee}",
        "en": "*{number}* · {priority} · {status} · {customer} · {subject} · {assignee}",
    },
    "list.filter_open": {"nl": "open tickets", "en": "open tickets"},
    "list.filter_mine": {"nl": "van mij", "en": "mine"},
    "list.more": {
        "nl": {
            "one": "Alleen het eerste ticket staat hier; verfijn het filter.",
            "other": "Alleen de eerste {count} tickets staan hier; verfijn het filter.",
        },
        "en": {
            "one": "Only the first ticket is shown; narrow the filter.",
            "other": "Only the first {count} tickets are shown; narrow the filter.",
        },
    },
    # --- /ticket help ------------------------------------------------------------------------
    "help.ticket": {
        "nl": "*Balie: /ticket*\n"
        "`/ticket` opent het formulier voor een nieuw ticket.\n"
        '`/ticket nieuw klant=CODE contact=NAAM|E-MAIL via=telefoon|e-mail type={types} impact=hoog|midden|laag urgentie=hoog|midden|laag [omschrijving="…"] [ontbreekt="…"] onderwerp`\n'
        "`/ticket pak NUMMER` · `/ticket wijs-toe NUMMER @iemand` · `/ticket herclassificeer NUMMER [type=…] [impact=…] [urgentie=…] [scope=…]`\n"
        "`/ticket escaleer NUMMER reden` · `/ticket wacht NUMMER wat de klant moet doen` · `/ticket los-op NUMMER oplossing`\n"
        "`/ticket derde NUMMER klant|onderaannemer reden` (alleen een derde van de klant pauzeert de SLA)\n"
        "`/ticket hervat NUMMER` (de klant heeft gereageerd) · `/ticket sluit NUMMER [dubbel|ingetrokken|buiten-scope]` (de reden als het niet is opgelost) · `/ticket heropen NUMMER reden` · `/ticket notitie NUMMER tekst`\n"
        "`/ticket toon NUMMER` · `/ticket lijst [mijn] [lijn=1|2|3] [klant=CODE] [status=…|alle]` · `/ticket taal nl|en`\n"
        "*Tijd en doorbelasten*\n"
        "`/ticket tijd NUMMER 45m [omschrijving] [soort=…]` schrijft tijd · `/ticket tijd NUMMER corrigeer TIJDREGEL 30m` vervangt een tijdregel (0m schrapt hem) · `/ticket tijd NUMMER` toont de tijd\n"
        "`/ticket verwijs NUMMER handleiding-of-link` verwijst de klant en lost de vraag op · `/ticket koppel NUMMER NUMMER-MET-VERWIJZING` (of `los`): tijd op een gekoppelde vraag wordt doorbelast\n"
        "`/ticket scope NUMMER buiten-scope:…|uitsluiting:…|binnen-scope` · `/ticket opdracht NUMMER REFERENTIE [datum] [door=naam]` (uitgesloten werk pas na een schriftelijke opdracht)",
        "en": "*Balie: /ticket*\n"
        "`/ticket` opens the new-ticket form.\n"
        '`/ticket new customer=CODE contact=NAME|E-MAIL via=phone|email type={types} impact=high|medium|low urgency=high|medium|low [description="…"] [missing="…"] subject`\n'
        "`/ticket take NUMBER` · `/ticket assign NUMBER @someone` · `/ticket reclassify NUMBER [type=…] [impact=…] [urgency=…] [scope=…]`\n"
        "`/ticket escalate NUMBER reason` · `/ticket wait NUMBER what the customer must do` · `/ticket resolve NUMBER resolution`\n"
        "`/ticket third-party NUMBER customer|subcontractor reason` (only the customer's own third party pauses the SLA)\n"
        "`/ticket resume NUMBER` (the customer answered) · `/ticket close NUMBER [duplicate|withdrawn|out-of-scope]` (the reason when it was not resolved) · `/ticket reopen NUMBER reason` · `/ticket note NUMBER text`\n"
        "`/ticket show NUMBER` · `/ticket list [mine] [line=1|2|3] [customer=CODE] [status=…|all]` · `/ticket lang nl|en`\n"
        "*Time and charging*\n"
        "`/ticket time NUMBER 45m [description] [kind=…]` logs time · `/ticket time NUMBER correct ENTRY 30m` replaces an entry (0m cancels it) · `/ticket time NUMBER` shows the time\n"
        "`/ticket refer NUMBER manual-or-link` refers the customer and resolves the question · `/ticket link NUMBER NUMBER-WITH-REFERRAL` (or `none`): time on a linked question is charged\n"
        "`/ticket scope NUMBER out-of-scope:…|exclusion:…|in-scope` · `/ticket order NUMBER REFERENCE [date] [by=name]` (excluded work only after a written order)",
    },
}
