"""Settings: HOST for gunicorn's bind, and problems that are written in one language."""

from __future__ import annotations

import pytest

from bot.settings import SettingsError, load_settings


def test_host_defaults_to_every_interface_as_in_a_container() -> None:
    assert load_settings(host="0.0.0.0", port=3000).bind == "0.0.0.0:3000"
    assert load_settings(host="127.0.0.1", port=8080).bind == "127.0.0.1:8080"
    assert load_settings(host="balie.internal", port=80).bind == "balie.internal:80"
    # gunicorn wants IPv6 addresses in brackets.
    assert load_settings(host="::1", port=3000).bind == "[::1]:3000"
    assert load_settings(host="[::]", port=3000).bind == "[::]:3000"


@pytest.mark.parametrize("host", ["", "not a host", "http://x", "a/b"])
def test_a_bad_host_is_named(host: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(host=host)
    assert caught.value.report("nl").splitlines() == [
        "Balie kan niet starten; controleer deze instellingen:",
        "HOST: moet een IP-adres of hostnaam zijn, zoals 0.0.0.0 of 127.0.0.1",
    ]
    assert caught.value.report("en").splitlines() == [
        "Balie cannot start; check these settings:",
        "HOST: must be an IP address or host name, such as 0.0.0.0 or 127.0.0.1",
    ]


def test_log_level_is_read_in_any_case() -> None:
    assert load_settings(log_level="debug").log_level == "DEBUG"
    with pytest.raises(SettingsError) as caught:
        load_settings(log_level="loud")
    assert str(caught.value) == "LOG_LEVEL: kies uit DEBUG, INFO, WARNING, ERROR"
