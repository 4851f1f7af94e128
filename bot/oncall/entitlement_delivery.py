"""Entitlement notices and the desk's handover messages as outbox deliveries, rendered from the
database as it is when they are sent."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.oncall.blocks import entitlement as render
from bot.oncall.blocks.entitlement import Overnight
from bot.oncall.desk_handover import PAGE_EVENTS
from bot.oncall.entitlement import CHARGEABLE_EVENT
from bot.oncall.entitlement_payloads import DeskHandbackPost, DeskHandoverPost, NotEntitledNotice
from bot.oncall.rules.entitlement import Handover
from bot.outbox.dispatcher import Deliver
from bot.outbox.slack_call import open_dm
from bot.outbox.slack_lookup import POST_EVENT
from bot.policy import Policy
from bot.tickets.delivery import SlackDelivery
from bot.tickets.rules.lifecycle import OPEN, Action, Status
from bot.tickets.views import TicketView
from storage import chargeable
from storage import tickets as store
from storage.models import OutboxItem, TicketEvent

# Chain events that mean someone took the page (bot.oncall.pager names them "page_…"); read
# tolerantly, by what the kind says.
_ACCEPTED = ("ack", "accept")


class EntitlementDelivery:
    def __init__(
        self,
        *,
        slack: SlackDelivery,
        readers: sessionmaker[Session],
        policy: Policy,
        lang_of: Callable[[str], str],
    ) -> None:
        self.slack = slack
        self.readers = readers
        self.policy = policy
        self.lang = policy.language
        self.lang_of = lang_of

    def handlers(self) -> dict[str, Deliver]:
        return {
            NotEntitledNotice.kind: self.notice,
            DeskHandoverPost.kind: self.handover,
            DeskHandbackPost.kind: self.handback,
        }

    def notice(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = NotEntitledNotice.of(item)
        with self.readers() as session:
            ticket = store.get_by_id(session=session, ticket_id=p.ticket_id)
            if ticket is None:
                return
            view = TicketView.of(ticket)
        lang = self.lang_of(p.user)
        text, blocks = render.notice(view, self.policy, lang, button=Status(view.status) in OPEN)
        # A direct message: the agent may have worked the ticket from anywhere.
        dm = open_dm(self.slack.client, p.user)
        self.slack.post_once(item, POST_EVENT, view.number, channel=dm, text=text, blocks=blocks)

    def handover(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = DeskHandoverPost.of(item)
        with self.readers() as session:
            views = _views(session, p.ticket_ids)
        if views:
            text = render.handover(views, p.at, self.policy, self.lang)
            channel = self.policy.channels.team_leads
            self.slack.post_once(item, POST_EVENT, None, channel=channel, text=text)

    def handback(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = DeskHandbackPost.of(item)
        with self.readers() as session:
            handed = chargeable.handed_over(
                session=session, kind=Handover.OFFICE_END.value, since=p.since, until=p.until
            )
            events = chargeable.events_between(
                session=session, ticket_ids=p.ticket_ids, since=p.since, until=p.until
            )
            overnight = [
                _overnight(v, [e for e in events if e.ticket_id == v.id], v.id in handed, p.since)
                for v in _views(session, p.ticket_ids)
            ]
        if overnight:
            text = render.handback(p.line, p.since, overnight, self.policy, self.lang)
            channel = self.policy.line(p.line).channel
            self.slack.post_once(item, POST_EVENT, None, channel=channel, text=text)


def _views(session: Session, ids: Sequence[int]) -> list[TicketView]:
    found = (store.get_by_id(session=session, ticket_id=i) for i in ids)
    return [TicketView.of(t) for t in found if t is not None]


def _overnight(
    v: TicketView, events: Sequence[TicketEvent], handed_over: bool, since: datetime
) -> Overnight:
    def first(match: Callable[[TicketEvent], bool]) -> TicketEvent | None:
        return next((e for e in events if match(e)), None)

    registered = first(lambda e: e.kind == Action.REGISTER.value)
    reopened = first(lambda e: e.kind == Action.REOPEN.value)
    paged = first(lambda e: e.kind.startswith(PAGE_EVENTS))
    accepted = first(
        lambda e: (
            e.kind.startswith(PAGE_EVENTS)
            and any(word in e.kind for word in _ACCEPTED)
            and e.actor_source == "slack"
        )
    )
    return Overnight(
        ticket=v,
        handed_over_at=since if handed_over else None,
        registered_at=registered.at if registered else None,
        reopened_at=reopened.at if reopened else None,
        paged_at=paged.at if paged else None,
        accepted_by=accepted.actor if accepted else None,
        chargeable=first(lambda e: e.kind == CHARGEABLE_EVENT) is not None,
    )
