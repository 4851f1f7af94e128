"""SLA alerts as outbox deliveries: rendered from the ticket as it is when they are sent."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.dispatcher import Deliver, GiveUp
from bot.outbox.payloads import SlaAlert, SlaCatchUp
from bot.outbox.slack_lookup import POST_EVENT
from bot.policy import Policy
from bot.sla.blocks import alert as render
from bot.sla.blocks.alert import Alert
from bot.tickets.delivery import SlackDelivery
from bot.tickets.views import TicketView
from storage import tickets as store
from storage.models import OutboxItem, Ticket


class SlaDelivery:
    def __init__(
        self, *, slack: SlackDelivery, readers: sessionmaker[Session], policy: Policy
    ) -> None:
        self.slack = slack
        self.readers = readers
        self.policy = policy
        self.lang = policy.language

    def handlers(self) -> dict[str, Deliver]:
        return {SlaAlert.kind: self.alert, SlaCatchUp.kind: self.catch_up}

    def alert(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = SlaAlert.of(item)
        with self.readers() as session:
            ticket = store.get_by_id(session=session, ticket_id=p.ticket_id)
            if ticket is None:
                return
            a = _alert(ticket, p.clock, p.percent)
        v = a.ticket
        if p.where == "thread":
            if not v.card_ts or not v.card_channel:
                raise GiveUp("the ticket's card was never posted")
            where = {"channel": v.card_channel, "thread_ts": v.card_ts}
            text = render.thread_text(a, self.lang)
        elif p.where == "line":
            where = {"channel": self.policy.line(v.line).channel}
            text = render.channel_text(a, self.policy, self.lang)
        else:
            where = {"channel": self.policy.channels.team_leads}
            text = render.channel_text(a, self.policy, self.lang, mention_people=False)
        self.slack.post_once(item, POST_EVENT, v.number, text=text, **where)

    def catch_up(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = SlaCatchUp.of(item)
        with self.readers() as session:
            alerts = [
                _alert(ticket, clock, percent)
                for ticket_id, clock, percent in p.reached
                if (ticket := store.get_by_id(session=session, ticket_id=ticket_id)) is not None
            ]
        if alerts:
            text = render.catch_up(alerts, self.policy, self.lang, mention_people=p.mention)
            self.slack.post_once(item, POST_EVENT, None, channel=p.channel, text=text)


def _alert(ticket: Ticket, clock: str, percent: int) -> Alert:
    deadline = ticket.response_due_at if clock == "response" else ticket.resolution_due_at
    return Alert(TicketView.of(ticket), clock, percent, deadline)
