"""Billable work's facts as outbox deliveries, rendered from the database when they are sent:
the referral e-mail to the contact (rule 2), and the account manager's e-mail and direct
message, or the team leads' message, about missing basic knowledge (rule 3).

The two Slack posts carry the outbox row's id in their metadata, and a retry of an uncertain
row (Slack gave no answer, or a 5xx) first looks for the post an earlier attempt made
(bot.outbox.slack_lookup), so the account manager and the team leads are told once. A DM is
posted to the conversation id conversations.open gives (D…), the channel a look-up reads.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot import logs
from bot.billing import account_manager as managers
from bot.billing.facts_payloads import KnowledgeDM, KnowledgeLeads, KnowledgeMail, ReferralMail
from bot.blocks.text import tr, when
from bot.i18n import t
from bot.outbox.dispatcher import Deliver
from bot.outbox.slack_call import call, open_dm
from bot.outbox.slack_lookup import POST_EVENT, Lookup, metadata
from bot.outbox.smtp import OutgoingMail, Send
from bot.policy import Policy
from bot.tickets import mail as ticket_mail
from bot.tickets.views import TicketView
from storage import billing_facts as store
from storage import tickets as ticket_store
from storage.models import Customer, OutboxItem, TrainingNotice


class FactsDelivery:
    def __init__(
        self,
        *,
        readers: sessionmaker[Session],
        policy: Policy,
        client: WebClient,
        send: Send,
        lang_of: Callable[[str], str],
        lookup: Lookup,
    ) -> None:
        self.readers = readers
        self.policy = policy
        self.lang = policy.language
        self.client = client
        self.send = send
        self.lang_of = lang_of
        self.lookup = lookup

    def handlers(self) -> dict[str, Deliver]:
        return {
            ReferralMail.kind: self.referral_mail,
            KnowledgeMail.kind: self.knowledge_mail,
            KnowledgeDM.kind: self.knowledge_dm,
            KnowledgeLeads.kind: self.knowledge_leads,
        }

    def referral_mail(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = ReferralMail.of(item)
        with self.readers() as session:
            referral = store.get_referral(session=session, referral_id=p.referral_id)
            if referral is None:
                return
            ticket = ticket_store.get_by_id(session=session, ticket_id=referral.ticket_id)
            if ticket is None:
                return
            view = TicketView.of(ticket)
            reference = referral.reference
        logs.note(**{logs.TICKET: view.number})
        # Plain text, as every e-mail to a customer: nothing here is Slack markup.
        middle = t(self.lang, "facts.mail.referral", number=view.number, reference=reference)
        body = (
            f"{t(self.lang, 'mail.greeting', name=view.contact_name)}\n\n{middle}\n\n"
            f"{t(self.lang, 'mail.signature')}\n"
        )
        self.send(
            OutgoingMail(
                to=view.contact_email,
                subject=ticket_mail.subject(view.number, view.subject),
                body=body,
                ticket=view.number,
                row_id=item.id,
                created_at=item.created_at,
            )
        )

    def _notice(self, notice_id: int) -> tuple[TrainingNotice, Customer] | None:
        with self.readers() as session:
            notice = store.get_notice(session=session, notice_id=notice_id)
            if notice is None:
                return None
            customer = session.get(Customer, notice.customer_id)
            if customer is None:
                return None
            session.expunge_all()
        return notice, customer

    def knowledge_mail(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = KnowledgeMail.of(item)
        found = self._notice(p.notice_id)
        if found is None:
            return
        notice, customer = found
        manager = managers.parse(customer.account_manager)
        lang = self.lang
        params = {"customer": customer.name, "code": customer.code}
        self.send(
            OutgoingMail(
                to=p.to,
                subject=" ".join(t(lang, "facts.knowledge.subject", **params).split()),
                body=t(
                    lang,
                    "facts.knowledge.body",
                    name=manager.name,
                    text=notice.text,
                    due=when(notice.due_at),
                    **params,
                ),
                ticket="",
                row_id=item.id,
                created_at=item.created_at,
            )
        )

    def _slack_text(self, key: str, notice: TrainingNotice, customer: Customer, lang: str) -> str:
        manager = managers.parse(customer.account_manager)
        match key:
            case "dm":
                return tr(
                    lang,
                    "facts.knowledge.dm",
                    customer=customer.name,
                    code=customer.code,
                    text=notice.text,
                    due=when(notice.due_at),
                )
            case _:
                return tr(
                    lang,
                    "facts.knowledge.leads",
                    customer=customer.name,
                    code=customer.code,
                    text=notice.text,
                    name=manager.name,
                    due=when(notice.due_at),
                )

    def knowledge_dm(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = KnowledgeDM.of(item)
        found = self._notice(p.notice_id)
        if found is None:
            return
        text = self._slack_text("dm", *found, self.lang_of(p.user))
        self._post_once(item, open_dm(self.client, p.user), text)

    def knowledge_leads(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = KnowledgeLeads.of(item)
        found = self._notice(p.notice_id)
        if found is None:
            return
        text = self._slack_text("leads", *found, self.lang)
        self._post_once(item, self.policy.channels.team_leads, text)

    def _post_once(self, item: OutboxItem, channel: str, text: str) -> None:
        """Post, unless an earlier attempt at this row did: the post is the last step."""
        if item.uncertain:
            found = self.lookup.earlier(item=item, event_type=POST_EVENT, channel=channel)
            if found is not None:
                return
        answer = call(
            self.client.chat_postMessage,
            channel=channel,
            text=text,
            metadata=metadata(POST_EVENT, item, None),
        )
        self.lookup.learn(channel, str(answer["channel"]))
