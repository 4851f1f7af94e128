"""The modals, driven as Slack drives them: views.open out, block_suggestion and
view_submission payloads in."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.blocks.ids import ActionId, BlockId, CallbackId
from bot.tickets.blocks import modal as ticket_modal
from storage.models import Contact, Ticket
from tests.conftest import AGENT, OUTSIDER, Balie, test_policy
from tests.fakes.signed import (
    block_actions_payload,
    block_suggestion_payload,
    option,
    plain_text_input_state,
    select_state,
    view_submission_payload,
)


def contact_id(balie: Balie, email: str) -> str:
    with balie.services.sessions() as s:
        return str(s.execute(select(Contact.id).where(Contact.email == email)).scalar_one())


def modal_values(balie: Balie, **over: str | None) -> dict[str, dict[str, Any]]:
    fields = {
        "customer": "ACME",
        "contact": contact_id(balie, "jan@acme.example"),
        "via": "phone",
        "subject": "Mail komt niet aan",
        "description": "Sinds vanochtend <!everyone>",
        "type": "incident",
        "impact": "medium",
        "urgency": "high",
        "missing": None,
    } | over
    selects = {"customer": "external_select", "contact": "external_select"}
    values: dict[str, dict[str, Any]] = {}
    for name, value in fields.items():
        action = ActionId[name.upper()].value
        if name in ("subject", "description", "missing"):
            values[name] = {action: plain_text_input_state(value)}
        else:
            values[name] = {action: select_state(value, type=selects.get(name, "static_select"))}
    return values


def submit(balie: Balie, values: dict[str, dict[str, Any]], user: str = AGENT) -> dict[str, Any]:
    blocks = ticket_modal.new_ticket(test_policy(), "nl")["blocks"]
    payload = view_submission_payload(
        CallbackId.NEW_TICKET.value, values, user_id=user, blocks=blocks, private_metadata="{}"
    )
    response = balie.slack.view_submission(payload)
    assert response.status == 200, response.body
    return response.json() if response.body else {}


def test_ticket_alone_opens_the_modal(balie: Balie) -> None:
    response = balie.command("")
    assert response.status == 200 and response.body == ""
    view = balie.fake.wait_for("views.open")[0].args["view"]
    assert view["callback_id"] == CallbackId.NEW_TICKET
    assert {b.get("block_id") for b in view["blocks"]} >= {
        "customer",
        "contact",
        "impact",
        "priority",
    }


def test_outsider_gets_no_modal(balie: Balie) -> None:
    outsider = balie.command("", user=OUTSIDER, trigger_id="trigger-outsider")
    assert "Dat mag alleen" in outsider.json()["text"]
    balie.command("", user=AGENT, trigger_id="trigger-agent")
    opened = balie.fake.wait_for("views.open")
    # Give a wrongly opened modal for the outsider every chance to show up as well.
    with pytest.raises(AssertionError):
        balie.fake.wait_for("views.open", count=2, timeout=0.5)
    assert [c.args["trigger_id"] for c in opened] == ["trigger-agent"]


def test_customer_and_contact_options(balie: Balie) -> None:
    found = balie.slack.block_suggestion(
        block_suggestion_payload(
            ActionId.CUSTOMER.value, "acm", block_id=BlockId.CUSTOMER, user_id=AGENT
        )
    ).json()
    assert [o["value"] for o in found["options"]] == ["ACME"]
    assert "Goud" in found["options"][0]["text"]["text"]
    view = {
        "id": "V1",
        "state": {"values": {"customer": {ActionId.CUSTOMER.value: select_state("ACME")}}},
    }
    contacts = balie.slack.block_suggestion(
        block_suggestion_payload(
            ActionId.CONTACT.value, "", block_id=BlockId.CONTACT, user_id=AGENT, view=view
        )
    ).json()
    names = [o["text"]["text"] for o in contacts["options"]]
    assert names == ["Ingrid IT (IT-contactpersoon)", "Jan Jansen (hoofdcontactpersoon)"]


def test_choosing_impact_and_urgency_shows_the_priority(balie: Balie) -> None:
    view = ticket_modal.new_ticket(test_policy(), "nl") | {
        "id": "VMODAL",
        "hash": "h1",
        "state": {"values": modal_values(balie, impact="high", urgency="medium")},
    }
    payload = block_actions_payload(
        ActionId.URGENCY.value,
        selected_option=option("medium"),
        action_type="static_select",
        block_id=BlockId.URGENCY,
        user_id=AGENT,
        view=view,
    )
    assert balie.slack.block_action(payload).status == 200
    update = balie.fake.wait_for("views.update")[0].args
    assert update["view_id"] == "VMODAL" and update["hash"] == "h1"
    assert "impact hoog × urgentie midden → P2 (Hoog)" in json.dumps(
        update["view"], ensure_ascii=False
    )


def test_submission_registers_and_shows_the_number(balie: Balie) -> None:
    body = submit(balie, modal_values(balie))
    assert body["response_action"] == "update"
    assert "KOR-000001" in json.dumps(body["view"])
    with balie.services.sessions() as s:
        t = s.execute(select(Ticket)).unique().scalar_one()
    assert (t.priority, t.description) == ("P2", "Sinds vanochtend <!everyone>")
    balie.drain()
    assert "&lt;!everyone&gt;" in str(balie.fake.calls_to("chat.postMessage")[0].args["blocks"])


def test_submission_errors_are_inline_and_write_nothing(balie: Balie) -> None:
    body = submit(balie, modal_values(balie, contact=contact_id(balie, "eva@acme.example")))
    assert body["response_action"] == "errors"
    assert "eindgebruiker" in body["errors"]["contact"]
    body = submit(balie, modal_values(balie, subject="x", urgency=None))
    assert body["response_action"] == "errors"
    assert "te kort" in body["errors"]["subject"] and "ontbreekt" in body["errors"]["urgency"]
    with balie.services.sessions() as s:
        assert s.execute(select(Ticket)).first() is None


def test_resolve_button_opens_a_modal_whose_submission_resolves(balie: Balie) -> None:
    number = balie.register(
        "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag Kassa"
    )
    balie.drain()
    card = next(c for c in balie.fake.calls_to("chat.postMessage") if "blocks" in c.args)
    balie.slack.block_action(
        block_actions_payload(
            ActionId.RESOLVE.value,
            value=number,
            user_id=AGENT,
            message={"ts": card.response["ts"], "blocks": card.args["blocks"], "text": ""},
        )
    )
    view = balie.fake.wait_for("views.open")[0].args["view"]
    assert view["callback_id"] == CallbackId.TICKET_ACTION and number in json.dumps(view)
    payload = view_submission_payload(
        CallbackId.TICKET_ACTION.value,
        {BlockId.TEXT: {ActionId.TEXT: plain_text_input_state("Kassa herstart")}},
        private_metadata=view["private_metadata"],
        user_id=AGENT,
        blocks=view["blocks"],
    )
    assert balie.slack.view_submission(payload).status == 200
    with balie.services.sessions() as s:
        t = s.execute(select(Ticket)).unique().scalar_one()
    assert (t.status, t.resolution) == ("resolved", "Kassa herstart")


def test_reclassify_button_and_modal(balie: Balie) -> None:
    number = balie.register(
        "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag Kassa"
    )
    balie.drain()
    balie.slack.block_action(
        block_actions_payload(ActionId.RECLASSIFY.value, value=number, user_id=AGENT)
    )
    view = balie.fake.wait_for("views.open")[0].args["view"]
    assert view["callback_id"] == CallbackId.RECLASSIFY
    values = {
        "type": {ActionId.TYPE.value: select_state("incident")},
        "impact": {ActionId.IMPACT.value: select_state("high")},
        "urgency": {ActionId.URGENCY.value: select_state("high")},
    }
    payload = view_submission_payload(
        CallbackId.RECLASSIFY.value,
        values,
        private_metadata=view["private_metadata"],
        user_id=AGENT,
    )
    assert balie.slack.view_submission(payload).status == 200
    with balie.services.sessions() as s:
        assert s.execute(select(Ticket.priority)).scalar_one() == "P1"


def test_a_replayed_submission_registers_once(balie: Balie) -> None:
    blocks = ticket_modal.new_ticket(test_policy(), "nl")["blocks"]
    payload = view_submission_payload(
        CallbackId.NEW_TICKET.value,
        modal_values(balie),
        user_id=AGENT,
        blocks=blocks,
        private_metadata="{}",
        view_id="V0REPLAYED1",
    )
    first = balie.slack.view_submission(payload).json()
    again = balie.slack.view_submission(payload).json()
    assert first == again and "KOR-000001" in str(again)
    with balie.services.sessions() as s:
        assert s.execute(select(func.count()).select_from(Ticket)).scalar_one() == 1
