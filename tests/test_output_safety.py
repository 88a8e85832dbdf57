"""Fault injection: whatever step of a write fails or is killed, the target is old or new.

Each case writes a file or a folder over a target in some state, and makes the k-th call to an
operating-system function (open, write, fsync, rename, replace, mkdir, chmod, unlink, rmdir, and
the ``renameat2`` wrappers) fail, for every k until the write completes untouched. "raise" makes
the call raise ``OSError``; "kill" runs the write in a forked child that SIGKILLs itself at that
call, so no clean-up code runs at all. After each, the target holds its old or its new content,
and the next run leaves no temporary entry behind.
"""

from __future__ import annotations

import errno
import functools
import json
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from civicquest import __version__
from civicquest.exporting import renaming
from civicquest.exporting.atomic import clean_leftovers
from civicquest.exporting.outputs import MARKER, OutputError
from civicquest.exporting.pipeline import write_output

OS_STEPS = ("open", "write", "fsync", "replace", "rename", "mkdir", "chmod", "unlink", "rmdir")
RENAME_STEPS = ("rename_exchange", "rename_noreplace")
OLD_FILE, NEW_FILE = b"old content\n", b"new content\n"
OLD_FOLDER = {"a.csv": b"old a", "sub/b.csv": b"old b"}
NEW_FOLDER = {"a.csv": b"new a", "c/d/e.csv": b"new e", "f.csv": b"new f"}
FORMAT = "tree"
Snapshot = bytes | dict[str, bytes] | None


