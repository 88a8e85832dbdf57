"""The commune's INSEE code and the election's division id must name the same place."""

from __future__ import annotations

from ...models.questionnaire import Questionnaire
from ..divisions import COMMUNE_SEGMENT, division_id_for, insee_problem
from ..issues import Issue, located
from ..locations import Document

__all__ = ["check_division"]

_FRANCE = "ocd-division/country:fr"


def check_division(questionnaire: Questionnaire, doc: Document) -> list[Issue]:
    """A commune division id built for another INSEE code than the election's commune.

    A division id without a ``commune:`` segment (a département, a metropolis) is not compared.
    """
    election = questionnaire.election
    if election.commune is None:
        return []  # several communes share the division of their territory
    code = election.commune.insee_code
    if insee_problem(code) is not None:
        return []  # reported once, by the communes check (bad_insee_code, bad_insee_department)
    division = election.division_id
    if not division.startswith(_FRANCE + "/") or f"/{COMMUNE_SEGMENT}:" not in division:
        return []
    expected = division_id_for(code)
    if division == expected:
        return []
    return [
        located(
            "division_mismatch",
            doc,
            ("election", "division_id"),
            found=division,
            code=code,
            expected=expected,
        )
    ]
