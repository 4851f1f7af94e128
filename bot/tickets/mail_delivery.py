"""Customer e-mail as an outbox delivery: rendered from the ticket when it is sent."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot import logs
from bot.outbox.payloads import CustomerMail
from bot.outbox.smtp import OutgoingMail, Send
from bot.policy import Policy
from bot.tickets import mail as templates
from bot.tickets.views import TicketView
from storage import tickets as store
from storage.models import OutboxItem


class CustomerMailDelivery:
    def __init__(self, *, readers: sessionmaker[Session], policy: Policy, send: Send) -> None:
        self.readers = readers
        self.policy = policy
        self.send = send

    def __call__(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = CustomerMail.of(item)
        with self.readers() as session:
            ticket = store.get_by_id(session=session, ticket_id=p.ticket_id)
            if ticket is None:
                return
            view = TicketView.of(ticket)
        logs.note(**{logs.TICKET: view.number})
        lang = self.policy.language
        match p.template:
            case "registered":
                draft = templates.registered(view, self.policy, lang)
            case "waiting":
                draft = templates.waiting(view, p.text, lang)
            case "resolved":
                draft = templates.resolved(view, p.text, lang)
        self.send(
            OutgoingMail(
                to=draft.to,
                subject=draft.subject,
                body=draft.body,
                ticket=view.number,
                row_id=item.id,
                created_at=item.created_at,
            )
        )
