"""/facturatie through signed requests: team leads and admins close a month and get the CSV
and the workbook in their DM; a second request gives the same files; `/facturatie` alone shows
what is open this month per customer; every mistake is named at once and nothing is closed."""

from __future__ import annotations

import time
from typing import Any

from tests.conftest import ADMIN, AGENT, LEAD, Balie, amsterdam
from tests.fakes import slack_files
from tests.invoicing.helpers import (
    HEADER_NL,
    closures,
    csv_rows,
    entry,
    months_of,
    november,
    responses,
    sheets,
    wait_for_outbox,
)

KIND = "invoice_files"


def facturatie(balie: Balie, text: str, user: str = LEAD) -> str:
    response = balie.command(text, user=user, command="/facturatie")
    assert response.status == 200, response.body
    return str(response.json()["text"])


def uploads(balie: Balie) -> list[dict[str, Any]]:
    return slack_files.shared_files(balie.fake)


def test_a_team_lead_closes_november_and_gets_both_files_in_a_dm(balie: Balie) -> None:
    ids = november(balie)
    said = facturatie(balie, "2026-11")
    assert "Ik zet de facturatie van november 2026 klaar" in said
    wait_for_outbox(balie, KIND)
    balie.drain()
    csv_file, xlsx_file = uploads(balie)
    (dm,) = {c.args["channel"]["id"] for c in []} or {
        f["channels"][0] for f in (csv_file, xlsx_file)
    }
    opened = balie.fake.calls_to("conversations.open")
    assert [c.args["users"] for c in opened] == [LEAD]
    assert dm.startswith("D")
    assert (csv_file["name"], xlsx_file["name"]) == (
        "balie-facturatie-2026-11.csv",
        "balie-facturatie-2026-11.xlsx",
    )
    rows = csv_rows(csv_file["content"])
    assert rows[0] == HEADER_NL
    # The default policy: 20 -> 30 min at 96.00 = 48.00; 45 at 96.00 = 72.00; 50 -> 60 at
    # 122.50 + 50% = 183.75; 61 -> 75 at 122.50 = 153.13.
    assert [(r[0], r[2], r[3], r[7], r[8], r[10]) for r in rows[1:]] == [
        ("ACME", "KOR-000001", "2026-11-03", "30", "96,00", "48,00"),
        ("ACME", "KOR-000001", "2026-11-20", "45", "96,00", "72,00"),
        ("ACME", "KOR-000001", "2026-11-21", "60", "122,50", "183,75"),
        ("BAKKER", "KOR-000002", "2026-11-10", "75", "122,50", "153,13"),
    ]
    book = sheets(xlsx_file["content"])
    assert list(book) == ["Overzicht", "ACME", "BAKKER"]
    assert book["ACME"][1][:4] == ["ACME", "Acme Logistiek B.V.", "KOR-000001", book["ACME"][1][3]]
    assert book["Overzicht"][4][0] == "Totaal" and book["Overzicht"][4][3:5] == [4, 210]
    comment = balie.fake.messages_in(dm)[0]["text"]
    # 48.00 + 72.00 + 183.75 + 153.13 = 456.88
    assert "4 regels voor 2 klanten, samen € 456,88 voor 3 uur 30 minuten (afgerond)" in comment
    assert "De maand is nu afgesloten" in comment
    assert (
        months_of(balie)[ids["change"]] == "2026-11" and months_of(balie)[ids["december"]] is None
    )


def test_asking_again_gives_the_same_files_and_says_it_was_closed(balie: Balie) -> None:
    november(balie)
    facturatie(balie, "2026-11")
    wait_for_outbox(balie, KIND)
    balie.drain()
    balie.clock.set(amsterdam(2026, 12, 2, 9, 0))
    entry(balie, "KOR-000001", 10, amsterdam(2026, 11, 30, 9, 0), recorded_at=balie.clock.now())
    facturatie(balie, "2026-11", user=ADMIN)
    wait_for_outbox(balie, KIND, count=2)
    balie.drain()
    first_csv, first_xlsx, again_csv, again_xlsx = uploads(balie)
    assert again_csv["content"] == first_csv["content"]
    assert again_xlsx["content"] == first_xlsx["content"]
    dm = again_csv["channels"][0]
    assert "al afgesloten op 01-12-2026 10:00" in balie.fake.messages_in(dm)[0]["text"]


