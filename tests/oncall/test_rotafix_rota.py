"""Review fixes in the rota: the handover DM is sent once, also when Slack may or may not have
taken it (bug 9), the achterwacht's handovers and gaps are told too (bug 9), a swap works from
the shifts people really have (bug 9), a disabled @waakdienst group is enabled again (bug 10),
and the wording."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.i18n import t
from bot.oncall.blocks import rota as render
from bot.oncall.rota_files import RotaImport, RotaImportReport, summary
from bot.oncall.rota_inputs import RotationChange, SwapRequest, TakeOver
from bot.oncall.rota_jobs import RotaJobs
from bot.oncall.rules.rota import Gap, OverrideKind, Which
from bot.wiring import Services, build_services
from storage.models import OutboxItem
from tests.conftest import BOT_TOKEN, LEAD, Balie, amsterdam, make_settings, test_policy

A, B, C, X = "UENGA1", "UENGB2", "UENGC3", "UENGX9"
LEADS = "#balie-teamleads"


def jobs(services: Services, balie: Balie) -> RotaJobs:
    s = services
    return RotaJobs(sessions=s.sessions, readers=s.readers, policy=s.policy, clock=balie.clock)


def posts_to(balie: Balie, channel: str) -> list[str]:
    return [
        str(c.args["text"])
        for c in balie.fake.calls_to("chat.postMessage")
        if c.args.get("channel") == channel and not c.failed
    ]


def dm_texts(balie: Balie, user: str) -> list[str]:
    """What was posted to the DM Balie opened with `user` (by its D… id)."""
    dm = balie.fake.opened_dms().get(user)
    return posts_to(balie, dm) if dm is not None else []


def waak(balie: Balie, text: str, user: str = LEAD) -> str:
    response = balie.command(text, user=user, command="/waakdienst")
    assert response.status == 200, response.body
    return str(response.json()["text"])


@pytest.fixture
def impatient(balie: Balie) -> Iterator[Services]:
    """A second worker, on the same database, that gives up on Slack after 0.3 s."""
    balie.fake.set_clock(lambda: balie.clock.now().timestamp())
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret="s",
        slack_api_url=balie.fake.api_url,
        database_url=balie.database.url,
        smtp_url=balie.smtp.url,
    )
    client = WebClient(token=BOT_TOKEN, base_url=balie.fake.api_url, timeout=0.3, retry_handlers=[])
    services = build_services(
        settings, policy=test_policy(), clock=balie.clock, client=client, run_migrations=False
    )
    yield services
    services.close()


# --- bug 9 --------------------------------------------------------------------------------


def handover_rows(balie: Balie) -> list[OutboxItem]:
    with balie.services.sessions() as s:
        query = select(OutboxItem).where(OutboxItem.kind == "rota_handover")
        return list(s.execute(query.order_by(OutboxItem.id)).scalars())


def test_a_handover_dm_slack_never_answered_is_found_in_the_dm_not_sent_twice(
    balie: Balie, impatient: Services
) -> None:
    balie.services.rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A, B)))
    assert jobs(balie.services, balie).sweep().handover is not None
    balie.fake.slow("chat.postMessage", 1.0)
    impatient.dispatcher.drain()  # the DM and the leads' line time out, but Slack posted them
    balie.fake.slow("chat.postMessage", 0)
    rows = handover_rows(balie)
    assert rows and all(r.uncertain and r.done_at is None for r in rows)
    (dm_row,) = [r for r in rows if r.payload["where"] == "dm"]
    dm = balie.fake.opened_dms()[A]
    (posted,) = balie.fake.messages_in(dm)
    assert posted["metadata"]["event_payload"] == {"outbox_id": dm_row.id}  # type: ignore[index]

    balie.clock.advance(timedelta(minutes=1))
    balie.drain()

    assert balie.fake.messages_in(dm) == [posted]  # found in the DM and adopted
    assert dm in [c.args["channel"] for c in balie.fake.calls_to("conversations.history")]
    assert len(balie.fake.messages_in(LEADS)) == 1  # found in the channel and adopted
    assert all(r.done_at is not None for r in handover_rows(balie))


def test_a_handover_dm_slack_answered_with_a_5xx_is_sent_on_the_retry(balie: Balie) -> None:
    balie.fake.set_clock(lambda: balie.clock.now().timestamp())
    balie.services.rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A, B)))
    assert jobs(balie.services, balie).sweep().handover is not None
    balie.fake.fail("chat.postMessage", status=503)  # the first post: the DM's
    balie.drain()
    (dm_row,) = [r for r in handover_rows(balie) if r.payload["where"] == "dm"]
    assert dm_row.uncertain and dm_row.done_at is None  # a 5xx: Slack may have posted it
    dm = balie.fake.opened_dms()[A]
    assert balie.fake.messages_in(dm) == []

    balie.clock.advance(timedelta(minutes=1))
    balie.drain()

    # Not found in the DM, so posted: a handover the engineer never hears of is no handover.
    assert dm_texts(balie, A) == [
        "Je hebt de waakdienst (primair) van ma 23-11-2026 08:30 tot ma 30-11-2026 08:30. "
        "Een rustige dienst gewenst!"
    ]
    assert len(balie.fake.messages_in(dm)) == 1
    assert all(r.done_at is not None for r in handover_rows(balie))


def test_the_achterwachts_handover_is_told_too_and_the_group_holds_the_primary(
    balie: Balie,
) -> None:
    rota = balie.services.rota
    rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A, B)))
    rota.set_rotation(LEAD, RotationChange(Which.BACKUP, (C, X)))
    swept = jobs(balie.services, balie).sweep()
    assert [(t.which, t.user) for t in swept.handovers] == [(Which.PRIMARY, A), (Which.BACKUP, C)]
    assert jobs(balie.services, balie).sweep().handovers == ()
    balie.drain()
    assert dm_texts(balie, C) == [
        "Je hebt de waakdienst (achterwacht) van ma 23-11-2026 08:30 tot ma 30-11-2026 08:30. "
        "Een rustige dienst gewenst!"
    ]
    assert posts_to(balie, LEADS) == [
        f"Waakdienst (primair): <@{A}> heeft de waakdienst van ma 23-11-2026 08:30 "
        "tot ma 30-11-2026 08:30.",
        f"Waakdienst (achterwacht): <@{C}> heeft de waakdienst van ma 23-11-2026 08:30 "
        "tot ma 30-11-2026 08:30.",
    ]
    assert len(balie.fake.calls_to("usergroups.users.update")) == 1
    assert balie.fake.usergroup_by_handle("waakdienst")[1] == [A]  # type: ignore[index]

    # A take-over of the achterwacht alone is a handover of the achterwacht alone.
    rota.take_over(LEAD, TakeOver(B, Which.BACKUP, end=amsterdam(2026, 11, 25, 8, 30)))
    swept = jobs(balie.services, balie).sweep()
    assert [(t.which, t.user) for t in swept.handovers] == [(Which.BACKUP, B)]
    assert swept.handover is None
    balie.drain()
    assert len(dm_texts(balie, B)) == 1 and len(posts_to(balie, LEADS)) == 3
    assert len(balie.fake.calls_to("usergroups.users.update")) == 1


def test_the_achterwachts_gaps_are_reported_once_each_and_marked(balie: Balie) -> None:
    rota = balie.services.rota
    rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A, B)))
    rota.set_rotation(LEAD, RotationChange(Which.BACKUP, (C,), anchor=date(2026, 12, 7)))
    balie.clock.set(amsterdam(2026, 11, 25, 9, 0))
    first = jobs(balie.services, balie).sweep()
    assert first.gaps == (Gap(None, amsterdam(2026, 12, 7, 8, 30), Which.BACKUP),)
    balie.drain()
    assert posts_to(balie, LEADS)[-1] == (
        ":warning: Gat in het rooster: in deze periode heeft niemand de waakdienst:\n"
        "• achterwacht: vanaf nu tot ma 07-12-2026 08:30"
    )
    balie.clock.set(amsterdam(2026, 11, 26, 9, 30))
    assert jobs(balie.services, balie).sweep().gaps == ()
    # The overview shows it, marked, beside the primary's none.
    shown = waak(balie, "")
    assert "*Gat in het rooster: in deze periode heeft niemand de waakdienst:*" in shown
    assert "achterwacht: vanaf nu tot ma 07-12-2026 08:30" in shown


def test_gap_keys_of_the_primary_stay_and_the_achterwachts_are_their_own() -> None:
    end = amsterdam(2026, 12, 7, 8, 30)
    assert Gap(None, end).key == "gap:begin-2026-12-07T07:30Z"
    assert Gap(None, end, Which.BACKUP).key == "gap:backup:begin-2026-12-07T07:30Z"
    assert render.gap_line(Gap(None, None), "nl") == "vanaf nu tot nader order"
    assert (
        render.gap_line(Gap(None, None, Which.BACKUP), "en")
        == "backup: from now until further notice"
    )


def test_a_swap_works_from_the_shifts_people_really_have(balie: Balie) -> None:
    rota = balie.services.rota
    rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A, B, C)))
    # X has B's shift of 30 November; B's next shift is then the one of 21 December.
    rota.take_over(
        LEAD, TakeOver(X, start=amsterdam(2026, 11, 30, 8, 30), end=amsterdam(2026, 12, 7, 8, 30))
    )
    a, b = rota.swap(LEAD, SwapRequest(A, B))
    assert (a.user, a.replaces, a.start, a.end) == (
        B,
        A,
        balie.clock.now(),
        amsterdam(2026, 11, 30, 8, 30),
    )
    assert (b.user, b.replaces, b.start, b.end) == (
        A,
        B,
        amsterdam(2026, 12, 21, 8, 30),
        amsterdam(2026, 12, 28, 8, 30),
    )
    turns = rota.turns(Which.PRIMARY, balie.clock.now(), amsterdam(2026, 12, 28, 8, 30))
    assert [(t.user, t.kind) for t in turns] == [
        (B, OverrideKind.SWAP),
        (X, OverrideKind.TAKE_OVER),  # X keeps the shift X took over
        (C, None),
        (A, None),
        (A, OverrideKind.SWAP),
    ]


# --- bug 10 -------------------------------------------------------------------------------


def test_a_disabled_user_group_is_enabled_again(balie: Balie) -> None:
    balie.fake.set_usergroup("S0WAAK", [X], handle="waakdienst")
    balie.fake.disable_usergroup("S0WAAK")
    rota = balie.services.rota
    rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A, B)))
    jobs(balie.services, balie).sweep()
    balie.drain()
    (listed,) = balie.fake.calls_to("usergroups.list")
    assert listed.args["include_disabled"] in ("1", "true", True)
    assert [c.args["usergroup"] for c in balie.fake.calls_to("usergroups.enable")] == ["S0WAAK"]
    assert not balie.fake.calls_to("usergroups.create")
    assert balie.fake.usergroup_enabled("S0WAAK")
    assert balie.fake.usergroup_by_handle("waakdienst") == ("S0WAAK", [A])

    # Disabled again later (Balie knows the group by then): the next handover enables it.
    balie.fake.disable_usergroup("S0WAAK")
    balie.clock.set(amsterdam(2026, 11, 30, 8, 31))
    jobs(balie.services, balie).sweep()
    balie.drain()
    assert len(balie.fake.calls_to("usergroups.enable")) == 2
    assert balie.fake.usergroup_enabled("S0WAAK")
    assert balie.fake.usergroup_by_handle("waakdienst") == ("S0WAAK", [B])


def test_the_fake_hides_disabled_groups_unless_asked_as_slack_does(balie: Balie) -> None:
    balie.fake.set_usergroup("S0WAAK", [X], handle="waakdienst")
    balie.fake.disable_usergroup("S0WAAK")
    client = balie.services.client
    assert "S0WAAK" not in [g["id"] for g in client.usergroups_list()["usergroups"]]
    (found,) = [
        g
        for g in client.usergroups_list(include_disabled=True)["usergroups"]
        if g["id"] == "S0WAAK"
    ]
    assert found["date_delete"] > 0
    assert client.usergroups_enable(usergroup="S0WAAK")["usergroup"]["date_delete"] == 0
    assert balie.fake.usergroup_enabled("S0WAAK")


# --- wording ------------------------------------------------------------------------------


def test_achterwacht_is_the_word_and_an_input_alias_beside_reserve_and_backup(
    balie: Balie,
) -> None:
    answer = waak(balie, f"rotatie achterwacht <@{C}> <@{A}>")
    assert answer.startswith(f"Rotatie achterwacht: <@{C}> → <@{A}>")
    assert waak(balie, f"rotatie reserve <@{C}> <@{A}>").startswith("Rotatie achterwacht:")
    assert waak(balie, f"rotatie backup <@{C}> <@{A}>").startswith("Rotatie achterwacht:")
    answer = waak(balie, f"neem-over <@{X}> achterwacht tot=morgen")
    assert answer.startswith(f"<@{X}> neemt de waakdienst (achterwacht) over van")
    assert "· achterwacht <@{X}>".replace("{X}", X) in waak(balie, "")
    report = RotaImport(
        sessions=balie.services.sessions,
        clock=balie.clock,
        policy=balie.services.policy,
        lang="nl",
    ).import_data({"rotations": {"achterwacht": {"members": [A], "start": "2026-11-30"}}})
    assert report.problems == [] and report.rotations == 1


def test_the_help_and_the_texts_read_as_a_colleague_writes() -> None:
    help_nl = t("nl", "rota.help")
    assert "Alleen teamleiders en beheerders kunnen het rooster wijzigen." in help_nl
    assert "`tijd NUMMER 45m [omschrijving]`" in help_nl and "reserve" not in help_nl
    assert "`time NUMBER 45m [description]`" in t("en", "rota.help")
    assert t("nl", "rota.not_available", sub="x") == (
        "`/waakdienst x` ken ik niet. Typ `/waakdienst help` voor wat wel kan."
    )
    assert t("nl", "rota.which.backup") == "achterwacht"


def test_the_import_summary_has_plural_forms() -> None:
    one = RotaImportReport(
        engineers=1, rotations=1, overrides_added=1, overrides_unchanged=1, skipped=1
    )
    assert summary(one, "rota.yml", "nl") == (
        "rota.yml is ingelezen: 1 engineer bijgewerkt, 1 rotatie ingesteld, 1 overname "
        "toegevoegd (1 was er al), 1 afspraak zonder engineer overgeslagen."
    )
    more = RotaImportReport(engineers=3, rotations=2, overrides_added=0, overrides_unchanged=2)
    assert summary(more, "rota.yml", "en") == (
        "rota.yml was imported: 3 engineers updated, 2 rotations set, 0 overrides added "
        "(2 were there already), 0 events naming no engineer skipped."
    )
