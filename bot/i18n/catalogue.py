"""Every sentence Balie says, in Dutch and English. Keys are stable; tests check that both
languages exist for every key and use the same placeholders."""

# ruff: noqa: E501

MESSAGES: dict[str, dict[str, str]] = {
    # --- vocabulary -------------------------------------------------------------------------
    "status.new": {"nl": "Nieuw", "en": "New"},
    "status.in_progress": {"nl": "In behandeling", "en": "In progress"},
    "status.waiting_info": {"nl": "Wacht op informatie", "en": "Waiting for information"},
    "status.waiting_customer": {"nl": "Wacht op klant", "en": "Waiting for customer"},
    "status.resolved": {"nl": "Opgelost", "en": "Resolved"},
    "status.closed": {"nl": "Gesloten", "en": "Closed"},
    "level.high": {"nl": "hoog", "en": "high"},
    "level.medium": {"nl": "midden", "en": "medium"},
    "level.low": {"nl": "laag", "en": "low"},
    "via.phone": {"nl": "telefoon", "en": "phone"},
    "via.email": {"nl": "e-mail", "en": "e-mail"},
    "tier.gold": {"nl": "Goud", "en": "Gold"},
    "tier.silver": {"nl": "Zilver", "en": "Silver"},
    "tier.bronze": {"nl": "Brons", "en": "Bronze"},
    "role.main": {"nl": "hoofdcontactpersoon", "en": "main contact"},
    "role.it": {"nl": "IT-contactpersoon", "en": "IT contact"},
    "role.end_user": {"nl": "eindgebruiker", "en": "end user"},
    "staff.agents": {"nl": "agents", "en": "agents"},
    "staff.team_leads": {"nl": "teamleiders", "en": "team leads"},
    "staff.admins": {"nl": "beheerders", "en": "admins"},
    "terms.korton": {
        "nl": "Algemene Voorwaarden Korton (contract vóór 1 maart 2018)",
        "en": "Korton General Terms (contract before 1 March 2018)",
    },
    "terms.nederland_ict": {
        "nl": "Nederland ICT Voorwaarden (contract vanaf 1 maart 2018)",
        "en": "Nederland ICT Terms (contract from 1 March 2018)",
    },
    "priority.reason": {
        "nl": "impact {impact} × urgentie {urgency} → {priority} ({label})",
        "en": "impact {impact} × urgency {urgency} → {priority} ({label})",
    },
    "nobody": {"nl": "niemand", "en": "nobody"},
    "words.one_of": {"nl": "{items} of {last}", "en": "{items} or {last}"},
    "words.number": {"nl": "NUMMER", "en": "NUMBER"},
    "action.take": {"nl": "oppakken", "en": "take"},
    "action.assign": {"nl": "toewijzen", "en": "assign"},
    "action.reclassify": {"nl": "herclassificeren", "en": "reclassify"},
    "action.escalate": {"nl": "escaleren", "en": "escalate"},
    "action.wait": {"nl": "op wacht zetten", "en": "wait for customer"},
    "action.resolve": {"nl": "oplossen", "en": "resolve"},
    "action.close": {"nl": "sluiten", "en": "close"},
    "action.reopen": {"nl": "heropenen", "en": "reopen"},
    "action.resume": {"nl": "hervatten", "en": "resume"},
    "action.note": {"nl": "notitie toevoegen", "en": "add a note"},
    # --- field names ------------------------------------------------------------------------
    "label.customer": {"nl": "klant", "en": "customer"},
    "label.contact": {"nl": "contact", "en": "contact"},
    "label.via": {"nl": "via", "en": "via"},
    "label.type": {"nl": "type", "en": "type"},
    "label.impact": {"nl": "impact", "en": "impact"},
    "label.urgency": {"nl": "urgentie", "en": "urgency"},
    "label.priority": {"nl": "prioriteit", "en": "priority"},
    "label.line": {"nl": "oplosgroep", "en": "line"},
    "label.status": {"nl": "status", "en": "status"},
    "label.assignee": {"nl": "behandelaar", "en": "assignee"},
    "label.subject": {"nl": "onderwerp", "en": "subject"},
    "label.description": {"nl": "omschrijving", "en": "description"},
    "label.missing": {"nl": "ontbreekt", "en": "missing"},
    "label.number": {"nl": "ticketnummer", "en": "ticket number"},
    "label.user": {"nl": "gebruiker", "en": "user"},
    "label.reason": {"nl": "reden", "en": "reason"},
    "label.text": {"nl": "tekst", "en": "text"},
    "label.code": {"nl": "code", "en": "code"},
    "label.name": {"nl": "naam", "en": "name"},
    "label.sla_tier": {"nl": "sla", "en": "sla"},
    "label.contract_date": {"nl": "contractdatum", "en": "contract date"},
    "label.account_manager": {"nl": "accountmanager", "en": "account manager"},
    "label.email": {"nl": "e-mail", "en": "e-mail"},
    "label.phone": {"nl": "telefoon", "en": "phone"},
    "label.role": {"nl": "rol", "en": "role"},
    "label.subcommand": {"nl": "opdracht", "en": "command"},
    "label.lang": {"nl": "taal", "en": "language"},
    "label.input": {"nl": "invoer", "en": "input"},
    # --- field problems ---------------------------------------------------------------------
    "field.required": {"nl": "{field} ontbreekt", "en": "{field} is missing"},
    "actor.system": {"nl": "Balie ({name})", "en": "Balie ({name})"},
    "actor.system_name": {"nl": "automatisch", "en": "automatically"},
    "field.assignee_not_staff": {
        "nl": "toewijzen kan alleen aan iemand van de servicedesk (agent, teamleider of beheerder)",
        "en": "a ticket can only be assigned to someone on the service desk (agent, team lead or admin)",
    },
    "field.too_short": {
        "nl": "{field} is te kort (minstens {min} tekens)",
        "en": "{field} is too short (at least {min} characters)",
    },
    "field.too_long": {
        "nl": "{field} is te lang (hooguit {max} tekens)",
        "en": "{field} is too long (at most {max} characters)",
    },
    "field.choice_invalid": {
        "nl": "{field}: '{value}' is geen geldige keuze",
        "en": "{field}: '{value}' is not a valid choice",
    },
    "field.format_invalid": {
        "nl": "{field}: '{value}' heeft niet de juiste vorm",
        "en": "{field}: '{value}' is not in the right format",
    },
    "field.invalid": {"nl": "{field} is ongeldig", "en": "{field} is invalid"},
    "field.unknown_key": {"nl": "onbekende sleutel '{value}'", "en": "unknown key '{value}'"},
    "field.unknown_key_choices": {
        "nl": "onbekende sleutel '{value}'; kies uit {choices}",
        "en": "unknown key '{value}'; choose from {choices}",
    },
    "field.unknown_key_suggest": {
        "nl": "onbekende sleutel '{value}'; bedoel je '{suggestion}'? Kies uit {choices}",
        "en": "unknown key '{value}'; did you mean '{suggestion}'? Choose from {choices}",
    },
    "field.unknown_word": {
        "nl": "'{value}' begrijpt Balie hier niet; kies uit {choices}",
        "en": "Balie does not understand '{value}' here; choose from {choices}",
    },
    "field.unknown_word_suggest": {
        "nl": "'{value}' begrijpt Balie hier niet; bedoel je '{suggestion}'? Kies uit {choices}",
        "en": "Balie does not understand '{value}' here; did you mean '{suggestion}'? Choose from {choices}",
    },
    "field.choice_list": {
        "nl": "{field}: '{value}' kan niet; kies {choices}",
        "en": "{field}: '{value}' is not possible; choose {choices}",
    },
    "field.choice_suggest": {
        "nl": "{field}: '{value}' kan niet; bedoel je '{suggestion}'? Kies {choices}",
        "en": "{field}: '{value}' is not possible; did you mean '{suggestion}'? Choose {choices}",
    },
    "field.level_choice": {
        "nl": "{field}: '{value}' is geen niveau; kies {choices}",
        "en": "{field}: '{value}' is not a level; choose {choices}",
    },
    "field.level_suggest": {
        "nl": "{field}: '{value}' is geen niveau; bedoel je '{suggestion}'? Kies {choices}",
        "en": "{field}: '{value}' is not a level; did you mean '{suggestion}'? Choose {choices}",
    },
    "field.type_suggest": {
        "nl": "type: '{value}' bestaat niet; bedoel je '{suggestion}'? Kies {choices}",
        "en": "type: '{value}' does not exist; did you mean '{suggestion}'? Choose {choices}",
    },
    "field.required_choice": {
        "nl": "{field} ontbreekt; kies {choices}",
        "en": "{field} is missing; choose {choices}",
    },
    "field.date_invalid": {
        "nl": "{field}: '{value}' is geen datum; schrijf JJJJ-MM-DD, zoals 2026-03-01",
        "en": "{field}: '{value}' is not a date; write YYYY-MM-DD, such as 2026-03-01",
    },
    "field.email_invalid": {
        "nl": "{field}: '{value}' is geen e-mailadres; schrijf naam@domein.nl",
        "en": "{field}: '{value}' is not an e-mail address; write name@domain.com",
    },
    "field.code_invalid": {
        "nl": "{field}: '{value}' kan niet; gebruik letters, cijfers, - en _",
        "en": "{field}: '{value}' is not possible; use letters, digits, - and _",
    },
    "field.duplicate_key": {
        "nl": "'{value}' staat er twee keer in",
        "en": "'{value}' is given twice",
    },
    "field.level_invalid": {
        "nl": "{field}: '{value}' is geen niveau; kies hoog, midden of laag",
        "en": "{field}: '{value}' is not a level; choose high, medium or low",
    },
    "field.via_invalid": {
        "nl": "via: '{value}' kan niet; kies telefoon of e-mail",
        "en": "via: '{value}' is not possible; choose phone or e-mail",
    },
    "field.type_invalid": {
        "nl": "type: '{value}' bestaat niet; kies {choices}",
        "en": "type: '{value}' does not exist; choose {choices}",
    },
    "field.number_invalid": {
        "nl": "'{value}' is geen ticketnummer; schrijf bijvoorbeeld {example} of {short}",
        "en": "'{value}' is not a ticket number; write, for example, {example} or {short}",
    },
    "field.number_required": {
        "nl": "het ticketnummer ontbreekt; schrijf bijvoorbeeld {example} of {short}",
        "en": "the ticket number is missing; write, for example, {example} or {short}",
    },
    "field.user_invalid": {
        "nl": "'{value}' is geen Slack-gebruiker; noem iemand met @",
        "en": "'{value}' is not a Slack user; mention someone with @",
    },
    "field.unknown_subcommand": {
        "nl": "'{value}' is geen opdracht",
        "en": "'{value}' is not a command",
    },
    "field.unknown_subcommand_suggest": {
        "nl": "'{value}' is geen opdracht; bedoel je '{suggestion}'?",
        "en": "'{value}' is not a command; did you mean '{suggestion}'?",
    },
    "field.unbalanced_quotes": {
        "nl": "er ontbreekt een afsluitend aanhalingsteken",
        "en": "a closing quote is missing",
    },
    "field.customer_unknown": {
        "nl": "klant '{value}' bestaat niet",
        "en": "customer '{value}' does not exist",
    },
    "field.contact_unknown": {
        "nl": "{value} is geen contactpersoon van {customer}",
        "en": "{value} is not a contact of {customer}",
    },
    "field.contact_ambiguous": {
        "nl": "'{value}' past bij meer contactpersonen van {customer}: {candidates}; schrijf de hele naam of het e-mailadres",
        "en": "'{value}' matches several contacts of {customer}: {candidates}; write the full name or the e-mail address",
    },
    "field.lang_invalid": {"nl": "kies nl of en", "en": "choose nl or en"},
    "field.nothing_to_change": {
        "nl": "geef type=, impact= of urgentie= op",
        "en": "give type=, impact= or urgency=",
    },
    "field.text_required": {"nl": "schrijf er een {field} bij", "en": "add a {field}"},
    # --- errors -----------------------------------------------------------------------------
    "error.generic": {
        "nl": "Er ging iets mis bij Balie. Er is niets opgeslagen; probeer het zo nog eens.",
        "en": "Something went wrong in Balie. Nothing was saved; please try again shortly.",
    },
    "error.bad_payload": {
        "nl": "Balie kon dit verzoek van Slack niet lezen; er is niets opgeslagen. Probeer het nog eens en meld het bij een beheerder als het blijft gebeuren.",
        "en": "Balie could not read this request from Slack; nothing was saved. Try again, and tell an admin if it keeps happening.",
    },
    "error.invalid_input": {
        "nl": "Dat kan Balie niet verwerken, er is niets opgeslagen:",
        "en": "Balie cannot process that, nothing was saved:",
    },
    "error.not_found": {
        "nl": "{what} {value} bestaat niet.",
        "en": "{what} {value} does not exist.",
    },
    "error.forbidden": {
        "nl": "Dat mag alleen voor {needed}. Vraag een beheerder om je rol in het beleid van Balie.",
        "en": "Only {needed} may do that. Ask an admin for your role in Balie's policy.",
    },
    "error.transition": {
        "nl": "Dat kan niet: '{action}' is niet mogelijk bij status {status}.",
        "en": "Not possible: '{action}' cannot be done in status {status}.",
    },
    "error.no_higher_line": {
        "nl": "Dit ticket ligt al bij de 3e lijn; hoger escaleren kan niet.",
        "en": "This ticket is already with the 3rd line; it cannot go higher.",
    },
    "error.contact_not_allowed": {
        "nl": "{name} is {role} bij {customer} en mag geen meldingen doen: alleen de hoofd- of IT-contactpersoon is aanspreekpunt voor Korton. Er is niets geregistreerd.",
        "en": "{name} is {role} at {customer} and may not report: only the main or IT contact is Korton's point of contact. Nothing was registered.",
    },
    "error.contact_unknown": {"nl": "Er is niets geregistreerd.", "en": "Nothing was registered."},
    "error.contacts_of": {
        "nl": "Voor {customer} mogen melden:",
        "en": "Who may report for {customer}:",
    },
    "error.no_contacts": {
        "nl": "{customer} heeft nog geen hoofd- of IT-contactpersoon; een beheerder voegt die toe met /klant contact.",
        "en": "{customer} has no main or IT contact yet; an admin adds one with /klant contact.",
    },
    "error.see_help": {
        "nl": "Typ `{command} help` voor alle opdrachten.",
        "en": "Type `{command} help` for every command.",
    },
    "error.already_assigned": {
        "nl": "{number} is al van {assignee}.",
        "en": "{number} already belongs to {assignee}.",
    },
    # --- ticket card ------------------------------------------------------------------------
    "card.fallback": {
        "nl": "{number} · {priority} · {customer}: {subject}",
        "en": "{number} · {priority} · {customer}: {subject}",
    },
    "card.customer": {"nl": "Klant", "en": "Customer"},
    "card.contact": {"nl": "Contactpersoon", "en": "Contact"},
    "card.type": {"nl": "Type", "en": "Type"},
    "card.priority": {"nl": "Prioriteit", "en": "Priority"},
    "card.status": {"nl": "Status", "en": "Status"},
    "card.assignee": {"nl": "Behandelaar", "en": "Assignee"},
    "card.line": {"nl": "Oplosgroep", "en": "Line"},
    "card.via": {"nl": "Gemeld via", "en": "Reported by"},
    "card.terms": {"nl": "Voorwaarden", "en": "Terms"},
    "card.missing": {"nl": "Ontbrekende informatie", "en": "Missing information"},
    "card.resolution": {"nl": "Oplossing", "en": "Resolution"},
    "card.description": {"nl": "Omschrijving", "en": "Description"},
    "card.moved": {
        "nl": "{number} is verplaatst naar {channel}.",
        "en": "{number} moved to {channel}.",
    },
    "card.registered": {
        "nl": "Geregistreerd door {actor} op {at}",
        "en": "Registered by {actor} on {at}",
    },
    "button.take": {"nl": "Oppakken", "en": "Take"},
    "button.assign": {"nl": "Toewijzen aan…", "en": "Assign to…"},
    "button.reclassify": {"nl": "Herclassificeren", "en": "Reclassify"},
    "button.escalate": {"nl": "Escaleren", "en": "Escalate"},
    "button.wait": {"nl": "Wacht op klant", "en": "Wait for customer"},
    "button.resolve": {"nl": "Oplossen", "en": "Resolve"},
    "button.close": {"nl": "Sluiten", "en": "Close"},
    "button.reopen": {"nl": "Heropenen", "en": "Reopen"},
    "button.resume": {"nl": "Hervatten", "en": "Resume"},
    "button.note": {"nl": "Notitie", "en": "Note"},
    # --- thread (audit trail) ---------------------------------------------------------------
    "event.created": {
        "nl": "{actor} registreerde dit ticket (gemeld via {via} door {contact}).",
        "en": "{actor} registered this ticket (reported by {contact} via {via}).",
    },
    "event.created_incomplete": {
        "nl": "Status wacht op informatie: {contact} is per e-mail gevraagd om: {missing}",
        "en": "Waiting for information: {contact} was asked by e-mail for: {missing}",
    },
    "event.take": {"nl": "{actor} heeft het ticket opgepakt.", "en": "{actor} took the ticket."},
    "event.assign": {
        "nl": "{actor} wees het ticket toe aan {assignee}.",
        "en": "{actor} assigned the ticket to {assignee}.",
    },
    "event.reclassify": {
        "nl": "{actor} herclassificeerde het ticket.",
        "en": "{actor} reclassified the ticket.",
    },
    "event.escalate": {
        "nl": "{actor} escaleerde naar de {line}. Reden: {text}",
        "en": "{actor} escalated to the {line}. Reason: {text}",
    },
    "event.wait": {
        "nl": "{actor} zette het ticket op wacht op klant. Gevraagd: {text}",
        "en": "{actor} set the ticket to waiting for customer. Asked: {text}",
    },
    "event.resolve": {
        "nl": "{actor} loste het ticket op. Oplossing: {text}",
        "en": "{actor} resolved the ticket. Resolution: {text}",
    },
    "event.close": {"nl": "{actor} sloot het ticket.", "en": "{actor} closed the ticket."},
    "event.reopen": {
        "nl": "{actor} heropende het ticket. Reden: {text}",
        "en": "{actor} reopened the ticket. Reason: {text}",
    },
    "event.resume": {
        "nl": "{actor} hervatte het ticket. {text}",
        "en": "{actor} resumed the ticket. {text}",
    },
    "event.note": {"nl": "Notitie van {actor}: {text}", "en": "Note from {actor}: {text}"},
    "event.change": {"nl": "{field}: {old} → {new}", "en": "{field}: {old} → {new}"},
    "event.mailed": {
        "nl": "{contact} krijgt hierover een e-mail.",
        "en": "{contact} gets an e-mail about this.",
    },
    # --- replies to the agent ---------------------------------------------------------------
    "ok.registered": {
        "nl": "{number} is geregistreerd voor {customer} ({priority}, {line}). {contact} krijgt een bevestiging per e-mail.",
        "en": "{number} is registered for {customer} ({priority}, {line}). {contact} gets a confirmation by e-mail.",
    },
    "ok.registered_incomplete": {
        "nl": "{number} is geregistreerd voor {customer} ({priority}, {line}) met status wacht op informatie. {contact} krijgt per e-mail te horen wat er ontbreekt.",
        "en": "{number} is registered for {customer} ({priority}, {line}) as waiting for information. {contact} is told by e-mail what is missing.",
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
    "ok.escalate": {
        "nl": "{number} is geëscaleerd naar de {line}.",
        "en": "{number} is escalated to the {line}.",
    },
    "ok.wait": {
        "nl": "{number} wacht op de klant; {contact} krijgt een e-mail.",
        "en": "{number} is waiting for the customer; {contact} gets an e-mail.",
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
    # --- closing without a resolution -------------------------------------------------------
    "close_reason.duplicate": {"nl": "dubbel", "en": "duplicate"},
    "close_reason.withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
    "close_reason.out_of_scope": {"nl": "buiten scope", "en": "out of scope"},
    "label.close_reason": {"nl": "reden van sluiten", "en": "reason for closing"},
    "field.close_reason_required": {
        "nl": "een ticket dat niet is opgelost, sluit je met een reden: `/ticket sluit NUMMER dubbel|ingetrokken|buiten-scope`",
        "en": "a ticket that was not resolved needs a reason to close: `/ticket close NUMBER duplicate|withdrawn|out-of-scope`",
    },
    "field.close_reason_suggest": {
        "nl": "'{value}' is geen reden om te sluiten; bedoel je '{suggestion}'? Kies {choices}",
        "en": "'{value}' is not a reason to close; did you mean '{suggestion}'? Choose {choices}",
    },
    "field.close_reason_invalid": {
        "nl": "'{value}' is geen reden om te sluiten; kies {choices}",
        "en": "'{value}' is not a reason to close; choose {choices}",
    },
    "field.close_reason_not_needed": {
        "nl": "{number} is opgelost: dat sluit je zonder reden",
        "en": "{number} is resolved: close it without a reason",
    },
    "button.close_without_resolution": {
        "nl": "Sluiten zonder oplossing",
        "en": "Close without resolution",
    },
    "card.close_confirm.title": {"nl": "Sluiten zonder oplossing?", "en": "Close unresolved?"},
    "card.close_confirm.text": {
        "nl": "Het ticket gaat dicht zonder oplossing. SLA-klokken die nog lopen, stoppen als geannuleerd: niet gehaald en niet overschreden. Heropenen kan altijd.",
        "en": "The ticket closes without a resolution. SLA clocks that are still running stop as cancelled: neither met nor breached. You can always reopen it.",
    },
    "ok.reopen": {"nl": "{number} is heropend.", "en": "{number} is reopened."},
    "ok.resume": {
        "nl": "{number} loopt weer; de SLA-klokken lopen door.",
        "en": "{number} is running again; the SLA clocks continue.",
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
    # --- lists ------------------------------------------------------------------------------
    "list.header": {"nl": "{count} ticket(s) · {filter}", "en": "{count} ticket(s) · {filter}"},
    "list.empty": {"nl": "Geen tickets gevonden ({filter}).", "en": "No tickets found ({filter})."},
    "list.row": {
        "nl": "*{number}* · {priority} · {status} · {customer} · {subject} · {assignee}",
        "en": "*{number}* · {priority} · {status} · {customer} · {subject} · {assignee}",
    },
    "list.filter_open": {"nl": "open tickets", "en": "open tickets"},
    "list.filter_mine": {"nl": "van mij", "en": "mine"},
    "list.more": {
        "nl": "Alleen de eerste {count} staan hier; verfijn het filter.",
        "en": "Only the first {count} are shown; narrow the filter.",
    },
    # --- modals -----------------------------------------------------------------------------
    "modal.new.title": {"nl": "Nieuw ticket", "en": "New ticket"},
    "modal.submit": {"nl": "Opslaan", "en": "Save"},
    "modal.new.submit": {"nl": "Registreren", "en": "Register"},
    "modal.cancel": {"nl": "Annuleren", "en": "Cancel"},
    "modal.close": {"nl": "Sluiten", "en": "Close"},
    "modal.customer.option": {"nl": "{code} · {name} ({tier})", "en": "{code} · {name} ({tier})"},
    "modal.contact.option": {"nl": "{name} ({role})", "en": "{name} ({role})"},
    "modal.customer": {"nl": "Klant", "en": "Customer"},
    "modal.customer.placeholder": {"nl": "Zoek op code of naam", "en": "Search by code or name"},
    "modal.contact": {"nl": "Gemeld door", "en": "Reported by"},
    "modal.contact.placeholder": {"nl": "Kies eerst de klant", "en": "Choose the customer first"},
    "modal.contact.hint": {
        "nl": "Alleen de hoofd- of IT-contactpersoon van de klant mag melden.",
        "en": "Only the customer's main or IT contact may report.",
    },
    "modal.via": {"nl": "Gemeld via", "en": "Reported via"},
    "modal.subject": {"nl": "Onderwerp", "en": "Subject"},
    "modal.description": {"nl": "Omschrijving", "en": "Description"},
    "modal.type": {"nl": "Type", "en": "Type"},
    "modal.impact": {"nl": "Impact", "en": "Impact"},
    "modal.urgency": {"nl": "Urgentie", "en": "Urgency"},
    "modal.priority.pending": {
        "nl": "Kies impact en urgentie; Balie berekent dan de prioriteit.",
        "en": "Choose impact and urgency; Balie then works out the priority.",
    },
    "modal.priority": {
        "nl": "*Prioriteit volgens de matrix:* {reason}",
        "en": "*Priority from the matrix:* {reason}",
    },
    "modal.missing": {"nl": "Ontbrekende informatie", "en": "Missing information"},
    "modal.missing.hint": {
        "nl": "Vul in wat de klant nog moet aanleveren. Het ticket krijgt dan status wacht op informatie en de klant wordt gemaild.",
        "en": "Fill in what the customer still has to provide. The ticket then waits for information and the customer is e-mailed.",
    },
    "modal.escalate.title": {"nl": "Escaleren", "en": "Escalate"},
    "modal.wait.title": {"nl": "Wacht op klant", "en": "Wait for customer"},
    "modal.resolve.title": {"nl": "Oplossen", "en": "Resolve"},
    "modal.reopen.title": {"nl": "Heropenen", "en": "Reopen"},
    "modal.note.title": {"nl": "Notitie", "en": "Note"},
    "modal.reclassify.title": {"nl": "Herclassificeren", "en": "Reclassify"},
    "modal.escalate.text": {
        "nl": "Waarom moet de volgende lijn dit oppakken?",
        "en": "Why should the next line take this?",
    },
    "modal.wait.text": {
        "nl": "Wat moet de klant doen of aanleveren? (gaat per e-mail naar de contactpersoon)",
        "en": "What must the customer do or provide? (e-mailed to the contact)",
    },
    "modal.resolve.text": {
        "nl": "Oplossing (gaat per e-mail naar de contactpersoon)",
        "en": "Resolution (e-mailed to the contact)",
    },
    "modal.reopen.text": {
        "nl": "Waarom gaat het ticket weer open?",
        "en": "Why does the ticket reopen?",
    },
    "modal.note.text": {
        "nl": "Notitie (komt in de thread van het ticket)",
        "en": "Note (goes in the ticket's thread)",
    },
    "modal.ticket": {"nl": "Ticket {number}: {subject}", "en": "Ticket {number}: {subject}"},
    # --- e-mail to the customer's contact ---------------------------------------------------
    "mail.greeting": {"nl": "Beste {name},", "en": "Dear {name},"},
    "mail.registered": {
        "nl": "Wij hebben uw melding geregistreerd onder ticketnummer {number}.\n\nOnderwerp: {subject}\nType: {type}\nPrioriteit: {priority}\nStatus: {status}\n\nVermeld ticketnummer {number} in uw correspondentie met ons; zo kunt u de status van uw melding volgen.",
        "en": "We have registered your report under ticket number {number}.\n\nSubject: {subject}\nType: {type}\nPriority: {priority}\nStatus: {status}\n\nPlease quote ticket number {number} in your correspondence with us; that way you can follow the status of your report.",
    },
    "mail.missing": {
        "nl": "Om uw melding in behandeling te kunnen nemen, hebben wij nog de volgende informatie nodig:\n\n{missing}\n\nU kunt deze informatie sturen als antwoord op deze e-mail.",
        "en": "To handle your report, we still need the following information:\n\n{missing}\n\nYou can send it by replying to this e-mail.",
    },
    "mail.waiting": {
        "nl": "Voor ticket {number} wachten wij op uw reactie:\n\n{text}\n\nU kunt reageren door op deze e-mail te antwoorden.",
        "en": "For ticket {number} we are waiting for your reply:\n\n{text}\n\nYou can reply to this e-mail.",
    },
    "mail.resolved": {
        "nl": "Uw melding {number} is opgelost.\n\nOplossing: {text}\n\nIs het probleem niet verholpen? Antwoord dan binnen vijf werkdagen op deze e-mail, dan heropenen wij het ticket.",
        "en": "Your report {number} has been resolved.\n\nResolution: {text}\n\nIf the problem persists, reply to this e-mail within five working days and we will reopen the ticket.",
    },
    "mail.signature": {
        "nl": "Met vriendelijke groet,\n\nCustomer Service Korton",
        "en": "Kind regards,\n\nKorton Customer Service",
    },
    # --- customers (/klant) -----------------------------------------------------------------
    "customer.saved.created": {
        "nl": "Klant {code} ({name}) is aangemaakt.",
        "en": "Customer {code} ({name}) was created.",
    },
    "customer.saved.updated": {
        "nl": "Klant {code} ({name}) is bijgewerkt:",
        "en": "Customer {code} ({name}) was updated:",
    },
    "customer.saved.unchanged": {
        "nl": "Klant {code} ({name}) was al zo; er is niets veranderd.",
        "en": "Customer {code} ({name}) was already like that; nothing changed.",
    },
    "customer.contact_created": {
        "nl": "Contactpersoon {name} ({email}) is toegevoegd bij {code}.",
        "en": "Contact {name} ({email}) was added to {code}.",
    },
    "customer.contact_updated": {
        "nl": "Contactpersoon {email} van {code} is bijgewerkt:",
        "en": "Contact {email} of {code} was updated:",
    },
    "customer.contact_unchanged": {
        "nl": "Contactpersoon {email} van {code} was al zo; er is niets veranderd.",
        "en": "Contact {email} of {code} was already like that; nothing changed.",
    },
    "customer.change_row": {"nl": "• {field}: {old} → {new}", "en": "• {field}: {old} → {new}"},
    "customer.empty": {"nl": "(leeg)", "en": "(empty)"},
    "field.customer_exists": {
        "nl": "klant {value} bestaat al; pas hem aan met `/klant wijzig {value} …`",
        "en": "customer {value} already exists; change it with `/klant edit {value} …`",
    },
    "field.no_main_contact": {
        "nl": "dan heeft {customer} geen hoofdcontactpersoon meer; maak eerst iemand anders hoofdcontactpersoon (rol=hoofd)",
        "en": "{customer} would then have no main contact; make someone else the main contact first (role=main)",
    },
    "customer.contact_removed": {
        "nl": "Contactpersoon {email} is verwijderd bij {code}.",
        "en": "Contact {email} was removed from {code}.",
    },
    "customer.detail": {
        "nl": "*{code}* · {name}\nSLA {tier} · contract {contract} · {terms}\nAccountmanager: {manager}",
        "en": "*{code}* · {name}\nSLA {tier} · contract {contract} · {terms}\nAccount manager: {manager}",
    },
    "customer.contact_row": {
        "nl": "• {name} · {role} · {email} {phone}",
        "en": "• {name} · {role} · {email} {phone}",
    },
    "customer.no_contacts": {"nl": "Nog geen contactpersonen.", "en": "No contacts yet."},
    "customer.list_empty": {
        "nl": "Er zijn nog geen klanten. Voeg ze toe met `/klant zet` of `python -m bot import BESTAND`.",
        "en": "There are no customers yet. Add them with `/klant zet` or `python -m bot import FILE`.",
    },
    "customer.list_row_one": {
        "nl": "• *{code}* · {name} · SLA {tier} · {contacts} contactpersoon",
        "en": "• *{code}* · {name} · SLA {tier} · {contacts} contact",
    },
    "customer.list_row": {
        "nl": "• *{code}* · {name} · SLA {tier} · {contacts} contactpersonen",
        "en": "• *{code}* · {name} · SLA {tier} · {contacts} contacts",
    },
    "field.import_shape": {
        "nl": "het bestand moet een lijst 'customers' bevatten",
        "en": "the file must hold a list 'customers'",
    },
    "field.contact_has_tickets": {
        "nl": "{value} heeft tickets gemeld en blijft daarom bewaard; maak er een eindgebruiker van (rol=eindgebruiker) om nieuwe meldingen te weigeren",
        "en": "{value} reported tickets and is therefore kept; make them an end user (role=end_user) to refuse new reports",
    },
    "field.csv_columns": {"nl": "kolommen ontbreken: {value}", "en": "columns missing: {value}"},
    # --- python -m bot import -----------------------------------------------------------------
    "import.failed": {
        "nl": "{path}: er is niets geïmporteerd. Los eerst deze problemen op:",
        "en": "{path}: nothing was imported. Fix these problems first:",
    },
    "import.done": {
        "nl": "{path}: klanten {customers_created} nieuw, {customers_updated} bijgewerkt; contactpersonen {contacts_created} nieuw, {contacts_updated} bijgewerkt; {unchanged} ongewijzigd",
        "en": "{path}: customers {customers_created} new, {customers_updated} updated; contacts {contacts_created} new, {contacts_updated} updated; {unchanged} unchanged",
    },
    "import.change": {
        "nl": "{where}: {field}: {old} → {new}",
        "en": "{where}: {field}: {old} → {new}",
    },
    "import.at_line": {"nl": "regel {line} ({code})", "en": "line {line} ({code})"},
    "import.at_line_contact": {
        "nl": "regel {line} ({code}, contactpersoon {n})",
        "en": "line {line} ({code}, contact {n})",
    },
    "import.at_record": {"nl": "klant {n} ({code})", "en": "customer {n} ({code})"},
    "import.at_record_contact": {
        "nl": "klant {n} ({code}), contactpersoon {c}",
        "en": "customer {n} ({code}), contact {c}",
    },
    "import.at_line_only": {"nl": "regel {line}", "en": "line {line}"},
    "import.at_position": {
        "nl": "regel {line}, kolom {column}",
        "en": "line {line}, column {column}",
    },
    "import.not_utf8": {
        "nl": "dit is geen UTF-8; sla het bestand op als UTF-8",
        "en": "this is not UTF-8; save the file as UTF-8",
    },
    "import.not_a_customer": {
        "nl": "hier hoort een klant (code, name, sla_tier, contract_date, account_manager), niet '{value}'",
        "en": "a customer (code, name, sla_tier, contract_date, account_manager) belongs here, not '{value}'",
    },
    "import.not_a_contact": {
        "nl": "hier hoort een contactpersoon (name, email, phone, role), niet '{value}'",
        "en": "a contact (name, email, phone, role) belongs here, not '{value}'",
    },
    "import.contacts_not_list": {
        "nl": "contacts moet een lijst contactpersonen zijn",
        "en": "contacts must be a list of contacts",
    },
    "import.duplicate_code": {
        "nl": "klant {code} staat ook op {other}",
        "en": "customer {code} is also at {other}",
    },
    "import.duplicate_email": {
        "nl": "{email} staat ook op {other}; een e-mailadres hoort bij één contactpersoon",
        "en": "{email} is also at {other}; an e-mail address belongs to one contact",
    },
    "import.no_main_contact": {
        "nl": "dan heeft {code} geen hoofdcontactpersoon meer; geef eerst een andere contactpersoon de rol main",
        "en": "{code} would then have no main contact; give another contact the role main first",
    },
    "import.duplicate_key": {
        "nl": "sleutel '{key}' staat hier voor de tweede keer",
        "en": "key '{key}' is given here a second time",
    },
    "import.yaml_flow": {
        "nl": "hier ontbreekt een ',' of een sluitende '{close}'",
        "en": "a ',' or a closing '{close}' is missing here",
    },
    "import.yaml_colon": {
        "nl": "hier mag geen ':' staan; zet tekst met een dubbele punt tussen aanhalingstekens",
        "en": "a ':' is not allowed here; put text with a colon in quotes",
    },
    "import.yaml_missing_colon": {
        "nl": "hier ontbreekt de ':' achter een sleutel",
        "en": "the ':' after a key is missing here",
    },
    "import.yaml_tab": {
        "nl": "hier staat een tab; spring in met spaties",
        "en": "there is a tab here; indent with spaces",
    },
    "import.yaml_character": {
        "nl": "het teken '{char}' kan hier niet; zet de tekst tussen aanhalingstekens",
        "en": "the character '{char}' cannot go here; put the text in quotes",
    },
    "import.yaml_indent": {
        "nl": "de inspringing klopt hier niet",
        "en": "the indentation is wrong here",
    },
    "import.yaml_end": {
        "nl": "het bestand houdt hier op terwijl er nog een aanhalingsteken of haakje open staat",
        "en": "the file ends here while a quote or bracket is still open",
    },
    "import.yaml_alias": {
        "nl": "de verwijzing *{char} is nergens gedefinieerd",
        "en": "the alias *{char} is not defined anywhere",
    },
    "import.yaml_escape": {
        "nl": "'\\{char}' kan niet tussen dubbele aanhalingstekens; gebruik enkele",
        "en": "'\\{char}' cannot go in double quotes; use single ones",
    },
    "import.yaml_documents": {
        "nl": "hier begint een tweede YAML-document; het bestand mag er maar één bevatten",
        "en": "a second YAML document starts here; the file may hold only one",
    },
    "import.yaml_tag": {
        "nl": "deze YAML-tag (!!…) kent Balie niet; laat hem weg",
        "en": "Balie does not know this YAML tag (!!…); leave it out",
    },
    "import.yaml_invalid": {"nl": "dit is geen geldige YAML", "en": "this is not valid YAML"},
    "import.yaml_opened": {
        "nl": " (geopend op regel {line}, kolom {column})",
        "en": " (opened at line {line}, column {column})",
    },
    "import.csv_unknown_column": {
        "nl": "onbekende kolom '{value}'",
        "en": "unknown column '{value}'",
    },
    "import.csv_extra_fields": {
        "nl": "deze rij heeft meer velden dan de kop kolommen",
        "en": "this row has more fields than the header has columns",
    },
    "import.csv_contact_email": {
        "nl": "contact_email ontbreekt, terwijl er wel andere contactgegevens staan",
        "en": "contact_email is missing, but other contact columns are filled in",
    },
    "import.csv_customer_differs": {
        "nl": "{code} staat op regel {first} met andere gegevens ({fields}); geef elke rij van een klant dezelfde klantgegevens",
        "en": "{code} is on line {first} with other details ({fields}); give every row of a customer the same customer details",
    },
    "import.csv_nul": {"nl": "hier staat een NUL-teken", "en": "there is a NUL character here"},
    "import.csv_long": {"nl": "een veld is hier te lang", "en": "a field is too long here"},
    "import.csv_invalid": {"nl": "dit is geen geldige CSV", "en": "this is not valid CSV"},
    # --- python -m bot: start-up and the other commands ---------------------------------------
    "cli.no_such_file": {"nl": "Bestand {path} bestaat niet.", "en": "No such file: {path}."},
    "cli.migrate_done": {
        "nl": "De database is bijgewerkt van versie {before} naar {after}.",
        "en": "The database was upgraded from version {before} to {after}.",
    },
    "cli.migrate_current": {
        "nl": "De database is al bij (versie {revision}).",
        "en": "The database is up to date (version {revision}).",
    },
    "cli.outbox_pending": {"nl": "Nog te versturen: {count}", "en": "Still to deliver: {count}"},
    "cli.outbox_failed": {
        "nl": "#{id} {kind} is mislukt (pogingen: {attempts}): {error}",
        "en": "#{id} {kind} failed (attempts: {attempts}): {error}",
    },
    "settings.cannot_start": {
        "nl": "Balie kan niet starten; controleer deze instellingen:",
        "en": "Balie cannot start; check these settings:",
    },
    "settings.bot_token": {
        "nl": "moet een bot-token zijn dat begint met 'xoxb-'",
        "en": "must be a bot token starting with 'xoxb-'",
    },
    "settings.app_token": {
        "nl": "moet een app-token zijn dat begint met 'xapp-'",
        "en": "must be an app-level token starting with 'xapp-'",
    },
    "settings.api_url": {
        "nl": "moet een http(s)-adres zijn, zoals https://slack.com/api/",
        "en": "must be an http(s) URL such as https://slack.com/api/",
    },
    "settings.database_url": {
        "nl": "moet een sqlite:///- of postgresql://-adres zijn",
        "en": "must be a sqlite:/// or postgresql:// URL",
    },
    "settings.smtp_url": {
        "nl": "moet eruitzien als smtp://host:poort (of smtps://, smtp+starttls://)",
        "en": "must look like smtp://host:port (or smtps://, smtp+starttls://)",
    },
    "settings.no_such_file": {
        "nl": "bestand {path} bestaat niet",
        "en": "no such file: {path}",
    },
    "settings.host": {
        "nl": "moet een IP-adres of hostnaam zijn, zoals 0.0.0.0 of 127.0.0.1",
        "en": "must be an IP address or host name, such as 0.0.0.0 or 127.0.0.1",
    },
    "settings.choice": {"nl": "kies uit {choices}", "en": "choose one of {choices}"},
    "settings.integer": {"nl": "moet een geheel getal zijn", "en": "must be a whole number"},
    "settings.at_least": {"nl": "moet minstens {min} zijn", "en": "must be at least {min}"},
    "settings.at_most": {"nl": "mag hoogstens {max} zijn", "en": "must be at most {max}"},
    "settings.boolean": {"nl": "moet true of false zijn", "en": "must be true or false"},
    "settings.invalid": {"nl": "is ongeldig", "en": "is not valid"},
    "settings.half_slack": {
        "nl": "hoort bij SLACK_SIGNING_SECRET (HTTP) of SLACK_APP_TOKEN (Socket Mode); laat alle drie weg voor de console",
        "en": "needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode); unset all three for console mode",
    },
    "settings.smtp_required_slack": {
        "nl": "is nodig zodra de Slack-gegevens zijn ingesteld",
        "en": "is required when Slack credentials are set",
    },
    "settings.smtp_required_worker": {
        "nl": "is nodig voor de worker",
        "en": "is required by the worker",
    },
    "settings.policy_invalid": {
        "nl": "het beleid klopt niet: {detail}",
        "en": "the policy is not valid: {detail}",
    },
    "settings.database_refused": {
        "nl": "de database op {url} is niet bereikbaar: de verbinding wordt geweigerd (draait de server, en klopt de poort?)",
        "en": "the database at {url} cannot be reached: the connection is refused (is the server running, and is the port right?)",
    },
    "settings.database_host": {
        "nl": "de database op {url} is niet bereikbaar: de servernaam is onbekend",
        "en": "the database at {url} cannot be reached: the host name is unknown",
    },
    "settings.database_auth": {
        "nl": "de database op {url} laat Balie niet binnen: gebruiker of wachtwoord klopt niet",
        "en": "the database at {url} does not let Balie in: wrong user or password",
    },
    "settings.database_missing": {
        "nl": "de database {url} bestaat niet op die server; maak hem eerst aan",
        "en": "the database {url} does not exist on that server; create it first",
    },
    "settings.database_file": {
        "nl": "het databasebestand {url} kan niet worden geopend: bestaat de map, en mag Balie erin schrijven?",
        "en": "the database file {url} cannot be opened: does the directory exist, and may Balie write in it?",
    },
    "settings.database_timeout": {
        "nl": "de database op {url} antwoordt niet binnen {seconds} seconden",
        "en": "the database at {url} does not answer within {seconds} seconds",
    },
    "settings.database_other": {
        "nl": "de database op {url} is niet bereikbaar ({detail})",
        "en": "the database at {url} cannot be reached ({detail})",
    },
    "settings.slack_token_refused": {
        "nl": "het Slack-token wordt geweigerd ({error}); neem het bot-token over uit de instellingen van de Slack-app",
        "en": "Slack refuses the token ({error}); copy the bot token from the Slack app's settings",
    },
    "settings.slack_error": {
        "nl": "Slack geeft een fout bij het controleren van het token: {error}",
        "en": "Slack gives an error when checking the token: {error}",
    },
    "settings.slack_bad_answer": {
        "nl": "op {url} antwoordt geen Slack (HTTP {status}); klopt het adres?",
        "en": "{url} does not answer as Slack does (HTTP {status}); is the address right?",
    },
    "settings.slack_refused": {
        "nl": "Slack is niet bereikbaar op {url}: de verbinding wordt geweigerd",
        "en": "Slack cannot be reached at {url}: the connection is refused",
    },
    "settings.slack_host": {
        "nl": "Slack is niet bereikbaar op {url}: de servernaam is onbekend",
        "en": "Slack cannot be reached at {url}: the host name is unknown",
    },
    "settings.slack_timeout": {
        "nl": "Slack is niet bereikbaar op {url}: geen antwoord binnen {seconds} seconden",
        "en": "Slack cannot be reached at {url}: no answer within {seconds} seconds",
    },
    "settings.slack_other": {
        "nl": "Slack is niet bereikbaar op {url} ({detail})",
        "en": "Slack cannot be reached at {url} ({detail})",
    },
    "help.klant": {
        "nl": "*Balie: /klant* (wijzigen alleen voor beheerders)\n"
        "`/klant lijst` · `/klant toon CODE`\n"
        '`/klant nieuw code=CODE naam="…" sla=brons|zilver|goud contract=JJJJ-MM-DD accountmanager="…"` (een bestaande code wordt geweigerd)\n'
        "`/klant zet code=CODE …` maakt de klant aan of werkt hem bij · `/klant wijzig CODE [naam=…] [sla=…] [contract=…] [accountmanager=…]`\n"
        '`/klant contact CODE naam="…" email=… [telefoon=…] rol=hoofd|it|eindgebruiker`\n'
        "`/klant verwijder-contact CODE E-MAIL`",
        "en": "*Balie: /klant* (changes by admins only)\n"
        "`/klant list` · `/klant show CODE`\n"
        '`/klant new code=CODE name="…" sla=bronze|silver|gold contract=YYYY-MM-DD account_manager="…"` (an existing code is refused)\n'
        "`/klant set code=CODE …` creates or updates the customer · `/klant edit CODE [name=…] [sla=…] [contract=…] [account_manager=…]`\n"
        '`/klant contact CODE name="…" email=… [phone=…] role=main|it|end_user`\n'
        "`/klant remove-contact CODE E-MAIL`",
    },
    # --- SLA ----------------------------------------------------------------------------------
    "sla.clock.response": {"nl": "reactietermijn", "en": "response time"},
    "sla.clock.resolution": {"nl": "oplostermijn", "en": "resolution time"},
    "sla.state.running": {"nl": "loopt", "en": "running"},
    "sla.state.paused": {"nl": "gepauzeerd", "en": "paused"},
    "sla.state.met": {"nl": "gehaald", "en": "met"},
    "sla.state.breached": {"nl": "overschreden", "en": "breached"},
    "sla.state.cancelled": {"nl": "geannuleerd", "en": "cancelled"},
    "sla.no_deadline": {"nl": "volgt na de pauze", "en": "follows after the pause"},
    "card.sla": {"nl": "SLA", "en": "SLA"},
    "card.sla_clock": {
        "nl": "{clock}: {deadline} · {state}",
        "en": "{clock}: {deadline} · {state}",
    },
    "sla.warn": {
        "nl": ":warning: {who}*{number}* ({customer}, {priority}): {percent}% van de {clock} is verstreken; deadline {deadline}.",
        "en": ":warning: {who}*{number}* ({customer}, {priority}): {percent}% of the {clock} has passed; deadline {deadline}.",
    },
    "sla.breach": {
        "nl": ":rotating_light: {who}*{number}* ({customer}, {priority}): de {clock} is overschreden (deadline {deadline}).",
        "en": ":rotating_light: {who}*{number}* ({customer}, {priority}): the {clock} is breached (deadline {deadline}).",
    },
    "sla.thread_warn": {
        "nl": ":warning: {percent}% van de {clock} is verstreken; deadline {deadline}.",
        "en": ":warning: {percent}% of the {clock} has passed; deadline {deadline}.",
    },
    "sla.thread_breach": {
        "nl": ":rotating_light: De {clock} is overschreden; deadline was {deadline}.",
        "en": ":rotating_light: The {clock} is breached; the deadline was {deadline}.",
    },
    "sla.catchup": {
        "nl": ":hourglass: Terwijl Balie niet draaide, zijn deze SLA-drempels gepasseerd:",
        "en": ":hourglass: While Balie was not running, these SLA thresholds passed:",
    },
    "sla.catchup_row": {
        "nl": "• *{number}* ({customer}, {priority}) {clock}: {percent}% · deadline {deadline} {who}",
        "en": "• *{number}* ({customer}, {priority}) {clock}: {percent}% · deadline {deadline} {who}",
    },
    "sla.detail": {
        "nl": "*{clock}* ({target} {calendar}): deadline {deadline} · {state}\nverstreken {elapsed} · resterend {remaining} · gepauzeerd {paused}",
        "en": "*{clock}* ({target} {calendar}): deadline {deadline} · {state}\nelapsed {elapsed} · remaining {remaining} · paused {paused}",
    },
    "duration": {"nl": "{sign}{h}u{m:02d}", "en": "{sign}{h}h{m:02d}"},
    "sla.calendar.business": {"nl": "kantooruren", "en": "office hours"},
    "sla.calendar.24x7": {"nl": "24x7", "en": "24x7"},
    "sla.header": {
        "nl": "*{number}* · SLA {tier} · {priority}",
        "en": "*{number}* · SLA {tier} · {priority}",
    },
    "sla.risk_header": {
        "nl": "Tickets met SLA-risico ({lines}):",
        "en": "Tickets at SLA risk ({lines}):",
    },
    "sla.risk_row": {
        "nl": "• *{number}* · {priority} · {customer} · {clock} {percent}% · deadline {deadline} · {state} · {assignee}",
        "en": "• *{number}* · {priority} · {customer} · {clock} {percent}% · deadline {deadline} · {state} · {assignee}",
    },
    "sla.risk_none": {
        "nl": "Geen tickets met SLA-risico ({lines}).",
        "en": "No tickets at SLA risk ({lines}).",
    },
    "sla.all_lines": {"nl": "alle lijnen", "en": "all lines"},
    "status.waiting_third_party": {"nl": "Wacht op derde", "en": "Waiting for third party"},
    "third_party.customer": {"nl": "derde van de klant", "en": "the customer's third party"},
    "third_party.subcontractor": {"nl": "onderaannemer van Korton", "en": "Korton's subcontractor"},
    "field.third_party_invalid": {
        "nl": "'{value}' kan niet; kies klant of onderaannemer",
        "en": "'{value}' is not possible; choose customer or subcontractor",
    },
    "event.wait_third_party": {
        "nl": "{actor} wacht op een {party}: {text}",
        "en": "{actor} is waiting for {party}: {text}",
    },
    "ok.wait_third_party": {
        "nl": "{number} wacht op een derde partij.",
        "en": "{number} is waiting for a third party.",
    },
    "action.wait_third_party": {"nl": "op een derde wachten", "en": "wait for a third party"},
    "label.third_party": {"nl": "derde", "en": "third party"},
    "label.response_due_at": {"nl": "deadline reactie", "en": "response deadline"},
    "label.resolution_due_at": {"nl": "deadline oplossing", "en": "resolution deadline"},
    "help.sla": {
        "nl": "*Balie: /sla*\n`/sla NUMMER` toont beide klokken van een ticket.\n`/sla` toont de tickets van jouw lijn met SLA-risico, de urgentste eerst (`/sla lijn=2` voor een andere lijn, `/sla alle` voor alle lijnen).",
        "en": "*Balie: /sla*\n`/sla NUMBER` shows both clocks of a ticket.\n`/sla` lists your line's tickets at SLA risk, most urgent first (`/sla line=2` for another line, `/sla all` for every line).",
    },
    # --- help -------------------------------------------------------------------------------
    "help.ticket": {
        "nl": "*Balie: /ticket*\n"
        "`/ticket` opent het formulier voor een nieuw ticket.\n"
        '`/ticket nieuw klant=CODE contact=NAAM|E-MAIL via=telefoon|e-mail type={types} impact=hoog|midden|laag urgentie=hoog|midden|laag [omschrijving="…"] [ontbreekt="…"] onderwerp`\n'
        "`/ticket pak NUMMER` · `/ticket wijs-toe NUMMER @iemand` · `/ticket herclassificeer NUMMER [type=…] [impact=…] [urgentie=…]`\n"
        "`/ticket escaleer NUMMER reden` · `/ticket wacht NUMMER wat de klant moet doen` · `/ticket los-op NUMMER oplossing`\n"
        "`/ticket derde NUMMER klant|onderaannemer reden` (alleen een derde van de klant pauzeert de SLA)\n"
        "`/ticket hervat NUMMER` (de klant heeft gereageerd) · `/ticket sluit NUMMER [dubbel|ingetrokken|buiten-scope]` (de reden als het niet is opgelost) · `/ticket heropen NUMMER reden` · `/ticket notitie NUMMER tekst`\n"
        "`/ticket toon NUMMER` · `/ticket lijst [mijn] [lijn=1|2|3] [klant=CODE] [status=…|alle]` · `/ticket taal nl|en`",
        "en": "*Balie: /ticket*\n"
        "`/ticket` opens the new-ticket form.\n"
        '`/ticket new customer=CODE contact=NAME|E-MAIL via=phone|email type={types} impact=high|medium|low urgency=high|medium|low [description="…"] [missing="…"] subject`\n'
        "`/ticket take NUMBER` · `/ticket assign NUMBER @someone` · `/ticket reclassify NUMBER [type=…] [impact=…] [urgency=…]`\n"
        "`/ticket escalate NUMBER reason` · `/ticket wait NUMBER what the customer must do` · `/ticket resolve NUMBER resolution`\n"
        "`/ticket third-party NUMBER customer|subcontractor reason` (only the customer's own third party pauses the SLA)\n"
        "`/ticket resume NUMBER` (the customer answered) · `/ticket close NUMBER [duplicate|withdrawn|out-of-scope]` (the reason when it was not resolved) · `/ticket reopen NUMBER reason` · `/ticket note NUMBER text`\n"
        "`/ticket show NUMBER` · `/ticket list [mine] [line=1|2|3] [customer=CODE] [status=…|all]` · `/ticket lang nl|en`",
    },
    # --- console (python -m bot console) ---
    "console.banner.title": {"nl": "Balie in de console", "en": "Balie in the console"},
    "console.banner.intro": {
        "nl": "Er zijn geen Slack-gegevens ingesteld, dus Balie draait hier in de terminal. Je typt\n"
        "dezelfde slash-commando's als een agent in Slack en ziet Balies antwoorden, berichten\n"
        "in kanalen en e-mails als tekst. E-mails worden niet verstuurd.",
        "en": "No Slack credentials are set, so Balie runs here in the terminal. You type the same\n"
        "slash commands as an agent in Slack and see Balie's replies, channel messages and\n"
        "e-mails as text. E-mails are not sent.",
    },
    "console.banner.database": {"nl": "Database: {url}", "en": "Database: {url}"},
    "console.banner.policy": {"nl": "Beleid:   {policy}", "en": "Policy:   {policy}"},
    "console.banner.default_policy": {"nl": "het standaardbeleid", "en": "the default policy"},
    "console.banner.persona": {
        "nl": "Je bent:  {name} ({description}); wissel met :gebruiker NAAM",
        "en": "You are:  {name} ({description}); switch with :user NAME",
    },
    "console.banner.demo": {
        "nl": "Demo:     klanten {codes} staan klaar",
        "en": "Demo:     customers {codes} are ready",
    },
    "console.banner.try": {
        "nl": "Probeer:\n"
        '  `/ticket nieuw klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden Printer doet het niet`\n'
        "  `/ticket pak KOR-000001`\n"
        "  `/ticket lijst`\n"
        "  `/klant toon ACME`\n"
        "Typ :help voor hulp, :stop om te stoppen.",
        "en": "Try:\n"
        '  `/ticket new customer=ACME contact="Jan Jansen" via=phone type=incident impact=high urgency=medium Printer not working`\n'
        "  `/ticket take KOR-000001`\n"
        "  `/ticket list`\n"
        "  `/klant show ACME`\n"
        "Type :help for help, :quit to stop.",
    },
    "console.persona.admin": {"nl": "beheerder en agent", "en": "admin and agent"},
    "console.persona.agent": {"nl": "agent", "en": "agent"},
    "console.persona.team_lead": {"nl": "teamleider", "en": "team lead"},
    "console.persona.outsider": {"nl": "geen rol in Balie", "en": "no role in Balie"},
    "console.not_a_command": {
        "nl": "Typ een slash-commando, zoals /ticket help of /klant lijst, of :help voor de console-commando's.",
        "en": "Type a slash command, such as /ticket help or /klant list, or :help for the console commands.",
    },
    "console.unknown_meta": {
        "nl": "Onbekend console-commando :{word}. Typ :help voor de mogelijkheden.",
        "en": "Unknown console command :{word}. Type :help to see what you can do.",
    },
    "console.unknown_slash": {
        "nl": "Balie kent {command} niet; wel {known} en {last}.",
        "en": "Balie does not know {command}; it does know {known} and {last}.",
    },
    "console.whoami": {
        "nl": "Je bent {name} ({user_id}): {description}.",
        "en": "You are {name} ({user_id}): {description}.",
    },
    "console.switch.current": {
        "nl": "Je bent {name}. Kies met :gebruiker NAAM uit {choices}.",
        "en": "You are {name}. Choose with :user NAME from {choices}.",
    },
    "console.switch.unknown": {
        "nl": "Onbekende gebruiker {name}. Kies uit: {choices}.",
        "en": "Unknown user {name}. Choose from: {choices}.",
    },
    "console.switch.done": {
        "nl": "Je bent nu {name} ({description}).",
        "en": "You are now {name} ({description}).",
    },
    "console.help": {
        "nl": "Slash-commando's gaan naar Balie, precies zoals in Slack:\n"
        "  /ticket help                 alle /ticket-commando's\n"
        "  /klant help                  alle /klant-commando's\n"
        "  /klant lijst                 de klanten; /klant toon CODE geeft hun contactpersonen\n"
        "  @agent in een commando       noemt een gebruiker, zoals in Slack\n"
        "Console-commando's:\n"
        "  :gebruiker NAAM  (:user)     wissel van gebruiker\n"
        "  :wie             (:whoami)   wie ben je nu\n"
        "  :help                        deze hulp\n"
        "  :stop            (:quit)     stoppen (Ctrl-D kan ook)\n"
        "Gebruikers:\n{personas}",
        "en": "Slash commands go to Balie, exactly as in Slack:\n"
        "  /ticket help                 all /ticket commands\n"
        "  /klant help                  all /klant commands\n"
        "  /klant list                  the customers; /klant show CODE gives their contacts\n"
        "  @agent in a command          mentions a user, as in Slack\n"
        "Console commands:\n"
        "  :user NAME   (:gebruiker)    switch to another user\n"
        "  :whoami      (:wie)          who you are now\n"
        "  :help                        this help\n"
        "  :quit        (:stop)         stop (Ctrl-D works too)\n"
        "Users:\n{personas}",
    },
    "console.cannot_start": {
        "nl": "Balie kan niet starten: {error}",
        "en": "Balie cannot start: {error}",
    },
    "console.failed": {
        "nl": "Er ging iets mis in de console; zie de log. Probeer het opnieuw.",
        "en": "Something went wrong in the console; see the log. Please try again.",
    },
    "console.goodbye": {"nl": "Tot ziens.", "en": "Goodbye."},
    "console.unknown_method": {
        "nl": "[console] Balie roept {method} aan; dat kent de console niet.",
        "en": "[console] Balie calls {method}; the console does not know that method.",
    },
    "console.where.dm": {"nl": "privébericht aan {user}", "en": "direct message to {user}"},
    "console.where.only_you": {"nl": "alleen voor jou", "en": "only for you"},
    "console.heading.message": {"nl": "[{where}] Balie:", "en": "[{where}] Balie:"},
    "console.heading.thread": {
        "nl": "[{where} › draadje {label}] Balie:",
        "en": "[{where} › thread {label}] Balie:",
    },
    "console.heading.update": {
        "nl": "[{where}] Balie werkt een bericht bij:",
        "en": "[{where}] Balie updates a message:",
    },
    "console.heading.ephemeral": {
        "nl": "[{where} · alleen zichtbaar voor {user}] Balie:",
        "en": "[{where} · only visible to {user}] Balie:",
    },
    "console.heading.view_open": {
        "nl": "[formulier] Balie opent een formulier:",
        "en": "[form] Balie opens a form:",
    },
    "console.heading.view_update": {
        "nl": "[formulier] Balie werkt het formulier bij:",
        "en": "[form] Balie updates the form:",
    },
    "console.heading.mail": {
        "nl": "[e-mail, niet verstuurd] Balie mailt:",
        "en": "[e-mail, not sent] Balie sends an e-mail:",
    },
    "console.heading.http_error": {
        "nl": "[fout] Balie antwoordt met HTTP {status}",
        "en": "[error] Balie answers with HTTP {status}",
    },
    "console.hint.new_ticket": {
        "nl": "Een formulier kun je in de console niet invullen. Registreer het ticket in één regel:\n"
        "`/ticket nieuw klant=… contact=… via=… type=… impact=… urgentie=… onderwerp`\n"
        'bijvoorbeeld: `/ticket nieuw klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden Printer doet het niet`',
        "en": "You cannot fill in a form in the console. Register the ticket in one line:\n"
        "`/ticket new customer=… contact=… via=… type=… impact=… urgency=… subject`\n"
        'for example: `/ticket new customer=ACME contact="Jan Jansen" via=phone type=incident impact=high urgency=medium Printer not working`',
    },
    "console.hint.other_view": {
        "nl": "Een formulier kun je in de console niet invullen; gebruik het /ticket-subcommando (zie /ticket help).",
        "en": "You cannot fill in a form in the console; use the /ticket subcommand (see /ticket help).",
    },
    "console.render.optional": {"nl": "(optioneel)", "en": "(optional)"},
    "console.render.multiline": {"nl": "[…meerdere regels…]", "en": "[…several lines…]"},
    "console.render.date": {"nl": "datum", "en": "date"},
    "console.render.image": {"nl": "afbeelding", "en": "image"},
    "console.render.image_alt": {"nl": "[afbeelding: {alt}]", "en": "[image: {alt}]"},
    "console.mail.from": {"nl": "Van:", "en": "From:"},
    "console.mail.to": {"nl": "Aan:", "en": "To:"},
    "console.mail.subject": {"nl": "Onderwerp:", "en": "Subject:"},
    # A no-break space: "(was: loopt)" is never wrapped after "was:".
    "console.change.was": {"nl": "{new} (was:\u00a0{old})", "en": "{new} (was:\u00a0{old})"},
    "console.change.buttons": {"nl": "Knoppen nu", "en": "Buttons now"},
    "console.change.none": {
        "nl": "{ticket}: niets zichtbaars veranderd",
        "en": "{ticket}: nothing visible changed",
    },
}
