"""The summaries' services, built from the core's pieces; bot.wiring calls `build`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.events import EventBus
from bot.outbox.dispatcher import Deliver
from bot.outbox.slack_lookup import Lookup
from bot.parts import Parts
from bot.scheduler import Background
from bot.summaries.delivery import SummaryDelivery
from bot.summaries.figures import SummaryFigures
from bot.summaries.on_demand import Reports
from bot.summaries.poster import SummaryPoster
from bot.summaries.report_delivery import ReportDelivery

# The sweep looks every 30 s whether a summary is due; claims keep replicas apart.
SWEEP_SECONDS = 30.0


@dataclass
class Summaries:
    # The figures of any period and scope (the scheduled posts and /rapport read them).
    figures: SummaryFigures
    # Claims and enqueues the scheduled summaries.
    poster: SummaryPoster
    # /rapport: the summary on demand, and its tickets as CSV.
    reports: Reports
    deliveries: dict[str, Deliver] = field(default_factory=dict)

    def subscribe(self, events: EventBus) -> None:
        pass

    def schedule(self, background: Background) -> None:
        background.add_periodic("summaries", self.poster.sweep, seconds=SWEEP_SECONDS)


def build(parts: Parts) -> Summaries:
    figures = SummaryFigures(readers=parts.readers, policy=parts.policy, clock=parts.clock)
    poster = SummaryPoster(
        sessions=parts.sessions,
        readers=parts.readers,
        policy=parts.policy,
        clock=parts.clock,
        after_commit=parts.kick,
    )
    reports = Reports(
        sessions=parts.sessions,
        readers=parts.readers,
        policy=parts.policy,
        clock=parts.clock,
        roles=parts.roles,
        after_commit=parts.kick,
    )
    delivery = SummaryDelivery(
        client=parts.client, figures=figures, policy=parts.policy, lookup=Lookup(parts.client)
    )
    report_delivery = ReportDelivery(client=parts.client, figures=figures, policy=parts.policy)
    return Summaries(
        figures=figures,
        poster=poster,
        reports=reports,
        deliveries={**delivery.handlers(), **report_delivery.handlers()},
    )
