"""Screenshots of every page type of a built report, at a desktop and a phone width.

    .venv/bin/python tools/screenshots.py out/aix2026/site out/screenshots [--max-height 6000]

For people reviewing the report's look (the tests check its content, validity and accessibility):
one PNG per page type and width, the whole page down to ``--max-height`` CSS pixels.
"""

from __future__ import annotations

import argparse
import base64
from pathlib import Path

from civicquest.testing import chromium

WIDTHS = (1280, 390)


def page_types(site: Path, lang: str) -> dict[str, Path]:
    """One page of each kind in ``lang``: the first of each folder, in sorted order."""
    root = site / lang
    found = {"home": root / "index.html"}
    for name in ("methodology", "data", "voter", "followup", "across"):
        if (root / f"{name}.html").exists():
            found[name] = root / f"{name}.html"
    for folder in ("compare", "lists", "questions", "communes"):
        pages = sorted((root / folder).rglob("*.html")) if (root / folder).is_dir() else []
        kinds: dict[str, Path] = {}
        for page in pages:
            kind = "index" if page.stem == "index" else "page"
            if folder == "compare" and kind == "page":
                kind = page.stem.split("-")[0]  # theme-…, competence-…
            kinds.setdefault(f"{folder}-{kind}", page)
        found.update(kinds)
    return found


def shoot(site: Path, target: Path, max_height: int) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for width in WIDTHS:
        with chromium(width) as driver:
            for lang in ("fr", "en"):
                for kind, page in page_types(site, lang).items():
                    driver.get(page.resolve().as_uri())
                    height = min(driver.execute_script("return document.body.scrollHeight"), max_height)
                    metrics = {"width": width, "height": height, "deviceScaleFactor": 1}
                    driver.execute_cdp_cmd(
                        "Emulation.setDeviceMetricsOverride", {**metrics, "mobile": width < 500}
                    )
                    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
                    path = target / f"{lang}-{kind}-{width}.png"
                    path.write_bytes(base64.b64decode(shot["data"]))
                    written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--max-height", type=int, default=6000)
    arguments = parser.parse_args()
    for path in shoot(arguments.site, arguments.target, arguments.max_height):
        print(path)


if __name__ == "__main__":
    main()
