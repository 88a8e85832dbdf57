"""The outcome of checking a project: the project when it has no error, and every issue."""

from __future__ import annotations

from dataclasses import dataclass

from ..models.project import Project
from .issues import Issue

__all__ = ["ProjectCheck"]


@dataclass(frozen=True)
class ProjectCheck:
    """The outcome of checking a project: the project if it has no error, and every issue."""

    project: Project | None
    issues: tuple[Issue, ...]

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(issue for issue in self.issues if issue.severity == "error")

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(issue for issue in self.issues if issue.severity == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors
