"""Charts as inline, accessible SVG (owned by the "charts" work; this is the contract).

Templates call these two functions where the charts belong and insert what they return as is:

- ``theme_bars(project, report, lang)`` on the comparison page (``<lang>/compare/index.html``):
  per-theme bars for every list, in the order of ``report.lists``;
- ``list_profile(project, report, respondent, lang)`` on each list's page
  (``<lang>/lists/<respondent>.html``): that list's profile across the themes.

Each returns a :class:`markupsafe.Markup` (an empty one when there is nothing to draw, e.g. an
unscored list or a report without scores). The returned markup must escape every text taken
from the project (``markupsafe.escape``), say in words what the chart shows (a title and a data
table), fetch nothing, and use only the words of civicquest's catalogue
(``civicquest.plugins.translate(context, english, lang)``).
"""

from __future__ import annotations

from markupsafe import Markup

from civicquest.models import Project, ScoreReport

__all__ = ["list_profile", "theme_bars"]


def theme_bars(project: Project, report: ScoreReport, lang: str) -> Markup:
    """Per-theme bars per list, for the comparison page (empty until charts are drawn)."""
    return Markup("")


def list_profile(project: Project, report: ScoreReport, respondent: str, lang: str) -> Markup:
    """One list's profile across the themes, for its page (empty until charts are drawn)."""
    return Markup("")
