"""Checks of richer answers: a pledge's rule, amounts, required evidence and comments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...models.commitments import AmountSpec
from ...models.questionnaire import Questionnaire, commitment_options
from ...models.responses import Answer
from ..issues import Issue, located
from ..locations import DocPath, Document

__all__ = ["AnswerExtras", "check_commitment_rules", "number_issues"]


def check_commitment_rules(questionnaire: Questionnaire, doc: Document) -> list[Issue]:
    """The pledge cites known options and questions and can be reached; amounts are sound."""
    return (
        _pledge(questionnaire, doc) + _amounts(questionnaire, doc) + _neutrals(questionnaire, doc)
    )


def _pledge(questionnaire: Questionnaire, doc: Document) -> list[Issue]:
    pledge = questionnaire.pledge
    if pledge is None:
        return []
    issues: list[Issue] = []
    codes = {o.code for scale in questionnaire.scales for o in scale.options}
    for index, code in enumerate(pledge.options):
        if code not in codes:
            issues.append(located("pledge_unknown_option", doc, ("pledge", "options", index),
                                  code=code))  # fmt: skip
    counted = commitment_options(questionnaire)
    for field in ("questions", "required"):
        for index, question in enumerate(getattr(pledge, field) or ()):
            if question not in counted:
                issues.append(located("pledge_unknown_question", doc, ("pledge", field, index),
                                      question=question))  # fmt: skip
    if not issues and pledge.min_commitments > len(counted):
        issues.append(
            located("pledge_unreachable", doc, ("pledge", "min_commitments"),
                    minimum=pledge.min_commitments, count=len(counted))
        )  # fmt: skip
    return issues


def _amounts(questionnaire: Questionnaire, doc: Document) -> list[Issue]:
    scales = {scale.id: {o.code for o in scale.options} for scale in questionnaire.scales}
    issues: list[Issue] = []
    for index, question in enumerate(questionnaire.questions):
        spec: AmountSpec | None = getattr(question, "amount", None)
        if spec is None:
            continue
        at: DocPath = ("questions", index, "amount")
        if spec.minimum is not None and spec.maximum is not None and spec.minimum > spec.maximum:
            issues.append(located("bounds_reversed", doc, (*at, "minimum"),
                                  minimum=spec.minimum, maximum=spec.maximum))  # fmt: skip
        known = scales.get(getattr(question, "scale", ""))
        for position, code in enumerate(spec.expected_with):
            if known is not None and code not in known:
                issues.append(
                    located("unknown_option", doc, (*at, "expected_with", position), code=code,
                            question=question.id, expected=", ".join(sorted(known)))
                )  # fmt: skip
    return issues


def _neutrals(questionnaire: Questionnaire, doc: Document) -> list[Issue]:
    return [
        located("neutral_not_applicable", doc, ("scales", i, "options", j, "neutral"),
                code=option.code)
        for i, scale in enumerate(questionnaire.scales)
        for j, option in enumerate(scale.options)
        if option.neutral is not None and option.not_applicable
    ]  # fmt: skip


@dataclass(frozen=True)
class _Extras:
    amount: AmountSpec | None
    evidence: bool
    comment_options: frozenset[str]


class AnswerExtras:
    """What a list's answer must carry besides its option: an amount, evidence, a comment.

    Prepared once per questionnaire; only questions that ask for something are looked at, so
    checking a response costs nothing more when no question does.
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        commented = {
            scale.id: frozenset(o.code for o in scale.options if o.requires_comment)
            for scale in questionnaire.scales
        }
        self.rules: dict[str, _Extras] = {}
        for question in questionnaire.questions:
            extras = _Extras(
                getattr(question, "amount", None),
                question.requires_evidence,
                commented.get(getattr(question, "scale", ""), frozenset()),
            )
            if extras.amount is not None or extras.evidence or extras.comment_options:
                self.rules[question.id] = extras

    def check(self, answers: Mapping[str, Answer], doc: Document) -> list[Issue]:
        """Issues of the answers to questions that ask for more than an option."""
        issues = [
            located("amount_not_expected", doc, ("answers", question_id, "amount"),
                    question=question_id)
            for question_id, answer in answers.items()
            if answer.amount is not None
            and (question_id not in self.rules or self.rules[question_id].amount is None
                 or answer.no_answer is not None)
        ]  # fmt: skip
        for question_id, rule in self.rules.items():
            answer = answers.get(question_id)
            if answer is not None and answer.no_answer is None:
                issues += _extras(rule, answer, doc, ("answers", question_id), question_id)
        return issues


def _extras(
    rule: _Extras, answer: Answer, doc: Document, at: DocPath, question: str
) -> list[Issue]:
    issues: list[Issue] = []
    if rule.evidence and not answer.evidence:
        issues.append(located("evidence_missing", doc, at, severity="warning", question=question))
    if answer.choice in rule.comment_options and not (answer.comment or "").strip():
        issues.append(located("comment_missing", doc, (*at, "choice"), severity="warning",
                              question=question, code=answer.choice))  # fmt: skip
    spec = rule.amount
    if spec is None:
        return issues
    if answer.amount is None:
        if answer.choice in spec.expected_with:
            issues.append(located("amount_missing", doc, (*at, "choice"), severity="warning",
                                  question=question, code=answer.choice))  # fmt: skip
        return issues
    bounds = (spec.integer, spec.minimum, spec.maximum)
    return issues + number_issues(answer.amount, bounds, doc, (*at, "amount"))


def number_issues(
    number: float, bounds: tuple[bool, float | None, float | None], doc: Document, at: DocPath
) -> list[Issue]:
    """A number that should be whole (``bounds[0]``) and within [``bounds[1]``, ``bounds[2]``]."""
    integer, low, high = bounds
    issues = []
    if integer and not float(number).is_integer():
        issues.append(located("not_an_integer", doc, at, value=number))
    if (low is not None and number < low) or (high is not None and number > high):
        issues.append(
            located("number_out_of_bounds", doc, at, value=number,
                    minimum="-∞" if low is None else low, maximum="+∞" if high is None else high)
        )  # fmt: skip
    return issues
