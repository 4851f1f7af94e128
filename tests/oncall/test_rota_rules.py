"""The rota's pure rules: wall-time expansion across DST, overrides, swaps, gaps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.oncall.rules.rota import (
    Gap,
    Override,
    OverrideKind,
    Rotation,
    Schedule,
    Which,
    all_gaps,
    handovers,
    latest_handover,
    shifts,
    swap,
)

AMS = ZoneInfo("Europe/Amsterdam")
P = Which.PRIMARY


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)  # type: ignore[misc]


WEEKLY = Rotation(members=("UA", "UB", "UC"), anchor=date(2026, 3, 2))  # Monday 08:30


def test_handover_stays_at_0830_across_spring_dst_and_the_shift_is_167_hours() -> None:
    # DST starts Sunday 29 March 2026: the shift from Mon 23 to Mon 30 March loses an hour.
    found = shifts(WEEKLY, P, ams(2026, 3, 16), ams(2026, 4, 13))
    assert [s.start.astimezone(AMS).time() for s in found] == [time(8, 30)] * len(found)
    spanning = next(s for s in found if s.start == ams(2026, 3, 23, 8, 30))
    assert spanning.end == ams(2026, 3, 30, 8, 30)
    assert spanning.end - spanning.start == timedelta(hours=167)
    assert spanning.start.utcoffset() == timedelta(0)  # stored in UTC
    assert spanning.start.hour == 7 and spanning.end.hour == 6  # 08:30 CET, 08:30 CEST


def test_handover_stays_at_0830_across_autumn_dst_and_the_shift_is_169_hours() -> None:
    rotation = Rotation(members=("UA", "UB"), anchor=date(2026, 10, 1))
    found = shifts(rotation, P, ams(2026, 10, 19), ams(2026, 11, 9))
    spanning = next(s for s in found if s.start == ams(2026, 10, 19, 8, 30))
    assert spanning.end == ams(2026, 10, 26, 8, 30)
    assert spanning.end - spanning.start == timedelta(hours=169)
    assert all(s.start.astimezone(AMS).time() == time(8, 30) for s in found)


def test_members_take_turns_from_the_first_handover_day_on_or_after_the_anchor() -> None:
    rotation = Rotation(members=("UA", "UB", "UC"), anchor=date(2026, 11, 25))  # a Wednesday
    assert rotation.starts_at == ams(2026, 11, 30, 8, 30)
    found = shifts(rotation, P, ams(2026, 11, 30, 9), ams(2026, 12, 28, 9))
    assert [s.user for s in found] == ["UA", "UB", "UC", "UA", "UB"]
    daily = Rotation(members=("UA", "UB"), anchor=date(2026, 11, 30), every_days=1)
    assert [s.user for s in shifts(daily, P, ams(2026, 11, 30, 9), ams(2026, 12, 2, 9))] == [
        "UA",
        "UB",
        "UA",
    ]


def test_who_has_it_just_before_and_at_a_handover() -> None:
    s = Schedule(primary=WEEKLY)
    before = s.at(P, ams(2026, 3, 9, 8, 29))
    at = s.at(P, ams(2026, 3, 9, 8, 30))
    assert before is not None and before.user == "UA"
    assert at is not None and at.user == "UB" and at.start == ams(2026, 3, 9, 8, 30)


def test_an_override_across_a_handover_wins_and_is_marked() -> None:
    # UX has it from Sunday 18:00 to Tuesday 18:00, across UA -> UB on Monday 08:30.
    o = Override(1, P, "UX", ams(2026, 3, 8, 18), ams(2026, 3, 10, 18))
    s = Schedule(primary=WEEKLY, overrides=(o,))
    turns = s.turns(P, ams(2026, 3, 8), ams(2026, 3, 12))
    assert [(t.user, t.scheduled, t.override) for t in turns] == [
        ("UA", "UA", None),
        ("UX", "UA", 1),  # one turn across the handover: UX keeps it
        ("UB", "UB", None),
    ]
    whole = s.at(P, ams(2026, 3, 9, 12))
    assert whole is not None and whole.user == "UX"
    assert [t.user for t in handovers(turns)] == ["UA", "UX", "UB"]


def test_a_later_override_wins_over_an_earlier_one() -> None:
    early = Override(1, P, "UX", ams(2026, 3, 10, 8), ams(2026, 3, 12, 8))
    late = Override(2, P, "UY", ams(2026, 3, 11, 8), ams(2026, 3, 11, 20))
    s = Schedule(primary=WEEKLY, overrides=(late, early))
    assert [t.user for t in s.turns(P, ams(2026, 3, 10, 9), ams(2026, 3, 12, 9))] == [
        "UX",
        "UY",
        "UX",
        "UB",  # the week of 9 March is UB's
    ]


def test_a_swap_is_two_take_overs_of_each_others_next_shift() -> None:
    s = Schedule(primary=WEEKLY)
    plan = swap(s, P, "UA", "UC", ams(2026, 3, 3))
    assert plan is not None
    (b_takes, a_shift), (a_takes, c_shift) = plan
    assert (b_takes, a_shift.user, a_shift.start) == ("UC", "UA", ams(2026, 3, 2, 8, 30))
    assert (a_takes, c_shift.user, c_shift.start) == ("UA", "UC", ams(2026, 3, 16, 8, 30))
    overrides = tuple(
        Override(i, P, taker, sh.start, sh.end, OverrideKind.SWAP, sh.user)
        for i, (taker, sh) in enumerate(plan, start=1)
    )
    swapped = Schedule(primary=WEEKLY, overrides=overrides)
    turns = swapped.turns(P, ams(2026, 3, 2, 8, 30), ams(2026, 3, 23, 8, 30))
    assert [(t.user, t.kind) for t in turns] == [
        ("UC", OverrideKind.SWAP),
        ("UB", None),
        ("UA", OverrideKind.SWAP),
    ]
    assert swap(s, P, "UA", "UNOTON", ams(2026, 3, 3)) is None


def test_gaps_have_their_own_bounds_and_keys() -> None:
    future = Rotation(members=("UA",), anchor=date(2026, 12, 7))
    o = Override(1, P, "UX", ams(2026, 12, 1, 18), ams(2026, 12, 2, 8, 30))
    gaps = all_gaps(future, [o])
    assert gaps == [
        Gap(None, ams(2026, 12, 1, 18)),
        Gap(ams(2026, 12, 2, 8, 30), ams(2026, 12, 7, 8, 30)),
    ]
    assert gaps[1].key == "gap:2026-12-02T07:30Z-2026-12-07T07:30Z"
    s = Schedule(primary=future, overrides=(o,))
    assert s.gaps(ams(2026, 12, 3), ams(2026, 12, 17)) == [gaps[1]]
    # An empty rotation is one gap with no end, except where someone takes over.
    assert all_gaps(Rotation((), date(2026, 1, 1)), [o])[-1] == Gap(ams(2026, 12, 2, 8, 30), None)
    assert all_gaps(None, []) == [Gap(None, None)]
    assert Schedule(primary=WEEKLY).gaps(ams(2026, 3, 2, 9), ams(2026, 4, 1)) == []


def test_a_rotation_set_up_now_starts_at_the_latest_handover() -> None:
    tuesday = ams(2026, 11, 24, 10).astimezone(UTC)
    assert latest_handover(0, time(8, 30), tuesday) == date(2026, 11, 23)
    monday_early = ams(2026, 11, 30, 8).astimezone(UTC)
    assert latest_handover(0, time(8, 30), monday_early) == date(2026, 11, 23)
