"""Plugins that fail must fail alone.

A matrix of installed plugins (real distributions on ``sys.path``) that raise, call
``sys.exit()``, return garbage, return None or hang, at import time, in their ``register_*`` hook
or in the function they register, for each hook kind. Every command that does not use the broken
plugin prints byte for byte what it prints without it; the commands that use it fail with a
one-line error naming the plugin (exit 1, no traceback); ``civicquest plugins`` names it.

A hanging plugin runs in a subprocess with a timeout, and only with the commands that do not
call it: civicquest loads plugins per need (see docs/plugins/index.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from civicquest import hookimpl
from civicquest.analysis.sensitivity import LeftOut, sensitivity
from civicquest.cli import cli
from civicquest.errors import PluginError
from civicquest.models import Project
from civicquest.models.results import ScoreReport
from civicquest.plugins._manager import get_scoring_methods, set_plugin_host
from civicquest.plugins._records import ScoringMethod
from civicquest.scoring import score_commitment
from civicquest.testing import aix2026, fresh_plugin_host, registered
from fake_plugins import KINDS, broken_plugin, fake_distribution, install

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "aix2026")
VOTER = str(ROOT / "examples" / "aix2026" / "voter.yaml")
__all__ = ["aix2026", "fake_distribution"]  # fixtures used below

COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", EXAMPLE],
    "summary": ["summary", EXAMPLE, "--lang", "en"],
    "score": ["score", EXAMPLE, "--format", "csv"],
    "sensitivity": ["sensitivity", EXAMPLE],
    "export-json": ["export", EXAMPLE, "--format", "json"],
    "export-csv": ["export", EXAMPLE, "--format", "csv"],
    "match": ["match", EXAMPLE, "--answers", VOTER],
    "formats": ["formats"],
}
# Commands that import every installed plugin, and those that call each register_* hook.
LOADS_INSTALLED = {"sensitivity", "export-csv", "formats"}
CALLS_HOOK = {
    "exporters": {"export-csv", "formats"},
    "scoring_methods": {"sensitivity"},
    "commands": set[str](),
    "importers": {"formats"},
}
# Commands whose output lists the records of a working hook (so they differ, rightly).
LISTS_RECORDS = {"exporters": {"formats"}, "importers": {"formats"}}

Outcome = tuple[int, str, str]


def _cases() -> Iterator[tuple[str, str, str]]:
    for kind in KINDS:
        for fault in ("raise", "exit", "hang"):
            yield kind, "import", fault
        for fault in ("raise", "exit", "garbage", "none", "hang"):
            if not (kind == "commands" and fault == "none"):  # returning None is the contract
                yield kind, "hook", fault
        for fault in ("raise", "exit", "garbage", "none", "hang"):
            yield kind, "call", fault


CASES = list(_cases())


def _case_id(case: tuple[str, str, str]) -> str:
    return "-".join(case)


def _distribution(case: tuple[str, str, str]) -> str:
    return "civicquest-broken-" + "-".join(case).replace("_", "")


def unaffected(kind: str, when: str, fault: str) -> list[str]:
    """The commands that must not notice the broken plugin at all."""
    if fault == "hang":
        used = {"import": LOADS_INSTALLED, "hook": CALLS_HOOK[kind]}.get(when, set())
        if when == "call":
            used = {"sensitivity"} if kind == "scoring_methods" else set()
    else:
        used = set()
    if when == "call":
        used = used | LISTS_RECORDS.get(kind, set())
    return [name for name in COMMANDS if name not in used]


def _run(args: list[str]) -> Outcome:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def baseline() -> dict[str, Outcome]:
    """Every command's exit code, stdout and stderr with only the real plugins installed."""
    previous = set_plugin_host(None)
    try:
        return {name: _run(args) for name, args in COMMANDS.items()}
    finally:
        set_plugin_host(previous)


def _no_traceback(outcome: Outcome) -> None:
    code, stdout, stderr = outcome
    assert code in (0, 1, 2)
    assert "Traceback" not in stdout + stderr


# -- commands that do not use a broken plugin are not changed by it -------------------------


@pytest.mark.parametrize("case", [c for c in CASES if c[2] != "hang"], ids=_case_id)
def test_commands_that_do_not_use_a_broken_plugin_are_unchanged(
    case: tuple[str, str, str], fake_distribution: Path, baseline: dict[str, Outcome]
) -> None:
    kind, when, fault = case
    install(fake_distribution, _distribution(case), broken_plugin(kind, when, fault))
    for name in unaffected(kind, when, fault):
        outcome = _run(COMMANDS[name])
        if name == "sensitivity" and kind == "scoring_methods" and when == "call":
            # the broken method is left out with a note on stderr; the comparison is the same
            assert outcome[:2] == baseline[name][:2]
            assert "méthode 'brokenscore' : écartée de la comparaison" in outcome[2]
            continue
        assert outcome == baseline[name], name


