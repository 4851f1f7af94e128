"""`python -m bot` as an operator runs it: start-up checks, HTTP mode behind gunicorn, import."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.policy import default_policy_text
from tests.conftest import DATA, SIGNING_SECRET
from tests.fakes.signed import SlackClient
from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer

ROOT = Path(__file__).resolve().parents[1]
SLACK_VARS = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SMTP_URL",
    "POLICY_FILE",
)


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in SLACK_VARS}
    return base | {"DATABASE_URL": f"sqlite:///{tmp_path}/b.db", "PYTHONPATH": str(ROOT)} | extra


def run(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,  # no stray .env from the repository
        env=env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_bad_settings_stop_start_up_naming_every_problem(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "migrate",
        SLACK_BOT_TOKEN="not-a-token",
        PORT="99999",
        DATABASE_URL="mysql://x",
    )
    assert result.returncode == 2
    for name in ("SLACK_BOT_TOKEN", "PORT", "DATABASE_URL"):
        assert name in result.stderr, result.stderr
    assert result.stderr.count("Balie kan niet starten") == 1


def test_half_configured_slack_is_refused(tmp_path: Path) -> None:
    result = run(tmp_path, SLACK_BOT_TOKEN="xoxb-1")
    assert result.returncode == 2 and "SLACK_SIGNING_SECRET" in result.stderr


def test_import_is_idempotent_and_reports_bad_rows(tmp_path: Path) -> None:
    first = run(tmp_path, "import", str(DATA / "customers.yml"))
    assert first.returncode == 0, first.stderr
    assert "customers 3 created" in first.stdout
    again = run(tmp_path, "import", str(DATA / "customers.yml"))
    assert "customers 0 created, 0 updated" in again.stdout and "8 unchanged" in again.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,sla_tier,contract_date,account_manager\nX,Y,platinum,2020-01-01,Z\n")
    failed = run(tmp_path, "import", str(bad))
    assert failed.returncode == 1 and "#1 (X)" in failed.stderr and "platinum" in failed.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_http_mode_serves_slack_and_health_behind_gunicorn(tmp_path: Path) -> None:
    port = _free_port()
    policy = tmp_path / "policy.yml"
    policy.write_text(
        default_policy_text().replace("agents: {users: []", "agents: {users: [UAGENT]"),
        encoding="utf-8",
    )
    assert run(tmp_path, "import", str(DATA / "customers.yml")).returncode == 0
    with FakeSlack() as fake, SmtpServer() as smtp:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot"],
            cwd=tmp_path,
            env=env(
                tmp_path,
                SLACK_BOT_TOKEN="xoxb-http",
                SLACK_SIGNING_SECRET=SIGNING_SECRET,
                SLACK_API_URL=fake.api_url,
                SMTP_URL=smtp.url,
                PORT=str(port),
                POLICY_FILE=str(policy),
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            health = None
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                        health = json.loads(r.read())
                        break
                except OSError:
                    time.sleep(0.1)
            assert health == {"ok": True, "outbox_pending": 0}, (
                proc.stdout.read() if proc.poll() is not None else ""
            )
            client = SlackClient(f"http://127.0.0.1:{port}", SIGNING_SECRET)
            reply = client.command(
                "/ticket", "help", user_id="U1", response_url=fake.response_url()
            )
            assert reply.status == 200
            # U1 has no role, but help is for everyone: the listener ran behind gunicorn.
            assert "/ticket nieuw" in reply.json()["text"]
            assert fake.calls_to("auth.test")  # the token was checked at start-up
            assert (
                SlackClient(f"http://127.0.0.1:{port}", "wrong").command("/ticket", "help").status
                == 401
            )
            # The worker process beside gunicorn registers, posts the card, mails and replies.
            ack = client.command(
                "/ticket",
                'new klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog Plat',
                user_id="UAGENT",
                response_url=fake.response_url("new"),
            )
            assert "KOR-000001 is geregistreerd" in ack.json()["text"]
            assert fake.wait_for("chat.postMessage", count=2, timeout=20)
            assert "KOR-000001" in smtp.wait_for(1, timeout=20)[0]["Subject"]
        finally:
            proc.terminate()
            proc.wait(timeout=20)


@pytest.mark.parametrize("path", ["/", "/slack/other"])
def test_unknown_paths_are_404(path: str, tmp_path: Path) -> None:
    from bot.transports.wsgi import SlackWsgi

    statuses: list[str] = []
    app = SlackWsgi(app=None, services=None, path="/slack/events")  # type: ignore[arg-type]
    body = app(
        {"REQUEST_METHOD": "POST", "PATH_INFO": path},
        lambda status, headers: statuses.append(status),
    )
    assert statuses == ["404 Not Found"] and list(body) == [b"Not Found"]
