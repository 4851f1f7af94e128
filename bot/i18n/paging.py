"""Pages: the DM to the engineer, acknowledgements, escalation, reminders, entitlement notices."""

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {}
