"""Results for the exporters that need them (``needs="results"``): ``civicquest export`` scores
the project first, with the method the ``method`` option names (``commitment`` by default).

The options a user gives with ``--option`` are shared out: ``method`` and the options of that
scoring method (``order``, ``seed`` for ``unranked``…) go to the scoring; the others go to the
exporter. An option both declare goes to both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import UsageError
from ..models.project import Project
from ..plugins._manager import get_scoring_method
from ..plugins._records import Exporter
from ..plugins._running import DEFAULT_METHOD, run_scoring_method
from ..scoring.methods import describe_option_errors

__all__ = ["METHOD_OPTION", "score_for_export"]

#: The option that chooses the scoring method of a results exporter.
METHOD_OPTION = "method"


def score_for_export(
    project: Project,
    exporter: Exporter,
    options: Mapping[str, Any],
    *,
    include_unpublished: bool = False,
) -> tuple[BaseModel, dict[str, Any]]:
    """Score ``project`` for ``exporter``: the results, and the options left for the exporter.

    ``include_unpublished`` also scores the lists that did not consent to publication (when the
    method takes that option). A wrong method or option raises :class:`UsageError`; a scoring
    method (plugin code) that fails raises :class:`PluginError` naming its plugin.
    """
    record = get_scoring_method(str(options.get(METHOD_OPTION, DEFAULT_METHOD)))
    for_scoring = set(record.options.model_fields)
    for_exporter = set(exporter.options.model_fields)
    shared_out = for_scoring | {METHOD_OPTION}
    unknown = sorted(set(options) - shared_out - for_exporter)
    if unknown:
        known = ", ".join(sorted(shared_out | for_exporter))
        raise UsageError(
            f"{unknown[0]!r} is an option neither of the {exporter.name!r} format nor of the "
            f"scoring method {record.name!r}; options: {known} (see 'civicquest formats')"
        )
    given = {key: value for key, value in options.items() if key in for_scoring}
    if include_unpublished and "include_unpublished" in for_scoring:
        given.setdefault("include_unpublished", True)
    try:
        chosen = record.options.model_validate(given)
    except ValidationError as error:
        known = ", ".join([METHOD_OPTION, *for_scoring])
        raise UsageError(
            f"{describe_option_errors(error)} (the method {record.name!r} takes: {known})"
        ) from None
    results = run_scoring_method(record, project, chosen)
    left = {k: v for k, v in options.items() if k not in shared_out or k in for_exporter}
    return results, left
