"""Console mode and the surfaces of the summaries, the App Home and the export: files saved to
a folder instead of uploaded, /rapport's reply through its response_url, and :home opening the
Home tab through the Bolt app.

Typed lines go in through the REPL as in test_console.py, on a real SQLite file; the files are
read back from the folder the console saved them in. Nothing here patches Balie; the network
guard patches the socket module, so a console that tried to reach Slack would fail loudly.
"""

from __future__ import annotations

import csv
import io
import socket
from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from bot.clock import ManualClock
from bot.outbox.files import Upload, find, upload_once
from bot.transports.console import PERSONAS, ConsoleWebClient, Screen, run_console
from bot.transports.console.files import safe_name, size_text
from tests.conftest import amsterdam
from tests.transports.test_console import (
    REGISTER,
    after,
    english_policy,
    headings,
    sections,
    settings_for,
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"console mode opened a network connection: {args!r}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def run(
    tmp_path: Path, clock: ManualClock, *lines: str, policy_file: Path | None = None
) -> tuple[list[tuple[str, str]], str]:
    out = io.StringIO()
    code = run_console(
        settings_for(tmp_path, policy_file),
        stdin=io.StringIO("".join(line + "\n" for line in lines)),
        stdout=out,
        clock=clock,
        files=tmp_path / "bestanden",
    )
    assert code == 0
    text = out.getvalue()
    # Every Web API call Balie makes is one the console knows.
    assert "kent de console niet" not in text and "does not know that method" not in text
    assert "[fout]" not in text and "Er ging iets mis" not in text
    return sections(text), text


def saved_files(tmp_path: Path) -> list[str]:
    folder = tmp_path / "bestanden"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- /rapport ----------------------------------------------------------------------------------


def test_rapport_shows_the_summary_only_to_the_lead_who_asked(
    tmp_path: Path, clock: ManualClock
) -> None:
    run(tmp_path, clock, REGISTER)
    clock.advance(timedelta(hours=1))
    parts, _ = run(tmp_path, clock, ":gebruiker teamleider", "/rapport dag", ":user agent")
    shown = after(parts, "/rapport dag")
    # The ack says it is coming; the summary follows through the response_url.
    assert headings(shown) == ["[alleen voor jou] Balie:", "[alleen voor jou] Balie:"]
    ack, summary = (body for _, body in shown)
    assert "Dagoverzicht · hele desk · 24-11-2026" in ack
    assert summary.startswith("Dagoverzicht · hele desk · 24-11-2026\n═")
    assert "Open per prioriteit" in summary
    assert "P2 Hoog: 1 (+1)" in summary
    assert "2e lijn: 1 (+1)" in summary


def test_rapport_is_refused_to_an_agent(tmp_path: Path, clock: ManualClock) -> None:
    parts, text = run(tmp_path, clock, ":gebruiker agent", "/rapport dag")
    refused = after(parts, "/rapport dag")
    assert headings(refused) == ["[alleen voor jou] Balie:"]
    assert refused[0][1].startswith("Dat mag alleen")
    assert "Dagoverzicht" not in text


def test_rapport_csv_is_saved_and_shown_in_the_leads_dm(tmp_path: Path, clock: ManualClock) -> None:
    run(tmp_path, clock, REGISTER)
    clock.advance(timedelta(hours=1))
    parts, text = run(tmp_path, clock, ":gebruiker teamleider", "/rapport dag csv", ":bestanden")
    shown = after(parts, "/rapport dag csv")
    assert headings(shown) == [
        "[alleen voor jou] Balie:",
        "[privébericht aan @teamleider] Balie deelt een bestand:",
    ]
    [name] = saved_files(tmp_path)
    assert name.startswith("balie-dag-2026-11-24") and name.endswith(".csv")
    path = tmp_path / "bestanden" / name
    message = shown[1][1]
    assert "1 ticket" in message.split("\n\n", 1)[0]
    size = size_text(path.stat().st_size, "nl")
    assert f"📎 {name} ({size}) · opgeslagen als" in message
    assert str(path) in message.replace("\n", "")
    assert "Titel: Tickets · Dagoverzicht · hele desk · 24-11-2026" in message
    # The file is the CSV Balie made: Dutch, `;`-separated, one row for the one ticket.
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2
    assert rows[1][0] == "KOR-000001"
    listing = text.split("teamleider> :bestanden\n", 1)[1]
    assert listing.startswith("Bestanden van deze sessie")
    # A long path may wrap before its size.
    assert f"{path} ({size})" in " ".join(listing.split())


