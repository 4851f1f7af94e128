"""`python -m bench.fakes`: the fake Slack Web API and SMTP server, in a process of their own.

The ack bench measures latency in its own process; the fakes answer Balie's outbox (a card,
a thread message and an e-mail per ticket) and would otherwise compete with the load generator
for its interpreter lock and skew the measurement.

Protocol on stdin/stdout, one JSON object per line: at start it prints
{"slack_api_url": ..., "smtp_url": ...}; each "stats" line read is answered with the counts of
Slack calls per method and of e-mails received; end of input (or "quit") stops it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer


def main() -> int:
    slack = FakeSlack().start()
    smtp = SmtpServer().start()
    try:
        print(json.dumps({"slack_api_url": slack.api_url, "smtp_url": smtp.url}), flush=True)
        for line in sys.stdin:
            command = line.strip()
            if command == "quit":
                break
            if command == "stats":
                methods = Counter(slack.methods())
                stats = {"slack": dict(methods), "mail": len(smtp.received)}
                print(json.dumps(stats), flush=True)
    finally:
        slack.stop()
        smtp.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
