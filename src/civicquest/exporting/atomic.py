"""Write files and folders so that the target always holds either its old or its new content.

A file is written to a temporary file beside it, synced to disk, then renamed over it. A folder
is written to a staging folder beside it, then swapped with the old one in one step
(``renameat2(RENAME_EXCHANGE)``, see :mod:`civicquest.exporting.renaming`) while a lock on the
parent folder makes concurrent writers take turns; where that is unavailable, two renames are
used and a run killed between them is repaired by the next one.

Temporary entries are named ``.NAME.civicquest-tmp-<pid>-<random>`` and, for the two-rename
fallback, ``.NAME.civicquest-old-<pid>-<random>``. Before writing ``NAME``, every run removes
those whose process is gone, and, if ``NAME`` itself is missing, renames a left-over ``old``
copy back to ``NAME``. Files get the modes an ordinary ``open()`` or ``mkdir()`` would give
under the current umask.

This module is the mechanism; :mod:`civicquest.exporting.outputs` decides what may be overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from . import renaming

__all__ = [
    "clean_leftovers",
    "leftovers",
    "streamed_atomically",
    "write_bytes_atomically",
    "write_folder_atomically",
    "write_text_atomically",
]

_LEFTOVER = re.compile(r"^\.(?P<stem>.+)\.civicquest-(?P<kind>tmp|old)-(?P<pid>\d+)-[0-9a-f]+$")
# Temporary names of this process still being written (a same-pid leftover not in it is stale).
_in_flight: set[str] = set()


def write_bytes_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary file beside ``path``, sync it, then rename it over ``path``."""
    parent, name = os.path.split(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    clean_leftovers(parent, name)
    temporary = _temporary_path(parent, name, "tmp")
    try:
        _write_new_file(temporary, content)
        os.replace(temporary, os.path.join(parent, name))
        _sync_folder(parent)
    except BaseException:
        _remove(temporary)
        raise
    finally:
        _in_flight.discard(temporary)


@contextlib.contextmanager
def streamed_atomically(path: Path) -> Iterator[BinaryIO]:
    """Like :func:`write_bytes_atomically`, for content written bit by bit (bounded memory):
    the target changes only when the block ends without an error."""
    parent, name = os.path.split(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    clean_leftovers(parent, name)
    temporary = _temporary_path(parent, name, "tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, os.path.join(parent, name))
        _sync_folder(parent)
    except BaseException:
        _remove(temporary)
        raise
    finally:
        _in_flight.discard(temporary)


def write_text_atomically(path: Path, content: str) -> None:
    write_bytes_atomically(path, content.encode("utf-8"))


def write_folder_atomically(
    target: Path, files: Mapping[str, bytes], check: Callable[[Path], None] | None = None
) -> None:
    """Write ``files`` (relative POSIX path -> bytes) into a staging folder, then swap it in.

    ``check(target)``, if given, runs while the parent folder is locked, just before anything
    is written: it raises to refuse replacing what is there.
    """
    parent, name = os.path.split(os.path.abspath(target))
    os.makedirs(parent, exist_ok=True)
    with renaming.locked_folder(parent) as parent_fd:
        clean_leftovers(parent, name)
        if check is not None:
            check(Path(parent, name))
        staging = _temporary_path(parent, name, "tmp")
        try:
            os.mkdir(staging, 0o700)
            _fill(staging, files)
            os.chmod(staging, 0o777 & ~_umask())
            _swap_in(parent_fd, parent, os.path.basename(staging), name)
            _sync_folder(parent)
        except BaseException:
            _remove(staging)
            raise
        finally:
            _in_flight.discard(staging)


def _fill(staging: str, files: Mapping[str, bytes]) -> None:
    folders = {staging}
    for relative, content in files.items():
        path = os.path.join(staging, *PurePosixPath(relative).parts)
        folder = os.path.dirname(path)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        _write_new_file(path, content)
    for folder in sorted(folders, reverse=True):
        _sync_folder(folder)


def _swap_in(parent_fd: int, parent: str, staging: str, name: str) -> None:
    """Put the folder ``staging`` at ``name`` (both in ``parent``); remove what was there."""
    target = os.path.join(parent, name)
    if not os.path.lexists(target):
        try:
            renaming.rename_noreplace(parent_fd, staging, name)
        except renaming.RenameUnsupportedError:
            os.rename(os.path.join(parent, staging), target)
        return
    try:
        renaming.rename_exchange(parent_fd, staging, name)
    except renaming.RenameUnsupportedError:
        _swap_with_two_renames(parent, staging, name)
        return
    _remove(os.path.join(parent, staging))  # now the previous version


def _swap_with_two_renames(parent: str, staging: str, name: str) -> None:
    target = os.path.join(parent, name)
    old = _temporary_path(parent, name, "old")
    try:
        os.rename(target, old)
        try:
            os.rename(os.path.join(parent, staging), target)
        except BaseException:
            os.rename(old, target)  # if this fails too, the next run restores it
            raise
        _remove(old)
    finally:
        _in_flight.discard(old)


def leftovers(folder: str | Path, name: str) -> list[str]:
    """Names of the temporary entries for ``name`` in ``folder`` whose writer is gone."""
    stem = _stem(name)
    try:
        entries = os.listdir(folder)
    except OSError:
        return []
    stale = []
    for entry in sorted(entries):
        found = _LEFTOVER.match(entry)
        if found and found["stem"] == stem and not _writer_alive(folder, entry, int(found["pid"])):
            stale.append(entry)
    return stale


def clean_leftovers(folder: str | Path, name: str) -> None:
    """Restore ``name`` from a hidden previous copy if it is missing; remove stale temporaries.

    Best effort: an entry that cannot be removed (read-only folder) is left for a later run.
    """
    target = os.path.join(folder, name)
    for entry in leftovers(folder, name):
        path = os.path.join(folder, entry)
        if ".civicquest-old-" in entry and not os.path.lexists(target):
            try:
                os.rename(path, target)
                continue
            except OSError:
                pass
        _remove(path)


def _writer_alive(folder: str | Path, entry: str, pid: int) -> bool:
    if pid == os.getpid():
        return os.path.join(folder, entry) in _in_flight
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _stem(name: str) -> str:
    """``name``, or for a very long one a short unique stand-in, so temp names fit in 255 bytes."""
    raw = os.fsencode(name)
    if len(raw) <= 120:
        return name
    return f"{name[:40]}~{hashlib.sha256(raw).hexdigest()[:16]}"


def _temporary_path(parent: str, name: str, kind: str) -> str:
    path = os.path.join(
        parent, f".{_stem(name)}.civicquest-{kind}-{os.getpid()}-{secrets.token_hex(4)}"
    )
    _in_flight.add(path)
    return path


def _write_new_file(path: str, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(path: str) -> None:
    """Make a rename in ``path`` durable; some filesystems cannot sync a folder: not an error."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
