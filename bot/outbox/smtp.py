"""Sending e-mail over SMTP, as an outbox delivery."""

from __future__ import annotations

import email.policy
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate
from urllib.parse import unquote, urlsplit

from bot.outbox.dispatcher import Permanent, Retry


@dataclass(frozen=True)
class OutgoingMail:
    to: str
    subject: str
    body: str
    ticket: str
    # The outbox row and its moment: a resend after a crash carries the same Message-ID/Date.
    row_id: int
    created_at: datetime


Send = Callable[[OutgoingMail], None]


# Headers fold only past RFC 5322's hard limit of 998 characters, not at 78: Python folds a
# subject of 70-odd characters before its first word, so it would read " [KOR-000001] …", and
# e-mail intake finds the ticket by the number at the very start of the subject.
POLICY = email.policy.default.clone(max_line_length=998)


def build_message(*, mail: OutgoingMail, mail_from: str) -> EmailMessage:
    msg = EmailMessage(policy=POLICY)
    msg["From"] = mail_from
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Date"] = formatdate(mail.created_at.timestamp(), localtime=False)
    # Stable per outbox row: a resend after a crash carries the same Message-ID.
    domain = mail_from.rsplit("@", 1)[-1].strip(">") or "balie.local"
    msg["Message-ID"] = f"<balie-outbox-{mail.row_id}@{domain}>"
    msg["X-Korton-Ticket"] = mail.ticket
    msg.set_content(mail.body)
    return msg


class SmtpSender:
    def __init__(self, url: str, mail_from: str, timeout: float = 15.0) -> None:
        parts = urlsplit(url)
        self.scheme = parts.scheme
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or (465 if parts.scheme == "smtps" else 25)
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.mail_from = mail_from
        self.timeout = timeout

    def _connect(self) -> smtplib.SMTP:
        if self.scheme == "smtps":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout)
        conn = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        if self.scheme == "smtp+starttls":
            conn.starttls()
        return conn

    def send(self, mail: OutgoingMail) -> None:
        msg = build_message(mail=mail, mail_from=self.mail_from)
        try:
            with self._connect() as conn:
                if self.user:
                    conn.login(self.user, self.password or "")
                conn.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = {code for code, _ in exc.recipients.values()}
            if all(code >= 500 for code in codes):
                raise Permanent(f"recipient refused: {exc.recipients}") from None
            raise Retry(f"recipient deferred: {exc.recipients}") from None
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500 and exc.smtp_code not in (521, 554):
                raise Permanent(f"SMTP {exc.smtp_code} {exc.smtp_error!r}") from None
            raise Retry(f"SMTP {exc.smtp_code} {exc.smtp_error!r}") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise Retry(f"SMTP unreachable: {type(exc).__name__}: {exc}") from None
