"""Check and encode one voter by the rules of ``match --answers``, fast enough for panels.

A voter is encoded as one byte per matched question: 0 when skipped, ``level + 1`` otherwise,
plus 128 when marked important. Most voters of a panel are plain (known questions, known option
codes, ``important``/``skip`` given as booleans) and are encoded straight from the parsed JSON.
Anything else goes through the full path, the pydantic model and the response checker that
``match --answers`` uses, so both paths accept, refuse and encode exactly the same voters: the
fast one only accepts what the full one would accept, and spares building models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..matching.encoding import MatchQuestion, encode_voter
from ..matching.panel import IMPORTANT_BIT
from ..models.questionnaire import Questionnaire
from ..models.voter import VoterAnswers
from ..validation.checks.scoring import check_voter
from ..validation.issues import Issue, located
from .documents import DocPath, Position, SourceDocument

__all__ = [
    "EncodedVoter",
    "LineDocument",
    "RejectedVoter",
    "VoterEncoder",
    "check_voter_data",
]

_TOP_KEYS = frozenset({"id", "answers"})
_ANSWER_KEYS = frozenset({"choice", "important", "skip"})
_NOT_GIVEN = object()


@dataclass(frozen=True, slots=True)
class EncodedVoter:
    """A voter ready to match: its id (the line number if it gave none) and its codes."""

    id: str | int
    codes: bytes


@dataclass(frozen=True, slots=True)
class RejectedVoter:
    """A voter that cannot be matched, with every located issue found in it."""

    line: int
    issues: list[Issue]


@dataclass
class LineDocument(SourceDocument):
    """One record of a file of many voters: positions count from ``first_line`` of the file."""

    first_line: int = 1

    def position(self, doc_path: DocPath, *, key: bool = False) -> Position | None:
        where = super().position(doc_path, key=key)
        if where is None:
            return Position(self.first_line, 1)
        return Position(where.line + self.first_line - 1, where.column)


def check_voter_data(
    data: Any, doc: SourceDocument, questionnaire: Questionnaire
) -> VoterAnswers | list[Issue]:
    """The voter, or its located issues (any issue refuses it, as ``match --answers`` does)."""
    from pydantic import ValidationError

    from ..validation.structural import issues_from_validation_error

    if not isinstance(data, dict):
        return [located("not_a_mapping", doc, ())]
    try:
        voter = VoterAnswers.model_validate(data)
    except ValidationError as error:
        return issues_from_validation_error(error, doc)
    return check_voter(voter, doc, questionnaire) or voter


class VoterEncoder:
    """Checks and encodes voters for one questionnaire's matched questions."""

    def __init__(self, questionnaire: Questionnaire, questions: tuple[MatchQuestion, ...]) -> None:
        self.questionnaire = questionnaire
        self.questions = questions
        self.blank = bytes(len(questions))
        self._columns: dict[str, tuple[int, dict[Any, int]]] = {
            q.id: (index, {code: level + 1 for level, code in enumerate(q.codes)})
            for index, q in enumerate(questions)
        }

    def encode(
        self, data: Any, document: Callable[[], SourceDocument], line: int
    ) -> EncodedVoter | RejectedVoter:
        """Encode the voter parsed from ``line``; ``document`` locates issues when needed."""
        fast = self.fast(data, line)
        if fast is not None:
            return fast
        doc = document()
        checked = check_voter_data(data, doc, self.questionnaire)
        if isinstance(checked, list):
            return RejectedVoter(line, checked)
        codes = self._full(checked)
        if codes == self.blank:
            return RejectedVoter(line, [located("voter_answered_nothing", doc, ("answers",))])
        return EncodedVoter(line if checked.id is None else checked.id, codes)

    def _full(self, voter: VoterAnswers) -> bytes:
        encoded = encode_voter(voter, self.questions)
        levels, important = encoded.levels[0].tolist(), encoded.important[0].tolist()
        return bytes(
            0 if level < 0 else level + 1 + IMPORTANT_BIT * flag
            for level, flag in zip(levels, important, strict=True)
        )

    def fast(self, data: Any, line: int, colons: int | None = None) -> EncodedVoter | None:
        """A plain, valid voter who answered something, encoded; None to take the full path.

        ``colons``, the number of ``:`` in the JSON text ``data`` was parsed from, proves it had
        no duplicate key: each key is followed by one colon, so a text with as many colons as
        ``data`` has keys cannot have lost one (a colon inside a string only adds to the count).
        """
        if type(data) is not dict or not data.keys() <= _TOP_KEYS:
            return None
        answers, voter_id = data.get("answers"), data.get("id")
        if type(answers) is not dict or type(voter_id) not in (str, int, type(None)):
            return None
        row = bytearray(self.blank)
        columns = self._columns
        keys = len(data) + len(answers)
        try:  # a question, choice or shape the lookups do not know: the full path says why
            for question_id, answer in answers.items():
                index, values = columns[question_id]
                size = len(answer)
                keys += size
                if size == 1:
                    row[index] = values[answer["choice"]]
                elif size == 2 and answer.get("important") is True:
                    row[index] = values[answer["choice"]] + IMPORTANT_BIT
                else:
                    code = _flags(answer, values)
                    if code is None:
                        return None
                    row[index] = code
        except (KeyError, TypeError, AttributeError):
            return None
        if row == self.blank or (colons is not None and colons != keys):
            return None
        return EncodedVoter(line if voter_id is None else voter_id, bytes(row))


def _flags(answer: dict[str, Any], values: dict[Any, int]) -> int | None:
    """The code of an answer with important/skip flags, or None if it is not plain."""
    if not answer.keys() <= _ANSWER_KEYS:
        return None
    skip, important = answer.get("skip", False), answer.get("important", False)
    if type(skip) is not bool or type(important) is not bool:
        return None
    choice = answer.get("choice", _NOT_GIVEN)
    if choice is None or choice is _NOT_GIVEN:
        return 0 if skip else None
    level = values.get(choice)
    if level is None:
        return None
    return 0 if skip else level + IMPORTANT_BIT * important
