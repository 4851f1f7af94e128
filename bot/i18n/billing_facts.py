"""Texts of billable work's facts: referrals, training notices, written orders, scope."""
# ruff: noqa: E501

from bot.i18n.entries import Catalogue

# The outcome of a training notice, and the reply that goes with recording it. Only a training
# taken ends the period; a planned one keeps it running (storage.billing_facts.charged_since).
TRAINING_KEYS: dict[str, str] = {
    "open": "facts.training.open",
    "planned": "facts.training.planned",
    "taken": "facts.training.taken",
    "declined": "facts.training.declined",
}
TRAINED_KEYS: dict[str, str] = {
    "planned": "facts.trained.planned",
    "taken": "facts.trained.taken",
    "declined": "facts.trained.declined",
}

MESSAGES: Catalogue = {
    # --- labels and problems with what was typed ----------------------------------------------
    "facts.label.scope": {"nl": "scope", "en": "scope"},
    "facts.label.target": {"nl": "verwijzing", "en": "referral"},
    "facts.label.reference": {"nl": "referentie", "en": "reference"},
    "facts.label.given_on": {"nl": "datum", "en": "date"},
    "facts.label.given_by": {"nl": "opdrachtgever", "en": "given by"},
    "facts.label.training": {"nl": "training", "en": "training"},
    "facts.field.reference_required": {
        "nl": "schrijf erbij naar welke handleiding of werkinstructie je verwijst (een titel of een link)",
        "en": "add the manual or work instruction you refer to (a title or a link)",
    },
    "facts.field.link_target_required": {
        "nl": "geef het ticket met de verwijzing, zoals `{example}`, of `los` om te ontkoppelen",
        "en": "give the ticket with the referral, such as `{example}`, or `none` to unlink",
    },
    "facts.field.link_extra": {
        "nl": "na de twee ticketnummers hoort niets meer, niet '{value}'",
        "en": "nothing belongs after the two ticket numbers, not '{value}'",
    },
    "facts.field.link_self": {
        "nl": "{number} kun je niet aan zichzelf koppelen",
        "en": "{number} cannot be linked to itself",
    },
    "facts.field.date_invalid": {
        "nl": "'{value}' is geen datum; schrijf bijvoorbeeld 20-11-2026",
        "en": "'{value}' is not a date; write, for example, 20-11-2026",
    },
    "facts.field.date_twice": {
        "nl": "geef één datum, niet meer ({value})",
        "en": "give one date, not several ({value})",
    },
    "facts.field.order_in_future": {
        "nl": "de opdracht is vooraf gegeven, dus niet op een dag die nog moet komen ({value})",
        "en": "the order was given beforehand, so not on a day still to come ({value})",
    },
    "facts.field.order_reference_required": {
        "nl": "schrijf de referentie van de schriftelijke opdracht erbij (bijvoorbeeld het ordernummer of de datum en afzender van de mail)",
        "en": "add the written order's reference (such as its order number, or the e-mail's date and sender)",
    },
    "facts.field.given_by_empty": {
        "nl": "schrijf na door= wie de opdracht gaf",
        "en": "write who gave the order after by=",
    },
    "facts.field.scope_invalid": {
        "nl": "'{value}' is geen scope; kies {choices}",
        "en": "'{value}' is not a scope; choose {choices}",
    },
    "facts.field.knowledge_text_required": {
        "nl": "schrijf erbij welke basiskennis ontbreekt (de accountmanager leest het)",
        "en": "add what basic knowledge is missing (the account manager reads it)",
    },
    # --- refusals -----------------------------------------------------------------------------
    "facts.error.refer_not_a_question": {
        "nl": "{number} is een {type}; naar een handleiding verwijzen kan alleen bij een {questions}. Herclassificeer het eerst als het een vraag is.",
        "en": "{number} is a {type}; referring to a manual is only for a {questions}. Reclassify it first if it is a question.",
    },
    "facts.error.link_other_customer": {
        "nl": "{number} is van {customer} en {target} van {target_customer}: koppelen kan alleen aan een verwijzing van dezelfde klant.",
        "en": "{number} belongs to {customer} and {target} to {target_customer}: a question can only be linked to a referral of the same customer.",
    },
    "facts.error.link_no_referral": {
        "nl": "{target} heeft geen verwijzing naar een handleiding; verwijs eerst met `/ticket verwijs {target} HANDLEIDING-OF-LINK`.",
        "en": "{target} has no referral to a manual; refer first with `/ticket refer {target} MANUAL-OR-LINK`.",
    },
    "facts.error.no_notice": {
        "nl": "Voor {code} is nog niet gemeld dat basiskennis ontbreekt; doe dat eerst met `/klant kennis {code} TOELICHTING`.",
        "en": "Nobody has noted yet that {code} lacks basic knowledge; do that first with `/klant knowledge {code} EXPLANATION`.",
    },
    "facts.error.training_forbidden": {
        "nl": "De uitkomst van de training van {customer} legt de accountmanager ({manager}) of een beheerder vast.",
        "en": "The outcome of {customer}'s training is recorded by the account manager ({manager}) or an admin.",
    },
    # --- rule 2: referrals --------------------------------------------------------------------
    "facts.referred": {
        "nl": "{number} is opgelost met een verwijzing naar: {reference}\n{contact} krijgt die per e-mail. Tijd die je hierna op deze vraag schrijft, of op een nieuwe vraag die je eraan koppelt (`/ticket koppel NUMMER {number}`), wordt doorbelast.",
        "en": "{number} is resolved with a referral to: {reference}\n{contact} gets it by e-mail. Time you record on this question from now on, or on a new question you link to it (`/ticket link NUMBER {number}`), is charged.",
    },
    "facts.linked": {
        "nl": "{number} is gekoppeld aan {target} (verwezen naar: {reference}). Tijd die je op {number} schrijft, wordt doorbelast.",
        "en": "{number} is linked to {target} (referred to: {reference}). Time you record on {number} is charged.",
    },
    "facts.linked_already": {
        "nl": "{number} was al gekoppeld aan {target}.",
        "en": "{number} was already linked to {target}.",
    },
    "facts.unlinked": {
        "nl": "{number} is niet meer gekoppeld aan een verwijzing.",
        "en": "{number} is no longer linked to a referral.",
    },
    "facts.unlinked_already": {
        "nl": "{number} was niet gekoppeld aan een verwijzing.",
        "en": "{number} was not linked to a referral.",
    },
    "facts.note.linked": {
        "nl": "gekoppeld aan {target} (verwezen naar: {reference}); tijd hierop wordt doorbelast.",
        "en": "linked to {target} (referred to: {reference}); time on this is charged.",
    },
    "facts.note.unlinked": {
        "nl": "niet meer gekoppeld aan een verwijzing.",
        "en": "no longer linked to a referral.",
    },
    "facts.mail.referral": {
        "nl": "Uw vraag {number} wordt beantwoord in deze handleiding of werkinstructie:\n\n{reference}\n\nDaarmee hebben wij uw vraag afgehandeld. Heeft u na het lezen toch nog ondersteuning nodig bij deze vraag, dan brengen wij de tijd die wij eraan besteden in rekening, zoals de dienstbeschrijving afspreekt.",
        "en": "Your question {number} is answered in this manual or work instruction:\n\n{reference}\n\nWith that, we have handled your question. Should you still need support with this question after reading it, we charge the time we spend on it, as the service description sets out.",
    },
    # --- rules 4 and 5: scope and written orders --------------------------------------------
    "facts.scope.out_of_scope": {
        "nl": "{number} valt nu buiten de scope: {kind}. Tijd hierop wordt doorbelast volgens de overeenkomst.",
        "en": "{number} is now out of scope: {kind}. Time on it is charged according to the agreement.",
    },
    "facts.scope.exclusion": {
        "nl": "{number} valt nu onder de uitsluitingen: {kind}. Dit werk doen we alleen op een schriftelijke opdracht die de klant vooraf gaf: registreer die met `/ticket opdracht {number} REFERENTIE [datum] [door=naam]`. Tot dan kun je er geen tijd op schrijven. Analyse van het domein waarin de storing ligt blijft gratis: schrijf die als soort=analyse.",
        "en": "{number} now falls under the exclusions: {kind}. This work is done only on a written order the customer gave beforehand: register it with `/ticket order {number} REFERENCE [date] [by=name]`. Until then no time can be recorded on it. Analysing in which domain the fault lies stays free: record it as kind=analysis.",
    },
    "facts.scope.exclusion_ordered": {
        "nl": "{number} valt nu onder de uitsluitingen: {kind}. De schriftelijke opdracht is er al ({reference}); tijd hierop wordt doorbelast.",
        "en": "{number} now falls under the exclusions: {kind}. The written order is there already ({reference}); time on it is charged.",
    },
    "facts.scope.in_scope": {
        "nl": "{number} valt weer binnen de scope; de gewone regels gelden.",
        "en": "{number} is in scope again; the usual rules apply.",
    },
    "facts.scope.unchanged": {
        "nl": "{number} stond al zo; er is niets veranderd.",
        "en": "{number} was like that already; nothing changed.",
    },
    "facts.ordered": {
        "nl": "Schriftelijke opdracht {reference} voor {number} is geregistreerd: gegeven door {given_by} op {given_on}. Hierop zijn de {terms} van toepassing.",
        "en": "Written order {reference} for {number} is registered: given by {given_by} on {given_on}. The {terms} apply to it.",
    },
    "facts.ordered_already": {
        "nl": "Schriftelijke opdracht {reference} stond al bij {number} (gegeven door {given_by} op {given_on}, geregistreerd door {registered_by} op {registered_at}). Hierop zijn de {terms} van toepassing.",
        "en": "Written order {reference} was already registered for {number} (given by {given_by} on {given_on}, registered by {registered_by} on {registered_at}). The {terms} apply to it.",
    },
    "facts.ordered.exclusion": {
        "nl": "Je kunt nu tijd schrijven op dit uitgesloten werk; die wordt doorbelast.",
        "en": "You can now record time on this excluded work; it is charged.",
    },
    "facts.ordered.not_excluded": {
        "nl": "{number} staat (nog) niet als uitsluiting; zet dat met `/ticket scope {number} uitsluiting:…`.",
        "en": "{number} is not (yet) one of the exclusions; set it with `/ticket scope {number} exclusion:…`.",
    },
    "facts.note.order": {
        "nl": "schriftelijke opdracht {reference} geregistreerd, gegeven door {given_by} op {given_on}; hierop zijn de {terms} van toepassing.",
        "en": "written order {reference} registered, given by {given_by} on {given_on}; the {terms} apply to it.",
    },
    # --- rule 3: missing basic knowledge and the training ---------------------------------
    "facts.training.open": {"nl": "nog geen uitkomst", "en": "no outcome yet"},
    "facts.training.planned": {"nl": "gepland", "en": "planned"},
    "facts.training.taken": {"nl": "gevolgd", "en": "taken"},
    "facts.training.declined": {"nl": "afgewezen", "en": "declined"},
    "facts.noted": {
        "nl": "Genoteerd: bij {customer} ontbreekt basiskennis. {told}\nWordt er vóór {due} geen training gevolgd, of wijst de klant die af, dan worden de gebruikersvragen van {customer} vanaf dat moment doorbelast.",
        "en": "Noted: {customer} lacks basic knowledge. {told}\nIf no training is taken before {due}, or the customer declines it, {customer}'s user questions are charged from then on.",
    },
    "facts.noted_again": {
        "nl": "Er loopt al een melding (training: {state}); de termijn blijft {due}.",
        "en": "A notice is running already (training: {state}); its period still ends on {due}.",
    },
    "facts.told.both": {
        "nl": "Accountmanager {name} krijgt een e-mail en een bericht in Slack.",
        "en": "Account manager {name} gets an e-mail and a message in Slack.",
    },
    "facts.told.mail": {
        "nl": "Accountmanager {name} krijgt een e-mail.",
        "en": "Account manager {name} gets an e-mail.",
    },
    "facts.told.dm": {
        "nl": "Accountmanager {name} krijgt een bericht in Slack.",
        "en": "Account manager {name} gets a message in Slack.",
    },
    "facts.told.leads": {
        "nl": "Accountmanager {name} is niet via Balie te bereiken (geen e-mailadres of Slack-account bij de klant); de teamleiders krijgen het om door te geven.",
        "en": "Account manager {name} cannot be reached through Balie (no e-mail address or Slack account with the customer); the team leads get it to pass on.",
    },
    "facts.trained.planned": {
        "nl": "Training voor {customer}: gepland. Wordt de training vóór {due} gevolgd, dan blijven de gebruikersvragen gratis; anders worden ze vanaf {due} doorbelast.",
        "en": "Training for {customer}: planned. If the training is taken before {due}, user questions stay free; otherwise they are charged from {due}.",
    },
    "facts.trained.taken": {
        "nl": "Training voor {customer}: gevolgd. Gebruikersvragen zijn weer gratis.",
        "en": "Training for {customer}: taken. User questions are free again.",
    },
    "facts.trained.declined": {
        "nl": "Training voor {customer}: afgewezen. De gebruikersvragen van {customer} worden vanaf nu doorbelast.",
        "en": "Training for {customer}: declined. {customer}'s user questions are charged from now on.",
    },
    "facts.trained.overdue": {
        "nl": "Training voor {customer}: gepland. De termijn is op {due} verlopen: tot de training gevolgd is, worden gebruikersvragen doorbelast.",
        "en": "Training for {customer}: planned. The period ended on {due}: until the training is taken, user questions are charged.",
    },
    "facts.knowledge.subject": {
        "nl": "Basiskennis ontbreekt bij {customer} ({code}): training aanbieden",
        "en": "{customer} ({code}) lacks basic knowledge: offer a training",
    },
    "facts.knowledge.body": {
        "nl": "Hoi {name},\n\nDe servicedesk merkt dat bij {customer} ({code}) basiskennis ontbreekt:\n\n{text}\n\nWil je de klant een (basis)training aanbieden? Leg de uitkomst vast met `/klant training {code} gepland|gevolgd|afgewezen`.\n\nWijst de klant de training af, of is er op {due} nog geen training gevolgd, dan worden de gebruikersvragen van {customer} vanaf dat moment doorbelast. Alleen een gevolgde training telt; een geplande nog niet.\n\nGroet,\nBalie, de servicedesk van Korton\n",
        "en": "Hi {name},\n\nThe service desk finds that {customer} ({code}) lacks basic knowledge:\n\n{text}\n\nCould you offer the customer a (basic) training? Record the outcome with `/klant training {code} planned|taken|declined`.\n\nIf the customer declines the training, or none is taken by {due}, {customer}'s user questions are charged from then on. Only a training taken counts, not one that is only planned.\n\nRegards,\nBalie, Korton's service desk\n",
    },
    "facts.knowledge.dm": {
        "nl": "*Basiskennis ontbreekt bij {customer} ({code})*: {text}\nWil je de klant een (basis)training aanbieden? Leg de uitkomst vast met `/klant training {code} gepland|gevolgd|afgewezen`. Zonder gevolgde training op {due}, of als de klant die afwijst, worden de gebruikersvragen doorbelast.",
        "en": "*{customer} ({code}) lacks basic knowledge*: {text}\nCould you offer the customer a (basic) training? Record the outcome with `/klant training {code} planned|taken|declined`. Without a training taken by {due}, or if the customer declines it, user questions are charged.",
    },
    "facts.knowledge.leads": {
        "nl": "*Basiskennis ontbreekt bij {customer} ({code})*: {text}\nAccountmanager {name} is niet via Balie te bereiken (geen e-mailadres of Slack-account bij de klant): geef het door, zodat een training kan worden aangeboden. Zonder gevolgde training op {due}, of als de klant die afwijst, worden de gebruikersvragen doorbelast.",
        "en": "*{customer} ({code}) lacks basic knowledge*: {text}\nAccount manager {name} cannot be reached through Balie (no e-mail address or Slack account with the customer): please pass it on, so a training can be offered. Without a training taken by {due}, or if the customer declines it, user questions are charged.",
    },
}
