"""Work on a written order is exported with the order's reference and the terms stored with
the order when it was registered, not terms worked out again at the close; work without an
order has the customer's terms by its contract date as it stands then."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from bot.events import Actor
from bot.invoicing.rules import Month
from storage.models import Customer
from tests.billing.ledger_helpers import say
from tests.conftest import LEAD, Balie, amsterdam, test_policy
from tests.invoicing.helpers import csv_rows, invoicer

ACME = 'klant=ACME contact="Jan Jansen" via=telefoon type=aanvraag impact=laag urgentie=laag'


def test_the_order_keeps_its_terms_and_other_work_follows_the_contract_date(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 2, 9, 0))
    ordered = balie.register(f"{ACME} Rooster aanpassen")
    other = balie.register(f"{ACME} Printer inrichten")
    say(balie, f"scope {ordered} uitsluiting:wijziging")
    say(balie, f"scope {other} buiten-scope:inrichting")
    balie.clock.set(amsterdam(2026, 11, 10, 10, 0))
    # ACME's contract (1 April 2019) gives the Nederland ICT Voorwaarden, stored with the order.
    assert "Nederland ICT Voorwaarden" in say(balie, f"opdracht {ordered} PO-7 10-11-2026")
    say(balie, f"tijd {ordered} 60m soort=wijziging Rooster")
    say(balie, f"tijd {other} 15m soort=inrichting Printer")
    # Later the directory's contract date turns out to be 2017: the old Korton terms, from now
    # on; the order was given under the terms it names.
    with balie.services.sessions.begin() as s:
        s.execute(
            update(Customer).where(Customer.code == "ACME").values(contract_date=date(2017, 5, 1))
        )

    balie.clock.set(amsterdam(2026, 12, 1, 10, 0))
    closed = invoicer(balie, test_policy()).close(Actor.slack(LEAD), Month(2026, 11))
    rows = csv_rows(closed.files.csv)[1:]
    assert [(r[2], r[5], r[13], r[14]) for r in rows] == [
        (ordered, "Rooster", "PO-7", "Nederland ICT Voorwaarden"),
        (other, "Printer", "", "Algemene Voorwaarden Korton"),
    ]
