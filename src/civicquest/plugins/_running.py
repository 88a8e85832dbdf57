"""Run a scoring method (plugin code) at the plugin boundary: a failure names the plugin."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..errors import PluginError
from ..models.project import Project
from ._guard import PluginCallError, call_plugin, plugin_error, type_name
from ._records import ScoringMethod

__all__ = ["DEFAULT_METHOD", "run_scoring_method"]

#: The method of a project that does not choose one: ``score``'s default, sensitivity's reference.
DEFAULT_METHOD = "commitment"


def run_scoring_method(
    method: ScoringMethod, project: Project, options: Any, plugin: str | None = None
) -> BaseModel:
    """``method.score(project, options)``, or a :class:`PluginError` naming the plugin and the
    method if it raises (``SystemExit`` included) or returns no result model.

    civicquest's own errors raised by the method (``UsageError`` for a bad option) go through.
    """
    if plugin is None:
        from ._listing import provider_of

        plugin = provider_of(method)
    where = f"the scoring method {method.name!r}"
    try:
        report = call_plugin(method.score, project, options)
    except PluginCallError as fault:
        raise plugin_error(plugin, where, fault) from None
    if not isinstance(report, BaseModel):
        raise PluginError(
            f"plugin {plugin!r}: {where} returned {type_name(report)}, not a result model"
        )
    return report
