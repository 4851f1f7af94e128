"""The console (python -m bot console): its banner, its commands and how it shows Slack."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    "console.banner.title": {"nl": "Balie in de console", "en": "Balie in the console"},
    "console.banner.intro": {
        "nl": "Er zijn geen Slack-gegevens ingesteld, dus Balie draait hier in de terminal. Je typt\n"
        "dezelfde slash-commando's als een agent in Slack en ziet Balies antwoorden, berichten\n"
        "in kanalen en e-mails als tekst. E-mails worden niet verstuurd, en bestanden die\n"
        "Balie uploadt, komen in de map {folder}.",
        "en": "No Slack credentials are set, so Balie runs here in the terminal. You type the same\n"
        "slash commands as an agent in Slack and see Balie's replies, channel messages and\n"
        "e-mails as text. E-mails are not sent, and files Balie uploads go to the folder\n"
        "{folder}.",
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
        "  /rapport help                samenvattingen op verzoek (teamleider en beheerder)\n"
        "  /facturatie help             de maandexport voor de facturatie (teamleider en beheerder)\n"
        "  @agent in een commando       noemt een gebruiker, zoals in Slack\n"
        "Console-commando's:\n"
        "  :gebruiker NAAM  (:user)     wissel van gebruiker\n"
        "  :wie             (:whoami)   wie ben je nu\n"
        "  :home            (:thuis)    open je Home-tab in Balie\n"
        "  :bestanden [MAP] (:files)    de bestanden die Balie uploadde; met een map: bewaar ze voortaan daar\n"
        "  :samenvattingen  (:summaries) plaats de geplande samenvattingen die nu aan de beurt zijn\n"
        "  :help                        deze hulp\n"
        "  :stop            (:quit)     stoppen (Ctrl-D kan ook)\n"
        "Gebruikers:\n{personas}",
        "en": "Slash commands go to Balie, exactly as in Slack:\n"
        "  /ticket help                 all /ticket commands\n"
        "  /klant help                  all /klant commands\n"
        "  /klant list                  the customers; /klant show CODE gives their contacts\n"
        "  /rapport help                summaries on request (team leads and admins)\n"
        "  /facturatie help             the monthly export for invoicing (team leads and admins)\n"
        "  @agent in a command          mentions a user, as in Slack\n"
        "Console commands:\n"
        "  :user NAME   (:gebruiker)    switch to another user\n"
        "  :whoami      (:wie)          who you are now\n"
        "  :home        (:thuis)        open your Home tab in Balie\n"
        "  :files [FOLDER] (:bestanden) the files Balie uploaded; with a folder: save them there from now on\n"
        "  :summaries   (:samenvattingen) post the scheduled summaries that are due now\n"
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
    "console.heading.file": {
        "nl": "[{where}] Balie deelt een bestand:",
        "en": "[{where}] Balie shares a file:",
    },
    "console.heading.file_thread": {
        "nl": "[{where} › draadje {label}] Balie deelt een bestand:",
        "en": "[{where} › thread {label}] Balie shares a file:",
    },
    "console.heading.file_private": {
        "nl": "[bestand, nergens gedeeld] Balie uploadt een bestand voor een bericht:",
        "en": "[file, not shared] Balie uploads a file for a message:",
    },
    "console.heading.home": {
        "nl": "[Home-tab van {user}] Balie:",
        "en": "[Home tab of {user}] Balie:",
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
    "console.hint.home": {
        "nl": "Op een knop drukken kan in de console niet; `/ticket` opent hetzelfde formulier.",
        "en": "You cannot press a button in the console; `/ticket` opens the same form.",
    },
    "console.home.pending": {
        "nl": "Balie werkt je Home-tab nog bij. Je ziet hem na je volgende commando, of typ over een paar seconden nog eens :home.",
        "en": "Balie is still updating your Home tab. It shows after your next command, or type :home again in a few seconds.",
    },
    "console.files.moved": {
        "nl": "Nieuwe bestanden komen vanaf nu in {folder}.",
        "en": "New files go to {folder} from now on.",
    },
    "console.files.none": {
        "nl": "Balie heeft nog geen bestanden geüpload; ze komen in {folder}.",
        "en": "Balie has not uploaded any files yet; they go to {folder}.",
    },
    "console.files.list": {
        "nl": "Bestanden van deze sessie (nieuwe komen in {folder}):\n{files}",
        "en": "Files of this session (new ones go to {folder}):\n{files}",
    },
    "console.summaries.none": {
        "nl": "Er is nu geen geplande samenvatting aan de beurt.",
        "en": "No scheduled summary is due now.",
    },
    # A file is saved in a folder instead of uploaded; the size in the user's notation.
    "console.file.saved": {
        "nl": "📎 {name} ({size}) · opgeslagen als {path}",
        "en": "📎 {name} ({size}) · saved as {path}",
    },
    "console.file.title": {"nl": "Titel: {title}", "en": "Title: {title}"},
    "console.file.alt": {"nl": "Alt-tekst: {alt}", "en": "Alt text: {alt}"},
    "console.file.bytes": {"nl": "{n} bytes", "en": "{n} bytes"},
    "console.file.kb": {"nl": "{n} KB", "en": "{n} KB"},
    "console.file.mb": {"nl": "{n} MB", "en": "{n} MB"},
    "console.render.image_file": {
        "nl": "[afbeelding: {alt}] (opgeslagen als {path})",
        "en": "[image: {alt}] (saved as {path})",
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
