"""Score and match output are results exporters (``needs="results"``), reached by ``score``,
``match`` and ``export --format score-*``; a third-party results exporter works end to end."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pydantic import BaseModel, ConfigDict

import civicquest
from civicquest import hookimpl
from civicquest.cli import cli
from civicquest.errors import UsageError
from civicquest.exporting.pipeline import export
from civicquest.models import Project
from civicquest.models.results import ScoreReport
from civicquest.plugins import FORMULA_PREFIXES, Exporter, ExportInput, ScoringMethod, restore
from civicquest.plugins._listing import list_plugins
from civicquest.plugins._manager import get_exporters
from civicquest.testing import aix2026, fresh_plugin_host, registered
from project_builder import minimal_project, write_project

__all__ = ["aix2026"]  # fixture

EXAMPLE = "examples/aix2026"
RESULTS_FORMATS = ("match-json", "match-table", "score-csv", "score-json", "score-table")


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))  # bytes: click's .stdout turns CRLF into LF
    return result.exit_code, result.stdout_bytes.decode(), result.stderr


# -- the built-in results exporters ----------------------------------------------------------


def test_the_default_plugin_registers_every_results_exporter() -> None:
    with fresh_plugin_host(entry_points=False):
        infos = {info.name: info for info in list_plugins()}
        records = get_exporters()
    provided = infos["civicquest.default_plugins.results"].provides["exporters"]
    assert provided == RESULTS_FORMATS
    assert all(records[name].needs == "results" for name in RESULTS_FORMATS)


@pytest.mark.parametrize(
    "method_args",
    [[], ["-m", "levels"], ["-m", "unranked", "--order", "lot", "--seed", "7"]],
    ids=["commitment", "levels", "unranked-lot"],
)
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_export_gives_what_score_prints(fmt: str, method_args: list[str]) -> None:
    scored = run("score", EXAMPLE, "--format", fmt, "--lang", "en", *method_args)
    options = [f"--option={key.lstrip('-')}={value}" for key, value in _pairs(method_args)]
    exported = run("export", EXAMPLE, "--format", f"score-{fmt}", "--lang", "en", *options)
    assert scored[0] == exported[0] == 0, exported
    assert exported[1] == scored[1]


def _pairs(args: list[str]) -> list[tuple[str, str]]:
    renamed = {"-m": "method"}
    return [
        (renamed.get(key, key), value) for key, value in zip(args[::2], args[1::2], strict=True)
    ]


def test_export_include_unpublished_also_scores_lists_without_consent(tmp_path: Path) -> None:
    project = minimal_project()
    project["responses"]["a"]["consent_to_publish"] = False
    folder = str(write_project(tmp_path / "p", project))
    hidden = run("export", folder, "--format", "score-csv")[1]
    shown = run("export", folder, "--format", "score-csv", "--include-unpublished")[1]
    assert (_ids(hidden), _ids(shown)) == ({"b"}, {"a", "b"})
    assert shown == run("score", folder, "--format", "csv", "--include-unpublished")[1]


def _ids(score_csv: str) -> set[str]:
    return {row[0] for row in csv.reader(io.StringIO(score_csv, newline=""))} - {"respondent"}


def test_match_output_is_the_match_exporters(aix2026: Project) -> None:
    voter = f"{EXAMPLE}/voter.yaml"
    for fmt in ("table", "json"):
        code, printed, _ = run("match", EXAMPLE, "--answers", voter, "--format", fmt)
        report = civicquest.match_voter(aix2026, _voter_answers(voter))
        assert code == 0
        assert printed.encode() == export(aix2026, f"match-{fmt}", results=report)


def _voter_answers(path: str) -> Any:
    import yaml

    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["match-table", "match-json"])
def test_export_of_a_match_format_says_to_run_match(fmt: str) -> None:
    code, out, err = run("export", EXAMPLE, "--format", fmt)
    assert (code, out) == (2, "")
    assert "civicquest match PROJECT --answers VOTER_FILE" in err


def test_export_options_go_to_the_method_or_say_what_exists() -> None:
    code, _, err = run("export", EXAMPLE, "--format", "score-csv", "--option", "colour=red")
    assert code == 2
    assert "'colour' is an option neither of the 'score-csv' format nor of the scoring" in err
    assert "options: include_unpublished, method, missing" in err
    code, _, err = run("export", EXAMPLE, "--format", "score-csv", "--option", "method=nope")
    assert code == 2
    assert "unknown scoring method 'nope'; available: commitment, levels, unranked" in err


def test_the_python_export_of_a_results_format_needs_results(aix2026: Project) -> None:
    with pytest.raises(UsageError, match="'score-csv' format needs results"):
        export(aix2026, "score-csv")
    report = civicquest.match_voter(aix2026, _voter_answers(f"{EXAMPLE}/voter.yaml"))
    with pytest.raises(UsageError, match="shows a score report, not a MatchReport: use score-json"):
        export(aix2026, "score-table", results=report)


def test_formats_marks_the_results_exporters() -> None:
    code, text, _ = run("formats")
    assert code == 0
    marked = [line.split()[1] for line in text.splitlines() if "[résultats / results]" in line]
    assert [name for name in marked if name in RESULTS_FORMATS] == list(RESULTS_FORMATS)
    rows = json.loads(run("formats", "--json")[1])
    needs = {row["name"]: row["needs"] for row in rows if row["direction"] == "export"}
    results = {name for name, need in needs.items() if need == "results"}
    # every results exporter is marked, the built-in ones and those of installed plugins (report)
    assert set(marked) == results
    assert results >= set(RESULTS_FORMATS)


# -- a third-party results exporter ----------------------------------------------------------


class TopOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    top: int = 3


def _top_lists(data: ExportInput) -> bytes:
    report = data.results
    assert isinstance(report, ScoreReport)
    top = data.options.top  # type: ignore[attr-defined]
    lines = [report.reproducibility.method, *(item.name for item in report.lists[:top])]
    return ("\n".join(lines) + "\n").encode("utf-8")


class TopPlugin:
    @hookimpl
    def register_exporters(self) -> Iterator[Exporter]:
        yield Exporter(
            name="top-lists",
            description="Les meilleures listes / the best lists",
            export=_top_lists,
            needs="results",
            options=TopOptions,
        )


@pytest.mark.parametrize("method", ["commitment", "levels"])
def test_a_third_party_results_exporter_works_end_to_end(aix2026: Project, method: str) -> None:
    with fresh_plugin_host(entry_points=False), registered(TopPlugin(), "top"):
        code, out, err = run(
            "export", EXAMPLE, "-f", "top-lists", "--option", "top=2", f"--option=method={method}"
        )
        listed = run("formats")[1]
    expected = civicquest.score(aix2026, method)
    assert (code, err) == (0, "")
    assert out.splitlines() == [method, *(item.name for item in expected.lists[:2])]
    assert "export top-lists [résultats / results]" in listed


def test_a_third_party_results_exporter_without_the_cli_needs_results(aix2026: Project) -> None:
    with fresh_plugin_host(entry_points=False), registered(TopPlugin(), "top"):
        with pytest.raises(UsageError, match="needs results: score the project first"):
            export(aix2026, "top-lists")
        output = export(aix2026, "top-lists", {"top": 1}, results=civicquest.score(aix2026))
    assert output == f"commitment\n{civicquest.score(aix2026).lists[0].name}\n".encode()


# -- the score CSV: hostile text is data -----------------------------------------------------

HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example";"x")',
    "+1+2",
    "-1-2",
    "@SUM(A1)",
    "\tTab",
    "\rCR",
    "\nLF",
    'Liste "citoyenne", unie',
    "'déjà neutralisée",
    "A\r\nB\rC\nD",
]


def _score_csv(tmp_path: Path, name: str, *, via: str) -> list[list[str]]:
    project = minimal_project()
    project["respondents"]["respondents"][0]["name"] = name
    folder = str(write_project(tmp_path / "p", project))
    args = ["score", folder, "--format", "csv"] if via == "score" else []
    args = args or ["export", folder, "--format", "score-csv"]
    code, out, err = run(*args)
    assert code == 0, err
    return list(csv.reader(io.StringIO(out, newline="")))


@pytest.mark.parametrize("via", ["score", "export"])
@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=repr)
def test_score_csv_keeps_a_hostile_name_in_its_cell(tmp_path: Path, name: str, via: str) -> None:
    rows = _score_csv(tmp_path, name, via=via)
    head, body = rows[0], rows[1:]
    assert len(body) == 4  # lists a and b (c is merged): overall + one theme each
    assert all(len(row) == len(head) for row in body)
    cells = [row[1] for row in body if row[0] == "a"]
    assert len(cells) == 2
    assert all(restore(cell) == name for cell in cells)
    assert not any(cell.startswith(FORMULA_PREFIXES[:-1]) for cell in cells)


def test_score_csv_neutralises_text_a_scoring_plugin_returns(aix2026: Project) -> None:
    def forged(project: Project, options: Any) -> ScoreReport:
        report = civicquest.score(project)
        first = report.lists[0].model_copy(update={"status": "=cmd|' /C calc'!A0"})
        return report.model_copy(update={"lists": (first, *report.lists[1:])})

    method = ScoringMethod(name="forged", description="forged", score=forged)

    class Methods:
        @hookimpl
        def register_scoring_methods(self) -> list[ScoringMethod]:
            return [method]

    with fresh_plugin_host(entry_points=False), registered(Methods(), "forger"):
        code, out, _ = run("export", EXAMPLE, "-f", "score-csv", "--option", "method=forged")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert code == 0
    forged_id = civicquest.score(aix2026).lists[0].respondent
    statuses = {row[2] for row in rows[1:] if row[0] == forged_id}
    assert statuses == {"'=cmd|' /C calc'!A0"}
    assert not any(row[2].startswith("'") for row in rows[1:] if row[0] != forged_id)
