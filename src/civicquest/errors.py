"""The exceptions civicquest raises on purpose. All derive from :class:`CivicquestError`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .validation.issues import Issue

__all__ = [
    "BrokenProviderError",
    "CivicquestError",
    "ExportWarning",
    "InvalidProjectError",
    "InvalidVoterAnswersError",
    "PluginError",
    "UsageError",
]

#: How many issues the message of an error shows; ``.issues`` holds all of them.
SHOWN_ISSUES = 5


class CivicquestError(Exception):
    """Root of every error civicquest raises on purpose."""


class _IssuesError(CivicquestError):
    """An error made of located issues: ``str()`` shows the first ones, ``.issues`` all."""

    subject = "the input"

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        super().__init__(describe_issues(self.subject, self.issues))


class InvalidProjectError(_IssuesError):
    """A project has errors. ``issues`` lists all of them, errors and warnings."""

    subject = "the project"


class InvalidVoterAnswersError(_IssuesError):
    """A voter's answers do not fit the questionnaire (an unknown question or option code...).

    ``issues`` lists every problem, located by its path in the answers (``answers.q1.choice``).
    """

    subject = "the voter's answers"


def describe_issues(subject: str, issues: Sequence[Issue], lang: str = "fr") -> str:
    """A head line with the count, then the first errors: ``file:line:col code path: message``."""
    errors = [issue for issue in issues if issue.severity == "error"]
    lines = [f"{len(errors)} error(s) in {subject}:"]
    for issue in errors[:SHOWN_ISSUES]:
        where = f" {issue.path}" if issue.path else ""
        lines.append(f"  {issue.where()} {issue.code}{where}: {issue.message(lang)}")
    if len(errors) > SHOWN_ISSUES:
        lines.append(f"  … and {len(errors) - SHOWN_ISSUES} more; see .issues")
    return "\n".join(lines)


class UsageError(CivicquestError):
    """The caller asked for something that cannot be done (unknown name, bad option)."""


class BrokenProviderError(UsageError):
    """A name nobody provides, while plugins that may provide it failed to load."""

    def __init__(self, kind: str, name: str, plugins: tuple[str, ...]) -> None:
        self.kind, self.name, self.plugins = kind, name, plugins
        listed = ", ".join(repr(plugin) for plugin in plugins)
        super().__init__(
            f"no {kind} {name!r} is available: the plugin {listed} failed to load, and may be "
            f"the one that provides it; run 'civicquest plugins' to see why"
        )


class PluginError(CivicquestError):
    """A plugin failed to load, or registered something invalid or conflicting."""


class ExportWarning(UserWarning):
    """An export succeeded but had to change something a reader should know about.

    Exporters raise it with :func:`warnings.warn`, in the export's language; the ``export``
    command prints each one on stderr and still writes the output (exit 0).
    """
