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
        check=False,  # the tests assert on the exit status
    )


def test_bad_settings_stop_start_up_naming_every_problem(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "migrate",
        SLACK_BOT_TOKEN="not-a-token",
        PORT="99999",
        DATABASE_URL="mysql://x",
        HOST="not a host",
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "Balie kan niet starten; controleer deze instellingen:",
        "SLACK_BOT_TOKEN: moet een bot-token zijn dat begint met 'xoxb-'",
        "DATABASE_URL: moet een sqlite:///- of postgresql://-adres zijn",
        "HOST: moet een IP-adres of hostnaam zijn, zoals 0.0.0.0 of 127.0.0.1",
        "PORT: mag hoogstens 65535 zijn",
    ]


def english_policy(tmp_path: Path) -> Path:
    policy = tmp_path / "english.yml"
    policy.write_text(
        default_policy_text().replace("\nlanguage: nl\n", "\nlanguage: en\n"), encoding="utf-8"
    )
    return policy


def test_settings_errors_are_wholly_in_the_policys_language(tmp_path: Path) -> None:
    policy = str(english_policy(tmp_path))
    result = run(tmp_path, "migrate", POLICY_FILE=policy, PORT="0", EMBEDDED_WORKER="perhaps")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "Balie cannot start; check these settings:",
        "PORT: must be at least 1",
        "EMBEDDED_WORKER: must be true or false",
    ]
    down = run(tmp_path, "migrate", POLICY_FILE=policy, DATABASE_URL="postgresql://b@127.0.0.1:1/x")
    assert down.stderr.splitlines() == [
        "Balie cannot start; check these settings:",
        "DATABASE_URL: the database at postgresql+psycopg://b@127.0.0.1:1/x cannot be reached: "
        "the connection is refused (is the server running, and is the port right?)",
    ]


def test_half_configured_slack_is_refused(tmp_path: Path) -> None:
    result = run(tmp_path, SLACK_BOT_TOKEN="xoxb-1")
    assert result.returncode == 2 and "SLACK_SIGNING_SECRET" in result.stderr


