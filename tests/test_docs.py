"""The docs build without a warning and cover every issue code, command and public name."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

import civicquest
from civicquest.cli import cli
from civicquest.messages import CATALOG

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.slow
def test_docs_build_without_warnings(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-b",
            "html",
            str(DOCS),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        print(result.stderr)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_every_issue_code_is_documented(code: str) -> None:
    assert f"`{code}`" in (DOCS / "validation.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## civicquest (\S+)\s*$", text, flags=re.MULTILINE))
    commands = cli.list_commands(click.Context(cli))
    assert commands, "the CLI group lists no command"
    missing = [name for name in commands if name not in headings]
    assert not missing, f"commands without a '## civicquest <name>' heading: {missing}"


def test_every_public_name_is_in_the_api_page() -> None:
    text = (DOCS / "python-api.md").read_text(encoding="utf-8")
    names = [name for name in civicquest.__all__ if name != "__version__"]
    missing = [name for name in names if not re.search(rf"\b{re.escape(name)}\b", text)]
    assert not missing, f"public names missing from docs/python-api.md: {missing}"
