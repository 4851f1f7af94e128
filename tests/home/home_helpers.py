"""Shared by the App Home tests: open the Home tab as Slack does, and read what was published."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.home.rules import DEBOUNCE
from tests.conftest import Balie
from tests.fakes.slack_api import iter_blocks_text
from tests.fakes.slack_files import home_of

GOLD_P1 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'
SILVER_P3 = (
    "klant=BAKKER contact=bert@bakker.example via=telefoon type=request impact=midden "
    "urgentie=midden"
)
BRONZE_P4 = "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag"


def open_home(
    balie: Balie,
    user: str,
    *,
    event_id: str | None = None,
    retry_num: int | None = None,
    tab: str = "home",
) -> None:
    """A signed app_home_opened event, as Slack sends it when `user` opens Balie's Home tab."""
    response = balie.slack.event(
        {"type": "app_home_opened", "user": user, "channel": "D0BALIE", "tab": tab},
        event_id=event_id,
        retry_num=retry_num,
    )
    assert response.status == 200, response.body


def settle(balie: Balie) -> int:
    """Let the debounce pass and deliver: what a second or two later looks like."""
    balie.clock.advance(DEBOUNCE + timedelta(milliseconds=1))
    return balie.drain()


def publishes(balie: Balie, user: str) -> list[dict[str, Any]]:
    """Every views.publish Balie made for `user`, oldest first (the views as sent)."""
    return [
        c.args["view"]
        for c in balie.fake.calls_to("views.publish")
        if c.args.get("user_id") == user and not c.failed
    ]


def home_text(balie: Balie, user: str) -> str:
    view = home_of(balie.fake, user)
    assert view is not None, f"no Home published for {user}"
    assert view["type"] == "home"
    return "\n".join(iter_blocks_text(view["blocks"]))


def home_blocks(balie: Balie, user: str) -> list[dict[str, Any]]:
    view = home_of(balie.fake, user)
    assert view is not None, f"no Home published for {user}"
    return list(view["blocks"])
