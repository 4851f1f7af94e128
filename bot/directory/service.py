"""Customers and contacts: managed by admins with /klant, and imported from YAML or CSV.

An import is one transaction: a file with one bad row changes nothing, and each problem names
its line. Importing the same file twice changes nothing the second time. Nothing is overwritten
without a word: an update says what it changed, and a change that would leave a customer
without its main contact is refused. E-mail addresses compare in any case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.directory.files import line_of, parse_file
from bot.directory.inputs import ContactInput, CustomerInput
from bot.directory.rules.contacts import ContactRole
from bot.errors import InvalidInput, NotFound
from bot.i18n import t
from bot.inputs import M, build
from bot.roles import Role, RoleResolver
from storage import customers as store
from storage.models import Customer

ADMINS = frozenset({Role.ADMIN})
STAFF = frozenset(Role)

CUSTOMER_KEYS = frozenset(
    {"code", "name", "sla_tier", "sla", "contract_date", "account_manager", "contacts"}
)
CONTACT_KEYS = frozenset(ContactInput.model_fields)


@dataclass
class ImportReport:
    customers_created: int = 0
    customers_updated: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    # What each update changed, one line per field, in the report's language.
    changes: list[str] = field(default_factory=list)

    def count(self, what: str, state: str) -> None:
        if state == "unchanged":
            self.unchanged += 1
        else:
            name = f"{what}_{state}"
            setattr(self, name, getattr(self, name) + 1)

    @property
    def changed(self) -> int:
        return (
            self.customers_created
            + self.customers_updated
            + self.contacts_created
            + self.contacts_updated
        )


@dataclass(frozen=True)
class CustomerView:
    code: str
    name: str
    sla_tier: str
    contract_date: Any
    account_manager: str
    contacts: tuple[tuple[str, str, str, str], ...]  # name, email, phone, role

    @classmethod
    def of(cls, c: Customer) -> CustomerView:
        return cls(
            c.code,
            c.name,
            c.sla_tier,
            c.contract_date,
            c.account_manager,
            tuple((p.name, p.email, p.phone, p.role) for p in c.contacts),
        )


Change = tuple[str, Any, Any]  # field, old value, new value


@dataclass(frozen=True)
class Saved:
    """What a /klant change did: created, updated (and how) or nothing."""

    customer: CustomerView
    state: str  # "created" | "updated" | "unchanged"
    changes: tuple[Change, ...] = ()
    email: str = ""  # the contact's, for a contact


def _keeps_main(before: Iterable[str], after: Iterable[str]) -> bool:
    """A customer that has a main contact keeps one: it is Korton's point of contact."""
    return ContactRole.MAIN not in set(before) or ContactRole.MAIN in set(after)


def _customer_fields(rec: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "code": rec.get("code"),
        "name": rec.get("name"),
        "sla_tier": rec.get("sla_tier", rec.get("sla")),
        "contract_date": rec.get("contract_date"),
        "account_manager": rec.get("account_manager"),
    }


class _Refused(Exception):
    """Rolls back an import whose rows are valid but whose changes are not."""