def _in_subprocess(folder: Path, commands: list[list[str]]) -> list[Outcome]:
    code = (
        "import json, sys\nfrom click.testing import CliRunner\nfrom civicquest.cli import cli\n"
        "out = []\nfor args in json.loads(sys.stdin.read()):\n"
        "    r = CliRunner().invoke(cli, args)\n    out.append([r.exit_code, r.stdout, r.stderr])\n"
        "print(json.dumps(out))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), *sys.path])}
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(commands),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,  # a command that calls the hanging plugin never returns
        check=True,
    )
    return [tuple(item) for item in json.loads(result.stdout)]  # type: ignore[misc]


@pytest.mark.parametrize("case", [c for c in CASES if c[2] == "hang"], ids=_case_id)
def test_a_hanging_plugin_is_never_called_by_commands_that_do_not_use_it(
    case: tuple[str, str, str], tmp_path: Path, baseline: dict[str, Outcome]
) -> None:
    install(tmp_path, _distribution(case), broken_plugin(*case))
    names = unaffected(*case)
    assert "validate" in names
    outcomes = _in_subprocess(tmp_path, [COMMANDS[name] for name in names])
    assert dict(zip(names, outcomes, strict=True)) == {name: baseline[name] for name in names}


# -- civicquest plugins names each plugin broken at import or in its hook -------------------

REASONS = {
    ("import", "raise"): "cannot import '{module}': RuntimeError: cassé 💥 <script>",
    ("import", "exit"): "called sys.exit(3) while loading '{module}'",
    ("hook", "raise"): "register_{kind}() raised RuntimeError: cassé 💥 <script>",
    ("hook", "exit"): "register_{kind}() called sys.exit(0)",
    ("hook", "garbage"): "register_{kind}() returned an int, not a list",
    ("hook", "none"): "register_{kind}() returned None, not a list",
}


@pytest.mark.parametrize("case", [c for c in CASES if (c[1], c[2]) in REASONS], ids=_case_id)
def test_plugins_names_each_broken_plugin_and_its_reason(
    case: tuple[str, str, str], fake_distribution: Path
) -> None:
    kind, when, fault = case
    module = install(fake_distribution, _distribution(case), broken_plugin(kind, when, fault))
    listed = _run(["plugins", "--json"])
    text = _run(["plugins"])
    reason = REASONS[when, fault].format(module=module, kind=kind)
    if (kind, when, fault) == ("commands", "hook", "garbage"):
        reason = "register_commands() added an int as 'junk'"
    broken = json.loads(listed[1])["broken"]
    assert broken == [
        {"plugin": _distribution(case), "stage": "record" if "added" in reason else
         ("import" if when == "import" else "hook"), "error": reason}
    ]  # fmt: skip
    assert listed[0] == text[0] == 0
    assert f"{_distribution(case)} [" in text[1]
    assert reason in text[1]
    assert "tabular 0.1.0 (civicquest-tabular)" in text[1]  # the others are still listed


# -- commands that use a broken plugin fail with its name, exit 1, and write nothing --------

FAILING_CALLS = ("raise", "exit", "garbage", "none")


@pytest.mark.parametrize("fault", FAILING_CALLS)
def test_an_exporter_that_fails_names_its_plugin_and_writes_nothing(
    fault: str, fake_distribution: Path
) -> None:
    case = ("exporters", "call", fault)
    install(fake_distribution, _distribution(case), broken_plugin(*case))
    target = fake_distribution / "out.brk"
    outcome = _run(["export", EXAMPLE, "--format", "brokenfmt", "-o", str(target)])
    _no_traceback(outcome)
    assert outcome[0] == 1
    assert f"plugin {_distribution(case)!r}: the 'brokenfmt' exporter" in outcome[2]
    assert not target.exists()


def test_an_exporter_calling_sys_exit_0_is_an_error(fake_distribution: Path) -> None:
    case = ("exporters", "call", "exit")
    install(fake_distribution, _distribution(case), broken_plugin(*case))
    outcome = _run(["export", EXAMPLE, "--format", "brokenfmt"])
    assert outcome == (1, "", f"Error: plugin {_distribution(case)!r}: the 'brokenfmt' "
                             "exporter called sys.exit(0)\n")  # fmt: skip


@pytest.mark.parametrize("fault", FAILING_CALLS)
def test_score_with_a_failing_method_names_its_plugin(fault: str, fake_distribution: Path) -> None:
    case = ("scoring_methods", "call", fault)
    install(fake_distribution, _distribution(case), broken_plugin(*case))
    outcome = _run(["score", EXAMPLE, "-m", "brokenscore"])
    _no_traceback(outcome)
    expected = {
        "raise": "raised RuntimeError: cassé 💥 <script>",
        "exit": "called sys.exit(0)",
        "garbage": "returned a str, not a result model",
        "none": "returned None, not a result model",
    }[fault]
    where = f"plugin {_distribution(case)!r}: the scoring method 'brokenscore'"
    assert outcome == (1, "", f"Error: {where} {expected}\n")


