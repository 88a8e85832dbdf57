"""A voter's answers given in Python: a :class:`VoterAnswers`, or a plain mapping.

Two shapes of mapping are accepted:

- the shape of a voter file: ``{"answers": {"q1": {"choice": "agree", "important": True}}}``;
- the answers alone, keyed by question id: ``{"q1": "agree", "q2": {"choice": "no",
  "important": True}, "q3": ["a", "b"], "q4": 12}``: a string is an option code (the text of an
  open question), a list the codes of a multiple choice, a number a number, a mapping an answer
  as written in a file.

Either way the answers are checked by the same rules as the CLI's ``--answers`` file: an
unknown question id or option code raises :class:`InvalidVoterAnswersError` with located issues.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InvalidVoterAnswersError
from ..models.questionnaire import Questionnaire
from ..models.voter import VoterAnswers
from ..validation.checks.scoring import check_voter
from ..validation.locations import DataDocument
from ..validation.structural import issues_from_validation_error

__all__ = ["VoterInput", "voter_answers"]

#: What :func:`civicquest.match_voter` accepts as a voter.
VoterInput = VoterAnswers | Mapping[str, Any]

VOTER = Path("<voter>")


def voter_answers(voter: VoterInput, questionnaire: Questionnaire) -> VoterAnswers:
    """``voter`` as checked :class:`VoterAnswers`; :class:`InvalidVoterAnswersError` if wrong."""
    if isinstance(voter, VoterAnswers):
        data: Any = voter.model_dump(mode="json", exclude_unset=True)
        checked = voter
    else:
        data = _file_shape(voter, questionnaire)
        try:
            checked = VoterAnswers.model_validate(data)
        except ValidationError as error:
            issues = issues_from_validation_error(error, DataDocument(VOTER, data))
            raise InvalidVoterAnswersError(issues) from None
    issues = check_voter(checked, DataDocument(VOTER, data), questionnaire)
    if any(issue.severity == "error" for issue in issues):
        raise InvalidVoterAnswersError(issues)
    return checked


def _file_shape(voter: Mapping[str, Any], questionnaire: Questionnaire) -> Any:
    if not isinstance(voter, Mapping):
        return voter  # pydantic reports what it is
    if "answers" in voter and isinstance(voter["answers"], Mapping):
        return dict(voter)
    open_questions = {q.id for q in questionnaire.questions if q.kind == "open_text"}
    return {
        "answers": {
            question_id: _answer(value, question_id in open_questions)
            for question_id, value in voter.items()
        }
    }


def _answer(value: Any, open_question: bool) -> Any:
    if isinstance(value, str):
        return {"text": value} if open_question else {"choice": value}
    if isinstance(value, list | tuple):
        return {"choices": list(value)}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"number": value}
    return value
