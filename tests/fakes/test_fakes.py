"""Self-tests of the fakes, driven by real clients (slack_sdk, smtplib, slack_bolt)."""

from __future__ import annotations

import json
import smtplib
import threading
import time
from collections.abc import Iterator, Sequence
from email.message import EmailMessage
from http.client import RemoteDisconnected
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.error import URLError

import pytest
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from tests.fakes.signed import (
    SlackClient,
    block_actions_payload,
    block_suggestion_payload,
    option,
    plain_text_input_state,
    select_state,
    shortcut_payload,
    sign,
    view_submission_payload,
)
from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer

TOKEN = "xoxb-test"
SECRET = "shh-its-a-secret"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


def client_for(fake: FakeSlack, **kwargs: Any) -> WebClient:
    return WebClient(token=TOKEN, base_url=fake.api_url, **kwargs)


# ---------------------------------------------------------------------- FakeSlack


def test_post_message_with_blocks_is_recorded_and_decoded(slack: FakeSlack) -> None:
    client = client_for(slack)
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*Nieuw ticket*"}}]

    first = client.chat_postMessage(channel="#support", text="Nieuw ticket", blocks=blocks)
    second = client.chat_postMessage(channel="C0123ABCDEF", text="x", thread_ts=first["ts"])

    call = slack.calls_to("chat.postMessage")[0]
    assert call.args["channel"] == "#support"
    assert call.args["blocks"] == blocks
    assert call.token == TOKEN
    assert call.headers["authorization"] == f"Bearer {TOKEN}"
    assert call.headers["Content-Type"].startswith("application/json")
    assert not call.failed and call.status == 200

    assert first["ok"] is True
    assert first["channel"] == slack.channel_id("support") == slack.channel_id("#support")
    assert first["channel"].startswith("C")
    assert first["message"]["blocks"] == blocks
    assert second["channel"] == "C0123ABCDEF"  # ids pass through
    assert second["message"]["thread_ts"] == first["ts"]
    assert float(second["ts"]) > float(first["ts"])


def test_form_encoded_calls_decode_json_fields_and_keep_strings(slack: FakeSlack) -> None:
    client = client_for(slack)
    blocks = [{"type": "divider"}]
    # api_call with params= sends a form body, as many slack_sdk methods do.
    client.api_call(
        "chat.postMessage", params={"channel": "C1AAAAAAA", "blocks": json.dumps(blocks)}
    )
    client.conversations_history(channel="C1AAAAAAA", include_all_metadata=True, limit=5)

    posted = slack.calls_to("chat.postMessage")[0]
    (read,) = slack.calls_to("conversations.history")
    assert posted.headers["content-type"] == "application/x-www-form-urlencoded"
    assert posted.args["blocks"] == blocks
    # bools become "1", numbers strings
    assert read.args == {"channel": "C1AAAAAAA", "include_all_metadata": "1", "limit": "5"}


def test_configured_groups_views_and_overrides(slack: FakeSlack) -> None:
    client = client_for(slack)
    slack.set_usergroup("S1", ["U7", "U8"])
    assert client.usergroups_users_list(usergroup="S1")["users"] == ["U7", "U8"]
    assert client.usergroups_users_list(usergroup="S2")["users"] == []

    view = {"type": "modal", "callback_id": "ticket", "title": {"type": "plain_text", "text": "T"}}
    opened = client.views_open(trigger_id="1.2.3", view=view)["view"]
    assert opened["id"].startswith("V") and opened["callback_id"] == "ticket" and opened["hash"]
    updated = client.views_update(view_id=opened["id"], view={**view, "callback_id": "t2"})
    assert updated["view"]["id"] == opened["id"] and updated["view"]["callback_id"] == "t2"

    auth = client.auth_test()
    assert (auth["user_id"], auth["bot_id"], auth["team_id"]) == ("UBALIE", "BBALIE", "T0001")
    posted = client.chat_postMessage(channel="#support", text="a")
    client.chat_update(channel=posted["channel"], ts=posted["ts"], text="b")
    assert (slack.message("#support", posted["ts"]) or {})["text"] == "b"

    slack.set_response("auth.test", {"ok": True, "user_id": "UOTHER"})
    assert client.auth_test()["user_id"] == "UOTHER"
    slack.set_response("team.info", lambda call: {"ok": True, "team": {"id": "T0001"}})
    assert client.team_info()["team"]["id"] == "T0001"


