"""Checks of each response against the questionnaire and the respondents."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from ...models.questionnaire import (
    MultipleChoiceQuestion,
    NumberQuestion,
    OpenTextQuestion,
    Question,
    Questionnaire,
    restricted_questions,
)
from ...models.respondents import Respondent
from ...models.responses import Answer, Response
from ..issues import Issue, located
from ..locations import DocPath, Document
from ..versions import compatible, parse_version
from .commitments import AnswerExtras, number_issues
from .exchanges import check_provenance, check_received

__all__ = ["ResponseChecker", "check_coverage"]

_EXPECTED_FIELD = {
    "single_choice": "choice",
    "commitment": "choice",
    "position": "choice",
    "multiple_choice": "choices",
    "open_text": "text",
    "number": "number",
}
ValueCheck = Callable[["_QuestionRule", Any, Document, DocPath], list[Issue]]
_WITH_ANSWERS = frozenset({"answered", "partial", "outside_form", "merged", "withdrawn"})
_NEEDS_RESPONSE = frozenset({"answered", "partial"})


@dataclass(frozen=True)
class _QuestionRule:
    question: Question
    field: str
    codes: frozenset[str] | None  # None when the scale is unknown (reported once, elsewhere)
    listing: str
    plain_choice: bool


class ResponseChecker:
    """Checks responses quickly: every lookup is prepared once per questionnaire."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        respondents: Sequence[Respondent] | None,
        kept_versions: AbstractSet[str] | None = None,
    ) -> None:
        """``respondents`` is None when they could not be read: their checks are then skipped.

        ``kept_versions`` are the earlier versions the project keeps; a response to an older
        compatible version not among them gets a warning (None: no such check).
        """
        self.questionnaire = questionnaire
        self.kept_versions = kept_versions
        self.respondents = None if respondents is None else {r.id: r for r in respondents}
        scales = {s.id: tuple(o.code for o in s.options) for s in questionnaire.scales}
        self.rules = {q.id: _rule(q, scales) for q in questionnaire.questions}
        self.required = tuple(q.id for q in questionnaire.questions if q.required)
        self.restricted = restricted_questions(questionnaire)
        communes = questionnaire.election.all_communes
        self.only_commune = communes[0].insee_code if len(communes) == 1 else None
        self.extras = AnswerExtras(questionnaire)

    def check(self, response: Response, doc: Document) -> list[Issue]:
        return (
            self._header(response, doc)
            + self.check_answers(response.answers, doc)
            + self.extras.check(response.answers, doc)
        )

    def check_answers(self, answers: Mapping[str, Answer], doc: Document) -> list[Issue]:
        """Check answers keyed by question id (a list's, or a voter's)."""
        issues: list[Issue] = []
        rules = self.rules
        for question_id, answer in answers.items():
            rule = rules.get(question_id)
            # Fast path for the bulk of answers: a list's own known option where comments and
            # evidence are allowed needs no further check (an answer holds exactly one value).
            if (
                rule is not None
                and rule.plain_choice
                and answer.choice in (rule.codes or ())
                and answer.written_by is None
                and answer.corrections is None
            ):
                continue
            at: DocPath = ("answers", question_id)
            if rule is None:
                issues.append(
                    located("unknown_question", doc, at, at_key=True, question=question_id)
                )
            else:
                issues += self.check_answer_at(question_id, answer, doc, at)
        return issues

    def check_answer_at(
        self, question_id: str, answer: Answer, doc: Document, at: DocPath
    ) -> list[Issue]:
        """Check one answer to a known question, located at ``at`` (in any document)."""
        rule = self.rules[question_id]

        def value(earlier: Answer, where: DocPath) -> list[Issue]:
            return _check_answer(rule, earlier, doc, where)

        return _check_answer(rule, answer, doc, at) + check_provenance(answer, doc, at, value)

    def _header(self, response: Response, doc: Document) -> list[Issue]:
        issues = []
        ref, q = response.questionnaire, self.questionnaire
        if ref.id != q.id:
            issues.append(
                located(
                    "questionnaire_mismatch",
                    doc,
                    ("questionnaire", "id"),
                    found=ref.id,
                    expected=q.id,
                )
            )
        elif ref.version != q.version and not compatible(ref.version, q.version):
            older_major = parse_version(ref.version)[0] < parse_version(q.version)[0]
            issues.append(
                located(
                    "incompatible_version" if older_major else "version_mismatch",
                    doc,
                    ("questionnaire", "version"),
                    found=ref.version,
                    expected=q.version,
                )
            )
        elif ref.version != q.version and not self._kept(ref.version):
            issues.append(
                located(
                    "older_version_not_kept",
                    doc,
                    ("questionnaire", "version"),
                    severity="warning",
                    found=ref.version,
                    expected=q.version,
                )
            )
        rounds = [item.number for item in q.election.rounds]
        if response.round not in rounds:
            issues.append(
                located(
                    "round_unknown",
                    doc,
                    ("round",),
                    number=response.round,
                    expected=", ".join(map(str, rounds)),
                )
            )
        if doc.path.stem not in (
            response.respondent,
            f"{response.respondent}.round{response.round}",
        ):
            issues.append(
                located(
                    "file_name_mismatch",
                    doc,
                    ("respondent",),
                    severity="warning",
                    name=doc.path.name,
                    respondent=response.respondent,
                    suffix=doc.path.suffix,
                )
            )
        if self.respondents is None:
            return issues
        respondent = self.respondents.get(response.respondent)
        if respondent is None:
            issues.append(
                located("unknown_respondent", doc, ("respondent",), respondent=response.respondent)
            )
        else:
            issues += self._status(respondent, response, doc)
            issues += self._outside_commune(respondent, response, doc)
            issues += check_received(respondent, response, doc)
        return issues

    def _commune(self, respondent: Respondent) -> str | None:
        return respondent.commune or self.only_commune

    def _applies(self, question_id: str, commune: str | None) -> bool:
        allowed = self.restricted.get(question_id)
        return allowed is None or commune in allowed

    def _outside_commune(
        self, respondent: Respondent, response: Response, doc: Document
    ) -> list[Issue]:
        """Answers to questions not asked in the list's commune (kept, but not used)."""
        commune = self._commune(respondent)
        return [
            located(
                "answer_outside_commune",
                doc,
                ("answers", question_id),
                at_key=True,
                severity="warning",
                question=question_id,
                commune=commune or "-",
            )
            for question_id in self.restricted
            if question_id in response.answers and not self._applies(question_id, commune)
        ]

    def _kept(self, version: str) -> bool:
        """The project keeps ``version`` (or does not say which it keeps)."""
        return self.kept_versions is None or version in self.kept_versions

    def _status(self, respondent: Respondent, response: Response, doc: Document) -> list[Issue]:
        if respondent.status not in _WITH_ANSWERS:
            return [
                located(
                    "status_without_answers",
                    doc,
                    ("respondent",),
                    severity="warning",
                    status=respondent.status,
                )
            ]
        if respondent.status == "answered":
            commune = self._commune(respondent)
            missing = [
                q
                for q in self.required
                if _is_missing(response.answers.get(q)) and self._applies(q, commune)
            ]
            if missing:
                return [
                    located("missing_required", doc, ("answers",), questions=", ".join(missing))
                ]
        return []


