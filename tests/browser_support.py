"""Helpers for tests that drive a real browser: a local web server for a built site and Debian's Chromium.

Playwright's own browser downloads are never used (`playwright install` needs hosts this project cannot
reach); Playwright drives the `chromium` package that `scripts/system-deps.sh` installs.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from leren.pdfbook.browser import FLAGS, chromium_path

HOST = "127.0.0.1"
# One set of Chromium flags and one way to find Chromium, shared with the PDF route (leren.pdfbook).
CHROMIUM_FLAGS = FLAGS
# Every host name except 127.0.0.1 fails to resolve: nothing can leave the machine, and an attempt fails
# at once instead of waiting for a time-out. Cheaper than Playwright's route interception, which turns
# off the browser's HTTP cache.
OFFLINE_FLAG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A forwarding page (the site root, moved pages): it is followed, not audited itself.
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', re.IGNORECASE)
# Waits until the theme has chosen light or dark (it starts as "auto") and every CSS transition has
# ended, so that axe measures the colours a reader sees, not a colour halfway through a transition.
_SETTLE = """async () => {
    for (let i = 0; i < 50 && !['light', 'dark'].includes(document.documentElement.dataset.theme); i++)
        await new Promise(r => setTimeout(r, 20));
    await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
}"""
_AXE_RUN = """async (tags) => {
    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return r.violations.flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')} (${v.impact})`));
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
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


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that moves on to the next page drops its open connections; that is no error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: Path | str, compress: bool = False) -> tuple[str, Callable[[], None]]:
    """Serve `directory` over HTTP on 127.0.0.1 on a free port. Returns the base URL (with a trailing
    slash) and a function that stops the server. With `compress`, text files go out gzip-compressed."""
    handler = functools.partial(_CompressingHandler if compress else _QuietHandler, directory=str(directory))
    server = _Server((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="leren-http", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return f"http://{HOST}:{server.server_address[1]}/", stop


def launch(playwright, offline: bool = True, **options):
    """Start headless Debian Chromium through Playwright (sync API) with quiet flags; with `offline` no
    host but 127.0.0.1 can be reached. Extra keyword arguments go to `chromium.launch`."""
    # Playwright gives every launch its own temporary profile (it refuses --user-data-dir here).
    args = CHROMIUM_FLAGS + ([OFFLINE_FLAG] if offline else []) + list(options.pop("args", []))
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=args, **options)


def site_pages(root: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to `root`, sorted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def axe_violations(page) -> list[str]:
    """Run axe-core (WCAG 2.1 A and AA) on the loaded page, after the theme has settled. The context must
    have `AXE` as an init script. Returns one line "rule: target (impact)" per failing element."""
    page.evaluate(_SETTLE)
    return page.evaluate(_AXE_RUN, WCAG_TAGS)