class Directory:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        clock: Clock,
        roles: RoleResolver,
        lang: str = "nl",
        readers: sessionmaker[Session] | None = None,
    ) -> None:
        self.lang = lang
        self.sessions = sessions
        self.readers = readers or sessions
        self.clock = clock
        self.roles = roles

    # --- import -----------------------------------------------------------------------------

    def import_file(self, path: Path) -> ImportReport:
        parsed = parse_file(path)
        if parsed.problems:
            return ImportReport(problems=[p.text(self.lang) for p in parsed.problems])
        return self.import_records(parsed.records)

    def import_records(self, records: Iterable[Any]) -> ImportReport:
        report = ImportReport()
        # Validate everything first, so a bad row leaves the database untouched.
        parsed = self._check_records(report, list(records))
        if report.problems:
            return report
        try:
            with self.sessions.begin() as session:
                for where, cust, contacts in parsed:
                    self._import_one(session, report, where, cust, contacts)
                if report.problems:
                    raise _Refused
        except _Refused:
            return ImportReport(problems=report.problems)
        return report

    def _check_records(
        self, report: ImportReport, records: list[Any]
    ) -> list[tuple[str, CustomerInput, list[tuple[str, ContactInput]]]]:
        parsed = []
        codes: dict[str, str] = {}
        for i, rec in enumerate(records, start=1):
            if not isinstance(rec, Mapping):
                where = self._where(rec, i, "?")
                report.problems.append(
                    f"{where}: {t(self.lang, 'import.not_a_customer', value=str(rec)[:40])}"
                )
                continue
            code = str(rec.get("code") or "?")
            where = self._where(rec, i, code)
            self._unknown_keys(report, where, rec, CUSTOMER_KEYS)
            cust = self._validated(report, where, CustomerInput, _customer_fields(rec))
            if cust is not None:
                other = codes.setdefault(cust.code.lower(), where)
                if other != where:
                    text = t(self.lang, "import.duplicate_code", code=cust.code, other=other)
                    report.problems.append(f"{where}: {text}")
            contacts = self._check_contacts(report, rec, i, code)
            if cust is not None and contacts is not None:
                parsed.append((where, cust, contacts))
        return parsed

    def _check_contacts(
        self, report: ImportReport, rec: Mapping[str, Any], i: int, code: str
    ) -> list[tuple[str, ContactInput]] | None:
        items = rec.get("contacts") or []
        if not isinstance(items, list):
            where = self._where(rec, i, code)
            report.problems.append(f"{where}: {t(self.lang, 'import.contacts_not_list')}")
            return None
        checked: list[tuple[str, ContactInput]] = []
        emails: dict[str, str] = {}
        ok = True
        for j, c in enumerate(items, start=1):
            where = self._where(c, i, code, j)
            if not isinstance(c, Mapping):
                text = t(self.lang, "import.not_a_contact", value=str(c)[:40])
                report.problems.append(f"{where}: {text}")
                ok = False
                continue
            unknown = self._unknown_keys(report, where, c, CONTACT_KEYS)
            contact = self._validated(report, where, ContactInput, c)
            if contact is None or unknown:
                ok = False
                continue
            email = contact.email.lower()
            other = emails.setdefault(email, where)
            if other != where:
                text = t(self.lang, "import.duplicate_email", email=email, other=other)
                report.problems.append(f"{where}: {text}")
                ok = False
            checked.append((where, contact))
        return checked if ok else None

    def _import_one(
        self,
        session: Session,
        report: ImportReport,
        where: str,
        cust: CustomerInput,
        contacts: list[tuple[str, ContactInput]],
    ) -> None:
        saved = store.upsert(session=session, now=self.clock.now(), **cust.model_dump())
        report.count("customers", saved.state)
        self._note(report, where, saved.changes)
        customer = saved.row
        before = [c.role for c in customer.contacts]
        demoted = where
        for at, c in contacts:
            contact = store.upsert_contact(session=session, customer=customer, **c.model_dump())
            report.count("contacts", contact.state)
            self._note(report, at, contact.changes)
            if any(f == "role" and old == ContactRole.MAIN for f, old, _ in contact.changes):
                demoted = at
        if not _keeps_main(before, (c.role for c in customer.contacts)):
            text = t(self.lang, "import.no_main_contact", code=customer.code)
            report.problems.append(f"{demoted}: {text}")

    def _note(self, report: ImportReport, where: str, changes: Sequence[Change]) -> None:
        for name, old, new in changes:
            old_text, new_text = (str(v) if v != "" else "-" for v in (old, new))
            report.changes.append(
                t(self.lang, "import.change", where=where, field=name, old=old_text, new=new_text)
            )

    def _where(self, rec: object, i: int, code: str, contact: int | None = None) -> str:
        """Where a row is: its line in the file, or its place in the list."""
        line = line_of(rec)
        if line is not None and contact is None:
            return t(self.lang, "import.at_line", line=line, code=code)
        if line is not None:
            return t(self.lang, "import.at_line_contact", line=line, code=code, n=contact)
        if contact is None:
            return t(self.lang, "import.at_record", n=i, code=code)
        return t(self.lang, "import.at_record_contact", n=i, code=code, c=contact)

    def _unknown_keys(
        self, report: ImportReport, where: str, rec: Mapping[str, Any], known: frozenset[str]
    ) -> list[str]:
        unknown = [str(k) for k in rec if k not in known]
        for key in unknown:
            report.problems.append(f"{where}: {t(self.lang, 'field.unknown_key', value=key)}")
        return unknown

    def _validated(
        self, report: ImportReport, where: str, model: type[M], data: Mapping[str, Any]
    ) -> M | None:
        known = {k: v for k, v in data.items() if k in model.model_fields}
        try:
            return build(model, known)
        except InvalidInput as exc:
            for name, (key, params) in exc.fields.items():
                text = t(self.lang, key, **({"field": name} | dict(params)))
                report.problems.append(f"{where}: {text}")
            return None

    # --- /klant -----------------------------------------------------------------------------

    def create_customer(self, actor: str, data: Mapping[str, Any]) -> Saved:
        """A new customer; an existing code is refused, never overwritten."""
        self.roles.require(actor, ADMINS)
        cust = build(CustomerInput, data)
        with self.sessions.begin() as session:
            if store.get(session=session, code=cust.code) is not None:
                raise InvalidInput.one("code", "field.customer_exists", value=cust.code)
            saved = store.upsert(session=session, now=self.clock.now(), **cust.model_dump())
            return Saved(CustomerView.of(saved.row), saved.state)

    def save_customer(self, actor: str, data: Mapping[str, Any]) -> Saved:
        """Create, or update by code; the answer names every field that changed."""
        self.roles.require(actor, ADMINS)
        cust = build(CustomerInput, data)
        with self.sessions.begin() as session:
            saved = store.upsert(session=session, now=self.clock.now(), **cust.model_dump())
            return Saved(CustomerView.of(saved.row), saved.state, saved.changes)

    def edit_customer(self, actor: str, code: str, changes: Mapping[str, Any]) -> Saved:
        """Change some fields of an existing customer; the code stays."""
        self.roles.require(actor, ADMINS)
        with self.sessions.begin() as session:
            customer = store.get(session=session, code=code)
            if customer is None:
                raise NotFound("error.customer_not_found", value=code)
            current = {
                "code": customer.code,
                "name": customer.name,
                "sla_tier": customer.sla_tier,
                "contract_date": customer.contract_date,
                "account_manager": customer.account_manager,
            }
            cust = build(CustomerInput, current | dict(changes) | {"code": customer.code})
            saved = store.upsert(session=session, now=self.clock.now(), **cust.model_dump())
            return Saved(CustomerView.of(saved.row), saved.state, saved.changes)

    def save_contact(self, actor: str, code: str, data: Mapping[str, Any]) -> Saved:
        """Add a contact, or update the one with that e-mail address (in any case)."""
        self.roles.require(actor, ADMINS)
        contact = build(ContactInput, data)
        with self.sessions.begin() as session:
            customer = store.get(session=session, code=code)
            if customer is None:
                raise NotFound("error.customer_not_found", value=code)
            before = [c.role for c in customer.contacts]
            saved = store.upsert_contact(session=session, customer=customer, **contact.model_dump())
            if not _keeps_main(before, (c.role for c in customer.contacts)):
                # Raised inside the transaction, so nothing is written.
                raise InvalidInput.one("role", "field.no_main_contact", customer=customer.code)
            session.flush()
            session.refresh(customer)
            return Saved(CustomerView.of(customer), saved.state, saved.changes, saved.row.email)

    def remove_contact(self, actor: str, code: str, email: str) -> CustomerView:
        self.roles.require(actor, ADMINS)
        with self.sessions.begin() as session:
            customer = store.get(session=session, code=code)
            if customer is None:
                raise NotFound("error.customer_not_found", value=code)
            contact = store.contact_by_email(
                session=session, customer=customer, email=email.strip()
            )
            if contact is None:
                raise NotFound("error.contact_not_found", value=email, customer=code)
            if store.has_tickets(session=session, contact_id=contact.id):
                # Tickets keep who reported them; make the contact an end user instead.
                raise InvalidInput.one("email", "field.contact_has_tickets", value=email)
            rest = [c.role for c in customer.contacts if c is not contact]
            if not _keeps_main((c.role for c in customer.contacts), rest):
                raise InvalidInput.one("email", "field.no_main_contact", customer=customer.code)
            store.remove_contact(session=session, contact=contact)
            session.flush()
            session.refresh(customer)
            return CustomerView.of(customer)

    def show(self, actor: str, code: str) -> CustomerView:
        self.roles.require(actor, STAFF)
        with self.readers() as session:
            customer = store.get(session=session, code=code)
            if customer is None:
                raise NotFound("error.customer_not_found", value=code)
            return CustomerView.of(customer)

    def list(self, actor: str) -> Sequence[CustomerView]:
        self.roles.require(actor, STAFF)
        with self.readers() as session:
            return [CustomerView.of(c) for c in store.all_customers(session=session)]

    def search(self, query: str) -> Sequence[tuple[str, str, str]]:
        """(code, name, tier) for the modal's customer select."""
        with self.readers() as session:
            return [
                (c.code, c.name, c.sla_tier) for c in store.search(session=session, query=query)
            ]

    def reporters(self, code: str) -> Sequence[tuple[int, str, str]]:
        """(id, name, role) of the contacts who may report, for the modal's contact select."""
        with self.readers() as session:
            customer = store.get(session=session, code=code)
            if customer is None:
                return []
            return [(c.id, c.name, c.role) for c in customer.contacts if c.role in ("main", "it")]
