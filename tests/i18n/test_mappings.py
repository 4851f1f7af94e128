"""The mappings that stand in for built keys name a text for every value there is: a new
action, clock state or input field without one would show its bare id to the agent."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from bot.blocks.ids import TEXT_ACTIONS
from bot.directory import inputs as directory_inputs
from bot.directory.rules.terms import Terms
from bot.i18n import MESSAGES
from bot.i18n.cards import EVENT_KEYS
from bot.i18n.fields import LABEL_KEYS
from bot.i18n.modals import TEXT_MODAL_KEYS
from bot.i18n.sla import CALENDAR_KEYS, CLOCK_KEYS, STATE_KEYS
from bot.i18n.words import ACTION_KEYS, STAFF_KEYS, TERMS_KEYS
from bot.inputs import Input
from bot.policy import SlaTarget
from bot.roles import Role
from bot.sla import inputs as sla_inputs
from bot.sla.rules import ClockKind, ClockState
from bot.tickets import inputs as ticket_inputs
from bot.tickets.rules.lifecycle import Action

ACTIONS = {a.value for a in Action} - {Action.REGISTER.value}  # "created" has a line of its own


def test_every_action_has_a_name_and_a_line_in_the_thread() -> None:
    assert set(ACTION_KEYS) == ACTIONS
    assert set(EVENT_KEYS) == ACTIONS


def test_every_clock_state_calendar_role_and_terms_has_a_word() -> None:
    assert set(CLOCK_KEYS) == {k.value for k in ClockKind}
    assert set(STATE_KEYS) == {s.value for s in ClockState}
    assert set(CALENDAR_KEYS) == set(typing.get_args(SlaTarget.model_fields["clock"].annotation))
    assert set(STAFF_KEYS) == {r.value for r in Role}
    assert set(TERMS_KEYS) == {t.value for t in Terms}


def test_every_form_that_asks_one_text_has_a_title_and_a_question() -> None:
    assert set(TEXT_MODAL_KEYS) == {a.value.removeprefix("ticket_") for a in TEXT_ACTIONS}


def _input_models() -> list[type[BaseModel]]:
    return [
        m
        for module in (ticket_inputs, sla_inputs, directory_inputs)
        for m in vars(module).values()
        if isinstance(m, type) and issubclass(m, Input) and m is not Input
    ]


def test_every_input_field_a_problem_can_name_has_a_label() -> None:
    """A problem with a field says '{field} ontbreekt': the field's label, in the reader's
    language. Flags and nested inputs never reach the agent as a problem of their own."""
    models = _input_models()
    assert len(models) > 8
    named = {
        name
        for model in models
        for name, info in model.model_fields.items()
        if info.annotation is not bool
        and not (isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel))
    }
    assert named - set(LABEL_KEYS) == set()


def test_every_mapping_points_into_the_catalogue() -> None:
    mappings = [ACTION_KEYS, EVENT_KEYS, LABEL_KEYS, CLOCK_KEYS, STATE_KEYS, CALENDAR_KEYS]
    mappings += [STAFF_KEYS, TERMS_KEYS]
    keys = {key for mapping in mappings for key in mapping.values()}
    keys |= {key for pair in TEXT_MODAL_KEYS.values() for key in pair}
    assert keys - set(MESSAGES) == set()
