"""Every action_id, block_id and callback_id Balie uses, in one place.

Block ids of modal inputs are the field names the services use, so an InvalidInput on field
`contact` lands as an inline error under the contact input without a mapping table.
"""

from enum import StrEnum


class ActionId(StrEnum):
    TAKE = "ticket_take"
    ASSIGN = "ticket_assign"
    RECLASSIFY = "ticket_reclassify"
    ESCALATE = "ticket_escalate"
    WAIT = "ticket_wait"
    RESOLVE = "ticket_resolve"
    CLOSE = "ticket_close"
    REOPEN = "ticket_reopen"
    NOTE = "ticket_note"
    RESUME = "ticket_resume"
    # Inputs of the new-ticket modal.
    CUSTOMER = "new_customer"
    CONTACT = "new_contact"
    VIA = "new_via"
    TYPE = "new_type"
    IMPACT = "new_impact"
    URGENCY = "new_urgency"
    SUBJECT = "new_subject"
    DESCRIPTION = "new_description"
    MISSING = "new_missing"
    # The free-text input of the escalate/wait/resolve/reopen/note modals.
    TEXT = "action_text"
    # The waakdienst: page anyway for a customer who is not entitled ("Toch oproepen").
    PAGE_ANYWAY = "oncall_page_anyway"
    # The waakdienst's page (a DM to the engineer, the team leads' call, the reminder).
    PAGE_ACK = "page_ack"
    PAGE_ESCALATE = "page_escalate"
    PAGE_RESOLVE = "page_resolve"
    # Billable work: the card's "Tijd schrijven" and the inputs of its modal.
    TIME = "billing_time"
    TIME_MINUTES = "billing_time_minutes"
    TIME_KIND = "billing_time_kind"
    TIME_DESCRIPTION = "billing_time_description"


class BlockId(StrEnum):
    CARD_ACTIONS = "card_actions"
    CARD_MORE = "card_more"
    PAGE_ACTIONS = "page_actions"
    CUSTOMER = "customer"
    CONTACT = "contact"
    VIA = "via"
    TYPE = "type"
    IMPACT = "impact"
    URGENCY = "urgency"
    SUBJECT = "subject"
    DESCRIPTION = "description"
    MISSING = "missing"
    PRIORITY = "priority"
    TEXT = "text"
    # Billable work: the time modal's inputs (named as the fields its problems name).
    MINUTES = "minutes"
    KIND = "kind"


class CallbackId(StrEnum):
    NEW_TICKET = "ticket_new"
    TICKET_ACTION = "ticket_action"
    RECLASSIFY = "ticket_reclassify_view"
    REGISTERED = "ticket_registered"
    # Billable work: the time modal.
    TIME = "billing_time_view"


# Buttons on the card that open a modal asking for a text (the reason, resolution, ...).
TEXT_ACTIONS = frozenset(
    {ActionId.ESCALATE, ActionId.WAIT, ActionId.RESOLVE, ActionId.REOPEN, ActionId.NOTE}
)
