"""A project as it stands in one round: the lists standing, and the answers each one carries.

Rules (docs/rounds-and-exchanges.md):

- round 1 without ``rounds.yaml``: every list stands; round 2 must be recorded in it;
- a list standing in round N carries its own response of round N, else its latest response of
  an earlier round (a list that goes through keeps its commitments);
- the list a merger is into, without its own response of round N, carries its earlier answers
  (if it stood before) with the commitments it keeps from the lists that merged into it, and
  the answers renegotiated in the merger, which take precedence;
- the lists that merged appear with the status ``merged`` (left out of the comparison); lists
  eliminated or withdrawn do not appear;
- a list standing in a round while its status in respondents.yaml is ``merged`` or
  ``withdrawn`` (that came later), or ``pending`` while it carries answers (a new merged list),
  is shown as ``answered`` or ``partial`` when it carries a response.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..errors import UsageError
from .project import Project
from .respondents import Merged, Respondent
from .responses import Answer, QuestionnaireRef, Response
from .rounds import Merger, Renegotiated

__all__ = [
    "KeptCommitment",
    "ListOutcome",
    "RoundOutcome",
    "merged_commitments",
    "project_for_round",
    "round_numbers",
    "round_outcomes",
    "standing_lists",
]

RoundOutcome = Literal["stands", "merged", "out", "new"]
_LATER_STATUSES = frozenset({"merged", "withdrawn", "pending"})
_History = dict[str, list[Response]]


@dataclass(frozen=True)
class KeptCommitment:
    """One question of a merged list: where its answer comes from in the merger."""

    question: str
    source: str  # the list whose commitment it was
    fate: Literal["keeps", "drops", "renegotiated"]
    answer: Answer | None  # the merged list's answer (None when dropped)
    note: str | None = None


@dataclass(frozen=True)
class ListOutcome:
    """What became of a list at round ``number``: stands, merged (into), out or new."""

    respondent: str
    number: int
    outcome: RoundOutcome
    into: str | None = None


def round_numbers(project: Project) -> tuple[int, ...]:
    """The numbers of the election's rounds, as the questionnaire gives them."""
    return tuple(item.number for item in project.questionnaire.election.rounds)


def standing_lists(project: Project, number: int) -> tuple[str, ...]:
    """Ids of the lists standing in round ``number``; UsageError if it is not recorded."""
    _known_round(project, number)
    record = project.rounds.record(number) if project.rounds else None
    if record is not None:
        return record.lists
    if number == 1:
        return tuple(r.id for r in project.respondents)
    raise UsageError(
        f"le tour {number} n'est pas décrit dans rounds.yaml / "
        f"round {number} is not recorded in rounds.yaml"
    )


def project_for_round(project: Project, number: int) -> Project:
    """``project`` as it stands in round ``number`` (the rules are in this module's doc)."""
    standing = set(standing_lists(project, number))
    mergers = _mergers(project, number)
    merged_away = {item.list: merger.into for merger in mergers for item in merger.lists}
    history = _responses_by_list(project)
    responses = {
        r.id: _carried(project, history, r.id, number, mergers) for r in project.respondents
    }
    respondents: list[Respondent] = []
    for respondent in project.respondents:
        if respondent.id in standing:
            respondents.append(_as_standing(respondent, responses[respondent.id], project))
        elif respondent.id in merged_away:
            respondents.append(_as_merged(respondent, merged_away[respondent.id], number))
    kept = tuple(responses[r.id] for r in respondents if r.id in standing)
    fields = {name: getattr(project, name) for name in Project.model_fields}
    return Project.model_construct(
        **{
            **fields,
            "respondents": tuple(respondents),
            "responses": tuple(r for r in kept if r is not None),
        }
    )


def round_outcomes(project: Project, number: int) -> tuple[ListOutcome, ...]:
    """What became of each list between round ``number - 1`` and round ``number``."""
    now = set(standing_lists(project, number))
    before = set(standing_lists(project, number - 1)) if number > 1 else set()
    into = {item.list: m.into for m in _mergers(project, number) for item in m.lists}
    outcomes = []
    for respondent in project.respondents:
        rid = respondent.id
        if rid in into:
            outcomes.append(ListOutcome(rid, number, "merged", into[rid]))
        elif rid in now:
            outcomes.append(ListOutcome(rid, number, "stands" if rid in before else "new"))
        elif rid in before:
            outcomes.append(ListOutcome(rid, number, "out"))
    return tuple(outcomes)


