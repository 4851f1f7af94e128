"""Who is paged, by the rota a team lead set with `/waakdienst`: across both DST switches (the
rotation is expanded in Amsterdam wall time), with a take-over across a handover, and after a
swap. Each page is a real one: the DM in Slack and the call through the fake Twilio."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import Database, amsterdam
from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer
from tests.oncall.chain_support import Night, number_of, start_night

A, B, C, X = "UENGA1", "UENGB2", "UENGC3", "UENGX9"


def on_call(user: str) -> list[tuple[str, str]]:
    """What `Night.who_is_paged` says when `user` has it: their DM and a call to their phone."""
    return [(user, number_of(user))]


@pytest.fixture
def autumn(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Night]:
    # Tuesday 20 October 2026; summer time ends on Sunday 25 October at 03:00.
    start = amsterdam(2026, 10, 20, 10, 0)
    yield from start_night(database, fake_slack, smtp, start=start, staffed=False)


@pytest.fixture
def spring(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Night]:
    # Tuesday 23 March 2027; summer time starts on Sunday 28 March at 02:00 (Easter Sunday).
    start = amsterdam(2027, 3, 23, 10, 0)
    yield from start_night(database, fake_slack, smtp, start=start, staffed=False)


@pytest.fixture
def november(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Night]:
    start = amsterdam(2026, 11, 24, 10, 0)  # a Tuesday in office hours
    yield from start_night(database, fake_slack, smtp, start=start, staffed=False)


def test_a_shift_across_the_autumn_switch_pages_the_right_engineer_on_both_sides(
    autumn: Night,
) -> None:
    autumn.staff(primary=(A, B), backup=())  # A from Mon 19-10 08:30, B from Mon 26-10 08:30
    assert autumn.who_is_paged(2026, 10, 24, 23, 0) == on_call(A)  # summer time
    assert autumn.who_is_paged(2026, 10, 25, 3, 30) == on_call(A)  # winter time
    # The week is an hour longer in UTC: counted in UTC, B would have it from 07:30.
    assert autumn.who_is_paged(2026, 10, 26, 8, 0) == on_call(A)
    assert autumn.who_is_paged(2026, 10, 26, 17, 31) == on_call(B)


def test_a_shift_across_the_spring_switch_hands_over_at_0830_wall_time(spring: Night) -> None:
    spring.staff(primary=(A, B), backup=())  # A from Mon 22-03 08:30, B from Mon 29-03 08:30
    assert spring.who_is_paged(2027, 3, 28, 1, 30) == on_call(A)  # winter time
    assert spring.who_is_paged(2027, 3, 28, 3, 30) == on_call(A)  # summer time
    # Easter Monday: closed, so the waakdienst has the whole day. The handover is at 08:30
    # summer time; counted in UTC it would be 09:30, and A would still have it at 09:00.
    assert spring.who_is_paged(2027, 3, 29, 8, 0) == on_call(A)
    assert spring.who_is_paged(2027, 3, 29, 9, 0) == on_call(B)


def test_a_take_over_across_a_handover_pages_the_engineer_who_took_over(
    november: Night,
) -> None:
    november.staff(primary=(A, B), backup=())
    november.phone(X, number_of(X))
    answer = november.waak(f"neem-over <@{X}> van=29-11 18:00 tot=di")
    assert "van zo 29-11-2026 18:00 tot di 01-12-2026 08:30" in answer
    assert november.who_is_paged(2026, 11, 29, 17, 0) == on_call(A)
    assert november.who_is_paged(2026, 11, 29, 20, 0) == on_call(X)
    # Monday 08:30 would have handed over from A to B: X keeps it.
    assert november.who_is_paged(2026, 11, 30, 7, 0) == on_call(X)
    assert november.who_is_paged(2026, 11, 30, 17, 31) == on_call(X)
    assert november.who_is_paged(2026, 12, 1, 17, 31) == on_call(B)


def test_a_swap_pages_each_in_the_others_shift(november: Night) -> None:
    november.staff(primary=(A, B, C), backup=())
    answer = november.waak(f"ruil <@{B}> <@{C}>")
    assert answer.startswith(f"<@{B}> en <@{C}> ruilen van dienst:")
    assert november.who_is_paged(2026, 11, 24, 22, 0) == on_call(A)
    assert november.who_is_paged(2026, 12, 1, 22, 0) == on_call(C)  # B's week
    assert november.who_is_paged(2026, 12, 8, 22, 0) == on_call(B)  # C's week
    assert november.who_is_paged(2026, 12, 15, 22, 0) == on_call(A)
