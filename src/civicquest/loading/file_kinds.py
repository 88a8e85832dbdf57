"""What stands at a path, found without opening it: a file, a folder, a link leading nowhere…

Project files are opened only when they are regular files: opening a named pipe (FIFO) blocks
until someone writes to it, and opening a device can have effects of its own. Symbolic links
are followed; a link that leads nowhere or in a loop is named as such, never taken for absent.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["FileKind", "PathKind", "kind_of", "kind_of_mode"]

FileKind = Literal[
    "absent",
    "file",
    "folder",
    "fifo",
    "socket",
    "device",
    "broken_link",
    "link_loop",
    "unreadable",
]


@dataclass(frozen=True)
class PathKind:
    """The kind of a path; ``reason`` is the system's words when it cannot be examined."""

    kind: FileKind
    reason: str = ""
    target: str = ""  # where a broken link points


def kind_of(path: Path) -> PathKind:
    """Follow links and say what ``path`` is, without opening it."""
    try:
        return PathKind(kind_of_mode(os.stat(path).st_mode))
    except FileNotFoundError:
        return _missing(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return PathKind("link_loop")
        if error.errno == errno.ENOTDIR:  # a parent is a file: nothing can stand here
            return PathKind("absent")
        return PathKind("unreadable", reason=error.strerror or str(error))


def kind_of_mode(mode: int) -> FileKind:
    """The kind of a followed ``st_mode``."""
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def _missing(path: Path) -> PathKind:
    """Nothing at the end of ``path``: either nothing at all, or a link to nowhere."""
    try:
        target = os.readlink(path)
    except OSError:
        return PathKind("absent")
    return PathKind("broken_link", target=target)