def test_one_customers_export_has_its_own_file_names(balie: Balie) -> None:
    november(balie)
    assert "november 2026 voor BAKKER" in facturatie(balie, "2026-11 klant=bakker")
    wait_for_outbox(balie, KIND)
    balie.drain()
    csv_file, xlsx_file = uploads(balie)
    assert csv_file["name"] == "balie-facturatie-2026-11-BAKKER.csv"
    assert list(sheets(xlsx_file["content"])) == ["Overzicht", "BAKKER"]
    assert [r[0] for r in csv_rows(csv_file["content"])[1:]] == ["BAKKER"]
    assert {scope for _m, scope in closures(balie)} == {
        next(s for _m, s in closures(balie) if s.startswith("customer:"))
    }


def test_an_agent_may_not_and_nothing_is_closed(balie: Balie) -> None:
    november(balie)
    assert "Dat mag alleen voor" in facturatie(balie, "2026-11", user=AGENT)
    assert "Dat mag alleen voor" in facturatie(balie, "", user=AGENT)
    # The lazy listeners check again and say nothing more: the ack answered.
    time.sleep(1.0)
    balie.drain()
    assert closures(balie) == set() and uploads(balie) == []
    assert balie.fake.calls_to("response_url") == []


def test_every_mistake_is_named_at_once(balie: Balie) -> None:
    november(balie)
    said = facturatie(balie, "2026-12 klant=NOPE")
    assert "2026-12 is nog niet voorbij" in said and "klant 'NOPE' bestaat niet" in said
    said = facturatie(balie, "2026-13 graag")
    assert "'2026-13' is geen maand" in said and "'graag' begrijp ik niet" in said
    assert "zeg welke maand" in facturatie(balie, "klant=ACME")
    assert closures(balie) == set()
    time.sleep(1.0)
    balie.drain()
    assert uploads(balie) == [] and balie.fake.calls_to("response_url") == []


def test_without_a_month_it_shows_what_is_open_this_month_per_customer(balie: Balie) -> None:
    november(balie)
    balie.clock.set(amsterdam(2026, 11, 25, 12, 0))
    # Pricing the month's open entries may take longer than the ack may: the ack says the
    # figures are coming, and they follow through the command's response_url.
    assert facturatie(balie, "") == (
        ":hourglass: Ik tel op wat er voor november 2026 openstaat. Je ziet het zo hier."
    )
    (said,) = responses(balie)
    # Up to now: ACME 48.00 + 72.00 + 183.75 = 303.75 (135 min rounded), BAKKER 153.13 (75 min);
    # most first.
    assert said.splitlines() == [
        "*Openstaand voor november 2026* (nog niet gefactureerd, tot nu toe):",
        "• *ACME* Acme Logistiek B.V.: 3 regels · 2 uur 15 minuten · € 303,75",
        "• *BAKKER* Bakkerij Brood &amp; Co: 1 regel · 1 uur 15 minuten · € 153,13",
        "*Totaal:* 4 regels · 3 uur 30 minuten · € 456,88",
    ]
    assert closures(balie) == set()


def test_in_december_the_unclosed_november_is_pointed_out(balie: Balie) -> None:
    november(balie)
    facturatie(balie, "")
    (said,) = responses(balie)
    assert said.splitlines()[0].startswith(":warning: november 2026 is nog niet afgesloten")
    assert "`/facturatie 2026-11`" in said
    # December's 15 min of change are open too: 153.13 + 30.63 (75 + 15 min).
    assert "• *BAKKER* Bakkerij Brood &amp; Co: 2 regels · 1 uur 30 minuten · € 183,76" in said


def test_help(balie: Balie) -> None:
    said = facturatie(balie, "help")
    assert said.startswith("*Balie: /facturatie*") and "`/facturatie 2026-11`" in said


def test_a_failure_after_the_ack_reaches_the_lead_instead_of_silence(balie: Balie) -> None:
    november(balie)
    # Training has no rate in the policy: known only once the month's entries are priced.
    entry(balie, "KOR-000001", 30, amsterdam(2026, 11, 12, 9, 0), kind="training")
    assert "Ik zet de facturatie van november 2026 klaar" in facturatie(balie, "2026-11")
    (said,) = responses(balie)
    assert "geen uurtarief voor 'training' op 2026-11-12" in said
    assert closures(balie) == set() and uploads(balie) == []
    # And what is open now, which prices the same entries.
    balie.fake.clear()
    assert "Ik tel op wat er voor december 2026 openstaat" in facturatie(balie, "")
    (said,) = responses(balie)
    assert "geen uurtarief voor 'training' op 2026-11-12" in said