@pytest.fixture(autouse=True)
def no_disk_flush(monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync is still a counted step that can fail; flushing for real only slows these tests
    (no test can cut the power; the ordering fsync protects is what is checked here)."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


def snapshot(path: Path) -> Snapshot:
    """A file's bytes, a folder's {relative path: bytes}, or None when absent."""
    if path.is_dir():
        return {
            p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()
        }
    return path.read_bytes() if path.exists() else None


def with_marker(files: dict[str, bytes]) -> dict[str, bytes]:
    marker = {"civicquest": __version__, "format": FORMAT}
    return {**files, MARKER: (json.dumps(marker, sort_keys=True) + "\n").encode()}


class InjectedFaultError(OSError):
    pass


class Faults:
    """Count the calls to the patched functions; act on the ``fail_at``-th one."""

    def __init__(self, fail_at: int, action: Callable[[], None]) -> None:
        self.fail_at, self.action, self.calls = fail_at, action, 0

    def wrap(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.fail_at:
                self.action()
            return function(*args, **kwargs)

        return wrapper


@contextmanager
def faults_at(fail_at: int, action: Callable[[], None], fallback: bool) -> Iterator[Faults]:
    faults = Faults(fail_at, action)
    with pytest.MonkeyPatch.context() as patch:
        for name in OS_STEPS:
            patch.setattr(os, name, faults.wrap(getattr(os, name)))
        for name in RENAME_STEPS:
            original = getattr(renaming, name)
            if fallback:
                original = _unsupported
            patch.setattr(renaming, name, faults.wrap(original))
        yield faults


def _unsupported(*args: object) -> None:
    raise renaming.RenameUnsupportedError(errno.ENOSYS, "simulated: no renameat2")


def raise_fault() -> None:
    raise InjectedFaultError(errno.EIO, "injected fault")


def kill_self() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def run_faulted(write: Callable[[], None], fail_at: int, mode: str, fallback: bool) -> str:
    """Run ``write`` with a fault at call ``fail_at``: "done", "failed" or "killed"."""
    if mode == "raise":
        failure = None
        with faults_at(fail_at, raise_fault, fallback) as faults:
            try:
                write()
            except OutputError as error:
                failure = error
        if failure is not None:
            assert failure.exit_code == 1, failure
            return "failed"
        return "done" if faults.calls < fail_at else "survived"
    pid = os.fork()
    if pid == 0:  # the child: write, dying at the chosen call
        code = 0
        try:
            with faults_at(fail_at, kill_self, fallback) as faults:
                write()
            code = 3 if faults.calls < fail_at else 4
        except BaseException:
            code = 5
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return "killed"
    return {3: "done", 4: "survived", 5: "failed"}[os.WEXITSTATUS(status)]


def hidden_copies(target: Path) -> list[Snapshot]:
    hidden = [p for p in target.parent.iterdir() if ".civicquest-old-" in p.name]
    return [snapshot(p) for p in hidden]


KINDS = ["file", "folder", "folder-two-renames", "file-through-link", "folder-through-link"]


def prepare(tmp_path: Path, kind: str, state: str) -> tuple[Path, Path, Snapshot, Snapshot]:
    """(path given to -o, real target, old snapshot, new snapshot)."""
    folder = "folder" in kind
    real = tmp_path / "out" / ("package" if folder else "data.csv")
    new: Snapshot = with_marker(NEW_FOLDER) if folder else NEW_FILE
    old: Snapshot = None
    if state == "ours":
        write_output(OLD_FOLDER if folder else OLD_FILE, real, FORMAT)
        old = snapshot(real)
    given = real
    if kind.endswith("through-link"):
        (tmp_path / "links").mkdir(parents=True)
        given = tmp_path / "links" / "link"
        given.symlink_to(real)
    return given, real, old, new


@pytest.mark.parametrize("mode", ["raise", "kill"])
@pytest.mark.parametrize("state", ["absent", "ours"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_step_of_a_write_can_fail_without_losing_the_target(
    tmp_path: Path, kind: str, state: str, mode: str
) -> None:
    fallback = kind == "folder-two-renames"
    outcomes = []
    for fail_at in range(1, 400):
        case = tmp_path / f"k{fail_at}"
        given, real, old, new = prepare(case, kind, state)
        content = NEW_FOLDER if "folder" in kind else NEW_FILE
        write = functools.partial(write_output, content, given, FORMAT)
        outcome = run_faulted(write, fail_at, mode, fallback)
        outcomes.append(outcome)
        after = snapshot(real)
        if fallback and after is None and old is not None:
            # The two-rename fallback's one window: the old copy is hidden, complete.
            assert hidden_copies(real) == [old], (fail_at, outcome)
        else:
            assert after in (old, new), (fail_at, outcome)
        if outcome == "failed":
            assert after == old, f"a reported failure changed the target (call {fail_at})"
        if outcome in ("done", "survived"):
            assert after == new
        if kind.endswith("through-link"):
            assert given.is_symlink(), "the link was replaced"
        write_output(content, given, FORMAT)  # the next run
        assert snapshot(real) == new
        assert sorted(os.listdir(real.parent)) == [real.name], f"leftovers after call {fail_at}"
        if outcome == "done":
            break
    else:
        pytest.fail("the write never completed")
    assert "killed" in outcomes or "failed" in outcomes
    assert len(outcomes) > 5, "too few steps: are the functions still patched?"


def test_folder_replacement_uses_one_atomic_exchange(tmp_path: Path) -> None:
    target = tmp_path / "package"
    write_output(OLD_FOLDER, target, FORMAT)
    calls: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        for name in ("rename", "replace"):
            patch.setattr(os, name, lambda *a, _n=name, **k: calls.append(_n))
        write_output(NEW_FOLDER, target, FORMAT)
    assert calls == [], "the folder was moved with plain renames, not renameat2"
    assert snapshot(target) == with_marker(NEW_FOLDER)


def test_a_kill_between_the_two_renames_is_repaired_by_the_next_run(tmp_path: Path) -> None:
    target = tmp_path / "package"
    write_output(OLD_FOLDER, target, FORMAT)
    old = snapshot(target)

    # The fallback's first rename moves the target away; a kill right after it is the worst
    # moment: the target is missing and its copy is hidden.
    def write() -> None:
        write_output(NEW_FOLDER, target, FORMAT)

    for fail_at in range(1, 200):
        outcome = run_faulted(write, fail_at, "kill", fallback=True)
        if not target.exists():
            hidden = [n for n in os.listdir(tmp_path) if ".civicquest-old-" in n]
            assert hidden, "the target vanished without a hidden copy"
            break
        assert outcome != "done"
    else:
        pytest.fail("no kill left the target missing: the fallback has changed")
    clean_leftovers(tmp_path, "package")
    assert snapshot(target) == old
    assert sorted(os.listdir(tmp_path)) == ["package"]


def read_only_faults(folder: Path) -> Callable[[pytest.MonkeyPatch], None]:
    """Make every change inside ``folder`` fail with EACCES, as a read-only folder would."""
    inside = str(folder)

    def denied(function: Callable[..., Any], *paths: int) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if any(str(args[i]).startswith(inside) for i in paths if i < len(args)):
                raise PermissionError(errno.EACCES, "Permission denied", str(args[0]))
            return function(*args, **kwargs)

        return wrapper

    def writing_open(function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(path: Any, flags: int, *args: Any, **kwargs: Any) -> Any:
            if str(path).startswith(inside) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return function(path, flags, *args, **kwargs)

        return wrapper

    def apply(patch: pytest.MonkeyPatch) -> None:
        patch.setattr(os, "open", writing_open(os.open))
        for name, paths in (("mkdir", (0,)), ("rename", (0, 1)), ("replace", (0, 1))):
            patch.setattr(os, name, denied(getattr(os, name), *paths))
        for name in ("unlink", "rmdir", "chmod"):
            patch.setattr(os, name, denied(getattr(os, name), 0))

    return apply


@pytest.mark.parametrize("state", ["absent", "ours"])
@pytest.mark.parametrize("folder", [False, True])
def test_a_read_only_parent_is_a_clean_failure(tmp_path: Path, state: str, folder: bool) -> None:
    target = tmp_path / ("package" if folder else "data.csv")
    old_content = OLD_FOLDER if folder else OLD_FILE
    if state == "ours":
        write_output(old_content, target, FORMAT)
    before = snapshot(target)
    with pytest.MonkeyPatch.context() as patch:
        read_only_faults(tmp_path)(patch)
        with pytest.raises(OutputError) as raised:
            write_output(NEW_FOLDER if folder else NEW_FILE, target, FORMAT)
    assert raised.value.exit_code == 1
    assert "Permission denied" in raised.value.message("en")
    assert snapshot(target) == before
    assert sorted(os.listdir(tmp_path)) == ([] if state == "absent" else [target.name])
