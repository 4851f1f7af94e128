"""The prompt: read lines until :stop or end of input, and hand each to the session."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from bot.clock import Clock, SystemClock
from bot.i18n import Localized, t
from bot.policy import load_policy
from bot.settings import Settings
from bot.transports.console.files import DEFAULT_FOLDER
from bot.transports.console.personas import console_policy
from bot.transports.console.screen import Screen
from bot.transports.console.session import Console

log = logging.getLogger(__name__)

# Before the policy is read, the console speaks Balie's default language.
DEFAULT_LANG = "nl"


def _lines(
    stdin: TextIO | None, screen: Screen, prompt: Callable[[], str], interactive: bool
) -> Iterator[str]:
    if interactive:
        # Line editing and history for input(), where the platform has readline.
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401
        while True:
            try:
                yield input(prompt())
            except EOFError:
                screen.say()
                return
    stream = stdin or sys.stdin
    # Typed lines are echoed when they come from a file or a pipe, so the output reads as a
    # transcript; a terminal echoes them itself.
    echo = not stream.isatty()
    while True:
        screen.write(prompt())
        line = stream.readline()
        if not line:
            screen.say()
            return
        if echo:
            screen.write(line if line.endswith("\n") else line + "\n")
        yield line


def run_console(
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    clock: Clock | None = None,
    demo: bool = True,
    files: Path = DEFAULT_FOLDER,
) -> int:
    """Run Balie at a prompt until :stop or end of input; returns the exit code. Files Balie
    uploads are saved in `files` (`:bestanden MAP` changes it during the session)."""
    screen = Screen(stdout or sys.stdout)
    lang = DEFAULT_LANG
    try:
        policy = console_policy(load_policy(settings.policy_file))
        lang = policy.language
        console = Console(
            settings,
            screen,
            policy=policy,
            clock=clock or SystemClock(),
            demo=demo,
            files=files,
        )
    except Exception as exc:
        log.exception("console mode could not start")
        error = exc.text(lang) if isinstance(exc, Localized) else f"{type(exc).__name__}: {exc}"
        screen.say(t(lang, "console.cannot_start", error=error))
        return 1
    interactive = stdin is None and stdout is None and sys.stdin.isatty() and sys.stdout.isatty()
    try:
        console.banner()
        for line in _lines(stdin, screen, lambda: console.prompt, interactive):
            try:
                if not console.handle(line):
                    break
            except Exception:
                # One bad line must not end the session; the handlers' own errors are
                # already answered by Balie, this is for the console's own mistakes.
                log.exception("console: %r failed", line)
                console.say("console.failed")
    except KeyboardInterrupt:
        screen.say()
    finally:
        console.close()
    console.say("console.goodbye")
    return 0
