"""python -m bot import: where a customer file is wrong, and what the import did."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    "field.import_shape": {
        "nl": "het bestand moet een lijst 'customers' bevatten",
        "en": "the file must hold a list 'customers'",
    },
    "field.csv_columns": {"nl": "kolommen ontbreken: {value}", "en": "columns missing: {value}"},
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
}
