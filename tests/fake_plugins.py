"""Installed-for-real fake plugins: one-module distributions with a ``civicquest`` entry point
(no tests here). Put the folder on ``sys.path`` (or ``PYTHONPATH``) and build a fresh plugin host.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from civicquest.plugins._manager import set_plugin_host

__all__ = ["FAULTS", "KINDS", "RECORD", "broken_plugin", "fake_distribution", "install"]

KINDS = ("exporters", "scoring_methods", "commands", "importers")
#: The name of what each kind of broken plugin provides.
RECORD = {
    "exporters": "brokenfmt",
    "scoring_methods": "brokenscore",
    "commands": "brokencmd",
    "importers": "brokenimp",
}
#: Statements that fail. ``garbage`` and ``none`` only make sense where a value is returned.
FAULTS = {
    "raise": 'raise RuntimeError("cassé 💥 <script>")',
    "exit": "sys.exit({code})",
    "garbage": "return {garbage}",
    "none": "return None",
    "hang": "threading.Event().wait()",
}


@pytest.fixture
def fake_distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on sys.path where tests install one-module distributions with entry points
    (import this fixture), and a plugin host built afresh."""
    monkeypatch.syspath_prepend(str(tmp_path))
    previous = set_plugin_host(None)
    yield tmp_path
    set_plugin_host(previous)


def install(folder: Path, name: str, source: str) -> str:
    """Install a distribution ``name`` with one module of ``source``; return the module name."""
    module = name.replace("-", "_")
    (folder / f"{module}.py").write_text(source, encoding="utf-8")
    info = folder / f"{module}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n")
    (info / "entry_points.txt").write_text(f"[civicquest]\n{name} = {module}\n")
    return module


_HEADER = """\
import sys
import threading

import click

from civicquest import hookimpl
from civicquest.plugins._records import Exporter, Importer, ScoringMethod
"""

_HOOKS = {
    "exporters": """
def _export(data):
    {call}

@hookimpl
def register_exporters():
    {hook}
    return [Exporter(name="brokenfmt", description="d", export=_export,
                     file_extensions=(".brk",))]
""",
    "scoring_methods": """
def _score(project, options):
    {call}

@hookimpl
def register_scoring_methods():
    {hook}
    return [ScoringMethod(name="brokenscore", description="d", score=_score)]
""",
    "commands": """
@hookimpl
def register_commands(cli):
    {hook}
    @cli.command(name="brokencmd")
    def _command():
        {call}
""",
    "importers": """
def _load(project, data, options):
    {call}

@hookimpl
def register_importers():
    {hook}
    return [Importer(name="brokenimp", description="d", load=_load)]
""",
}

# What a hook or a call returns when it returns garbage.
_HOOK_GARBAGE = {"commands": 'cli.add_command(42, name="junk")'}
_CALL_GARBAGE = {
    "exporters": '"du texte, pas des octets"',
    "scoring_methods": '"pas un rapport"',
    "commands": "42",
    "importers": "42",
}


def broken_plugin(kind: str, when: str, fault: str) -> str:
    """The source of a plugin of ``kind`` that fails with ``fault`` at ``when`` (``import``:
    module level, ``hook``: in its ``register_*`` hook, ``call``: in the function it registers).
    """
    statement = FAULTS[fault]
    if fault == "exit":
        statement = statement.format(code=3 if when == "import" else 0)
    if fault == "garbage":
        garbage = (_HOOK_GARBAGE if when == "hook" else _CALL_GARBAGE).get(kind, "42")
        statement = garbage if garbage.startswith("cli.") else statement.format(garbage=garbage)
    module_level = statement if when == "import" else ""
    hook = statement if when == "hook" else "pass"
    call = statement if when == "call" else "return None"
    return _HEADER + module_level + "\n" + _HOOKS[kind].format(hook=hook, call=call)