def test_methods_balie_never_calls_are_unknown(slack: FakeSlack) -> None:
    client = client_for(slack)
    for call in (
        lambda: client.users_info(user="U1"),
        lambda: client.chat_delete(channel="C1AAAAAAA", ts="1.2"),
        lambda: client.views_push(trigger_id="1.2", view={"type": "modal", "blocks": []}),
    ):
        with pytest.raises(SlackApiError) as err:
            call()
        assert err.value.response["error"] == "unknown_method"


def test_unknown_method_is_recorded_as_failed(slack: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as err:
        client_for(slack).api_call("bogus.method")
    assert err.value.response["error"] == "unknown_method"
    (call,) = slack.calls_to("bogus.method")
    assert call.failed and call.status == 200


def test_rate_limit_surfaces_as_429_with_retry_after(slack: FakeSlack) -> None:
    slack.fail("chat.postMessage", status=429, retry_after=7)
    client = client_for(slack, retry_handlers=[])

    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="C1AAAAAAA", text="x")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "7"
    assert err.value.response["error"] == "ratelimited"
    assert client.chat_postMessage(channel="C1AAAAAAA", text="x")["ok"]  # consumed once
    first, second = slack.calls_to("chat.postMessage")
    assert (first.failed, first.status) == (True, 429)
    assert (second.failed, second.status) == (False, 200)


def test_rate_limit_retry_handler_retries_after_the_header(slack: FakeSlack) -> None:
    slack.fail("chat.postMessage", status=429, retry_after=0)
    client = client_for(slack, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])
    assert client.chat_postMessage(channel="C1AAAAAAA", text="x")["ok"]
    assert [c.status for c in slack.calls_to("chat.postMessage")] == [429, 200]


def test_server_errors_and_ok_false_errors(slack: FakeSlack) -> None:
    slack.fail("chat.update", status=503, times=2)
    slack.error("chat.postMessage", "channel_not_found")
    client = client_for(slack, retry_handlers=[])

    for _ in range(2):
        with pytest.raises(SlackApiError) as err:
            client.chat_update(channel="C1AAAAAAA", ts="1.2", text="x")
        assert err.value.response.status_code == 503
    assert client.chat_update(channel="C1AAAAAAA", ts="1.2", text="x")["ok"]

    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="#nope", text="x")
    assert err.value.response.status_code == 200
    assert err.value.response["error"] == "channel_not_found"
    assert slack.calls_to("chat.postMessage")[0].failed


def test_down_drops_connections_until_up(slack: FakeSlack) -> None:
    slack.down()
    with pytest.raises((URLError, ConnectionError)) as err:
        client_for(slack, retry_handlers=[]).chat_postMessage(channel="C1AAAAAAA", text="x")
    assert isinstance(err.value, RemoteDisconnected)
    (call,) = slack.calls_to("chat.postMessage")
    assert (call.failed, call.status) == (True, 0)

    # slack_sdk's default ConnectionErrorRetryHandler retries once, then gives up.
    slack.clear()
    with pytest.raises(ConnectionError):
        client_for(slack).chat_postMessage(channel="C1AAAAAAA", text="x")
    assert len(slack.calls_to("chat.postMessage")) == 2

    slack.up()
    assert client_for(slack).chat_postMessage(channel="C1AAAAAAA", text="x")["ok"]


def test_stopped_fake_refuses_connections() -> None:
    fake = FakeSlack().start()
    url = fake.api_url
    fake.stop()
    with pytest.raises(URLError) as err:
        WebClient(token=TOKEN, base_url=url, retry_handlers=[]).auth_test()
    assert isinstance(err.value.reason, ConnectionRefusedError)


def test_stopped_fake_can_start_again_on_the_same_port() -> None:
    fake = FakeSlack().start()
    url = fake.api_url
    fake.stop()
    fake.start()
    try:
        assert fake.api_url == url
        assert WebClient(token=TOKEN, base_url=url).auth_test()["ok"]
    finally:
        fake.stop()


def test_require_token(slack: FakeSlack) -> None:
    slack.require_token(TOKEN)
    assert client_for(slack).auth_test()["ok"]
    with pytest.raises(SlackApiError) as err:
        WebClient(token="xoxb-wrong", base_url=slack.api_url).auth_test()
    assert err.value.response["error"] == "invalid_auth"
    with pytest.raises(SlackApiError) as err:
        WebClient(base_url=slack.api_url).auth_test()
    assert err.value.response["error"] == "not_authed"


def test_response_url_posts_are_recorded(slack: FakeSlack) -> None:
    resp = WebhookClient(slack.response_url("cmd1")).send(text="Bezig…", response_type="ephemeral")
    assert (resp.status_code, resp.body) == (200, "ok")
    (call,) = slack.calls_to("response_url")
    assert call.args == {"text": "Bezig…", "response_type": "ephemeral", "_name": "cmd1"}


