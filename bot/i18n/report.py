"""Texts of /rapport and the rendering of summaries (blocks, chart labels, CSV)."""

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {}
