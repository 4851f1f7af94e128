"""The phone settings: all of them or none, each malformed or missing one named at once."""

from __future__ import annotations

from typing import Any

import pytest

from bot.settings import SettingsError, load_settings

SID = "AC" + "0123456789abcdef" * 2
ALL = {
    "twilio_account_sid": SID,
    "twilio_auth_token": "5f1e0c2b9a8d7e6f5a4b3c2d1e0f9a8b",
    "twilio_from": "+3197010250000",
    "public_url": "https://balie.korton.nl/",
}


def _problems(**settings: Any) -> list[str]:
    with pytest.raises(SettingsError) as caught:
        load_settings(**settings)
    return caught.value.render("nl").splitlines()


def test_none_means_no_phone_and_all_means_a_phone() -> None:
    assert not load_settings().phone
    settings = load_settings(**ALL)
    assert settings.phone
    assert settings.public_url == "https://balie.korton.nl"
    assert settings.twilio_api_url == "https://api.twilio.com"
    assert load_settings(**ALL, twilio_api_url="http://127.0.0.1:9/").twilio_api_url == (
        "http://127.0.0.1:9"
    )


def test_public_url_alone_asks_for_no_phone() -> None:
    assert not load_settings(public_url="https://balie.korton.nl").phone


def test_blank_values_are_unset() -> None:
    assert not load_settings(**{k: "" for k in ALL}).phone


def test_some_but_not_all_names_each_missing_one() -> None:
    given = "TWILIO_ACCOUNT_SID, TWILIO_FROM"
    assert _problems(twilio_account_sid=SID, twilio_from="+3197010250000") == [
        f"TWILIO_AUTH_TOKEN: ontbreekt: bellen en sms'en voor de waakdienst kan alleen met alle "
        f"Twilio-instellingen samen (nu ingesteld: {given}); stel ze allemaal in, of geen",
        f"PUBLIC_URL: ontbreekt: bellen en sms'en voor de waakdienst kan alleen met alle "
        f"Twilio-instellingen samen (nu ingesteld: {given}); stel ze allemaal in, of geen",
    ]


def test_every_problem_is_named_at_once() -> None:
    problems = _problems(
        twilio_account_sid="SK123",
        twilio_from="0612345678",
        twilio_api_url="api.twilio.com",
        public_url="http://balie.korton.nl",
    )
    assert [p.split(":")[0] for p in problems] == [
        "TWILIO_ACCOUNT_SID",
        "TWILIO_FROM",
        "TWILIO_API_URL",
        "PUBLIC_URL",
        "TWILIO_AUTH_TOKEN",
    ]
    assert problems[0] == (
        "TWILIO_ACCOUNT_SID: moet een account-SID van Twilio zijn: "
        "AC gevolgd door 32 hexadecimale tekens"
    )
    assert problems[1] == (
        "TWILIO_FROM: moet een telefoonnummer in internationale notatie zijn, zoals +31201234567"
    )


def test_the_messages_are_in_english_too() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(**(ALL | {"public_url": "https://balie.korton.nl/?x=1"}))
    assert caught.value.render("en") == (
        "PUBLIC_URL: must be the https URL Balie is reachable at, such as https://balie.korton.nl"
    )


def test_the_environment_counts_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", ALL["twilio_auth_token"])
    problems = _problems()
    assert [p.split(":")[0] for p in problems] == [
        "TWILIO_ACCOUNT_SID",
        "TWILIO_FROM",
        "PUBLIC_URL",
    ]
