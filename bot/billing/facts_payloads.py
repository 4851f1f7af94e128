"""The outbox payloads of billable work's facts, rendered at delivery by
bot.billing.facts_delivery from the database as it is then."""

from __future__ import annotations

from typing import ClassVar

from bot.outbox.payloads import Payload


class ReferralMail(Payload):
    """Rule 2: the contact gets the manual or link that answers the question, and hears that
    more support on it is charged."""

    kind: ClassVar[str] = "referral_mail"
    referral_id: int


class KnowledgeMail(Payload):
    """Rule 3: the account manager hears by e-mail that a customer's basic knowledge is
    missing, so a training can be offered."""

    kind: ClassVar[str] = "knowledge_mail"
    notice_id: int
    to: str


class KnowledgeDM(Payload):
    """Rule 3: the same, as a direct message to an account manager who is a Slack user."""

    kind: ClassVar[str] = "knowledge_dm"
    notice_id: int
    user: str


class KnowledgeLeads(Payload):
    """Rule 3, for an account manager Balie cannot reach (a name only): the team leads pass
    it on."""

    kind: ClassVar[str] = "knowledge_leads"
    notice_id: int


PAYLOADS: tuple[type[Payload], ...] = (ReferralMail, KnowledgeMail, KnowledgeDM, KnowledgeLeads)
