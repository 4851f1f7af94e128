"""Texts of billable work's facts: referrals, training notices, written orders, terms."""

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {}
