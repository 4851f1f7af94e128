"""Review #9, bugs 1 and 4: a chain ends. One wait after its last step when nobody acknowledged
it, at the desk's opening (unless paged by hand since), and when a reclassification takes the
ticket out of the waakdienst's set; its stall watch rests while the ticket waits and while the
desk is open."""

from __future__ import annotations

from sqlalchemy import select

from bot.blocks.ids import ActionId
from bot.events import Actor
from bot.oncall.events import PageReason, PageRequested
from storage import tickets
from storage.models import PageChain
from tests.oncall.chain_support import BACKUP, PRIMARY, Night, night

__all__ = ["night"]


def chains(n: Night) -> list[PageChain]:
    with n.s.sessions() as session:
        return list(session.execute(select(PageChain).order_by(PageChain.id)).scalars())


def paged(n: Night, number: str, reason: PageReason) -> None:
    with n.s.sessions.begin() as session:
        ticket = tickets.get(session=session, number=number)
        assert ticket is not None
        n.s.events.publish(
            session,
            PageRequested(
                ticket_id=ticket.id, reason=reason, actor=Actor.slack("UAGENT1"), at=n.s.clock.now()
            ),
        )


def test_an_unanswered_chain_ends_after_the_leads_wait_and_a_new_page_starts_again(
    night: Night,
) -> None:
    number = night.ticket()
    night.request(number)
    for minute in (0, 5, 10, 15, 20, 24):
        night.at(2026, 11, 24, 22, minute)
        night.run()
    assert len(night.leads_pages()) == 1 and chains(night)[-1].state == "paging"
    night.at(2026, 11, 24, 22, 25)  # the team leads' wait is over
    night.run()
    chain = chains(night)[-1]
    assert (chain.state, chain.ended_why, chain.next_due_at) == ("ended", "exhausted", None)
    assert any("ook de teamleiders niet" in t for t in night.thread())
    # Its page messages say it has lapsed and lose their buttons.
    settled = [
        c.args
        for c in night.balie.fake.calls_to("chat.update")
        if "oproep is vervallen" in str(c.args.get("blocks"))
    ]
    assert len(settled) == 5 and all("page_ack" not in str(a["blocks"]) for a in settled)
    # The next page (the office-end handover, a reclassification, a page-anyway) pages again.
    night.at(2026, 11, 25, 2, 0)
    night.request(number)
    night.run()
    assert len(chains(night)) == 2 and len(night.pages_to(PRIMARY)) == 4


def test_the_desk_opening_ends_the_night_chain_and_nothing_is_paged_in_office_hours(
    night: Night,
) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    night.at(2026, 11, 25, 7, 55)
    night.balie.command(f"notitie {number} Nog bezig met de storing", user="UAGENT1")
    night.at(2026, 11, 25, 8, 25)
    night.run()  # the stall reminder, still at night
    assert sum("nog mee bezig" in str(d["text"]) for d in night.dms(PRIMARY)) == 1
    night.at(2026, 11, 25, 8, 30)  # the restart falls due just as the desk opens
    night.run()
    night.s.desk_handovers.sweep()
    night.balie.drain()
    chain = chains(night)[-1]
    assert (chain.state, chain.ended_why) == ("ended", "office_start")
    sent = night.notifications()
    for hour, minute in ((8, 35), (9, 0), (9, 30), (10, 0), (12, 0)):
        night.at(2026, 11, 25, hour, minute)
        night.run()
    assert night.notifications() == sent and len(night.pages_to(PRIMARY)) == 1
    assert any("servicedesk is weer open" in t for t in night.thread())
    updates = [str(c.args["blocks"]) for c in night.balie.fake.calls_to("chat.update")]
    assert any("De servicedesk is weer open en neemt het ticket over" in b for b in updates)


def test_a_page_by_hand_in_office_hours_survives_the_opening_and_is_never_reminded_by_day(
    night: Night,
) -> None:
    night.at(2026, 11, 25, 8, 31)  # the desk is open; the opening's handover has not run yet
    number = night.ticket()
    assert chains(night) == []  # nobody is paged in office hours
    paged(night, number, PageReason.MANUAL)
    night.run()
    night.at(2026, 11, 25, 8, 32)
    night.s.desk_handovers.sweep()
    assert chains(night)[-1].state == "paging"
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    for hour, minute in ((9, 5), (9, 40), (12, 0), (17, 0)):
        night.at(2026, 11, 25, hour, minute)
        night.run()
    assert not any("nog mee bezig" in str(d["text"]) for d in night.dms(PRIMARY))
    # The stall watch starts over when the desk closes.
    chain = chains(night)[-1]
    assert chain.state == "acknowledged"
    night.at(2026, 11, 25, 18, 0)
    night.run()
    assert sum("nog mee bezig" in str(d["text"]) for d in night.dms(PRIMARY)) == 1


def test_waiting_for_the_customer_rests_the_stall_timer_and_resuming_arms_it(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    night.at(2026, 11, 24, 22, 10)
    night.balie.command(f"wacht {number} Wacht op de logbestanden van de klant", user="UAGENT1")
    assert chains(night)[-1].next_due_at is None
    for hour, minute in ((22, 41), (23, 30), (1, 0)):
        night.at(2026, 11, 24 if hour > 12 else 25, hour, minute)
        night.run()
    assert len(night.dms(PRIMARY)) == 1 and not night.pages_to(BACKUP)
    night.at(2026, 11, 25, 1, 0)
    night.balie.command(f"hervat {number}", user="UAGENT1")
    night.at(2026, 11, 25, 1, 29)
    night.run()
    assert len(night.dms(PRIMARY)) == 1
    night.at(2026, 11, 25, 1, 30)
    night.run()
    assert sum("nog mee bezig" in str(d["text"]) for d in night.dms(PRIMARY)) == 1


def test_a_reclassification_out_of_the_set_ends_the_chain(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.at(2026, 11, 24, 22, 2)
    night.balie.command(f"herclassificeer {number} impact=laag urgentie=laag", user="UAGENT1")
    for minute in (5, 10, 15, 30):
        night.at(2026, 11, 24, 22, minute)
        night.run()
    chain = chains(night)[-1]
    assert (chain.state, chain.ended_why) == ("ended", "left_set")
    assert len(night.pages_to(PRIMARY)) == 1 and not night.pages_to(BACKUP)
    assert any("niet meer onder de waakdienst" in t for t in night.thread())


def test_a_page_by_hand_goes_on_after_a_reclassification_out_of_the_set(night: Night) -> None:
    number = night.ticket()
    night.balie.command(f"herclassificeer {number} impact=laag urgentie=laag", user="UAGENT1")
    chains_before = len(chains(night))
    paged(night, number, PageReason.MANUAL)
    night.run()
    night.balie.command(f"herclassificeer {number} impact=midden urgentie=laag", user="UAGENT1")
    night.at(2026, 11, 24, 22, 5)
    night.run()
    assert len(chains(night)) == chains_before + 1 and chains(night)[-1].state == "paging"
    assert len(night.pages_to(PRIMARY)) >= 2
