"""Words the site says that depend on data: what each column of the open data holds."""

from __future__ import annotations

from civicquest.models import Project
from civicquest.plugins import COLUMN_LABELS, column_label, text_of, translate

__all__ = ["column_words"]


def _score_columns(lang: str) -> dict[str, str]:
    return {
        "name": translate("report", "the list's name", lang),
        "rank": translate("report", "its rank, when the method ranks lists", lang),
        "score": translate("report", "the score from 0 to 100 (empty: not computed)", lang),
        "points": translate("report", "points obtained on the theme", lang),
        "maximum": translate("report", "points that could be obtained on the theme", lang),
    }


def column_words(project: Project, column: str, lang: str) -> str:
    """What the open-data column ``column`` holds, in ``lang``."""
    if column == "theme":
        return translate("report", "the theme's id (* in the scores: the overall score)", lang)
    if column in COLUMN_LABELS:
        return column_label(column, lang)
    question = project.questions_by_id.get(column)
    if question is not None:
        answer_to = translate("report", "the answer to: {question}", lang)
        return answer_to.format(question=text_of(project, question.text, lang))
    return _score_columns(lang).get(column, "")
