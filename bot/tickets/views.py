"""Plain, immutable snapshots of tickets for rendering: Block Kit and e-mail never see the ORM."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.directory.rules.terms import Terms, terms_for
from storage.models import PageChain, Ticket, TicketEvent


@dataclass(frozen=True, slots=True)
class NightWatch:
    """Who has the ticket at night: whoever acknowledged the waakdienst's page, or (not
    acknowledged yet) whom it paged last."""

    acknowledged: bool
    who: str | None
    at: datetime | None

    @classmethod
    def of(cls, watch: tuple[PageChain, str | None] | None) -> NightWatch | None:
        if watch is None:
            return None
        chain, paged = watch
        if chain.state == "acknowledged":
            return cls(True, chain.acknowledged_by, chain.acknowledged_at)
        return cls(False, paged, None)


@dataclass(frozen=True, slots=True)
class TicketView:
    id: int
    number: str
    customer_code: str
    customer_name: str
    sla_tier: str
    contract_date: date
    account_manager: str
    contact_name: str
    contact_email: str
    contact_phone: str
    contact_role: str
    via: str
    subject: str
    description: str
    type: str
    impact: str
    urgency: str
    priority: str
    line: int
    status: str
    assignee: str | None
    missing_info: str | None
    resolution: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    card_channel: str | None
    card_ts: str | None
    response_due_at: datetime | None = None
    response_state: str = "running"
    resolution_due_at: datetime | None = None
    resolution_state: str = "running"
    third_party: str | None = None
    night: NightWatch | None = None
    # Billable work (bot.billing): the ledger's totals, and since when this customer's user
    # questions were charged when this one was registered (rule 3), else None.
    time_minutes: int = 0
    chargeable_minutes: int = 0
    questions_charged_since: datetime | None = None

    @property
    def terms(self) -> Terms:
        return terms_for(self.contract_date)

    @classmethod
    def of(cls, t: Ticket, night: NightWatch | None = None) -> TicketView:
        c, p = t.customer, t.contact
        return cls(
            id=t.id,
            number=t.number,
            customer_code=c.code,
            customer_name=c.name,
            sla_tier=c.sla_tier,
            contract_date=c.contract_date,
            account_manager=c.account_manager,
            contact_name=p.name,
            contact_email=p.email,
            contact_phone=p.phone,
            contact_role=p.role,
            via=t.via,
            subject=t.subject,
            description=t.description,
            type=t.type,
            impact=t.impact,
            urgency=t.urgency,
            priority=t.priority,
            line=t.line,
            status=t.status,
            assignee=t.assignee,
            missing_info=t.missing_info,
            resolution=t.resolution,
            created_by=t.created_by,
            created_at=t.created_at,
            updated_at=t.updated_at,
            card_channel=t.card_channel,
            card_ts=t.card_ts,
            response_due_at=t.response_due_at,
            response_state=t.response_state,
            resolution_due_at=t.resolution_due_at,
            resolution_state=t.resolution_state,
            third_party=t.third_party,
            night=night,
            time_minutes=t.time_minutes or 0,
            chargeable_minutes=t.chargeable_minutes or 0,
            questions_charged_since=t.questions_charged_since,
        )


@dataclass(frozen=True, slots=True)
class EventView:
    id: int
    at: datetime
    actor: str
    kind: str
    changes: dict[str, Any]
    text: str
    actor_source: str = "slack"  # slack (a user id) | email (an address) | system (Balie)

    @classmethod
    def of(cls, e: TicketEvent) -> EventView:
        return cls(
            id=e.id,
            at=e.at,
            actor=e.actor,
            kind=e.kind,
            changes=dict(e.changes),
            text=e.text,
            actor_source=e.actor_source,
        )
