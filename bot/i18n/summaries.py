"""Texts of the summaries surface."""

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {}
