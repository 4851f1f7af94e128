"""The SLA's figures on /metrics: warnings and breaches announced, per clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from prometheus_client.core import CounterMetricFamily, Metric
from sqlalchemy.orm import Session

from storage import metrics as store


def sla_metrics(session: Session, now: datetime) -> Iterator[Metric]:
    warnings = CounterMetricFamily(
        "balie_sla_warnings",
        "SLA warning thresholds passed (75 %, 90 %, ...), per clock",
        labels=["clock"],
    )
    breaches = CounterMetricFamily(
        "balie_sla_breaches", "SLA breaches announced, per clock", labels=["clock"]
    )
    for (clock, breach), count in sorted(store.sla_announcements(session=session).items()):
        (breaches if breach else warnings).add_metric([clock], count)
    yield from (warnings, breaches)
