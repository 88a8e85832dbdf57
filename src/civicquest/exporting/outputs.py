"""What an output (``-o``) may replace, and how each kind of target is written.

- A regular file (or a missing one) is replaced atomically (:mod:`civicquest.exporting.atomic`).
- A symbolic link is followed: its final target is replaced atomically, the link stays a link.
- A character device or a FIFO (``/dev/null``, a named pipe) is written through, never replaced.
  ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` write to that descriptor of this process.
- A block device, a socket, or a folder where a file is expected is refused.
- A folder output replaces only a missing folder, an empty one, or one that civicquest wrote
  for the same format: every folder output holds a marker file, :data:`MARKER`. ``force``
  lifts that rule, never the next one.
- Nothing may replace a project's own files: its folder or any folder containing it, its input
  files (also reached through a link or a hard link), the places it reads input from (so that
  an output never becomes an input), nor the home folder, the filesystem root, or the current
  folder and its parents (the current folder itself may be replaced when it is ours or empty).

Refusals raise :class:`OutputError` with ``refused=True`` (a usage error, exit 2); a failed write
raises it with ``refused=False`` (exit 1), and leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..__about__ import __version__
from ..errors import CivicquestError
from ..text.messages import OUTPUT_MESSAGES, render
from .atomic import streamed_atomically, write_bytes_atomically, write_folder_atomically

__all__ = [
    "MARKER",
    "OutputError",
    "Protected",
    "check_file_output",
    "check_folder_output",
    "open_file_output",
    "project_paths",
    "write_file_output",
    "write_folder_output",
]

MARKER = ".civicquest-export.json"
_ROLES = ("questionnaire", "respondents", "scoring")
_SUFFIXES = (".yaml", ".yml", ".json")
_DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/(?:self|thread-self|(?P<pid>\d+))/fd)/(?P<fd>\d+)$")
_STANDARD = {"/dev/stdout": 1, "/dev/stderr": 2}


class OutputError(CivicquestError):
    """An output was refused (``refused``: a usage error) or could not be written."""

    def __init__(self, code: str, path: Path | str, *, refused: bool, **params: str) -> None:
        self.code = code
        self.path = str(path)
        self.refused = refused
        self.params = params
        super().__init__(self.message("en"))

    @property
    def exit_code(self) -> int:
        return 2 if self.refused else 1

    def message(self, lang: str) -> str:
        """One line: the path, what is wrong, what to do."""
        message, hint = render(self.code, lang, dict(self.params), OUTPUT_MESSAGES)
        return f"{self.path}: {message} → {hint}"


@dataclass(frozen=True)
class Protected:
    """The paths of one project that no output may replace (all fully resolved)."""

    project: str
    inputs: frozenset[str] = frozenset()
    identities: frozenset[tuple[int, int]] = frozenset()
    input_places: frozenset[str] = field(default_factory=frozenset)
    input_folder: str | None = None


def project_paths(path: Path | str) -> Protected:
    """The project at ``path`` (a folder or a questionnaire file) and its input files."""
    root = os.path.realpath(path)
    if not os.path.isdir(root):
        return Protected(root, frozenset({root}), _identities([root]))
    candidates = [os.path.join(root, role + suffix) for role in _ROLES for suffix in _SUFFIXES]
    responses = os.path.join(root, "responses")
    with contextlib.suppress(OSError):
        candidates += [os.path.join(responses, name) for name in os.listdir(responses)]
    inputs = [p for p in candidates if os.path.lexists(p)]
    resolved = frozenset(os.path.realpath(p) for p in inputs)
    return Protected(
        root,
        resolved,
        _identities([*inputs, *resolved]),
        frozenset(os.path.realpath(p) for p in candidates[: len(_ROLES) * len(_SUFFIXES)]),
        os.path.realpath(responses),
    )


def _identities(paths: list[str]) -> frozenset[tuple[int, int]]:
    found = set()
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue
        found.add((info.st_dev, info.st_ino))
    return frozenset(found)


def check_file_output(target: Path, protected: Protected | None = None) -> None:
    """Raise :class:`OutputError` if a file may not be written at ``target``."""
    if _descriptor(target) is None:
        _file_kind(target, protected)


def write_file_output(target: Path, content: bytes, protected: Protected | None = None) -> None:
    """Write ``content`` to ``target`` according to the rules of this module."""
    descriptor = _descriptor(target)
    try:
        if descriptor is not None:
            _write_to_descriptor(descriptor, content)
            return
        kind, resolved = _file_kind(target, protected)
        if kind == "through":
            _write_through(resolved, content)
        else:
            write_bytes_atomically(Path(resolved), content)
    except OSError as error:
        raise _unwritable(target, error) from None


@contextlib.contextmanager
def open_file_output(target: Path, protected: Protected | None = None) -> Iterator[BinaryIO]:
    """:func:`write_file_output` for content streamed bit by bit: a descriptor, a device or a
    FIFO is written through; a file is replaced only once the block ends without an error."""
    try:
        descriptor = _descriptor(target)
        if descriptor is not None:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            with os.fdopen(os.dup(descriptor), "wb") as through:
                yield through
            return
        kind, resolved = _file_kind(target, protected)
        if kind == "through":
            with open(resolved, "wb") as device:  # a FIFO waits here for its reader
                yield device
        else:
            with streamed_atomically(Path(resolved)) as stream:
                yield stream
    except OSError as error:
        raise _unwritable(target, error) from None


def check_folder_output(
    target: Path, format_name: str, protected: Protected | None = None, *, force: bool = False
) -> None:
    """Raise :class:`OutputError` if a folder for ``format_name`` may not replace ``target``."""
    _folder_allowed(target, _resolved(target)[1], format_name, protected, force)


def write_folder_output(
    target: Path,
    files: Mapping[str, bytes],
    format_name: str,
    protected: Protected | None = None,
    *,
    force: bool = False,
) -> None:
    """Write ``files`` as the folder ``target``, with the :data:`MARKER` of ``format_name``."""
    resolved = _resolved(target)[1]
    _folder_allowed(target, resolved, format_name, protected, force)
    marker = {"civicquest": __version__, "format": format_name}
    content = {**files, MARKER: (json.dumps(marker, sort_keys=True) + "\n").encode()}

    def check(path: Path) -> None:  # again, under the lock: the folder may have changed
        _folder_allowed(target, str(path), format_name, protected, force)

    try:
        write_folder_atomically(Path(resolved), content, check)
    except OSError as error:
        raise _unwritable(target, error) from None


def _descriptor(target: Path) -> int | None:
    """The descriptor number if ``target`` names one of this process's open descriptors."""
    absolute = _absolute(target)
    if absolute in _STANDARD:
        return _STANDARD[absolute]
    found = _DESCRIPTOR.match(absolute)
    if found and found["pid"] in (None, str(os.getpid())):
        return int(found["fd"])
    return None


