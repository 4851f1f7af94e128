"""Text meets Slack's limits as it is sent, after escaping; a payload Slack refuses is given up
at once instead of retried for an hour."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import select

from bot.blocks.text import clip, fit
from storage.models import OutboxItem
from tests.conftest import Balie
from tests.fakes.slack_api import FakeSlack, iter_blocks_text

GOOD = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'
# Slack escapes &, < and > in what someone types in a slash command.
AMP = "&amp;"


def test_clip_measures_after_escaping() -> None:
    text = clip("&" * 10, 12)
    assert len(text) <= 12 and text == "&amp;&amp;…"
    assert clip("<!channel>", 100) == "&lt;!channel&gt;"
    assert clip("kort", 10) == "kort"


@pytest.mark.parametrize("limit", range(1, 40))
def test_fit_never_cuts_an_entity_or_a_mention(limit: int) -> None:
    markup = "ab &amp; <@U123ABC> &lt;x&gt; <#C0123ABC> eind"
    cut = fit(markup, limit)
    assert len(cut) <= limit
    assert markup.startswith(cut.removesuffix("…"))
    assert not re.search(r"&(?!amp;|lt;|gt;)", cut), cut
    assert cut.count("<") == cut.count(">"), cut


def _sections(blocks: list[dict[str, Any]]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section" and "text" in b]


def _entities_whole(text: str) -> bool:
    return not re.search(r"&(?!amp;|lt;|gt;)", text)


def _card_posts(balie: Balie) -> list[Any]:
    return [c for c in balie.fake.calls_to("chat.postMessage") if "blocks" in c.args]


def test_a_description_full_of_ampersands_still_gets_its_card(balie: Balie) -> None:
    description = "x" * 2370 + AMP * 130
    number = balie.register(f'{GOOD} omschrijving="{description}" Printer kapot')
    balie.drain()
    (card,) = _card_posts(balie)
    assert not card.failed, card.response
    assert number in str(card.args["blocks"])
    body = next(s for s in _sections(card.args["blocks"]) if "x" * 100 in s)
    assert len(body) <= 3000 and body.endswith("…") and _entities_whole(body)
    # The card is there, so the thread behind it follows.
    assert any(c.args.get("thread_ts") == card.response["ts"] for c in balie.fake.calls)


def test_a_resolution_full_of_ampersands_updates_the_card(balie: Balie) -> None:
    number = balie.register(f"{GOOD} Printer kapot")
    balie.drain()
    # Sent as the fuzzer sent it: 800 bare ampersands (4,000 characters once escaped).
    response = balie.command(f"los-op {number} " + "&" * 800)
    assert response.status == 200 and number in response.json()["text"]
    balie.drain()
    update = balie.fake.calls_to("chat.update")[-1]
    assert not update.failed, update.response
    resolution = next(s for s in _sections(update.args["blocks"]) if "&amp;" * 50 in s)
    assert len(resolution) <= 3000 and _entities_whole(resolution)
    thread = [c for c in balie.fake.calls_to("chat.postMessage") if "thread_ts" in c.args]
    assert not any(c.failed for c in thread)
    assert any("&amp;" * 800 in c.args["text"] for c in thread)  # the thread has it whole


def test_every_text_of_a_long_ticket_detail_fits(balie: Balie) -> None:
    number = balie.register(f'{GOOD} omschrijving="{AMP * 2000}" {"&lt;" * 100}')
    for _ in range(5):
        assert balie.command(f"notitie {number} " + "&" * 900).status == 200
    body = balie.command(f"toon {number}").json()
    assert len(body["blocks"]) <= 50
    for text in iter_blocks_text(body["blocks"]):
        assert len(text) <= 3000 and _entities_whole(text)


def test_the_fake_refuses_what_slack_refuses(fake_slack: FakeSlack) -> None:
    client = WebClient("xoxb-test", base_url=fake_slack.api_url, retry_handlers=[])
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}
    with pytest.raises(SlackApiError) as refused:
        client.api_call("chat.postMessage", json={"channel": "C1", "blocks": [section]})
    assert refused.value.response["error"] == "invalid_blocks"
    assert "/blocks/0/text/text" in refused.value.response["errors"][0]
    header = {"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}
    with pytest.raises(SlackApiError):
        client.api_call("chat.update", json={"channel": "C1", "ts": "1", "blocks": [header]})
    with pytest.raises(SlackApiError) as too_long:
        client.chat_postMessage(channel="C1", text="x" * 40_001)
    assert too_long.value.response["error"] == "msg_too_long"
    view = {"type": "modal", "title": {"type": "plain_text", "text": "x" * 25}, "blocks": []}
    with pytest.raises(SlackApiError) as bad_view:
        client.api_call("views.open", json={"trigger_id": "t", "view": view})
    assert bad_view.value.response["error"] == "invalid_arguments"
    section["text"]["text"] = "x" * 3000
    assert client.api_call("chat.postMessage", json={"channel": "C1", "blocks": [section]})["ok"]


def test_a_payload_slack_refuses_is_given_up_at_once_and_logged_once(
    balie: Balie, caplog: pytest.LogCaptureFixture
) -> None:
    balie.fake.error("chat.postMessage", "invalid_blocks")
    with caplog.at_level(logging.WARNING):
        balie.register(f"{GOOD} Printer kapot")
        balie.drain()
    with balie.services.sessions() as s:
        refused = s.execute(
            select(OutboxItem).where(OutboxItem.last_error.contains("invalid_blocks"))
        ).scalar_one()
    assert refused.failed and refused.attempts == 1 and refused.done_at is not None
    lines = [r for r in caplog.records if "invalid_blocks" in r.getMessage()]
    assert len(lines) == 1 and lines[0].levelno == logging.ERROR
    assert str(refused.id) in lines[0].getMessage()
