"""What ``-o`` may replace, through the real command line: refusals exit 2 and change nothing,
failures exit 1 on one located line, devices and FIFOs are written through, links followed."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from civicquest.cli import cli
from civicquest.exporting.atomic import leftovers
from civicquest.exporting.outputs import MARKER

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "aix2026"
CIVICQUEST = Path(sys.executable).with_name("civicquest")
Tree = dict[str, bytes]


def tree(folder: Path) -> Tree:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def assert_refused(result: Result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    for word in words:
        assert word in lines[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "aix2026"
    shutil.copytree(EXAMPLE, copy)
    return copy


def input_files(project: Path) -> list[Path]:
    return sorted(
        [p for p in project.iterdir() if p.stem in ("questionnaire", "respondents", "scoring")]
        + list((project / "responses").iterdir())
    )


def test_exporting_a_project_onto_itself_is_refused_even_with_force(project: Path) -> None:
    before = tree(project.parent)
    for extra in ([], ["--force"]):
        result = run("export", project, "-f", "frictionless", "-o", project, *extra, "--lang", "en")
        assert_refused(result, str(project), "project folder", "never")
        parent = run("export", project, "-f", "frictionless", "-o", project.parent, *extra)
        assert_refused(parent, "dossier du projet")
        responses = run("export", project, "-f", "frictionless", "-o", project / "responses")
        assert_refused(responses)
    assert tree(project.parent) == before


@pytest.mark.parametrize("command", ["export", "score"])
def test_an_input_file_is_never_an_output(project: Path, tmp_path: Path, command: str) -> None:
    (tmp_path / "elsewhere").mkdir()
    link, hard = tmp_path / "elsewhere" / "link.yaml", tmp_path / "elsewhere" / "hard.yaml"
    targets = [*input_files(project), project / "responses" / "new.yaml"]
    before = tree(tmp_path)
    for target in targets:
        link.unlink(missing_ok=True)
        hard.unlink(missing_ok=True)
        if target.exists():
            link.symlink_to(target)
            os.link(target, hard)
        for given in (target, link, hard) if target.exists() else (target,):
            options = ["-f", "json"] if command == "export" else []
            result = run(command, project, *options, "-o", given, "--lang", "en")
            assert_refused(result, str(given), "never overwrites")
        link.unlink(missing_ok=True)
        hard.unlink(missing_ok=True)
    assert tree(tmp_path) == before


def test_a_folder_someone_else_wrote_is_refused_unless_forced(
    project: Path, tmp_path: Path
) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "thesis.odt").write_bytes(b"years of work")
    result = run("export", project, "-f", "frictionless", "-o", theirs, "--lang", "en")
    assert_refused(result, str(theirs), "not written by civicquest", "--force")
    assert tree(theirs) == {"thesis.odt": b"years of work"}
    forced = run("export", project, "-f", "frictionless", "-o", theirs, "--force")
    assert forced.exit_code == 0, forced.output
    assert "thesis.odt" not in tree(theirs)
    assert "datapackage.json" in tree(theirs)


def test_a_folder_of_another_format_is_refused(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / MARKER).write_text('{"format": "other"}\n', encoding="utf-8")
    (target / "x.txt").write_text("x", encoding="utf-8")
    result = run("export", project, "-f", "frictionless", "-o", target, "--lang", "en")
    assert_refused(result, "for the other format, not frictionless")
    assert (target / "x.txt").exists()


def test_empty_and_own_folders_are_replaced_and_marked(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    for _ in range(2):  # empty, then ours
        result = run("export", project, "-f", "frictionless", "-o", target)
        assert result.exit_code == 0, result.output
    assert '"format": "frictionless"' in (target / MARKER).read_text(encoding="utf-8")
    assert sorted(os.listdir(tmp_path)) == ["aix2026", "empty"]


def test_the_current_folder_works_when_ours_and_its_parents_never(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "site" / "data"
    target.mkdir(parents=True)
    for _ in range(2):
        monkeypatch.chdir(target)  # a shell left in the replaced folder must `cd "$PWD"`
        result = run("export", project, "-f", "frictionless", "-o", ".")
        assert result.exit_code == 0, result.output
    gone = run("export", project, "-f", "frictionless", "-o", ".", "--lang", "en")
    assert gone.exit_code == 1
    assert gone.output.startswith("Error: .: cannot write here (No such file or directory)")
    monkeypatch.chdir(target)
    assert "datapackage.json" in tree(tmp_path / "site" / "data")
    (tmp_path / "site" / "index.html").write_text("mine", encoding="utf-8")
    parent = run("export", project, "-f", "frictionless", "-o", "..", "--force", "--lang", "en")
    assert_refused(parent, "current folder")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "mine"


def test_home_and_root_are_never_replaced(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    for target, word in ((home, "home folder"), (Path("/"), "filesystem root")):
        result = run(
            "export", project, "-f", "frictionless", "-o", target, "--force", "--lang", "en"
        )
        assert_refused(result, word)
    assert (home / "Documents").is_dir()


def test_dev_null_stays_a_device(project: Path) -> None:
    for args in (["export", project, "-f", "csv"], ["score", project], ["schema", "response"]):
        result = run(*args, "-o", "/dev/null")
        assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_through(project: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("export", project, "-f", "csv", "-o", fifo)
    if result.exit_code != 0:  # never opened: release the reader
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    expected = run("export", project, "-f", "csv").stdout_bytes
    assert received == [expected]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def first_block_device() -> Path:
    with os.scandir("/dev") as entries:
        found = [
            Path(e.path) for e in entries if stat.S_ISBLK(e.stat(follow_symlinks=False).st_mode)
        ]
    assert found, "this test needs a block device in /dev"
    return sorted(found)[0]


def test_block_devices_sockets_and_folders_are_refused(project: Path, tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    link = tmp_path / "disk"
    link.symlink_to(first_block_device())
    (tmp_path / "folder").mkdir()
    cases = [(tmp_path / "sock", "a socket"), (link, "a block device"), (tmp_path / "folder", "")]
    for target, word in cases:
        result = run("export", project, "-f", "csv", "-o", target, "--lang", "en")
        assert_refused(result, str(target), word or "this is a folder; this format writes a file")
    server.close()
    assert link.is_symlink()


def test_a_link_is_followed_and_stays_a_link(project: Path, tmp_path: Path) -> None:
    real, link, dangling = tmp_path / "real.csv", tmp_path / "link.csv", tmp_path / "new.csv"
    real.write_bytes(b"old")
    link.symlink_to(real)
    dangling.symlink_to(tmp_path / "made.csv")
    for target in (link, dangling):
        result = run("export", project, "-f", "csv", "-o", target)
        assert result.exit_code == 0, result.output
        assert target.is_symlink()
    assert real.read_bytes().startswith(b"questionnaire,")
    assert (tmp_path / "made.csv").read_bytes() == real.read_bytes()
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert_refused(run("export", project, "-f", "csv", "-o", loop, "--lang", "en"), "loop")


def read_only_folder(tmp_path: Path) -> Path:
    """A folder this process cannot write to: chmod 555, or for root a sysfs folder."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir(mode=0o555)
        return folder
    return Path("/sys/kernel")


