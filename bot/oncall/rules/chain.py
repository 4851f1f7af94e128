"""The escalation chain, as pure rules: its steps from a policy snapshot, and what is due when.

A chain pages the primary engineer `pages` times, `wait` apart, then the backup, then the team
leads. Once acknowledged, it watches for updates: no update for `stall.after` is a reminder,
and a reminder nobody answers within `stall.answer_within` starts the chain again (a new
round). A chain ends: one `wait` after its last step if nobody acknowledged (exhausted), and
otherwise when the ticket is resolved or closed, leaves the waakdienst's set, or the desk opens
(bot.oncall.pager). The stall watch rests while the ticket waits for the customer or a third
party, and while the desk is open. The snapshot is taken when the chain starts and stored with
it, so editing the policy never changes a chain under way. Nothing here reads a clock: `now`
is always an argument.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class State(StrEnum):
    PAGING = "paging"
    ACKNOWLEDGED = "acknowledged"
    ENDED = "ended"


class Target(StrEnum):
    PRIMARY = "primary"
    BACKUP = "backup"
    LEADS = "leads"


class Via(StrEnum):
    BUTTON = "button"
    COMMAND = "command"
    PHONE = "phone"
    SELF = "self"  # the on-call engineer registered the ticket themselves


class Act(StrEnum):
    PAGE = "page"  # the paging step `step` is due
    REMIND = "remind"  # acknowledged, no update for stall.after
    RESTART = "restart"  # the reminder went unanswered: a new round
    EXHAUSTED = "exhausted"  # the last step's wait is over and nobody acknowledged: it ends


@dataclass(frozen=True, slots=True)
class Snapshot:
    wait: timedelta
    pages: int
    stall_after: timedelta
    answer_within: timedelta

    def to_json(self) -> dict[str, Any]:
        return {
            "wait": self.wait.total_seconds(),
            "pages": self.pages,
            "stall_after": self.stall_after.total_seconds(),
            "answer_within": self.answer_within.total_seconds(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        return cls(
            wait=timedelta(seconds=float(data["wait"])),
            pages=int(data["pages"]),
            stall_after=timedelta(seconds=float(data["stall_after"])),
            answer_within=timedelta(seconds=float(data["answer_within"])),
        )


@dataclass(frozen=True, slots=True)
class Step:
    index: int
    target: Target
    attempt: int  # the how-manieth page of this target (1-based)
    offset: timedelta  # from the round's start, when nobody acknowledges and no step is skipped


def steps(snap: Snapshot) -> tuple[Step, ...]:
    """A round's paging steps: primary #1 at t0, #2 at t0+wait, ..., the backup at
    t0+pages·wait, the team leads one wait later."""
    primary = tuple(Step(i, Target.PRIMARY, i + 1, i * snap.wait) for i in range(snap.pages))
    return (
        *primary,
        Step(snap.pages, Target.BACKUP, 1, snap.pages * snap.wait),
        Step(snap.pages + 1, Target.LEADS, 1, (snap.pages + 1) * snap.wait),
    )


def step_count(snap: Snapshot) -> int:
    return snap.pages + 2


def reminder_step(snap: Snapshot, reminders: int) -> int:
    """The claim index of a round's reminder number `reminders` (0-based): after the paging
    steps, so one round's claims never collide."""
    return step_count(snap) + reminders


@dataclass(frozen=True, slots=True)
class Chain:
    """What the rules need of a chain's stored state."""

    state: State
    round: int
    step: int  # the next paging step of this round
    next_due_at: datetime | None
    reminders: int = 0  # reminders sent this round
    reminded: bool = False  # a reminder awaits an answer
    last_update_at: datetime | None = None
    # Every step of this round has been sent: what falls due next is the chain's end.
    exhausted: bool = False


def start(snap: Snapshot, now: datetime, accepted: bool = False) -> Chain:
    """A new chain: paging at once, or (accepted by the engineer who registered it) watching
    for stalls, with the primary's pages counted as done, so Escaleren goes to the backup."""
    if accepted:
        return Chain(State.ACKNOWLEDGED, 1, snap.pages, now + snap.stall_after, 0, False, now)
    return Chain(State.PAGING, 1, 0, now)


