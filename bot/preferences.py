"""Each agent's reply language: Dutch by default, English on request (`/ticket taal en`)."""

from __future__ import annotations

import time

from sqlalchemy.orm import Session, sessionmaker

from bot.errors import InvalidInput
from bot.i18n import LANGS
from storage import preferences

# Another replica's change of someone's language shows here within this many seconds.
LANG_TTL = 60.0


class Preferences:
    def __init__(
        self, *, sessions: sessionmaker[Session], readers: sessionmaker[Session], default: str
    ) -> None:
        self.sessions = sessions
        self.readers = readers
        self.default = default
        # user -> (language, read at): every request asks, a preference rarely changes.
        self._langs: dict[str, tuple[str, float]] = {}

    def lang_of(self, user_id: str) -> str:
        hit = self._langs.get(user_id)
        if hit is not None and time.monotonic() - hit[1] < LANG_TTL:
            return hit[0]
        with self.readers() as session:
            lang = preferences.get_lang(session=session, user_id=user_id) or self.default
        self._langs[user_id] = (lang, time.monotonic())
        return lang

    def set_lang(self, user_id: str, lang: str) -> None:
        if lang not in LANGS:
            raise InvalidInput.one("lang", "field.lang_invalid", value=lang)
        with self.sessions.begin() as session:
            preferences.set_lang(session=session, user_id=user_id, lang=lang)
        self._langs[user_id] = (lang, time.monotonic())
