"""``--update-golden`` when this plugin's tests run alone (the repository's tests/ adds it too)."""

from __future__ import annotations

import contextlib

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    # already added by tests/conftest.py when the whole suite runs
    with contextlib.suppress(ValueError):
        parser.addoption(
            "--update-golden",
            action="store_true",
            help="Rewrite the golden files from the current output instead of comparing.",
        )
