"""The summaries' services, built from the core's pieces; bot.wiring calls `build`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.events import EventBus
from bot.outbox.dispatcher import Deliver
from bot.parts import Parts
from bot.scheduler import Background
from bot.summaries.figures import SummaryFigures
from bot.summaries.on_demand import Reports
from bot.summaries.report_delivery import ReportDelivery


@dataclass
class Summaries:
    # The figures of any period and scope (the scheduled posts and /rapport read them).
    figures: SummaryFigures
    # /rapport: the summary on demand, and its tickets as CSV.
    reports: Reports
    deliveries: dict[str, Deliver] = field(default_factory=dict)

    def subscribe(self, events: EventBus) -> None:
        pass

    def schedule(self, background: Background) -> None:
        pass


def build(parts: Parts) -> Summaries:
    figures = SummaryFigures(readers=parts.readers, policy=parts.policy, clock=parts.clock)
    reports = Reports(
        sessions=parts.sessions,
        readers=parts.readers,
        policy=parts.policy,
        clock=parts.clock,
        roles=parts.roles,
        after_commit=parts.kick,
    )
    report_delivery = ReportDelivery(client=parts.client, figures=figures, policy=parts.policy)
    return Summaries(figures=figures, reports=reports, deliveries=report_delivery.handlers())
