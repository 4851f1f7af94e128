"""The new-ticket modal, and the small modals behind the card's buttons."""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import (
    ContextBlock,
    ExternalDataSelectElement,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.blocks.ids import ActionId, BlockId, CallbackId
from bot.blocks.text import (
    CONTEXT_TEXT,
    OPTION_TEXT,
    SECTION_TEXT,
    VIEW_TITLE,
    Raw,
    clip,
    esc,
    fit,
    tr,
)
from bot.i18n import t
from bot.i18n.modals import TEXT_MODAL_KEYS
from bot.policy import LEVELS, Policy
from bot.tickets.blocks import vocabulary as voc


def _title(text: str) -> PlainTextObject:
    """A modal's title, submit or close label."""
    return PlainTextObject(text=fit(text, VIEW_TITLE))


def _about(number: str, subject: str, lang: str) -> ContextBlock:
    """Which ticket a small modal acts on."""
    text = tr(lang, "modal.ticket", number=number, subject=Raw(clip(subject, 200)))
    return ContextBlock(elements=[MarkdownTextObject(text=fit(text, CONTEXT_TEXT))])


def _level_options(lang: str) -> list[Option]:
    return [Option(value=level, text=voc.level_label(level, lang)) for level in LEVELS]


def _find(options: list[Option], value: str | None) -> Option | None:
    return next((o for o in options if o.value == value), None)


def _select(
    block: BlockId,
    label: str,
    action: ActionId,
    options: list[Option],
    initial: str | None = None,
    dispatch: bool = False,
) -> InputBlock:
    return InputBlock(
        block_id=block.value,
        label=label,
        dispatch_action=dispatch,
        element=StaticSelectElement(
            action_id=action.value, options=options, initial_option=_find(options, initial)
        ),
    )


def _type_options(policy: Policy, lang: str) -> list[Option]:
    return [option_object(k, voc.type_label(policy, k, lang)) for k in policy.types]


def priority_text(policy: Policy, impact: str | None, urgency: str | None, lang: str) -> str:
    if impact not in LEVELS or urgency not in LEVELS:
        return t(lang, "modal.priority.pending")
    priority = policy.priority_matrix[impact][urgency]
    reason = voc.priority_reason(
        policy, impact=impact, urgency=urgency, priority=priority, lang=lang
    )
    return fit(t(lang, "modal.priority", reason=esc(reason)), SECTION_TEXT)


def new_ticket(
    policy: Policy,
    lang: str,
    *,
    impact: str | None = None,
    urgency: str | None = None,
    metadata: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The modal `/ticket` opens; rebuilt with the same ids when impact or urgency change, so
    Slack keeps what the agent already typed."""
    levels = _level_options(lang)
    via = [Option(value=v, text=voc.via_label(v, lang)) for v in ("phone", "email")]
    view = View(
        type="modal",
        callback_id=CallbackId.NEW_TICKET.value,
        title=_title(t(lang, "modal.new.title")),
        submit=_title(t(lang, "modal.new.submit")),
        close=_title(t(lang, "modal.cancel")),
        private_metadata=json.dumps(metadata or {}),
        blocks=[
            InputBlock(
                block_id=BlockId.CUSTOMER.value,
                label=t(lang, "modal.customer"),
                element=ExternalDataSelectElement(
                    action_id=ActionId.CUSTOMER.value,
                    placeholder=t(lang, "modal.customer.placeholder"),
                    min_query_length=0,
                ),
            ),
            InputBlock(
                block_id=BlockId.CONTACT.value,
                label=t(lang, "modal.contact"),
                hint=t(lang, "modal.contact.hint"),
                element=ExternalDataSelectElement(
                    action_id=ActionId.CONTACT.value,
                    placeholder=t(lang, "modal.contact.placeholder"),
                    min_query_length=0,
                ),
            ),
            InputBlock(
                block_id=BlockId.VIA.value,
                label=t(lang, "modal.via"),
                element=StaticSelectElement(
                    action_id=ActionId.VIA.value, options=via, initial_option=via[0]
                ),
            ),
            InputBlock(
                block_id=BlockId.SUBJECT.value,
                label=t(lang, "modal.subject"),
                element=PlainTextInputElement(
                    action_id=ActionId.SUBJECT.value, min_length=3, max_length=150
                ),
            ),
            InputBlock(
                block_id=BlockId.DESCRIPTION.value,
                label=t(lang, "modal.description"),
                optional=True,
                element=PlainTextInputElement(
                    action_id=ActionId.DESCRIPTION.value, multiline=True, max_length=3000
                ),
            ),
            _select(
                BlockId.TYPE, t(lang, "modal.type"), ActionId.TYPE, _type_options(policy, lang)
            ),
            # Impact and urgency dispatch their changes, so the modal can show the priority.
            _select(
                BlockId.IMPACT,
                t(lang, "modal.impact"),
                ActionId.IMPACT,
                levels,
                impact,
                dispatch=True,
            ),
            _select(
                BlockId.URGENCY,
                t(lang, "modal.urgency"),
                ActionId.URGENCY,
                levels,
                urgency,
                dispatch=True,
            ),
            SectionBlock(
                block_id=BlockId.PRIORITY.value,
                text=MarkdownTextObject(text=priority_text(policy, impact, urgency, lang)),
            ),
            InputBlock(
                block_id=BlockId.MISSING.value,
                label=t(lang, "modal.missing"),
                hint=t(lang, "modal.missing.hint"),
                optional=True,
                element=PlainTextInputElement(
                    action_id=ActionId.MISSING.value, multiline=True, max_length=1000
                ),
            ),
        ],
    )
    return view.to_dict()


def text_action(action: ActionId, number: str, subject: str, lang: str) -> dict[str, Any]:
    """Escalate, wait, resolve, reopen or note: each asks one text."""
    name = action.value.removeprefix("ticket_")
    title, question = TEXT_MODAL_KEYS[name]
    view = View(
        type="modal",
        callback_id=CallbackId.TICKET_ACTION.value,
        title=_title(t(lang, title)),
        submit=_title(t(lang, "modal.submit")),
        close=_title(t(lang, "modal.cancel")),
        private_metadata=json.dumps({"number": number, "action": name}),
        blocks=[
            _about(number, subject, lang),
            InputBlock(
                block_id=BlockId.TEXT.value,
                label=t(lang, question),
                element=PlainTextInputElement(
                    action_id=ActionId.TEXT.value, multiline=True, min_length=2, max_length=2000
                ),
            ),
        ],
    )
    return view.to_dict()


def reclassify(
    policy: Policy, number: str, subject: str, current: dict[str, str], lang: str
) -> dict[str, Any]:
    levels = _level_options(lang)
    types = _type_options(policy, lang)
    view = View(
        type="modal",
        callback_id=CallbackId.RECLASSIFY.value,
        title=_title(t(lang, "modal.reclassify.title")),
        submit=_title(t(lang, "modal.submit")),
        close=_title(t(lang, "modal.cancel")),
        private_metadata=json.dumps({"number": number}),
        blocks=[
            _about(number, subject, lang),
            _select(BlockId.TYPE, t(lang, "modal.type"), ActionId.TYPE, types, current.get("type")),
            _select(
                BlockId.IMPACT,
                t(lang, "modal.impact"),
                ActionId.IMPACT,
                levels,
                current.get("impact"),
            ),
            _select(
                BlockId.URGENCY,
                t(lang, "modal.urgency"),
                ActionId.URGENCY,
                levels,
                current.get("urgency"),
            ),
        ],
    )
    return view.to_dict()


def registered(text: str, lang: str) -> dict[str, Any]:
    """What the modal turns into after a successful registration: the number to tell the caller."""
    view = View(
        type="modal",
        callback_id=CallbackId.REGISTERED.value,
        title=_title(t(lang, "modal.new.title")),
        close=_title(t(lang, "modal.close")),
        blocks=[
            SectionBlock(
                text=MarkdownTextObject(text=fit(f":white_check_mark: {text}", SECTION_TEXT))
            )
        ],
    )
    return view.to_dict()


def option_object(value: str, text: str) -> Option:
    # Options are plain text, shown as typed: cut to Slack's limit, but not escaped.
    return Option(value=value, text=fit(text, OPTION_TEXT))


def option(value: str, text: str) -> dict[str, Any]:
    return option_object(value, text).to_dict()
