"""Texts of the home surface: Balie's Home tab, every agent's cockpit."""

# ruff: noqa: E501

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    "home.title": {"nl": "Balie · je overzicht", "en": "Balie · your overview"},
    "home.updated": {
        "nl": "Bijgewerkt om {at}. Dit overzicht werkt zichzelf bij als er iets verandert.",
        "en": "Updated at {at}. This overview updates itself when something changes.",
    },
    "home.new_ticket": {"nl": "Nieuw ticket", "en": "New ticket"},
    # --- the agent's own tickets ---------------------------------------------------------------
    "home.mine": {
        "nl": {"one": "*Je open ticket* (1)", "other": "*Je open tickets* ({count})"},
        "en": {"one": "*Your open ticket* (1)", "other": "*Your open tickets* ({count})"},
    },
    "home.mine_none": {
        "nl": "Je hebt geen open tickets. Pak er een met `/ticket pak NUMMER` of de knop op de kaart.",
        "en": "You have no open tickets. Take one with `/ticket take NUMBER` or the button on its card.",
    },
    "home.mine_more": {
        "nl": {
            "one": "En nog 1 ticket: `/ticket lijst mijn`.",
            "other": "En nog {count} tickets: `/ticket lijst mijn`.",
        },
        "en": {
            "one": "And 1 more ticket: `/ticket list mine`.",
            "other": "And {count} more tickets: `/ticket list mine`.",
        },
    },
    "home.ticket": {
        "nl": "{icon} *{number}* · {priority} · {customer} · {status}\n{subject}",
        "en": "{icon} *{number}* · {priority} · {customer} · {status}\n{subject}",
    },
    "home.ticket_of": {
        "nl": "{icon} *{number}* · {priority} · {customer} · {line} · {assignee}\n{subject}",
        "en": "{icon} *{number}* · {priority} · {customer} · {line} · {assignee}\n{subject}",
    },
    # --- the countdowns --------------------------------------------------------------------
    "home.clock_left": {
        "nl": "{icon}{clock}: nog {left} (deadline {deadline})",
        "en": "{icon}{clock}: {left} left (deadline {deadline})",
    },
    "home.clock_over": {
        "nl": "{icon}{clock}: {over} te laat (deadline was {deadline})",
        "en": "{icon}{clock}: {over} overdue (the deadline was {deadline})",
    },
    "home.clock_paused": {
        "nl": "{icon}{clock}: gepauzeerd, nog {left}",
        "en": "{icon}{clock}: paused, {left} left",
    },
    "home.clocks_done": {
        "nl": ":white_check_mark: Beide SLA-klokken zijn gestopt.",
        "en": ":white_check_mark: Both SLA clocks have stopped.",
    },
    # --- the lines' tickets at risk --------------------------------------------------------
    "home.risks": {
        "nl": {"one": "*SLA-risico in {lines}* (1)", "other": "*SLA-risico in {lines}* ({count})"},
        "en": {"one": "*SLA risk in {lines}* (1)", "other": "*SLA risk in {lines}* ({count})"},
    },
    "home.risks_none": {
        "nl": ":white_check_mark: Geen tickets met SLA-risico in {lines}.",
        "en": ":white_check_mark: No tickets at SLA risk in {lines}.",
    },
    "home.risks_more": {
        "nl": {
            "one": "En nog 1 ticket: `/sla alle`.",
            "other": "En nog {count} tickets: `/sla alle`.",
        },
        "en": {
            "one": "And 1 more ticket: `/sla all`.",
            "other": "And {count} more tickets: `/sla all`.",
        },
    },
    "home.no_lines": {"nl": "geen lijn", "en": "no line"},
    "home.and": {"nl": " en ", "en": " and "},
    # --- the waakdienst --------------------------------------------------------------------
    "home.oncall": {"nl": "*Waakdienst*", "en": "*On-call duty*"},
    "home.oncall_now": {
        "nl": "Nu: {who} tot {until}",
        "en": "Now: {who} until {until}",
    },
    "home.oncall_nobody": {
        "nl": ":warning: Nu heeft niemand de waakdienst. Een teamleider regelt het met `/waakdienst`.",
        "en": ":warning: Nobody is on call now. A team lead can arrange it with `/waakdienst`.",
    },
    "home.oncall_next": {
        "nl": "Daarna: {who} vanaf {start}",
        "en": "Next: {who} from {start}",
    },
    "home.oncall_backup": {
        "nl": "Reserve: {who}",
        "en": "Backup: {who}",
    },
    # --- the desk's totals (team leads) ----------------------------------------------------
    "home.desk": {"nl": "*De hele desk*", "en": "*The whole desk*"},
    "home.desk_open": {
        "nl": {"one": "*1 open ticket*", "other": "*{count} open tickets*"},
        "en": {"one": "*1 open ticket*", "other": "*{count} open tickets*"},
    },
    "home.desk_by_priority": {"nl": "*Per prioriteit*\n{rows}", "en": "*By priority*\n{rows}"},
    "home.desk_by_line": {"nl": "*Per lijn*\n{rows}", "en": "*By line*\n{rows}"},
    "home.desk_row": {"nl": "{label}: {n}", "en": "{label}: {n}"},
    "home.desk_risk": {
        "nl": ":warning: *Met SLA-risico*: {at_risk}\n:rotating_light: *Overschreden*: {breached}",
        "en": ":warning: *At SLA risk*: {at_risk}\n:rotating_light: *Breached*: {breached}",
    },
    # --- someone who is not on the desk --------------------------------------------------
    "home.outsider": {
        "nl": "Balie is de servicedesk van Korton. Je hoort nog niet bij de desk; vraag een teamleider om je toe te voegen.",
        "en": "Balie is Korton's service desk. You are not on the desk yet; ask a team lead to add you.",
    },
}