def test_bestanden_moves_where_new_files_are_saved(tmp_path: Path, clock: ManualClock) -> None:
    elsewhere = tmp_path / "elders"
    parts, text = run(
        tmp_path,
        clock,
        ":bestanden",
        f":bestanden {elsewhere}",
        ":gebruiker teamleider",
        "/rapport dag csv",
    )
    assert after(parts, ":bestanden")[0][0].startswith("Balie heeft nog geen bestanden geüpload")
    assert "Nieuwe bestanden komen vanaf nu in" in text
    assert saved_files(tmp_path) == []
    [saved] = list(elsewhere.iterdir())
    assert saved.suffix == ".csv"
    assert str(saved) in " ".join(text.split())


# --- /facturatie ---------------------------------------------------------------------------------


def test_facturatie_files_are_saved_once_and_the_open_month_is_shown(
    tmp_path: Path, clock: ManualClock
) -> None:
    parts, _ = run(tmp_path, clock, ":gebruiker teamleider", "/facturatie", "/facturatie 2026-10")
    # The ack says the figures are coming; they follow from the lazy listener.
    ack, *rest = after(parts, "/facturatie")
    assert ack[1].startswith("⌛ Ik tel op wat er voor november 2026 openstaat")
    assert any(text.startswith("Voor november 2026 staat nog niets open") for _, text in rest)
    shown = after(parts, "/facturatie 2026-10")
    assert headings(shown) == [
        "[alleen voor jou] Balie:",
        "[privébericht aan @teamleider] Balie deelt een bestand:",
        "[privébericht aan @teamleider] Balie deelt een bestand:",
    ]
    assert "Facturatie oktober 2026" in shown[1][1]
    assert "📎 balie-facturatie-2026-10.csv (" in shown[1][1]
    assert "📎 balie-facturatie-2026-10.xlsx (" in shown[2][1]
    assert saved_files(tmp_path) == [
        "balie-facturatie-2026-10.csv",
        "balie-facturatie-2026-10.xlsx",
    ]
    folder = tmp_path / "bestanden"
    header = (folder / "balie-facturatie-2026-10.csv").read_text("utf-8-sig").splitlines()[0]
    assert "KOR" not in header and len(header.split(";")) > 5
    workbook = openpyxl.load_workbook(folder / "balie-facturatie-2026-10.xlsx")
    assert workbook.sheetnames
    # Exporting the closed month again gives the same CSV: the file already there, not a copy.
    csv_before = (folder / "balie-facturatie-2026-10.csv").read_bytes()
    again, _ = run(tmp_path, clock, ":gebruiker teamleider", "/facturatie 2026-10")
    csv_shown = after(again, "/facturatie 2026-10")[1][1]
    assert f"opgeslagen als {folder / 'balie-facturatie-2026-10.csv'}" in csv_shown.replace(
        "\n", " "
    )
    assert (folder / "balie-facturatie-2026-10.csv").read_bytes() == csv_before
    assert saved_files(tmp_path) == [
        "balie-facturatie-2026-10.csv",
        "balie-facturatie-2026-10.xlsx",
    ]


# --- the App Home ------------------------------------------------------------------------------


def test_home_opens_the_personas_home_tab_through_the_bolt_app(
    tmp_path: Path, clock: ManualClock
) -> None:
    parts, _ = run(tmp_path, clock, REGISTER, ":home", ":gebruiker buitenstaander", ":thuis")
    home = after(parts, ":home")
    assert headings(home) == ["[Home-tab van @beheerder] Balie:"]
    cockpit = home[0][1]
    assert cockpit.startswith("Balie · je overzicht\n═")
    assert "[Nieuw ticket]" in cockpit
    assert "Je open tickets (0)" in cockpit
    assert "De hele desk" in cockpit and "P2 Hoog: 1" in cockpit
    assert "/ticket opent hetzelfde formulier" in cockpit
    outsider = after(parts, ":thuis")
    assert headings(outsider) == ["[Home-tab van @buitenstaander] Balie:"]
    assert "[Nieuw ticket]" not in outsider[0][1]
    assert "Waakdienst" not in outsider[0][1]


def test_a_home_already_on_its_way_is_said_so(tmp_path: Path, clock: ManualClock) -> None:
    parts, _ = run(tmp_path, clock, REGISTER, ":home", "/ticket pak KOR-000001", ":home")
    first = after(parts, ":home")
    assert headings(first) == ["[Home-tab van @beheerder] Balie:"]
    # Taking the ticket asks for a republish a moment later (the debounce); it is not shown.
    assert not any(
        h.startswith("[Home-tab") for h in headings(after(parts, "/ticket pak KOR-000001"))
    )
    later = [h for h, _ in parts[headings(parts).index("beheerder> /ticket pak KOR-000001") :]]
    i = later.index("beheerder> :home")
    assert later[i + 1].startswith("Balie werkt je Home-tab nog bij.")


