"""Take the README's screenshot of the web page: ask two questions in Debian's chromium and save a PNG.

Usage: `python -m devtools.page_screenshot http://127.0.0.1:8000 docs/web-page.png` against a running
`tweet-rag serve` (the README's one is the sample archive with the stand-in). Needs Playwright for Python
and `/usr/bin/chromium` (or `CHROMIUM=/path/to/chromium`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

QUESTIONS: tuple[str, ...] = ("When did I land in Lisbon, and what was the flat like?",)


def screenshot(url: str, target: Path, width: int = 1280, height: int = 860) -> None:
    """Open the page, ask `QUESTIONS`, open the year chart and save the viewport as PNG."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), headless=True
        )
        page = browser.new_page(viewport={"width": width, "height": height}, color_scheme="light")
        page.goto(url)
        page.get_by_role("radio", name="per year").check()
        for number, question in enumerate(QUESTIONS, start=1):
            page.get_by_test_id("question").fill(question)
            page.get_by_test_id("ask").click()
            expect(page.locator(".turn")).to_have_count(number, timeout=900_000)
            expect(page.locator(".a.streaming")).to_have_count(0, timeout=900_000)
        expect(page.get_by_test_id("timeline-bar").first).to_be_visible()
        page.get_by_test_id("question").fill("")
        page.screenshot(path=str(target))
        browser.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m devtools.page_screenshot URL TARGET.png")
    screenshot(sys.argv[1], Path(sys.argv[2]))
