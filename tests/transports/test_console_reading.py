"""Console mode as a person reads it: on a real terminal (a pty) and in a pipe.

Typed lines go in through the REPL as in test_console.py; here the output is read the way a
person reads it: styles on a terminal and none in a pipe, lines that fit the terminal and break
between words, command examples kept whole, and a card update shown as what changed.
"""

from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import socket
import struct
import termios
import threading
import tty
from pathlib import Path
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.i18n import MESSAGES
from bot.settings import Settings, load_settings
from bot.transports.console import run_console

REGISTER = (
    '/ticket nieuw klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog '
    "urgentie=midden Printer doet het niet"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BOLD = "\x1b[1m"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"console mode opened a network connection: {args!r}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(autouse=True)
def colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever terminal the suite runs in, the pty below is a colour terminal."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)


def settings_for(tmp_path: Path) -> Settings:
    return load_settings(
        database_url=f"sqlite:///{tmp_path}/c.db",
        slack_bot_token=None,
        slack_signing_secret=None,
        slack_app_token=None,
        smtp_url=None,
        policy_file=None,
    )


def typed(*lines: str) -> io.StringIO:
    return io.StringIO("".join(line + "\n" for line in lines))


def in_a_pipe(tmp_path: Path, clock: ManualClock, *lines: str) -> str:
    out = io.StringIO()
    assert run_console(settings_for(tmp_path), stdin=typed(*lines), stdout=out, clock=clock) == 0
    return out.getvalue()


def on_a_terminal(tmp_path: Path, clock: ManualClock, *lines: str, columns: int = 80) -> str:
    """The console writing to a real terminal `columns` wide; what the terminal received."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    tty.setraw(slave)  # no newline translation: the bytes as the console wrote them
    received: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the console's side is closed
                return
            if not chunk:
                return
            received.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    with open(slave, "w", encoding="utf-8", closefd=True) as out:
        code = run_console(settings_for(tmp_path), stdin=typed(*lines), stdout=out, clock=clock)
    reader.join(timeout=30)
    os.close(master)
    assert code == 0
    return b"".join(received).decode("utf-8")


def block_after(transcript: str, prompt_line: str, heading: str) -> str:
    """The body under the first `heading` after `prompt_line`, unindented."""
    lines = transcript.split(prompt_line + "\n", 1)[1].split("\n")
    start = next(i for i, line in enumerate(lines) if ANSI.sub("", line) == heading)
    body: list[str] = []
    for line in lines[start + 1 :]:
        if line and not line.startswith("  "):
            break
        body.append(line[2:])
    return "\n".join(body).rstrip("\n")


# --- styles ----------------------------------------------------------------------------------


def test_bold_is_ansi_on_a_terminal_and_plain_in_a_pipe(tmp_path: Path, clock: ManualClock) -> None:
    (tmp_path / "tty").mkdir()
    (tmp_path / "pipe").mkdir()
    shown = on_a_terminal(tmp_path / "tty", clock, REGISTER)
    card = block_after(shown, "beheerder> " + REGISTER, "[#balie-2e-lijn] Balie:")
    # The card's subject and labels are *bold* in Slack: bold on the terminal, no asterisks.
    assert f"{BOLD}Printer doet het niet\x1b[22m" in card
    assert f"{BOLD}Klant\x1b[22m" in card
    # Italic (_niemand_) and the emoji of the priority.
    assert "\x1b[3mniemand\x1b[23m" in card
    assert "🟠" in card
    assert "*" not in ANSI.sub("", card) and ":large_orange_circle:" not in card

    piped = in_a_pipe(tmp_path / "pipe", clock, REGISTER)
    assert "\x1b" not in piped
    card = block_after(piped, "beheerder> " + REGISTER, "[#balie-2e-lijn] Balie:")
    assert card.split("\n")[2] == "Printer doet het niet"
    assert "🟠 P2" in card and "*" not in card and "_niemand_" not in card


def test_no_color_keeps_a_terminal_plain(
    tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    shown = on_a_terminal(tmp_path, clock, "/ticket help")
    assert "\x1b" not in shown
    assert "\n  Balie: /ticket\n" in shown


def test_typed_control_characters_never_reach_the_terminal(
    tmp_path: Path, clock: ManualClock
) -> None:
    register = REGISTER.replace("Printer", "Printer\x1b[31mROOD\x1b[0m")
    shown = on_a_terminal(tmp_path, clock, register)
    card = block_after(shown, "beheerder> " + register, "[#balie-2e-lijn] Balie:")
    assert "\x1b[31m" not in card
    # Only the console's own styles remain.
    assert set(ANSI.findall(card)) <= {
        "\x1b[1m",
        "\x1b[22m",
        "\x1b[3m",
        "\x1b[23m",
        "\x1b[2m",
        "\x1b[0m",
    }


# --- what was typed stays what was typed -----------------------------------------------------


def test_markup_typed_after_a_ticket_number_is_shown_as_typed_and_pings_nobody(
    tmp_path: Path, clock: ManualClock
) -> None:
    note = "/ticket notitie KOR-000001 <!channel> & <@UCONSOLEAGENT> kijk even"
    wait = "/ticket wacht KOR-000001 stuur <log> & foto"
    shown = in_a_pipe(tmp_path, clock, REGISTER, note, wait)
    thread = block_after(
        shown, "beheerder> " + note, "[#balie-2e-lijn › draadje KOR-000001] Balie:"
    )
    assert thread == "Notitie van @beheerder: <!channel> & <@UCONSOLEAGENT> kijk even"
    mail = block_after(shown, "beheerder> " + wait, "[e-mail, niet verstuurd] Balie mailt:")
    assert "\nstuur <log> & foto\n" in mail
    # Neither a live mention (@channel, @agent) nor an entity the customer would see (&lt;).
    for unwanted in ("@channel", "@agent kijk", "&lt;", "&amp;"):
        assert unwanted not in shown


# --- wrapping --------------------------------------------------------------------------------


def _examples(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


@pytest.mark.parametrize("columns", [50, 80, 120])
def test_help_wraps_between_words_and_never_inside_a_command_example(
    tmp_path: Path, clock: ManualClock, columns: int
) -> None:
    shown = on_a_terminal(tmp_path, clock, "/ticket help", columns=columns)
    body = block_after(shown, "beheerder> /ticket help", "[alleen voor jou] Balie:")
    lines = [ANSI.sub("", line) for line in body.split("\n")]
    room = columns - 2  # the body is indented under its heading
    # The examples as Balie fills them in (the ticket types come from the policy).
    examples = _examples(MESSAGES["help.ticket"]["nl"].replace("{types}", "…"))
    assert len(examples) > 10
    for example in examples:
        if len(example) <= room:
            # Whole on one line: never broken inside.
            assert any(example in line for line in lines), (example, lines)
        else:
            # Too long for any line: broken between its words, never inside one.
            words = set(" ".join(lines).split())
            assert {w for w in example.split() if "…" not in w} <= words, example
    for line in lines:
        assert len(line) <= room, line
        assert not line.lstrip().startswith("·"), line  # a separator ends a line


def test_a_long_subject_wraps_between_words_to_the_terminal(
    tmp_path: Path, clock: ManualClock
) -> None:
    subject = " ".join(f"woord{i}" for i in range(17))  # 131 of 150 characters
    register = REGISTER.replace("Printer doet het niet", subject)
    shown = on_a_terminal(tmp_path, clock, register, columns=60)
    card = block_after(shown, "beheerder> " + register, "[#balie-2e-lijn] Balie:")
    lines = [ANSI.sub("", line) for line in card.split("\n")]
    assert all(len(line) <= 58 for line in lines)
    subject_lines = [line for line in lines if line.startswith("woord")]
    assert len(subject_lines) == 3
    # Every word arrives whole, in order.
    assert " ".join(subject_lines).split() == subject.split()


def test_the_banners_example_stays_whole_so_it_can_be_copied(
    tmp_path: Path, clock: ManualClock
) -> None:
    shown = on_a_terminal(tmp_path, clock, columns=80)
    assert f"  {REGISTER}\n" in ANSI.sub("", shown)


# --- card updates ----------------------------------------------------------------------------


def test_a_card_update_is_shown_as_what_changed(tmp_path: Path, clock: ManualClock) -> None:
    take = "/ticket pak KOR-000001"
    reclassify = "/ticket herclassificeer KOR-000001 urgentie=hoog"
    escalate = "/ticket escaleer KOR-000001 te lastig"
    shown = in_a_pipe(tmp_path, clock, REGISTER, take, reclassify, escalate)
    update = "[#balie-2e-lijn] Balie werkt een bericht bij:"

    taken = block_after(shown, "beheerder> " + take, update).split("\n")
    assert taken[0] == "KOR-000001 · Status: Nieuw → In behandeling"
    assert "             Behandelaar: niemand → @beheerder" in taken
    # Only what changed: nothing of the customer, the contact or the subject.
    assert not any("Acme" in line or "Printer" in line for line in taken)

    changed = block_after(shown, "beheerder> " + reclassify, update)
    assert changed.startswith("KOR-000001 · P2 → P1\n")
    assert "Prioriteit: 🟠 P2 → 🔴 P1" in changed
    # A value with an arrow of its own says "was" instead of a second arrow.
    assert (
        "Prioriteit: impact hoog × urgentie hoog → P1 (Kritiek) (was: impact hoog × urgentie"
        in changed
    )

    # Escalated: a new card in the 3rd line's channel, and the old one becomes a pointer,
    # which has nothing in common with the card and is shown whole.
    moved = block_after(shown, "beheerder> " + escalate, update)
    assert moved == "➡️ KOR-000001 is verplaatst naar #balie-3e-lijn."
    card = block_after(shown, "beheerder> " + escalate, "[#balie-3e-lijn] Balie:")
    assert "Acme Logistiek B.V. (ACME)" in card


def test_after_a_restart_the_first_update_shows_the_whole_card(
    tmp_path: Path, clock: ManualClock
) -> None:
    in_a_pipe(tmp_path, clock, REGISTER)
    shown = in_a_pipe(tmp_path, clock, "/ticket pak KOR-000001")
    card = block_after(
        shown, "beheerder> /ticket pak KOR-000001", "[#balie-2e-lijn] Balie werkt een bericht bij:"
    )
    # This console never showed the card, so a change against it would say nothing.
    assert card.startswith("KOR-000001 · P2\n═")
    assert "In behandeling" in card and "Acme Logistiek B.V. (ACME)" in card
