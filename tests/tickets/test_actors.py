"""Actors are (source, id) pairs: role checks apply to Slack users, the trail names each kind."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.errors import Forbidden
from bot.events import Actor, ActorSource
from bot.tickets.blocks.thread import actor_text
from bot.tickets.views import EventView
from tests.conftest import AGENT, OUTSIDER, Balie


def event(source: str, actor: str) -> EventView:
    at = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    return EventView(1, at, actor, "note", {}, "", actor_source=source)


def test_the_trail_shows_each_kind_of_actor_readably() -> None:
    assert actor_text(event("slack", "U0AGENT1"), "nl") == "<@U0AGENT1>"
    assert actor_text(event("email", "jan<x>@acme.example"), "nl") == "jan&lt;x&gt;@acme.example"
    assert actor_text(event("system", "sla-monitor"), "nl") == "Balie (automatisch)"
    assert actor_text(event("system", "sla-monitor"), "en") == "Balie (automatically)"


def test_roles_apply_to_slack_actors_only(balie: Balie) -> None:
    roles = balie.services.roles
    roles.require_actor(Actor.slack(AGENT), frozenset(roles.roles_of(AGENT)))
    roles.require_actor(Actor.system("sla-monitor"), frozenset(roles.roles_of(AGENT)))
    with pytest.raises(Forbidden):
        roles.require_actor(Actor.slack(OUTSIDER), frozenset(roles.roles_of(AGENT)))
    with pytest.raises(Forbidden):
        roles.require_actor(
            Actor(ActorSource.EMAIL, "jan@acme.example"), frozenset(roles.roles_of(AGENT))
        )


def test_a_change_records_its_actor_as_source_and_id(balie: Balie) -> None:
    number = balie.register(
        'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden Printer'
    )
    balie.command(f"notitie {number} gebeld")
    _, events = balie.services.queries.show(AGENT, number)
    assert {(e.actor_source, e.actor) for e in events} == {("slack", AGENT)}
