"""Every key the code uses is in the catalogue, every key in the catalogue is used, and no key
is built at run time, so that this scan of the source sees every key there is.

The scan reads the source with `ast`: every string constant counts (a key passed to `t`, one in
a mapping such as bot.i18n.sla.CLOCK_KEYS, one a Choices is built with), except the catalogue
dicts themselves.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.i18n import MESSAGES, is_plural
from bot.i18n.fields import LABEL_KEYS

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for d in ("bot", "handlers", "storage") for p in (ROOT / d).rglob("*.py"))
NAMESPACES = sorted({key.split(".")[0] for key in MESSAGES})
# A string that can only be a key: a known namespace, then dotted lower-case words.
KEY_SHAPED = re.compile(rf"^(?:{'|'.join(map(re.escape, NAMESPACES))})(?:\.[a-z0-9_]+)+$")
# The pieces of an f-string or a + that would build one.
KEY_START = re.compile(rf"^(?:{'|'.join(map(re.escape, NAMESPACES))})\.")
KEY_PIECE = re.compile(r"^[a-z0-9_.]*$")

# Callables that take a key, and the position of the key among their arguments.
KEY_ARGUMENT = {
    "t": 1,
    "tr": 1,
    "tn": 1,
    "trn": 1,
    "NotFound": 0,
    "Forbidden": 0,
    "InvalidTransition": 0,
    "ContactNotAllowed": 0,
    "DomainError": 0,
    "FileProblem": 0,
    "Problem": 1,
}
# Callables whose first argument is a place in a file, not a key: bot/policy/ names the spot
# in the policy YAML as `sla.gold.P1`, which looks like a key but is the file's own path.
PLACE_ARGUMENT = frozenset({"PolicyProblem", "bad"})


@dataclass(frozen=True)
class Found:
    where: str
    text: str


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"


def _catalogue_dicts(tree: ast.Module) -> set[int]:
    """The ids of the nodes inside a module's `MESSAGES = {...}`: texts, not uses."""
    inside: set[int] = set()
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and target.id == "MESSAGES" and isinstance(value, ast.Dict):
            inside |= {id(n) for n in ast.walk(value)}
    return inside


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _key_argument(call: ast.Call) -> ast.expr | None:
    name = _name(call.func)
    if name == "one" and isinstance(call.func, ast.Attribute):  # InvalidInput.one(field, key)
        position = 1
    elif name == "add" and isinstance(call.func, ast.Attribute):
        receiver = call.func.value
        if not (isinstance(receiver, ast.Name) and receiver.id == "problems"):
            return None
        position = 1  # Problems.add(field, key)
    elif name in KEY_ARGUMENT:
        position = KEY_ARGUMENT[name]
    else:
        return None
    return call.args[position] if len(call.args) > position else None


def _builds_a_key(node: ast.expr) -> bool:
    """An f-string or a + whose literal parts read like a key with a gap: 'label.' + field."""
    if isinstance(node, ast.JoinedStr):
        pieces = [v.value for v in node.values if isinstance(v, ast.Constant)]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        pieces = [
            side.value
            for side in (node.left, node.right)
            if isinstance(side, ast.Constant) and isinstance(side.value, str)
        ]
    else:
        return False
    return (
        bool(pieces)
        and isinstance(pieces[0], str)
        and bool(KEY_START.match(pieces[0]))
        and all(isinstance(p, str) and KEY_PIECE.match(p) for p in pieces)
    )


@dataclass
class Scan:
    constants: dict[str, list[str]]  # every string constant -> where it is
    key_arguments: list[tuple[str, ast.expr, ast.Call]]  # (where, key argument, call)
    built: list[Found]


def _scan() -> Scan:
    scan = Scan(constants={}, key_arguments=[], built=[])
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        texts = _catalogue_dicts(tree)
        places = {
            id(node.args[0])
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _name(node.func) in PLACE_ARGUMENT and node.args
        }
        for node in ast.walk(tree):
            if id(node) in texts:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                scan.constants.setdefault(node.value, []).append(_where(path, node))
            elif isinstance(node, ast.Call) and (arg := _key_argument(node)) is not None:
                scan.key_arguments.append((_where(path, node), arg, node))
            if isinstance(node, ast.expr) and id(node) not in places and _builds_a_key(node):
                scan.built.append(Found(_where(path, node), ast.unparse(node)))
    return scan


SCAN = _scan()


def _literal_keys() -> Iterator[tuple[str, str, ast.Call]]:
    for where, arg, call in SCAN.key_arguments:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            yield where, arg.value, call


def test_the_scan_sees_the_code() -> None:
    # A scan that found nothing would pass every test below.
    assert len(SOURCES) > 80
    assert len(SCAN.key_arguments) > 200
    assert "sla.clock.response" in SCAN.constants  # from bot.i18n.sla.CLOCK_KEYS
    assert "status.new" in SCAN.constants  # from bot.tickets.blocks.vocabulary.STATUS_KEYS
    assert "field.choice_list" in SCAN.constants  # a Choices default, not a t() call


def test_no_key_is_built_at_run_time() -> None:
    """'tier.' + v.sla_tier or f"sla.clock.{kind}" hides its keys from this scan: look them up
    in an explicit mapping instead, as bot.i18n.sla.CLOCK_KEYS does."""
    assert SCAN.built == []


def test_no_key_argument_is_computed_in_place() -> None:
    """A key argument is a literal, or a name bound to one (a mapping's value, a parameter):
    never an f-string, a +, or a .format() made on the spot."""
    computed = [
        Found(where, ast.unparse(arg))
        for where, arg, _ in SCAN.key_arguments
        if isinstance(arg, ast.JoinedStr | ast.BinOp)
        or (isinstance(arg, ast.Call) and _name(arg.func) in ("format", "join"))
    ]
    assert computed == []


def test_every_key_the_code_uses_is_in_the_catalogue() -> None:
    missing = {Found(where, key) for where, key, _ in _literal_keys() if key not in MESSAGES} | {
        Found(wheres[0], text)
        for text, wheres in SCAN.constants.items()
        if KEY_SHAPED.match(text) and text not in MESSAGES
    }
    assert sorted(missing, key=lambda f: f.where) == []


def test_every_key_in_the_catalogue_is_used() -> None:
    unused = sorted(set(MESSAGES) - set(SCAN.constants))
    assert unused == []


def test_plural_keys_are_given_a_count_and_the_others_are_not() -> None:
    wrong = []
    for where, key, call in _literal_keys():
        if key not in MESSAGES:
            continue
        name = _name(call.func)
        counted = name in ("tn", "trn") or any(k.arg == "count" for k in call.keywords)
        if name in ("t", "tr", "tn", "trn") and counted != is_plural(MESSAGES[key]):
            wrong.append(Found(where, key))
    assert wrong == []


def test_every_field_a_problem_names_has_a_label() -> None:
    """`problems.add("user", ...)` and `InvalidInput.one("user", ...)` name a field; the reply
    calls it by its label ("gebruiker ontbreekt"), so the label must exist."""
    named = {
        Found(where, call.args[0].value)
        for where, _, call in SCAN.key_arguments
        if _name(call.func) in ("add", "one")
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    }
    assert len(named) > 20
    assert sorted((f for f in named if f.text not in LABEL_KEYS), key=lambda f: f.where) == []
