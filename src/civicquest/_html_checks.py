"""HTML checks for tests: the Nu HTML Checker (``vnu.jar``, run with Java) and axe-core (injected
into pages open in Debian's headless ``chromium`` through Selenium). Public through
:mod:`civicquest.testing`.

The tools are pinned by ``tools/html-check/package.json`` and its lock file (``make node-deps``).
A missing tool fails the test with what to install: never a skip (``.ci/run`` installs them all).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

__all__ = [
    "PHONE_WIDTH",
    "WIDTHS",
    "AxeViolation",
    "HtmlMessage",
    "axe_violations",
    "chromium",
    "chromium_at_width",
    "html_errors",
]

#: The widths every page is checked at: a desktop window and a phone.
PHONE_WIDTH = 390
WIDTHS: tuple[int, ...] = (1280, PHONE_WIDTH)

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
NODE_MODULES_VARIABLE = "CIVICQUEST_HTML_CHECK_MODULES"
_HTML_CHECK = Path("tools") / "html-check"
_INSTALL_NODE = "run `make node-deps` (npm ci in tools/html-check; needs Node.js and npm)"
_BUDGET_SECONDS = 600


@dataclass(frozen=True)
class HtmlMessage:
    """One error of the Nu HTML Checker: where it is and what it says."""

    path: Path
    line: int | None
    column: int | None
    message: str
    extract: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line or '?'}:{self.column or '?'}: {self.message}"


@dataclass(frozen=True)
class AxeViolation:
    """One axe-core rule a page breaks, with the CSS selectors of the elements that break it."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}): {self.help} at {', '.join(self.targets)}"


def _node_modules() -> Path:
    """Where ``make node-deps`` installed the checking tools: the environment variable, else the
    checkout civicquest is installed from (editable), else the working directory's."""
    if configured := os.environ.get(NODE_MODULES_VARIABLE):
        return Path(configured)
    for root in (Path(__file__).resolve().parents[2], Path.cwd()):
        candidate = root / _HTML_CHECK / "node_modules"
        if candidate.is_dir():
            return candidate
    return Path.cwd() / _HTML_CHECK / "node_modules"


def _required(path: Path, what: str, install: str) -> Path:
    if not path.exists():
        # a failure, never a skip: CI installs every tool (.ci/run)
        pytest.fail(f"{what} is missing ({path}): {install}", pytrace=False)
    return path


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "java is missing (the Nu HTML Checker runs on it): apt-get install -y "
            "default-jre-headless",
            pytrace=False,
        )
    return java


def html_errors(paths: Iterable[Path], *, warnings: bool = False) -> list[HtmlMessage]:
    """Check every file in one run of the Nu HTML Checker (Java starts once: batch the pages).

    Returns the errors (and, with ``warnings``, the warnings) in the order the checker gives;
    an empty list means every page is valid HTML. Files ending in ``.css`` or ``.svg`` are
    checked as CSS or SVG.
    """
    files = [str(Path(p)) for p in paths]
    if not files:
        return []
    jar = _required(
        _node_modules() / "vnu-jar" / "build" / "dist" / "vnu.jar", "vnu.jar", _INSTALL_NODE
    )
    command = [_java(), "-jar", str(jar), "--format", "json", "--exit-zero-always"]
    command += ["--also-check-css", "--also-check-svg", *files]
    run = subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=_BUDGET_SECONDS
    )
    # the checker writes its JSON report on standard error
    report = json.loads(run.stderr or run.stdout)
    kept = {"error", "non-document-error"} | ({"info"} if warnings else set())
    return [_html_message(m) for m in report["messages"] if m.get("type") in kept]


def _html_message(message: dict[str, Any]) -> HtmlMessage:
    url = str(message.get("url", ""))
    path = Path(url2pathname(urlparse(url).path)) if url else Path("?")
    return HtmlMessage(
        path=path,
        line=message.get("lastLine"),
        column=message.get("firstColumn"),
        message=str(message.get("message", "")),
        extract=str(message.get("extract", "")),
    )


@contextmanager
def chromium(width: int = WIDTHS[0], height: int = 900) -> Iterator[WebDriver]:
    """A headless Debian ``chromium`` driven by Selenium, its viewport ``width`` CSS pixels wide
    (a phone's, touch and ``<meta name=viewport>`` honoured, under 500 px)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for tool in (CHROMIUM, CHROMEDRIVER):
        _required(Path(tool), tool, "apt-get install -y chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    options.add_argument(f"--window-size={max(width, 800)},{height}")
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1}
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {**metrics, "mobile": width < 500}
        )
        yield driver
    finally:
        driver.quit()


_AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ["violations"]})
  .then(results => done(JSON.stringify(results.violations)))
  .catch(error => done(JSON.stringify({error: String(error)})));
"""


def axe_violations(
    driver: WebDriver, impact: Sequence[str] = ("serious", "critical")
) -> list[AxeViolation]:
    """Run axe-core on the page open in ``driver`` and return the violations of those impacts
    (axe's levels: minor, moderate, serious, critical)."""
    script = _required(_node_modules() / "axe-core" / "axe.min.js", "axe-core", _INSTALL_NODE)
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(script.read_text("utf-8"))
    driver.set_script_timeout(60)
    found = json.loads(driver.execute_async_script(_AXE_RUN))
    if isinstance(found, dict):
        raise RuntimeError(f"axe-core failed on {driver.current_url}: {found['error']}")
    return [
        AxeViolation(
            rule=v["id"],
            impact=v["impact"],
            help=v["help"],
            targets=tuple(str(n["target"]) for n in v["nodes"]),
        )
        for v in found
        if v.get("impact") in impact
    ]


@pytest.fixture(scope="session", params=WIDTHS, ids=lambda width: f"{width}px")
def chromium_at_width(request: pytest.FixtureRequest) -> Iterator[WebDriver]:
    """A headless Chromium at each of :data:`WIDTHS` in turn: one browser per width for the whole
    session (pytest groups the tests by width)."""
    with chromium(request.param) as driver:
        yield driver
