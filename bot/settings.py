"""Balie's settings, read from the environment or `.env` by pydantic-settings.

Start-up fails with one message that names every bad setting, so an operator fixes them all in
one go instead of discovering them one restart at a time. Problems carry catalogue keys, not
text: the message is written wholly in the policy's language.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.i18n import Localized, t

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_TWILIO_API_URL = "https://api.twilio.com"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LOG_FORMATS = ("json", "text")
_ACCOUNT_SID = re.compile(r"^AC[0-9a-fA-F]{32}$")
_E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")
# The phone settings go together: a page that would ring with some of them set and not others
# is a mistake to name at start-up, not a surprise at night. TWILIO_API_URL has a default.
PHONE_SETTINGS = ("twilio_account_sid", "twilio_auth_token", "twilio_from", "public_url")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9-]+)*$")


class Transport(StrEnum):
    HTTP = "http"
    SOCKET = "socket"
    CONSOLE = "console"


@dataclass(frozen=True)
class Problem:
    """One bad setting: the variable, and what is wrong with it as a catalogue key."""

    variable: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        params = {
            k: v.text(lang) if isinstance(v, Localized) else v for k, v in self.params.items()
        }
        return f"{self.variable}: {t(lang, self.key, **params)}"


class SettingsError(Exception):
    """Raised with every problem found; `render` writes them one per line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.render("nl"))

    def render(self, lang: str) -> str:
        return "\n".join(p.text(lang) for p in self.problems)

    def report(self, lang: str) -> str:
        """The whole message an operator sees: a heading, then every problem."""
        return f"{t(lang, 'settings.cannot_start')}\n{self.render(lang)}"


