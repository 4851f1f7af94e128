"""The waakdienst's rota: /waakdienst, the overview, handovers, gaps and imports."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- words ---------------------------------------------------------------------------------
    "rota.which.primary": {"nl": "primair", "en": "primary"},
    "rota.which.backup": {"nl": "achterwacht", "en": "backup"},
    "rota.day.mon": {"nl": "ma", "en": "Mon"},
    "rota.day.tue": {"nl": "di", "en": "Tue"},
    "rota.day.wed": {"nl": "wo", "en": "Wed"},
    "rota.day.thu": {"nl": "do", "en": "Thu"},
    "rota.day.fri": {"nl": "vr", "en": "Fri"},
    "rota.day.sat": {"nl": "za", "en": "Sat"},
    "rota.day.sun": {"nl": "zo", "en": "Sun"},
    "rota.weekday.mon": {"nl": "maandag", "en": "Monday"},
    "rota.weekday.tue": {"nl": "dinsdag", "en": "Tuesday"},
    "rota.weekday.wed": {"nl": "woensdag", "en": "Wednesday"},
    "rota.weekday.thu": {"nl": "donderdag", "en": "Thursday"},
    "rota.weekday.fri": {"nl": "vrijdag", "en": "Friday"},
    "rota.weekday.sat": {"nl": "zaterdag", "en": "Saturday"},
    "rota.weekday.sun": {"nl": "zondag", "en": "Sunday"},
    "rota.label.rotation": {"nl": "rotatie", "en": "rotation"},
    "rota.label.members": {"nl": "mensen", "en": "people"},
    "rota.label.from": {"nl": "van", "en": "from"},
    "rota.label.until": {"nl": "tot", "en": "until"},
    "rota.label.handover": {"nl": "wissel", "en": "handover"},
    "rota.label.every": {"nl": "elke", "en": "every"},
    "rota.open_end": {"nl": "nader order", "en": "further notice"},
    # --- the overview -------------------------------------------------------------------------
    "rota.title": {"nl": "*Waakdienst*", "en": "*On call (waakdienst)*"},
    "rota.now": {"nl": "*Nu:* {parts}", "en": "*Now:* {parts}"},
    "rota.now_part": {"nl": "{which} {who} tot {end}", "en": "{which} {who} until {end}"},
    "rota.now_part_nobody": {"nl": "{which} {who}", "en": "{which} {who}"},
    "rota.next": {"nl": "*Daarna:* {parts}", "en": "*Next:* {parts}"},
    "rota.next_part": {"nl": "{which} {who} vanaf {start}", "en": "{which} {who} from {start}"},
    "rota.next_nobody": {
        "nl": "*Daarna:* nog niemand ingeroosterd",
        "en": "*Next:* nobody on the rota yet",
    },
    "rota.coming": {
        "nl": "*Komende vier weken, {which}*",
        "en": "*The coming four weeks, {which}*",
    },
    "rota.no_rotation": {
        "nl": "_Geen rotatie. Stel er een in met `/waakdienst rotatie`._",
        "en": "_No rotation. Set one up with `/waakdienst rotation`._",
    },
    "rota.turn_line": {"nl": "• {start} – {end} · {who}", "en": "• {start} – {end} · {who}"},
    "rota.turn_line_nobody": {
        "nl": "• {start} – {end} · {who} :warning:",
        "en": "• {start} – {end} · {who} :warning:",
    },
    "rota.mark.take_over": {
        "nl": "{who} _(neemt over van {instead})_",
        "en": "{who} _(taking over from {instead})_",
    },
    "rota.mark.swap": {
        "nl": "{who} _(geruild met {instead})_",
        "en": "{who} _(swapped with {instead})_",
    },
    "rota.mark.override": {"nl": "{who} _(overname)_", "en": "{who} _(override)_"},
    "rota.gaps_title": {
        "nl": "*Gat in het rooster: in deze periode heeft niemand de waakdienst:*",
        "en": "*Gap in the rota: nobody is on call in this period:*",
    },
    "rota.gap_line": {"nl": "van {start} tot {end}", "en": "from {start} until {end}"},
    "rota.gap_until": {"nl": "vanaf nu tot {end}", "en": "from now until {end}"},
    "rota.gap_which": {"nl": "{which}: {gap}", "en": "{which}: {gap}"},
    # --- notices (outbox) ---------------------------------------------------------------------
    "rota.handover_dm": {
        "nl": "Je hebt de waakdienst ({which}) van {start} tot {end}. Een rustige dienst gewenst!",
        "en": "You are on call ({which}) from {start} until {end}. Here's hoping for a quiet shift.",
    },
    "rota.handover_line": {
        "nl": "Waakdienst ({which}): {who} heeft de waakdienst van {start} tot {end}.",
        "en": "On call ({which}): {who} has it from {start} until {end}.",
    },
    "rota.gap_report": {
        "nl": ":warning: Gat in het rooster: in deze periode heeft niemand de waakdienst:",
        "en": ":warning: Gap in the rota: nobody is on call in this period:",
    },
    # --- answers to changes -------------------------------------------------------------------
    "rota.rotation_set": {
        "nl": "Rotatie {which}: {members}, elke {days} dagen, wissel op {weekday} om {at}. De eerste dienst begint {first}.",
        "en": "Rotation {which}: {members}, every {days} days, handing over on {weekday} at {at}. The first shift starts {first}.",
    },
    "rota.taken_over": {
        "nl": "{who} neemt de waakdienst ({which}) over van {start} tot {end} (ingeroosterd was {instead}).",
        "en": "{who} takes over the on-call shift ({which}) from {start} until {end} ({instead} was on the rota).",
    },
    "rota.swapped": {"nl": "{a} en {b} ruilen van dienst:", "en": "{a} and {b} swap shifts:"},
    "rota.swapped_line": {
        "nl": "• {who} heeft de waakdienst van {start} tot {end}",
        "en": "• {who} has it from {start} until {end}",
    },
    "rota.phone_set": {
        "nl": "Het telefoonnummer van {who} voor de waakdienst is nu {phone}.",
        "en": "{who}'s phone number for the on-call rota is now {phone}.",
    },
    "rota.not_available": {
        "nl": "`/waakdienst {sub}` ken ik niet. Typ `/waakdienst help` voor wat wel kan.",
        "en": "I don't know `/waakdienst {sub}`. Type `/waakdienst help` for what I can do.",
    },
    "rota.help": {
        "nl": (
            "*/waakdienst* (ook met Engelse woorden)\n"
            "• `/waakdienst` of `toon`: wie heeft het nu, wie daarna, en de komende vier weken\n"
            '• `rotatie primair|achterwacht @a @b @c [vanaf=DATUM] [wissel="ma 08:30"] [elke=7d]`\n'
            "• `neem-over [@wie] [achterwacht] [van=…] [tot=…]`: zonder @wie neem jij het over; zonder van= vanaf nu; zonder tot= tot het eind van die dienst\n"
            "• `ruil @a @b [achterwacht] [DATUM|week 49]`: ze ruilen hun eerstvolgende dienst\n"
            "• `telefoon @wie +31612345678`\n"
            "• `accepteer`, `escaleer`, `roep-op NUMMER`: oproepen\n"
            "• `tijd NUMMER 45m [omschrijving]`: je tijd aan een ticket dat wordt doorbelast (ook `1u30m`, `90m`)\n"
            "Datums: `2026-12-24 18:00`, `24-12 18:00`, `ma 08:30`, `morgen`, `nu`. Zonder tijd telt de wisseltijd. Alleen teamleiders en beheerders kunnen het rooster wijzigen."
        ),
        "en": (
            "*/waakdienst* (Dutch words work too)\n"
            "• `/waakdienst` or `show`: who has it now, who is next, and the coming four weeks\n"
            '• `rotation primary|backup @a @b @c [from=DATE] [handover="mon 08:30"] [every=7d]`\n'
            "• `take-over [@who] [backup] [from=…] [until=…]`: without @who you take it over; without from= from now; without until= to the end of that shift\n"
            "• `swap @a @b [backup] [DATE|week 49]`: they swap their next shifts\n"
            "• `phone @who +31612345678`\n"
            "• `ack`, `escalate`, `page NUMBER`: pages\n"
            "• `time NUMBER 45m [description]`: your time on a ticket that is charged (also `1h30m`, `90m`)\n"
            "Dates: `2026-12-24 18:00`, `24-12 18:00`, `mon 08:30`, `tomorrow`, `now`. Without a time, the handover time counts. Team leads and admins manage the rota."
        ),
    },
    # --- bad input ----------------------------------------------------------------------------
    "rota.word_unknown": {
        "nl": "'{value}' begrijp ik hier niet; noem mensen met @ en kies primair of achterwacht",
        "en": "'{value}' makes no sense here; mention people with @ and choose primary or backup",
    },
    "rota.which_required": {
        "nl": "zeg welke rotatie: primair of achterwacht",
        "en": "say which rotation: primary or backup",
    },
    "rota.members_required": {
        "nl": "noem de mensen in de rotatie met @, in hun volgorde",
        "en": "mention the people of the rotation with @, in their order",
    },
    "rota.one_user": {"nl": "noem hooguit één persoon", "en": "mention one person at most"},
    "rota.one_user_required": {"nl": "noem één persoon met @", "en": "mention one person with @"},
    "rota.two_users": {
        "nl": "noem precies twee mensen met @ die ruilen",
        "en": "mention exactly two people with @ who swap",
    },
    "rota.moment_invalid": {
        "nl": "{key}: '{value}' is geen moment; schrijf bijvoorbeeld 2026-12-24 18:00, 24-12 18:00, ma 08:30 of morgen",
        "en": "{key}: '{value}' is not a moment; write, for example, 2026-12-24 18:00, 24-12 18:00, mon 08:30 or tomorrow",
    },
    "rota.day_invalid": {
        "nl": "'{value}' is geen datum; schrijf bijvoorbeeld 2026-12-07, 7-12, ma of week 50",
        "en": "'{value}' is not a date; write, for example, 2026-12-07, 7-12, mon or week 50",
    },
    "rota.handover_invalid": {
        "nl": "'{value}' is geen wisselmoment; schrijf een dag en een tijd, zoals \"ma 08:30\"",
        "en": "'{value}' is not a handover; write a day and a time, such as \"mon 08:30\"",
    },
    "rota.every_invalid": {
        "nl": "'{value}' is geen periode; schrijf een aantal hele dagen of weken, zoals 7d of 2w",
        "en": "'{value}' is not a period; write whole days or weeks, such as 7d or 2w",
    },
    "rota.phone_required": {
        "nl": "het telefoonnummer ontbreekt",
        "en": "the phone number is missing",
    },
    "rota.phone_invalid": {
        "nl": "'{value}' is geen telefoonnummer; schrijf bijvoorbeeld +31612345678 of 06 12345678",
        "en": "'{value}' is not a phone number; write, for example, +31612345678 or 06 12345678",
    },
    "rota.until_required": {
        "nl": "er is geen dienst om tot het eind over te nemen; zeg tot wanneer met tot=",
        "en": "there is no shift to take over to its end; say until when with until=",
    },
    "rota.until_before_from": {
        "nl": "het einde ligt niet na het begin",
        "en": "the end is not after the start",
    },
    "rota.until_past": {"nl": "het einde ligt in het verleden", "en": "the end has passed"},
    "rota.swap_same": {
        "nl": "<@{user}> kan niet met zichzelf ruilen",
        "en": "<@{user}> cannot swap with themselves",
    },
    "rota.swap_no_shift": {
        "nl": "<@{user}> staat niet in die rotatie en heeft dus geen dienst om te ruilen",
        "en": "<@{user}> is not in that rotation, so has no shift to swap",
    },
    "rota.swap_no_shift_soon": {
        "nl": "een van beiden heeft voorlopig geen dienst om te ruilen",
        "en": "one of them has no shift coming up to swap",
    },
    # --- python -m bot import (rota files) --------------------------------------------------
    "rota.import.failed": {
        "nl": "{path} is niet ingelezen; er is niets veranderd. Dit moet anders:",
        "en": "{path} was not imported; nothing changed. To fix:",
    },
    # The summary: `rota.import.summary` with the counts, each in its plural form.
    "rota.import.summary": {
        "nl": "{path} is ingelezen: {engineers}, {rotations}, {added} ({unchanged}), {skipped}.",
        "en": "{path} was imported: {engineers}, {rotations}, {added} ({unchanged}), {skipped}.",
    },
    "rota.import.engineers": {
        "nl": {"one": "1 engineer bijgewerkt", "other": "{count} engineers bijgewerkt"},
        "en": {"one": "1 engineer updated", "other": "{count} engineers updated"},
    },
    "rota.import.rotations": {
        "nl": {"one": "1 rotatie ingesteld", "other": "{count} rotaties ingesteld"},
        "en": {"one": "1 rotation set", "other": "{count} rotations set"},
    },
    "rota.import.added": {
        "nl": {"one": "1 overname toegevoegd", "other": "{count} overnames toegevoegd"},
        "en": {"one": "1 override added", "other": "{count} overrides added"},
    },
    "rota.import.unchanged": {
        "nl": {"one": "1 was er al", "other": "{count} waren er al"},
        "en": {"one": "1 was there already", "other": "{count} were there already"},
    },
    "rota.import.skipped": {
        "nl": {
            "one": "1 afspraak zonder engineer overgeslagen",
            "other": "{count} afspraken zonder engineer overgeslagen",
        },
        "en": {
            "one": "1 event naming no engineer skipped",
            "other": "{count} events naming no engineer skipped",
        },
    },
    "rota.import.shape": {
        "nl": "een roosterbestand heeft engineers:, rotations: en/of overrides: bovenaan",
        "en": "a rota file has engineers:, rotations: and/or overrides: at the top",
    },
    "rota.import.unknown_key": {
        "nl": "'{value}' kent Balie hier niet",
        "en": "Balie does not know '{value}' here",
    },
    "rota.import.not_a_list": {"nl": "hier hoort een lijst", "en": "a list belongs here"},
    "rota.import.not_a_mapping": {
        "nl": "hier horen sleutels met waarden",
        "en": "keys with values belong here",
    },
    "rota.import.slack_id": {
        "nl": "slack: '{value}' is geen Slack-gebruikers-id (zoals U0123ABCD)",
        "en": "slack: '{value}' is not a Slack user id (such as U0123ABCD)",
    },
    "rota.import.email": {
        "nl": "email: '{value}' is geen e-mailadres",
        "en": "email: '{value}' is not an e-mail address",
    },
    "rota.import.no_engineer": {
        "nl": "'{value}' is geen engineer uit dit bestand of uit Balie; gebruik een Slack-id of het e-mailadres van een engineer",
        "en": "'{value}' is no engineer from this file or from Balie; use an engineer's Slack id or e-mail address",
    },
    "rota.import.rotation_name": {
        "nl": "'{value}' is geen rotatie; kies primary of backup",
        "en": "'{value}' is not a rotation; choose primary or backup",
    },
    "rota.import.start": {
        "nl": "start: '{value}' is geen datum; schrijf bijvoorbeeld 2026-11-30",
        "en": "start: '{value}' is not a date; write, for example, 2026-11-30",
    },
    "rota.import.ical_invalid": {
        "nl": "dit is geen leesbaar iCalendar-bestand ({detail})",
        "en": "this is not a readable iCalendar file ({detail})",
    },
    "rota.import.ical_several": {
        "nl": "deze afspraak noemt meer engineers ({users}); zet er één in",
        "en": "this event names several engineers ({users}); name one",
    },
}
