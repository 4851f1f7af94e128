"""Reading a customer file (YAML or CSV) into records that remember their line.

Every problem names where it is: a YAML syntax error by line and column (from PyYAML's marks),
a CSV problem by line, and each customer and contact by the line it starts on, so an import
that refuses a file says exactly what to fix. Problems carry catalogue keys; the caller writes
them in one language.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.error import Mark, MarkedYAMLError

from bot.i18n import t

CUSTOMER_COLUMNS = ("code", "name", "sla_tier", "contract_date", "account_manager")
CONTACT_COLUMNS = ("contact_name", "contact_email", "contact_phone", "contact_role")
CSV_COLUMNS = CUSTOMER_COLUMNS + CONTACT_COLUMNS


class Row(dict[Any, Any]):
    """A customer or contact as read from a file, with the line it starts on (1-based)."""

    line: int | None = None


def line_of(record: object) -> int | None:
    return getattr(record, "line", None)


@dataclass(frozen=True)
class FileProblem:
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    # Where the construct began that the problem is in (a quote or bracket left open).
    opened: tuple[int, int] | None = None

    def text(self, lang: str) -> str:
        message = t(lang, self.key, **self.params)
        if self.opened is not None:
            line, column = self.opened
            message += t(lang, "import.yaml_opened", line=line, column=column)
        if self.line is None:
            return message
        if self.column is None:
            where = t(lang, "import.at_line_only", line=self.line)
        else:
            where = t(lang, "import.at_position", line=self.line, column=self.column)
        return f"{where}: {message}"


@dataclass
class Parsed:
    records: list[Any] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


# --- YAML ------------------------------------------------------------------------------------


class _DuplicateKey(MarkedYAMLError):
    def __init__(self, key: object, mark: Mark) -> None:
        super().__init__(problem="duplicate key", problem_mark=mark)
        self.key = key


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text (a bad date is then a named row error, not a
    crash), remembers each mapping's line, and refuses a key given twice (PyYAML would keep
    the last one without a word)."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Iterator[Row]:
    row = Row()
    row.line = node.start_mark.line + 1
    yield row
    seen: set[object] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node)
        if isinstance(key, str | int | float | bool) or key is None:
            if key in seen:
                raise _DuplicateKey(key, key_node.start_mark)
            seen.add(key)
    row.update(loader.construct_mapping(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)

# PyYAML's problems, in words a person who edits the file understands; tried in order.
_YAML_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"expected ',' or '(?P<close>[]}])'"), "import.yaml_flow"),
    (re.compile(r"mapping values are not allowed here"), "import.yaml_colon"),
    (re.compile(r"could not find expected ':'"), "import.yaml_missing_colon"),
    (re.compile(r"found character '\\t'"), "import.yaml_tab"),
    (re.compile(r"found character '(?P<char>.)' that cannot start"), "import.yaml_character"),
    (re.compile(r"expected <block end>|did not find expected"), "import.yaml_indent"),
    (re.compile(r"found unexpected end of stream"), "import.yaml_end"),
    (re.compile(r"found undefined alias '(?P<char>[^']*)'"), "import.yaml_alias"),
    (re.compile(r"found unknown escape character '(?P<char>[^']*)'"), "import.yaml_escape"),
    (re.compile(r"but found another document"), "import.yaml_documents"),
    (re.compile(r"could not determine a constructor"), "import.yaml_tag"),
)


# Problems found where something left open ends; PyYAML's context mark says where it opened.
_OPENED = frozenset({"import.yaml_flow", "import.yaml_end"})


def yaml_problem(exc: yaml.YAMLError) -> FileProblem:
    """A YAML error as what is wrong, and where."""
    if isinstance(exc, _DuplicateKey):
        key, params = "import.duplicate_key", {"key": str(exc.key)}
    else:
        problem = str(getattr(exc, "problem", "") or "")
        key, params = "import.yaml_invalid", {}
        for rx, k in _YAML_PROBLEMS:
            m = rx.search(problem)
            if m:
                key, params = k, dict(m.groupdict())
                break
    mark = getattr(exc, "problem_mark", None)
    start = getattr(exc, "context_mark", None)
    if mark is None:
        return FileProblem(key, params)
    opened = None
    if key in _OPENED and start is not None and start.line != mark.line:
        # An open quote or bracket is found only where the file ends: say where it opened.
        opened = (start.line + 1, start.column + 1)
    return FileProblem(key, params, line=mark.line + 1, column=mark.column + 1, opened=opened)


def _from_yaml(text: str) -> Parsed:
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return Parsed(problems=[yaml_problem(exc)])
    items = data.get("customers") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return Parsed(problems=[FileProblem("field.import_shape")])
    return Parsed(records=items)


# --- CSV -------------------------------------------------------------------------------------

_CSV_ERRORS = (
    (re.compile(r"NUL"), "import.csv_nul"),
    (re.compile(r"field limit"), "import.csv_long"),
)


def _from_csv(text: str) -> Parsed:
    """One row per contact; rows of one customer (by code, in any case) make one record."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    parsed = Parsed()
    try:
        columns = [c.strip() for c in reader.fieldnames or []]
        reader.fieldnames = columns
        missing = [c for c in CUSTOMER_COLUMNS if c not in columns]
        if missing:
            parsed.problems.append(
                FileProblem("field.csv_columns", {"value": ", ".join(missing)}, line=1)
            )
        for name in columns:
            if name not in CSV_COLUMNS:
                parsed.problems.append(
                    FileProblem("import.csv_unknown_column", {"value": name}, line=1)
                )
        if parsed.problems:
            return parsed
        by_code: dict[str, Row] = {}
        for row in reader:
            _csv_row(parsed, by_code, row, reader.line_num)
    except csv.Error as exc:
        key = next((k for rx, k in _CSV_ERRORS if rx.search(str(exc))), "import.csv_invalid")
        parsed.problems.append(FileProblem(key, line=reader.line_num))
        return parsed
    parsed.records = list(by_code.values())
    return parsed


def _csv_row(parsed: Parsed, by_code: dict[str, Row], row: dict[str, Any], line: int) -> None:
    if None in row:  # more fields than the header has columns
        parsed.problems.append(FileProblem("import.csv_extra_fields", line=line))
        return
    values = {k: (row.get(k) or "").strip() for k in CSV_COLUMNS}
    if not any(values.values()):
        return  # a blank line
    customer = {k: values[k] for k in CUSTOMER_COLUMNS}
    rec = by_code.get(customer["code"].lower())
    if rec is None:
        rec = by_code[customer["code"].lower()] = Row(customer, contacts=[])
        rec.line = line
    else:
        differs = [k for k in CUSTOMER_COLUMNS[1:] if rec[k] != customer[k]]
        if differs:
            params = {"code": customer["code"], "first": rec.line, "fields": ", ".join(differs)}
            parsed.problems.append(FileProblem("import.csv_customer_differs", params, line=line))
    contact = {k.removeprefix("contact_"): values[k] for k in CONTACT_COLUMNS}
    if contact["email"]:
        located = Row(contact)
        located.line = line
        rec["contacts"].append(located)
    elif any(contact.values()):
        parsed.problems.append(FileProblem("import.csv_contact_email", line=line))


def parse_file(path: Path) -> Parsed:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Parsed(problems=[FileProblem("import.not_utf8", line=line)])
    if path.suffix.lower() == ".csv":
        return _from_csv(text)
    return _from_yaml(text)
