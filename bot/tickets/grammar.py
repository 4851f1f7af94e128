"""The grammar of `/ticket`: its subcommands, keys and values, read into the models of
bot.inputs. Handlers call one function here and hand the result to the desk."""

from __future__ import annotations

import re
from typing import Any

from bot.errors import InvalidInput
from bot.i18n import t
from bot.inputs import build, clean_text
from bot.parsing.choices import Choice, Choices
from bot.parsing.text import Key, Keys, Problems, closest, one_of, scan, typed
from bot.policy import Policy
from bot.tickets import words
from bot.tickets.inputs import (
    IN_SCOPE,
    Assignment,
    Closing,
    NewTicket,
    Reclassification,
    Reclassify,
    ThirdPartyWait,
    TicketFilter,
    TicketRef,
)
from bot.tickets.rules.lifecycle import CloseReason

SUBCOMMANDS: dict[str, str] = {
    **dict.fromkeys(("nieuw", "new", "registreer", "register"), "new"),
    **dict.fromkeys(("pak", "neem", "take"), "take"),
    **dict.fromkeys(("wijs-toe", "toewijzen", "wijs", "assign"), "assign"),
    **dict.fromkeys(("herclassificeer", "reclassify", "classify"), "reclassify"),
    **dict.fromkeys(("escaleer", "escalate"), "escalate"),
    **dict.fromkeys(("wacht", "wait"), "wait"),
    **dict.fromkeys(("derde", "wacht-derde", "third-party"), "third_party"),
    **dict.fromkeys(("los-op", "losop", "opgelost", "resolve"), "resolve"),
    **dict.fromkeys(("sluit", "close"), "close"),
    **dict.fromkeys(("heropen", "reopen"), "reopen"),
    **dict.fromkeys(("hervat", "resume"), "resume"),
    **dict.fromkeys(("notitie", "note"), "note"),
    **dict.fromkeys(("toon", "show"), "show"),
    **dict.fromkeys(("lijst", "list"), "list"),
    **dict.fromkeys(("taal", "lang", "language"), "lang"),
    # Billable work (handlers/billing_ticket.py): time, a referral to a manual (and linking a
    # question to it), a written order.
    **dict.fromkeys(("tijd", "time"), "time"),
    **dict.fromkeys(("verwijs", "refer"), "refer"),
    **dict.fromkeys(("koppel", "link"), "link"),
    **dict.fromkeys(("opdracht", "order"), "order"),
    # Rules 4 and 5: whether the work is in scope (handlers/billing_facts.py).
    **dict.fromkeys(("scope", "reikwijdte"), "scope"),
    **dict.fromkeys(("help", "hulp", "?"), "help"),
}

CUSTOMER = Key("customer", "klant", "customer")
TYPE = Key("type", "type", "type")
IMPACT = Key("impact", "impact", "impact")
URGENCY = Key("urgency", "urgentie", "urgency")
LINE = Key("line", "lijn", "line")
STATUS = Key("status", "status", "status")
NEW_KEYS = Keys(
    CUSTOMER,
    Key("contact", "contact", "contact", ("melder", "reporter")),
    Key("via", "via", "via", ("kanaal", "channel")),
    TYPE,
    IMPACT,
    URGENCY,
    Key("description", "omschrijving", "description", ("beschrijving",)),
    Key("missing", "ontbreekt", "missing"),
)
TICKET_KEYS = NEW_KEYS
# scope=: billable work's rules 4 and 5 (also `/ticket scope NUMMER …`).
RECLASSIFY_KEYS = Keys(TYPE, IMPACT, URGENCY, Key("scope", "scope", "scope"))
LIST_KEYS = Keys(LINE, CUSTOMER, STATUS)
LIST_WORDS = Choices(
    [Choice("mine", {"nl": "mijn", "en": "mine"}), Choice("all", {"nl": "alle", "en": "all"})]
)

