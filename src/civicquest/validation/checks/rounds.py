"""Checks of ``rounds.yaml``: rounds of the election, lists that exist, mergers that add up."""

from __future__ import annotations

from collections.abc import Sequence

from ...models.questionnaire import Questionnaire
from ...models.respondents import Merged, Respondent
from ...models.responses import Answer, Response
from ...models.rounds import ElectionRounds, Merger, Renegotiated, RoundRecord
from ..issues import Issue, format_doc_path, located
from ..locations import DocPath, Document
from .responses import ResponseChecker

__all__ = ["check_rounds"]


class _RoundsCheck:
    """What every check of one ``rounds.yaml`` needs, prepared once."""

    def __init__(
        self,
        doc: Document,
        questionnaire: Questionnaire,
        respondents: Sequence[Respondent],
        responses: Sequence[Response],
    ) -> None:
        self.doc = doc
        self.responses_read = True
        self.rounds = tuple(item.number for item in questionnaire.election.rounds)
        self.respondents = {r.id: r for r in respondents}
        self.responses: dict[str, list[Response]] = {}
        for response in responses:
            self.responses.setdefault(response.respondent, []).append(response)
        self.checker = ResponseChecker(questionnaire, respondents)
        self.merged_at: dict[str, DocPath] = {}

    def answer_before(self, respondent: str, number: int, question: str) -> Answer | None:
        """The list's latest answer to ``question`` before round ``number``."""
        found: Response | None = None
        for response in self.responses.get(respondent, ()):
            if response.round < number and (found is None or response.round > found.round):
                found = response
        answer = found.answers.get(question) if found else None
        return answer if answer is not None and answer.no_answer is None else None


def check_rounds(
    rounds: ElectionRounds,
    doc: Document,
    questionnaire: Questionnaire,
    respondents: Sequence[Respondent],
    responses: Sequence[Response] | None,
) -> list[Issue]:
    """Every located mistake of ``rounds.yaml``.

    ``responses`` is None when the responses could not be read (no ``responses/`` folder, or a
    misnamed one): commitments kept by a merger are then not checked against them.
    """
    check = _RoundsCheck(doc, questionnaire, respondents, responses or ())
    check.responses_read = responses is not None
    issues = []
    if rounds.questionnaire not in (None, questionnaire.id):
        issues.append(
            located(
                "questionnaire_mismatch",
                doc,
                ("questionnaire",),
                found=rounds.questionnaire,
                expected=questionnaire.id,
            )
        )
    seen: dict[int, int] = {}
    for index, record in enumerate(rounds.rounds):
        first = seen.setdefault(record.number, index)
        if first != index:
            where = format_doc_path(("rounds", first))
            at = ("rounds", index, "number")
            issues.append(
                located("duplicate_id", doc, at, kind="rounds", id=record.number, first=where)
            )
    for index, record in enumerate(rounds.rounds):
        before = rounds.record(record.number - 1)
        issues += _round(check, record, before, ("rounds", index))
    return issues + _unrecorded(check, rounds)


def _round(
    check: _RoundsCheck, record: RoundRecord, before: RoundRecord | None, at: DocPath
) -> list[Issue]:
    doc = check.doc
    issues = []
    if record.number not in check.rounds:
        expected = ", ".join(map(str, check.rounds))
        issues.append(
            located("round_unknown", doc, (*at, "number"), number=record.number, expected=expected)
        )
    for index, list_id in enumerate(record.lists):
        if list_id not in check.respondents:
            issues.append(
                located("round_list_unknown", doc, (*at, "lists", index), respondent=list_id)
            )
    if record.mergers and record.number == min(check.rounds, default=1):
        issues.append(located("merger_in_first_round", doc, (*at, "mergers"), number=record.number))
    previous = set(before.lists) if before else None
    if previous is None and record.number == 2:
        previous = set(check.respondents)  # round 1 not recorded: every list stood in it
    for index, merger in enumerate(record.mergers):
        issues += _merger(check, merger, record, previous, (*at, "mergers", index))
    return issues


