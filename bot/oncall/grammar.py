"""The grammar of `/waakdienst`: the canonical names of all its subcommands (the rota's here,
the pages' and the entitlement's answered by their own handlers), and the rota's subcommands
read into bot.oncall.rota_inputs. Every problem in a command is named at once."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time

from bot.errors import InvalidInput
from bot.inputs import clean_text
from bot.oncall import dates
from bot.oncall.rota_inputs import PhoneChange, RotationChange, SwapRequest, TakeOver, TimeEntry
from bot.oncall.rules.rota import Which
from bot.parsing.text import Key, Keys, Parsed, Problems, closest, scan

SUBCOMMANDS: dict[str, str] = {
    **dict.fromkeys(("toon", "show", "wie", "who"), "show"),
    **dict.fromkeys(("neem-over", "neemover", "overnemen", "take-over", "takeover"), "take_over"),
    **dict.fromkeys(("ruil", "swap"), "swap"),
    **dict.fromkeys(("rotatie", "rotation", "rooster"), "rotation"),
    **dict.fromkeys(("telefoon", "phone", "tel"), "phone"),
    **dict.fromkeys(("help", "hulp", "?"), "help"),
    # Answered by handlers.oncall_pages and handlers.oncall_entitlement.
    **dict.fromkeys(("accepteer", "ack", "accept"), "ack"),
    **dict.fromkeys(("escaleer", "escalate"), "escalate"),
    **dict.fromkeys(("roep-op", "roepop", "page"), "page"),
    **dict.fromkeys(("tijd", "time"), "time"),
}
ROTA_SUBCOMMANDS = frozenset({"show", "take_over", "swap", "rotation", "phone", "help"})

WHICH_WORDS: dict[str, Which] = {
    **dict.fromkeys(("primair", "primary", "eerste"), Which.PRIMARY),
    **dict.fromkeys(("achterwacht", "reserve", "backup", "tweede"), Which.BACKUP),
}
FROM = Key("from", "van", "from", ("vanaf", "start", "begin"))
UNTIL = Key("until", "tot", "until", ("to", "einde", "end", "t/m"))
ROTATION_KEYS = Keys(
    Key("from", "vanaf", "from", ("van", "start", "begin")),
    Key("handover", "wissel", "handover", ("overdracht",)),
    Key("every", "elke", "every", ("periode", "period")),
)
TAKE_OVER_KEYS = Keys(FROM, UNTIL)
SWAP_KEYS = Keys(Key("from", "vanaf", "from", ("van", "datum", "date", "week")))

_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
# `van=24-12 18:00`: a time after a date value belongs to that value, as if it were quoted.
_SPLIT_MOMENT = re.compile(r'(?<!\S)([A-Za-z/_-]+=)([^\s"=]+)\s+(\d{1,2}[:.]\d{2})(?=\s|$)')
_PHONE_NOISE = re.compile(r"[\s().-]")
E164 = re.compile(r"^\+[1-9]\d{7,14}$")
# `1u 30m`: minutes after hours, typed apart.
_HOURS = re.compile(r"^\d{1,3}\s*(?:u|uur|h|hr|hrs)$", re.I)
_MINUTES = re.compile(r"^\d{1,4}\s*(?:m|min|mins)$", re.I)
NOTE_MAX = 500


def split_subcommand(text: str) -> tuple[str, str]:
    """('swap', '@a @b'); nothing at all means 'show'."""
    stripped = clean_text(text).strip()
    if not stripped:
        return "show", ""
    head, _, rest = stripped.partition(" ")
    name = SUBCOMMANDS.get(head.lower())
    if name is None:
        near = closest(head.lower(), SUBCOMMANDS)
        params = {"value": head[:50]}
        if near is None:
            raise InvalidInput({"subcommand": ("field.unknown_subcommand", params)})
        params["suggestion"] = near
        raise InvalidInput({"subcommand": ("field.unknown_subcommand_suggest", params)})
    return name, rest.strip()


def user_of(word: str) -> str | None:
    m = _MENTION.match(word)
    if m:
        return m.group(1)
    return word if _USER_ID.match(word) else None


def _scan(rest: str, keys: Keys, lang: str, problems: Problems) -> Parsed:
    return scan(_SPLIT_MOMENT.sub(r'\1"\2 \3"', rest), keys, lang, problems)


def _people_and_which(
    parsed: Parsed, problems: Problems, *, free: bool = False
) -> tuple[list[str], Which | None, list[str]]:
    """The mentioned users, the rotation named, and the other words (refused unless free)."""
    users: list[str] = []
    which: Which | None = None
    others: list[str] = []
    for word in parsed.words:
        user = user_of(word)
        if user is not None:
            users.append(user)
        elif word.lower() in WHICH_WORDS and which is None:
            which = WHICH_WORDS[word.lower()]
        elif free:
            others.append(word)
        else:
            problems.add(f"word:{word.lower()}", "rota.word_unknown", value=word)
    return users, which, others


def _moment(
    problems: Problems,
    name: str,
    value: str | None,
    now: datetime,
    default: time,
    lang: str,
    after: datetime | None = None,
) -> datetime | None:
    if value is None:
        return None
    found = dates.moment(value, now, default, after)
    if found is None:
        key = TAKE_OVER_KEYS.label(name, lang)
        problems.add(name, "rota.moment_invalid", value=value, key=key)
    return found


def rotation_change(rest: str, lang: str, now: datetime, default_time: time) -> RotationChange:
    """`rotatie primair|reserve @a @b @c [vanaf=DATUM] [wissel="ma 08:30"] [elke=7d]`."""
    problems = Problems()
    parsed = _scan(rest, ROTATION_KEYS, lang, problems)
    users, which, _ = _people_and_which(parsed, problems)
    if which is None:
        problems.add("rotation", "rota.which_required")
    if not users:
        problems.add("members", "rota.members_required")
    f = parsed.fields
    anchor = None
    if "from" in f and (anchor := dates.day(f["from"], now)) is None:
        problems.add("from", "rota.day_invalid", value=f["from"])
    handover = None
    if "handover" in f and (handover := dates.handover(f["handover"])) is None:
        problems.add("handover", "rota.handover_invalid", value=f["handover"])
    every = None
    if "every" in f and (every := dates.period_days(f["every"])) is None:
        problems.add("every", "rota.every_invalid", value=f["every"])
    problems.check()
    assert which is not None  # problems.check() raised otherwise
    return RotationChange(which, tuple(users), anchor, handover, every)


def take_over(rest: str, lang: str, now: datetime, caller: str, default_time: time) -> TakeOver:
    """`neem-over [@wie] [reserve] [van=…] [tot=…]`: the caller, from now, to the shift's end."""
    problems = Problems()
    parsed = _scan(rest, TAKE_OVER_KEYS, lang, problems)
    users, which, _ = _people_and_which(parsed, problems)
    if len(users) > 1:
        problems.add("user", "rota.one_user")
    start = _moment(problems, "from", parsed.fields.get("from"), now, default_time, lang)
    until = parsed.fields.get("until")
    end = _moment(problems, "until", until, now, default_time, lang, start or now)
    problems.check()
    return TakeOver(users[0] if users else caller, which or Which.PRIMARY, start, end)


