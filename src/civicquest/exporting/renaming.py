"""Rename a folder into place in one step, and lock a folder while doing it.

Linux has ``renameat2()``: ``RENAME_EXCHANGE`` swaps two paths atomically (an existing output
and its new version: no moment without either) and ``RENAME_NOREPLACE`` moves a path only if
the destination does not exist. Python does not expose it, so it is called through ``ctypes``.
Where it is missing (another OS, an old C library) or the filesystem refuses the flag, the
functions raise :class:`RenameUnsupportedError` and the caller falls back to plain renames.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["RenameUnsupportedError", "locked_folder", "rename_exchange", "rename_noreplace"]

_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2
# Errors meaning "this system or filesystem cannot do it", as opposed to "it failed".
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP}


class RenameUnsupportedError(OSError):
    """``renameat2`` or the requested flag is not available here."""


def rename_exchange(folder_fd: int, first: str, second: str) -> None:
    """Swap the entries ``first`` and ``second`` of the folder ``folder_fd`` atomically."""
    _renameat2(folder_fd, first, second, _RENAME_EXCHANGE)


def rename_noreplace(folder_fd: int, source: str, destination: str) -> None:
    """Rename ``source`` to ``destination``; :class:`FileExistsError` if it already exists."""
    _renameat2(folder_fd, source, destination, _RENAME_NOREPLACE)


def _renameat2(folder_fd: int, source: str, destination: str, flags: int) -> None:
    function = _libc_renameat2()
    if function is None:
        raise RenameUnsupportedError(errno.ENOSYS, "renameat2 is not available")
    result = function(folder_fd, os.fsencode(source), folder_fd, os.fsencode(destination), flags)
    if result == 0:
        return
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        raise RenameUnsupportedError(code, os.strerror(code))
    raise OSError(code, os.strerror(code), destination)


_Renameat2 = Callable[[int, bytes, int, bytes, int], int]
_cache: dict[str, _Renameat2 | None] = {}


def _libc_renameat2() -> _Renameat2 | None:
    if "renameat2" not in _cache:
        _cache["renameat2"] = _load_renameat2()
    return _cache["renameat2"]


def _load_renameat2() -> _Renameat2 | None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [
        ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint
    ]  # fmt: skip
    function.restype = ctypes.c_int
    loaded: _Renameat2 = function
    return loaded


@contextmanager
def locked_folder(path: str) -> Iterator[int]:
    """Open the folder ``path``, hold an exclusive ``flock`` on it, and yield its descriptor.

    Two civicquest runs writing into the same folder take turns. Where the filesystem has no
    locks (some network filesystems), the write goes on unlocked rather than failing.
    """
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as error:
            if error.errno not in {errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL}:
                raise
        yield fd
    finally:
        os.close(fd)