def test_wait_for_waits_and_reports_what_was_seen(slack: FakeSlack) -> None:
    client = client_for(slack)
    timer = threading.Timer(0.2, lambda: client.chat_postMessage(channel="#a", text="x"))
    timer.start()
    assert len(slack.wait_for("chat.postMessage", timeout=5)) == 1
    timer.join()

    started = time.monotonic()
    with pytest.raises(AssertionError, match=r"views\.open.*chat\.postMessage"):
        slack.wait_for("views.open", timeout=0.3)
    assert time.monotonic() - started >= 0.3


# ---------------------------------------------------------------------- SmtpServer


def _mail(subject: str = "Uw ticket") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "balie@korton.nl"
    msg["To"] = "klant@example.com"
    msg["Subject"] = subject
    msg.set_content("Beste klant,\n\nWe hebben uw vraag ontvangen. Groeten, café Balie\n")
    return msg


def test_smtp_receives_and_parses_mail() -> None:
    with SmtpServer() as smtp:
        assert smtp.url == f"smtp://127.0.0.1:{smtp.port}"
        with smtplib.SMTP(smtp.host, smtp.port, timeout=5) as conn:
            conn.send_message(_mail("Ticket #12 – ontvangen"), to_addrs=["klant@example.com"])
        (msg,) = smtp.wait_for(1)
        assert msg["Subject"] == "Ticket #12 – ontvangen"
        body = msg.get_body(preferencelist=("plain",))
        assert body is not None and "ontvangen. Groeten, café" in body.get_content()
        (received,) = smtp.received
        assert received.mail_from == "balie@korton.nl"
        assert received.rcpt_tos == ["klant@example.com"]


def test_smtp_stop_refuses_and_restart_on_same_port() -> None:
    smtp = SmtpServer().start()
    port = smtp.port
    with smtplib.SMTP("127.0.0.1", port, timeout=5) as conn:
        conn.send_message(_mail("een"))
    smtp.stop()
    with pytest.raises(ConnectionRefusedError):
        smtplib.SMTP("127.0.0.1", port, timeout=5)

    smtp.start()
    try:
        assert smtp.port == port
        with smtplib.SMTP("127.0.0.1", port, timeout=5) as conn:
            conn.send_message(_mail("twee"))
        assert [m["Subject"] for m in smtp.wait_for(2)] == ["een", "twee"]
    finally:
        smtp.stop()

    again = SmtpServer(port=port).start()  # a new server on a just-used port also works
    again.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_smtp_reject_next_and_credentials() -> None:
    with SmtpServer(credentials=("balie", "geheim")) as smtp:
        smtp.reject_next()
        with smtplib.SMTP(smtp.host, smtp.port, timeout=5) as conn:
            with pytest.raises(smtplib.SMTPSenderRefused):
                conn.send_message(_mail())  # AUTH is required
            conn.login("balie", "geheim")
            with pytest.raises(smtplib.SMTPDataError) as err:
                conn.send_message(_mail("afgewezen"))
            assert err.value.smtp_code == 451
            conn.send_message(_mail("geaccepteerd"))
        assert [m["Subject"] for m in smtp.wait_for(1)] == ["geaccepteerd"]
        with (
            smtplib.SMTP(smtp.host, smtp.port, timeout=5) as conn,
            pytest.raises(smtplib.SMTPAuthenticationError),
        ):
            conn.login("balie", "fout")


# ---------------------------------------------------------------------- signing


def test_sign_matches_slack_sdk_signature_verifier() -> None:
    body = b"command=%2Fticket&text=printer+stuk"
    now = int(time.time())
    headers = sign(SECRET, body, now)
    verifier = SignatureVerifier(SECRET)
    assert verifier.is_valid_request(body, headers)
    assert not SignatureVerifier("other").is_valid_request(body, headers)
    stale = sign(SECRET, body, now - 60 * 10)
    assert not verifier.is_valid_request(body, stale)  # older than 5 minutes


