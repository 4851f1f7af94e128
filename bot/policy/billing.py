"""The policy's `billing` section: the service description's rules on what the desk charges,
the kinds of work, hourly rates from their dates, the surcharge and the rounding."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, timedelta
from decimal import Decimal

from pydantic import Field

from bot.policy.base import Duration, Label, PolicyProblem, _Strict

# --- billable work (the service description's "Randvoorwaarden" and "Uitsluitingen") --------

_CODE = r"^[a-z][a-z0-9_-]{0,31}$"


def _at(*path: str) -> str:
    """A place in the billing section (`billing.rates.support`), joined so no catalogue
    scan takes it for a key."""
    return ".".join(("billing", *path))


class WorkKind(_Strict):
    """A kind of work time is recorded as. `free` work is never charged by the ticket's rules:
    the domain analysis Korton owes every fault ("analyseplicht")."""

    label: Label
    free: bool = False


class HourlyRate(_Strict):
    """An hourly rate in euros, holding from `from` until the next one of its kind."""

    valid_from: date = Field(alias="from")
    hourly: Decimal = Field(gt=0, le=10000, decimal_places=2)


def _kinds() -> dict[str, WorkKind]:
    return {
        "support": WorkKind(label=Label(nl="Ondersteuning", en="Support")),
        "analysis": WorkKind(label=Label(nl="Analyse", en="Analysis"), free=True),
        "repair": WorkKind(label=Label(nl="Herstel", en="Repair")),
        "setup": WorkKind(label=Label(nl="Inrichting", en="Setting up")),
        "change": WorkKind(label=Label(nl="Wijziging", en="Change")),
        "relocation": WorkKind(
            label=Label(nl="Verplaatsing of herinstallatie", en="Relocation or reinstallation")
        ),
    }


def _rates() -> dict[str, list[HourlyRate]]:
    def of(*pairs: tuple[str, str]) -> list[HourlyRate]:
        return [HourlyRate.model_validate({"from": d, "hourly": h}) for d, h in pairs]

    desk = (("2025-01-01", "92.50"), ("2026-01-01", "96.00"))
    engineer = (("2025-01-01", "118.00"), ("2026-01-01", "122.50"))
    return {
        "support": of(*desk),
        "analysis": of(*desk),
        "repair": of(*engineer),
        "setup": of(*engineer),
        "change": of(*engineer),
        "relocation": of(("2025-01-01", "135.00"), ("2026-01-01", "140.00")),
    }


def _out_of_scope() -> dict[str, Label]:
    return {
        "inrichting": Label(
            nl="Inrichting of ondersteuning bij inrichting",
            en="Setting up, or support with setting up",
        ),
        "oneigenlijk-gebruik": Label(
            nl="Herstel na oneigenlijk gebruik of fouten van klant of derden",
            en="Repairs after improper use or faults of the customer or third parties",
        ),
    }


def _exclusions() -> dict[str, Label]:
    return {
        "ondeskundig-gebruik": Label(
            nl="Gevolg van ondeskundig of verkeerd gebruik, nalatigheid of opzet",
            en="Caused by improper or wrong use, negligence or intent",
        ),
        "wijziging": Label(
            nl="Wijziging van functionaliteit of inrichting",
            en="Change to functionality or configuration",
        ),
        "verplaatsing": Label(
            nl="Verplaatsing, verhuizing of herinstallatie",
            en="Moving, relocating or reinstalling",
        ),
        "wijziging-door-derden": Label(
            nl="Gevolg van wijzigingen door anderen, ongevallen, vernieling of inbraak",
            en="Caused by changes by others, accidents, vandalism or burglary",
        ),
        "externe-schade": Label(
            nl="Herstel van schade door een oorzaak van buitenaf",
            en="Repair of damage from an external cause",
        ),
        "ontoegankelijk": Label(
            nl="Extra werk doordat de dienst niet goed toegankelijk is",
            en="Extra work because the service is not properly accessible",
        ),
        "buiten-installatie": Label(
            nl="Storing die niet aan de installatie zelf ligt",
            en="Fault not due to the installation itself",
        ),
    }


class BillingPolicy(_Strict):
    """What the desk charges, and at what price (bot.billing.rules applies it)."""

    # Each entry is charged up to the next multiple of this: 15m makes 20 minutes 30.
    rounding: Duration = timedelta(minutes=15)
    # On top of the rate, for chargeable work outside office hours, in percent.
    after_hours_surcharge: int = Field(default=50, ge=0, le=300)
    # Rule 3: a training notice still open this long counts as no training taken.
    training_period: Duration = timedelta(days=30)
    kinds: dict[str, WorkKind] = Field(default_factory=_kinds)
    # The kind of an entry that names none, and of the waakdienst's after-hours items.
    default_kind: str = "support"
    after_hours_kind: str = "repair"
    # The ticket types that are user questions (rules 2 and 3 are about those).
    user_questions: list[str] = Field(default_factory=lambda: ["question"])
    rates: dict[str, list[HourlyRate]] = Field(default_factory=_rates)
    out_of_scope: dict[str, Label] = Field(default_factory=_out_of_scope)
    exclusions: dict[str, Label] = Field(default_factory=_exclusions)

    @property
    def rounding_minutes(self) -> int:
        return int(self.rounding.total_seconds()) // 60

    def problems(self, types: Collection[str]) -> list[PolicyProblem]:
        """What is inconsistent within the section, or with the policy's ticket types."""
        p: list[PolicyProblem] = []
        if self.rounding % timedelta(minutes=1) or self.rounding > timedelta(hours=1):
            p.append(PolicyProblem(_at("rounding"), "policy.billing_rounding"))
        if self.training_period % timedelta(days=1):
            p.append(PolicyProblem(_at("training_period"), "policy.whole_days"))
        codes = [
            *(("kinds", k) for k in self.kinds),
            *(("out_of_scope", k) for k in self.out_of_scope),
            *(("exclusions", k) for k in self.exclusions),
        ]
        p += [
            PolicyProblem(f"billing.{where}.{code}", "policy.billing_code", {"value": code})
            for where, code in codes
            if not re.fullmatch(_CODE, code)
        ]
        p += [
            PolicyProblem(f"billing.exclusions.{k}", "policy.billing_twice", {"value": k})
            for k in self.exclusions
            if k in self.out_of_scope
        ]
        for key in ("default_kind", "after_hours_kind"):
            value = getattr(self, key)
            if value not in self.kinds:
                p.append(PolicyProblem(f"billing.{key}", "policy.billing_kind", {"value": value}))
        p += [
            PolicyProblem(f"billing.user_questions.{i}", "policy.unknown_type", {"value": v})
            for i, v in enumerate(self.user_questions)
            if v not in types
        ]
        p += [
            PolicyProblem(f"billing.rates.{k}", "policy.billing_kind", {"value": k})
            for k in self.rates
            if k not in self.kinds
        ]
        for kind in self.kinds:
            rates = self.rates.get(kind, [])
            if not rates:
                p.append(PolicyProblem(f"billing.rates.{kind}", "policy.missing"))
            days = [r.valid_from for r in rates]
            p += [
                PolicyProblem(f"billing.rates.{kind}", "policy.billing_same_day", {"value": d})
                for d in sorted({d for d in days if days.count(d) > 1})
            ]
        return p
