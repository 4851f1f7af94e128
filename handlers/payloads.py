"""Reading Slack payloads: the values out of a modal's state."""

from __future__ import annotations

import json
from typing import Any

from bot.services.inputs import clean_text


def state_value(view: dict[str, Any], block_id: str, action_id: str) -> str | None:
    """The chosen or typed value of one input, whatever its element type."""
    element = view.get("state", {}).get("values", {}).get(block_id, {}).get(action_id) or {}
    if element.get("selected_option"):
        return str(element["selected_option"]["value"])
    if element.get("selected_user"):
        return str(element["selected_user"])
    value = element.get("value")
    # Typed text is cleaned of control characters here too: not every modal goes through a model.
    return None if value is None else clean_text(str(value))


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def action_value(body: dict[str, Any]) -> str:
    """The value of the (single) action in a block_actions payload."""
    action = (body.get("actions") or [{}])[0]
    if "selected_user" in action:
        return str(action["selected_user"])
    if action.get("selected_option"):
        return str(action["selected_option"]["value"])
    return str(action.get("value", ""))


def card_number(body: dict[str, Any]) -> str:
    """The ticket a card button belongs to: every card button carries its number as value;
    the assign select has none, so the number comes from the other buttons in the message."""
    action = (body.get("actions") or [{}])[0]
    if action.get("value"):
        return str(action["value"])
    for block in (body.get("message") or {}).get("blocks", []):
        for element in block.get("elements", []) or []:
            if (
                isinstance(element, dict)
                and element.get("type") == "button"
                and element.get("value")
            ):
                return str(element["value"])
    return ""
