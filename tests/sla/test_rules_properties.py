"""Properties of the SLA clocks, checked with hypothesis over 2026-2027 on both calendars."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.calendar import BusinessCalendar, Calendar, TwentyFourSeven
from bot.sla.history import StatusChange, cancelled_at, pauses_from, stopped_at
from bot.sla.rules import (
    ClockInput,
    ClockKind,
    ClockState,
    Span,
    evaluate,
    moment_of,
    normalise_spans,
)

AMS = ZoneInfo("Europe/Amsterdam")
CAL = BusinessCalendar()
US = timedelta(microseconds=1)
ZERO = timedelta(0)
HOUR_US = 3600 * 10**6

CALENDARS: list[Calendar] = [CAL, TwentyFourSeven()]
calendars = st.sampled_from(CALENDARS)
# Hypothesis takes naive bounds; `timezones` makes the values it draws aware.
starts = st.datetimes(
    min_value=datetime(2026, 1, 2),  # noqa: DTZ001
    max_value=datetime(2027, 6, 30),  # noqa: DTZ001
    timezones=st.just(AMS),
)
# Up to 100 business hours, biased to short targets and whole minutes.
targets = st.one_of(
    st.integers(0, 100 * HOUR_US),
    st.integers(0, 6000).map(lambda m: m * 60 * 10**6),
).map(lambda us: timedelta(microseconds=us))
# Offsets from the start: up to 30 days, sometimes negative (a pause that began before it).
offsets = st.integers(-2 * 24 * HOUR_US, 30 * 24 * HOUR_US).map(
    lambda us: timedelta(microseconds=us)
)
lengths = st.one_of(
    st.integers(0, 3 * 24 * HOUR_US),
    st.integers(0, 4 * HOUR_US),
).map(lambda us: timedelta(microseconds=us))


@st.composite
def pause_lists(draw: st.DrawFn, start: datetime, *, open_ok: bool = True) -> tuple[Span, ...]:
    start = start.astimezone(UTC)  # real-time offsets, also across a DST switch
    spans = []
    for offset, length in draw(st.lists(st.tuples(offsets, lengths), max_size=6)):
        a = start + offset
        spans.append(Span(a, a + length))
    if open_ok and draw(st.booleans()):
        spans.append(Span(start + draw(offsets)))
    return tuple(spans)


@st.composite
def clocks(draw: st.DrawFn, *, open_ok: bool = True) -> ClockInput:
    start = draw(starts)
    return ClockInput(
        kind=draw(st.sampled_from(ClockKind)),
        started_at=start,
        target=draw(targets),
        calendar=draw(calendars),
        pauses=draw(pause_lists(start, open_ok=open_ok)),
    )


def later(a: datetime | None, b: datetime | None) -> bool:
    """a <= b, where None (unknown while paused) is later than any moment."""
    if b is None:
        return True
    return a is not None and a <= b


common = settings(deadline=None, max_examples=300)


@common
@given(clocks(), offsets)
def test_elapsed_and_paused_add_up_to_calendar_time(clock: ClockInput, offset: timedelta) -> None:
    now = clock.started_at + abs(offset)
    status = evaluate(clock, now)
    assert status.elapsed + status.paused_for == clock.calendar.between(clock.started_at, now)
    assert status.elapsed >= ZERO and status.paused_for >= ZERO
    assert status.remaining == clock.target - status.elapsed


@common
@given(calendars, starts, targets, offsets)
def test_without_pauses_the_deadline_is_calendar_add(
    cal: Calendar, start: datetime, target: timedelta, offset: timedelta
) -> None:
    clock = ClockInput(ClockKind.RESPONSE, start, target, cal)
    assert evaluate(clock, start + offset).deadline == cal.add(start, target)


@common
@given(clocks(), targets)
def test_the_deadline_is_monotonic_in_the_target(clock: ClockInput, other: timedelta) -> None:
    short, long = sorted((clock.target, other))
    assert later(
        moment_of(replace(clock, target=short), 1), moment_of(replace(clock, target=long), 1)
    )


@common
@given(clocks(), st.fractions(0, 3), st.fractions(0, 3))
def test_moment_of_is_monotonic_in_the_fraction(
    clock: ClockInput, f: Fraction, g: Fraction
) -> None:
    low, high = sorted((f, g))
    assert later(moment_of(clock, low), moment_of(clock, high))


@common
@given(clocks(open_ok=False), offsets)
def test_moment_of_one_is_the_deadline(clock: ClockInput, offset: timedelta) -> None:
    # Evaluated after every pause has ended, so that everything moment_of uses is known.
    ends = [p.end for p in clock.pauses if p.end is not None]
    now = max([clock.started_at, *ends]) + abs(offset)
    assert moment_of(clock, 1) == evaluate(clock, now).deadline


@common
@given(clocks(), offsets, offsets)
def test_moment_of_one_is_the_deadline_of_a_stopped_clock(
    clock: ClockInput, stop_offset: timedelta, offset: timedelta
) -> None:
    stop = clock.started_at + abs(stop_offset)
    stopped = replace(clock, stopped_at=stop)
    status = evaluate(stopped, stop + abs(offset))
    assert status.met_at == stop
    assert status.deadline is not None
    assert moment_of(stopped, 1) == status.deadline
    assert status.state is (ClockState.BREACHED if stop > status.deadline else ClockState.MET)
    # Frozen at the stop: the same as a running clock evaluated at that moment.
    running = evaluate(clock, stop)
    assert (status.elapsed, status.paused_for) == (running.elapsed, running.paused_for)


@common
@given(clocks(), offsets, offsets, st.one_of(st.none(), offsets))
def test_a_cancelled_clock_is_frozen_and_never_met(
    clock: ClockInput, cancel_offset: timedelta, offset: timedelta, met_offset: timedelta | None
) -> None:
    cancel = clock.started_at + abs(cancel_offset)
    met = None if met_offset is None else clock.started_at + abs(met_offset)
    cancelled = replace(clock, cancelled_at=cancel, stopped_at=met)
    now = max(cancel, met or cancel) + abs(offset)
    status = evaluate(cancelled, now)
    if met is not None and met <= cancel:
        # Met first: the cancel changes nothing.
        assert status == evaluate(replace(clock, stopped_at=met), now)
        return
    assert status.met_at is None and status.cancelled_at == cancel and status.stopped
    assert status.deadline is not None
    assert status.state is (
        ClockState.BREACHED if cancel > status.deadline else ClockState.CANCELLED
    )
    # Frozen at the cancel exactly as a met clock is at its stop.
    as_met = evaluate(replace(clock, stopped_at=cancel), now)
    assert (status.deadline, status.elapsed, status.paused_for) == (
        as_met.deadline,
        as_met.elapsed,
        as_met.paused_for,
    )


@common
@given(clocks(), offsets, lengths, st.booleans())
def test_a_pause_never_moves_the_deadline_earlier(
    clock: ClockInput, offset: timedelta, length: timedelta, open_: bool
) -> None:
    start = clock.started_at + offset
    extra = Span(start, None if open_ else start + length)
    paused = replace(clock, pauses=(*clock.pauses, extra))
    assert later(moment_of(clock, 1), moment_of(paused, 1))


@common
@given(clocks(open_ok=False))
def test_the_deadline_is_the_earliest_moment_the_target_is_used_up(clock: ClockInput) -> None:
    deadline = moment_of(clock, 1)
    assert deadline is not None
    assert evaluate(clock, deadline).remaining == ZERO
    assert evaluate(clock, deadline).state is not ClockState.BREACHED
    assert evaluate(clock, deadline + US).state is ClockState.BREACHED
    if clock.target > ZERO:
        assert evaluate(clock, deadline - US).remaining > ZERO


@common
@given(clocks(), offsets)
def test_state_is_consistent_with_the_numbers(clock: ClockInput, offset: timedelta) -> None:
    now = clock.started_at + abs(offset)
    status = evaluate(clock, now)
    if status.remaining < ZERO:
        assert status.state is ClockState.BREACHED
    if status.state is ClockState.BREACHED:
        assert status.deadline is not None and status.deadline < now
        assert status.remaining <= ZERO
    if status.state is ClockState.PAUSED:
        assert status.remaining >= ZERO


@common
@given(st.data(), clocks())
def test_pauses_are_normalised_whatever_their_order(data: st.DataObject, clock: ClockInput) -> None:
    shuffled = data.draw(st.permutations(clock.pauses))
    assert normalise_spans(shuffled) == clock.pauses
    for a, b in zip(clock.pauses, clock.pauses[1:], strict=False):
        assert a.end is not None and a.end < b.start
    assert all(p.start >= clock.started_at for p in clock.pauses)
    assert all(p.end is None or p.end > p.start for p in clock.pauses)


# --------------------------------------------------------------------------------------------
# pauses_from against a direct reading of the history
# --------------------------------------------------------------------------------------------

statuses = st.sampled_from(
    [
        ("new", None),
        ("in_progress", None),
        ("waiting_info", None),
        ("waiting_customer", None),
        ("waiting_third_party", "customer"),
        ("waiting_third_party", "subcontractor"),
        ("resolved", None),
        ("closed", None),
    ]
)
T0 = datetime(2026, 3, 16, 9, tzinfo=UTC)
minutes = st.integers(0, 2000).map(lambda m: T0 + timedelta(minutes=m))


def status_at(history: list[StatusChange], t: datetime) -> StatusChange | None:
    current = None
    for change in sorted(history, key=lambda c: c.at):
        if change.at <= t:
            current = change
    return current


def pausing(change: StatusChange | None, kind: ClockKind) -> bool:
    if change is None:
        return False
    if change.status in ("waiting_info", "waiting_customer"):
        return True
    if change.status == "waiting_third_party":
        return change.third_party == "customer"
    # Resolved or closed, both clocks pause until a reopen.
    return change.status in ("resolved", "closed")


changes = st.builds(lambda at, s: StatusChange(at, s[0], s[1]), minutes, statuses)
histories = st.lists(changes, max_size=10)
# With two changes at one moment "entered the final status" is ambiguous; see the explicit tests.
distinct_histories = st.lists(changes, max_size=10, unique_by=lambda c: c.at)


@common
@given(histories, st.sampled_from(ClockKind), minutes)
def test_paused_exactly_when_the_status_pauses(
    history: list[StatusChange], kind: ClockKind, t: datetime
) -> None:
    spans = pauses_from(history, kind, T0 + timedelta(days=10))
    inside = any(s.start <= t and (s.end is None or t < s.end) for s in spans)
    assert inside == pausing(status_at(history, t), kind)
    assert normalise_spans(spans) == spans


@common
@given(distinct_histories)
def test_resolution_stops_exactly_when_the_ticket_is_final(history: list[StatusChange]) -> None:
    stop = stopped_at(history, ClockKind.RESOLUTION)
    cancel = cancelled_at(history)
    last = status_at(history, T0 + timedelta(days=10))
    final = last is not None and last.status in ("resolved", "closed")
    # A final ticket was either resolved (met) or closed without a resolve (cancelled).
    assert (stop is not None or cancel is not None) == final
    assert stop is None or cancel is None
    end = stop or cancel
    if end is not None:
        # The end is the moment the final run of resolved/closed began, and that run's first
        # status says which: a resolve meets the clock, a close without one cancels it.
        entered = status_at(history, end)
        before = status_at(history, end - US)
        assert entered is not None
        assert entered.status == ("resolved" if stop is not None else "closed")
        assert before is None or before.status not in ("resolved", "closed")
