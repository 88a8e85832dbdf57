"""Make the OS refuse things the way it would for a user: tests run as root, which reads all."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

__all__ = ["forbid_opening_fifos", "refuse"]


def refuse(monkeypatch: pytest.MonkeyPatch, name: str, path: Path) -> None:
    """Make ``os.<name>`` (``open``, ``scandir``) refuse ``path`` with "Permission denied"."""
    real = getattr(os, name)

    def refusing(target: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(target, int) and Path(target) == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real(target, *args, **kwargs)

    monkeypatch.setattr(os, name, refusing)


def forbid_opening_fifos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a FIFO with no writer would hang the test: fail at once instead."""
    real_open = os.open

    def guarded(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if not isinstance(file, int) and Path(file).is_fifo():
            raise AssertionError(f"a FIFO was opened: {file}")
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
