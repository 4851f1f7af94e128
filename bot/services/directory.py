"""Customers and contacts: managed by admins with /klant, and imported from YAML or CSV.

An import is one transaction: a file with one bad row changes nothing, and the error names the
row and the field. Importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.domain.errors import InvalidInput, NotFound
from bot.i18n import t
from bot.services.inputs import ContactInput, CustomerInput, M, build
from bot.services.roles import Role, RoleResolver
from storage import customers as store
from storage.models import Customer

ADMINS = frozenset({Role.ADMIN})
STAFF = frozenset(Role)

CSV_COLUMNS = (
    "code",
    "name",
    "sla_tier",
    "contract_date",
    "account_manager",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_role",
)


@dataclass
class ImportReport:
    customers_created: int = 0
    customers_updated: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

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


class _TextDates(yaml.SafeLoader):
    """Leaves dates as text, so a bad date is a named row error instead of a crash."""


_TextDates.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _records_from_yaml(text: str) -> list[dict[str, Any]]:
    try:
        data = yaml.load(text, Loader=_TextDates) or {}
    except yaml.YAMLError as exc:
        raise InvalidInput.one("input", "field.yaml_invalid", value=str(exc)[:200]) from None
    items = data.get("customers") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InvalidInput.one("input", "field.import_shape")
    return items


def _records_from_csv(text: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS[:5] if c not in (reader.fieldnames or [])]
    if missing:
        raise InvalidInput.one("input", "field.csv_columns", value=", ".join(missing))
    by_code: dict[str, dict[str, Any]] = {}
    for row in reader:
        code = (row.get("code") or "").strip()
        rec = by_code.setdefault(
            code,
            {k: (row.get(k) or "").strip() for k in CSV_COLUMNS[:5]} | {"contacts": []},
        )
        if (row.get("contact_email") or "").strip():
            rec["contacts"].append(
                {
                    "name": (row.get("contact_name") or "").strip(),
                    "email": (row.get("contact_email") or "").strip(),
                    "phone": (row.get("contact_phone") or "").strip(),
                    "role": (row.get("contact_role") or "").strip(),
                }
            )
    return list(by_code.values())


def parse_file(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        return _records_from_csv(text)
    return _records_from_yaml(text)


def _customer_fields(rec: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "code": rec.get("code"),
        "name": rec.get("name"),
        "sla_tier": rec.get("sla_tier", rec.get("sla")),
        "contract_date": rec.get("contract_date"),
        "account_manager": rec.get("account_manager"),
    }


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

    def import_records(self, records: Iterable[Mapping[str, Any]]) -> ImportReport:
        report = ImportReport()
        now = self.clock.now()
        # Validate everything first, so a bad row leaves the database untouched.
        parsed: list[tuple[CustomerInput, list[ContactInput]]] = []
        for i, rec in enumerate(records, start=1):
            where = f"#{i} ({rec.get('code', '?')})"
            cust = self._validated(report, where, CustomerInput, _customer_fields(rec))
            checked = [
                self._validated(report, f"{where} contact {j}", ContactInput, c)
                for j, c in enumerate(rec.get("contacts") or [], start=1)
            ]
            contacts = [c for c in checked if c is not None]
            if cust is not None and len(contacts) == len(checked):
                parsed.append((cust, contacts))
        if report.problems:
            return report
        with self.sessions.begin() as session:
            for cust, contacts in parsed:
                customer, state = store.upsert(session=session, now=now, **cust.model_dump())
                report.count("customers", state)
                for c in contacts:
                    _, state = store.upsert_contact(
                        session=session, customer=customer, **c.model_dump()
                    )
                    report.count("contacts", state)
        return report

    def _validated(
        self, report: ImportReport, where: str, model: type[M], data: Mapping[str, Any]
    ) -> M | None:
        try:
            return build(model, data)
        except InvalidInput as exc:
            for name, (key, params) in exc.fields.items():
                text = t(self.lang, key, **({"field": name, "min": "", "max": ""} | dict(params)))
                report.problems.append(f"{where}: {text}")
            return None

    def import_file(self, path: Path) -> ImportReport:
        return self.import_records(parse_file(path))

    # --- /klant -----------------------------------------------------------------------------

    def save_customer(self, actor: str, data: Mapping[str, Any]) -> tuple[CustomerView, str]:
        self.roles.require(actor, ADMINS)
        cust = build(CustomerInput, data)
        with self.sessions.begin() as session:
            customer, state = store.upsert(
                session=session, now=self.clock.now(), **cust.model_dump()
            )
            return CustomerView.of(customer), state

    def save_contact(self, actor: str, code: str, data: Mapping[str, Any]) -> CustomerView:
        self.roles.require(actor, ADMINS)
        contact = build(ContactInput, data)
        with self.sessions.begin() as session:
            customer = store.get(session=session, code=code)
            if customer is None:
                raise NotFound(what="Klant", value=code)
            store.upsert_contact(session=session, customer=customer, **contact.model_dump())
            session.flush()
            session.refresh(customer)
            return CustomerView.of(customer)

    def remove_contact(self, actor: str, code: str, email: str) -> CustomerView:
        self.roles.require(actor, ADMINS)
        with self.sessions.begin() as session:
            customer = store.get(session=session, code=code)
            if customer is None:
                raise NotFound(what="Klant", value=code)
            match = [c for c in customer.contacts if c.email.lower() == email.strip().lower()]
            if not match:
                raise NotFound(what="Contact", value=email)
            if store.has_tickets(session=session, contact_id=match[0].id):
                # Tickets keep who reported them; make the contact an end user instead.
                raise InvalidInput.one("email", "field.contact_has_tickets", value=email)
            store.remove_contact(session=session, contact=match[0])
            session.flush()
            session.refresh(customer)
            return CustomerView.of(customer)

    def show(self, actor: str, code: str) -> CustomerView:
        self.roles.require(actor, STAFF)
        with self.readers() as session:
            customer = store.get(session=session, code=code)
            if customer is None:
                raise NotFound(what="Klant", value=code)
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
