"""Several Balie processes on one PostgreSQL database, as a deployment with replicas runs: the
replica tests start each worker module as its own process, against the same fakes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start(module: str, env: dict[str, str], count: int = 3) -> list[subprocess.Popen[str]]:
    """`count` processes of `python -m module`, with `env` over this process's environment."""
    return [
        subprocess.Popen(
            [sys.executable, "-m", module],
            cwd=ROOT,
            env=os.environ | {"PYTHONPATH": str(ROOT)} | env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]


def outputs(workers: list[subprocess.Popen[str]], timeout: float) -> list[str]:
    """What each worker printed, once all have exited; each must have exited 0 (else the
    assertion shows the end of what they wrote to stderr)."""
    done = [w.communicate(timeout=timeout) for w in workers]
    assert [w.returncode for w in workers] == [0] * len(workers), [e[-2000:] for _, e in done]
    return [out for out, _ in done]
