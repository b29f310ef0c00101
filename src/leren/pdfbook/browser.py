"""The two things every browser task needs: a local web server for a built site and a headless Chromium.

Chromium is Debian's `/usr/bin/chromium` (installed by `scripts/system-deps.sh`), driven by Playwright
for Python; `playwright install` is never needed. The server listens on 127.0.0.1 on a free port, so
nothing leaves the machine and several servers can run side by side.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Headless, no sandbox (containers run as root), and no background traffic to Google's services.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class BrowserError(RuntimeError):
    """Chromium cannot be found or started. The message is Dutch and says what to do."""


def chromium_path() -> str:
    """Where Chromium lives: $LEREN_CHROMIUM, else `chromium` on the PATH, else Debian's default."""
    candidate = os.environ.get("LEREN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(candidate).is_file():
        raise BrowserError(
            f"Chromium is niet gevonden ({candidate}). Installeer het met 'bash scripts/system-deps.sh' "
            "of wijs het programma aan met de omgevingsvariabele LEREN_CHROMIUM."
        )
    return candidate


def launch(playwright):
    """Start headless Chromium through a running `sync_playwright()` and return the browser."""
    try:
        return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=FLAGS)
    except BrowserError:
        raise
    except Exception as exc:  # Playwright raises its own Error type with an English message
        raise BrowserError(f"Chromium kon niet starten: {exc}") from exc


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass


def serve(directory: Path | str) -> tuple[str, Callable[[], None]]:
    """Serve `directory` on 127.0.0.1 on a free port; return the base URL (ending in '/') and a stop()."""
    folder = Path(directory)
    if not folder.is_dir():
        raise FileNotFoundError(f"De map '{folder}' bestaat niet; bouw eerst de site met 'make html'.")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="leren-http", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    host, port = server.server_address[:2]
    return f"http://{host}:{port}/", stop


@contextmanager
def served(directory: Path | str) -> Iterator[str]:
    """`serve` as a context manager: yields the base URL and stops the server afterwards."""
    url, stop = serve(directory)
    try:
        yield url
    finally:
        stop()
