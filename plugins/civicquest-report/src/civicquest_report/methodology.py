"""The methodology page (owned by the "charts" work; this is the contract).

The site builder renders ``templates/methodology.html.j2`` as ``<lang>/methodology.html`` for
each language, with the common page context (see :func:`civicquest_report.site.page_context`:
``lang``, ``page``, ``project``, ``report``, ``view``, helpers ``translate``, ``url``, ``text``)
plus one key, ``methodology``: the mapping :func:`methodology_context` returns.
"""

from __future__ import annotations

from typing import Any

from civicquest.models import Project, ScoreReport

__all__ = ["methodology_context"]


def methodology_context(project: Project, report: ScoreReport, lang: str) -> dict[str, Any]:
    """What the methodology page shows: method, weights, missing-answer policies, sensitivity,
    reproducibility record, how to recompute. A stub: empty until the page is written."""
    return {}
