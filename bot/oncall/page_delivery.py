"""The pages as outbox deliveries: the DM, the phone call and the text, the team leads' call,
the reminder, and updating them once the page is over.

Every delivery first reads the chain: a page whose chain was acknowledged, ended or moved on
to a later step since it was queued completes without sending anything. That is what makes an
acknowledgement stop every further notification at once, including those already queued. A
page message posted just as its chain moved on settles itself, since the PageSettle (in the
main lane) may have read the page's messages before this one was placed.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot import logs
from bot.oncall import twiml
from bot.oncall.blocks import page as render
from bot.oncall.page_payloads import (
    Outcome,
    PageCall,
    PageDm,
    PageLeads,
    PageReminder,
    PageSettle,
    PageText,
)
from bot.oncall.phone import Phone
from bot.oncall.rules.chain import Snapshot, State, reminder_step, steps
from bot.oncall.targets import OnCall
from bot.outbox.dispatcher import Deliver
from bot.outbox.slack_call import SlackError, call, open_dm
from bot.outbox.slack_lookup import POST_EVENT
from bot.policy import Policy
from bot.tickets.delivery import SlackDelivery
from bot.tickets.views import TicketView
from storage import pages, tickets
from storage.models import OutboxItem, PageChain

log = logging.getLogger(__name__)

# A page message that is gone (deleted by its reader) needs no update.
_GONE = frozenset({"message_not_found", "cant_update_message", "channel_not_found"})


class PageDelivery:
    def __init__(
        self,
        *,
        slack: SlackDelivery,
        client: WebClient,
        readers: sessionmaker[Session],
        policy: Policy,
        oncall: OnCall,
        phone: Phone | None = None,
        public_url: str | None = None,
    ) -> None:
        self.slack = slack
        self.client = client
        self.readers = readers
        self.policy = policy
        self.lang = policy.language
        self.oncall = oncall
        self.phone = phone
        # Where Twilio posts the engineer's keypress (settings.public_url).
        self.public_url = public_url or ""

    def handlers(self) -> dict[str, Deliver]:
        return {
            PageDm.kind: self.dm,
            PageCall.kind: self.call,
            PageText.kind: self.text,
            PageLeads.kind: self.leads,
            PageReminder.kind: self.reminder,
            PageSettle.kind: self.settle,
        }

    def _due(self, chain_id: int, round: int, step: int) -> tuple[TicketView, Snapshot] | None:
        """The ticket and the chain's snapshot if this step is still the chain's latest and
        nobody has acknowledged it; else None (send nothing)."""
        with self.readers() as session:
            row = pages.get(session=session, chain_id=chain_id)
            if not _current(row, round, step):
                log.info("chain %s step %s/%s: no longer due; not sent", chain_id, round, step)
                return None
            assert row is not None
            ticket = tickets.get_by_id(session=session, ticket_id=row.ticket_id)
            if ticket is None:
                return None
            logs.note(**{logs.TICKET: ticket.number})
            return TicketView.of(ticket), Snapshot.from_json(row.snapshot)

    def _placed(
        self, sessions: sessionmaker[Session], chain_id: int, round: int, step: int, posted: Any
    ) -> None:
        channel, ts = str(posted["channel"]), str(posted["ts"])
        with sessions.begin() as session:
            pages.placed(
                session=session, chain_id=chain_id, round=round, step=step, channel=channel, ts=ts
            )
        with self.readers() as session:
            row = pages.get(session=session, chain_id=chain_id)
            if row is None or _current(row, round, step) or _reminding(row, round, step):
                return
            ticket = tickets.get_by_id(session=session, ticket_id=row.ticket_id)
            if ticket is None or row.round != round:
                return
            view, outcome = TicketView.of(ticket), _outcome(row)
            who, at, why = row.acknowledged_by, row.acknowledged_at or row.started_at, row.ended_why
        # The chain moved on while this message was being posted.
        text, blocks = render.settled(view, outcome, who, at, self.policy, self.lang, why)
        _update(self.client, channel, ts, text, blocks)

    def dm(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = PageDm.of(item)
        found = self._due(p.chain_id, p.round, p.step)
        if found is None:
            return
        view, snap = found
        text, blocks = render.page(view, steps(snap)[p.step], snap.pages, self.policy, self.lang)
        dm = open_dm(self.client, p.user)
        posted = self.slack.post_once(
            item, POST_EVENT, view.number, channel=dm, text=text, blocks=blocks
        )
        self._placed(sessions, p.chain_id, p.round, p.step, posted)

    def _ring(self, p: PageCall | PageText) -> tuple[TicketView, str, Phone] | None:
        """The ticket, the number and the phone for a call or text still due; else None."""
        found = self._due(p.chain_id, p.round, p.step)
        number = self.oncall.phone(p.user)
        if self.phone is None or found is None or number is None:
            return None
        return found[0], number, self.phone

    def call(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = PageCall.of(item)
        ready = self._ring(p)
        if ready is not None:
            view, number, phone = ready
            twiml_ = self._call_twiml(view, p)
            phone.call(to=number, twiml=twiml_, reference=str(item.id), uncertain=item.uncertain)

    def text(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = PageText.of(item)
        ready = self._ring(p)
        if ready is not None:
            view, number, phone = ready
            body = twiml.sms_body(self.lang, **_spoken(view))
            phone.text(to=number, body=body, reference=str(item.id), uncertain=item.uncertain)

    def _call_twiml(self, view: TicketView, p: PageCall) -> str:
        say = twiml.page_say(self.lang, **_spoken(view))
        url = twiml.keypress_url(self.public_url, page_id=p.chain_id, round=p.round, step=p.step)
        return twiml.page_twiml(lang=self.lang, say=say, keypress_url=url)

    def leads(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = PageLeads.of(item)
        found = self._due(p.chain_id, p.round, p.step)
        if found is None:
            return
        text, blocks = render.leads(found[0], self.policy, self.lang)
        channel = self.policy.channels.team_leads
        posted = self.slack.post_once(
            item, POST_EVENT, found[0].number, channel=channel, text=text, blocks=blocks
        )
        self._placed(sessions, p.chain_id, p.round, p.step, posted)

    def reminder(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = PageReminder.of(item)
        with self.readers() as session:
            row = pages.get(session=session, chain_id=p.chain_id)
            if not _reminding(row, p.round, p.step):
                return
            assert row is not None and row.next_due_at is not None
            ticket = tickets.get_by_id(session=session, ticket_id=row.ticket_id)
            if ticket is None:
                return
            view = TicketView.of(ticket)
            since = row.last_update_at or row.acknowledged_at or row.started_at
            deadline = row.next_due_at
        text, blocks = render.reminder(view, since, deadline, self.lang)
        dm = open_dm(self.client, p.user)
        posted = self.slack.post_once(
            item, POST_EVENT, view.number, channel=dm, text=text, blocks=blocks
        )
        self._placed(sessions, p.chain_id, p.round, p.step, posted)

    def settle(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = PageSettle.of(item)
        with self.readers() as session:
            row = pages.get(session=session, chain_id=p.chain_id)
            if row is None:
                return
            ticket = tickets.get_by_id(session=session, ticket_id=row.ticket_id)
            if ticket is None:
                return
            view = TicketView.of(ticket)
            placed = [
                (s.channel, s.ts)
                for s in pages.paged(session=session, chain_id=row.id)
                if s.round == p.round and s.channel and s.ts
            ]
            who, at = row.acknowledged_by, row.acknowledged_at or item.created_at
            why = row.ended_why
        text, blocks = render.settled(view, p.outcome, who, at, self.policy, self.lang, why)
        for channel, ts in placed:
            _update(self.client, channel, ts, text, blocks)


def _spoken(view: TicketView) -> dict[str, str]:
    return {
        "number": view.number,
        "customer": view.customer_name,
        "priority": view.priority,
        "summary": view.subject,
    }


def _update(client: WebClient, channel: str, ts: str, text: str, blocks: Any) -> None:
    try:
        call(client.chat_update, channel=channel, ts=ts, text=text, blocks=blocks)
    except SlackError as exc:
        if exc.error not in _GONE:
            raise


def _outcome(row: PageChain) -> Outcome:
    if row.state == State.ENDED:
        return "ended"
    return "ack" if row.state == State.ACKNOWLEDGED else "moved"


def _current(row: PageChain | None, round: int, step: int) -> bool:
    return (
        row is not None
        and row.state == State.PAGING
        and row.round == round
        and row.step == step + 1
    )


def _reminding(row: PageChain | None, round: int, step: int) -> bool:
    if row is None or row.state != State.ACKNOWLEDGED or row.reminded_at is None:
        return False
    snap = Snapshot.from_json(row.snapshot)
    return row.round == round and reminder_step(snap, row.reminders - 1) == step
