"""python -m bot: settings that stop Balie starting, and the operator's commands."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- the operator's commands ---------------------------------------------------------------
    "cli.no_such_file": {"nl": "Bestand {path} bestaat niet.", "en": "No such file: {path}."},
    "cli.migrate_done": {
        "nl": "De database is bijgewerkt van versie {before} naar {after}.",
        "en": "The database was upgraded from version {before} to {after}.",
    },
    "cli.migrate_current": {
        "nl": "De database is al bij (versie {revision}).",
        "en": "The database is up to date (version {revision}).",
    },
    "cli.outbox_pending": {
        "nl": {
            "one": "{count} bericht wacht nog op verzending.",
            "other": "{count} berichten wachten nog op verzending.",
        },
        "en": {
            "one": "{count} message is still waiting to be delivered.",
            "other": "{count} messages are still waiting to be delivered.",
        },
    },
    "cli.outbox_failed": {
        "nl": "#{id} {kind} is mislukt (pogingen: {attempts}): {error}",
        "en": "#{id} {kind} failed (attempts: {attempts}): {error}",
    },
    # --- settings that stop Balie starting -----------------------------------------------------
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
        "nl": "moet een http- of https-adres zijn, zoals https://slack.com/api/",
        "en": "must be an http or https URL, such as https://slack.com/api/",
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
    "settings.http_url": {
        "nl": "moet een http- of https-adres zijn, zoals https://hc-ping.com/…",
        "en": "must be an http or https URL, such as https://hc-ping.com/…",
    },
    "settings.choice": {"nl": "kies uit {choices}", "en": "choose one of {choices}"},
    "settings.integer": {"nl": "moet een geheel getal zijn", "en": "must be a whole number"},
    "settings.at_least": {"nl": "moet minstens {min} zijn", "en": "must be at least {min}"},
    "settings.at_most": {"nl": "mag hoogstens {max} zijn", "en": "must be at most {max}"},
    "settings.boolean": {"nl": "moet true of false zijn", "en": "must be true or false"},
    "settings.invalid": {"nl": "is ongeldig", "en": "is not valid"},
    "settings.twilio_account_sid": {
        "nl": "moet een account-SID van Twilio zijn: AC gevolgd door 32 hexadecimale tekens",
        "en": "must be a Twilio account SID: AC followed by 32 hexadecimal characters",
    },
    "settings.twilio_auth_token": {
        "nl": "moet het auth-token van het Twilio-account zijn, zonder spaties",
        "en": "must be the Twilio account's auth token, without spaces",
    },
    "settings.e164": {
        "nl": "moet een telefoonnummer in internationale notatie zijn, zoals +31201234567",
        "en": "must be a phone number in international (E.164) form, such as +31201234567",
    },
    "settings.twilio_api_url": {
        "nl": "moet een http- of https-adres zijn, zoals https://api.twilio.com",
        "en": "must be an http or https URL, such as https://api.twilio.com",
    },
    "settings.public_url": {
        "nl": "moet het https-adres zijn waarop Balie bereikbaar is, zoals https://balie.korton.nl",
        "en": "must be the https URL Balie is reachable at, such as https://balie.korton.nl",
    },
    "settings.phone_missing": {
        "nl": "ontbreekt: bellen en sms'en voor de waakdienst kan alleen met alle Twilio-instellingen samen (nu ingesteld: {given}); stel ze allemaal in, of geen",
        "en": "is missing: the waakdienst can only call and text with all the Twilio settings together (set now: {given}); set them all, or none",
    },
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
}
