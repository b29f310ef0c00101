"""Helpers for tests that drive a real browser: a local web server for a built site and Debian's Chromium,
both from `leren.pdfbook.browser`.

Playwright's own browser downloads are never used (`playwright install` needs hosts this project cannot
reach); Playwright drives the `chromium` package that `scripts/system-deps.sh` installs.
"""

from __future__ import annotations

# One web server, one set of Chromium flags and one way to find Chromium, shared with the PDF route.
from leren.pdfbook.browser import FLAGS, HOST, OFFLINE_FLAG, chromium_path, launch, serve

CHROMIUM_FLAGS = FLAGS

__all__ = ["CHROMIUM_FLAGS", "HOST", "OFFLINE_FLAG", "chromium_path", "launch", "serve"]
