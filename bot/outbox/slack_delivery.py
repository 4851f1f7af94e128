"""Outbox deliveries that talk to Slack's Web API."""

from __future__ import annotations

import urllib.error
from collections.abc import Callable
from datetime import timedelta
from http.client import HTTPException
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient
from sqlalchemy.orm import Session, sessionmaker

from bot.blocks import thread, ticket_card
from bot.outbox.dispatcher import Deliver, GiveUp, Permanent, Retry
from bot.policy import Policy
from bot.services import effects
from bot.services.views import EventView, TicketView
from storage import outbox
from storage import tickets as store
from storage.models import OutboxItem

# Slack answers these with ok:false but means "try again".
_TRANSIENT = {
    "ratelimited",
    "internal_error",
    "fatal_error",
    "service_unavailable",
    "request_timeout",
}
# Slack refuses the payload itself: sending the same row again can never work, so it is a
# bug to log once (the dispatcher does, with the row's id), not a row to retry for an hour.
_NEVER_ACCEPTED = {
    "invalid_blocks",
    "invalid_blocks_format",
    "msg_too_long",
    "msg_blocks_too_long",
    "too_many_attachments",
    "no_text",
    "invalid_arguments",
}


def call(fn: Callable[..., Any], **kwargs: Any) -> Any:
    """Run one Web API call, translating failures into Retry, Permanent or GiveUp."""
    try:
        return fn(**kwargs)
    except SlackApiError as exc:
        status = exc.response.status_code
        error = str(exc.response.get("error", "")) if isinstance(exc.response.data, dict) else ""
        if status == 429:
            after = exc.response.headers.get("retry-after") or exc.response.headers.get(
                "Retry-After"
            )
            seconds = int(after[0] if isinstance(after, list) else after or 30)
            raise Retry(
                f"Slack 429 ratelimited (Retry-After {seconds}s)", timedelta(seconds=seconds)
            ) from None
        if status >= 500 or error in _TRANSIENT:
            raise Retry(f"Slack {status} {error}".strip()) from None
        if error in _NEVER_ACCEPTED:
            raise GiveUp(f"Slack refused the payload: {error}") from None
        raise Permanent(f"Slack error {error or status}") from None
    except (urllib.error.URLError, HTTPException, ConnectionError, TimeoutError, OSError) as exc:
        raise Retry(f"Slack unreachable: {type(exc).__name__}: {exc}") from None


class SlackDelivery:
    def __init__(
        self, *, client: WebClient, policy: Policy, readers: sessionmaker[Session] | None = None
    ) -> None:
        self.client = client
        # Lookups before a Slack call only read: on SQLite they then take no write lock.
        self.readers = readers
        self.policy = policy
        self.lang = policy.language

    def handlers(self) -> dict[str, Deliver]:
        return {
            effects.CARD: self.card,
            effects.THREAD: self.thread,
            effects.POST: self.post,
            effects.RESPOND: self.respond,
            effects.EPHEMERAL: self.ephemeral,
            "card_stub": self.card_stub,
        }

    def _channel(self, line: int) -> str:
        return self.policy.line(line).channel

    def card(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        with (self.readers or sessions)() as session:
            if outbox.has_later(
                session=session,
                kind=effects.CARD,
                ordering_key=item.ordering_key or "",
                after_id=item.id,
            ):
                return  # a newer sync follows and renders the latest state
            ticket = store.get_by_id(session=session, ticket_id=item.payload["ticket_id"])
            if ticket is None:
                return
            view = TicketView.of(ticket)
            placed = (ticket.card_channel, ticket.card_ts, ticket.card_line)
        text = ticket_card.fallback(view, self.policy, self.lang)
        blocks = ticket_card.blocks(view, self.policy, self.lang)
        channel, ts, line = placed
        if ts and line == view.line:
            call(self.client.chat_update, channel=channel, ts=ts, text=text, blocks=blocks)
            return
        response = call(
            self.client.chat_postMessage, channel=self._channel(view.line), text=text, blocks=blocks
        )
        with sessions.begin() as session:
            if ts and channel:
                # Rerouted: the old card becomes a pointer to the new one, as a row of its own so
                # a failure there never posts the new card twice.
                outbox.enqueue(
                    session=session,
                    kind="card_stub",
                    payload={
                        "channel": channel,
                        "ts": ts,
                        "number": view.number,
                        "to": response["channel"],
                    },
                    now=item.created_at,
                    ordering_key=effects.ticket_key(view.id),
                )
            store.set_card(
                session=session,
                ticket_id=view.id,
                channel=response["channel"],
                ts=response["ts"],
                line=view.line,
            )

    def card_stub(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = item.payload
        text, blocks = ticket_card.moved(p["number"], p["to"], self.lang)
        call(self.client.chat_update, channel=p["channel"], ts=p["ts"], text=text, blocks=blocks)

    def thread(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        with (self.readers or sessions)() as session:
            ticket = store.get_by_id(session=session, ticket_id=item.payload["ticket_id"])
            event = store.get_event(session=session, event_id=item.payload["event_id"])
            if ticket is None or event is None:
                return
            if not ticket.card_ts:
                # Rows of a ticket run in order, so its card row is done: it failed for good.
                raise GiveUp("the ticket's card was never posted")
            view = TicketView.of(ticket)
            text = thread.event_text(EventView.of(event), view, self.policy, self.lang)
        call(
            self.client.chat_postMessage,
            channel=view.card_channel,
            thread_ts=view.card_ts,
            text=text,
        )

    def post(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = item.payload
        kwargs: dict[str, Any] = {"channel": p["channel"], "text": p["text"]}
        if p.get("blocks"):
            kwargs["blocks"] = p["blocks"]
        if p.get("thread_of") is not None:
            with (self.readers or sessions)() as session:
                ticket = store.get_by_id(session=session, ticket_id=p["thread_of"])
                if ticket is None or not ticket.card_ts:
                    raise GiveUp("the ticket's card was never posted")
                kwargs["channel"], kwargs["thread_ts"] = ticket.card_channel, ticket.card_ts
        call(self.client.chat_postMessage, **kwargs)

    def ephemeral(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = item.payload
        if p.get("channel"):
            try:
                call(
                    self.client.chat_postEphemeral,
                    channel=p["channel"],
                    user=p["user"],
                    text=p["text"],
                )
                return
            except Permanent:
                # Not in that channel (or it is gone): a direct message still reaches the agent.
                pass
        call(self.client.chat_postMessage, channel=p["user"], text=p["text"])

    def respond(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        hook = WebhookClient(item.payload["response_url"], timeout=10)
        try:
            response = hook.send(text=item.payload["text"], response_type="ephemeral")
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
