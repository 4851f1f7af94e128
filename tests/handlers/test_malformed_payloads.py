"""Signed payloads that Slack would never send get a clean answer: 200 with a notice (or no
options), or 400. Never an HTML 500, never a stack trace in the log."""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from typing import Any

import pytest

from bot.blocks.ids import ActionId, BlockId, CallbackId
from tests.conftest import AGENT, Balie
from tests.fakes.signed import (
    VERIFICATION_TOKEN,
    Response,
    block_actions_payload,
    block_suggestion_payload,
    event_envelope,
    message_shortcut_payload,
    option,
    plain_text_input_state,
    shortcut_payload,
    view_submission_payload,
)

_DELETE = object()


def changed(payload: dict[str, Any], *edits: tuple[str, Any]) -> dict[str, Any]:
    """`payload` with each dotted path set to a value (or deleted)."""
    out = copy.deepcopy(payload)
    for path, value in edits:
        *parents, last = path.split(".")
        node: Any = out
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if value is _DELETE:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return out


def take() -> dict[str, Any]:
    return block_actions_payload(ActionId.TAKE.value, value="KOR-000001", user_id=AGENT)


def assign() -> dict[str, Any]:
    return block_actions_payload(
        ActionId.ASSIGN.value,
        action_type="users_select",
        action={"selected_user": AGENT},
        user_id=AGENT,
    )


def note_submission() -> dict[str, Any]:
    return view_submission_payload(
        CallbackId.TICKET_ACTION.value,
        {BlockId.TEXT: {ActionId.TEXT: plain_text_input_state("Gebeld")}},
        private_metadata=json.dumps({"number": "KOR-000001", "action": "note"}),
        user_id=AGENT,
        blocks=[{"type": "input", "block_id": "text", "element": {"type": "plain_text_input"}}],
    )


def new_submission() -> dict[str, Any]:
    return view_submission_payload(CallbackId.NEW_TICKET.value, {}, user_id=AGENT)


def customers() -> dict[str, Any]:
    return block_suggestion_payload(ActionId.CUSTOMER.value, "ac", user_id=AGENT)


INTERACTIVE: dict[str, Callable[[], dict[str, Any]]] = {
    "channel as a string": lambda: changed(take(), ("channel", "C1")),
    "no actions": lambda: changed(take(), ("actions", [])),
    "actions missing": lambda: changed(take(), ("actions", _DELETE)),
    "an action that is a string": lambda: changed(take(), ("actions", ["ticket_take"])),
    "an action without action_id": lambda: changed(take(), ("actions.0.action_id", _DELETE)),
    "an action value that is an object": lambda: changed(take(), ("actions.0.value", {"a": 1})),
    "user as a string": lambda: changed(take(), ("user", "U0AGENT")),
    "user missing": lambda: changed(take(), ("user", _DELETE)),
    "user null": lambda: changed(take(), ("user", None)),
    "a user id that is a mention": lambda: changed(take(), ("user.id", "<!channel>")),
    "enterprise as a number": lambda: changed(take(), ("enterprise", 5)),
    "team as a number": lambda: changed(take(), ("team", 5)),
    "no trigger_id": lambda: changed(take(), ("trigger_id", _DELETE)),
    "response_url as a number": lambda: changed(take(), ("response_url", 5)),
    "container as a string": lambda: changed(take(), ("container", "x")),
    "message as a string": lambda: changed(assign(), ("message", "x")),
    "message blocks null": lambda: changed(assign(), ("message.blocks", None)),
    "a selected user that is a number": lambda: changed(assign(), ("actions.0.selected_user", 7)),
    "view without type": lambda: changed(new_submission(), ("view.type", _DELETE)),
    "view without callback_id": lambda: changed(new_submission(), ("view.callback_id", _DELETE)),
    "view blocks null": lambda: changed(note_submission(), ("view.blocks", None)),
    "view as a string": lambda: changed(note_submission(), ("view", "x")),
    "view state as a string": lambda: changed(new_submission(), ("view.state", "x")),
    "state values as a list": lambda: changed(new_submission(), ("view.state.values", [])),
    "a state block as a string": lambda: changed(
        note_submission(), ("view.state.values.text", "x")
    ),
    "private_metadata as a number": lambda: changed(
        note_submission(), ("view.private_metadata", 5)
    ),
    "private_metadata a JSON list": lambda: changed(
        note_submission(), ("view.private_metadata", "[1]")
    ),
    "submission user as a string": lambda: changed(note_submission(), ("user", "U0AGENT")),
    "suggestion user as a string": lambda: changed(customers(), ("user", "U0AGENT")),
    "suggestion view as a string": lambda: changed(customers(), ("view", "x")),
    "suggestion value as a number": lambda: changed(customers(), ("value", 12)),
    "suggestion action_id as a number": lambda: changed(customers(), ("action_id", 12)),
    "suggestion with a null selection": lambda: changed(
        block_suggestion_payload(ActionId.CONTACT.value, "", user_id=AGENT),
        ("view.state.values", {"customer": {"new_customer": {"selected_option": None}}}),
    ),
    "shortcut user as a string": lambda: changed(
        shortcut_payload("x", user_id=AGENT), ("user", "U")
    ),
    "shortcut without callback_id": lambda: changed(
        shortcut_payload("x", user_id=AGENT), ("callback_id", _DELETE)
    ),
    "message shortcut user as a number": lambda: changed(
        message_shortcut_payload("x", user_id=AGENT), ("user", 5)
    ),
    "a list instead of an object": lambda: [take()],  # type: ignore[dict-item,return-value]
    "a type that is a number": lambda: changed(take(), ("type", 7)),
}


