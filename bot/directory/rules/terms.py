"""Which general terms apply follows from the contract date (service description, Uitsluitingen)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

NLDIGITAL_FROM = date(2018, 3, 1)


class Terms(StrEnum):
    KORTON = "korton"  # Algemene Voorwaarden Korton, contracts before 1 March 2018
    NEDERLAND_ICT = "nederland_ict"  # Nederland ICT Voorwaarden, from 1 March 2018


def terms_for(contract_date: date) -> Terms:
    return Terms.NEDERLAND_ICT if contract_date >= NLDIGITAL_FROM else Terms.KORTON
