"""What a page says on the phone (TwiML) and in a text message.

The call reads the ticket out, asks to press 1, says it all once more, and says goodbye if no
key was pressed. Twilio POSTs the key to the Gather's action: the keypress URL, which names
the page, its round and its step (bot.transports.keypress). The call speaks the policy's
language: Dutch (nl-NL) unless that is English.
"""

from __future__ import annotations

from twilio.twiml.voice_response import Gather, VoiceResponse

from bot.i18n import t

KEYPRESS_PATH = "/twilio/keypress"
# Twilio's <Say> language and an Amazon Polly voice that speaks it well.
_VOICES = {"nl": ("nl-NL", "Polly.Lotte"), "en": ("en-GB", "Polly.Amy")}
# Seconds Twilio waits for the key after the last word.
GATHER_TIMEOUT = 8
# A summary is read out and texted whole only up to here: a page is an alarm, not the ticket.
SUMMARY_SPOKEN = 300
SUMMARY_TEXTED = 120


def keypress_url(public_url: str, *, page_id: int, round: int, step: int) -> str:
    """Where Twilio sends the key: {PUBLIC_URL}/twilio/keypress?page=<id>&round=<r>&step=<n>.
    The round is signed with the rest, so a late 1 on an earlier round's call cannot pass
    for an acknowledgement of the round that runs now."""
    return f"{public_url.rstrip('/')}{KEYPRESS_PATH}?page={page_id}&round={round}&step={step}"


def spoken_number(number: str) -> str:
    """KOR-000123 as a voice should read it: "K O R 1 2 3" (letters spelled, digits one by one,
    the padding zeros left out), not "kor minus honderddrieëntwintig"."""
    prefix, _, digits = number.partition("-")
    if not digits.isdigit():
        return " ".join(number.replace("-", " ").split())
    return " ".join([*prefix.upper(), *(digits.lstrip("0") or "0")])


def spoken_priority(priority: str) -> str:
    """P1 -> "1": the sentence already says "prioriteit"."""
    return priority[1:] if priority[:1] in "Pp" and priority[1:].isdigit() else priority


def _shortened(text: str, most: int) -> str:
    text = " ".join(text.split())
    if len(text) > most:
        text = text[: most - 1].rsplit(" ", 1)[0] + "…"
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def page_say(lang: str, *, number: str, customer: str, priority: str, summary: str) -> str:
    """The ticket as the call reads it out."""
    return t(
        lang,
        "phone.ticket",
        number=spoken_number(number),
        customer=customer,
        priority=spoken_priority(priority),
        # A voice reads "…" as nothing at all: end on a full stop.
        summary=_shortened(summary, SUMMARY_SPOKEN).removesuffix("…").rstrip(".") + ".",
    )


def sms_body(lang: str, *, number: str, customer: str, priority: str, summary: str) -> str:
    return t(
        lang,
        "phone.sms",
        number=number,
        customer=customer,
        priority=priority,
        summary=_shortened(summary, SUMMARY_TEXTED),
    )


def _voice(lang: str) -> dict[str, str]:
    language, voice = _VOICES["en" if lang == "en" else "nl"]
    return {"language": language, "voice": voice}


def _gather(keypress_url: str) -> Gather:
    return Gather(num_digits=1, action=keypress_url, method="POST", timeout=GATHER_TIMEOUT)


def page_twiml(*, lang: str, say: str, keypress_url: str) -> str:
    """The call of a page: the ticket, press 1, the ticket again, goodbye."""
    voice, press = _voice(lang), t(lang, "phone.press_one")
    response = VoiceResponse()
    gather = _gather(keypress_url)
    gather.say(f"{t(lang, 'phone.greeting')} {say} {press}", **voice)
    gather.pause(length=2)
    gather.say(f"{t(lang, 'phone.repeat')} {say} {press}", **voice)
    response.append(gather)
    response.say(t(lang, "phone.goodbye"), **voice)
    return str(response)


def accepted_twiml(lang: str) -> str:
    response = VoiceResponse()
    response.say(t(lang, "phone.accepted"), **_voice(lang))
    response.hangup()
    return str(response)


def again_twiml(lang: str, *, keypress_url: str) -> str:
    """Another key than 1: say so and listen once more."""
    voice = _voice(lang)
    response = VoiceResponse()
    response.say(t(lang, "phone.not_understood"), **voice)
    gather = _gather(keypress_url)
    gather.say(t(lang, "phone.press_one"), **voice)
    response.append(gather)
    response.say(t(lang, "phone.goodbye"), **voice)
    return str(response)


def handled_twiml(lang: str) -> str:
    """The keypress came for a page that is over (acknowledged by someone else, moved on to
    a later round, ended): nothing was recorded, and the caller should not think otherwise."""
    response = VoiceResponse()
    response.say(t(lang, "phone.handled"), **_voice(lang))
    response.hangup()
    return str(response)


def failed_twiml(lang: str) -> str:
    """The keypress could not be recorded: send the engineer to Slack."""
    response = VoiceResponse()
    response.say(t(lang, "phone.failed"), **_voice(lang))
    response.hangup()
    return str(response)
