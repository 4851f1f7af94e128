"""Outbox deliveries that talk to Slack's Web API.

Every message Balie posts carries the outbox row's id in its metadata. When an earlier attempt
at a row may have reached Slack (the row is uncertain: its holder died mid-delivery, or Slack
never answered), the retry first looks for that message in the channel or thread
(bot.outbox.slack_lookup) and adopts it instead of posting again.
"""

from __future__ import annotations

import urllib.error
from http.client import HTTPException
from typing import Any

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient
from sqlalchemy.orm import Session, sessionmaker

from bot import logs
from bot.outbox.dispatcher import Deliver, GiveUp, Permanent, Retry
from bot.outbox.payloads import (
    CardMoved,
    CardSync,
    Ephemeral,
    Respond,
    ThreadEvent,
    enqueue,
    ticket_key,
)
from bot.outbox.slack_call import call
from bot.outbox.slack_lookup import CARD_EVENT, THREAD_EVENT, Lookup, metadata
from bot.policy import Policy
from bot.tickets.blocks import card as ticket_card
from bot.tickets.blocks import thread
from bot.tickets.views import EventView, NightWatch, TicketView
from storage import outbox, pages
from storage import tickets as store
from storage.models import OutboxItem


class SlackDelivery:
    def __init__(
        self, *, client: WebClient, policy: Policy, readers: sessionmaker[Session] | None = None
    ) -> None:
        self.client = client
        # Lookups before a Slack call only read: on SQLite they then take no write lock.
        self.readers = readers
        self.policy = policy
        self.lang = policy.language
        self.lookup = Lookup(client)

    def handlers(self) -> dict[str, Deliver]:
        return {
            CardSync.kind: self.card,
            ThreadEvent.kind: self.thread,
            Respond.kind: self.respond,
            Ephemeral.kind: self.ephemeral,
            CardMoved.kind: self.card_stub,
        }

    def _channel(self, line: int) -> str:
        return self.policy.line(line).channel

    def card(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        with (self.readers or sessions)() as session:
            later = outbox.has_later(
                session=session,
                kind=CardSync.kind,
                ordering_key=item.ordering_key or "",
                after_id=item.id,
            )
            ticket = store.get_by_id(session=session, ticket_id=CardSync.of(item).ticket_id)
            if ticket is None:
                return
            watch = pages.night_watch(session=session, ticket_id=ticket.id)
            view = TicketView.of(ticket, night=NightWatch.of(watch))
            placed = (ticket.card_channel, ticket.card_ts, ticket.card_line)
        channel, ts, line = placed
        on_line = bool(ts) and line == view.line
        if later and ts:
            # A newer sync follows and renders the latest state. (A card not posted yet is
            # posted now: the thread replies queued before that newer sync need it.) If this
            # row may have posted to a new line already, that card must be known first, or
            # the newer row would post a second one.
            if item.uncertain and not on_line:
                found = self.lookup.earlier(
                    item=item, event_type=CARD_EVENT, channel=self._channel(view.line)
                )
                if found is not None:
                    self._placed(sessions, item, view, placed, found)
            return
        text = ticket_card.fallback(view, self.policy, self.lang)
        blocks = ticket_card.blocks(view, self.policy, self.lang)
        if on_line:
            call(self.client.chat_update, channel=channel, ts=ts, text=text, blocks=blocks)
            return
        # An adopted earlier post was rendered after this row was made, and no change came
        # since (that would be a later row): it shows the current state as it is.
        posted = self.post_once(
            item,
            CARD_EVENT,
            view.number,
            channel=self._channel(view.line),
            text=text,
            blocks=blocks,
        )
        self._placed(sessions, item, view, placed, posted)

    def _placed(
        self,
        sessions: sessionmaker[Session],
        item: OutboxItem,
        view: TicketView,
        placed: tuple[str | None, str | None, int | None],
        posted: Any,
    ) -> None:
        channel, ts, _ = placed
        with sessions.begin() as session:
            if ts and channel:
                # Rerouted: the old card becomes a pointer to the new one, as a row of its own so
                # a failure there never posts the new card twice.
                enqueue(
                    session=session,
                    payload=CardMoved(
                        channel=channel, ts=ts, number=view.number, to=posted["channel"]
                    ),
                    now=item.created_at,
                    ordering_key=ticket_key(view.id),
                )
            store.set_card(
                session=session,
                ticket_id=view.id,
                channel=posted["channel"],
                ts=posted["ts"],
                line=view.line,
            )

    def post_once(
        self, item: OutboxItem, event_type: str, ticket: str | None, **kwargs: Any
    ) -> Any:
        """chat.postMessage, marked with this row; an uncertain row adopts its earlier post."""
        if ticket is not None:
            logs.note(**{logs.TICKET: ticket})
        if item.uncertain:
            found = self.lookup.earlier(
                item=item,
                event_type=event_type,
                channel=kwargs["channel"],
                thread_ts=kwargs.get("thread_ts"),
            )
            if found is not None:
                return found
        response = call(
            self.client.chat_postMessage, metadata=metadata(event_type, item, ticket), **kwargs
        )
        self.lookup.learn(kwargs["channel"], response["channel"])
        return response

    def card_stub(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = CardMoved.of(item)
        text, blocks = ticket_card.moved(p.number, p.to, self.lang)
        call(self.client.chat_update, channel=p.channel, ts=p.ts, text=text, blocks=blocks)

    def thread(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        with (self.readers or sessions)() as session:
            p = ThreadEvent.of(item)
            ticket = store.get_by_id(session=session, ticket_id=p.ticket_id)
            event = store.get_event(session=session, event_id=p.event_id)
            if ticket is None or event is None:
                return
            if not ticket.card_ts:
                # Rows of a ticket run in order, so its card row is done: it failed for good.
                raise GiveUp("the ticket's card was never posted")
            view = TicketView.of(ticket)
            text = thread.event_text(EventView.of(event), view, self.policy, self.lang)
        self.post_once(
            item,
            THREAD_EVENT,
            view.number,
            channel=view.card_channel,
            thread_ts=view.card_ts,
            text=text,
        )

    def ephemeral(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = Ephemeral.of(item)
        if p.channel:
            try:
                call(self.client.chat_postEphemeral, channel=p.channel, user=p.user, text=p.text)
                return
            except Permanent:
                # Not in that channel (or it is gone): a direct message still reaches the agent.
                pass
        call(self.client.chat_postMessage, channel=p.user, text=p.text)

    def respond(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = Respond.of(item)
        hook = WebhookClient(p.response_url, timeout=10)
        try:
            response = hook.send(text=p.text, response_type="ephemeral")
        except (
            urllib.error.URLError,
            HTTPException,
            ConnectionError,
            TimeoutError,
            OSError,
        ) as exc:
            raise Retry(f"response_url unreachable: {exc}") from None
        if response.status_code == 429 or response.status_code >= 500:
            raise Retry(f"response_url answered {response.status_code}")
        if response.status_code >= 400:
            # response_urls expire after 30 minutes; nothing to retry then.
            raise Permanent(f"response_url answered {response.status_code}: {response.body}")
