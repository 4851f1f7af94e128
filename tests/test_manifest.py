"""manifest.yml is a valid Slack manifest and says exactly what the code registers and uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from bot.surface import EVENTS, SHORTCUTS, WEB_API_SCOPES, Command, bot_scopes
from tests.conftest import ADMIN, Balie

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "slack-manifest-schema" / "manifest.schema.1.0.0.json"


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))


def test_manifest_is_valid_against_slacks_schema(manifest: dict[str, Any]) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"Slack's manifest schema is not at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(manifest, schema)


def test_manifest_commands_are_the_registered_commands(manifest: dict[str, Any]) -> None:
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert commands == {c.value for c in Command}


def test_manifest_shortcuts_and_events_match(manifest: dict[str, Any]) -> None:
    shortcuts = {s["callback_id"] for s in manifest["features"].get("shortcuts", [])}
    events = set(manifest["settings"].get("event_subscriptions", {}).get("bot_events", []))
    assert shortcuts == set(SHORTCUTS)
    assert events == set(EVENTS)


def test_manifest_scopes_are_what_the_code_needs(manifest: dict[str, Any]) -> None:
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == bot_scopes()


def test_every_manifest_command_is_handled(balie: Balie, manifest: dict[str, Any]) -> None:
    # Bolt answers 404 to a request no listener matches.
    for entry in manifest["features"]["slash_commands"]:
        response = balie.command("help", user=ADMIN, command=entry["command"])
        assert response.status == 200, entry["command"]


def test_code_calls_only_declared_web_api_methods(balie: Balie) -> None:
    balie.register(
        "klant=ACME contact=jan@acme.example via=telefoon type=incident impact=laag urgentie=laag Test"
    )
    balie.drain()
    called = {c.method for c in balie.fake.calls} - {"response_url", "upload_url"}
    assert called, "the test should have made Balie call Slack"
    assert called <= set(WEB_API_SCOPES), called - set(WEB_API_SCOPES)
