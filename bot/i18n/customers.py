"""/klant: customers, their contacts, and what a change did."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- what a change did --------------------------------------------------------------------
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
    "customer.contact_removed": {
        "nl": "Contactpersoon {email} is verwijderd bij {code}.",
        "en": "Contact {email} was removed from {code}.",
    },
    # --- /klant toon and /klant lijst --------------------------------------------------------
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
    "customer.list_row": {
        "nl": {
            "one": "• *{code}* · {name} · SLA {tier} · {count} contactpersoon",
            "other": "• *{code}* · {name} · SLA {tier} · {count} contactpersonen",
        },
        "en": {
            "one": "• *{code}* · {name} · SLA {tier} · {count} contact",
            "other": "• *{code}* · {name} · SLA {tier} · {count} contacts",
        },
    },
    # --- what /klant refuses -----------------------------------------------------------------
    "field.customer_exists": {
        "nl": "klant {value} bestaat al; pas hem aan met `/klant wijzig {value} …`",
        "en": "customer {value} already exists; change it with `/klant edit {value} …`",
    },
    "field.no_main_contact": {
        "nl": "dan heeft {customer} geen hoofdcontactpersoon meer; maak eerst iemand anders hoofdcontactpersoon (rol=hoofd)",
        "en": "{customer} would then have no main contact; make someone else the main contact first (role=main)",
    },
    "field.contact_has_tickets": {
        "nl": "{value} heeft tickets gemeld en blijft daarom bewaard; maak er een eindgebruiker van (rol=eindgebruiker) om nieuwe meldingen te weigeren",
        "en": "{value} reported tickets and is therefore kept; make them an end user (role=end_user) to refuse new reports",
    },
    # --- /klant help --------------------------------------------------------------------------
    "help.klant": {
        "nl": "*Balie: /klant* (wijzigen alleen voor beheerders)\n"
        "`/klant lijst` · `/klant toon CODE`\n"
        '`/klant nieuw code=CODE naam="…" sla=brons|zilver|goud contract=JJJJ-MM-DD accountmanager="…"` (een bestaande code wordt geweigerd)\n'
        "`/klant zet code=CODE …` maakt de klant aan of werkt hem bij · `/klant wijzig CODE [naam=…] [sla=…] [contract=…] [accountmanager=…]`\n"
        '`/klant contact CODE naam="…" email=… [telefoon=…] rol=hoofd|it|eindgebruiker`\n'
        "`/klant verwijder-contact CODE E-MAIL`\n"
        "`/klant kennis CODE toelichting`: basiskennis ontbreekt, de accountmanager hoort het en biedt een training aan\n"
        "`/klant training CODE gepland|gevolgd|afgewezen` (accountmanager of beheerder): afgewezen of niet op tijd gevolgd, dan worden gebruikersvragen doorbelast",
        "en": "*Balie: /klant* (changes by admins only)\n"
        "`/klant list` · `/klant show CODE`\n"
        '`/klant new code=CODE name="…" sla=bronze|silver|gold contract=YYYY-MM-DD account_manager="…"` (an existing code is refused)\n'
        "`/klant set code=CODE …` creates or updates the customer · `/klant edit CODE [name=…] [sla=…] [contract=…] [account_manager=…]`\n"
        '`/klant contact CODE name="…" email=… [phone=…] role=main|it|end_user`\n'
        "`/klant remove-contact CODE E-MAIL`\n"
        "`/klant knowledge CODE explanation`: basic knowledge is missing; the account manager is told and offers a training\n"
        "`/klant training CODE planned|taken|declined` (account manager or admin): declined, or not taken in time, and user questions are charged",
    },
}
