"""Customers and contacts as `/klant` and the import files give them."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from bot.inputs import Input


class CustomerInput(Input):
    code: str = Field(min_length=2, max_length=32)
    name: str = Field(min_length=1, max_length=200)
    sla_tier: Literal["bronze", "silver", "gold"]
    contract_date: Any
    account_manager: str = Field(min_length=1, max_length=200)

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", v):
            raise PydanticCustomError("code_invalid", "letters, digits, - and _")
        return v

    @field_validator("contract_date", mode="before")
    @classmethod
    def _date(cls, v: object) -> object:
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v).strip())
        except ValueError:
            raise PydanticCustomError("date_invalid", "not a date like YYYY-MM-DD") from None


class ContactInput(Input):
    name: str = Field(min_length=1, max_length=200)
    email: str = Field(max_length=254)
    phone: str = Field(default="", max_length=40)
    role: Literal["main", "it", "end_user"]

    @field_validator("email")
    @classmethod
    def _email(cls, v: str) -> str:
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v):
            raise PydanticCustomError("email_invalid", "not an e-mail address")
        return v
