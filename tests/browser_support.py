"""Helpers for tests that drive a real browser: a local web server for a built site and Debian's Chromium,
both from `leren.pdfbook.browser`, and one way to run axe-core on a page.

Playwright's own browser downloads are never used (`playwright install` needs hosts this project cannot
reach); Playwright drives the `chromium` package that `scripts/system-deps.sh` installs.
"""

from __future__ import annotations

import re
from pathlib import Path

# One web server, one set of Chromium flags and one way to find Chromium, shared with the PDF route.
from leren.pdfbook.browser import FLAGS, HOST, OFFLINE_FLAG, chromium_path, launch, serve

CHROMIUM_FLAGS = FLAGS
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
VNU = Path(__file__).parent / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
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
_AXE_RUN = """async (only) => {
    const r = await axe.run(document, {runOnly: only, resultTypes: ['violations']});
    return r.violations.flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')} (${v.impact})`));
}"""
# The WCAG 2.1 A/AA rules whose outcome depends on colours: all that can change when only the colour scheme
# changes (the page's elements, names and structure stay the same).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

__all__ = ["AXE", "CHROMIUM_FLAGS", "COLOUR_RULES", "HOST", "OFFLINE_FLAG", "REFRESH", "VNU", "WCAG_TAGS", "axe_violations",
           "chromium_path", "launch", "serve", "site_pages"]


def site_pages(root: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to `root`, sorted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def axe_violations(page, rules: list[str] | None = None) -> list[str]:
    """Run axe-core (WCAG 2.1 A and AA, or only the axe `rules` given) on the loaded page, after the theme has
    settled. The context must have `AXE` as an init script. Returns one line "rule: target (impact)" per
    failing element."""
    page.evaluate(_SETTLE)
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    return page.evaluate(_AXE_RUN, only)
