"""civicquest: civic questionnaires to candidate lists.

The public API is ``__all__``; :data:`_HOMES` says where each of its names lives (an
import-time check keeps the two equal: no name is looked up in a default module). Names are
imported on first use, so that ``civicquest --help`` starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .__about__ import __version__

if TYPE_CHECKING:
    from ._api import match_voter, score, sensitivity
    from .analysis.followup import followup_report
    from .analysis.sensitivity import Scenario, SensitivityReport
    from .errors import (
        CivicquestError,
        InvalidProjectError,
        InvalidVoterAnswersError,
        PluginError,
        UsageError,
    )
    from .exporting.authoring import save_project
    from .exporting.pipeline import export
    from .exporting.records import answer_records, score_records
    from .exporting.schemas import json_schema
    from .loading.examples import example_path
    from .loading.project import check_project, load_project, load_questionnaire
    from .matching.tables import matching_script, matching_tables
    from .models import (
        Answer,
        AnyQuestion,
        Evidence,
        LocalizedText,
        MatchChoice,
        MatchingTables,
        MatchReport,
        Project,
        Question,
        QuestionBase,
        Questionnaire,
        Respondent,
        RespondentList,
        Response,
        Scale,
        ScaleOption,
        ScoreReport,
        ScoringConfig,
        Theme,
        VoterAnswers,
        localize,
        localized,
    )
    from .plugins import Exporter, ExportInput, Importer, ScoringMethod, hookimpl
    from .scoring.communes import compare_communes
    from .text.rounding import round_half_up
    from .validation.issues import Issue
    from .validation.outcome import ProjectCheck

#: public name -> the module it lives in (relative to this package)
_HOMES: dict[str, str] = {
    "Answer": "models",
    "AnyQuestion": "models",
    "CivicquestError": "errors",
    "Evidence": "models",
    "ExportInput": "plugins",
    "Exporter": "plugins",
    "Importer": "plugins",
    "InvalidProjectError": "errors",
    "InvalidVoterAnswersError": "errors",
    "Issue": "validation.issues",
    "LocalizedText": "models",
    "MatchChoice": "models",
    "MatchingTables": "models",
    "MatchReport": "models",
    "PluginError": "errors",
    "Project": "models",
    "ProjectCheck": "validation.outcome",
    "Question": "models",
    "QuestionBase": "models",
    "Questionnaire": "models",
    "Respondent": "models",
    "RespondentList": "models",
    "Response": "models",
    "Scale": "models",
    "ScaleOption": "models",
    "ScoreReport": "models",
    "ScoringConfig": "models",
    "ScoringMethod": "plugins",
    "Scenario": "analysis.sensitivity",
    "SensitivityReport": "analysis.sensitivity",
    "Theme": "models",
    "UsageError": "errors",
    "VoterAnswers": "models",
    "answer_records": "exporting.records",
    "check_project": "loading.project",
    "compare_communes": "scoring.communes",
    "example_path": "loading.examples",
    "export": "exporting.pipeline",
    "followup_report": "analysis.followup",
    "hookimpl": "plugins",
    "json_schema": "exporting.schemas",
    "load_project": "loading.project",
    "load_questionnaire": "loading.project",
    "localize": "models",
    "localized": "models",
    "match_voter": "_api",
    "matching_script": "matching.tables",
    "matching_tables": "matching.tables",
    "round_half_up": "text.rounding",
    "save_project": "exporting.authoring",
    "score": "_api",
    "score_records": "exporting.records",
    "sensitivity": "_api",
}

__all__ = [
    "Answer",
    "AnyQuestion",
    "CivicquestError",
    "Evidence",
    "ExportInput",
    "Exporter",
    "Importer",
    "InvalidProjectError",
    "InvalidVoterAnswersError",
    "Issue",
    "LocalizedText",
    "MatchChoice",
    "MatchReport",
    "MatchingTables",
    "PluginError",
    "Project",
    "ProjectCheck",
    "Question",
    "QuestionBase",
    "Questionnaire",
    "Respondent",
    "RespondentList",
    "Response",
    "Scale",
    "ScaleOption",
    "Scenario",
    "ScoreReport",
    "ScoringConfig",
    "ScoringMethod",
    "SensitivityReport",
    "Theme",
    "UsageError",
    "VoterAnswers",
    "__version__",
    "answer_records",
    "check_project",
    "compare_communes",
    "example_path",
    "export",
    "followup_report",
    "hookimpl",
    "json_schema",
    "load_project",
    "load_questionnaire",
    "localize",
    "localized",
    "match_voter",
    "matching_script",
    "matching_tables",
    "round_half_up",
    "save_project",
    "score",
    "score_records",
    "sensitivity",
]

assert set(__all__) == {"__version__", *_HOMES}, "every public name needs a home"


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'civicquest' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
