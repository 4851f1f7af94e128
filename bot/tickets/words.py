"""The value sets of Balie's commands, in the words people see on cards and in replies.

Every set takes the canonical id and the Dutch and English label (bot.tickets.blocks.vocabulary and
the policy's type and line labels), plus a few words people use for them.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n import LANGS
from bot.parsing.choices import Choice, Choices
from bot.policy import LEVELS, Policy
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.rules.lifecycle import CloseReason, Status

# Short words agents use for a type that the labels do not give (the card says
# "Gebruikersvraag"; the agent says "vraag"). Used only if the policy has that type.
TYPE_WORDS: dict[str, tuple[str, ...]] = {"question": ("vraag",), "request": ("verzoek",)}
_LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "high": ("h",),
    "medium": ("m", "gemiddeld", "middel"),
    "low": ("l",),
}
_VIA_WORDS: dict[str, tuple[str, ...]] = {
    "phone": ("tel", "telefonisch", "gebeld"),
    "email": ("mail", "gemaild"),
}


def _labelled(ids: tuple[str, ...], label: Callable[[str, str], str]) -> list[Choice]:
    return [Choice(i, {lang: label(i, lang).lower() for lang in LANGS}) for i in ids]


LEVEL = Choices(
    [Choice(c.id, c.shown, _LEVEL_WORDS[c.id]) for c in _labelled(LEVELS, voc.level_label)],
    invalid="field.level_choice",
    suggest="field.level_suggest",
)
VIA = Choices(
    [Choice(c.id, c.shown, _VIA_WORDS[c.id]) for c in _labelled(("phone", "email"), voc.via_label)]
)
STATUS = Choices(_labelled(tuple(Status), voc.status_label))
# `/ticket lijst status=…` also takes the default (open tickets) and every status.
LIST_STATUS = Choices(
    [
        Choice("open", {"nl": "open", "en": "open"}, ("openstaand",)),
        Choice("all", {"nl": "alle", "en": "all"}, ("alles",)),
        *STATUS.choices,
    ]
)
# The one word after the ticket number in `/ticket derde`: short words, the labels too.
THIRD_PARTY = Choices(
    [
        Choice(
            "customer",
            {"nl": "klant", "en": "customer"},
            tuple(voc.third_party_label("customer", lang) for lang in LANGS),
        ),
        Choice(
            "subcontractor",
            {"nl": "onderaannemer", "en": "subcontractor"},
            ("korton", *(voc.third_party_label("subcontractor", lang) for lang in LANGS)),
        ),
    ]
)
# `/ticket sluit NUMMER reden`: why a ticket that was never resolved is closed.
CLOSE_REASON = Choices(
    [
        Choice(
            reason,
            {"nl": nl, "en": en},
            tuple(voc.close_reason_label(reason, lang) for lang in LANGS),
        )
        for reason, nl, en in (
            (CloseReason.DUPLICATE, "dubbel", "duplicate"),
            (CloseReason.WITHDRAWN, "ingetrokken", "withdrawn"),
            (CloseReason.OUT_OF_SCOPE, "buiten-scope", "out-of-scope"),
        )
    ],
    invalid="field.close_reason_invalid",
    suggest="field.close_reason_suggest",
)
LANGUAGE = Choices(
    [
        Choice("nl", {"nl": "nl", "en": "nl"}, ("nederlands", "dutch")),
        Choice("en", {"nl": "en", "en": "en"}, ("engels", "english")),
    ]
)


def types(policy: Policy) -> Choices:
    """The policy's ticket types as a value set; built once per policy (every ack reads it)."""
    cached = _TYPES.get(id(policy))
    if cached is not None and cached[0] is policy:
        return cached[1]
    choices = _types(policy)
    _TYPES[id(policy)] = (policy, choices)
    return choices


_TYPES: dict[int, tuple[Policy, Choices]] = {}


def _types(policy: Policy) -> Choices:
    return Choices(
        [
            Choice(
                key, {lang: entry.label(lang).lower() for lang in LANGS}, TYPE_WORDS.get(key, ())
            )
            for key, entry in policy.types.items()
        ],
        invalid="field.type_invalid",
        suggest="field.type_suggest",
    )


def lines(policy: Policy) -> Choices:
    """Listed by number (`lijn=2`); the labels ("2e lijn", "2nd line") are read too."""
    return Choices(
        Choice(
            str(n),
            {lang: str(n) for lang in LANGS},
            tuple(config.label(lang) for lang in LANGS),
        )
        for n, config in sorted(policy.routing.lines.items())
    )
