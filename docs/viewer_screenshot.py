"""Regenerate docs/viewer-seed-003.png: the viewer's page for seed 003, one claim focused, in headless Chromium.

    .venv/bin/python docs/viewer_screenshot.py

Needs the system's Chromium (apt-get install chromium) and playwright (the test extra).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO_DIR = Path(__file__).resolve().parents[1]
(SEED,) = (REPO_DIR / "data" / "seeds").glob("003_*.txt")
OUT = REPO_DIR / "docs" / "viewer-seed-003.png"
FOCUSED_CLAIM = 1
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def main() -> None:
    page = subprocess.run(
        [sys.executable, "-m", "service.cli", "score", "--format", "html", str(SEED)],
        cwd=REPO_DIR, check=True, capture_output=True,
    ).stdout
    with tempfile.NamedTemporaryFile(suffix=".html") as file, sync_playwright() as playwright:
        file.write(page)
        file.flush()
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        tab = browser.new_page(viewport={"width": 1000, "height": 1500})
        tab.goto(Path(file.name).as_uri())
        tab.focus(f'[data-claim-index="{FOCUSED_CLAIM}"]')
        tab.evaluate("window.scrollTo(0, 0)")
        tab.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT.relative_to(REPO_DIR)}")


if __name__ == "__main__":
    main()
