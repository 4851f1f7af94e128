"""Who a customer's account manager is, read from the directory's one free-text field.

`customers.account_manager` holds whatever the admin wrote: a name ("Petra de Vries"), an
e-mail address, a Slack user (`<@U0PETRA>` or `U0PETRA`), or a name with either or both
("Petra de Vries <petra@korton.nl> <@U0PETRA>"). Rule 3 tells them by e-mail and, where they
are a Slack user, by direct message; with neither, the team leads pass it on. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EMAIL = re.compile(
    r"<?(?:mailto:)?([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})(?:\|[^>]*)?>?"
)
_SLACK = re.compile(r"<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>|\b([UW][A-Z0-9]{8,})\b")


@dataclass(frozen=True)
class AccountManager:
    name: str
    email: str | None
    slack_id: str | None

    @property
    def reachable(self) -> bool:
        return self.email is not None or self.slack_id is not None


def parse(field: str) -> AccountManager:
    text = field.strip()
    email_match = _EMAIL.search(text)
    email = email_match.group(1) if email_match else None
    if email_match:
        text = text[: email_match.start()] + text[email_match.end() :]
    slack_match = _SLACK.search(text)
    slack_id = (slack_match.group(1) or slack_match.group(2)) if slack_match else None
    if slack_match:
        text = text[: slack_match.start()] + text[slack_match.end() :]
    name = " ".join(text.replace("<>", " ").split()).strip(" ,;()") or email or slack_id or field
    return AccountManager(name=name, email=email, slack_id=slack_id)
