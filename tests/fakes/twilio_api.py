"""A fake Twilio REST API (2010-04-01) served over real HTTP, for tests.

Balie's ``twilio.rest.Client`` is pointed at it with ``TWILIO_API_URL=fake.api_url``; nothing in
Balie is patched. It plays what Balie uses of Twilio, as Twilio answers it:

* ``POST /2010-04-01/Accounts/{AccountSid}/Calls.json`` and ``.../Messages.json``, form-encoded,
  with HTTP Basic auth (account SID + auth token). Bad or missing credentials: 401, code 20003.
  Another account's SID in the path: 404, code 20404. Calls need To, From and Twiml (or Url);
  messages To, From and Body. To and From must be E.164 (21211 "Invalid 'To' Phone Number",
  21212 for From); a From that is not one of the account's numbers is 21210 for a call, 21606
  for a message. On a trial account (:meth:`FakeTwilio.trial`) an unverified To is 21219 (call)
  or 21608 (message); :meth:`FakeTwilio.unreachable` makes a number 21214 (call) or 21614
  (message), :meth:`FakeTwilio.unsubscribed` 21610 for messages. A Twiml that is not a
  ``<Response>`` document is refused at once with 12100 (Twilio reports it when the call
  starts; refusing it here lets a test notice). A Body over 1,600 characters is 21617.
  Accepted: 201 with the resource Twilio returns (sid ``CA…``/``SM…``, status ``queued``,
  RFC 2822 dates, ``start_time`` null until the call is answered).
* ``GET .../Calls.json`` and ``.../Messages.json``: the account's resources newest first, with
  Twilio's filters (To, From, Status, ``StartTime``/``StartTime>``/``StartTime<`` — which is how
  ``StartTime>=`` arrives — and ``DateSent`` likewise for messages), PageSize and Page. Like
  Twilio, a queued call has no start time, so a StartTime filter leaves it out. The Call
  resource carries neither the Twiml nor the Url it was created with: what a caller can look
  for afterwards is To, From, the status and the dates.
* ``GET .../Calls/{Sid}.json`` and ``.../Messages/{Sid}.json``.

Failures to inject: :meth:`fail` (429 with code 20429, and ``Retry-After`` only when a test
asks for one, since Twilio's REST API does not promise it; 500/503 with 20500/20503),
optionally after the request took effect (``accepted=True``: the call was placed, the answer
says otherwise); :meth:`drop` closes the connection without an answer (before or after the
request took effect); :meth:`down` drops everything until :meth:`up`.

:meth:`keypress` plays the ``<Gather>`` callback: it POSTs Twilio's parameters (CallSid,
AccountSid, From, To, Digits, ...) to the Gather's action URL, signed with
``X-Twilio-Signature`` as Twilio signs it (:func:`signature`).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import itertools
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = [
    "ACCOUNT_SID",
    "AUTH_TOKEN",
    "FROM",
    "FakeTwilio",
    "Keypress",
    "Request",
    "signature",
]

ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "5f1e0c2b9a8d7e6f5a4b3c2d1e0f9a8b"
FROM = "+3197010250000"
API_VERSION = "2010-04-01"

_E164 = re.compile(r"^\+[1-9][0-9]{1,14}$")
_PATH = re.compile(
    r"^/2010-04-01/Accounts/(?P<account>[^/]+)/(?P<resource>Calls|Messages)"
    r"(?:/(?P<sid>[^/]+))?\.json$"
)
_CODES = {429: 20429, 500: 20500, 502: 20500, 503: 20503}
_REASONS = {429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}
Resource = dict[str, Any]


def signature(token: str, url: str, params: Mapping[str, str]) -> str:
    """X-Twilio-Signature: HMAC-SHA1 (with the auth token) of the full URL followed by each POST
    parameter's name and value, sorted by name, in base64."""
    payload = url + "".join(name + params[name] for name in sorted(params))
    mac = hmac.new(token.encode("utf-8"), payload.encode("utf-8"), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode("ascii")


@dataclass
class Request:
    """One HTTP request the fake received; ``status`` 0 when the connection was dropped."""

    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    status: int = 0
    body: Resource | None = None
    # When it arrived (unix time): what a benchmark times a page's call by (bench.page_bench).
    at: float = field(default_factory=time.time)


@dataclass
class Keypress:
    """A keypress callback the fake sent, and Balie's answer."""

    url: str
    params: dict[str, str]
    signature: str
    status: int
    body: str


@dataclass
class _Failure:
    status: int  # 0: drop the connection
    retry_after: int | None = None
    accepted: bool = False


@dataclass
class _State:
    requests: list[Request] = field(default_factory=list)
    calls: list[Resource] = field(default_factory=list)
    messages: list[Resource] = field(default_factory=list)
    params: dict[str, dict[str, str]] = field(default_factory=dict)  # sid -> create params
    failures: dict[str, deque[_Failure]] = field(default_factory=dict)
    keypresses: list[Keypress] = field(default_factory=list)
    verified: set[str] | None = None  # a trial account's verified numbers
    unreachable: set[str] = field(default_factory=set)
    unsubscribed: set[str] = field(default_factory=set)
    down: bool = False


def _error(status: int, code: int, message: str) -> tuple[int, dict[str, str], Resource]:
    body = {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
    return status, {}, body


def _rfc2822(at: datetime | None) -> str | None:
    return None if at is None else format_datetime(at.astimezone(UTC))


class FakeTwilio:
    """A threaded HTTP server playing Twilio's REST API for one account.

    ::

        with FakeTwilio() as twilio:
            client = Client(ACCOUNT_SID, AUTH_TOKEN)
            client.api.base_url = twilio.api_url
            client.calls.create(to="+31612345678", from_=FROM, twiml="<Response/>")
            (call,) = twilio.calls
    """

    def __init__(
        self,
        *,
        account_sid: str = ACCOUNT_SID,
        auth_token: str = AUTH_TOKEN,
        numbers: tuple[str, ...] = (FROM,),
        clock: Callable[[], datetime] | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.numbers = set(numbers)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._host = host
        self._port = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._cond = threading.Condition()
        self._state = _State()
        self._ids = itertools.count(1)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeTwilio:
        if self._server is None:
            server = ThreadingHTTPServer((self._host, 0), _handler_for(self))
            server.daemon_threads = True
            self._server, self._port = server, server.server_address[1]
            self._thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeTwilio:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def api_url(self) -> str:
        """Pass as TWILIO_API_URL (the client's ``api.base_url``)."""
        return f"http://{self._host}:{self._port}"

    # ------------------------------------------------------------------ what happened

    @property
    def calls(self) -> list[Resource]:
        """Every call Twilio accepted, oldest first, with its create parameters in ``params``."""
        with self._cond:
            return [dict(c, params=dict(self._state.params[c["sid"]])) for c in self._state.calls]

    @property
    def messages(self) -> list[Resource]:
        with self._cond:
            return [
                dict(m, params=dict(self._state.params[m["sid"]])) for m in self._state.messages
            ]

    @property
    def requests(self) -> list[Request]:
        with self._cond:
            return list(self._state.requests)

    @property
    def keypresses(self) -> list[Keypress]:
        with self._cond:
            return list(self._state.keypresses)

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        """Twilio's clock for the dates of new resources (e.g. a test's ManualClock.now)."""
        with self._cond:
            self._clock = clock

    # ------------------------------------------------------------------ configuration

    def trial(self, verified: tuple[str, ...]) -> None:
        """A trial account: only these numbers can be called or texted."""
        with self._cond:
            self._state.verified = set(verified)

    def unreachable(self, number: str) -> None:
        with self._cond:
            self._state.unreachable.add(number)

    def unsubscribed(self, number: str) -> None:
        """The number texted STOP: messages to it are refused (21610)."""
        with self._cond:
            self._state.unsubscribed.add(number)

    def answer(self, sid: str, status: str = "in-progress") -> None:
        """The callee picked up: the call gets a start time."""
        with self._cond:
            call = next(c for c in self._state.calls if c["sid"] == sid)
            call["status"] = status
            call["start_time"] = call["start_time"] or _rfc2822(self._clock())
            call["date_updated"] = _rfc2822(self._clock())

    # ------------------------------------------------------------------ failures

    def fail(
        self,
        resource: str,
        status: int = 429,
        *,
        retry_after: int | None = None,
        accepted: bool = False,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` requests to "Calls" or "Messages" with an HTTP error;
        ``accepted``: the request took effect all the same (the call was placed)."""
        failure = _Failure(status=status, retry_after=retry_after, accepted=accepted)
        with self._cond:
            self._state.failures.setdefault(resource, deque()).extend([failure] * times)

    def drop(self, resource: str, *, accepted: bool = False, times: int = 1) -> None:
        """Close the connection of the next ``times`` requests without an answer."""
        self.fail(resource, 0, accepted=accepted, times=times)

    def down(self) -> None:
        with self._cond:
            self._state.down = True

    def up(self) -> None:
        with self._cond:
            self._state.down = False

    # ------------------------------------------------------------------ the keypress

    def keypress(
        self,
        sid: str,
        digits: str = "1",
        *,
        send_to: str,
        token: str | None = None,
        forged: str | None = None,
    ) -> Keypress:
        """Play the caller pressing ``digits``: POST to the call's Gather action URL.

        The signature is over the action URL as Twilio saw it (Balie's public address); the
        request goes to ``send_to`` (the local server's base URL) with that URL's path and
        query. ``token`` signs with another auth token, ``forged`` sends this signature."""
        with self._cond:
            call = next(c for c in self._state.calls if c["sid"] == sid)
            twiml = self._state.params[sid].get("Twiml", "")
        gather = ET.fromstring(twiml).find(".//Gather")
        if gather is None or not gather.get("action"):
            raise AssertionError(f"call {sid} has no <Gather action=...>: {twiml}")
        url = str(gather.get("action"))
        params = {
            "AccountSid": self.account_sid,
            "ApiVersion": API_VERSION,
            "CallSid": sid,
            "CallStatus": "in-progress",
            "Called": call["to"],
            "Caller": call["from"],
            "Digits": digits,
            "Direction": "outbound-api",
            "FinishedOnKey": "",
            "From": call["from"],
            "To": call["to"],
            "msg": "Gather End",
        }
        signed = forged or signature(token or self.auth_token, url, params)
        parts, local = urlsplit(url), urlsplit(send_to)
        target = urlunsplit((local.scheme, local.netloc, parts.path, parts.query, ""))
        request = urllib.request.Request(
            target,
            data=urlencode(params).encode(),
            method="POST",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": signed,
                "User-Agent": "TwilioProxy/1.1",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as resp:
                status, body = resp.status, resp.read().decode()
        except urllib.error.HTTPError as err:
            status, body = err.code, err.read().decode("utf-8", "replace")
        press = Keypress(url=url, params=params, signature=signed, status=status, body=body)
        with self._cond:
            self._state.keypresses.append(press)
        return press

    # ------------------------------------------------------------------ request handling

    def _handle(
        self, method: str, path: str, params: dict[str, str], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], Resource] | None:
        """(status, headers, JSON body), or None to drop the connection."""
        request = Request(method=method, path=path, params=params, headers=headers)
        with self._cond:
            try:
                answer = self._answer(request)
                if answer is not None:
                    request.status, request.body = answer[0], answer[2]
                return answer
            finally:
                self._state.requests.append(request)
                self._cond.notify_all()

    def _answer(self, request: Request) -> tuple[int, dict[str, str], Resource] | None:
        if self._state.down:
            return None
        match = _PATH.match(request.path)
        if match is None:
            return _error(404, 20404, f"The requested resource {request.path} was not found")
        if not self._authorised(request.headers):
            return _error(401, 20003, "Authenticate")
        if match["account"] != self.account_sid:
            return _error(404, 20404, f"The requested resource {request.path} was not found")
        resource, sid = match["resource"], match["sid"]
        queue = self._state.failures.get(resource)
        failure = queue.popleft() if queue and request.method == "POST" and not sid else None
        if failure is not None and not failure.accepted:
            return self._failed(failure)
        answer = self._serve(request.method, resource, sid, request.params)
        if failure is not None and answer[0] == 201:
            return self._failed(failure)
        return answer

    def _failed(self, failure: _Failure) -> tuple[int, dict[str, str], Resource] | None:
        if failure.status == 0:
            return None
        code = _CODES.get(failure.status, failure.status)
        status, headers, body = _error(failure.status, code, _REASONS.get(failure.status, "Error"))
        if failure.retry_after is not None:
            headers["Retry-After"] = str(failure.retry_after)
        return status, headers, body

    def _authorised(self, headers: Mapping[str, str]) -> bool:
        auth = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
        if not auth.lower().startswith("basic "):
            return False
        try:
            user, _, password = base64.b64decode(auth[6:]).decode("utf-8").partition(":")
        except ValueError:
            return False
        return hmac.compare_digest(f"{user}:{password}", f"{self.account_sid}:{self.auth_token}")

    def _serve(
        self, method: str, resource: str, sid: str | None, params: dict[str, str]
    ) -> tuple[int, dict[str, str], Resource]:
        kept = self._state.calls if resource == "Calls" else self._state.messages
        if sid is not None:
            found = next((r for r in kept if r["sid"] == sid), None)
            if method != "GET" or found is None:
                return _error(404, 20404, f"The requested resource {sid} was not found")
            return 200, {}, dict(found)
        if method == "GET":
            return 200, {}, _page(resource, _listed(resource, kept, params), params, self)
        if method != "POST":
            return _error(405, 20004, "Method not allowed")
        problem = (self._call_problem if resource == "Calls" else self._message_problem)(params)
        if problem is not None:
            return _error(400, *problem)
        made = self._call(params) if resource == "Calls" else self._message(params)
        kept.append(made)
        self._state.params[made["sid"]] = dict(params)
        return 201, {}, dict(made)

    def _call_problem(self, params: Mapping[str, str]) -> tuple[int, str] | None:
        to, from_ = params.get("To", ""), params.get("From", "")
        if not to:
            return 21201, "No 'To' number is specified"
        if not from_:
            return 21213, "No 'From' number is specified"
        if not (params.get("Twiml") or params.get("Url") or params.get("ApplicationSid")):
            return 21205, "Url parameter is required"
        if not _E164.match(to):
            return 21211, f"Invalid 'To' Phone Number: {to}"
        if not _E164.match(from_):
            return 21212, f"Invalid 'From' Phone Number: {from_}"
        if from_ not in self.numbers:
            return 21210, f"The source phone number provided, {from_}, is not yet verified"
        if self._state.verified is not None and to not in self._state.verified:
            return 21219, f"'To' phone number not verified: {to} (trial account)"
        if to in self._state.unreachable:
            return 21214, f"'To' phone number cannot be reached: {to}"
        twiml = params.get("Twiml")
        if twiml is not None:
            try:
                root = ET.fromstring(twiml)
            except ET.ParseError:
                root = None
            if root is None or root.tag != "Response":
                return 12100, "Document parse failure"
        return None

    def _message_problem(self, params: Mapping[str, str]) -> tuple[int, str] | None:
        to, from_, body = params.get("To", ""), params.get("From", ""), params.get("Body")
        if not to:
            return 21604, "A 'To' phone number is required."
        if not from_:
            return 21603, "A 'From' phone number is required."
        if not body:
            return 21602, "Message body is required."
        if len(body) > 1600:
            return 21617, "The concatenated message body exceeds the 1600 character limit."
        if not _E164.match(to):
            return 21211, f"Invalid 'To' Phone Number: {to}"
        if not _E164.match(from_):
            return 21212, f"Invalid 'From' Phone Number: {from_}"
        if from_ not in self.numbers:
            return 21606, f"The 'From' number {from_} is not a message-capable number of yours"
        if self._state.verified is not None and to not in self._state.verified:
            return 21608, f"The number {to} is unverified (trial account)"
        if to in self._state.unsubscribed:
            return 21610, "Attempt to send to unsubscribed recipient"
        if to in self._state.unreachable:
            return 21614, f"'To' number is not a valid mobile number: {to}"
        return None

    def _base(self, prefix: str, params: Mapping[str, str]) -> Resource:
        sid = prefix + hashlib.md5(f"{prefix}{next(self._ids)}".encode()).hexdigest()
        now = _rfc2822(self._clock())
        kind = "Calls" if prefix == "CA" else "Messages"
        return {
            "sid": sid,
            "account_sid": self.account_sid,
            "api_version": API_VERSION,
            "date_created": now,
            "date_updated": now,
            "direction": "outbound-api",
            "from": params["From"],
            "to": params["To"],
            "price": None,
            "price_unit": "USD",
            "status": "queued",
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/{kind}/{sid}.json",
        }

    def _call(self, params: Mapping[str, str]) -> Resource:
        call = self._base("CA", params)
        base = call["uri"].removesuffix(".json")
        call.update(
            {
                "annotation": None,
                "answered_by": None,
                "caller_name": None,
                "duration": None,
                "end_time": None,
                "forwarded_from": None,
                "from_formatted": params["From"],
                "group_sid": None,
                "parent_call_sid": None,
                "phone_number_sid": "PN" + "0" * 32,
                "queue_time": "0",
                "start_time": None,
                "to_formatted": params["To"],
                "trunk_sid": None,
                "subresource_uris": {
                    "notifications": f"{base}/Notifications.json",
                    "recordings": f"{base}/Recordings.json",
                    "events": f"{base}/Events.json",
                },
            }
        )
        return call

    def _message(self, params: Mapping[str, str]) -> Resource:
        message = self._base("SM", params)
        message.update(
            {
                "body": params["Body"],
                "date_sent": None,
                "error_code": None,
                "error_message": None,
                "messaging_service_sid": None,
                "num_media": "0",
                "num_segments": str(1 + (len(params["Body"]) - 1) // 153),
                "subresource_uris": {"media": message["uri"].removesuffix(".json") + "/Media.json"},
            }
        )
        return message


def _when(value: str) -> datetime | date:
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return date.fromisoformat(value)


def _on(stamp: str | None, value: str, op: str) -> bool:
    """Twilio's date filters: ``StartTime=D``, ``StartTime>=D`` (sent as key ``StartTime>``)."""
    if stamp is None:
        return False
    at, bound = parsedate_to_datetime(stamp), _when(value)
    left: datetime | date = at if isinstance(bound, datetime) else at.date()
    if op == ">":
        return left >= bound  # type: ignore[operator]
    if op == "<":
        return left <= bound  # type: ignore[operator]
    return left == bound


def _listed(resource: str, kept: list[Resource], params: Mapping[str, str]) -> list[Resource]:
    stamp = "start_time" if resource == "Calls" else "date_sent"
    name = "StartTime" if resource == "Calls" else "DateSent"
    found = []
    for item in reversed(kept):  # newest first
        if any(params.get(k) and item[k.lower()] != params[k] for k in ("To", "From", "Status")):
            continue
        if not all(
            _on(item[stamp], params[name + op], op) for op in ("", ">", "<") if name + op in params
        ):
            continue
        found.append(dict(item))
    return found


def _page(
    resource: str, found: list[Resource], params: Mapping[str, str], fake: FakeTwilio
) -> Resource:
    size = max(1, min(int(params.get("PageSize", "50")), 1000))
    page = max(0, int(params.get("Page", "0")))
    base = f"/2010-04-01/Accounts/{fake.account_sid}/{resource}.json"
    query = {k: v for k, v in params.items() if k not in ("Page", "PageSize", "PageToken")}

    def uri(n: int) -> str:
        return base + "?" + urlencode({**query, "PageSize": size, "Page": n})

    chunk = found[page * size : (page + 1) * size]
    more = (page + 1) * size < len(found)
    return {
        resource.lower(): chunk,
        "end": page * size + max(len(chunk) - 1, 0),
        "first_page_uri": uri(0),
        "next_page_uri": uri(page + 1) if more else None,
        "page": page,
        "page_size": size,
        "previous_page_uri": uri(page - 1) if page else None,
        "start": page * size,
        "uri": uri(page),
    }


def _handler_for(fake: FakeTwilio) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "FakeTwilio/1.0"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self._serve()

        def do_POST(self) -> None:
            self._serve()

        def _serve(self) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8") if length else ""
            params = dict(parse_qsl(url.query, keep_blank_values=True))
            params.update(parse_qsl(body, keep_blank_values=True))
            answer = fake._handle(self.command, url.path, params, dict(self.headers.items()))
            if answer is None:
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(socket.SHUT_RDWR)
                return
            status, headers, payload = answer
            data = json.dumps(payload).encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    return Handler
