"""The rota's outbox deliveries: handover DMs and lines, the user group, the gap report."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.oncall.blocks import rota as render
from bot.oncall.rota import Rota
from bot.oncall.rota_payloads import RotaGaps, RotaHandover, RotaUserGroup
from bot.oncall.rules.rota import Gap, Which
from bot.outbox.dispatcher import Deliver, Retry
from bot.outbox.slack_call import SlackError, call, open_dm
from bot.outbox.slack_lookup import POST_EVENT
from bot.policy import Policy
from bot.tickets.delivery import SlackDelivery
from storage.models import OutboxItem

log = logging.getLogger(__name__)


class RotaDelivery:
    def __init__(
        self,
        *,
        client: WebClient,
        slack: SlackDelivery,
        rota: Rota,
        policy: Policy,
        clock: Clock,
        lang_of: Callable[[str], str],
    ) -> None:
        self.client = client
        self.slack = slack
        self.rota = rota
        self.policy = policy
        self.clock = clock
        self.lang_of = lang_of
        self._group: str | None = None
        self._lock = threading.Lock()

    def handlers(self) -> dict[str, Deliver]:
        return {
            RotaHandover.kind: self.handover,
            RotaUserGroup.kind: self.usergroup,
            RotaGaps.kind: self.gaps,
        }

    def handover(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = RotaHandover.of(item)
        which = Which(p.which)
        if p.where == "dm":
            text = render.handover_dm(which, p.start, p.end, self.lang_of(p.user))
            dm = open_dm(self.client, p.user)
            self.slack.post_once(item, POST_EVENT, None, channel=dm, text=text)
            return
        text = render.handover_line(which, p.user, p.start, p.end, self.policy.language)
        self.slack.post_once(
            item, POST_EVENT, None, channel=self.policy.channels.team_leads, text=text
        )

    def gaps(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = RotaGaps.of(item)
        gaps = [Gap(s, e, Which.PRIMARY) for s, e in p.gaps]
        gaps += [Gap(s, e, Which.BACKUP) for s, e in p.backup]
        text = render.gap_report(gaps, self.policy.language)
        self.slack.post_once(
            item, POST_EVENT, None, channel=self.policy.channels.team_leads, text=text
        )

    def usergroup(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        """The group holds whoever is on call now (read at delivery, overrides applied)."""
        user = self.rota.targets(self.clock.now()).primary
        if user is None:
            # Slack keeps a group at one member at least; the gap report tells the leads.
            log.info("rota: nobody on call now; the user group is left as it is")
            return
        group = self._group_id()
        try:
            answer = call(self.client.usergroups_users_update, usergroup=group, users=[user])
        except SlackError as exc:
            if exc.error != "no_such_subteam":
                raise
            # Someone removed the group: make it again on the retry.
            with self._lock:
                self._group = None
            raise Retry("the waakdienst's user group is gone") from None
        if (answer.get("usergroup") or {}).get("date_delete"):
            # Disabled since Balie found it (in Slack's settings): @waakdienst would reach
            # nobody.
            self._enable(group)

    def _group_id(self) -> str:
        with self._lock:
            if self._group is not None:
                return self._group
        handle = self.policy.waakdienst.usergroup
        answer = call(self.client.usergroups_list, include_disabled=True)
        group = next((g for g in answer.get("usergroups") or [] if g.get("handle") == handle), None)
        if group is None:
            made = call(self.client.usergroups_create, name=handle, handle=handle)
            found = str(made["usergroup"]["id"])
            log.info("rota: made the user group @%s (%s)", handle, found)
        else:
            found = str(group["id"])
            if group.get("date_delete"):
                # A disabled group keeps its handle, but @waakdienst then pings nobody.
                self._enable(found)
        with self._lock:
            self._group = found
        return found

    def _enable(self, group: str) -> None:
        call(self.client.usergroups_enable, usergroup=group)
        log.info(
            "rota: enabled the disabled user group @%s (%s)",
            self.policy.waakdienst.usergroup,
            group,
        )
