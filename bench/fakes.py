"""`python -m bench.fakes`: the fake Slack Web API, SMTP server and Twilio REST API, in a
process of their own.

The benches measure latency in their own process; the fakes answer Balie's outbox (a card,
a thread message and an e-mail per ticket; a page's DM, call and text) and would otherwise
compete with the load generator (or Balie itself) for its interpreter lock and skew the
measurement.

Protocol on stdin/stdout, one JSON object per line: at start it prints
{"slack_api_url": ..., "smtp_url": ..., "twilio_api_url": ...}; then each line read is answered:

- "stats": the counts of Slack calls per method and of e-mails received;
- "deliveries FIRST LAST": for the bench tickets numbered FIRST to LAST (the number is in the
  subject, "Bench ticket N"), when each card was posted and each e-mail received, as
  {"cards": {N: [unix time, ...]}, "mails": {N: [...]}}. A card is a successful
  chat.postMessage outside a thread; a ticket delivered twice has two times.
- "pages FIRST LAST USER": for the same tickets, when each was paged to USER and when its card
  was posted, as {"dms": {N: [...]}, "calls": {N: [...]}, "texts": {N: [...]}, "cards": ...}.
  A DM is a successful chat.postMessage outside a thread to the DM conversations.open gave
  for USER (its D… id); a call (a text) is a POST to Twilio's Calls.json (Messages.json) that
  it accepted (201); a card here is a message outside a thread to any other channel. The
  ticket is found by its subject in the message's text, the call's TwiML or the text's body.

End of input (or "quit") stops it.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from typing import Any

from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer
from tests.fakes.twilio_api import FakeTwilio

MARKER = "Bench ticket"
_MARKED = re.compile(re.escape(MARKER) + r" (\d+)\b")


def subject(seq: int) -> str:
    return f"{MARKER} {seq}"


def _seq(text: Any, first: int, last: int) -> int | None:
    found = _MARKED.search(text) if isinstance(text, str) else None
    if found is None:
        return None
    seq = int(found.group(1))
    return seq if first <= seq <= last else None


def deliveries(slack: FakeSlack, smtp: SmtpServer, first: int, last: int) -> dict[str, Any]:
    cards: defaultdict[int, list[float]] = defaultdict(list)
    mails: defaultdict[int, list[float]] = defaultdict(list)
    for call in slack.calls_to("chat.postMessage"):
        if call.failed or call.args.get("thread_ts"):
            continue
        seq = _seq(call.args.get("text"), first, last)
        if seq is not None:
            cards[seq].append(call.at)
    for received in smtp.received:
        seq = _seq(str(received.message["Subject"]), first, last)
        if seq is not None:
            mails[seq].append(received.at)
    return {"cards": cards, "mails": mails}


def pages(slack: FakeSlack, twilio: FakeTwilio, first: int, last: int, user: str) -> dict[str, Any]:
    found: dict[str, defaultdict[int, list[float]]] = {
        kind: defaultdict(list) for kind in ("dms", "cards", "calls", "texts")
    }
    dm = slack.opened_dms().get(user)
    for call in slack.calls_to("chat.postMessage"):
        if call.failed or call.args.get("thread_ts"):
            continue
        seq = _seq(call.args.get("text"), first, last)
        if seq is not None:
            kind = "dms" if dm is not None and call.args.get("channel") == dm else "cards"
            found[kind][seq].append(call.at)
    for request in twilio.requests:
        if request.method != "POST" or request.status != 201:
            continue
        kind, field = (
            ("calls", "Twiml") if request.path.endswith("/Calls.json") else ("texts", "Body")
        )
        seq = _seq(request.params.get(field), first, last)
        if seq is not None:
            found[kind][seq].append(request.at)
    return found


def main() -> int:
    slack = FakeSlack().start()
    smtp = SmtpServer().start()
    twilio = FakeTwilio().start()
    try:
        urls = {"slack_api_url": slack.api_url, "smtp_url": smtp.url}
        print(json.dumps({**urls, "twilio_api_url": twilio.api_url}), flush=True)
        for line in sys.stdin:
            command, *args = line.split() or [""]
            if command == "quit":
                break
            if command == "stats":
                methods = Counter(slack.methods())
                stats = {"slack": dict(methods), "mail": len(smtp.received)}
                print(json.dumps(stats), flush=True)
            elif command == "deliveries":
                first, last = (int(a) for a in args)
                print(json.dumps(deliveries(slack, smtp, first, last)), flush=True)
            elif command == "pages":
                first, last = (int(a) for a in args[:2])
                print(json.dumps(pages(slack, twilio, first, last, args[2])), flush=True)
    finally:
        slack.stop()
        smtp.stop()
        twilio.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
