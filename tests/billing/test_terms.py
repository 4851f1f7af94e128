"""Which Algemene Voorwaarden apply follows from the contract date: before 1 March 2018 the
Algemene Voorwaarden Korton, from that day on the Nederland ICT Voorwaarden."""

from __future__ import annotations

from datetime import date

import pytest

from bot.billing.facts import terms_label
from bot.billing.terms import Terms, applies


@pytest.mark.parametrize(
    ("contract", "terms"),
    [
        (date(2009, 6, 1), Terms.KORTON),
        (date(2018, 2, 28), Terms.KORTON),
        (date(2018, 3, 1), Terms.NEDERLAND_ICT),
        (date(2026, 11, 24), Terms.NEDERLAND_ICT),
    ],
)
def test_the_contract_date_picks_the_terms(contract: date, terms: Terms) -> None:
    assert applies(contract) is terms


def test_the_terms_are_named_in_both_languages() -> None:
    assert terms_label("korton", "nl") == "Algemene Voorwaarden Korton (contract vóór 1 maart 2018)"
    assert terms_label("nederland_ict", "en") == "Nederland ICT Terms (contract from 1 March 2018)"
