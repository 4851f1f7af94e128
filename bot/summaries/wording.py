"""How a summary writes its numbers, periods and scope, in the reader's language.

Shared by the blocks, the chart and /rapport, so the message, the picture and its alt text say
the same thing the same way. Pure: no Slack, no database.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction

from bot.clock import AMSTERDAM
from bot.i18n import t
from bot.i18n.summaries import FILE_KEYS, HEADER_KEYS, MONTH_KEYS
from bot.policy import Policy
from bot.summaries.model import Period, Scope, Summary, SummaryKind

MINUS = "−"  # a real minus sign: "-3" reads as a dash next to a number


def number(n: int, lang: str) -> str:
    """1234 -> "1.234" in Dutch, "1,234" in English."""
    text = f"{abs(n):,}"
    if lang == "nl":
        text = text.replace(",", ".")
    return (MINUS if n < 0 else "") + text


def signed(n: int, lang: str) -> str:
    """A change: "+3", "−2", "±0"."""
    if n == 0:
        return "±0"
    return ("+" if n > 0 else MINUS) + number(abs(n), lang)


def count(now: int, before: int, lang: str) -> str:
    """A figure against the previous period: "12 (+3)"."""
    return f"{number(now, lang)} ({signed(now - before, lang)})"


def _decimal(value: float, lang: str) -> str:
    """One decimal, without a trailing ",0": 92.5 -> "92,5", 100.0 -> "100"."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", ",") if lang == "nl" else text


def percent(rate: Fraction | None, lang: str) -> str:
    """Dutch style: "92,5%"; no decided clocks: "n.v.t."."""
    if rate is None:
        return t(lang, "summary.no_rate")
    return f"{_decimal(float(rate) * 100, lang)}%"


def percent_change(now: Fraction | None, before: Fraction | None, lang: str) -> str:
    """A rate against the previous period: "92,5% (+2,5 %-punt)"; no comparison when either
    period decided no clock."""
    shown = percent(now, lang)
    if now is None or before is None:
        return shown
    points = float(now - before) * 100
    if round(points, 1) == 0:
        return f"{shown} (±0)"
    sign = "+" if points > 0 else MINUS
    unit = "%-punt" if lang == "nl" else "pts"
    return f"{shown} ({sign}{_decimal(abs(points), lang)} {unit})"


def duration(value: timedelta | None, lang: str) -> str:
    """Hours and minutes, "2u15" (business hours when on the calendar); none: "n.v.t."."""
    if value is None:
        return t(lang, "summary.no_rate")
    minutes = round(abs(value.total_seconds()) / 60)
    sign = MINUS if value < timedelta(0) else ""
    return t(lang, "summary.duration", sign=sign, h=minutes // 60, m=minutes % 60)


def duration_change(now: timedelta | None, before: timedelta | None, lang: str) -> str:
    shown = duration(now, lang)
    if now is None or before is None:
        return shown
    change = now - before
    if abs(change) < timedelta(minutes=1):
        return f"{shown} (±0)"
    plus = "+" if change > timedelta(0) else ""
    return f"{shown} ({plus}{duration(change, lang)})"


def day(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def last_day(period: Period) -> date:
    """The last calendar day the period touches (its end is exclusive)."""
    return (period.end - timedelta(microseconds=1)).astimezone(AMSTERDAM).date()


def first_day(period: Period) -> date:
    return period.start.astimezone(AMSTERDAM).date()


def span(period: Period, lang: str) -> str:
    """ "01-12-2026", or "28-11-2026 t/m 01-12-2026" for a period of several days."""
    first, last = first_day(period), last_day(period)
    if first >= last:
        return day(last)
    return t(lang, "summary.span", first=day(first), last=day(last))


def moment(at: datetime) -> str:
    return at.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")


def scope_label(scope: Scope, policy: Policy, lang: str) -> str:
    """ "hele desk", "2e lijn", "klant ACME", "2e lijn · klant ACME"."""
    parts = []
    if scope.line is not None:
        parts.append(
            policy.line(scope.line).label(lang)
            if scope.line in policy.routing.lines
            else str(scope.line)
        )
    if scope.customer is not None:
        parts.append(t(lang, "summary.scope.customer", code=scope.customer))
    return " · ".join(parts) if parts else t(lang, "summary.scope.desk")


def title(summary: Summary, policy: Policy, lang: str) -> str:
    """The heading: "Dagoverzicht · 2e lijn · 01-12-2026"."""
    return title_of(summary.kind, summary.scope, summary.period, policy, lang)


def title_of(kind: SummaryKind, scope: Scope, period: Period, policy: Policy, lang: str) -> str:
    shown = scope_label(scope, policy, lang)
    if kind is SummaryKind.WEEK:
        first = first_day(period)
        week = f"{first.isocalendar().week} ({span(period, lang)})"
        return t(lang, HEADER_KEYS["week"], scope=shown, week=week)
    if kind is SummaryKind.MONTH:
        first, last = first_day(period), last_day(period)
        if (first.year, first.month) == (last.year, last.month):
            month = t(lang, MONTH_KEYS[first.month - 1], year=first.year)
        else:
            month = span(period, lang)
        return t(lang, HEADER_KEYS["month"], scope=shown, month=month)
    return t(lang, HEADER_KEYS[kind.value], scope=shown, span=span(period, lang))


def filename(summary: Summary, lang: str, extension: str) -> str:
    """Unique per kind, scope and period end, so that an uncertain retry of an upload finds
    its own file in files.list: "balie-dag-2026-12-01-1730-lijn-2.png"."""
    return filename_of(summary.kind, summary.scope, summary.period, lang, extension)


def filename_of(
    kind: SummaryKind, scope: Scope, period: Period, lang: str, extension: str, tail: str = ""
) -> str:
    """The one way a summary's file is named (the chart, the post's chart, the CSV): a day by
    the moment it ends, a week by its ISO week, a month by its month, as the team leads look
    for them in Slack's files ("balie-week-2026-w49-desk.png"); `tail` makes it unique per
    post or request (the channel, the outbox row)."""
    if kind is SummaryKind.WEEK:
        year, week, _ = last_day(period).isocalendar()
        label = f"{year}-w{week:02d}"
    elif kind is SummaryKind.MONTH:
        label = f"{last_day(period):%Y-%m}"
    else:
        label = period.end.astimezone(AMSTERDAM).strftime("%Y-%m-%d-%H%M")
    parts = ["balie", t(lang, FILE_KEYS[kind.value]), label]
    if scope.line is not None:
        parts.append(t(lang, "summary.file.line", line=scope.line))
    if scope.customer is not None:
        parts.append(scope.customer.lower())
    if scope.line is None and scope.customer is None:
        parts.append(t(lang, "summary.file.desk"))
    if tail:
        parts.append(tail)
    return "-".join(parts) + "." + extension


def fit_plain(text: str, limit: int) -> str:
    """Plain text (no Slack markup) cut to `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