def _clean(response: Response, caplog: pytest.LogCaptureFixture) -> None:
    assert response.status in (200, 400), (response.status, response.body)
    assert "<html" not in response.body.lower() and "Traceback" not in response.body
    loud = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not loud, [r.getMessage() for r in loud]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) <= 1 and all("\n" not in r.getMessage() for r in warnings)


@pytest.mark.parametrize("case", list(INTERACTIVE))
def test_a_malformed_interactive_payload_gets_a_clean_answer(
    balie: Balie, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    payload = INTERACTIVE[case]()
    if isinstance(payload, dict) and isinstance(payload.get("response_url"), str):
        payload["response_url"] = balie.fake.response_url(case.replace(" ", "-"))
    with caplog.at_level(logging.INFO):
        response = balie.slack.interactive(payload)
        balie.drain()
    _clean(response, caplog)
    if "suggestion" in case:
        assert response.json() == {"options": []}


def _command(**fields: Any) -> dict[str, str]:
    base = {
        "token": VERIFICATION_TOKEN,
        "team_id": "T0001",
        "channel_id": "C1",
        "user_id": AGENT,
        "command": "/ticket",
        "text": "help",
        "response_url": "https://hooks.slack.com/commands/T0001/1/x",
        "trigger_id": "1.2.3",
    }
    for key, value in fields.items():
        if value is _DELETE:
            base.pop(key)
        else:
            base[key] = value
    return base


COMMANDS: dict[str, dict[str, str]] = {
    "no user_id": _command(user_id=_DELETE),
    "a user_id that is a mention": _command(user_id="<!channel>"),
    "an empty user_id": _command(user_id=""),
    "no text": _command(text=_DELETE),
    "a channel_id that is a mention": _command(channel_id="<!channel>", text="pak KOR-000009"),
    "control characters": _command(text="pak \x08\x1b[2J KOR-\x00000001"),
    "a very long text": _command(text="notitie KOR-000001 " + "&amp;" * 2000),
    "an unknown command": _command(command="/onbekend"),
    "a payload field that is not JSON": _command(payload="{not json"),
    "a payload field that is a list": _command(payload="[1, 2]"),
}


@pytest.mark.parametrize("case", list(COMMANDS))
def test_a_slash_command_with_odd_fields_gets_a_clean_answer(
    balie: Balie, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    fields = COMMANDS[case] | {"response_url": balie.fake.response_url(case.replace(" ", "-"))}
    with caplog.at_level(logging.INFO):
        response = balie.slack.form(fields)
        balie.drain()
    if case == "an unknown command":
        # Balie has no such command: Bolt says so itself, as for any request nobody handles.
        assert response.status == 404 and "<html" not in response.body
        return
    _clean(response, caplog)


def test_a_command_without_a_user_is_told_so_in_dutch(balie: Balie) -> None:
    response = balie.slack.form(_command(user_id=_DELETE))
    assert response.status == 200
    assert "kon dit verzoek van Slack niet lezen" in response.json()["text"]


@pytest.mark.parametrize(
    "event",
    [{"type": "event_callback", "event": "x"}, {"type": "event_callback", "event": {}}],
    ids=["event as a string", "event without type"],
)
def test_a_malformed_event_gets_a_400(
    balie: Balie, caplog: pytest.LogCaptureFixture, event: dict[str, Any]
) -> None:
    envelope = event_envelope({"type": "app_mention"}) | event
    with caplog.at_level(logging.INFO):
        response = balie.slack.post(json.dumps(envelope).encode(), "application/json")
    _clean(response, caplog)
    assert response.status == 400


def test_the_inline_errors_of_a_bare_submission_still_land_under_an_input(balie: Balie) -> None:
    # A note modal whose metadata names no action: one inline error, not a traceback.
    payload = changed(note_submission(), ("view.private_metadata", "[1]"))
    body = balie.slack.interactive(payload).json()
    assert body["response_action"] == "errors" and list(body["errors"]) == ["text"]


def test_options_of_a_well_formed_suggestion_still_come(balie: Balie) -> None:
    found = balie.slack.interactive(customers()).json()
    assert [o["value"] for o in found["options"]] == ["ACME"]
    chosen = block_suggestion_payload(
        ActionId.CONTACT.value,
        "",
        user_id=AGENT,
        view={
            "id": "V1",
            "state": {
                "values": {"customer": {"new_customer": {"selected_option": option("ACME")}}}
            },
        },
    )
    assert balie.slack.interactive(chosen).json()["options"]
