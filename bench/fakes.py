"""`python -m bench.fakes`: the fake Slack Web API and SMTP server, in a process of their own.

The ack bench measures latency in its own process; the fakes answer Balie's outbox (a card,
a thread message and an e-mail per ticket) and would otherwise compete with the load generator
for its interpreter lock and skew the measurement.

Protocol on stdin/stdout, one JSON object per line: at start it prints
{"slack_api_url": ..., "smtp_url": ...}; then each line read is answered:

- "stats": the counts of Slack calls per method and of e-mails received;
- "deliveries FIRST LAST": for the bench tickets numbered FIRST to LAST (the number is in the
  subject, "Bench ticket N"), when each card was posted and each e-mail received, as
  {"cards": {N: [unix time, ...]}, "mails": {N: [...]}}. A card is a successful
  chat.postMessage outside a thread; a ticket delivered twice has two times.

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


def main() -> int:
    slack = FakeSlack().start()
    smtp = SmtpServer().start()
    try:
        print(json.dumps({"slack_api_url": slack.api_url, "smtp_url": smtp.url}), flush=True)
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
    finally:
        slack.stop()
        smtp.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