def _is_missing(answer: Answer | None) -> bool:
    return answer is None or answer.no_answer is not None


def _rule(question: Question, scales: dict[str, tuple[str, ...]]) -> _QuestionRule:
    codes = scales.get(getattr(question, "scale", ""))
    field = _EXPECTED_FIELD[question.kind]
    plain = field == "choice" and question.allow_comment and question.allow_evidence
    known = None if codes is None else frozenset(codes)
    return _QuestionRule(question, field, known, ", ".join(codes or ()), plain)


def _check_answer(rule: _QuestionRule, answer: Answer, doc: Document, at: DocPath) -> list[Issue]:
    issues = _allowed_extras(rule.question, answer, doc, at)
    given = answer.value_field
    if given == "no_answer":
        return issues
    if given != rule.field:
        issues.append(
            located(
                "wrong_answer_kind",
                doc,
                (*at, given),
                at_key=True,
                question=rule.question.id,
                kind=rule.question.kind,
                expected=rule.field,
                given=given,
            )
        )
        return issues
    check: ValueCheck = _VALUE_CHECKS[given]
    return issues + check(rule, getattr(answer, given), doc, (*at, given))


def _allowed_extras(question: Question, answer: Answer, doc: Document, at: DocPath) -> list[Issue]:
    issues = []
    if answer.comment is not None and not question.allow_comment:
        issues.append(located("comment_not_allowed", doc, (*at, "comment"), severity="warning"))
    if answer.evidence and not question.allow_evidence:
        issues.append(located("evidence_not_allowed", doc, (*at, "evidence"), severity="warning"))
    return issues


def _check_choice(rule: _QuestionRule, code: str, doc: Document, at: DocPath) -> list[Issue]:
    if rule.codes is None or code in rule.codes:
        return []
    return [
        located(
            "unknown_option", doc, at, code=code, question=rule.question.id, expected=rule.listing
        )
    ]


def _check_choices(
    rule: _QuestionRule, codes: tuple[str, ...], doc: Document, at: DocPath
) -> list[Issue]:
    issues: list[Issue] = []
    seen: set[str] = set()
    for index, code in enumerate(codes):
        if code in seen:
            issues.append(located("duplicate_choice", doc, (*at, index), code=code))
        seen.add(code)
        issues += _check_choice(rule, code, doc, (*at, index))
    question = rule.question
    assert isinstance(question, MultipleChoiceQuestion)
    if rule.codes is None:
        return issues
    high = question.max_choices if question.max_choices is not None else len(rule.codes)
    if not question.min_choices <= len(seen) <= high:
        issues.append(
            located(
                "choice_count", doc, at, count=len(seen), minimum=question.min_choices, maximum=high
            )
        )
    return issues


def _check_text(rule: _QuestionRule, text: str, doc: Document, at: DocPath) -> list[Issue]:
    question = rule.question
    assert isinstance(question, OpenTextQuestion)
    if question.max_length is not None and len(text) > question.max_length:
        return [
            located(
                "text_too_long",
                doc,
                at,
                severity="warning",
                length=len(text),
                maximum=question.max_length,
            )
        ]
    return []


def _check_number(rule: _QuestionRule, number: float, doc: Document, at: DocPath) -> list[Issue]:
    question = rule.question
    assert isinstance(question, NumberQuestion)
    return number_issues(number, (question.integer, question.minimum, question.maximum), doc, at)


_VALUE_CHECKS: dict[str, ValueCheck] = {
    "choice": _check_choice,
    "choices": _check_choices,
    "text": _check_text,
    "number": _check_number,
}


def check_coverage(
    respondents: Sequence[Respondent],
    responses: AbstractSet[str],
    doc: Document | None,
) -> list[Issue]:
    """Lists whose status says they answered must have a response file.

    ``responses`` holds the ids of lists with a response, and the names of response files that
    could not be read (already reported: a broken file is not a missing one).
    """
    issues = []
    for index, respondent in enumerate(respondents):
        if respondent.status in _NEEDS_RESPONSE and respondent.id not in responses:
            issues.append(
                located(
                    "response_missing",
                    doc,
                    ("respondents", index, "status"),
                    respondent=respondent.id,
                    status=respondent.status,
                )
            )
    return issues