# What must follow the ticket number, and under which name the desk asks for it.
TEXT_REQUIRED: dict[str, str] = {
    "escalate": "reason",
    "wait": "text",
    "resolve": "text",
    "reopen": "reason",
    "note": "text",
}

NUMBER = re.compile(r"^[A-Z][A-Z0-9-]{0,9}\d+$")
_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
_DIGITS = re.compile(r"[0-9]{1,12}")


def split_subcommand(text: str) -> tuple[str, str]:
    """('new', 'klant=ACME ...'); an empty text means 'open the modal'."""
    stripped = clean_text(text).strip()
    if not stripped:
        return "", ""
    head, _, rest = stripped.partition(" ")
    name = SUBCOMMANDS.get(head.lower())
    if name is None:
        near = closest(head.lower(), SUBCOMMANDS)
        if near is None:
            raise InvalidInput.one("subcommand", "field.unknown_subcommand", value=head[:50])
        raise InvalidInput.one(
            "subcommand", "field.unknown_subcommand_suggest", value=head[:50], suggestion=near
        )
    return name, rest.strip()


def ticket_number(value: str, prefix: str = "KOR-") -> str:
    """KOR-000003 from 'KOR-000003', 'kor-3', 'kor3' or '3' (with the policy's prefix).
    A number with another prefix (from before the prefix changed) is taken as it is."""
    v = value.strip().upper()
    for head in (prefix, prefix.rstrip("-"), ""):
        if v.startswith(head) and _DIGITS.fullmatch(v[len(head) :]):
            return f"{prefix}{int(v[len(head) :]):06d}"
    if NUMBER.match(v):
        return v
    raise InvalidInput.one(
        "number", "field.number_invalid", value=value[:50], example=f"{prefix}000012", short="12"
    )


def user_mention(value: str) -> str:
    """A Slack user from '<@U123|name>' (as Slack escapes mentions) or a bare 'U123'."""
    v = value.strip()
    m = _MENTION.match(v)
    if m:
        return m.group(1)
    if re.fullmatch(r"[UW][A-Z0-9]{2,}", v):
        return v
    raise InvalidInput.one("user", "field.user_invalid", value=value[:50])


def _split(text: str) -> tuple[str, str]:
    parts = text.strip().split(maxsplit=1)
    return (parts[0], parts[1].strip()) if len(parts) == 2 else ("".join(parts), "")


def read_number(word: str, policy: Policy, problems: Problems) -> str:
    prefix = policy.ticket_prefix
    if not word:
        problems.add("number", "field.number_required", example=f"{prefix}000012", short="12")
        return ""
    try:
        return ticket_number(word, prefix)
    except InvalidInput as exc:
        problems.take(exc)
        return ""


def _number_and_text(rest: str, policy: Policy, problems: Problems) -> tuple[str, str]:
    head, text = _split(typed(rest))
    return read_number(head, policy, problems), text


def _stray(word: str, problems: Problems, choices: list[str], lang: str) -> None:
    problems.add(word.lower(), "field.unknown_word", value=word, choices=one_of(choices, lang))


def _key_choices(keys: Keys, lang: str) -> list[str]:
    return [f"{name}=…" for name in keys.names(lang)]


# --- the subcommands ----------------------------------------------------------------------------


def scopes(policy: Policy) -> Choices:
    """Back in scope, or one of the policy's kinds of out-of-scope work or exclusions, typed
    as `buiten-scope:inrichting`, `uitsluiting:wijziging`, or the kind alone (the policy keeps
    the two lists apart)."""
    billing = policy.billing
    found = [
        Choice(IN_SCOPE, {"nl": "binnen-scope", "en": "in-scope"}, ("binnen", "in", "geen")),
    ]
    found += [
        Choice(
            f"out_of_scope:{code}",
            {"nl": f"buiten-scope:{code}", "en": f"out-of-scope:{code}"},
            (code, label.nl, label.en),
        )
        for code, label in billing.out_of_scope.items()
    ]
    found += [
        Choice(
            f"exclusion:{code}",
            {"nl": f"uitsluiting:{code}", "en": f"exclusion:{code}"},
            (code, label.nl, label.en),
        )
        for code, label in billing.exclusions.items()
    ]
    return Choices(found)


