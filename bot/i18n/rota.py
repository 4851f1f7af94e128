"""The waakdienst's rota: /waakdienst, the overview, handovers, gaps and imports."""

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {}
