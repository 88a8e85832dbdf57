"""The exceptions civicquest raises on purpose. All derive from :class:`CivicquestError`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .validation.issues import Issue

__all__ = [
    "CivicquestError",
    "ExportWarning",
    "InvalidProjectError",
    "PluginError",
    "UsageError",
]


class CivicquestError(Exception):
    """Root of every error civicquest raises on purpose."""


class InvalidProjectError(CivicquestError):
    """A project has errors. ``issues`` lists all of them, errors and warnings."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        errors = sum(1 for issue in self.issues if issue.severity == "error")
        super().__init__(f"the project has {errors} error(s); see .issues")


class UsageError(CivicquestError):
    """The caller asked for something that cannot be done (unknown name, bad option)."""


class PluginError(CivicquestError):
    """A plugin failed to load, or registered something invalid or conflicting."""


class ExportWarning(UserWarning):
    """An export succeeded but had to change something a reader should know about.

    Exporters raise it with :func:`warnings.warn`, in the export's language; the ``export``
    command prints each one on stderr and still writes the output (exit 0).
    """