@pytest.mark.parametrize("fault", FAILING_CALLS)
def test_sensitivity_leaves_a_failing_method_out_with_a_note(
    fault: str, fake_distribution: Path, baseline: dict[str, Outcome]
) -> None:
    case = ("scoring_methods", "call", fault)
    install(fake_distribution, _distribution(case), broken_plugin(*case))
    code, stdout, stderr = _run(COMMANDS["sensitivity"])
    assert (code, stdout) == baseline["sensitivity"][:2]
    [note] = stderr.splitlines()
    assert note.startswith(
        f"extension {_distribution(case)!r}, méthode 'brokenscore' : écartée de la comparaison : "
    )


def test_a_plugin_command_that_raises_is_a_one_line_error(fake_distribution: Path) -> None:
    case = ("commands", "call", "raise")
    install(fake_distribution, _distribution(case), broken_plugin(*case))
    outcome = _run(["brokencmd"])
    assert outcome == (
        1,
        "",
        f"Error: plugin {_distribution(case)!r}: the command 'brokencmd' raised "
        "RuntimeError: cassé 💥 <script>\n",
    )


def test_a_plugin_command_keeps_its_own_exit_status(fake_distribution: Path) -> None:
    case = ("commands", "call", "exit")
    install(fake_distribution, _distribution(case), broken_plugin(*case))
    assert _run(["brokencmd"]) == (0, "", "")


# -- sensitivity: the reference is the project's own method; nothing is not a perfect match --


def _method(name: str, score: Callable[[Project, Any], Any]) -> ScoringMethod:
    return ScoringMethod(name=name, description=name, score=score)


class Methods:
    def __init__(self, *methods: ScoringMethod) -> None:
        self.methods = methods

    @hookimpl
    def register_scoring_methods(self) -> list[ScoringMethod]:
        return list(self.methods)


def _reversed_commitment(project: Project, options: Any) -> ScoreReport:
    report = score_commitment(project, options)
    lists = [s.model_copy(update={"score": 100 - s.score}) for s in report.lists if s.score]
    return report.model_copy(update={"lists": tuple(lists)})


def _unscored(project: Project, options: Any) -> ScoreReport:
    report = score_commitment(project, options)
    lists = tuple(s.model_copy(update={"score": None}) for s in report.lists)
    return report.model_copy(update={"lists": lists})


def test_a_method_whose_name_sorts_first_is_not_the_reference(aix2026: Project) -> None:
    with fresh_plugin_host(strict=False), registered(Methods(_method("aaa", _reversed_commitment))):
        report = sensitivity(aix2026, dict(get_scoring_methods()))
    assert (report.reference.method, report.reference.policy) == ("commitment", "project")
    aaa = next(s for s in report.scenarios if s.method == "aaa" and s.policy == "project")
    assert aaa.spearman is not None
    assert aaa.spearman < 0  # the reversed order, compared with the project's own


def test_a_method_that_scores_nothing_is_not_a_perfect_agreement(aix2026: Project) -> None:
    with fresh_plugin_host(strict=False), registered(Methods(_method("blank", _unscored))):
        result = CliRunner().invoke(cli, ["sensitivity", EXAMPLE, "--lang", "en"])
    blank = [line for line in result.stdout.splitlines() if line.startswith("blank /")]
    assert len(blank) == 4
    assert all("spearman –, kendall –" in line for line in blank)


def test_a_method_that_returns_a_report_without_lists_is_left_out(aix2026: Project) -> None:
    def empty(project: Project, options: Any) -> ScoreReport:
        return score_commitment(project, options).model_copy(update={"lists": ()})

    with fresh_plugin_host(strict=False), registered(Methods(_method("empty", empty)), "vide"):
        report = sensitivity(aix2026, dict(get_scoring_methods()), providers={"empty": "vide"})
    assert report.left_out == (LeftOut("empty", "vide", "returned a report with no lists"),)
    assert {s.method for s in report.scenarios} == {"commitment"}


def test_a_failing_reference_method_stops_the_comparison(aix2026: Project) -> None:
    def broken(project: Project, options: Any) -> ScoreReport:
        raise SystemExit(4)

    with pytest.raises(PluginError, match=r"'moi': the scoring method 'mine' called sys.exit\(4\)"):
        sensitivity(aix2026, {"mine": _method("mine", broken)}, reference="mine",
                    providers={"mine": "moi"})  # fmt: skip


def test_a_result_that_is_not_a_score_report_is_shown_only_as_json(aix2026: Project) -> None:
    class Count(BaseModel):
        lists: int

    def count(project: Project, options: Any) -> Count:
        return Count(lists=len(project.respondents))

    with fresh_plugin_host(strict=False), registered(Methods(_method("count", count)), "compte"):
        table = _run(["score", EXAMPLE, "-m", "count"])
        as_json = _run(["score", EXAMPLE, "-m", "count", "--format", "json"])
    message = "the scoring method 'count' returned a Count, not a ScoreReport: only --format json"
    assert table == (1, "", f"Error: plugin 'compte': {message} can show it\n")
    assert (as_json[0], json.loads(as_json[1])) == (0, {"lists": len(aix2026.respondents)})