def _write_to_descriptor(fd: int, content: bytes) -> None:
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    _write_all(fd, content)


def _write_through(path: str, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC)  # a FIFO waits here for its reader
    try:
        _write_all(fd, content)
    finally:
        os.close(fd)


def _write_all(fd: int, content: bytes) -> None:
    view = memoryview(content)
    while view:
        view = view[os.write(fd, view) :]


def _absolute(target: Path) -> str:
    try:
        return os.path.abspath(target)
    except OSError as error:  # the current folder was removed (by an earlier ``-o .``?)
        raise _unwritable(target, error) from None


def _cwd() -> str | None:
    try:
        return os.path.realpath(os.getcwd())
    except OSError:
        return None


def _resolved(target: Path) -> tuple[str, str, int | None]:
    """``target`` absolute; the same with every link followed; its mode (``None`` if absent)."""
    absolute = _absolute(target)
    try:
        mode: int | None = os.stat(absolute).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputError("output_symlink_loop", target, refused=True) from None
        mode = None
    return absolute, os.path.realpath(absolute), mode


def _file_kind(target: Path, protected: Protected | None) -> tuple[str, str]:
    """``("through", path)`` or ``("replace", resolved path)``; :class:`OutputError` if refused."""
    absolute, resolved, mode = _resolved(target)
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return "through", absolute
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError("output_is_folder", target, refused=True)
    if mode is not None and not stat.S_ISREG(mode):
        kind = "block_device" if stat.S_ISBLK(mode) else "socket" if stat.S_ISSOCK(mode) else ""
        raise OutputError("output_special", target, refused=True, kind=kind or "unknown")
    if protected is not None:
        what = _input_conflict(resolved, protected)
        if what:
            raise OutputError(
                "output_is_input", target, refused=True, what=what, project=protected.project
            )
    return "replace", resolved


