"""What the ack bench counts as delivered exactly once, in time."""

from __future__ import annotations

from bench.ack_report import Delivery, Drain

END = 1_000.0


def test_a_ticket_delivered_twice_or_not_at_all_is_counted() -> None:
    got = Delivery.of([1, 2, 3], {1: [END + 1], 2: [END + 3, END + 2], 4: [END]}, END)
    assert (got.missing, got.duplicates) == (1, 1)
    assert got.firsts == [1.0, 2.0] and got.last == 2.0


def test_delivered_once_but_late_is_not_within_the_window() -> None:
    on_time = Delivery.of([1, 2], {1: [END + 1], 2: [END + 2]}, END)
    late = Delivery.of([1, 2], {1: [END + 1], 2: [END + 12]}, END)
    assert Drain(2, on_time, on_time, drained=2.1, pending=0).within(10)
    drain = Drain(2, on_time, late, drained=12.1, pending=0)
    assert drain.exactly_once and not drain.within(10) and late.late(10) == 1


def test_a_duplicate_is_never_exactly_once() -> None:
    once = Delivery.of([1], {1: [END + 1]}, END)
    twice = Delivery.of([1], {1: [END + 1, END + 2]}, END)
    assert not Drain(1, twice, once, drained=2.0, pending=0).within(10)
