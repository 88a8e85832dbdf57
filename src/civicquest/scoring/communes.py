"""Compare communes on the questions they share: how many lists gave each answer, per commune.

Only counts: a score of a list is comparable with the scores of the lists of its own commune
only (the questions asked may differ), so no score or rank crosses a commune's border here.
"""

from __future__ import annotations

from ..__about__ import __version__
from ..models.project import Project
from ..models.results import CommuneAnswers, CommuneComparison, Reproducibility
from ..models.scoring import MissingRules
from .aggregate import level_labels
from .report import prepare
from .tables import SHIFT

__all__ = ["compare_communes"]


def compare_communes(
    project: Project, missing: MissingRules | None = None, *, include_unpublished: bool = False
) -> CommuneComparison:
    """Per commune and shared question, the number of compared lists on each answer."""
    import numpy as np

    run = prepare(project, missing, include_unpublished=include_unpublished)
    labels, label_index = level_labels(run.tables)
    restricted = project.question_communes
    shared = [i for i, q in enumerate(run.tables.questions) if q.id not in restricted]
    communes = run.encoded.communes
    groups = run.encoded.commune_index
    assert groups is not None
    size = len(communes) + 1  # lists without a commune fall in the last group (never shown)
    lists = np.bincount(groups, minlength=size)
    rows: list[CommuneAnswers] = []
    counts = {}
    for column in shared:
        cells = label_index[column, run.encoded.codes[:, column].astype(np.intp) + SHIFT]
        flat = np.bincount(groups * len(labels) + cells, minlength=size * len(labels))
        counts[column] = flat.reshape(size, len(labels)).tolist()
    for position, code in enumerate(communes):
        if not lists[position]:
            continue
        for column in shared:
            row = counts[column][position]
            rows.append(
                CommuneAnswers.model_construct(
                    commune=code,
                    question=run.tables.questions[column].id,
                    lists=int(lists[position]),
                    counts={label: n for label, n in zip(labels, row, strict=True) if n},
                )
            )
    return CommuneComparison(
        reproducibility=Reproducibility(
            questionnaire_id=project.questionnaire.id,
            questionnaire_version=project.questionnaire.version,
            method="across-communes",
            parameters={"scoring": run.config.model_dump(mode="json")},
            civicquest_version=__version__,
        ),
        communes=communes,
        questions=tuple(run.tables.questions[column].id for column in shared),
        rows=tuple(rows),
    )
