"""Review #9, bug 12: `<!channel>` in a ticket's subject or its customer's name pings nobody
in the page DM or in the team leads' page."""

from __future__ import annotations

from typing import Any

from storage import tickets
from storage.models import Customer
from tests.oncall.chain_support import PRIMARY, Night, empty_night

__all__ = ["empty_night"]
PING = "<!channel>"


def rename_customer(n: Night, number: str, name: str) -> None:
    with n.s.sessions.begin() as session:
        ticket = tickets.get(session=session, number=number)
        assert ticket is not None
        customer = session.get(Customer, ticket.customer_id)
        assert customer is not None
        customer.name = name


def assert_no_ping(message: dict[str, Any]) -> None:
    everything = f"{message.get('text')} {message.get('blocks')}"
    assert PING not in everything
    assert "&lt;!channel&gt;" in everything


def test_a_ping_in_the_subject_or_customer_is_escaped_in_the_dm_and_the_leads_page(
    empty_night: Night,
) -> None:
    night = empty_night
    night.staff(backup=())  # no achterwacht: after the primary's pages, the team leads
    number = night.ticket(f"Alles plat {PING} nu")
    rename_customer(night, number, f"Acme {PING} B.V.")
    night.request(number)
    night.run()
    dm = night.pages_to(PRIMARY)[-1]
    assert_no_ping(dm)
    assert "Acme &lt;!channel&gt; B.V." in str(dm["blocks"])
    for minute in (5, 10, 15):
        night.at(2026, 11, 24, 22, minute)
        night.run()
    (leads,) = night.leads_pages()
    assert_no_ping(leads)
    assert "Acme &lt;!channel&gt; B.V." in str(leads["text"])
