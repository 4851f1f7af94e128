"""The Home tab as Block Kit: pure functions of a Cockpit, in the reader's language.

Within Slack's limits: a Home view holds at most 100 blocks; it lists at most
bot.home.rules.MINE_SHOWN + RISKS_SHOWN tickets (one block each) plus some twenty of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.blocks.ids import ActionId, BlockId
from bot.blocks.text import (
    CONTEXT_TEXT,
    FIELD_TEXT,
    HEADER_TEXT,
    SECTION_TEXT,
    Raw,
    clip,
    fit,
    mention,
    tr,
    trn,
    when,
)
from bot.home.cockpit import Cockpit, Item, OnCallNow
from bot.home.rules import Countdown
from bot.i18n import t, tn, word
from bot.i18n.sla import CLOCK_KEYS
from bot.oncall.rules.rota import Which
from bot.policy import Policy
from bot.sla.rules import ClockState
from bot.tickets.blocks import vocabulary as voc
from storage.home import Totals

_PRIORITY_ICON = {0: ":red_circle:", 1: ":large_orange_circle:", 2: ":large_yellow_circle:"}
_CLOCK_ICON = {
    ClockState.BREACHED: ":rotating_light: ",
    ClockState.PAUSED: ":double_vertical_bar: ",
}
_WARN = ":warning: "
_SUBJECT = 150


def home(c: Cockpit, policy: Policy, lang: str, *, warn_from: int) -> dict[str, Any]:
    """The view for views.publish. `warn_from`: the first warning threshold (percent), from
    which a countdown carries a warning sign."""
    blocks: list[Block] = [
        HeaderBlock(text=fit(t(lang, "home.title"), HEADER_TEXT)),
        _context(tr(lang, "home.updated", at=when(c.at))),
    ]
    if not c.staff:
        blocks.append(_section(t(lang, "home.outsider")))
        return View(type="home", blocks=blocks).to_dict()
    blocks.append(
        ActionsBlock(
            block_id=BlockId.HOME_ACTIONS.value,
            elements=[
                ButtonElement(
                    action_id=ActionId.HOME_NEW_TICKET.value,
                    text=t(lang, "home.new_ticket"),
                    style="primary",
                )
            ],
        )
    )
    blocks += _mine(c, policy, lang, warn_from)
    blocks += _risks(c, policy, lang, warn_from)
    if c.oncall is not None:
        blocks += [DividerBlock(), _section(_oncall(c.oncall, lang))]
    if c.totals is not None:
        blocks += [DividerBlock(), *_desk(c.totals, policy, lang)]
    return View(type="home", blocks=blocks).to_dict()


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=fit(text, SECTION_TEXT)))


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=fit(text, CONTEXT_TEXT))])


def _icon(policy: Policy, priority: str) -> str:
    order = policy.priority_order
    return _PRIORITY_ICON.get(order.index(priority) if priority in order else 9, ":white_circle:")


def duration(d: timedelta, lang: str, *, up: bool = False) -> str:
    """Hours and minutes; `up` rounds a part of a minute up (time left: "nog 0u01" until the
    deadline itself, never "nog 0u00" while there is time)."""
    seconds = abs(d).total_seconds()
    minutes = int(-(-seconds // 60) if up else seconds // 60)
    h, m = divmod(minutes, 60)
    return t(lang, "duration", sign="", h=h, m=m)


def countdown(c: Countdown, lang: str, warn_from: int) -> str:
    clock = word(lang, CLOCK_KEYS, c.kind.value)
    icon = _CLOCK_ICON.get(c.state, _WARN if c.percent >= warn_from else "")
    if c.state is ClockState.PAUSED:
        return t(
            lang,
            "home.clock_paused",
            icon=icon,
            clock=clock,
            left=duration(c.remaining, lang, up=True),
        )
    deadline = when(c.deadline) if c.deadline else t(lang, "sla.no_deadline")
    if c.remaining < timedelta(0) or c.state is ClockState.BREACHED:
        return t(
            lang,
            "home.clock_over",
            icon=icon,
            clock=clock,
            over=duration(c.remaining, lang),
            deadline=deadline,
        )
    return t(
        lang,
        "home.clock_left",
        icon=icon,
        clock=clock,
        left=duration(c.remaining, lang, up=True),
        deadline=deadline,
    )


def _clocks(item: Item, lang: str, warn_from: int) -> str:
    live = [c for c in item.clocks if c.live]
    if not live:
        return t(lang, "home.clocks_done")
    return "\n".join(countdown(c, lang, warn_from) for c in live)


def _ticket(item: Item, policy: Policy, lang: str, warn_from: int, *, mine: bool) -> SectionBlock:
    v = item.ticket
    common = {
        "icon": Raw(_icon(policy, v.priority)),
        "number": v.number,
        "priority": voc.priority_label(policy, v.priority, lang),
        "customer": v.customer_name,
        "subject": Raw(clip(v.subject, _SUBJECT)),
    }
    if mine:
        head = tr(lang, "home.ticket", status=voc.status_label(v.status, lang), **common)
    else:
        head = tr(
            lang,
            "home.ticket_of",
            line=voc.line_label(policy, v.line, lang),
            assignee=mention(v.assignee, lang),
            **common,
        )
    return _section(f"{head}\n{_clocks(item, lang, warn_from)}")


def _mine(c: Cockpit, policy: Policy, lang: str, warn_from: int) -> list[Block]:
    blocks: list[Block] = [DividerBlock(), _section(tn(lang, "home.mine", c.mine_total))]
    if not c.mine:
        return [*blocks, _context(t(lang, "home.mine_none"))]
    blocks += [_ticket(i, policy, lang, warn_from, mine=True) for i in c.mine]
    if c.mine_total > len(c.mine):
        blocks.append(_context(tn(lang, "home.mine_more", c.mine_total - len(c.mine))))
    return blocks


def lines_text(lines: Sequence[int], policy: Policy, lang: str) -> str:
    labels = [voc.line_label(policy, n, lang) for n in sorted(lines)]
    if not labels:
        return t(lang, "home.no_lines")
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + t(lang, "home.and") + labels[-1]


def _risks(c: Cockpit, policy: Policy, lang: str, warn_from: int) -> list[Block]:
    lines = lines_text(sorted(c.lines), policy, lang)
    if not c.risks:
        return [DividerBlock(), _section(tr(lang, "home.risks_none", lines=lines))]
    blocks: list[Block] = [
        DividerBlock(),
        _section(trn(lang, "home.risks", c.risks_total, lines=lines)),
    ]
    blocks += [_ticket(i, policy, lang, warn_from, mine=False) for i in c.risks]
    if c.risks_total > len(c.risks):
        blocks.append(_context(tn(lang, "home.risks_more", c.risks_total - len(c.risks))))
    return blocks


def _oncall(o: OnCallNow, lang: str) -> str:
    rows = [t(lang, "home.oncall")]
    now, upcoming = o.now.get(Which.PRIMARY), o.next.get(Which.PRIMARY)
    if now is None:
        rows.append(t(lang, "home.oncall_nobody"))
    else:
        rows.append(tr(lang, "home.oncall_now", who=mention(now.user, lang), until=when(now.end)))
    backup = o.now.get(Which.BACKUP)
    if backup is not None:
        rows.append(tr(lang, "home.oncall_backup", who=mention(backup.user, lang)))
    if upcoming is not None and upcoming.user is not None:
        rows.append(
            tr(
                lang,
                "home.oncall_next",
                who=mention(upcoming.user, lang),
                start=when(upcoming.start),
            )
        )
    return "\n".join(rows)


def _desk(totals: Totals, policy: Policy, lang: str) -> list[Block]:
    by_priority = "\n".join(
        tr(
            lang,
            "home.desk_row",
            label=voc.priority_label(policy, p, lang),
            n=totals.by_priority.get(p, 0),
        )
        for p in policy.priority_order
    )
    by_line = "\n".join(
        tr(
            lang,
            "home.desk_row",
            label=voc.line_label(policy, line, lang),
            n=totals.by_line.get(line, 0),
        )
        for line in sorted(policy.routing.lines)
    )
    return [
        _section(t(lang, "home.desk")),
        SectionBlock(
            text=MarkdownTextObject(text=tn(lang, "home.desk_open", totals.open)),
            fields=[
                MarkdownTextObject(
                    text=fit(t(lang, "home.desk_by_priority", rows=by_priority), FIELD_TEXT)
                ),
                MarkdownTextObject(
                    text=fit(t(lang, "home.desk_by_line", rows=by_line), FIELD_TEXT)
                ),
            ],
        ),
        _section(t(lang, "home.desk_risk", at_risk=totals.at_risk, breached=totals.breached)),
    ]
