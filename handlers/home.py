"""The App Home: app_home_opened publishes the agent's cockpit; its button opens the
new-ticket modal."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks.ids import ActionId
from bot.roles import STAFF
from bot.tickets.blocks import modal as ticket_modal
from bot.wiring import Services
from handlers import errors
from handlers.payloads import BadPayload, BlockActions, UserId, parse


class _Opened(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    type: Literal["app_home_opened"]
    user: UserId
    # The Messages tab sends this event too; only the Home tab shows the cockpit.
    tab: str = "home"


class _Envelope(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    # Slack's id of this event: a redelivery (X-Slack-Retry-Num) carries the same one.
    event_id: str | None = None
    event: _Opened


def _opened(body: Any) -> _Envelope:
    try:
        return _Envelope.model_validate(body)
    except ValidationError as exc:
        raise BadPayload(
            "event_callback", f"app_home_opened: {exc.error_count()} problems"
        ) from None


def register(app: App, s: Services) -> None:
    @app.event("app_home_opened")
    def opened(body: dict[str, Any]) -> None:
        # Bolt acknowledges the event once this returns: it only records the opening and
        # enqueues the publish (the outbox sends it at once), so the ack stays fast and a
        # views.publish that Slack rate-limits is retried from durable state.
        e = _opened(body)
        if e.event.tab == "home":
            s.home.service.opened(e.event.user, e.event_id)

    def ack_staff(ack: Ack, body: dict[str, Any]) -> None:
        s.roles.require(parse(BlockActions, body).user.id, STAFF)
        ack()

    def open_modal(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        p = parse(BlockActions, body)
        # Bolt starts lazy listeners even when the ack refused the request.
        if not s.roles.roles_of(p.user.id) & STAFF:
            return
        view = ticket_modal.new_ticket(s.policy, context["lang"])
        client.views_open(trigger_id=p.trigger_id, view=view)

    app.action(ActionId.HOME_NEW_TICKET.value)(ack=ack_staff, lazy=[errors.lazy(s, open_modal)])
