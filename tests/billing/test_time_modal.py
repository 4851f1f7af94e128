"""The card's "Tijd schrijven": a modal with how long, the kind of work and what; submitted,
it records the entry and shows whether it is free or charged, by which rule and why."""

from __future__ import annotations

import json
from typing import Any

from tests.billing.ledger_helpers import INCIDENT, decided, entries
from tests.conftest import AGENT, Balie
from tests.fakes.signed import (
    block_actions_payload,
    plain_text_input_state,
    select_state,
    view_submission_payload,
)


def _open(balie: Balie, number: str, user: str = AGENT) -> dict[str, Any]:
    before = len(balie.fake.calls_to("views.open"))
    response = balie.slack.block_action(
        block_actions_payload("billing_time", value=number, user_id=user)
    )
    assert response.status == 200
    balie.fake.wait_for("views.open", before + 1)  # a lazy listener opens it
    opened = balie.fake.calls_to("views.open")
    assert len(opened) == before + 1
    view = opened[-1].args["view"]
    return view if isinstance(view, dict) else json.loads(view)


def _submit(
    balie: Balie, number: str, minutes: str, kind: str | None = "support", text: str = ""
) -> dict[str, Any]:
    """Submit the modal the card's button opened, as Slack sends it back."""
    view = _open(balie, number)
    values = {
        "minutes": {"billing_time_minutes": plain_text_input_state(minutes)},
        "kind": {"billing_time_kind": select_state(kind)},
        "description": {"billing_time_description": plain_text_input_state(text or None)},
    }
    payload = view_submission_payload(
        "billing_time_view",
        values,
        private_metadata=view["private_metadata"],
        user_id=AGENT,
        blocks=view["blocks"],
    )
    response = balie.slack.view_submission(payload)
    assert response.status == 200
    return dict(response.json())


def test_the_button_opens_the_modal_with_the_policys_kinds(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    view = _open(balie, number)
    assert view["callback_id"] == "billing_time_view"
    assert json.loads(view["private_metadata"]) == {"number": number}
    assert view["title"]["text"] == "Tijd schrijven"
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    assert set(blocks) >= {"minutes", "kind", "description"}
    kinds = [o["value"] for o in blocks["kind"]["element"]["options"]]
    assert kinds == ["support", "analysis", "repair", "setup", "change", "relocation"]
    assert blocks["kind"]["element"]["initial_option"]["value"] == "support"
    assert blocks["description"]["optional"] is True


def test_submitting_records_and_says_why(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    answer = _submit(balie, number, "1u30", "analysis", "Netwerk uitgesloten")
    assert answer["response_action"] == "update"
    shown = str(answer["view"]["blocks"])
    assert f"1 uur 30 minuten geschreven op {number}" in shown
    assert "*Gratis* (regel 1, melden is gratis): analyse van het domein" in shown
    (e,) = entries(balie, number)
    assert decided(e) == (90, "analysis", False, "reporting_free", "analysis")
    assert e.description == "Netwerk uitgesloten"


def test_bad_input_is_shown_under_the_input_and_nothing_is_written(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    answer = _submit(balie, number, "een uurtje")
    assert answer["response_action"] == "errors"
    assert "'een uurtje' is geen duur" in answer["errors"]["minutes"]
    answer = _submit(balie, number, "20m", "koffie")
    assert "koffie" in answer["errors"]["kind"]
    assert entries(balie, number) == []


def test_someone_outside_the_desk_gets_no_modal(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    before = len(balie.fake.calls_to("views.open"))
    balie.slack.block_action(block_actions_payload("billing_time", value=number, user_id="UOUT"))
    assert len(balie.fake.calls_to("views.open")) == before
