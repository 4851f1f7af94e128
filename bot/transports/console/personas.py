"""The fixed users you can be at the console prompt, and how their names become mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.i18n import t
from bot.policy import Policy


@dataclass(frozen=True)
class Persona:
    name: str
    user_id: str
    roles: tuple[str, ...]  # keys of the policy's role table
    description_key: str  # catalogue key

    def description(self, lang: str) -> str:
        return t(lang, self.description_key)


PERSONAS: tuple[Persona, ...] = (
    Persona("beheerder", "UCONSOLEADMIN", ("admins", "agents"), "console.persona.admin"),
    Persona("agent", "UCONSOLEAGENT", ("agents",), "console.persona.agent"),
    Persona("teamleider", "UCONSOLELEAD", ("team_leads",), "console.persona.team_lead"),
    Persona("buitenstaander", "UCONSOLEOUT", (), "console.persona.outsider"),
)
DEFAULT_PERSONA = "beheerder"
_ALIASES = {
    "admin": "beheerder",
    "lead": "teamleider",
    "teamlead": "teamleider",
    "outsider": "buitenstaander",
}


def find_persona(name: str) -> Persona | None:
    wanted = name.strip().lstrip("@").lower()
    wanted = _ALIASES.get(wanted, wanted)
    return next((p for p in PERSONAS if p.name == wanted), None)


def default_persona() -> Persona:
    return find_persona(DEFAULT_PERSONA) or PERSONAS[0]


def console_policy(policy: Policy) -> Policy:
    """The policy with the personas' roles added to whatever roles it already grants."""
    return policy.with_roles(
        **{
            role: [p.user_id for p in PERSONAS if role in p.roles]
            for role in ("admins", "agents", "team_leads")
        }
    )


def slack_text(typed: str) -> str:
    """The `text` Slack sends for a typed command (`should_escape: true` in the manifest):
    `&`, `<` and `>` as entities, and `@persona` as a user mention."""
    escaped = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def mention(m: re.Match[str]) -> str:
        p = find_persona(m.group(1))
        return f"<@{p.user_id}|{p.name}>" if p else m.group(0)

    # Not after a word character or a dot, so e-mail addresses stay as typed.
    return re.sub(r"(?<![\w.@])@([A-Za-z][\w-]*)", mention, escaped)
