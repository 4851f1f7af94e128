"""The page's TwiML, read as Twilio reads it (XML), and the text message."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from bot.oncall.twiml import (
    accepted_twiml,
    again_twiml,
    keypress_url,
    page_say,
    page_twiml,
    sms_body,
    spoken_number,
)

URL = "https://balie.korton.example/twilio/keypress?page=12&round=2&step=3"
SAY = page_say(
    "nl",
    number="KOR-000123",
    customer="Acme Logistiek B.V.",
    priority="P1",
    summary="Het magazijnsysteem ligt plat",
)


def test_the_keypress_url_names_the_page_round_and_step() -> None:
    assert keypress_url("https://balie.korton.example/", page_id=12, round=2, step=3) == URL


@pytest.mark.parametrize(
    ("number", "spoken"),
    [("KOR-000123", "K O R 1 2 3"), ("KOR-001000", "K O R 1 0 0 0"), ("kor-7", "K O R 7")],
)
def test_the_ticket_number_is_spelled_for_the_voice(number: str, spoken: str) -> None:
    assert spoken_number(number) == spoken


def test_the_ticket_is_read_out_in_dutch() -> None:
    assert SAY == (
        "Ticket K O R 1 2 3, van Acme Logistiek B.V., prioriteit 1. Het magazijnsysteem ligt plat."
    )


def test_the_page_gathers_one_key_and_posts_it_to_the_keypress_url() -> None:
    root = ET.fromstring(page_twiml(lang="nl", say=SAY, keypress_url=URL))
    assert root.tag == "Response"
    (gather,) = root.findall("Gather")
    assert gather.attrib["numDigits"] == "1"
    assert gather.attrib["action"] == URL and gather.attrib["method"] == "POST"
    says = gather.findall("Say")
    assert len(says) == 2  # the ticket, and once more
    assert all(s.attrib["language"] == "nl-NL" for s in root.iter("Say"))
    first, again = (s.text or "" for s in says)
    assert SAY in first and "Druk op 1 om de melding te accepteren." in first
    assert again.startswith("Ik herhaal.") and SAY in again
    # After the Gather, when no key came: goodbye.
    goodbye = root.findall("Say")[-1]
    assert "Tot ziens" in (goodbye.text or "")


def test_in_english_the_call_speaks_english() -> None:
    say = page_say("en", number="KOR-000123", customer="Acme", priority="P2", summary="Down")
    root = ET.fromstring(page_twiml(lang="en", say=say, keypress_url=URL))
    assert {s.attrib["language"] for s in root.iter("Say")} == {"en-GB"}
    assert "Press 1 to accept the ticket." in (root.find("Gather/Say").text or "")  # type: ignore[union-attr]


def test_what_the_caller_types_is_escaped() -> None:
    say = page_say("nl", number="KOR-1", customer="A & B <x>", priority="P1", summary="'\"")
    root = ET.fromstring(page_twiml(lang="nl", say=say, keypress_url=URL))
    assert "A & B <x>" in (root.find("Gather/Say").text or "")  # type: ignore[union-attr]


def test_a_long_summary_is_cut_between_words() -> None:
    say = page_say("nl", number="KOR-1", customer="A", priority="P1", summary="woord " * 200)
    assert len(say) < 400 and say.endswith("woord.")


def test_the_keypress_answers() -> None:
    accepted = ET.fromstring(accepted_twiml("nl"))
    assert "geaccepteerd" in (accepted.find("Say").text or "")  # type: ignore[union-attr]
    assert accepted.find("Hangup") is not None
    again = ET.fromstring(again_twiml("nl", keypress_url=URL))
    assert "niet goed verstaan" in (again.find("Say").text or "")  # type: ignore[union-attr]
    assert again.find("Gather").attrib["action"] == URL  # type: ignore[union-attr]


def test_the_text_message() -> None:
    body = sms_body(
        "nl", number="KOR-000123", customer="Acme Logistiek B.V.", priority="P1", summary="Plat"
    )
    assert body == (
        "Waakdienst Korton: KOR-000123 van Acme Logistiek B.V., P1. Plat. "
        "Accepteer in Slack, of druk op 1 als je gebeld wordt."
    )
    assert len(sms_body("nl", number="KOR-1", customer="A", priority="P1", summary="x" * 999)) < 300