def swap(rest: str, lang: str, now: datetime) -> SwapRequest:
    """`ruil @a @b [reserve] [DATUM | week 49]`: their next shifts from that day on."""
    problems = Problems()
    parsed = _scan(rest, SWAP_KEYS, lang, problems)
    users, which, others = _people_and_which(parsed, problems, free=True)
    if len(users) != 2:
        problems.add("user", "rota.two_users")
    said = " ".join(others) or parsed.fields.get("from")
    after = None
    if said:
        day = dates.day(said, now)
        if day is None:
            problems.add("from", "rota.day_invalid", value=said)
        else:
            after = dates.moment(day.isoformat(), now, time(0, 0))
    problems.check()
    return SwapRequest(users[0], users[1], which or Which.PRIMARY, after)


def phone_number(typed: str) -> str | None:
    """E.164 from what people type: `+31 6 1234 5678`, `0031612345678`, `06-12345678`."""
    digits = _PHONE_NOISE.sub("", typed)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+31" + digits[1:]
    return digits if E164.match(digits) else None


def phone(rest: str, lang: str) -> PhoneChange:
    """`telefoon @wie +31612345678`."""
    problems = Problems()
    parsed = _scan(rest, Keys(), lang, problems)
    users, _, others = _people_and_which(parsed, problems, free=True)
    if len(users) != 1:
        problems.add("user", "rota.one_user_required")
    typed = " ".join(others)
    number = phone_number(typed) if typed else None
    if not typed:
        problems.add("phone", "rota.phone_required")
    elif number is None:
        problems.add("phone", "rota.phone_invalid", value=typed)
    problems.check()
    return PhoneChange(users[0], number or "")


def time_entry(rest: str, lang: str, read_number: Callable[[str, Problems], str]) -> TimeEntry:
    """`tijd NUMMER 45m [omschrijving]` (also `1u30m`, `1u 30m`, `90m`, `2u`). The ticket
    number is read as /ticket reads it (`read_number`, bot.tickets.grammar's, which the
    rota's services must not import: it brings the desk's Block Kit vocabulary along)."""
    problems = Problems()
    words = clean_text(rest).split()
    number = read_number(words[0] if words else "", problems)
    said = words[1:2]
    if len(words) > 2 and _HOURS.match(words[1]) and _MINUTES.match(words[2]):
        said = words[1:3]
    note = " ".join(words[1 + len(said) :])
    minutes = dates.minutes("".join(said)) if said else None
    if not said:
        problems.add("minutes", "entitlement.time_required")
    elif minutes is None:
        problems.add("minutes", "entitlement.time_invalid", value=" ".join(said))
    if len(note) > NOTE_MAX:
        problems.add("description", "entitlement.note_too_long", max=NOTE_MAX)
    problems.check()
    assert minutes is not None  # problems.check() raised otherwise
    return TimeEntry(number, minutes, note)
