"""Balie's tables, as SQLAlchemy 2 typed models.

Every timestamp is stored in UTC (`UtcDateTime`); Europe/Amsterdam only appears at the edges.

One module per slice, all on one `Base`: `core` (the naming convention, `Base`, and the desk's
customers, contacts, tickets, audit trail, SLA announcements, outbox, counters and
preferences), `oncall` (the waakdienst's rota, pages and entitlement), `summaries`, `home`,
`billing` (time entries, referrals, training notices, written orders) and `invoicing` (closed
months and their lines). Importing this package imports them all, so `Base.metadata` holds
every table (Alembic's env and the migration test compare the migrations with it), and every
model can be imported from here.
"""

from sqlalchemy import JSON

from storage.models.billing import Referral, TimeEntry, TrainingNotice, WrittenOrder
from storage.models.core import (
    NAMING,
    Base,
    Contact,
    Counter,
    Customer,
    OutboxItem,
    SlaAnnouncement,
    Ticket,
    TicketEvent,
    UserPreference,
    UtcDateTime,
)
from storage.models.home import HomePending, HomeUser
from storage.models.invoicing import InvoiceClosure, InvoiceLine
from storage.models.oncall import (
    ChargeableItem,
    DeskHandover,
    PageAck,
    PageChain,
    PageStep,
    RotaClaim,
    RotaEngineer,
    RotaOverride,
    RotaRotation,
)
from storage.models.summaries import SummaryClaim

__all__ = [
    "JSON",
    "NAMING",
    "Base",
    "ChargeableItem",
    "Contact",
    "Counter",
    "Customer",
    "DeskHandover",
    "HomePending",
    "HomeUser",
    "InvoiceClosure",
    "InvoiceLine",
    "OutboxItem",
    "PageAck",
    "PageChain",
    "PageStep",
    "Referral",
    "RotaClaim",
    "RotaEngineer",
    "RotaOverride",
    "RotaRotation",
    "SlaAnnouncement",
    "SummaryClaim",
    "Ticket",
    "TicketEvent",
    "TimeEntry",
    "TrainingNotice",
    "UserPreference",
    "UtcDateTime",
    "WrittenOrder",
]
