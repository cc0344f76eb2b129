"""Regenerate docs/network-html.png: the interactive view of data/her.txt in headless Chromium.

Run from the repository root: ``python docs/make_screenshot.py`` (needs Debian's chromium
and the ``playwright`` package; no browser is downloaded, no network is used).
"""

from pathlib import Path
from tempfile import TemporaryDirectory

from playwright.sync_api import sync_playwright

import graphkit

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

with TemporaryDirectory() as tmp, sync_playwright() as p:
    page_path = graphkit.analyze("data/her.txt").to_html(Path(tmp) / "her.html")
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-ready]")
    page.evaluate("graphkitView.clickEdge('Theodore', 'Catherine')")
    pos = page.evaluate("graphkitView.nodePosition('Samantha')")
    page.mouse.move(pos["x"], pos["y"])
    page.wait_for_timeout(400)
    page.screenshot(path="docs/network-html.png")
    browser.close()