def _merger(
    check: _RoundsCheck,
    merger: Merger,
    record: RoundRecord,
    previous: set[str] | None,
    at: DocPath,
) -> list[Issue]:
    doc, issues = check.doc, []
    if merger.into not in check.respondents:
        issues.append(located("merger_into_unknown", doc, (*at, "into"), target=merger.into))
    elif merger.into not in record.lists:
        issues.append(
            located(
                "merger_into_not_standing",
                doc,
                (*at, "into"),
                target=merger.into,
                number=record.number,
            )
        )
    for index, merging in enumerate(merger.lists):
        where: DocPath = (*at, "lists", index, "list")
        issues += _merging_list(check, merging.list, merger.into, record, previous, where)
    return issues + _commitments(check, merger, record.number, at)


def _merging_list(
    check: _RoundsCheck,
    list_id: str,
    into: str,
    record: RoundRecord,
    previous: set[str] | None,
    where: DocPath,
) -> list[Issue]:
    doc = check.doc
    respondent = check.respondents.get(list_id)
    if respondent is None:
        return [located("round_list_unknown", doc, where, respondent=list_id)]
    if list_id == into:
        return [located("merger_into_itself", doc, where, respondent=list_id)]
    first = check.merged_at.get(list_id)
    if first is not None:
        return [
            located("merged_twice", doc, where, respondent=list_id, first=format_doc_path(first))
        ]
    check.merged_at[list_id] = where
    issues = []
    number = record.number
    if list_id in record.lists:
        issues.append(
            located("merged_list_standing", doc, where, respondent=list_id, number=number)
        )
    if previous is not None and list_id not in previous:
        issues.append(
            located(
                "merged_list_not_standing_before",
                doc,
                where,
                respondent=list_id,
                number=number - 1,
            )
        )
    stated = respondent.merged_into if isinstance(respondent, Merged) else into
    # An unknown stated list is reported in respondents.yaml already: one mistake, one issue.
    if stated != into and stated in check.respondents:
        issues.append(
            located(
                "merger_status_mismatch",
                doc,
                where,
                respondent=list_id,
                stated=stated,
                target=into,
            )
        )
    return issues


def _commitments(check: _RoundsCheck, merger: Merger, number: int, at: DocPath) -> list[Issue]:
    doc, issues = check.doc, []
    taken: dict[str, tuple[str, Answer]] = {}
    for index, merging in enumerate(merger.lists):
        for question, fate in merging.commitments.items():
            where: DocPath = (*at, "lists", index, "commitments", question)
            if question not in check.checker.rules:
                issues.append(
                    located("unknown_question", doc, where, at_key=True, question=question)
                )
                continue
            if isinstance(fate, Renegotiated):
                answer: Answer | None = fate.renegotiated
                issues += check.checker.check_answer_at(
                    question, fate.renegotiated, doc, (*where, "renegotiated")
                )
            elif fate == "keeps":
                answer = check.answer_before(merging.list, number, question)
                if answer is None and check.responses_read and merging.list in check.respondents:
                    issues.append(
                        located(
                            "kept_unanswered",
                            doc,
                            where,
                            question=question,
                            respondent=merging.list,
                        )
                    )
            else:
                answer = None
            issues += _conflict(check, taken, question, merging.list, answer, where)
    return issues


def _conflict(
    check: _RoundsCheck,
    taken: dict[str, tuple[str, Answer]],
    question: str,
    list_id: str,
    answer: Answer | None,
    where: DocPath,
) -> list[Issue]:
    if answer is None:
        return []
    first = taken.setdefault(question, (list_id, answer))
    if first[0] == list_id or _value(first[1]) == _value(answer):
        return []
    return [
        located(
            "merger_conflict",
            check.doc,
            where,
            question=question,
            first=first[0],
            respondent=list_id,
        )
    ]


def _value(answer: Answer) -> object:
    field = answer.value_field
    return field, getattr(answer, field)


def _unrecorded(check: _RoundsCheck, rounds: ElectionRounds) -> list[Issue]:
    """Lists whose status says merged, in a recorded round with no such merger."""
    issues = []
    for respondent in check.respondents.values():
        if not isinstance(respondent, Merged) or respondent.id in check.merged_at:
            continue
        for index, record in enumerate(rounds.rounds):
            if record.number == respondent.round:
                issues.append(
                    located(
                        "merger_not_recorded",
                        check.doc,
                        ("rounds", index, "mergers"),
                        severity="warning",
                        respondent=respondent.id,
                        target=respondent.merged_into,
                        number=record.number,
                    )
                )
    return issues
