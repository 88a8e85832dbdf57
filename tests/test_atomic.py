"""Atomic writes: all or nothing, and ordinary file modes once in place."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from civicquest.exporting.atomic import write_bytes_atomically, write_folder_atomically


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_file_gets_the_mode_open_would_give(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_bytes_atomically(tmp_path / "a" / "out.csv", b"x")
    finally:
        os.umask(previous)
    assert (tmp_path / "a" / "out.csv").read_bytes() == b"x"
    assert mode(tmp_path / "a" / "out.csv") == 0o644


def test_folder_gets_the_mode_mkdir_would_give_and_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "package"
    write_folder_atomically(target, {"old.csv": b"old"})
    previous = os.umask(0o022)
    try:
        write_folder_atomically(target, {"data/new.csv": b"new"})
    finally:
        os.umask(previous)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == [
        "data",
        "data/new.csv",
    ]
    assert mode(target) == 0o755
    assert [p.name for p in tmp_path.iterdir()] == ["package"]


class BoomError(Exception):
    pass


class ExplodingFiles(dict[str, bytes]):
    def items(self):  # type: ignore[no-untyped-def,override]
        yield "first.csv", b"1"
        raise BoomError


def test_failed_folder_write_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    target = tmp_path / "package"
    write_folder_atomically(target, {"kept.csv": b"kept"})
    with pytest.raises(BoomError):
        write_folder_atomically(target, ExplodingFiles())
    assert [p.name for p in target.iterdir()] == ["kept.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["package"]
