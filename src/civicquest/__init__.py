"""civicquest: civic questionnaires to candidate lists.

The public API is listed in ``__all__``. Names are imported on first use, so that
``civicquest --help`` starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .__about__ import __version__

if TYPE_CHECKING:
    from .errors import (
        CivicquestError,
        ExportWarning,
        InvalidProjectError,
        PluginError,
        UsageError,
    )
    from .examples import example_path
    from .exporting import export
    from .hookspecs import hookimpl
    from .issues import Issue
    from .loading import ProjectCheck, check_project, load_project, load_questionnaire
    from .matching import match_voter
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
    from .models.results import MatchReport, ScoreReport
    from .models.scoring import ScoringConfig
    from .models.voter import VoterAnswers
    from .plugin_types import Exporter, ExportInput, Importer, ScoringMethod
    from .rounding import round_half_up
    from .schemas import json_schema

__all__ = [
    "Answer",
    "CivicquestError",
    "Evidence",
    "ExportInput",
    "ExportWarning",
    "Exporter",
    "Importer",
    "InvalidProjectError",
    "Issue",
    "LocalizedText",
    "MatchReport",
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
    "ScoreReport",
    "ScoringConfig",
    "ScoringMethod",
    "Theme",
    "UsageError",
    "VoterAnswers",
    "__version__",
    "check_project",
    "example_path",
    "export",
    "hookimpl",
    "json_schema",
    "load_project",
    "load_questionnaire",
    "localize",
    "match_voter",
    "round_half_up",
]

_HOMES = {
    "CivicquestError": "errors",
    "PluginError": "errors",
    "ExportWarning": "errors",
    "InvalidProjectError": "errors",
    "UsageError": "errors",
    "example_path": "examples",
    "Issue": "issues",
    "ProjectCheck": "loading",
    "check_project": "loading",
    "load_project": "loading",
    "load_questionnaire": "loading",
    "json_schema": "schemas",
    "export": "exporting",
    "ExportInput": "plugin_types",
    "Exporter": "plugin_types",
    "Importer": "plugin_types",
    "ScoringMethod": "plugin_types",
    "hookimpl": "hookspecs",
    "match_voter": "matching",
    "round_half_up": "rounding",
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
