"""A real SMTP server (aiosmtpd) on 127.0.0.1 that collects the mail it receives.

``stop()`` really closes the listening socket, so a client connecting afterwards gets
``ConnectionRefusedError`` ("SMTP down"); ``start()`` again listens on the same port.
"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from email.message import EmailMessage
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

__all__ = ["Received", "SmtpServer"]


@dataclass(frozen=True)
class Received:
    """One accepted message: the SMTP envelope plus the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    raw: bytes
    at: float


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class SmtpServer:
    """Collects mail sent to ``smtp://127.0.0.1:PORT``.

    ``credentials=("user", "secret")`` makes AUTH (PLAIN/LOGIN, without TLS) mandatory.
    ``reject_next(times, reply)`` answers the next DATA commands with an error reply
    (default a transient ``451``), to test retrying.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int | None = None,
        credentials: tuple[str, str] | None = None,
    ) -> None:
        self.host = host
        self.port = port if port else _free_port(host)
        self.credentials = credentials
        self._controller: Controller | None = None
        self._cond = threading.Condition()
        self._received: list[Received] = []
        self._rejections: deque[str] = deque()

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> SmtpServer:
        if self._controller is not None:
            return self
        kwargs: dict[str, Any] = {}
        if self.credentials is not None:
            kwargs.update(
                auth_required=True,
                auth_require_tls=False,
                authenticator=self._authenticate,
            )
        # A Controller's event loop is closed by stop(), so each start() needs a new one.
        # asyncio's create_server sets SO_REUSEADDR, so the same port can be bound again.
        controller = Controller(
            _Handler(self),
            hostname=self.host,
            port=self.port,
            server_hostname="smtp.korton.test",
            **kwargs,
        )
        controller.start()
        self._controller = controller
        return self

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    @property
    def running(self) -> bool:
        return self._controller is not None

    def __enter__(self) -> SmtpServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    # ------------------------------------------------------------------ queries

    @property
    def received(self) -> list[Received]:
        with self._cond:
            return list(self._received)

    @property
    def messages(self) -> list[EmailMessage]:
        with self._cond:
            return [r.message for r in self._received]

    def wait_for(self, count: int = 1, timeout: float = 5.0) -> list[EmailMessage]:
        """Wait until at least ``count`` messages arrived; return all of them."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(self._received) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    subjects = [r.message["Subject"] for r in self._received]
                    raise AssertionError(
                        f"expected {count} message(s) within {timeout}s, "
                        f"got {len(self._received)}: {subjects}"
                    )
                self._cond.wait(remaining)
            return [r.message for r in self._received]

    def clear(self) -> None:
        with self._cond:
            self._received.clear()

    def reject_next(self, times: int = 1, reply: str = "451 4.3.0 Try again later") -> None:
        """Answer the next ``times`` messages' DATA with ``reply`` instead of accepting."""
        with self._cond:
            self._rejections.extend([reply] * times)

    # ------------------------------------------------------------------ internals

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if isinstance(data, LoginPassword) and self.credentials is not None:
            login = data.login.decode("utf-8")
            password = data.password.decode("utf-8")
            if (login, password) == self.credentials:
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def _accept(self, envelope: Envelope) -> str:
        with self._cond:
            if self._rejections:
                return self._rejections.popleft()
            content = envelope.original_content or envelope.content or b""
            raw = content if isinstance(content, bytes) else content.encode("utf-8")
            message = email.message_from_bytes(raw, policy=email.policy.default)
            assert isinstance(message, EmailMessage)
            self._received.append(
                Received(
                    mail_from=str(envelope.mail_from),
                    rcpt_tos=list(envelope.rcpt_tos),
                    message=message,
                    raw=raw,
                    at=time.time(),
                )
            )
            self._cond.notify_all()
            return "250 Message accepted for delivery"


class _Handler:
    def __init__(self, owner: SmtpServer) -> None:
        self._owner = owner

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        return self._owner._accept(envelope)
