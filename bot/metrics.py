"""GET /metrics (Prometheus text format): what an operator watches to trust the pager.

Every figure is read from the database at scrape time by collectors that the slices contribute
(the outbox here; the SLA and the waakdienst add theirs in the wiring). So any web worker or
replica answers a scrape with the same numbers, with no metrics store shared between
processes, and a counter survives a restart because it is a count of rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from storage import metrics as store

# A source reads its figures in the scrape's read transaction, at the scrape's moment.
Source = Callable[[Session, datetime], Iterable[Metric]]


def outbox_metrics(session: Session, now: datetime) -> Iterator[Metric]:
    backlog = GaugeMetricFamily(
        "balie_outbox_backlog", "Side effects not yet delivered, per kind", labels=["kind"]
    )
    oldest = GaugeMetricFamily(
        "balie_outbox_oldest_seconds",
        "Age of the oldest undelivered side effect, per kind",
        labels=["kind"],
    )
    retrying = GaugeMetricFamily(
        "balie_outbox_retrying",
        "Undelivered side effects whose delivery failed at least once, per kind",
        labels=["kind"],
    )
    for row in store.outbox_backlog(session=session):
        backlog.add_metric([row.kind], row.pending)
        retrying.add_metric([row.kind], row.retrying)
        if row.oldest is not None:
            oldest.add_metric([row.kind], max(0.0, (now - row.oldest).total_seconds()))
    failed = GaugeMetricFamily(
        "balie_outbox_failed",
        "Side effects given up on after their retries (see `python -m bot outbox`), per kind",
        labels=["kind"],
    )
    for kind, count in store.outbox_failed(session=session).items():
        failed.add_metric([kind], count)
    yield from (backlog, oldest, retrying, failed)


class _FromDatabase(Collector):
    def __init__(self, readers: sessionmaker[Session], clock: Clock, sources: list[Source]):
        self.readers, self.clock, self.sources = readers, clock, sources

    def collect(self) -> Iterator[Metric]:
        now = self.clock.now()
        with self.readers() as session:
            for source in self.sources:
                yield from list(source(session, now))


class Metrics:
    def __init__(
        self, *, readers: sessionmaker[Session], clock: Clock, sources: Iterable[Source] = ()
    ) -> None:
        self.sources: list[Source] = [outbox_metrics, *sources]
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(_FromDatabase(readers, clock, self.sources))

    def add(self, source: Source) -> None:
        self.sources.append(source)

    def render(self) -> tuple[bytes, str]:
        """The exposition and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
