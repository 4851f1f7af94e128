from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from bot import logs
from bot.settings import SettingsError, load_settings
from tests.conftest import Balie

GOLD_P1 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'


@pytest.fixture
def restore_root() -> Iterator[None]:
    root = logging.getLogger()
    scheduler = logging.getLogger("apscheduler")
    handlers, level, scheduler_level = list(root.handlers), root.level, scheduler.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    scheduler.setLevel(scheduler_level)


def test_a_json_line_carries_what_it_is_about(
    restore_root: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.configure(level="INFO", fmt="json")
    logging.getLogger("bot.outbox").warning(
        "retry in %ss", 4, extra={logs.TICKET: "KOR-000042", logs.OUTBOX: 17, logs.KIND: "card"}
    )
    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert line["level"] == "WARNING" and line["logger"] == "bot.outbox"
    assert line["message"] == "retry in 4s"
    assert (line["ticket"], line["outbox_id"], line["kind"]) == ("KOR-000042", 17, "card")
    assert "time" in line and isinstance(line["process"], int)


def test_a_stack_trace_stays_inside_its_line(
    restore_root: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.configure(level="INFO", fmt="json")
    try:
        raise RuntimeError("smtp down <!channel>")
    except RuntimeError:
        logging.getLogger("bot").exception("delivery failed")
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert "RuntimeError: smtp down" in json.loads(lines[0])["exc_info"]


def test_text_format_for_a_terminal(restore_root: None, capsys: pytest.CaptureFixture[str]) -> None:
    logs.configure(level="INFO", fmt="text")
    logging.getLogger("bot").info("hallo")
    assert capsys.readouterr().err.strip().endswith("INFO bot: hallo")


def test_an_unknown_log_format_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_FORMAT", "xml")
    with pytest.raises(SettingsError) as err:
        load_settings()
    assert "LOG_FORMAT" in err.value.report("nl") and "json, text" in err.value.report("nl")


def test_a_failed_delivery_names_its_row_and_ticket(
    restore_root: None, capsys: pytest.CaptureFixture[str], balie: Balie
) -> None:
    logs.configure(level="INFO", fmt="json")
    balie.fake.fail("chat.postMessage", status=503, times=1)
    number = balie.register(GOLD_P1 + " Alles ligt plat")
    balie.drain()
    lines = [json.loads(x) for x in capsys.readouterr().err.splitlines() if x.startswith("{")]
    (retry,) = [x for x in lines if "retry in" in x["message"]]
    assert retry["ticket"] == number and retry["kind"] == "card"
    assert isinstance(retry["outbox_id"], int)
    # Outside a delivery, lines carry nothing they are not about.
    logging.getLogger("bot").info("daarna")
    after = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert "ticket" not in after and "outbox_id" not in after


def test_a_note_outside_a_delivery_leaves_nothing_behind(
    restore_root: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.configure(level="INFO", fmt="json")
    logs.note(**{logs.TICKET: "KOR-000001"})
    logging.getLogger("bot").info("los")
    assert "ticket" not in json.loads(capsys.readouterr().err.strip().splitlines()[-1])


@pytest.mark.parametrize(("level", "shown"), [("INFO", False), ("DEBUG", True)])
def test_apschedulers_info_lines_show_only_when_debugging(
    level: str, shown: bool, restore_root: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.configure(level=level, fmt="text")
    scheduler_log = logging.getLogger("apscheduler.executors.default")
    scheduler_log.info('Job "sweep" executed successfully')
    scheduler_log.warning('Run time of job "sweep" was missed by 0:00:31')
    err = capsys.readouterr().err
    assert ("executed successfully" in err) is shown
    assert "was missed by" in err
