"""The waakdienst's figures on /metrics: pages sent, acknowledged and escalated, and how long an
acknowledgement took. Counted from the chains' own tables, so every replica agrees."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily, Metric
from sqlalchemy.orm import Session

from storage import metrics as store

# Seconds; the chain escalates every 5 minutes by default, so the buckets straddle its steps.
ACK_BUCKETS = (30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1200.0, 1800.0, 3600.0)
# Steps that went past the on-call engineer: the backup, the team leads.
ESCALATIONS = ("backup", "leads")


def page_metrics(session: Session, now: datetime) -> Iterator[Metric]:
    steps = store.page_steps(session=session)
    sent = CounterMetricFamily(
        "balie_pages_sent",
        "Page steps sent, per target (primary, backup, leads, reminder)",
        labels=["target"],
    )
    for target, count in sorted(steps.items()):
        sent.add_metric([target], count)
    escalated = CounterMetricFamily(
        "balie_pages_escalated", "Page steps that went past the on-call engineer"
    )
    escalated.add_metric([], sum(steps.get(k, 0) for k in ESCALATIONS))
    acks = store.acknowledgements(session=session)
    acknowledged = CounterMetricFamily(
        "balie_pages_acknowledged",
        "Acknowledgements, per way (button, command, phone), a reminder's answer included",
        labels=["via"],
    )
    for via, count in sorted(acks.items()):
        acknowledged.add_metric([via], count)
    seconds = store.times_to_acknowledge(session=session)
    buckets = [(str(b), sum(1 for s in seconds if s <= b)) for b in ACK_BUCKETS]
    histogram = HistogramMetricFamily(
        "balie_page_time_to_acknowledge_seconds",
        "From a round's first page to its first acknowledgement",
        buckets=[*buckets, ("+Inf", len(seconds))],
        sum_value=sum(seconds),
    )
    yield from (sent, escalated, acknowledged, histogram)
