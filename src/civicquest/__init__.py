"""civicquest: civic questionnaires to candidate lists.

The public API is listed in ``__all__``. Names are imported on first use, so that
``civicquest --help`` starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .__about__ import __version__

if TYPE_CHECKING:
    from .errors import CivicquestError, InvalidProjectError, PluginError, UsageError
    from .examples import example_path
    from .hookspecs import hookimpl
    from .issues import Issue
    from .loading import ProjectCheck, check_project, load_project, load_questionnaire
    from .models import (
        Answer,
        Evidence,
        LocalizedText,
        Project,
        Question,
        Questionnaire,
        Respondent,
        RespondentList,
        Response,
        Scale,
        ScaleOption,
        Theme,
        localize,
    )
    from .schemas import json_schema

__all__ = [
    "Answer",
    "CivicquestError",
    "Evidence",
    "InvalidProjectError",
    "Issue",
    "LocalizedText",
    "PluginError",
    "Project",
    "ProjectCheck",
    "Question",
    "Questionnaire",
    "Respondent",
    "RespondentList",
    "Response",
    "Scale",
    "ScaleOption",
    "Theme",
    "UsageError",
    "__version__",
    "check_project",
    "example_path",
    "hookimpl",
    "json_schema",
    "load_project",
    "load_questionnaire",
    "localize",
]

_HOMES = {
    "CivicquestError": "errors",
    "PluginError": "errors",
    "InvalidProjectError": "errors",
    "UsageError": "errors",
    "example_path": "examples",
    "Issue": "issues",
    "ProjectCheck": "loading",
    "check_project": "loading",
    "load_project": "loading",
    "load_questionnaire": "loading",
    "json_schema": "schemas",
    "hookimpl": "hookspecs",
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'civicquest' has no attribute {name!r}")
    module = importlib.import_module(f".{_HOMES.get(name, 'models')}", __name__)
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
