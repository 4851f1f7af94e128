"""Balie's settings, read from the environment or `.env` by pydantic-settings.

Start-up fails with one message that names every bad setting, so an operator fixes them all in
one go instead of discovering them one restart at a time.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SLACK_API_URL = "https://slack.com/api/"


class Transport(StrEnum):
    HTTP = "http"
    SOCKET = "socket"
    CONSOLE = "console"


class SettingsError(Exception):
    """Raised with every problem found, one per line."""


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
    port: int = Field(default=3000, ge=1, le=65535)
    # Threads per HTTP worker; Slack's ack budget is 3 s, so enough threads that a burst of
    # commands never queues behind a slow database.
    http_threads: int = Field(default=16, ge=1, le=256)
    http_workers: int = Field(default=1, ge=1, le=64)
    # HTTP mode starts a worker process for the outbox and the SLA monitor; turn this off when
    # workers run on their own (`python -m bot worker`), e.g. as separate containers.
    embedded_worker: bool = True
    # The worker yields the CPU to the web workers' acks when both are busy.
    worker_nice: int = Field(default=5, ge=0, le=19)

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith("xoxb-"):
            raise ValueError("must be a bot token starting with 'xoxb-'")
        return v

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith("xapp-"):
            raise ValueError("must be an app-level token starting with 'xapp-'")
        return v

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, v: str) -> str:
        parts = urlsplit(v)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
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
            raise ValueError("must be a sqlite:/// or postgresql:// URL")
        return v

    @field_validator("smtp_url")
    @classmethod
    def _smtp_url(cls, v: str | None) -> str | None:
        if v is None or v == "":
            return None
        parts = urlsplit(v)
        if parts.scheme not in ("smtp", "smtps", "smtp+starttls") or not parts.hostname:
            raise ValueError("must look like smtp://host:port (or smtps://, smtp+starttls://)")
        return v

    @field_validator("policy_file")
    @classmethod
    def _policy_file(cls, v: Path | None) -> Path | None:
        if v is not None and not v.is_file():
            raise ValueError(f"no such file: {v}")
        return v

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
            raise SettingsError(
                "SLACK_BOT_TOKEN needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN "
                "(Socket Mode); unset all three for console mode"
            )


def load_settings(**overrides: object) -> Settings:
    """Read settings; on failure raise SettingsError naming every bad variable."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = "_".join(str(p) for p in err["loc"]).upper() or "SETTINGS"
            lines.append(f"{name}: {err['msg']}")
        raise SettingsError("\n".join(lines)) from None
    settings.check_transport()
    return settings
