"""E-mails to a customer's contact, in plain text (no Slack escaping: this is not mrkdwn)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import t
from bot.policy import Policy
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.views import TicketView


@dataclass(frozen=True)
class Draft:
    to: str
    subject: str
    body: str


def _wrap(lang: str, name: str, middle: str) -> str:
    return f"{t(lang, 'mail.greeting', name=name)}\n\n{middle}\n\n{t(lang, 'mail.signature')}\n"


def subject(number: str, text: str) -> str:
    """The number first, in brackets, in every language: e-mail intake threads a customer's
    reply by it. Header injection is impossible through email.message, but a newline would
    still mangle the subject line."""
    return f"[{number}] {' '.join(text.split())}"


def registered(v: TicketView, policy: Policy, lang: str) -> Draft:
    middle = t(
        lang,
        "mail.registered",
        number=v.number,
        subject=v.subject,
        type=voc.type_label(policy, v.type, lang),
        priority=voc.priority_label(policy, v.priority, lang),
        status=voc.status_label(v.status, lang),
    )
    if v.missing_info:
        middle += "\n\n" + t(lang, "mail.missing", missing=v.missing_info)
    return Draft(v.contact_email, subject(v.number, v.subject), _wrap(lang, v.contact_name, middle))


def waiting(v: TicketView, text: str, lang: str) -> Draft:
    middle = t(lang, "mail.waiting", number=v.number, text=text)
    return Draft(v.contact_email, subject(v.number, v.subject), _wrap(lang, v.contact_name, middle))


def resolved(v: TicketView, text: str, lang: str) -> Draft:
    middle = t(lang, "mail.resolved", number=v.number, text=text)
    return Draft(v.contact_email, subject(v.number, v.subject), _wrap(lang, v.contact_name, middle))