def _bad(key: str, **params: Any) -> PydanticCustomError:
    # The key travels in the context; load_settings turns it back into a Problem.
    return PydanticCustomError("balie_setting", "{key}", {"key": key, **params})


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    database_url: str = "sqlite:///balie.db"
    smtp_url: str | None = None
    mail_from: str = "Korton Customer Service <servicedesk@korton.nl>"
    policy_file: Path | None = None
    # All interfaces, as a container needs; 127.0.0.1 keeps Balie behind a proxy on the host.
    host: str = "0.0.0.0"
    port: int = Field(default=3000, ge=1, le=65535)
    # Threads per HTTP worker; Slack's ack budget is 3 s, so enough threads that a burst of
    # commands never queues behind a slow database.
    http_threads: int = Field(default=16, ge=1, le=256)
    http_workers: int = Field(default=2, ge=1, le=64)
    # HTTP mode starts a worker process for the outbox and the SLA monitor; turn this off when
    # workers run on their own (`python -m bot worker`), e.g. as separate containers.
    embedded_worker: bool = True
    # The worker yields the CPU to the web workers' acks when both are busy.
    # 19, the lowest priority: under a burst the worker's deliveries (and on PostgreSQL the
    # server work they cause) wait for the acks; measured by bench.ack_bench, 5 left PostgreSQL's
    # p99 ack at 100/s at 584 ms, 19 at 40 ms, and the backlog drained faster too.
    worker_nice: int = Field(default=19, ge=0, le=19)
    # DEBUG also shows the libraries' chatter (Alembic's migration steps, for one).
    log_level: str = "INFO"
    # One JSON object per line (for a log collector), or plain text for a person at a terminal.
    log_format: str = "json"
    # The dead man's switch: called every minute while paging works (see bot/heartbeat.py).
    heartbeat_url: str | None = None
    # The phone side of the waakdienst (Twilio): all of these, or none (paging by Slack only).
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_from: str | None = None
    twilio_api_url: str = DEFAULT_TWILIO_API_URL
    # Where Twilio reaches Balie for the keypress (and what it signs): https://host[/prefix].
    public_url: str | None = None

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith("xoxb-"):
            raise _bad("settings.bot_token")
        return v

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith("xapp-"):
            raise _bad("settings.app_token")
        return v

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, v: str) -> str:
        parts = urlsplit(v)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise _bad("settings.api_url")
        return v if v.endswith("/") else v + "/"

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, v: str) -> str:
        scheme = v.split(":", 1)[0]
        if scheme.startswith("postgres"):
            # psycopg 3 is the one driver we ship; accept the common spellings.
            rest = v.split("://", 1)[1] if "://" in v else ""
            return "postgresql+psycopg://" + rest
        if not scheme.startswith("sqlite"):
            raise _bad("settings.database_url")
        return v

    @field_validator("smtp_url")
    @classmethod
    def _smtp_url(cls, v: str | None) -> str | None:
        if v is None or v == "":
            return None
        parts = urlsplit(v)
        if parts.scheme not in ("smtp", "smtps", "smtp+starttls") or not parts.hostname:
            raise _bad("settings.smtp_url")
        return v

    @field_validator("policy_file")
    @classmethod
    def _policy_file(cls, v: Path | None) -> Path | None:
        if v is not None and not v.is_file():
            raise _bad("settings.no_such_file", path=str(v))
        return v

    @field_validator("host")
    @classmethod
    def _host(cls, v: str) -> str:
        v = v.strip().removeprefix("[").removesuffix("]")
        try:
            ipaddress.ip_address(v)
        except ValueError:
            if not _HOSTNAME.match(v):
                raise _bad("settings.host") from None
        return v

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, v: str) -> str:
        if v.strip().upper() not in LOG_LEVELS:
            raise _bad("settings.choice", choices=", ".join(LOG_LEVELS))
        return v.strip().upper()

    @field_validator("heartbeat_url")
    @classmethod
    def _heartbeat_url(cls, v: str | None) -> str | None:
        if v is not None and not re.match(r"^https?://[^\s/]+", v.strip()):
            raise _bad("settings.http_url")
        return v.strip() if v else None

    @field_validator("log_format")
    @classmethod
    def _log_format(cls, v: str) -> str:
        if v.strip().lower() not in LOG_FORMATS:
            raise _bad("settings.choice", choices=", ".join(LOG_FORMATS))
        return v.strip().lower()

    @field_validator("twilio_account_sid", "twilio_auth_token", "twilio_from", "public_url")
    @classmethod
    def _blank_is_unset(cls, v: str | None) -> str | None:
        return v.strip() or None if v is not None else None

    @field_validator("twilio_account_sid")
    @classmethod
    def _account_sid(cls, v: str | None) -> str | None:
        if v is not None and not _ACCOUNT_SID.match(v):
            raise _bad("settings.twilio_account_sid")
        return v

    @field_validator("twilio_auth_token")
    @classmethod
    def _auth_token(cls, v: str | None) -> str | None:
        if v is not None and re.search(r"\s", v):
            raise _bad("settings.twilio_auth_token")
        return v

    @field_validator("twilio_from")
    @classmethod
    def _twilio_from(cls, v: str | None) -> str | None:
        if v is not None and not _E164.match(v):
            raise _bad("settings.e164")
        return v

    @field_validator("twilio_api_url")
    @classmethod
    def _twilio_api_url(cls, v: str) -> str:
        parts = urlsplit(v.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise _bad("settings.twilio_api_url")
        return v.strip().rstrip("/")

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, v: str | None) -> str | None:
        if v is None:
            return None
        parts = urlsplit(v)
        if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
            raise _bad("settings.public_url")
        return v.rstrip("/")

    @property
    def phone(self) -> bool:
        """Twilio is configured: a page also rings and texts."""
        return all(getattr(self, name) for name in PHONE_SETTINGS)

    @property
    def bind(self) -> str:
        """gunicorn's bind address: IPv6 addresses go in brackets."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def transport(self) -> Transport:
        if self.slack_bot_token and self.slack_signing_secret:
            return Transport.HTTP
        if self.slack_bot_token and self.slack_app_token:
            return Transport.SOCKET
        return Transport.CONSOLE

    def check_transport(self) -> None:
        """A half-configured Slack app is a mistake, not a request for console mode."""
        if self.transport is Transport.CONSOLE and (
            self.slack_bot_token or self.slack_signing_secret or self.slack_app_token
        ):
            raise SettingsError([Problem("SLACK_BOT_TOKEN", "settings.half_slack")])


# pydantic's own complaints, as catalogue keys; the bounds come from its context.
_PYDANTIC_KEYS = {
    "int_parsing": "settings.integer",
    "int_type": "settings.integer",
    "greater_than_equal": "settings.at_least",
    "less_than_equal": "settings.at_most",
    "bool_parsing": "settings.boolean",
    "bool_type": "settings.boolean",
}


def _problem(err: Mapping[str, Any]) -> Problem:
    name = "_".join(str(p) for p in err["loc"]).upper() or "SETTINGS"
    ctx = dict(err.get("ctx") or {})
    if err["type"] == "balie_setting":
        key = ctx.pop("key")
        return Problem(name, key, ctx)
    key = _PYDANTIC_KEYS.get(err["type"], "settings.invalid")
    return Problem(name, key, {"min": ctx.get("ge", ""), "max": ctx.get("le", "")})


def load_settings(**overrides: Any) -> Settings:
    """Read settings; on failure raise SettingsError naming every bad variable."""
    problems: list[Problem] = []
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        problems = [_problem(err) for err in exc.errors()]
    # Checked on what was given, so a missing one is named beside a malformed other.
    problems += _phone_missing(overrides)
    if problems:
        raise SettingsError(problems)
    settings.check_transport()
    return settings


class _PhoneOnly(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_from: str | None = None
    public_url: str | None = None


def _phone_missing(overrides: Mapping[str, Any]) -> list[Problem]:
    """Some but not all of the Twilio settings: each missing one, naming those that are set."""
    given = {k: v for k, v in overrides.items() if k in PHONE_SETTINGS}
    try:
        raw = _PhoneOnly(**given)
    except ValidationError:
        return []  # not text at all: Settings has named it already
    present = [name for name in PHONE_SETTINGS if (getattr(raw, name) or "").strip()]
    # PUBLIC_URL alone is no request for a phone; any Twilio setting is.
    if not any(name.startswith("twilio_") for name in present) or len(present) == 4:
        return []
    named = ", ".join(name.upper() for name in present)
    return [
        Problem(name.upper(), "settings.phone_missing", {"given": named})
        for name in PHONE_SETTINGS
        if name not in present
    ]


class _PolicyOnly(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    policy_file: str | None = None


def policy_file_from_env() -> Path | None:
    """POLICY_FILE alone, for the language of a message about the other settings."""
    try:
        value = _PolicyOnly().policy_file
    except ValidationError:
        return None
    return Path(value) if value else None
