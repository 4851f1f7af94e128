"""`python -m bench.serve balie|bare --port P`: one app under Balie's production HTTP server.

Both apps go through bot.transports.http's gunicorn application (gthread workers, the same
options); HTTP_WORKERS and HTTP_THREADS in the environment set workers and threads for both.
Settings come from the environment, as with `python -m bot`. Binds to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import Any

from bot.settings import load_settings
from bot.transports import http


class _BareGunicorn(http._Gunicorn):
    """Balie's gunicorn application, configuration and all, loading the bare app instead."""

    def load(self) -> Any:
        from bench.bare_app import wsgi_app

        return wsgi_app(self.settings)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve")
    parser.add_argument("app", choices=("balie", "bare"))
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    # As `python -m bot` configures logging: what Balie logs in production it logs here.
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    settings = load_settings(port=args.port)
    # No control socket: it would be ~/.gunicorn/gunicorn.ctl for both apps (and for a Balie
    # running beside the bench); it plays no part in serving requests.
    extra = {"bind": f"127.0.0.1:{args.port}", "control_socket_disable": True}
    if args.app == "balie":
        http.serve(settings, **extra)
    else:
        _BareGunicorn(settings, extra).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