# --- scheduled summaries ---------------------------------------------------------------------


def test_scheduled_summaries_save_their_charts_and_show_them_in_the_message(
    tmp_path: Path,
) -> None:
    # A Tuesday just after the end of the office day: the day summaries are due.
    clock = ManualClock(amsterdam(2026, 11, 24, 17, 31))
    parts, _ = run(tmp_path, clock, ":samenvattingen", ":samenvattingen")
    first = after(parts, ":samenvattingen")
    channels = ["#balie-1e-lijn", "#balie-2e-lijn", "#balie-3e-lijn", "#balie-teamleads"]
    assert headings(first) == [
        heading
        for channel in channels
        for heading in (
            "[bestand, nergens gedeeld] Balie uploadt een bestand voor een bericht:",
            f"[{channel}] Balie:",
        )
    ]
    upload, message = first[2][1], first[3][1]
    name = "balie-dag-2026-11-24-1730-lijn-2-balie-2e-lijn.png"
    path = tmp_path / "bestanden" / name
    assert upload.startswith(f"📎 {name} (")
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert message.startswith("Dagoverzicht · 2e lijn")
    # The image block: the chart's alt text, and where the picture was saved.
    picture = message.replace("\n", " ")
    assert "[afbeelding: Grafiek van 23-11-2026 t/m 24-11-2026." in picture
    assert f"(opgeslagen als {path})" in picture
    assert len(saved_files(tmp_path)) == 4
    # Claimed once: the second sweep finds nothing due.
    second = [h for h, _ in parts if h.startswith("Er is nu geen geplande samenvatting")]
    assert len(second) == 1


# --- English -------------------------------------------------------------------------------------


def test_files_and_home_in_english(tmp_path: Path, clock: ManualClock) -> None:
    parts, text = run(
        tmp_path,
        clock,
        ":user lead",
        "/rapport week csv",
        ":home",
        ":files",
        policy_file=english_policy(tmp_path),
    )
    shown = after(parts, "/rapport week csv")
    assert headings(shown)[1] == "[direct message to @teamleider] Balie shares a file:"
    assert " · saved as " in shown[1][1].replace("\n", " ")
    assert headings(after(parts, ":home")) == ["[Home tab of @teamleider] Balie:"]
    assert after(parts, ":files")[0][0].startswith("Files of this session")
    for dutch in ("opgeslagen", "privébericht", "Bestanden", "deelt een bestand"):
        assert dutch not in text


# --- the client's pieces -------------------------------------------------------------------------


def client(tmp_path: Path, clock: ManualClock) -> tuple[ConsoleWebClient, io.StringIO]:
    out = io.StringIO()
    users = {p.user_id: p.name for p in PERSONAS}
    web = ConsoleWebClient(Screen(out), users=users, clock=clock, files=tmp_path / "f")
    return web, out


def test_an_uncertain_upload_finds_the_file_it_already_saved(
    tmp_path: Path, clock: ManualClock
) -> None:
    web, out = client(tmp_path, clock)
    dm = web.conversations_open(users="UCONSOLEAGENT")["channel"]["id"]
    assert dm.startswith("D")
    upload = Upload(
        filename="x.csv", content=b"a;b\n", title="X", channel=dm, initial_comment="Hier"
    )
    first = upload_once(web, upload)
    # A retry of an attempt that may have gone through looks in files.list first.
    assert upload_once(web, upload, uncertain=True) == first
    assert find(web, channel=dm, filename="x.csv") == first
    assert find(web, channel=dm, filename="y.csv") is None
    shown = out.getvalue()
    assert shown.count("Balie deelt een bestand:") == 1
    assert (
        "[privébericht aan @agent] Balie deelt een bestand:\n  Hier\n\n  📎 x.csv (4 bytes)"
        in shown
    )
    # Other contents under the same name never overwrite the first file.
    other = upload_once(web, Upload(filename="x.csv", content=b"c;d\n", title="X", channel=dm))
    assert other != first
    assert sorted(p.name for p in (tmp_path / "f").iterdir()) == ["x-2.csv", "x.csv"]
    assert (tmp_path / "f" / "x.csv").read_bytes() == b"a;b\n"


def test_file_names_stay_in_the_folder_and_sizes_read_as_slack_shows_them() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("a\\b\x1b[2J.csv") == "b-[2J.csv"
    assert safe_name("..") == "bestand"
    assert size_text(532, "nl") == "532 bytes"
    assert size_text(24_780, "nl") == "24,2 KB"
    assert size_text(24_780, "en") == "24.2 KB"
    assert size_text(3 * 1024 * 1024, "en") == "3.0 MB"
