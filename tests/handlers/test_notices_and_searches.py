"""Where answers go: a failing lazy listener still answers the agent, a refusal goes only to a
channel id of Slack's form (else a direct message), and the modal's searches are for staff."""

from __future__ import annotations

import time
from typing import Any

from bot.blocks.ids import ActionId, BlockId
from tests.conftest import AGENT, OUTSIDER, Balie
from tests.fakes.signed import block_actions_payload, block_suggestion_payload, select_state
from tests.fakes.slack_api import Call

QUESTION = "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag"


def delivered(balie: Balie, method: str, timeout: float = 5.0) -> list[Call]:
    """Calls to `method` once the lazy listener and the outbox have done their part."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        balie.drain()
        found = balie.fake.calls_to(method)
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"no {method} within {timeout}s; calls: {balie.fake.methods()}")


def press(balie: Balie, action: ActionId, number: str) -> None:
    payload = block_actions_payload(
        action.value, value=number, user_id=AGENT, response_url=balie.fake.response_url("pressed")
    )
    assert balie.slack.block_action(payload).status == 200


def test_a_button_on_a_ticket_that_no_longer_exists_answers_the_agent(balie: Balie) -> None:
    press(balie, ActionId.RESOLVE, "KOR-000099")
    (notice,) = delivered(balie, "response_url")
    assert notice.args["text"] == "Ticket KOR-000099 bestaat niet."
    assert notice.args["response_type"] == "ephemeral"
    assert not balie.fake.calls_to("views.open")


def test_the_lazy_answer_comes_in_the_agents_language(balie: Balie) -> None:
    assert balie.command("taal en").status == 200
    balie.drain()
    balie.fake.clear()
    press(balie, ActionId.RECLASSIFY, "KOR-000099")
    (notice,) = delivered(balie, "response_url")
    assert notice.args["text"] == "Ticket KOR-000099 does not exist."


def test_when_slack_refuses_the_modal_the_agent_hears_it(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Kassa")
    balie.drain()
    balie.fake.clear()
    balie.fake.error("views.open", "expired_trigger_id")
    press(balie, ActionId.NOTE, number)
    (notice,) = delivered(balie, "response_url")
    assert "Er ging iets mis bij Balie" in notice.args["text"]


def test_the_new_ticket_modal_failing_to_open_answers_too(balie: Balie) -> None:
    balie.fake.error("views.open", "expired_trigger_id")
    assert balie.command("", response_url=balie.fake.response_url("modal")).status == 200
    (notice,) = delivered(balie, "response_url")
    assert notice.args["_name"] == "modal" and "Er ging iets mis" in notice.args["text"]


def _outsider_presses_take(balie: Balie, channel: str) -> None:
    number = balie.register(f"{QUESTION} Kassa")
    balie.drain()
    balie.fake.clear()
    payload = block_actions_payload(
        ActionId.TAKE.value, value=number, user_id=OUTSIDER, channel_id=channel
    )
    del payload["response_url"]  # as in a message posted without one, so the channel counts
    assert balie.slack.block_action(payload).status == 200


def test_a_refusal_never_goes_to_a_channel_the_payload_makes_up(balie: Balie) -> None:
    _outsider_presses_take(balie, "<!channel>")
    (dm,) = delivered(balie, "chat.postMessage")
    assert dm.args["channel"] == OUTSIDER and "Dat mag alleen" in dm.args["text"]
    assert not balie.fake.calls_to("chat.postEphemeral")


def test_a_refusal_in_a_real_channel_is_ephemeral_there(balie: Balie) -> None:
    _outsider_presses_take(balie, "C0SUPPORT")
    (ephemeral,) = delivered(balie, "chat.postEphemeral")
    assert ephemeral.args["channel"] == "C0SUPPORT" and ephemeral.args["user"] == OUTSIDER
    assert "Dat mag alleen" in ephemeral.args["text"]


def _suggest(balie: Balie, action: ActionId, user: str, view: dict[str, Any] | None) -> Any:
    payload = block_suggestion_payload(
        action.value, "", block_id=action.value, user_id=user, view=view
    )
    response = balie.slack.block_suggestion(payload)
    assert response.status == 200
    return response.json()


def test_the_modal_searches_answer_staff_only(balie: Balie) -> None:
    acme = {
        "id": "V1",
        "state": {"values": {BlockId.CUSTOMER: {ActionId.CUSTOMER: select_state("ACME")}}},
    }
    assert _suggest(balie, ActionId.CUSTOMER, OUTSIDER, None) == {"options": []}
    assert _suggest(balie, ActionId.CONTACT, OUTSIDER, acme) == {"options": []}
    # The same searches by an agent find customers and contacts, so the empty lists are the
    # role check, not an empty directory.
    assert len(_suggest(balie, ActionId.CUSTOMER, AGENT, None)["options"]) >= 3
    contacts = _suggest(balie, ActionId.CONTACT, AGENT, acme)["options"]
    assert "Jan Jansen (hoofdcontactpersoon)" in [o["text"]["text"] for o in contacts]