@pytest.mark.parametrize(
    "args",
    [
        ["score", "{project}"],
        ["schema", "response"],
        ["export", "{project}", "-f", "csv"],
        ["export", "{project}", "-f", "frictionless"],
    ],
)
def test_an_unwritable_place_is_one_located_line(
    project: Path, tmp_path: Path, args: list[str]
) -> None:
    given = [a.format(project=project) for a in args]
    places = [read_only_folder(tmp_path) / "out", tmp_path / "a-file" / "out"]
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    for place in places:
        result = run(*given, "-o", place, "--lang", "en")
        assert result.exit_code == 1, result.output
        assert result.output.count("\n") == 1, result.output
        assert str(place) in result.output
        assert "cannot write here" in result.output
    made = run(*given, "-o", tmp_path / "new" / "sub" / "out")
    assert made.exit_code == 0, made.output


def test_dev_stdout_is_the_command_s_standard_output(project: Path, tmp_path: Path) -> None:
    expected = subprocess.run(
        [CIVICQUEST, "export", project, "-f", "csv"], capture_output=True, check=True
    ).stdout
    piped = subprocess.run(
        [CIVICQUEST, "export", project, "-f", "csv", "-o", "/dev/stdout"], capture_output=True
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == expected
    with (tmp_path / "redirected.csv").open("wb") as stream:
        subprocess.run(
            [CIVICQUEST, "export", project, "-f", "csv", "-o", "/dev/stdout"],
            stdout=stream,
            check=True,
        )
    assert (tmp_path / "redirected.csv").read_bytes() == expected
    folder = subprocess.run(
        [CIVICQUEST, "export", project, "-f", "frictionless", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
    )
    assert folder.returncode == 2
    assert "writes a folder" in folder.stderr or "écrit un dossier" in folder.stderr


def test_stale_temporaries_go_and_live_ones_stay(project: Path, tmp_path: Path) -> None:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], text=True,
                              capture_output=True, check=True)  # fmt: skip
    dead, alive = int(finished.stdout), os.getppid()
    out = tmp_path / "out"
    out.mkdir()
    stale = [f".data.csv.civicquest-tmp-{dead}-00ff", f".pkg.civicquest-tmp-{dead}-0a"]
    kept = [f".data.csv.civicquest-tmp-{alive}-0b", ".data.csv.mine", "data.csv.civicquest-x"]
    for name in stale + kept:
        (out / name).write_bytes(b"x")
    (out / f".pkg.civicquest-old-{dead}-0c").mkdir()
    (out / f".pkg.civicquest-old-{dead}-0c" / "kept.csv").write_bytes(b"previous")
    assert sorted(leftovers(out, "data.csv")) == [stale[0]]
    assert run("export", project, "-f", "csv", "-o", out / "data.csv").exit_code == 0
    assert run("score", project, "-o", out / "other.txt").exit_code == 0
    pkg = run("export", project, "-f", "frictionless", "-o", out / "pkg", "--lang", "en")
    # The hidden copy was restored first; not marked as ours, it is then refused, not lost.
    assert_refused(pkg, "not written by civicquest")
    assert (out / "pkg" / "kept.csv").read_bytes() == b"previous"
    assert sorted(os.listdir(out)) == sorted([*kept, "data.csv", "other.txt", "pkg"])


def test_a_very_long_name_still_gets_a_temporary_file(project: Path, tmp_path: Path) -> None:
    target = tmp_path / ("é" * 120 + ".csv")  # 244 bytes: no room for a suffix
    for _ in range(2):
        assert run("export", project, "-f", "csv", "-o", target).exit_code == 0
    assert sorted(os.listdir(tmp_path)) == sorted(["aix2026", target.name])


def test_concurrent_writers_both_succeed_and_leave_one_complete_output(
    project: Path, tmp_path: Path
) -> None:
    target = tmp_path / "pkg"
    reference = tmp_path / "reference"
    subprocess.run([CIVICQUEST, "export", project, "-f", "frictionless", "-o", reference],
                   check=True, capture_output=True)  # fmt: skip
    for _ in range(3):
        writers = [
            subprocess.Popen(
                [CIVICQUEST, "export", project, "-f", "frictionless", "-o", target],
                stderr=subprocess.PIPE,
            )
            for _ in range(2)
        ]
        for writer in writers:
            _, errors = writer.communicate(timeout=120)
            assert writer.returncode == 0, errors
        assert tree(target) == tree(reference)
        assert sorted(os.listdir(tmp_path)) == ["aix2026", "pkg", "reference"]
