"""The chart of a summary, drawn with matplotlib, and what it shows in words.

The object API with the Agg canvas (FigureCanvasAgg), never pyplot: no global figure state, so
deliveries on several threads can draw at once, and no display is needed. 1000x500 px PNG.

What it shows:
- a period of several days: the open tickets at the end of each day (a line) and the breaches
  per day (bars);
- a single day: the open tickets per priority, now and at the end of the period before;
- the month: the days on the left, and the share of SLA clocks met per tier on the right.
The alt text says the same with the numbers, for screen readers and anyone without the picture.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.directory.words import tier_label
from bot.i18n import t
from bot.i18n.summaries import CLOCK_KEYS
from bot.summaries import wording as w
from bot.summaries.model import CLOCKS, RESOLUTION, RESPONSE, ClockCounts, Summary, SummaryKind

WIDTH, HEIGHT, DPI = 10, 5, 100  # inches at 100 dpi: 1000x500 px
BACKLOG_COLOUR = "#1d4f91"  # Balie's own blue (the manifest's background colour)
BREACH_COLOUR = "#c62828"
BEFORE_COLOUR = "#9e9e9e"
CLOCK_COLOURS = {RESPONSE: "#1d4f91", RESOLUTION: "#5c9ad6"}
TIERS = ("gold", "silver", "bronze")
ALT_TEXT = 2000  # Slack's limit for an image's alt text


@dataclass(frozen=True)
class Chart:
    png: bytes
    filename: str
    title: str
    # What the chart shows, in words: Slack's alt text, and the text for anyone without it.
    alt: str


def draw(summary: Summary, lang: str) -> Chart:
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    FigureCanvasAgg(figure)
    titles: list[str] = []
    alts: list[str] = []
    by_day = len(summary.current.days) >= 2
    if summary.kind is SummaryKind.MONTH and summary.current.compliance:
        left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
        _panel(left, summary, lang, by_day, titles, alts)
        titles.append(_compliance(right, summary, lang))
        alts.append(_compliance_alt(summary, lang))
    else:
        _panel(figure.subplots(), summary, lang, by_day, titles, alts)
    figure.tight_layout()
    out = io.BytesIO()
    # No Software tag: the same figures give the same bytes, whatever the matplotlib version.
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return Chart(
        png=out.getvalue(),
        filename=w.filename(summary, lang, "png"),
        title=" · ".join(titles),
        alt=w.fit_plain(" ".join(alts), ALT_TEXT),
    )


def _panel(
    axes: Axes, summary: Summary, lang: str, by_day: bool, titles: list[str], alts: list[str]
) -> None:
    if by_day:
        titles.append(_days(axes, summary, lang))
        alts.append(_days_alt(summary, lang))
    else:
        titles.append(_priorities(axes, summary, lang))
        alts.append(_priorities_alt(summary, lang))


def _days(axes: Axes, summary: Summary, lang: str) -> str:
    days = summary.current.days
    x = list(range(len(days)))
    title = t(lang, "summary.chart.title.days")
    axes.bar(
        x,
        [d.breaches for d in days],
        color=BREACH_COLOUR,
        width=0.6,
        label=t(lang, "summary.chart.breaches"),
    )
    axes.plot(
        x,
        [d.backlog for d in days],
        color=BACKLOG_COLOUR,
        marker="o",
        linewidth=2,
        label=t(lang, "summary.chart.backlog"),
    )
    # At most about fifteen date labels, so a month's stay readable.
    step = max(1, (len(days) + 14) // 15)
    axes.set_xticks(x[::step], [d.day.strftime("%d-%m") for d in days][::step])
    axes.set_ylabel(t(lang, "summary.chart.count"))
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(title)
    axes.legend(loc="upper left")
    axes.grid(axis="y", alpha=0.3)
    return title


def _days_alt(summary: Summary, lang: str) -> str:
    days = summary.current.days
    return t(
        lang,
        "summary.chart.alt.days",
        first=w.day(days[0].day),
        last=w.day(days[-1].day),
        backlog=", ".join(w.number(d.backlog, lang) for d in days),
        breaches=", ".join(w.number(d.breaches, lang) for d in days),
    )


def _priority_keys(summary: Summary) -> list[str]:
    now, before = summary.current.open_by_priority, summary.previous.open_by_priority
    return sorted(set(now) | set(before))


def _priorities(axes: Axes, summary: Summary, lang: str) -> str:
    keys = _priority_keys(summary)
    now, before = summary.current.open_by_priority, summary.previous.open_by_priority
    x = list(range(len(keys)))
    title = t(lang, "summary.chart.title.priority")
    axes.bar(
        [i - 0.2 for i in x],
        [before.get(k, 0) for k in keys],
        width=0.4,
        color=BEFORE_COLOUR,
        label=t(lang, "summary.chart.before"),
    )
    axes.bar(
        [i + 0.2 for i in x],
        [now.get(k, 0) for k in keys],
        width=0.4,
        color=BACKLOG_COLOUR,
        label=t(lang, "summary.chart.now"),
    )
    axes.set_xticks(x, keys)
    axes.set_ylabel(t(lang, "summary.chart.count"))
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(title)
    axes.legend(loc="upper right")
    axes.grid(axis="y", alpha=0.3)
    return title


def _priorities_alt(summary: Summary, lang: str) -> str:
    now, before = summary.current.open_by_priority, summary.previous.open_by_priority
    rows = [
        t(
            lang,
            "summary.chart.alt.priority_row",
            priority=k,
            now=w.number(now.get(k, 0), lang),
            before=w.number(before.get(k, 0), lang),
        )
        for k in _priority_keys(summary)
    ]
    return t(lang, "summary.chart.alt.priority", rows=", ".join(rows) or t(lang, "summary.none"))


def _tiers(summary: Summary) -> list[str]:
    known = summary.current.compliance
    return [x for x in TIERS if x in known] + sorted(set(known) - set(TIERS))


def _compliance(axes: Axes, summary: Summary, lang: str) -> str:
    tiers = _tiers(summary)
    x = list(range(len(tiers)))
    title = t(lang, "summary.chart.title.compliance")
    for offset, clock in ((-0.2, RESPONSE), (0.2, RESOLUTION)):
        rates = [summary.current.compliance[tier].get(clock, ClockCounts()).rate for tier in tiers]
        bars = axes.bar(
            [i + offset for i in x],
            [float(r) * 100 if r is not None else 0 for r in rates],
            width=0.4,
            color=CLOCK_COLOURS[clock],
            label=t(lang, CLOCK_KEYS[clock]),
        )
        axes.bar_label(bars, labels=[w.percent(r, lang) for r in rates], fontsize=8)
    axes.set_xticks(x, [tier_label(tier, lang) for tier in tiers])
    # Room above 100% for the labels and the legend.
    axes.set_ylim(0, 120)
    axes.set_yticks([0, 20, 40, 60, 80, 100])
    axes.set_ylabel(t(lang, "summary.chart.percent"))
    axes.set_title(title)
    axes.legend(loc="upper center", ncol=2)
    axes.grid(axis="y", alpha=0.3)
    return title


def _compliance_alt(summary: Summary, lang: str) -> str:
    rows = []
    for tier in _tiers(summary):
        counts = summary.current.compliance[tier]
        rate = {c: w.percent(counts.get(c, ClockCounts()).rate, lang) for c in CLOCKS}
        rows.append(
            t(
                lang,
                "summary.chart.alt.compliance_row",
                tier=tier_label(tier, lang),
                response=rate[RESPONSE],
                resolution=rate[RESOLUTION],
            )
        )
    return t(lang, "summary.chart.alt.compliance", rows="; ".join(rows))