def due(chain: Chain, now: datetime) -> Act | None:
    if chain.state is State.ENDED or chain.next_due_at is None or chain.next_due_at > now:
        return None
    if chain.state is State.PAGING:
        return Act.EXHAUSTED if chain.exhausted else Act.PAGE
    return Act.RESTART if chain.reminded else Act.REMIND


def paged(chain: Chain, snap: Snapshot, now: datetime) -> Chain:
    """Step `chain.step` went out now: the next follows `wait` later, and after the last one
    the chain ends `wait` later (Act.EXHAUSTED), so the team leads get their wait too. Counted
    from when it went out, not from when it was due, so after an outage the engineer still
    gets a full wait before the next step."""
    nxt = chain.step + 1
    return replace(chain, step=nxt, next_due_at=now + snap.wait, exhausted=nxt >= step_count(snap))


def skipped(chain: Chain, snap: Snapshot, now: datetime) -> Chain:
    """Step `chain.step` has nobody to page (no backup on the rota): the next one, at once."""
    nxt = chain.step + 1
    return replace(chain, step=nxt, next_due_at=now, exhausted=nxt >= step_count(snap))


def escalated(chain: Chain, snap: Snapshot, now: datetime) -> Chain | None:
    """Escaleren: at once to the first step at or after the next one whose target differs
    from the step last sent, so the engineer who asks for help is not paged again themselves
    (also from an acknowledged chain: whoever had it asks for help). None when there is no
    such step: the team leads already have it."""
    if chain.state is State.ENDED:
        return None
    all_steps = steps(snap)
    last = all_steps[chain.step - 1].target if 0 < chain.step <= len(all_steps) else None
    nxt = next((s.index for s in all_steps[chain.step :] if s.target is not last), None)
    if nxt is None:
        return None
    return replace(
        chain, state=State.PAGING, step=nxt, next_due_at=now, reminded=False, exhausted=False
    )


def acknowledged(chain: Chain, snap: Snapshot, now: datetime, waiting: bool = False) -> Chain:
    """Nothing more is paged; the stall timer starts now, unless the ticket is waiting for
    the customer or a third party (then it rests until the ticket resumes). Acknowledging
    an acknowledged chain answers its reminder."""
    return replace(
        chain,
        state=State.ACKNOWLEDGED,
        next_due_at=None if waiting else now + snap.stall_after,
        reminded=False,
        last_update_at=now,
    )


def updated(chain: Chain, snap: Snapshot, now: datetime, waiting: bool = False) -> Chain:
    """The ticket changed: for an acknowledged chain that resets the stall timer (and answers
    a reminder), or rests it while the ticket waits (nobody can move a ticket that waits for
    someone else; a resume arms it again); a chain still paging goes on paging."""
    if chain.state is not State.ACKNOWLEDGED:
        return replace(chain, last_update_at=now)
    return acknowledged(chain, snap, now, waiting)


def desk_open(chain: Chain, snap: Snapshot, closes_at: datetime) -> Chain:
    """A reminder or restart fell due while the desk is open (a chain the desk's opening did
    not end: a manual page during office hours): the desk has the ticket now, so the stall
    watch starts over when the desk closes."""
    return replace(chain, reminded=False, next_due_at=closes_at + snap.stall_after)


def reminded(chain: Chain, snap: Snapshot, now: datetime) -> Chain:
    return replace(
        chain, reminders=chain.reminders + 1, reminded=True, next_due_at=now + snap.answer_within
    )


def restarted(chain: Chain, now: datetime) -> Chain:
    """The reminder went unanswered: a new round pages from the first step, at once."""
    return Chain(State.PAGING, chain.round + 1, 0, now, 0, False, chain.last_update_at)


def ended(chain: Chain) -> Chain:
    return replace(chain, state=State.ENDED, next_due_at=None, reminded=False)
