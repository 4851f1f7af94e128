"""Review fixes in the entitlement part: a page by hand is charged only when it is (bug 6),
the minutes of a chargeable service are recorded with `/waakdienst tijd` (bug 8), and user
text with `<!channel>` in it pings nobody in the notice and the desk's handovers."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.oncall.events import PageReason
from bot.oncall.rules.entitlement import Handover, Moment
from tests.conftest import AGENT, AGENT2, Balie, amsterdam
from tests.oncall.entitlement_helpers import GOLD, P1, P3, SILVER, items, record_pages

LEADS = "#balie-teamleads"
LINE2 = "#balie-2e-lijn"


def waak(balie: Balie, text: str, user: str = AGENT) -> str:
    response = balie.command(text, user=user, command="/waakdienst")
    assert response.status == 200, response.body
    return str(response.json()["text"])


def thread_texts(balie: Balie) -> list[str]:
    return [
        str(c.args["text"])
        for c in balie.fake.calls_to("chat.postMessage")
        if "thread_ts" in c.args
    ]


def posts(balie: Balie, channel: str) -> list[str]:
    return [
        str(c.args["text"])
        for c in balie.fake.calls_to("chat.postMessage")
        if c.args["channel"] == channel and "thread_ts" not in c.args and "blocks" not in c.args
    ]


# --- bug 6: manual and manual_charged -----------------------------------------------------


def test_a_page_by_hand_is_charged_only_for_a_customer_without_entitlement_after_hours(
    balie: Balie,
) -> None:
    pages = record_pages(balie)
    in_hours = balie.register(f"{SILVER} {P1} Ovens reageren niet")  # Tuesday 10:00
    waak(balie, f"roep-op {in_hours}")
    balie.clock.set(amsterdam(2026, 11, 24, 20, 0))
    gold = balie.register(f"{GOLD} {P3} Printer")
    waak(balie, f"roep-op {gold}")
    silver = balie.register(f"{SILVER} {P1} Ovens weer stuk")
    waak(balie, f"roep-op {silver}")
    balie.drain()

    assert pages.reasons() == ["manual", "manual", "manual_charged"]
    assert pages.seen[-1].reason is PageReason.MANUAL_CHARGED
    started = [t for t in thread_texts(balie) if "roept de waakdienst op" in t]
    assert len(started) == 3
    assert [("doorbelast" in t, "handmatig opgeroepen" in t) for t in started] == [
        (False, True),
        (False, True),
        (True, False),
    ]
    assert started[-1].endswith("(toch opgeroepen, wordt doorbelast).")


# --- bug 8: /waakdienst tijd ----------------------------------------------------------------


def test_tijd_records_the_minutes_and_the_span_of_the_callers_item(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{SILVER} {P1} Ovens reageren niet")
    (item,) = items(balie, number)
    assert item.minutes is None and item.started_at == item.ended_at

    answer = waak(balie, f"tijd {number} 1u30m Ovens gereset, klant gebeld")
    assert answer == (
        f":moneybag: 1 uur 30 minuten genoteerd op *{number}* (werk buiten kantoortijd, "
        "wordt doorbelast): van 24-11-2026 22:00 tot 24-11-2026 23:30."
    )
    (item,) = items(balie, number)
    assert item.minutes == 90 and item.note == "Ovens gereset, klant gebeld"
    assert (item.started_at, item.ended_at) == (
        amsterdam(2026, 11, 24, 22, 0),
        amsterdam(2026, 11, 24, 23, 30),
    )

    # Said again (or retried), the minutes are replaced, not added; the note stays.
    waak(balie, f"time {number.lower()} 45m")
    (item,) = items(balie, number)
    assert (item.minutes, item.note) == (45, "Ovens gereset, klant gebeld")
    assert item.ended_at == amsterdam(2026, 11, 24, 22, 45)
    assert "1 minuut" in waak(balie, f"tijd {number} 1")
    assert "2 uur genoteerd" in waak(balie, f"tijd {number} 2u")
    assert "1 uur 30 minuten" in waak(balie, f"tijd {number} 1u 30m en nog wat")
    assert items(balie, number)[0].note == "en nog wat"


def test_tijd_takes_tonights_item_or_else_the_latest_of_the_caller(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{SILVER} {P1} Ovens reageren niet")
    balie.clock.set(amsterdam(2026, 11, 25, 19, 0))
    balie.command(f"notitie {number} Nog steeds stuk")
    first, second = items(balie, number)
    assert waak(balie, f"tijd {number} 90m").startswith(":moneybag: 1 uur 30 minuten")
    assert (first.minutes, items(balie, number)[1].minutes) == (None, 90)
    # The next morning, in office hours: the latest item is still the one it goes on.
    balie.clock.set(amsterdam(2026, 11, 26, 9, 0))
    balie.command("taal en")
    answer = waak(balie, f"time {number} 20m")
    assert answer.startswith(":moneybag: 20 minutes recorded on")
    assert [i.minutes for i in items(balie, number)] == [None, 20]
    assert items(balie, number)[1].ended_at == second.started_at + timedelta(minutes=20)


def test_tijd_names_every_problem_at_once_and_writes_nothing(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{SILVER} {P1} Ovens reageren niet")

    assert waak(balie, "tijd").splitlines() == [
        "Dat kan Balie niet verwerken, er is niets opgeslagen:",
        "• het ticketnummer ontbreekt; schrijf bijvoorbeeld KOR-000012 of 12",
        "• zeg hoeveel tijd, zoals 45m, 1u30m of 90m",
    ]
    answer = waak(balie, "tijd 12x een-uur gewerkt")
    assert len(answer.splitlines()) == 3
    assert "'12x' is geen ticketnummer" in answer
    assert "'een-uur' is geen tijdsduur" in answer
    assert "'0m' is geen tijdsduur" in waak(balie, f"tijd {number} 0m")
    assert "hooguit een week" in waak(balie, f"tijd {number} 200u")
    assert "langer dan 500 tekens" in waak(balie, f"tijd {number} 5m {'x' * 501}")
    # Someone with no chargeable service on it has no time to record there.
    refused = waak(balie, f"tijd {number} 45m", user=AGENT2)
    assert refused.startswith(f"Je hebt voor {number} geen dienst die wordt doorbelast")
    assert waak(balie, "tijd 999 45m") == "Ticket KOR-000999 bestaat niet."
    (item,) = items(balie, number)
    assert item.minutes is None and item.note == "" and item.ended_at == item.started_at


# --- `<!channel>` pings nobody ------------------------------------------------------------


def pinging_customers(balie: Balie, tmp_path: Path) -> None:
    path = tmp_path / "ping.yml"
    path.write_text(
        "customers:\n"
        "  - code: PING\n"
        '    name: "<!channel> Goud B.V."\n'
        "    sla_tier: gold\n"
        "    contract_date: 2020-01-01\n"
        "    account_manager: Petra de Vries\n"
        "    contacts:\n"
        "      - {name: Piet Ping, email: piet@ping.example, role: main}\n"
        "  - code: PINGZ\n"
        '    name: "<!channel> Zilver B.V."\n'
        "    sla_tier: silver\n"
        "    contract_date: 2020-01-01\n"
        "    account_manager: Petra de Vries\n"
        "    contacts:\n"
        "      - {name: Zus Ping, email: zus@ping.example, role: main}\n",
        encoding="utf-8",
    )
    report = balie.services.directory.import_file(path)
    assert not report.problems, report.problems


def assert_pings_nobody(text: str) -> None:
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text


def test_channel_in_a_subject_or_customer_pings_nobody_in_the_notice_and_handovers(
    balie: Balie, tmp_path: Path
) -> None:
    pinging_customers(balie, tmp_path)
    gold = 'klant=PING contact="Piet Ping" via=telefoon type=incident'
    silver = 'klant=PINGZ contact="Zus Ping" via=telefoon type=incident'
    balie.clock.set(amsterdam(2026, 11, 27, 10, 0))  # a Friday
    number = balie.register(f"{gold} {P1} <!channel> alles ligt plat")

    # The notice to whoever works a ticket of a customer who is not entitled.
    balie.clock.set(amsterdam(2026, 11, 27, 21, 0))
    silver_number = balie.register(f"{silver} {P1} <!channel> ovens weer")
    balie.drain()
    dm = balie.fake.opened_dms()[AGENT]
    (notice,) = [c.args for c in balie.fake.calls_to("chat.postMessage") if c.args["channel"] == dm]
    assert silver_number in notice["text"]
    assert_pings_nobody(notice["text"])
    assert_pings_nobody(str(notice["blocks"]))

    # The end of office hours (swept late, at 21:00: it is made once when it is due).
    assert balie.services.desk_handovers.sweep() == Moment(
        Handover.OFFICE_END, amsterdam(2026, 11, 27, 17, 30)
    )
    balie.drain()
    (handover,) = posts(balie, LEADS)
    assert number in handover
    assert_pings_nobody(handover)

    # Back in office hours: the handback to the line.
    balie.clock.set(amsterdam(2026, 11, 30, 8, 30))
    assert balie.services.desk_handovers.sweep() is not None
    balie.drain()
    handbacks = posts(balie, LINE2) + posts(balie, "#balie-1e-lijn")
    assert handbacks and any(number in h for h in handbacks)
    for text in handbacks:
        assert_pings_nobody(text)
