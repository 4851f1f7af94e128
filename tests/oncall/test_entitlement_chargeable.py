"""Customers who are not entitled to the waakdienst: whoever works their high-priority
incident after hours is told so once a night, with a button to page anyway; every such
service is a chargeable item, with a line in the ticket's thread."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.errors import InvalidInput, InvalidTransition
from bot.oncall.events import PageReason
from bot.tickets.blocks.errors import error_text
from handlers.oncall_entitlement import subcommand
from storage.models import OutboxItem
from tests.conftest import AGENT, AGENT2, Balie, amsterdam
from tests.fakes.signed import block_actions_payload
from tests.oncall.chain_support import impatient
from tests.oncall.entitlement_helpers import GOLD, P1, P3, SILVER, items, record_pages

PAGE_ANYWAY = "oncall_page_anyway"


def dms(balie: Balie, user: str) -> list[dict[str, Any]]:
    """What was posted to the DM Balie opened with `user` (by its D… id)."""
    dm = balie.fake.opened_dms().get(user)
    posted = balie.fake.calls_to("chat.postMessage")
    return [c.args for c in posted if dm is not None and c.args["channel"] == dm]


def thread_texts(balie: Balie) -> list[str]:
    return [
        c.args["text"] for c in balie.fake.calls_to("chat.postMessage") if "thread_ts" in c.args
    ]


def button_of(message: dict[str, Any]) -> dict[str, Any]:
    return next(
        e
        for block in message["blocks"]
        for e in block.get("elements", [])
        if e.get("action_id") == PAGE_ANYWAY
    )


def test_a_silver_p1_at_night_is_not_paged_and_the_agent_is_told_once(balie: Balie) -> None:
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{SILVER} {P1} Ovens reageren niet")
    balie.command(f"pak {number}")
    balie.command(f"notitie {number} Klant teruggebeld")
    balie.drain()

    assert pages.seen == []
    (notice,) = dms(balie, AGENT)
    assert "geen recht op de waakdienst" in notice["text"] and "doorbelast" in notice["text"]
    assert button_of(notice)["value"] == number
    assert "Toch oproepen" in str(notice["blocks"])
    (item,) = items(balie, number)
    assert (item.rule, item.reason, item.actor) == (
        "after_hours_without_entitlement",
        "after_hours_work",
        AGENT,
    )
    assert item.started_at == amsterdam(2026, 11, 24, 22, 0) and item.minutes is None
    assert item.period_start == amsterdam(2026, 11, 24, 17, 30)
    assert sum("Doorbelasten (waakdienst zonder recht)" in t for t in thread_texts(balie)) == 1


def notice_row(balie: Balie) -> OutboxItem:
    with balie.services.sessions() as s:
        query = select(OutboxItem).where(OutboxItem.kind == "entitlement_notice")
        return s.execute(query).scalar_one()


def test_a_notice_slack_never_answered_is_found_in_the_dm_not_sent_twice(balie: Balie) -> None:
    balie.fake.set_clock(lambda: balie.clock.now().timestamp())
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    balie.register(f"{SILVER} {P1} Ovens reageren niet")
    balie.fake.slow("chat.postMessage", 1.0)
    with impatient(balie) as worker:
        worker.dispatcher.drain()  # every post times out, the notice too, but Slack made them
    balie.fake.slow("chat.postMessage", 0)
    row = notice_row(balie)
    assert row.uncertain and row.done_at is None
    dm = balie.fake.opened_dms()[AGENT]
    (posted,) = balie.fake.messages_in(dm)
    assert posted["metadata"]["event_payload"]["outbox_id"] == row.id  # type: ignore[index]

    balie.clock.advance(timedelta(minutes=1))
    balie.drain()

    assert balie.fake.messages_in(dm) == [posted]  # found in the DM and adopted
    assert dm in [c.args["channel"] for c in balie.fake.calls_to("conversations.history")]
    assert notice_row(balie).done_at is not None


def test_the_notice_is_in_the_agents_language_and_comes_again_the_next_night(
    balie: Balie,
) -> None:
    balie.command("taal en")
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{SILVER} {P1} Ovens reageren niet")
    balie.clock.set(amsterdam(2026, 11, 25, 19, 0))
    balie.command(f"notitie {number} Nog steeds stuk")
    balie.drain()
    first, second = dms(balie, AGENT)
    assert "not include the on-call service" in first["text"]
    assert "Page anyway" in str(second["blocks"])
    assert len(items(balie, number)) == 2


def test_the_button_pages_anyway_and_records_a_chargeable_item(balie: Balie) -> None:
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{SILVER} {P1} Ovens reageren niet")
    balie.drain()
    (notice,) = dms(balie, AGENT)

    balie.clock.set(amsterdam(2026, 11, 24, 22, 5))
    payload = block_actions_payload(
        PAGE_ANYWAY,
        value=button_of(notice)["value"],
        user_id=AGENT,
        channel_id="D0AGENT1",
        response_url=balie.fake.response_url("page"),
    )
    assert balie.slack.block_action(payload).status == 200
    balie.drain()

    (page,) = pages.seen
    assert (page.reason, page.actor.id) == (PageReason.MANUAL_CHARGED, AGENT)
    assert [i.reason for i in items(balie, number)] == ["after_hours_work", "paged_anyway"]
    (answer,) = balie.fake.calls_to("response_url")
    assert "doorbelast" in answer.args["text"]


def test_waakdienst_roep_op_pages_anyway_likewise(balie: Balie) -> None:
    pages = record_pages(balie)
    balie.clock.set(amsterdam(2026, 11, 28, 11, 0))  # a Saturday
    number = balie.register(f"{SILVER} {P1} Ovens reageren niet")

    answer = subcommand(balie.services, user=AGENT2, sub="page", rest=number, lang="nl")
    assert "doorbelast" in answer["text"]
    assert [(p.reason, p.actor.id) for p in pages.seen] == [(PageReason.MANUAL_CHARGED, AGENT2)]
    assert [(i.actor, i.reason) for i in items(balie, number)] == [
        (AGENT, "after_hours_work"),
        (AGENT2, "paged_anyway"),
    ]


def test_paging_anyway_in_office_hours_or_for_gold_is_not_charged(balie: Balie) -> None:
    pages = record_pages(balie)
    silver = balie.register(f"{SILVER} {P1} Ovens reageren niet")  # Tuesday 10:00
    answer = subcommand(balie.services, user=AGENT, sub="page", rest=silver, lang="nl")
    assert "doorbelast" not in answer["text"]
    balie.clock.set(amsterdam(2026, 11, 24, 20, 0))
    gold = balie.register(f"{GOLD} {P3} Printer")
    subcommand(balie.services, user=AGENT, sub="page", rest=gold, lang="nl")
    assert pages.reasons() == ["manual", "manual"]
    assert items(balie, silver) == [] and items(balie, gold) == []


def test_paging_anyway_needs_an_open_ticket_and_a_number(balie: Balie) -> None:
    pages = record_pages(balie)
    number = balie.register(f"{SILVER} {P3} Vraagje")
    balie.command(f"los-op {number} Beantwoord")
    balie.clock.set(amsterdam(2026, 11, 24, 20, 0))
    with pytest.raises(InvalidTransition) as refused:
        subcommand(balie.services, user=AGENT, sub="page", rest=number, lang="nl")
    assert error_text(refused.value, "nl") == (
        f"De waakdienst kan alleen voor een open ticket worden opgeroepen; {number} is Opgelost."
    )
    with pytest.raises(InvalidInput):
        subcommand(balie.services, user=AGENT, sub="page", rest=" ", lang="nl")
    assert pages.seen == [] and items(balie, number) == []
