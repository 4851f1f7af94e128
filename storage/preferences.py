"""Per-user preferences (the reply language)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import UserPreference


def get_lang(*, session: Session, user_id: str) -> str | None:
    return session.execute(
        select(UserPreference.lang).where(UserPreference.user_id == user_id)
    ).scalar_one_or_none()


def set_lang(*, session: Session, user_id: str, lang: str) -> None:
    pref = session.get(UserPreference, user_id)
    if pref is None:
        session.add(UserPreference(user_id=user_id, lang=lang))
    else:
        pref.lang = lang
