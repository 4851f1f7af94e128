"""Which general terms apply to excluded work done on a written order (rule 5): the version
of the Algemene Voorwaarden that goes with the customer's contract date. Contracts before
1 March 2018 fall under the Algemene Voorwaarden Korton; from that day on, the Nederland ICT
Voorwaarden. Pure; the directory's own rule (bot.directory.rules.terms) is the one source.
"""

from __future__ import annotations

from datetime import date

from bot.directory.rules.terms import NLDIGITAL_FROM, Terms, terms_for

__all__ = ["NLDIGITAL_FROM", "Terms", "applies"]


def applies(contract_date: date) -> Terms:
    """The terms of a contract made on `contract_date` (the first day of the new terms is
    theirs)."""
    return terms_for(contract_date)
