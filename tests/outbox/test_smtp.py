"""The ticket number stays first in the Subject header, however long the subject: e-mail intake
will thread a customer's reply by it."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, datetime

import pytest

from bot.outbox.smtp import OutgoingMail, SmtpSender
from tests.conftest import Balie
from tests.fakes.smtp import SmtpServer

NUMBER = re.compile(r"^\[KOR-\d{6}\] ")
GOOD = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def _subject_as_received(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=email.policy.default)["Subject"])


@pytest.mark.parametrize(
    "subject",
    [
        # With the standard 78-character folding, Python moves a value of 70 to 77 characters
        # as a whole to a continuation line, and the header then starts with a space.
        "Printer op de tweede verdieping drukt alleen lege pagina's",
        "Één printer geeft storing; ä ö ü ß é è — " + "overal dezelfde foutmelding " * 4,
    ],
    ids=["ascii-58", "non-ascii-150"],
)
def test_the_number_comes_first_through_real_smtp(balie: Balie, subject: str) -> None:
    subject = subject[:150]
    number = balie.register(f"{GOOD} {subject}")
    balie.drain()
    (received,) = balie.smtp.received
    got = _subject_as_received(received.raw)
    assert NUMBER.match(got) and got.startswith(f"[{number}] ")
    assert got == f"[{number}] {subject}"


def test_a_200_character_subject_with_non_ascii_letters(smtp: SmtpServer) -> None:
    subject = "[KOR-000001] " + ("Ééñ storing bij de kassa: ä ö ü ß, łódź, Ørsted " * 5)[:187]
    assert len(subject) == 200
    mail = OutgoingMail(
        to="jan@acme.example",
        subject=subject,
        body="Beste Jan,",
        ticket="KOR-000001",
        row_id=41,
        created_at=datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
    )
    SmtpSender(smtp.url, "Korton <servicedesk@korton.nl>").send(mail)
    (received,) = smtp.received
    got = _subject_as_received(received.raw)
    assert got.startswith("[KOR-000001] ") and got == subject
    header = received.raw.split(b"\r\n\r\n", 1)[0].replace(b"\r\n", b"\n")
    assert re.search(rb"^Subject: \[KOR-000001\] ", header, re.M), header[:300]
