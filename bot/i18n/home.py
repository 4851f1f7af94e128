"""Texts of the home surface."""

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {}
