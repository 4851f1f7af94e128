"""Texts of the invoicing surface."""

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {}
