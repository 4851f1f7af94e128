"""What the phone says and texts when it pages (TwiML <Say language="nl-NL">, SMS)."""

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {}
