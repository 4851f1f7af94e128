"""Console mode end to end: typed lines in, a transcript out, on a real SQLite file.

The console drives the real Bolt app and handlers; only its edges (the Web API client and
e-mail) render to the transcript. Nothing here patches Balie; the network guard below patches
the socket module, so a console that tried to reach Slack would fail loudly.
"""

from __future__ import annotations

import copy
import io
import re
import socket
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError

from bot.clock import ManualClock
from bot.i18n import MESSAGES
from bot.settings import Settings, load_settings
from bot.transports import console
from bot.transports.console import (
    PERSONAS,
    ConsoleWebClient,
    Screen,
    channel_id,
    find_persona,
    render,
    run_console,
    slack_text,
)

REGISTER = (
    '/ticket nieuw klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog '
    "urgentie=midden Printer doet het niet"
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Console mode must never talk to Slack (or anything else) over the network."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"console mode opened a network connection: {args!r}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def settings_for(tmp_path: Path, policy_file: Path | None = None) -> Settings:
    # load_settings also reads the environment and .env: pin everything that picks the mode.
    return load_settings(
        database_url=f"sqlite:///{tmp_path}/c.db",
        slack_bot_token=None,
        slack_signing_secret=None,
        slack_app_token=None,
        smtp_url=None,
        policy_file=policy_file,
    )


def run(
    tmp_path: Path,
    clock: ManualClock,
    *lines: str,
    demo: bool = True,
    policy_file: Path | None = None,
) -> tuple[int, list[tuple[str, str]], str]:
    out = io.StringIO()
    code = run_console(
        settings_for(tmp_path, policy_file),
        stdin=io.StringIO("".join(line + "\n" for line in lines)),
        stdout=out,
        clock=clock,
        demo=demo,
    )
    text = out.getvalue()
    return code, sections(text), text


def sections(transcript: str) -> list[tuple[str, str]]:
    """(heading, indented body) pairs; prompts and console notes are headings without body."""
    result: list[tuple[str, str]] = []
    for line in transcript.splitlines():
        if (line.startswith("  ") or line == "") and result:
            heading, body = result[-1]
            result[-1] = (heading, body + line.removeprefix("  ") + "\n")
        else:
            result.append((line, ""))
    return result


def after(parts: list[tuple[str, str]], typed: str) -> list[tuple[str, str]]:
    """The sections a typed line produced, up to the next prompt."""
    start = next(i for i, (h, _) in enumerate(parts) if h.endswith("> " + typed))
    end = next(
        (i for i in range(start + 1, len(parts)) if parts[i][0].split("> ", 1)[0].isalpha()),
        len(parts),
    )
    return parts[start + 1 : end]


def headings(parts: list[tuple[str, str]]) -> list[str]:
    return [h for h, _ in parts]


def test_register_shows_reply_card_mail_and_thread_then_take_updates_the_card(
    tmp_path: Path, clock: ManualClock
) -> None:
    code, parts, text = run(tmp_path, clock, REGISTER, "/ticket pak KOR-000001")
    assert code == 0
    assert "[fout]" not in text and "kent de console niet" not in text

    new = after(parts, REGISTER)
    # The ack registers; the outbox worker then posts and mails.
    assert headings(new) == [
        "[alleen voor jou] Balie:",
        "[#balie-2e-lijn] Balie:",
        "[e-mail, niet verstuurd] Balie mailt:",
        "[#balie-2e-lijn › draadje KOR-000001] Balie:",
    ]
    ack, card, mail, thread = (body for _, body in new)
    assert "KOR-000001 is geregistreerd voor Acme Logistiek B.V." in ack
    assert card.startswith("KOR-000001 · P2\n═")
    # *bold* in a pipe is plain text: the subject reads as a person reads it.
    assert "\nPrinter doet het niet\n" in card
    assert "[Oppakken] [Toewijzen aan…] [Herclassificeren]" in card
    assert "Geregistreerd door @beheerder op 24-11-2026 10:00" in card
    assert "Aan:       jan@acme.example" in mail
    assert "Onderwerp: [KOR-000001] Printer doet het niet" in mail
    assert "Beste Jan Jansen," in mail
    assert "@beheerder heeft dit ticket geregistreerd" in thread

    take = after(parts, "/ticket pak KOR-000001")
    assert headings(take) == [
        "[alleen voor jou] Balie:",
        "[#balie-2e-lijn] Balie werkt een bericht bij:",
        "[#balie-2e-lijn › draadje KOR-000001] Balie:",
    ]
    # The update shows what changed on the card, not the whole card again.
    updated = take[1][1]
    assert updated.startswith("KOR-000001 · Status: Nieuw → In behandeling\n")
    assert "Behandelaar: niemand → @beheerder" in updated
    assert "Knoppen nu: [Toewijzen aan… @beheerder]" in updated and "[Oppakken]" not in updated
    assert "Klant" not in updated and "Acme Logistiek" not in updated
    assert "Nieuw → In behandeling" in take[2][1]


def test_outsider_is_refused_in_dutch_and_switching_back_works(
    tmp_path: Path, clock: ManualClock
) -> None:
    code, parts, _ = run(
        tmp_path,
        clock,
        ":gebruiker buitenstaander",
        ":wie",
        "/ticket lijst",
        ":user admin",
        "/ticket lijst",
    )
    assert code == 0
    assert after(parts, ":gebruiker buitenstaander")[0][0].startswith("Je bent nu buitenstaander")
    assert after(parts, ":wie")[0][0].startswith("Je bent buitenstaander (UCONSOLEOUT)")
    refused = after(parts, "/ticket lijst")
    assert headings(refused) == ["[alleen voor jou] Balie:"]
    assert refused[0][1].startswith("Dat mag alleen voor")
    # The same command as the admin persona (the prompt shows who types it).
    i = headings(parts).index("beheerder> /ticket lijst")
    assert "Dat mag alleen" not in parts[i + 1][1]
    assert parts[i + 1][0] == "[alleen voor jou] Balie:"


def test_bare_ticket_renders_the_modal_and_the_one_line_alternative(
    tmp_path: Path, clock: ManualClock
) -> None:
    _, parts, _ = run(tmp_path, clock, "/ticket")
    shown = after(parts, "/ticket")
    assert headings(shown) == ["[formulier] Balie opent een formulier:"]
    modal = shown[0][1]
    assert modal.startswith("Nieuw ticket\n═")
    assert "Klant: [Zoek op code of naam ▾]" in modal
    assert "Impact: ( ) hoog  ( ) midden  ( ) laag" in modal
    assert "[Registreren] [Annuleren]" in modal
    assert "/ticket nieuw klant=… contact=… via=… type=… impact=… urgentie=… onderwerp" in modal


def test_outsider_gets_no_modal(tmp_path: Path, clock: ManualClock) -> None:
    _, parts, text = run(tmp_path, clock, ":gebruiker buitenstaander", "/ticket")
    shown = after(parts, "/ticket")
    assert headings(shown) == ["[alleen voor jou] Balie:"]
    assert "Dat mag alleen voor" in shown[0][1]
    assert "[formulier]" not in text


def test_markup_in_a_subject_is_shown_literally_and_pings_nobody(
    tmp_path: Path, clock: ManualClock
) -> None:
    typed = REGISTER.replace("Printer doet het niet", "Printer <!channel> & <@UCONSOLEAGENT> stuk")
    _, parts, text = run(tmp_path, clock, typed, "/ticket toon KOR-000001")
    card = next(body for h, body in after(parts, typed) if h == "[#balie-2e-lijn] Balie:")
    assert "\nPrinter <!channel> & <@UCONSOLEAGENT> stuk\n" in card
    mail = next(body for h, body in after(parts, typed) if h.startswith("[e-mail"))
    assert "Onderwerp: [KOR-000001] Printer <!channel> & <@UCONSOLEAGENT> stuk" in mail
    shown = after(parts, "/ticket toon KOR-000001")[0][1]
    assert "Printer <!channel> & <@UCONSOLEAGENT> stuk" in shown
    # Had Balie passed the markup through unescaped, the renderer would show a live mention.
    assert "@channel" not in text
    assert "@agent stuk" not in text
    assert "&lt;" not in text and "&amp;" not in text


def test_restart_on_the_same_database_keeps_one_demo_directory_and_the_card(
    tmp_path: Path, clock: ManualClock
) -> None:
    _, first, first_text = run(tmp_path, clock, REGISTER, "/klant lijst")
    assert "Demo:     klanten ACME, BAKKER, CAFE staan klaar" in first_text
    _, second, second_text = run(tmp_path, clock, "/klant lijst", "/ticket pak KOR-000001")
    assert "Demo:" not in second_text
    for parts in (first, second):
        listing = after(parts, "/klant lijst")[0][1]
        rows = [line for line in listing.splitlines() if line.startswith("• ")]
        assert len(rows) == 3, listing
    # The card posted before the restart is updated in the same channel afterwards.
    take = after(second, "/ticket pak KOR-000001")
    assert "[#balie-2e-lijn] Balie werkt een bericht bij:" in headings(take)


def test_without_demo_the_directory_stays_empty(tmp_path: Path, clock: ManualClock) -> None:
    _, parts, text = run(tmp_path, clock, "/klant lijst", demo=False)
    assert "Demo:" not in text
    listing = after(parts, "/klant lijst")[0][1]
    assert "ACME" not in listing


def test_typed_persona_mentions_arrive_as_slack_mentions(
    tmp_path: Path, clock: ManualClock
) -> None:
    _, parts, _ = run(tmp_path, clock, REGISTER, "/ticket wijs-toe KOR-000001 @agent")
    assigned = after(parts, "/ticket wijs-toe KOR-000001 @agent")
    assert "KOR-000001 is toegewezen aan @agent" in assigned[0][1]
    assert "[Toewijzen aan… @agent]" in assigned[1][1]


def test_console_commands_hints_and_stop(tmp_path: Path, clock: ManualClock) -> None:
    code, parts, text = run(
        tmp_path,
        clock,
        "hallo",
        ":onzin",
        "/weer",
        ":gebruiker niemand",
        ":help",
        ":stop",
        "/ticket help",
    )
    assert code == 0
    assert after(parts, "hallo")[0][0].startswith("Typ een slash-commando")
    assert after(parts, ":onzin")[0][0].startswith("Onbekend console-commando :onzin")
    assert (
        after(parts, "/weer")[0][0]
        == "Balie kent /weer niet; wel /ticket, /klant, /sla, /waakdienst, /rapport en /facturatie."
    )
    assert after(parts, ":gebruiker niemand")[0][0].startswith("Onbekende gebruiker 'niemand'")
    assert ":gebruiker NAAM" in text
    helped = text.split("beheerder> :help\n", 1)[1]
    for command in (":home", ":bestanden", ":samenvattingen", "/rapport help", "/facturatie help"):
        assert command in helped
    # :stop ends the session: the line after it is never run.
    rest = text.split("beheerder> :stop\n", 1)[1]
    assert "/ticket help" not in rest and "Balie: /ticket" not in rest
    assert text.rstrip().endswith("Tot ziens.")


def test_end_of_input_ends_with_exit_code_zero(tmp_path: Path, clock: ManualClock) -> None:
    code, _, text = run(tmp_path, clock, "/ticket help")
    assert code == 0
    assert "\n  Balie: /ticket\n" in text
    assert text.rstrip().endswith("Tot ziens.")


def test_banner_names_database_persona_and_examples(tmp_path: Path, clock: ManualClock) -> None:
    _, _, text = run(tmp_path, clock)
    banner = text.split("beheerder> ", 1)[0]
    assert f"Database: sqlite:///{tmp_path}/c.db" in banner
    assert "Je bent:  beheerder" in banner
    assert REGISTER in banner


REGISTER_EN = (
    '/ticket new customer=ACME contact="Jan Jansen" via=phone type=incident impact=high '
    "urgency=medium Printer not working"
)


def english_policy(tmp_path: Path) -> Path:
    default = resources.files("bot").joinpath("default_policy.yml").read_text(encoding="utf-8")
    assert "\nlanguage: nl\n" in default
    path = tmp_path / "policy-en.yml"
    path.write_text(default.replace("\nlanguage: nl\n", "\nlanguage: en\n"), encoding="utf-8")
    return path


def test_the_console_speaks_the_policys_language(tmp_path: Path, clock: ManualClock) -> None:
    code, parts, text = run(
        tmp_path,
        clock,
        ":wie",
        "/weer",
        REGISTER_EN,
        "/ticket",
        policy_file=english_policy(tmp_path),
    )
    assert code == 0
    banner = text.split("beheerder> ", 1)[0]
    assert banner.startswith("Balie in the console\n")
    assert "You are:  beheerder (admin and agent); switch with :user NAME" in banner
    assert REGISTER_EN in banner
    assert after(parts, ":wie")[0][0] == "You are beheerder (UCONSOLEADMIN): admin and agent."
    # Six commands make a line longer than the screen: it wraps.
    unknown = " ".join(h for h, _ in after(parts, "/weer"))
    assert unknown == (
        "Balie does not know /weer; it does know /ticket, /klant, /sla, /waakdienst, /rapport "
        "and /facturatie."
    )
    new = after(parts, REGISTER_EN)
    assert headings(new) == [
        "[only for you] Balie:",
        "[#balie-2e-lijn] Balie:",
        "[e-mail, not sent] Balie sends an e-mail:",
        "[#balie-2e-lijn › thread KOR-000001] Balie:",
    ]
    assert "KOR-000001 is registered" in new[0][1]
    assert "To:      jan@acme.example" in new[2][1]
    modal = after(parts, "/ticket")
    assert headings(modal) == ["[form] Balie opens a form:"]
    assert "/ticket new customer=… contact=… via=… type=… impact=… urgency=… subject" in modal[0][1]
    assert text.rstrip().endswith("Goodbye.")
    for dutch in ("alleen voor jou", "draadje", "formulier", "Je bent", "Tot ziens"):
        assert dutch not in text


def test_every_catalogue_key_the_console_uses_exists() -> None:
    package = Path(console.__file__).parent
    used = {
        key
        for source in package.glob("*.py")
        for key in re.findall(r"[\"'](console\.[a-z_.]+)[\"']", source.read_text(encoding="utf-8"))
    }
    used |= {p.description_key for p in PERSONAS}
    assert len(used) > 30
    assert used - set(MESSAGES) == set()


# --- the pieces ------------------------------------------------------------------------------


def client(clock: ManualClock) -> tuple[ConsoleWebClient, io.StringIO]:
    out = io.StringIO()
    users = {p.user_id: p.name for p in PERSONAS}
    return ConsoleWebClient(Screen(out), users=users, clock=clock, channels=["#lijn"]), out


def test_web_client_answers_like_slack_and_renders(clock: ManualClock) -> None:
    web, out = client(clock)
    first = web.chat_postMessage(channel="#lijn", text="Hallo <@UCONSOLEAGENT>")
    second = web.chat_postMessage(channel=first["channel"], thread_ts=first["ts"], text="erin")
    assert first["ok"] and first["channel"] == channel_id("#lijn") == second["channel"]
    assert float(second["ts"]) > float(first["ts"])
    updated = web.chat_update(channel=first["channel"], ts=first["ts"], text="Nieuw")
    assert updated["ts"] == first["ts"]
    dm = web.chat_postMessage(channel="UCONSOLEAGENT", text="psst")
    assert dm["channel"].startswith("D")
    opened = web.views_open(trigger_id="t", view={"type": "modal", "title": "X", "blocks": []})
    assert opened["view"]["id"].startswith("V") and opened["view"]["title"] == "X"
    assert web.auth_test()["user_id"] and web.usergroups_users_list(usergroup="S1")["users"] == []
    shown = out.getvalue()
    assert "[#lijn] Balie:\n  Hallo @agent\n" in shown
    assert "[#lijn › draadje Hallo @agent] Balie:\n  erin\n" in shown
    assert "[#lijn] Balie werkt een bericht bij:\n  Nieuw\n" in shown
    assert "[privébericht aan @agent] Balie:\n  psst\n" in shown


def test_web_client_refuses_unknown_methods_and_survives_deepcopy(clock: ManualClock) -> None:
    web, out = client(clock)
    with pytest.raises(SlackApiError):
        web.conversations_list()
    assert "conversations.list" in out.getvalue()
    # Bolt deep-copies a request's context (and so the client) for lazy listeners.
    assert copy.deepcopy({"client": web})["client"] is web


def test_slack_text_escapes_and_turns_personas_into_mentions() -> None:
    assert slack_text("a <b> & c") == "a &lt;b&gt; &amp; c"
    assert slack_text("wijs @agent toe") == "wijs <@UCONSOLEAGENT|agent> toe"
    assert slack_text("mail jan@acme.example") == "mail jan@acme.example"
    assert slack_text("@onbekend") == "@onbekend"
    assert find_persona("outsider") == find_persona("buitenstaander")


def test_channel_ids_are_stable_and_look_like_slack_ids() -> None:
    assert channel_id("#balie-2e-lijn") == channel_id("balie-2e-lijn")
    assert channel_id("#a") != channel_id("#b")
    assert render.Names(channels={channel_id("#a"): "a"}).channel(channel_id("#a")) == "#a"
