"""The chain through the fake Slack and the fake Twilio, with the rota a team lead set: the
pages, the acknowledgements (button, command, keypress), Escaleren, the reminder and the
restart."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.blocks.ids import ActionId
from bot.events import Actor
from bot.oncall.pager import chains_on_time
from bot.oncall.rules.chain import Via
from storage import pages
from storage.models import OutboxItem, PageChain, PageStep
from tests.conftest import AGENT
from tests.oncall.chain_support import (
    BACKUP,
    GOLD_P1,
    LEADS_CHANNEL,
    PHONES,
    PRIMARY,
    Night,
    empty_night,
    impatient,
    night,
)

__all__ = ["empty_night", "night"]
MIN = timedelta(minutes=1)


def chain_of(n: Night) -> PageChain:
    return n.chain()


def test_no_acknowledgement_three_pages_then_backup_then_leads(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    assert night.run() == 1  # the first page at once
    dm = night.pages_to(PRIMARY)
    assert len(dm) == 1
    text = str(dm[0]["blocks"])
    # The ticket's essentials: number, customer, priority and why, contact and phone, SLA.
    for expected in (number, "Acme Logistiek", "P1", "Jan Jansen", "Alles ligt plat"):
        assert expected in text, expected
    assert "reactietermijn" in text and "Accepteren" in text and "Escaleren" in text
    assert [c["to"] for c in night.calls()] == [PHONES[PRIMARY]]
    assert 'language="nl-NL"' in night.calls()[0]["params"]["Twiml"]
    assert number in night.texts()[0]["params"]["Body"]
    for minute in (4, 5, 9, 10, 15, 20, 24):
        night.at(2026, 11, 24, 22, minute)
        night.run()
    assert len(night.pages_to(PRIMARY)) == 3
    assert len(night.pages_to(BACKUP)) == 1
    assert len(night.leads_pages()) == 1
    assert [c["to"] for c in night.calls()] == [PHONES[PRIMARY]] * 3 + [PHONES[BACKUP]]
    assert [m["to"] for m in night.texts()] == [PHONES[PRIMARY]] * 3 + [PHONES[BACKUP]]
    # Every page is an audit event in the ticket's thread; the card says who is paged.
    thread = night.thread()
    assert sum("Oproep" in t and "van 3" in t for t in thread) == 3
    assert any("achterwacht" in t for t in thread)
    assert any("teamleiders zijn opgeroepen" in t for t in thread)
    card = str(night.balie.fake.calls_to("chat.update")[-1].args["blocks"])
    assert "Waakdienst opgeroepen" in card


def test_acknowledged_by_the_button_in_the_middle_of_a_wait(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.at(2026, 11, 24, 22, 2)  # in the middle of the first wait
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    night.run()
    sent = night.notifications()
    # The clock runs on for hours, short of the stall reminder's half hour: nothing more.
    for minute in range(3, 32):
        night.at(2026, 11, 24, 22, minute)
        night.run()
    assert night.notifications() == sent
    assert chain_of(night).acknowledged_via == "button"
    assert chain_of(night).acknowledged_by == PRIMARY
    # The page DM now says who accepted, without buttons; the thread and the card say so too.
    update = night.balie.fake.calls_to("chat.update")
    settled = [c for c in update if c.args.get("channel", "").startswith("D")]
    assert settled and "Geaccepteerd door" in str(settled[-1].args["blocks"])
    assert "page_ack" not in str(settled[-1].args["blocks"])
    assert any("heeft de oproep geaccepteerd (met de knop)" in t for t in night.thread())
    cards = [c for c in update if not c.args.get("channel", "").startswith("D")]
    assert f"Waakdienst: <@{PRIMARY}>" in str(cards[-1].args["blocks"])


def test_a_page_dm_slack_never_answered_is_found_in_the_dm_not_sent_twice(night: Night) -> None:
    fake = night.balie.fake
    fake.set_clock(lambda: night.s.clock.now().timestamp())
    number = night.ticket()
    night.request(number)
    fake.slow("chat.postMessage", 1.0)
    with impatient(night.balie) as worker:
        assert worker.pager.sweep().sent == 1
        worker.page_dispatcher.drain()  # the page DM times out, but Slack posted it
    fake.slow("chat.postMessage", 0)
    with night.s.sessions() as s:
        (row,) = s.execute(select(OutboxItem).where(OutboxItem.kind == "page_dm")).scalars()
    assert row.uncertain and row.done_at is None
    dm = fake.opened_dms()[PRIMARY]
    (posted,) = fake.messages_in(dm)
    assert posted["metadata"]["event_payload"]["outbox_id"] == row.id  # type: ignore[index]

    night.at(2026, 11, 24, 22, 1)
    night.run()

    assert fake.messages_in(dm) == [posted]  # found in the DM and adopted
    assert dm in [c.args["channel"] for c in fake.calls_to("conversations.history")]
    chain = chain_of(night)
    with night.s.sessions() as s:
        (step,) = pages.paged(session=s, chain_id=chain.id)
    assert (step.channel, step.ts) == (dm, posted["ts"])
    # Accepting updates the adopted page in place.
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    night.run()
    settled = [c.args for c in fake.calls_to("chat.update") if c.args["channel"] == dm]
    assert [a["ts"] for a in settled] == [posted["ts"]]
    assert "Geaccepteerd door" in str(settled[0]["blocks"])


def test_acknowledged_with_the_command(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    answer = night.waak(f"ack {number}", user=PRIMARY)
    assert f"Je hebt {number} geaccepteerd" in answer
    night.at(2026, 11, 24, 22, 20)
    night.run()
    assert len(night.pages_to(PRIMARY)) == 1 and not night.pages_to(BACKUP)
    assert chain_of(night).acknowledged_via == "command"


def test_acknowledged_by_keypress(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    # The fake Twilio posts the Gather's callback, signed, to Balie's HTTP server.
    press = night.keypress(PHONES[PRIMARY])
    assert press.status == 200 and "geaccepteerd" in press.body
    assert "round=1&step=0" in press.url
    night.at(2026, 11, 24, 22, 30)
    night.run()
    assert len(night.calls()) == 1 and len(night.pages_to(PRIMARY)) == 1
    chain = chain_of(night)
    assert (chain.acknowledged_by, chain.acknowledged_via) == (PRIMARY, "phone")
    # A keypress for a step that was never claimed acknowledges nothing.
    assert not night.s.pager.keypress(chain.id, 3, "+31600000000", round=1)


def test_escalate_pages_the_next_step_at_once(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.at(2026, 11, 24, 22, 1)
    night.press(ActionId.PAGE_ESCALATE, number, PRIMARY)
    night.run()
    # The backup now: not page 2 of 3 to the primary who asked for help.
    assert len(night.pages_to(PRIMARY)) == 1 and len(night.pages_to(BACKUP)) == 1
    answer = night.waak(f"escalate {number}", user=PRIMARY)
    night.run()
    assert "tweede" not in answer and "teamleiders" in answer
    assert len(night.pages_to(BACKUP)) == 1
    assert any("escaleert de oproep" in t for t in night.thread())


def test_an_acknowledgement_racing_a_step_sends_nothing(night: Night) -> None:
    """The step is claimed (its rows queued), then the engineer accepts before the outbox
    delivers them: the queued DM, call and text are dropped."""
    number = night.ticket()
    night.request(number)
    night.run()
    night.at(2026, 11, 24, 22, 5)
    assert night.s.pager.sweep().sent == 1  # step 2 claimed and queued, not yet delivered
    night.s.pager.acknowledge(Actor.slack(PRIMARY), number, Via.BUTTON)
    before = night.notifications()
    night.s.page_dispatcher.drain()
    assert night.notifications() == before
    assert len(night.pages_to(PRIMARY)) == 1 and len(night.calls()) == 1


def test_stalled_reminder_then_restart(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    night.run()
    night.at(2026, 11, 24, 22, 25)
    night.balie.command(f"notitie {number} Server herstart", user="UAGENT1")  # an update
    night.run()
    night.at(2026, 11, 24, 22, 54)  # 29 minutes after the update: no reminder yet
    night.run()
    assert len(night.dms(PRIMARY)) == 1
    night.at(2026, 11, 24, 22, 55)
    night.run()
    reminders = [d for d in night.dms(PRIMARY) if "nog mee bezig" in str(d["text"])]
    assert len(reminders) == 1
    night.at(2026, 11, 24, 22, 59)
    night.run()
    assert len(night.pages_to(PRIMARY)) == 1  # still within answer_within
    night.at(2026, 11, 24, 23, 0)
    night.run()
    assert len(night.pages_to(PRIMARY)) == 2  # nobody answered: round 2, page 1
    chain = chain_of(night)
    assert (chain.round, chain.state, chain.acknowledged_by) == (2, "paging", None)
    assert any("opnieuw opgeroepen (ronde 2)" in t for t in night.thread())
    assert any("Herinnering aan" in t for t in night.thread())


def test_a_reminder_answered_by_acknowledging_again(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    night.at(2026, 11, 24, 22, 31)
    night.run()
    night.press(ActionId.PAGE_ACK, number, PRIMARY)  # the reminder's Accepteren
    night.at(2026, 11, 24, 22, 40)
    night.run()
    assert len(night.pages_to(PRIMARY)) == 1 and chain_of(night).round == 1


def test_resolving_the_ticket_ends_the_chain(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.balie.command(f"los-op {number} Stroom hersteld", user="UAGENT1")
    night.at(2026, 11, 24, 23, 30)
    night.run()
    assert len(night.pages_to(PRIMARY)) == 1
    chain = chain_of(night)
    assert (chain.state, chain.ended_why, chain.next_due_at) == ("ended", "resolve", None)


def test_the_engineer_who_registered_it_is_not_paged(night: Night) -> None:
    # The customer called the waakdienst number: the on-call engineer registers it.
    night.waak(f"neem-over <@{AGENT}>")
    night.balie.register(f"{GOLD_P1} Alles ligt plat", user=AGENT)
    night.balie.drain()
    night.at(2026, 11, 24, 22, 20)
    night.run()
    assert night.notifications() == 0
    assert chain_of(night).acknowledged_via == "self"
    assert any("neemt dit ticket zelf aan" in t for t in night.thread())


def test_one_running_chain_per_ticket(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.request(number)
    night.run()
    with night.s.sessions() as session:
        assert len(session.execute(select(PageChain)).scalars().all()) == 1
        steps = session.execute(select(PageStep)).scalars().all()
    assert [(s.round, s.step, s.target) for s in steps] == [(1, 0, PRIMARY)]
    assert len(night.pages_to(PRIMARY)) == 1


def test_an_empty_rota_pages_the_team_leads_at_once(empty_night: Night) -> None:
    number = empty_night.ticket()
    empty_night.request(number)
    empty_night.run()
    assert len(empty_night.leads_pages()) == 1 and empty_night.notifications() == 1
    assert empty_night.leads_pages()[0]["channel"] == LEADS_CHANNEL
    assert "<@ULEAD1>" in empty_night.leads_pages()[0]["text"]
    assert any("Niemand op het rooster voor de achterwacht" in t for t in empty_night.thread())


def test_the_heartbeat_check_sees_a_step_left_waiting(night: Night) -> None:
    check = chains_on_time()
    number = night.ticket()
    night.request(number)
    with night.s.readers() as session:
        assert check(session, night.s.clock.now() + MIN / 2) is None
        assert check(session, night.s.clock.now() + 2 * MIN) == "a page step is 120 s overdue"
    night.run()
    with night.s.readers() as session:
        assert check(session, night.s.clock.now() + 2 * MIN) is None  # next due at 22:05
