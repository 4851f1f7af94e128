"""Handover notices, the user group and the gap report: each exactly once, even when two
sweeps (two replicas) run side by side and the outbox delivers after a restart."""

from __future__ import annotations

from datetime import date, timedelta

from bot.oncall.rota_inputs import RotationChange, TakeOver
from bot.oncall.rota_jobs import RotaJobs
from bot.oncall.rules.rota import Which
from tests.conftest import LEAD, Balie, amsterdam

A, B, X = "UENGA1", "UENGB2", "UENGX9"
LEADS = "#balie-teamleads"


def jobs(balie: Balie) -> RotaJobs:
    s = balie.services
    return RotaJobs(sessions=s.sessions, readers=s.readers, policy=s.policy, clock=balie.clock)


def posts_to(balie: Balie, channel: str) -> list[str]:
    return [
        str(c.args["text"])
        for c in balie.fake.calls_to("chat.postMessage")
        if c.args.get("channel") == channel
    ]


def dm_texts(balie: Balie, user: str) -> list[str]:
    """What was posted to the DM Balie opened with `user` (by its D… id)."""
    dm = balie.fake.opened_dms().get(user)
    return posts_to(balie, dm) if dm is not None else []


def test_a_handover_is_told_once_and_the_user_group_follows(balie: Balie) -> None:
    balie.services.rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A, B)))
    one, two = jobs(balie), jobs(balie)
    assert one.sweep().handover is not None
    assert two.sweep().handover is None and one.sweep().handover is None
    balie.drain()
    assert dm_texts(balie, A) == [
        "Je hebt de waakdienst (primair) van ma 23-11-2026 08:30 tot ma 30-11-2026 08:30. "
        "Een rustige dienst gewenst!"
    ]
    assert posts_to(balie, LEADS) == [
        f"Waakdienst (primair): <@{A}> heeft de waakdienst van ma 23-11-2026 08:30 "
        "tot ma 30-11-2026 08:30."
    ]
    assert [c.args["handle"] for c in balie.fake.calls_to("usergroups.create")] == ["waakdienst"]
    (update,) = balie.fake.calls_to("usergroups.users.update")
    group = balie.fake.usergroup_by_handle("waakdienst")
    assert group is not None and group[1] == [A] and update.args["usergroup"] == group[0]

    # Monday 08:30: B has it. The group exists now and is only updated.
    balie.clock.set(amsterdam(2026, 11, 30, 8, 30, 20))
    assert two.sweep().handover is not None and one.sweep().handover is None
    balie.drain()
    assert len(dm_texts(balie, B)) == 1 and len(posts_to(balie, LEADS)) == 2
    assert len(balie.fake.calls_to("usergroups.create")) == 1
    assert len(balie.fake.calls_to("usergroups.users.update")) == 2
    assert balie.fake.usergroup_by_handle("waakdienst") == (group[0], [B])


def test_a_take_over_is_a_handover_too_and_finds_an_existing_group(balie: Balie) -> None:
    balie.fake.set_usergroup("S0WAAK", [A], handle="waakdienst")
    rota = balie.services.rota
    rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A, B)))
    jobs(balie).sweep()
    balie.clock.advance(timedelta(hours=8))  # Tuesday 18:00
    rota.take_over(LEAD, TakeOver(X, end=amsterdam(2026, 11, 25, 8, 30)))
    swept = jobs(balie).sweep()
    assert swept.handover is not None and swept.handover.user == X
    balie.drain()
    assert dm_texts(balie, X) == [
        "Je hebt de waakdienst (primair) van di 24-11-2026 18:00 tot wo 25-11-2026 08:30. "
        "Een rustige dienst gewenst!"
    ]
    assert not balie.fake.calls_to("usergroups.create")
    assert balie.fake.usergroup_by_handle("waakdienst") == ("S0WAAK", [X])
    # Wednesday 08:30 the override ends and A has it again: that is a handover as well.
    balie.clock.set(amsterdam(2026, 11, 25, 8, 31))
    assert jobs(balie).sweep().handover is not None
    balie.drain()
    assert balie.fake.usergroup_by_handle("waakdienst") == ("S0WAAK", [A])


def test_a_rate_limited_user_group_update_is_retried_and_done_once(balie: Balie) -> None:
    balie.services.rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A,)))
    balie.fake.fail("usergroups.users.update", status=429, retry_after=1)
    jobs(balie).sweep()
    balie.drain()
    assert balie.fake.usergroup_by_handle("waakdienst") is not None
    balie.clock.advance(timedelta(seconds=2))
    balie.drain()
    ok = [c for c in balie.fake.calls_to("usergroups.users.update") if not c.failed]
    assert len(ok) == 1 and balie.fake.usergroup_by_handle("waakdienst")[1] == [A]  # type: ignore[index]


def test_each_gap_is_reported_once_at_the_daily_moment(balie: Balie) -> None:
    rota = balie.services.rota
    # The rotation starts on Monday 7 December: nobody has it until then.
    rota.set_rotation(LEAD, RotationChange(Which.PRIMARY, (A,), anchor=date(2026, 12, 7)))
    balie.clock.set(amsterdam(2026, 11, 25, 8, 59))
    assert jobs(balie).sweep().gaps == ()  # not 09:00 yet
    balie.clock.set(amsterdam(2026, 11, 25, 9, 0))
    first = jobs(balie).sweep()
    assert len(first.gaps) == 1 and jobs(balie).sweep().gaps == ()
    balie.drain()
    assert posts_to(balie, LEADS) == [
        ":warning: Gat in het rooster: in deze periode heeft niemand de waakdienst:\n"
        "• vanaf nu tot ma 07-12-2026 08:30"
    ]
    # The next day the same gap is not told again; a take-over that splits it makes two new ones.
    rota.take_over(
        LEAD, TakeOver(X, start=amsterdam(2026, 11, 27, 18), end=amsterdam(2026, 11, 30, 8, 30))
    )
    balie.clock.set(amsterdam(2026, 11, 26, 9, 30))
    second = jobs(balie).sweep()
    assert [(g.start, g.end) for g in second.gaps] == [
        (None, amsterdam(2026, 11, 27, 18)),
        (amsterdam(2026, 11, 30, 8, 30), amsterdam(2026, 12, 7, 8, 30)),
    ]
    balie.clock.set(amsterdam(2026, 11, 27, 9, 30))
    assert jobs(balie).sweep().gaps == ()
    balie.drain()
    assert len(posts_to(balie, LEADS)) == 2
