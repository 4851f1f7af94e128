"""Slack's payloads as pydantic models: the parts Balie reads, checked once at the door.

Every payload Slack sends fits its model. A signed payload that does not (a string where Slack
sends an object, no actions, a view without its type) is bad input: `shape` says so before
Bolt's listener matchers index into it, and handlers.errors answers it cleanly.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bot.inputs import clean_text

USER_ID = re.compile(r"^[UW][A-Z0-9]+$")
CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")
RESPONSE_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f]+$")

UserId = Annotated[str, StringConstraints(pattern=USER_ID.pattern)]


class BadPayload(Exception):
    """A signed request whose payload is not shaped as Slack shapes it."""

    def __init__(self, kind: str, problems: str) -> None:
        super().__init__(f"malformed {kind} payload: {problems}")
        self.kind = kind
        self.problems = problems


class _Model(BaseModel):
    # Slack adds fields over time; only what Balie reads is checked.
    model_config = ConfigDict(extra="ignore", frozen=True)


class User(_Model):
    id: UserId


class Channel(_Model):
    id: str


class Option(_Model):
    value: str


class Element(_Model):
    """One input's state in view.state.values."""

    type: str | None = None
    value: str | None = None
    selected_option: Option | None = None
    selected_user: str | None = None

    def chosen(self) -> str | None:
        """The chosen or typed value, whatever the element type. Typed text is cleaned of
        control characters here: not every modal goes through an input model."""
        if self.selected_option is not None:
            return self.selected_option.value
        if self.selected_user:
            return self.selected_user
        return None if self.value is None else clean_text(self.value)


class State(_Model):
    values: dict[str, dict[str, Element]] = {}


class View(_Model):
    id: str
    type: str
    callback_id: str
    hash: str | None = None
    private_metadata: str = ""
    blocks: list[dict[str, Any]] = []
    state: State = State()

    def value(self, block_id: str, action_id: str) -> str | None:
        element = self.state.values.get(block_id, {}).get(action_id)
        return element.chosen() if element is not None else None

    def metadata(self) -> dict[str, Any]:
        try:
            data = json.loads(self.private_metadata or "{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


class SuggestionView(View):
    """The view an options request comes from: Balie only reads its state."""

    type: str = "modal"
    callback_id: str = ""


class Action(_Model):
    action_id: str
    block_id: str | None = None
    type: str | None = None
    value: str | None = None
    selected_user: str | None = None
    selected_option: Option | None = None

    def chosen(self) -> str:
        if self.selected_user is not None:
            return self.selected_user
        if self.selected_option is not None:
            return self.selected_option.value
        return self.value or ""


class Message(_Model):
    blocks: list[dict[str, Any]] = []


class BlockActions(_Model):
    type: Literal["block_actions"]
    user: User
    actions: list[Action] = Field(min_length=1)
    trigger_id: str
    channel: Channel | None = None
    message: Message | None = None
    response_url: str | None = None
    view: View | None = None

    @property
    def action(self) -> Action:
        return self.actions[0]

    def card_number(self) -> str:
        """The ticket a card button belongs to: every card button carries its number as value;
        the assign select has none, so the number comes from the other buttons in the message."""
        if self.action.value:
            return self.action.value
        for block in self.message.blocks if self.message else []:
            for element in block.get("elements") or []:
                if (
                    isinstance(element, dict)
                    and element.get("type") == "button"
                    and isinstance(element.get("value"), str)
                    and element["value"]
                ):
                    return str(element["value"])
        return ""


class ViewSubmission(_Model):
    type: Literal["view_submission"]
    user: User
    view: View


class ViewClosed(_Model):
    type: Literal["view_closed"]
    user: User
    view: View


class BlockSuggestion(_Model):
    type: Literal["block_suggestion"]
    user: User
    action_id: str
    value: str = ""
    view: SuggestionView | None = None


class Shortcut(_Model):
    type: Literal["shortcut", "message_action"]
    user: User
    callback_id: str


class DialogSuggestion(_Model):
    type: Literal["dialog_suggestion"]
    callback_id: str


class Event(_Model):
    type: str


class EventCallback(_Model):
    type: Literal["event_callback"]
    event: Event


class Command(_Model):
    command: str
    user_id: UserId
    text: str = ""
    channel_id: str | None = None
    response_url: str | None = None
    trigger_id: str | None = None


# Every payload type whose fields Bolt's matchers or Balie's listeners index into.
_MODELS: dict[str, type[_Model]] = {
    "block_actions": BlockActions,
    "view_submission": ViewSubmission,
    "view_closed": ViewClosed,
    "block_suggestion": BlockSuggestion,
    "shortcut": Shortcut,
    "message_action": Shortcut,
    "dialog_suggestion": DialogSuggestion,
    "event_callback": EventCallback,
}

M = TypeVar("M", bound=_Model)


def kind_of(body: Any) -> str:
    """The payload type, for log lines and answers: "command" for slash commands."""
    if not isinstance(body, dict):
        return "unknown"
    if "command" in body:
        return "command"
    kind = body.get("type")
    return kind if isinstance(kind, str) and kind in _MODELS else "unknown"


def _problems(exc: ValidationError) -> str:
    # Where and what, never the values: those may be anything anyone typed.
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'payload'}: {e['msg']}" for e in exc.errors()
    )


def parse(model: type[M], body: Any) -> M:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise BadPayload(kind_of(body), _problems(exc)) from None


def shape(body: Any) -> None:
    """Raise BadPayload unless `body` fits the model of its type (types Balie does not know
    pass: Bolt answers those itself)."""
    kind = kind_of(body)
    if kind == "command":
        parse(Command, body)
    elif kind in _MODELS:
        parse(_MODELS[kind], body)
    elif not isinstance(body, dict):
        raise BadPayload(kind, "payload: not an object")
    elif not isinstance(body.get("type", ""), str):
        raise BadPayload(kind, "type: not a string")


class Requester(_Model):
    """Who sent a request and where an answer to it may go."""

    kind: str
    user: str | None = None
    channel: str | None = None
    response_url: str | None = None


def _id(value: Any, pattern: re.Pattern[str]) -> str | None:
    return value if isinstance(value, str) and pattern.match(value) else None


def requester(body: Any) -> Requester:
    """Read leniently, for the error handler, which answers even a payload that fits no model.

    Only ids of the form Slack uses are kept: a refusal never goes to a channel called
    `<!channel>`; without a usable channel the agent gets a direct message."""
    if not isinstance(body, dict):
        return Requester(kind="unknown")
    user = body.get("user")
    channel = body.get("channel")
    return Requester(
        kind=kind_of(body),
        user=_id(body.get("user_id"), USER_ID)
        or _id(user.get("id") if isinstance(user, dict) else None, USER_ID),
        channel=_id(body.get("channel_id"), CHANNEL_ID)
        or _id(channel.get("id") if isinstance(channel, dict) else None, CHANNEL_ID),
        response_url=_id(body.get("response_url"), RESPONSE_URL),
    )


def input_block_ids(body: Any) -> list[str]:
    """The input blocks of a submitted view, in order: where inline errors can go."""
    view = body.get("view") if isinstance(body, dict) else None
    blocks = view.get("blocks") if isinstance(view, dict) else None
    if not isinstance(blocks, list):
        return []
    return [
        b["block_id"]
        for b in blocks
        if isinstance(b, dict) and b.get("type") == "input" and isinstance(b.get("block_id"), str)
    ]
