"""The notebook façade: score and match in one call, with plain Python values.

These functions only wire the rooms together (loading, the plugin registry, matching); the
work is done in the rooms. ``civicquest.score`` and ``civicquest.match_voter`` live here.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .analysis.sensitivity import SensitivityReport
from .analysis.sensitivity import sensitivity as _sensitivity
from .errors import PluginError, UsageError
from .loading.project import ProjectSource, load_project
from .loading.voter import VoterInput, voter_answers
from .matching import match_voter as _match
from .matching.engine import EmptyVoter
from .matching.methods import Imputation
from .matching.points import PointsRule
from .models.project import Project
from .models.results import MatchReport, ScoreReport
from .plugins._manager import get_scoring_method, get_scoring_methods, scoring_registry
from .plugins._running import DEFAULT_METHOD, run_scoring_method
from .scoring.methods import describe_option_errors

__all__ = ["match_voter", "score", "sensitivity"]


def score(project: ProjectSource, method: str = "commitment", **options: Any) -> ScoreReport:
    """Score every list with a registered scoring method, as ``civicquest score`` does.

    ``project`` is a :class:`Project` or a project folder. ``options`` are the method's options
    (``missing=``, ``include_unpublished=``; ``order=`` and ``seed=`` for ``unranked``). An
    unknown method or a wrong option raises :class:`UsageError` naming what is available.
    """
    loaded = project if isinstance(project, Project) else load_project(project)
    record = get_scoring_method(method)
    try:
        chosen = record.options.model_validate(options)
    except ValidationError as error:
        known = ", ".join(record.options.model_fields) or "none"
        raise UsageError(
            f"{describe_option_errors(error)} (the method {record.name!r} takes: {known})"
        ) from None
    report = run_scoring_method(record, loaded, chosen)  # a plugin's failure is named
    if not isinstance(report, ScoreReport):
        raise PluginError(
            f"the scoring method {record.name!r} returned a {type(report).__name__}, "
            "not a ScoreReport"
        )
    return report


def sensitivity(project: ProjectSource, reference: str = DEFAULT_METHOD) -> SensitivityReport:
    """How stable the order of the lists is, as ``civicquest sensitivity`` computes it.

    Every installed ranking method is rerun under the project's missing-answer policy and under
    each uniform policy (all excluded, all zero, all neutral), and compared with ``reference``
    under the project's policy: Spearman's rho, Kendall's tau and the pairs of lists that swap.
    A method from a plugin that fails is named in ``left_out``; a failure of ``reference``
    raises :class:`PluginError`.
    """
    loaded = project if isinstance(project, Project) else load_project(project)
    methods = dict(get_scoring_methods())
    providers = scoring_registry().providers
    return _sensitivity(loaded, methods, reference=reference, providers=providers)


def match_voter(
    project: ProjectSource,
    voter: VoterInput,
    method: str = "wahl-o-mat",
    imputation: Imputation = "max",
    *,
    important_weight: float = 2.0,
    include_unpublished: bool = False,
    points: PointsRule | str | None = None,
    empty_voter: EmptyVoter = "error",
) -> MatchReport:
    """A voter's agreement with every list, best first, as ``civicquest match`` computes it.

    ``voter`` is a :class:`VoterAnswers` or a plain mapping (see :mod:`civicquest.loading.voter`):
    ``{"q1": "agree", "q2": {"choice": "no", "important": True}}`` or the shape of a voter file,
    ``{"answers": {...}}``. Its answers are checked like the CLI's ``--answers`` file: an unknown
    question id or option code raises :class:`InvalidVoterAnswersError` with located issues.
    """
    loaded = project if isinstance(project, Project) else load_project(project)
    checked = voter_answers(voter, loaded.questionnaire)
    return _match(
        loaded,
        checked,
        method,
        imputation,
        important_weight=important_weight,
        include_unpublished=include_unpublished,
        points=points,
        empty_voter=empty_voter,
    )
