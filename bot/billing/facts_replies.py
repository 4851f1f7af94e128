"""What the agent reads back after recording a fact: what was recorded, and what it means for
the time on the ticket (free or charged, and why). Pure: text in the agent's language, with
everything typed escaped."""

from __future__ import annotations

from bot.billing.facts import Linked, Ordered, Referred, Scoped, terms_label
from bot.billing.training import Noted, Trained
from bot.blocks.text import Raw, mention, tr, when
from bot.i18n import t, word
from bot.i18n.billing_facts import TRAINED_KEYS, TRAINING_KEYS
from bot.policy import Policy


def referred(done: Referred, lang: str) -> str:
    v = done.ticket
    return tr(
        lang, "facts.referred", number=v.number, reference=done.reference, contact=v.contact_name
    )


def linked(done: Linked, lang: str) -> str:
    number = done.ticket.number
    if done.target is None:
        key = "facts.unlinked" if done.changed else "facts.unlinked_already"
        return tr(lang, key, number=number)
    if not done.changed:
        return tr(lang, "facts.linked_already", number=number, target=done.target)
    return tr(
        lang, "facts.linked", number=number, target=done.target, reference=done.reference or ""
    )


def _kind_label(policy: Policy, scope: str, lang: str) -> str:
    where, _, code = scope.partition(":")
    kinds = policy.billing.exclusions if where == "exclusion" else policy.billing.out_of_scope
    label = kinds.get(code)
    return label(lang) if label is not None else code


def scoped(done: Scoped, policy: Policy, lang: str) -> str:
    number = done.ticket.number
    if not done.changed:
        return tr(lang, "facts.scope.unchanged", number=number)
    if done.scope is None:
        return tr(lang, "facts.scope.in_scope", number=number)
    kind = _kind_label(policy, done.scope, lang)
    if done.scope.startswith("exclusion:"):
        if done.order_reference is not None:
            return tr(
                lang,
                "facts.scope.exclusion_ordered",
                number=number,
                kind=kind,
                reference=done.order_reference,
            )
        return tr(lang, "facts.scope.exclusion", number=number, kind=kind)
    return tr(lang, "facts.scope.out_of_scope", number=number, kind=kind)


def ordered(done: Ordered, lang: str) -> str:
    number = done.ticket.number
    params = {
        "number": number,
        "reference": done.reference,
        "given_by": done.given_by,
        "given_on": done.given_on.strftime("%d-%m-%Y"),
        "terms": terms_label(done.terms.value, lang),
    }
    if done.new:
        head = tr(lang, "facts.ordered", **params)
    else:
        head = tr(
            lang,
            "facts.ordered_already",
            registered_by=mention(done.registered_by, lang),
            registered_at=when(done.registered_at),
            **params,
        )
    if done.scope is not None and done.scope.startswith("exclusion:"):
        return f"{head}\n{t(lang, 'facts.ordered.exclusion')}"
    return f"{head}\n{tr(lang, 'facts.ordered.not_excluded', number=number)}"


def noted(done: Noted, lang: str) -> str:
    m = done.manager
    if m.email and m.slack_id:
        told = tr(lang, "facts.told.both", name=m.name)
    elif m.email:
        told = tr(lang, "facts.told.mail", name=m.name)
    elif m.slack_id:
        told = tr(lang, "facts.told.dm", name=m.name)
    else:
        told = tr(lang, "facts.told.leads", name=m.name)
    text = tr(
        lang, "facts.noted", customer=done.customer_name, told=Raw(told), due=when(done.due_at)
    )
    if done.again:
        state = word(lang, TRAINING_KEYS, done.state)
        text += "\n" + tr(lang, "facts.noted_again", state=state, due=when(done.due_at))
    return text


def trained(done: Trained, lang: str) -> str:
    due = when(done.due_at)
    if done.state == "planned" and done.charged_since is not None:
        # Planned, but the period is over: only a training taken stops the charging.
        return tr(lang, "facts.trained.overdue", customer=done.customer_name, due=due)
    return tr(lang, TRAINED_KEYS[done.state], customer=done.customer_name, due=due)