def _chosen(policy: Policy) -> dict[str, Choices]:
    return {
        "via": words.VIA,
        "type": words.types(policy),
        "impact": words.LEVEL,
        "urgency": words.LEVEL,
    }


def new_ticket(rest: str, policy: Policy, lang: str) -> NewTicket:
    """`/ticket nieuw klant=… contact=… via=… type=… impact=… urgentie=… onderwerp`."""
    problems = Problems()
    parsed = scan(rest, NEW_KEYS, lang, problems)
    chosen = _chosen(policy)
    data: dict[str, Any] = {"subject": parsed.rest}
    for name, value in parsed.fields.items():
        if name in chosen:
            label = NEW_KEYS.label(name, lang)
            picked = chosen[name].pick(value, problems, name=name, field=label, lang=lang)
            if picked is not None:
                data[name] = picked
        else:
            data[name] = value
    try:
        model = build(NewTicket, data)
    except InvalidInput as exc:
        for name, (key, params) in exc.fields.items():
            if name in problems:
                continue
            if key == "field.required" and name in chosen:
                choices = chosen[name].listed(lang)
                problems.add(
                    name, "field.required_choice", field=NEW_KEYS.label(name, lang), choices=choices
                )
            else:
                problems.add(name, key, **params)
    problems.check()
    return model


def ticket_ref(sub: str, rest: str, policy: Policy, lang: str) -> TicketRef:
    """`/ticket pak NUMMER`, `/ticket los-op NUMMER oplossing` and the like."""
    problems = Problems()
    number, text = _number_and_text(rest, policy, problems)
    required = TEXT_REQUIRED.get(sub)
    if required and not text:
        problems.add(required, "field.text_required")
    problems.check()
    return build(TicketRef, {"number": number, "text": text})


def assignment(rest: str, policy: Policy, lang: str) -> Assignment:
    """`/ticket wijs-toe NUMMER @iemand`."""
    problems = Problems()
    number, who = _number_and_text(rest, policy, problems)
    user = ""
    if not who:
        problems.add("user", "field.required")
    else:
        try:
            user = user_mention(who)
        except InvalidInput as exc:
            problems.take(exc)
    problems.check()
    return build(Assignment, {"number": number, "user": user})


def third_party_wait(rest: str, policy: Policy, lang: str) -> ThirdPartyWait:
    """`/ticket derde NUMMER klant|onderaannemer reden`."""
    problems = Problems()
    number, text = _number_and_text(rest, policy, problems)
    party_word, reason = _split(text)
    label = t(lang, "label.third_party")
    party = None
    if not party_word:
        choices = words.THIRD_PARTY.listed(lang)
        problems.add("third_party", "field.required_choice", field=label, choices=choices)
    else:
        party = words.THIRD_PARTY.pick(
            party_word, problems, name="third_party", field=label, lang=lang
        )
    if not reason:
        problems.add("text", "field.text_required")
    problems.check()
    return build(ThirdPartyWait, {"number": number, "party": party, "text": reason})


def closing(rest: str, policy: Policy, lang: str) -> Closing:
    """`/ticket sluit NUMMER [dubbel|ingetrokken|buiten-scope]`."""
    problems = Problems()
    number, text = _number_and_text(rest, policy, problems)
    reason = None
    if text:
        label = t(lang, "label.reason")
        reason = words.CLOSE_REASON.pick(text, problems, name="reason", field=label, lang=lang)
    problems.check()
    return build(Closing, {"number": number, "reason": reason})