def _input_conflict(resolved: str, protected: Protected) -> str | None:
    if resolved in protected.inputs or _identity(resolved) & protected.identities:
        return "input_file"
    if resolved in protected.input_places:
        return "input_place"
    if protected.input_folder and _inside(resolved, protected.input_folder):
        return "input_place"
    return None


def _identity(path: str) -> set[tuple[int, int]]:
    try:
        info = os.stat(path)
    except OSError:
        return set()
    return {(info.st_dev, info.st_ino)}


def _inside(path: str, folder: str) -> bool:
    """``path`` is ``folder`` or somewhere under it (both resolved)."""
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _folder_allowed(
    target: Path, resolved: str, format_name: str, protected: Protected | None, force: bool
) -> None:
    _refuse_protected_folder(target, resolved, protected)
    if _descriptor(target) is not None:
        raise OutputError("output_is_file", target, refused=True)
    try:
        mode = os.stat(resolved).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise _unwritable(target, error) from None
    if not stat.S_ISDIR(mode):
        raise OutputError("output_is_file", target, refused=True)
    found = _marker_format(resolved)
    if found == format_name or _is_empty(resolved):
        return
    if force and resolved != _cwd():
        return
    if force:
        raise OutputError(
            "output_protected", target, refused=True, what="cwd", suggestion=_suggestion(target)
        )
    if found is not None:
        raise OutputError(
            "output_other_format", target, refused=True, found=found, format=format_name
        )
    raise OutputError("output_not_ours", target, refused=True, format=format_name)


def _refuse_protected_folder(target: Path, resolved: str, protected: Protected | None) -> None:
    what = _never_replaced(resolved)
    if what:
        raise OutputError(
            "output_protected", target, refused=True, what=what, suggestion=_suggestion(target)
        )
    if protected is None:
        return
    what = _input_conflict(resolved, protected)
    if what is None and (
        _inside(protected.project, resolved)
        or any(_inside(path, resolved) for path in protected.inputs)
    ):
        what = "project_folder"
    if what:
        raise OutputError(
            "output_is_input", target, refused=True, what=what, project=protected.project
        )


def _never_replaced(resolved: str) -> str | None:
    home = os.path.realpath(os.path.expanduser("~"))
    cwd = _cwd()
    if resolved == os.path.realpath("/"):
        return "root"
    if resolved == home:
        return "home"
    if _inside(home, resolved):
        return "home_ancestor"
    if cwd is not None and resolved != cwd and _inside(cwd, resolved):
        return "cwd"
    return None


def _suggestion(target: Path) -> str:
    return str(Path(target) / "export")


def _marker_format(folder: str) -> str | None:
    """The format named by the folder's marker, or ``None`` if it has no valid marker."""
    path = os.path.join(folder, MARKER)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:  # a link is not a marker civicquest wrote
            return None
        raise _unwritable(Path(path), error) from None
    try:
        raw = os.read(fd, 65536)
    except OSError as error:
        raise _unwritable(Path(path), error) from None
    finally:
        os.close(fd)
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    found = data.get("format") if isinstance(data, dict) else None
    return found if isinstance(found, str) else None


def _is_empty(folder: str) -> bool:
    try:
        with os.scandir(folder) as entries:
            return next(entries, None) is None
    except OSError:
        return False


def _unwritable(target: Path, error: OSError) -> OutputError:
    reason = error.strerror or type(error).__name__
    return OutputError("output_unwritable", target, refused=False, reason=reason)
