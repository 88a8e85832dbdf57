"""A file that is there but cannot be read is named, never taken for absent (issue 7, 4 and 5).

Tests run as root on the CI machine, where permissions are not enforced: unreadable files and
folders are simulated by making ``os.open`` / ``os.scandir`` refuse them as the system would
for a user, and the real ``chmod 000`` cases assert what each situation must give.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from civicquest.cli import cli
from civicquest.loading.project import ProjectCheck, check_project
from os_refusals import forbid_opening_fifos, refuse
from project_builder import minimal_project, write_project

SCORING = "questionnaire: demo\noption_scores:\n  engagement: {fort: 1.0, non: 0.0}\n"
IS_ROOT = os.geteuid() == 0


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = write_project(tmp_path / "project", minimal_project())
    (folder / "scoring.yaml").write_text(SCORING, encoding="utf-8")
    (tmp_path / "voter.yaml").write_text("answers:\n  q1: {choice: fort}\n", encoding="utf-8")
    return folder


@pytest.fixture
def fifos_are_never_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    forbid_opening_fifos(monkeypatch)


def _replace(path: Path) -> None:
    if os.path.lexists(path):
        path.unlink()


def _make_folder(path: Path) -> None:
    _replace(path)
    path.mkdir()


def _make_node(mode: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _replace(path)
        os.mknod(path, 0o600 | mode)

    return make


def _make_link(target: str | None) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _replace(path)
        path.symlink_to(target or path.name)  # None: a link to itself

    return make


# kind of breakage -> (how to make it, the issue code it must give)
BREAKAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "dangling_link": (_make_link("nowhere.yaml"), "broken_link"),
    "link_loop": (_make_link(None), "link_loop"),
    "folder": (_make_folder, "not_a_file"),
    "fifo": (_make_node(stat.S_IFIFO), "not_a_file"),
    "socket": (_make_node(stat.S_IFSOCK), "not_a_file"),
    "device": (_make_link("/dev/zero"), "not_a_file"),
}


def _located(result: ProjectCheck) -> list[tuple[str, str | None, str]]:
    return [(i.code, i.file, i.severity) for i in result.issues]


@pytest.mark.usefixtures("fifos_are_never_opened")
@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
@pytest.mark.parametrize("role", ["questionnaire", "respondents", "scoring"])
def test_a_broken_project_file_is_its_own_error(project: Path, role: str, breakage: str) -> None:
    make, code = BREAKAGES[breakage]
    make(project / f"{role}.yaml")
    result = check_project(project)
    assert _located(result) == [(code, str(project / f"{role}.yaml"), "error")]
    assert result.project is None


@pytest.mark.usefixtures("fifos_are_never_opened")
@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_response_file_is_its_own_error(project: Path, breakage: str) -> None:
    make, code = BREAKAGES[breakage]
    make(project / "responses" / "a.yaml")
    # no "response_missing" for list a: its file is there, only unreadable
    assert _located(check_project(project)) == [
        (code, str(project / "responses" / "a.yaml"), "error")
    ]


def test_a_broken_respondents_file_does_not_blame_every_response(project: Path) -> None:
    (project / "respondents.yaml").write_text("respondents: [\n", encoding="utf-8")
    codes = [i.code for i in check_project(project).issues]
    assert codes == ["syntax_error"]


@pytest.mark.usefixtures("fifos_are_never_opened")
def test_the_kind_is_said_in_both_languages(project: Path) -> None:
    BREAKAGES["fifo"][0](project / "scoring.yaml")
    (issue,) = check_project(project).issues
    assert "tube nommé" in issue.message("fr")
    assert "named pipe" in issue.message("en")


def test_a_link_to_a_regular_file_is_read_as_the_file(project: Path) -> None:
    real = project.parent / "shared-scoring.yaml"
    (project / "scoring.yaml").rename(real)
    (project / "scoring.yaml").symlink_to(real)
    result = check_project(project)
    assert result.ok
    assert result.project is not None
    assert result.project.scoring is not None


# --- unreadable files and folders ---------------------------------------------------------


def test_an_unreadable_response_file_is_located(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    response = project / "responses" / "a.yaml"
    refuse(monkeypatch, "open", response)
    (issue,) = check_project(project).issues
    assert (issue.code, issue.file) == ("file_unreadable", str(response))
    assert "Permission denied" in issue.message("en")


def test_an_unreadable_responses_folder_is_located_and_not_blamed_on_lists(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse(monkeypatch, "scandir", project / "responses")
    assert _located(check_project(project)) == [
        ("folder_unreadable", str(project / "responses"), "error")
    ]


def test_an_unreadable_project_folder_is_located(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse(monkeypatch, "scandir", project)
    assert _located(check_project(project)) == [("folder_unreadable", str(project), "error")]


@pytest.mark.parametrize("place", ["responses", "responses/a.yaml", "respondents.yaml"])
def test_chmod_000_gives_the_outcome_of_the_situation(project: Path, place: str) -> None:
    """Root reads everything (the project stays valid); anyone else gets a located error."""
    target = project / place
    target.chmod(0)
    try:
        result = check_project(project)
    finally:
        target.chmod(0o755)
    if IS_ROOT:
        assert result.ok
        assert result.project is not None
        assert len(result.project.responses) == 1
    else:
        code = "folder_unreadable" if target.is_dir() else "file_unreadable"
        assert [(i.code, i.file) for i in result.errors] == [(code, str(target))]


# --- what else stands in responses/ -------------------------------------------------------


def test_responses_that_is_not_a_folder_is_an_error(project: Path) -> None:
    folder = project / "responses"
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    folder.write_text("a: 1\n")
    result = check_project(project)
    # no response_missing for list a: the responses could not be looked for at all
    assert _located(result) == [("not_a_folder", str(folder), "error")]


@pytest.mark.usefixtures("fifos_are_never_opened")
@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (_make_folder, "folder"),
        (_make_link("nowhere"), "broken_link"),
        (_make_link(None), "link_loop"),
        (_make_node(stat.S_IFIFO), "fifo"),
        (_make_node(stat.S_IFSOCK), "socket"),
        (_make_link("/dev/null"), "device"),
    ],
)
def test_other_entries_in_responses_are_reported_as_ignored(
    project: Path, make: Callable[[Path], None], kind: str
) -> None:
    entry = project / "responses" / "notes"
    make(entry)
    result = check_project(project)
    assert _located(result) == [("ignored_file", str(entry), "warning")]
    assert result.issues[0].params["kind"] == kind
    assert result.ok


COMMANDS = {
    "validate": ["validate", "{p}"],
    "summary": ["summary", "{p}"],
    "score": ["score", "{p}"],
    "sensitivity": ["sensitivity", "{p}"],
    "match": ["match", "{p}", "--answers", "{v}"],
    "export": ["export", "{p}", "-f", "csv"],
    "export-folder": ["export", "{p}", "-f", "frictionless", "-o", "{o}"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_symlink_loop_in_responses_is_a_located_error_for_every_command(
    project: Path, command: str
) -> None:
    loop = project / "responses" / "b.yaml"
    loop.symlink_to("c.yaml")
    (project / "responses" / "c.yaml").symlink_to("b.yaml")
    values = {"p": project, "v": project.parent / "voter.yaml", "o": project.parent / "out"}
    args = [arg.format(**values) for arg in COMMANDS[command]]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert f"{loop}: erreur [link_loop]" in result.output
    assert "Traceback" not in result.output
    assert not (project.parent / "out").exists()


def test_match_reads_answers_from_a_pipe_the_user_names(project: Path) -> None:
    """``--answers <(…)`` is a pipe: read it like cat would (only project files refuse pipes)."""
    pipe = project.parent / "answers.yaml"
    os.mkfifo(pipe)

    def write() -> None:
        with pipe.open("w", encoding="utf-8") as stream:
            stream.write("answers:\n  q1: {choice: fort}\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = CliRunner().invoke(cli, ["match", str(project), "--answers", str(pipe)])
    writer.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert "Liste A" in result.output
