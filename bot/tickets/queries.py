"""Reading tickets: one ticket with its history, and filtered lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from bot.errors import NotFound
from bot.policy import Policy
from bot.roles import STAFF, RoleResolver
from bot.tickets.rules import lifecycle
from bot.tickets.views import EventView, TicketView
from storage import tickets as store


@dataclass(frozen=True)
class ListQuery:
    mine: bool = False
    line: int | None = None
    customer: str | None = None
    statuses: tuple[str, ...] | None = tuple(lifecycle.OPEN)


class TicketQueries:
    def __init__(
        self, *, readers: sessionmaker[Session], policy: Policy, roles: RoleResolver
    ) -> None:
        self.readers = readers
        self.policy = policy
        self.roles = roles

    def show(self, actor: str, number: str) -> tuple[TicketView, list[EventView]]:
        self.roles.require(actor, STAFF)
        with self.readers() as session:
            ticket = store.get(session=session, number=number)
            if ticket is None:
                raise NotFound("error.ticket_not_found", value=number)
            events = store.events(session=session, ticket_id=ticket.id)
            return TicketView.of(ticket), [EventView.of(e) for e in events]

    def list(self, actor: str, query: ListQuery, limit: int = 50) -> Sequence[TicketView]:
        self.roles.require(actor, STAFF)
        with self.readers() as session:
            found = store.search(
                session=session,
                where=store.Filter(
                    assignee=actor if query.mine else None,
                    line=query.line,
                    customer_code=query.customer,
                    statuses=query.statuses,
                ),
                priority_order=self.policy.priority_order,
                limit=limit,
            )
            return [TicketView.of(t) for t in found]