def test_a_broken_policy_is_a_settings_error_not_a_traceback(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text("language: klingon\n", encoding="utf-8")
    result = run(tmp_path, "migrate", POLICY_FILE=str(policy))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(
        "Balie kan niet starten; controleer deze instellingen:\nPOLICY_FILE: het beleid klopt niet"
    )


REFUSED_PG = (
    "DATABASE_URL: de database op postgresql+psycopg://balie@127.0.0.1:1/nope is niet "
    "bereikbaar: de verbinding wordt geweigerd (draait de server, en klopt de poort?)"
)
NO_SQLITE_DIR = (
    "DATABASE_URL: het databasebestand sqlite:////no/such/dir/x.db kan niet worden geopend: "
    "bestaat de map, en mag Balie erin schrijven?"
)


@pytest.mark.parametrize(
    ("args", "url", "problem"),
    [
        (
            ["migrate"],
            "postgresql://balie:geheim@127.0.0.1:1/nope",
            REFUSED_PG.replace("balie@", "balie:***@"),
        ),
        (["import", str(DATA / "customers.yml")], "sqlite:////no/such/dir/x.db", NO_SQLITE_DIR),
        (["outbox"], "postgresql://balie@127.0.0.1:1/nope", REFUSED_PG),
        (["worker"], "sqlite:////no/such/dir/x.db", NO_SQLITE_DIR),
        ([], "postgresql://balie@127.0.0.1:1/nope", REFUSED_PG),  # HTTP mode
    ],
)
def test_an_unreachable_database_is_one_clear_message(
    tmp_path: Path, args: list[str], url: str, problem: str
) -> None:
    result = run(
        tmp_path,
        *args,
        DATABASE_URL=url,
        SLACK_BOT_TOKEN="xoxb-http",
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SMTP_URL="smtp://127.0.0.1:1",
    )
    assert result.returncode == 2
    # One message, and the password stays out of it.
    assert result.stderr.splitlines() == [
        "Balie kan niet starten; controleer deze instellingen:",
        problem,
    ]


def _closed_port_url() -> str:
    return f"http://127.0.0.1:{_free_port()}/api/"


@pytest.mark.parametrize(
    "mode", [{"SLACK_SIGNING_SECRET": SIGNING_SECRET}, {"SLACK_APP_TOKEN": "xapp-1"}]
)
def test_slack_unreachable_at_start_is_named_before_anything_forks(
    tmp_path: Path, mode: dict[str, str]
) -> None:
    api = _closed_port_url()
    result = run(
        tmp_path,
        SLACK_BOT_TOKEN="xoxb-http",
        SLACK_API_URL=api,
        SMTP_URL="smtp://127.0.0.1:1",
        PORT=str(_free_port()),
        **mode,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "Balie kan niet starten; controleer deze instellingen:",
        f"SLACK_API_URL: Slack is niet bereikbaar op {api}: de verbinding wordt geweigerd",
    ]


def test_a_refused_slack_token_is_named_before_gunicorn_starts(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        fake.require_token("xoxb-the-right-one")
        result = run(
            tmp_path,
            SLACK_BOT_TOKEN="xoxb-an-old-one",
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_URL=fake.api_url,
            SMTP_URL="smtp://127.0.0.1:1",
            PORT=str(_free_port()),
        )
        assert [c.method for c in fake.calls] == ["auth.test"]
    assert result.returncode == 2
    assert "Worker failed to boot" not in result.stderr
    assert result.stderr.splitlines() == [
        "Balie kan niet starten; controleer deze instellingen:",
        "SLACK_BOT_TOKEN: het Slack-token wordt geweigerd (invalid_auth); neem het bot-token "
        "over uit de instellingen van de Slack-app",
    ]


def test_import_is_idempotent_quiet_and_reports_bad_rows(tmp_path: Path) -> None:
    first = run(tmp_path, "import", str(DATA / "customers.yml"))
    assert first.returncode == 0, first.stderr
    assert "klanten 3 nieuw, 0 bijgewerkt; contactpersonen 5 nieuw" in first.stdout
    # Alembic's INFO lines stay out of an operator's way.
    assert first.stderr == ""
    again = run(tmp_path, "import", str(DATA / "customers.yml"))
    assert "klanten 0 nieuw, 0 bijgewerkt" in again.stdout and "8 ongewijzigd" in again.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,sla_tier,contract_date,account_manager\nXY,Y,platinum,2020-01-01,Z\n")
    failed = run(tmp_path, "import", str(bad))
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [
        f"{bad}: er is niets geïmporteerd. Los eerst deze problemen op:",
        "  regel 2 (XY): sla_tier: 'platinum' is geen geldige keuze",
    ]
    changed = tmp_path / "changed.csv"
    changed.write_text(
        "code,name,sla_tier,contract_date,account_manager\n"
        "CAFE,Café De Hoek,silver,2021-01-10,Petra de Vries\n",
        encoding="utf-8",
    )
    update = run(tmp_path, "import", str(changed))
    assert update.stdout.splitlines()[1:] == ["  regel 2 (CAFE): sla_tier: bronze → silver"]


def test_a_broken_yaml_import_says_what_and_where(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("customers:\n  - {code: A\n   name: x\n", encoding="utf-8")
    result = run(tmp_path, "import", str(broken))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{broken}: er is niets geïmporteerd. Los eerst deze problemen op:",
        "  regel 3, kolom 8: hier ontbreekt een ',' of een sluitende '}' "
        "(geopend op regel 2, kolom 5)",
    ]
    english = run(tmp_path, "import", str(broken), POLICY_FILE=str(english_policy(tmp_path)))
    assert english.stderr.splitlines() == [
        f"{broken}: nothing was imported. Fix these problems first:",
        "  line 3, column 8: a ',' or a closing '}' is missing here (opened at line 2, column 5)",
    ]
    missing = run(tmp_path, "import", str(tmp_path / "nope.yml"))
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"Bestand {tmp_path / 'nope.yml'} bestaat niet."


def test_migrate_says_what_it_did_and_debug_shows_alembic(tmp_path: Path) -> None:
    first = run(tmp_path, "migrate")
    assert first.stdout.startswith("De database is bijgewerkt van versie - naar "), first.stdout
    assert first.stderr == ""
    again = run(tmp_path, "migrate", LOG_LEVEL="debug")
    assert again.stdout.startswith("De database is al bij (versie ")
    assert "alembic.runtime.migration" in again.stderr


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
                HOST="127.0.0.1",
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
            # communicate reads the output while it waits, so a full pipe cannot hold the
            # process up. Stopping takes gunicorn's graceful timeout (20 s) and the worker's
            # jobs in flight at most.
            output, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0, output
        # gunicorn bound the address HOST names.
        assert f"Listening at: http://127.0.0.1:{port}" in output


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