class _BoltServer:
    """A tiny http.server adapter so SlackClient can talk to a real Bolt App."""

    def __init__(self, app: App) -> None:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers: dict[str, str | Sequence[str]] = dict(self.headers.items())
                resp = app.dispatch(BoltRequest(body=body.decode("utf-8"), headers=headers))
                payload = resp.body.encode("utf-8")
                self.send_response(resp.status)
                for key, values in resp.headers.items():
                    for value in values:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def bolt(slack: FakeSlack) -> Iterator[tuple[SlackClient, dict[str, Any]]]:
    app = App(signing_secret=SECRET, client=client_for(slack))  # verifies token: auth.test
    seen: dict[str, Any] = {}

    @app.command("/ticket")
    def ticket(ack: Any, respond: Any, command: dict[str, Any], client: WebClient) -> None:
        ack()
        seen["command"] = command
        respond(f"Ticket aangemaakt: {command['text']}")
        client.chat_postMessage(channel="#support", text=command["text"])

    @app.action("claim")
    def claim(ack: Any, body: dict[str, Any]) -> None:
        ack()
        seen["action"] = body

    @app.view("new_ticket")
    def submit(ack: Any, view: dict[str, Any]) -> None:
        values = view["state"]["values"]
        if not values["subject"]["subject_input"]["value"]:
            ack(response_action="errors", errors={"subject": "Verplicht"})
            return
        ack()
        seen["view"] = view

    @app.options("customer")
    def customers(ack: Any, payload: dict[str, Any]) -> None:
        ack(options=[option("k1", f"Klant {payload['value']}")])

    @app.shortcut("new_ticket_shortcut")
    def shortcut(ack: Any, shortcut: dict[str, Any]) -> None:
        ack()
        seen["shortcut"] = shortcut

    @app.event("app_mention")
    def mention(event: dict[str, Any]) -> None:
        seen["event"] = event

    server = _BoltServer(app)
    try:
        yield SlackClient(server.url, SECRET), seen
    finally:
        server.close()


def test_signed_client_drives_a_real_bolt_app(
    slack: FakeSlack, bolt: tuple[SlackClient, dict[str, Any]]
) -> None:
    client, seen = bolt
    assert slack.calls_to("auth.test")  # Bolt checked the token against the fake

    resp = client.command(
        "/ticket", "printer stuk", user_id="U7", response_url=slack.response_url()
    )
    assert resp.status == 200
    (reply,) = slack.wait_for("response_url")
    assert reply.args["text"] == "Ticket aangemaakt: printer stuk"
    assert slack.wait_for("chat.postMessage")[0].args["text"] == "printer stuk"
    assert seen["command"]["user_id"] == "U7" and seen["command"]["team_id"] == "T0001"

    assert client.block_action(block_actions_payload("claim", value="T-12")).status == 200
    assert seen["action"]["actions"][0]["value"] == "T-12"
    assert seen["action"]["container"]["channel_id"] == "C1"

    empty = view_submission_payload(
        "new_ticket", {"subject": {"subject_input": plain_text_input_state(None)}}
    )
    errors = client.view_submission(empty)
    assert errors.status == 200
    assert errors.json() == {"response_action": "errors", "errors": {"subject": "Verplicht"}}
    filled = view_submission_payload(
        "new_ticket",
        {
            "subject": {"subject_input": plain_text_input_state("Printer stuk")},
            "prio": {"prio_select": select_state("high", "Hoog")},
        },
        private_metadata='{"channel": "C1"}',
    )
    assert client.view_submission(filled).status == 200
    assert seen["view"]["private_metadata"] == '{"channel": "C1"}'
    assert seen["view"]["state"]["values"]["prio"]["prio_select"]["selected_option"]["value"] == (
        "high"
    )

    options = client.block_suggestion(block_suggestion_payload("customer", "Jan"))
    assert options.json()["options"][0]["text"]["text"] == "Klant Jan"

    assert client.shortcut(shortcut_payload("new_ticket_shortcut")).status == 200
    assert seen["shortcut"]["callback_id"] == "new_ticket_shortcut"

    mention = {"type": "app_mention", "user": "U7", "text": "hoi", "channel": "C1"}
    assert client.event(mention).status == 200
    deadline = time.monotonic() + 5
    while "event" not in seen and time.monotonic() < deadline:
        time.sleep(0.01)
    assert seen["event"]["text"] == "hoi"

    assert client.url_verification("abc").json() == {"challenge": "abc"}


def test_bad_and_stale_signatures_are_rejected(bolt: tuple[SlackClient, dict[str, Any]]) -> None:
    client, seen = bolt
    stale = client.command("/ticket", "x", timestamp=int(time.time()) - 600)
    assert stale.status == 401
    body = b"command=%2Fticket&text=x"
    forged = sign("wrong-secret", body, int(time.time()))
    headers = {"Content-Type": "application/x-www-form-urlencoded", **forged}
    assert client.raw(body, headers).status == 401
    assert "command" not in seen
