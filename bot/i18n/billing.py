"""Texts of the billing surface."""

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {}