def close_reason(value: str, lang: str) -> CloseReason:
    """The reason chosen on the card (its value is the id; anything else is refused)."""
    problems = Problems()
    found = words.CLOSE_REASON.pick(
        value, problems, name="reason", field=t(lang, "label.reason"), lang=lang
    )
    problems.check()
    return CloseReason(found or "")  # found is set: check() raised otherwise


def reclassification(rest: str, policy: Policy, lang: str) -> Reclassification:
    """`/ticket herclassificeer NUMMER [type=…] [impact=…] [urgentie=…] [scope=…]`."""
    problems = Problems()
    number, text = _number_and_text(rest, policy, problems)
    parsed = scan(text, RECLASSIFY_KEYS, lang, problems)
    for word in parsed.words:
        _stray(word, problems, _key_choices(RECLASSIFY_KEYS, lang), lang)
    chosen = {**_chosen(policy), "scope": scopes(policy)}
    changes: dict[str, str] = {}
    for name, value in parsed.fields.items():
        label = RECLASSIFY_KEYS.label(name, lang)
        picked = chosen[name].pick(value, problems, name=name, field=label, lang=lang)
        if picked is not None:
            changes[name] = picked
    if not parsed.fields and not problems.fields:
        problems.add("type", "field.nothing_to_change")
    problems.check()
    return build(Reclassification, {"number": number, "changes": build(Reclassify, changes)})


def ticket_filter(rest: str, policy: Policy, lang: str) -> TicketFilter:
    """`/ticket lijst [mijn] [alle] [lijn=…] [klant=…] [status=…]`."""
    problems = Problems()
    parsed = scan(rest, LIST_KEYS, lang, problems)
    said: set[str] = set()
    choices = [LIST_WORDS.word(i, lang) for i in LIST_WORDS.ids()] + _key_choices(LIST_KEYS, lang)
    for word in parsed.words:
        found = LIST_WORDS.get(word)
        if found is not None:
            said.add(found)
            continue
        near = LIST_WORDS.near(word, lang)
        if near is None:
            _stray(word, problems, choices, lang)
        else:
            problems.add(
                word.lower(),
                "field.unknown_word_suggest",
                value=word,
                suggestion=near,
                choices=one_of(choices, lang),
            )
    data: dict[str, Any] = {"mine": "mine" in said, "status": "all" if "all" in said else "open"}
    if "status" in parsed.fields and "all" not in said:
        label = LIST_KEYS.label("status", lang)
        status = words.LIST_STATUS.pick(
            parsed.fields["status"], problems, name="status", field=label, lang=lang
        )
        data["status"] = status or "open"
    if "line" in parsed.fields:
        label = LIST_KEYS.label("line", lang)
        line = words.lines(policy).pick(
            parsed.fields["line"], problems, name="line", field=label, lang=lang
        )
        data["line"] = int(line) if line else None
    if parsed.fields.get("customer"):
        data["customer"] = parsed.fields["customer"]
    problems.check()
    return build(TicketFilter, data)


def describe_filter(f: TicketFilter, lang: str) -> str:
    """The filter as the agent would type it in their language: `lijn=2 · klant=ACME`."""
    parts = [t(lang, "list.filter_mine")] if f.mine else []
    if f.line is not None:
        parts.append(f"{LIST_KEYS.label('line', lang)}={f.line}")
    if f.customer:
        parts.append(f"{LIST_KEYS.label('customer', lang)}={f.customer}")
    if f.status != "open":
        parts.append(f"{LIST_KEYS.label('status', lang)}={words.LIST_STATUS.word(f.status, lang)}")
    return " · ".join(parts) or t(lang, "list.filter_open")


def language(rest: str, lang: str) -> str:
    """`/ticket taal nl|en` (or nederlands, english, …); a problem is told in `lang`."""
    word = typed(rest).strip()
    problems = Problems()
    found = None
    if not word:
        problems.add("lang", "field.lang_invalid")
    else:
        label = t(lang, "label.lang")
        found = words.LANGUAGE.pick(word, problems, name="lang", field=label, lang=lang)
    problems.check()
    return found or lang
