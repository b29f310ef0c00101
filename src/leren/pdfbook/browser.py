"""The two things every browser task needs: a local web server for a built site and a headless Chromium.

This is the one copy: the PDF route, the browser tests (`tests/browser_support.py`) and the Lighthouse
benchmark use it. Chromium is Debian's `/usr/bin/chromium` (installed by `scripts/system-deps.sh`),
driven by Playwright for Python; `playwright install` is never needed. The server listens on 127.0.0.1
on a free port, so nothing leaves the machine and several servers can run side by side.
"""

from __future__ import annotations

import functools
import gzip
import io
import os
import shutil
import sys
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
HOST = "127.0.0.1"
# Every host name except 127.0.0.1 fails to resolve: nothing can leave the machine, and an attempt fails
# at once instead of waiting for a time-out. Cheaper than Playwright's route interception, which turns
# off the browser's HTTP cache.
OFFLINE_FLAG = f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {HOST}"


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


def launch(playwright, offline: bool = True, **options):
    """Start headless Chromium through a running `sync_playwright()` and return the browser. With `offline`
    no host but 127.0.0.1 can be reached. Extra keyword arguments go to `chromium.launch`."""
    # Playwright gives every launch its own temporary profile (it refuses --user-data-dir here).
    args = FLAGS + ([OFFLINE_FLAG] if offline else []) + list(options.pop("args", []))
    try:
        return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=args, **options)
    except BrowserError:
        raise
    except Exception as exc:  # Playwright raises its own Error type with an English message
        raise BrowserError(f"Chromium kon niet starten: {exc}") from exc


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass


class _CompressingHandler(_QuietHandler):
    """Sends text files gzip-compressed when the browser accepts it, as a real web host does."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".map")
    cache: dict[str, bytes] = {}

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.endswith(self.TEXT) or not os.path.isfile(path):
            return super().send_head()
        if path not in self.cache:
            with open(path, "rb") as f:
                self.cache[path] = gzip.compress(f.read(), compresslevel=6, mtime=0)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that moves on to the next page drops its open connections; that is no error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: Path | str, compress: bool = False) -> tuple[str, Callable[[], None]]:
    """Serve `directory` on 127.0.0.1 on a free port; return the base URL (ending in '/') and a stop().
    With `compress`, text files go out gzip-compressed."""
    folder = Path(directory)
    if not folder.is_dir():
        raise FileNotFoundError(f"De map '{folder}' bestaat niet; bouw eerst de site met 'make html'.")
    handler = functools.partial(_CompressingHandler if compress else _QuietHandler, directory=str(folder))
    server = _Server((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="leren-http", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return f"http://{HOST}:{server.server_address[1]}/", stop


@contextmanager
def served(directory: Path | str, compress: bool = False) -> Iterator[str]:
    """`serve` as a context manager: yields the base URL and stops the server afterwards."""
    url, stop = serve(directory, compress)
    try:
        yield url
    finally:
        stop()