def merged_commitments(project: Project, merger: Merger) -> tuple[KeptCommitment, ...]:
    """Per merging list and question, what the merged list keeps, drops or renegotiated."""
    return _commitments(project, _responses_by_list(project), merger)


def _commitments(project: Project, history: _History, merger: Merger) -> tuple[KeptCommitment, ...]:
    number = _merger_round(project, merger)
    items = []
    for merging in merger.lists:
        earlier = _latest(history, merging.list, number - 1)
        for question, fate in merging.commitments.items():
            if isinstance(fate, Renegotiated):
                items.append(
                    KeptCommitment(
                        question, merging.list, "renegotiated", fate.renegotiated, fate.note
                    )
                )
            else:
                answer = earlier.answers.get(question) if earlier and fate == "keeps" else None
                items.append(KeptCommitment(question, merging.list, fate, answer))
    return tuple(items)


def _known_round(project: Project, number: int) -> None:
    numbers = round_numbers(project)
    if number not in numbers:
        known = ", ".join(str(n) for n in numbers)
        raise UsageError(
            f"tour inconnu / unknown round {number}: l'élection a les tours / "
            f"the election has rounds {known}"
        )


def _mergers(project: Project, number: int) -> tuple[Merger, ...]:
    record = project.rounds.record(number) if project.rounds else None
    return record.mergers if record else ()


def _merger_round(project: Project, merger: Merger) -> int:
    for record in project.rounds.rounds if project.rounds else ():
        if any(item is merger for item in record.mergers):
            return record.number
    return max(round_numbers(project))


def _responses_by_list(project: Project) -> _History:
    history: _History = {}
    for response in project.responses:
        history.setdefault(response.respondent, []).append(response)
    return history


def _latest(history: _History, respondent: str, number: int) -> Response | None:
    """The list's response of the latest round up to ``number``."""
    found = None
    for response in history.get(respondent, ()):
        if response.round <= number and (found is None or response.round > found.round):
            found = response
    return found


def _carried(
    project: Project, history: _History, respondent: str, number: int, mergers: tuple[Merger, ...]
) -> Response | None:
    """The response a list carries in round ``number``."""
    own = _latest(history, respondent, number)
    if own is not None and own.round == number:
        return own
    merger = next((m for m in mergers if m.into == respondent), None)
    if merger is None:
        return own
    return _merged_response(project, history, merger, own)


def _merged_response(
    project: Project, history: _History, merger: Merger, own: Response | None
) -> Response:
    number = _merger_round(project, merger)
    answers = dict(own.answers) if own else {}
    for item in _commitments(project, history, merger):
        if item.answer is not None:
            answers[item.question] = item.answer
    questionnaire = project.questionnaire
    return Response(
        respondent=merger.into,
        questionnaire=own.questionnaire
        if own
        else QuestionnaireRef(id=questionnaire.id, version=questionnaire.version),
        received=merger.date,
        round=number,
        consent_to_publish=merger.consent_to_publish,
        answers=answers,
        comment=merger.note,
    )


def _as_standing(respondent: Respondent, response: Response | None, project: Project) -> Respondent:
    if respondent.status not in _LATER_STATUSES or response is None:
        return respondent
    return _with_status(respondent, {"status": _answered_or_partial(response, project)})


def _answered_or_partial(response: Response, project: Project) -> str:
    required = (q.id for q in project.questionnaire.questions if q.required)
    missing = any(
        (answer := response.answers.get(q)) is None or answer.no_answer is not None
        for q in required
    )
    return "partial" if missing else "answered"


def _as_merged(respondent: Respondent, into: str, number: int) -> Respondent:
    if isinstance(respondent, Merged):
        return respondent
    return _with_status(respondent, {"status": "merged", "merged_into": into, "round": number})


def _with_status(respondent: Respondent, update: dict[str, object]) -> Respondent:
    from pydantic import TypeAdapter

    common = {name: getattr(respondent, name) for name in Merged.model_fields if name not in
              ("status", "merged_into", "round")}  # fmt: skip
    adapter: TypeAdapter[Respondent] = TypeAdapter(Respondent)
    return adapter.validate_python({**common, **update})
