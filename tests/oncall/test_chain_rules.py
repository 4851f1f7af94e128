"""The escalation chain's pure rules: its steps, Escaleren, the stall reminder and the restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.oncall.rules import chain as rules
from bot.oncall.rules.chain import Act, Chain, Snapshot, State, Target

T0 = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
SNAP = Snapshot(wait=5 * MIN, pages=3, stall_after=30 * MIN, answer_within=5 * MIN)


def test_the_steps_of_a_round() -> None:
    steps = rules.steps(SNAP)
    assert [(s.target, s.attempt, s.offset) for s in steps] == [
        (Target.PRIMARY, 1, 0 * MIN),
        (Target.PRIMARY, 2, 5 * MIN),
        (Target.PRIMARY, 3, 10 * MIN),
        (Target.BACKUP, 1, 15 * MIN),
        (Target.LEADS, 1, 20 * MIN),
    ]
    assert [s.index for s in steps] == [0, 1, 2, 3, 4]


def test_the_snapshot_survives_json() -> None:
    assert Snapshot.from_json(SNAP.to_json()) == SNAP


def run_unacknowledged(chain: Chain, until: datetime) -> list[tuple[datetime, int]]:
    """Sweeps every minute, sending each due step: (when, step) of every page."""
    sent, now = [], chain.next_due_at or T0
    while now <= until:
        while rules.due(chain, now) is Act.PAGE:
            sent.append((now, chain.step))
            chain = rules.paged(chain, SNAP, now)
        now += MIN
    return sent


def test_no_acknowledgement_pages_three_times_then_backup_then_leads() -> None:
    sent = run_unacknowledged(rules.start(SNAP, T0), T0 + 2 * timedelta(hours=1))
    assert sent == [(T0 + i * 5 * MIN, i) for i in range(5)]


def test_escalate_moves_to_the_next_step_at_once() -> None:
    chain = rules.paged(rules.start(SNAP, T0), SNAP, T0)  # page 1 sent
    escalated = rules.escalated(chain, SNAP, T0 + MIN)
    assert escalated is not None
    assert rules.due(escalated, T0 + MIN) is Act.PAGE and escalated.step == 3  # the backup
    # ... and from an acknowledged chain: whoever had it asks for help.
    acked = rules.acknowledged(chain, SNAP, T0 + MIN)
    again = rules.escalated(acked, SNAP, T0 + 2 * MIN)
    assert again is not None and again.state is State.PAGING and again.step == 3


def test_nothing_to_escalate_to_after_the_team_leads() -> None:
    chain = rules.start(SNAP, T0)
    for i in range(5):
        chain = rules.paged(chain, SNAP, T0 + i * 5 * MIN)
    assert chain.next_due_at == T0 + 25 * MIN  # its end: the team leads' wait
    assert rules.escalated(chain, SNAP, T0 + 30 * MIN) is None


def test_a_missing_target_moves_on_at_once() -> None:
    chain = rules.skipped(rules.start(SNAP, T0), SNAP, T0)
    assert chain.step == 1 and rules.due(chain, T0) is Act.PAGE


def test_stalled_then_reminded_then_restarted() -> None:
    acked = rules.acknowledged(rules.paged(rules.start(SNAP, T0), SNAP, T0), SNAP, T0 + MIN)
    assert rules.due(acked, T0 + 30 * MIN) is None
    assert rules.due(acked, T0 + 31 * MIN) is Act.REMIND
    reminded = rules.reminded(acked, SNAP, T0 + 31 * MIN)
    assert rules.due(reminded, T0 + 35 * MIN) is None
    assert rules.due(reminded, T0 + 36 * MIN) is Act.RESTART
    restarted = rules.restarted(reminded, T0 + 36 * MIN)
    assert (restarted.round, restarted.step, restarted.state) == (2, 0, State.PAGING)
    assert rules.due(restarted, T0 + 36 * MIN) is Act.PAGE


def test_an_update_resets_the_stall_timer_and_answers_the_reminder() -> None:
    acked = rules.acknowledged(rules.start(SNAP, T0), SNAP, T0)
    reminded = rules.reminded(acked, SNAP, T0 + 30 * MIN)
    answered = rules.updated(reminded, SNAP, T0 + 32 * MIN)
    assert not answered.reminded and answered.next_due_at == T0 + 62 * MIN
    assert rules.due(answered, T0 + 40 * MIN) is None


def test_a_chain_accepted_by_its_engineer_starts_acknowledged() -> None:
    chain = rules.start(SNAP, T0, accepted=True)
    assert chain.state is State.ACKNOWLEDGED and rules.due(chain, T0 + 29 * MIN) is None
    escalated = rules.escalated(chain, SNAP, T0)
    assert escalated is not None and rules.steps(SNAP)[escalated.step].target is Target.BACKUP


def test_an_ended_chain_has_nothing_due() -> None:
    assert rules.due(rules.ended(rules.start(SNAP, T0)), T0 + timedelta(days=1)) is None


@given(
    ack_after=st.integers(min_value=0, max_value=40 * 60),
    sweep_every=st.integers(min_value=1, max_value=90),
)
def test_acknowledged_at_any_moment_nothing_is_sent_after_it(
    ack_after: int, sweep_every: int
) -> None:
    """Sweeps every `sweep_every` seconds; an acknowledgement `ack_after` seconds in stops
    every page, however far the clock runs on (until the stall reminder)."""
    chain, now = rules.start(SNAP, T0), T0
    ack_at = T0 + timedelta(seconds=ack_after)
    sent_after_ack = []
    while now < T0 + timedelta(hours=3):
        if chain.state is State.PAGING and now >= ack_at:
            chain = rules.acknowledged(chain, SNAP, ack_at)
        act = rules.due(chain, now)
        if act is Act.PAGE:
            if now >= ack_at:
                sent_after_ack.append(now)
            chain = rules.paged(chain, SNAP, now)
        elif act is not None:
            # Only the stall reminder may follow an acknowledgement, and not before stall.after.
            assert act is Act.EXHAUSTED or (act is Act.REMIND and now >= ack_at + SNAP.stall_after)
            break
        now += timedelta(seconds=sweep_every)
    assert sent_after_ack == []
