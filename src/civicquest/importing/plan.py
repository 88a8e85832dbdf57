"""Plan an import: check each imported response like a response file, compare it with the
project's, and keep every value that cannot be placed, located in the imported file.

Nothing here writes or renders: the plan says what the project's responses become
(:attr:`ListPlan.response`) and what was rejected; the CLI writes both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..models.project import Project
from ..models.responses import Answer, Response
from ..plugins import ImportedResponse, ImportResult, Rejected, SourceRef
from ..validation.checks.responses import ResponseChecker
from ..validation.locations import DataDocument
from ..validation.structural import issues_from_validation_error
from .located import answer_shown, rejected_from_issue, rejected_here, resolve_list

__all__ = ["HEADER_FIELDS", "ImportPlan", "ListPlan", "plan_import"]

#: The fields of a response besides its answers that an import may bring.
HEADER_FIELDS = ("received", "round", "channel", "consent_to_publish", "comment")


@dataclass(frozen=True)
class ListPlan:
    """What happens to one list's response: its answers new, changed (replaced), unchanged,
    or in conflict (differing, kept as recorded because ``replace`` was not asked)."""

    respondent: str
    source: SourceRef
    response: Response
    existed: bool
    new: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    header_changed: tuple[str, ...] = ()

    @property
    def writes(self) -> bool:
        """Whether the project's response file of this list changes."""
        return bool(self.new or self.changed or self.header_changed) or not self.existed


@dataclass(frozen=True)
class ImportPlan:
    """Every list the file answers for, and everything that could not be placed."""

    lists: tuple[ListPlan, ...]
    rejected: tuple[Rejected, ...]
    #: warnings of the checks (a long text, a comment where none is expected): kept, shown
    warnings: tuple[Rejected, ...] = ()

    @property
    def all_placed(self) -> bool:
        return not self.rejected


def plan_import(
    project: Project, result: ImportResult, *, replace: bool = False, lang: str = "fr"
) -> ImportPlan:
    """The plan of bringing ``result`` into ``project``; ``replace`` lets an imported answer
    replace a different recorded one. Messages are in ``lang``."""
    planner = _Planner(project, replace, lang)
    for imported in result.responses:
        planner.add(imported)
    return ImportPlan(
        tuple(planner.lists.values()),
        (*result.rejected, *planner.rejected),
        tuple(planner.warnings),
    )


class _Planner:
    def __init__(self, project: Project, replace: bool, lang: str) -> None:
        self.project = project
        self.replace = replace
        self.lang = lang
        self.checker = ResponseChecker(project.questionnaire, project.respondents)
        self.lists: dict[str, ListPlan] = {}
        self.rejected: list[Rejected] = []
        self.warnings: list[Rejected] = []

    def add(self, imported: ImportedResponse) -> None:
        data = imported.data if isinstance(imported.data, Mapping) else {}
        given_answers = data.get("answers")
        answers: Mapping[str, Any] = given_answers if isinstance(given_answers, Mapping) else {}
        respondent, refusal = resolve_list(
            self.project, data.get("respondent"), imported.source, self.lang
        )
        if refusal is not None or respondent is None:
            self._refuse_list(imported, answers, [refusal] if refusal else [], "?")
            return
        if respondent in self.lists:
            first = self.lists[respondent].source.where()
            duplicate = rejected_here(
                "import_duplicate_list",
                imported.source,
                respondent,
                self.lang,
                respondent=respondent,
                first=first,
            )
            self._refuse_list(imported, answers, [duplicate], respondent)
            return
        existing = self.project.responses_by_respondent.get(respondent)
        doc = DataDocument(Path(f"{respondent}.yaml"), dict(data))
        header = self._header(data, respondent, existing, imported, doc)
        if header is None:
            self._refuse_list(imported, answers, [], respondent)
            return
        good = self._answers(answers, imported, doc)
        self._merge(imported, respondent, header, good, existing, doc)

    # -- the parts of a response ------------------------------------------------------------

    def _header(
        self,
        data: Mapping[str, Any],
        respondent: str,
        existing: Response | None,
        imported: ImportedResponse,
        doc: DataDocument,
    ) -> dict[str, Any] | None:
        """The response's fields but answers as given, checked; None if refused."""
        given = {k: v for k, v in data.items() if k != "answers"}
        given["respondent"] = respondent
        given.setdefault(
            "questionnaire",
            {"id": self.project.questionnaire.id, "version": self.project.questionnaire.version},
        )
        if "consent_to_publish" not in given and existing is not None:
            given["consent_to_publish"] = existing.consent_to_publish
        try:
            # answers that are not a mapping are refused here, with the response
            shape = data.get("answers")
            answers = {} if shape is None or isinstance(shape, Mapping) else shape
            model = Response.model_validate({**given, "answers": answers})
        except ValidationError as error:
            issues = issues_from_validation_error(error, doc)
            self.rejected += [
                rejected_from_issue(i, imported.source, _at(data, i.path), self.lang)
                for i in issues
            ]
            return None
        return model.model_dump(mode="json", exclude_unset=True, exclude={"answers"})

    def _answers(
        self, answers: Mapping[str, Any], imported: ImportedResponse, doc: DataDocument
    ) -> dict[str, Answer]:
        """The answers that are valid on their own; the others rejected where they were."""
        good: dict[str, Answer] = {}
        for question_id, raw in answers.items():
            source = imported.answer_sources.get(str(question_id), imported.source)
            shown = answer_shown(raw)
            try:
                answer = Answer.model_validate(raw)
            except ValidationError as error:
                issues = issues_from_validation_error(error, doc, ("answers", question_id))
            else:
                issues = self.checker.check_answers({str(question_id): answer}, doc)
            errors = [i for i in issues if i.severity == "error"]
            found = [
                rejected_from_issue(i, source, shown, self.lang, self.project, str(question_id))
                for i in issues
            ]
            if errors:
                self.rejected += [
                    r for r, i in zip(found, issues, strict=True) if i.severity == "error"
                ]
                continue
            self.warnings += found
            good[str(question_id)] = answer
        return good

    def _merge(
        self,
        imported: ImportedResponse,
        respondent: str,
        header: dict[str, Any],
        answers: dict[str, Answer],
        existing: Response | None,
        doc: DataDocument,
    ) -> None:
        merged = existing.model_dump(mode="json", exclude_unset=True) if existing else {}
        plan = _Sorting(existing, self.replace)
        for name, value in header.items():
            if plan.take_field(name, value):
                merged[name] = value
        merged_answers = dict(merged.get("answers", {}))
        for question_id, answer in answers.items():
            if plan.take_answer(question_id, answer):
                merged_answers[question_id] = answer.model_dump(mode="json", exclude_unset=True)
        merged["answers"] = merged_answers
        response = Response.model_validate(merged)
        problems = [i for i in self.checker.check(response, doc) if i.severity == "error"]
        if problems:  # a list-wide problem (a required answer missing…): the list is refused
            found = [rejected_from_issue(i, imported.source, "", self.lang) for i in problems]
            self._refuse_list(imported, answers, found, respondent)
            return
        self.rejected += [
            rejected_here(
                "import_conflict",
                imported.answer_sources.get(key, imported.source),
                value,
                self.lang,
                field=shown,
                existing=recorded,
            )
            for key, shown, value, recorded in plan.conflicts
        ]
        self.lists[respondent] = ListPlan(
            respondent=respondent,
            source=imported.source,
            response=response,
            existed=existing is not None,
            new=tuple(plan.new),
            changed=tuple(plan.changed),
            unchanged=tuple(plan.unchanged),
            conflicts=tuple(c[0] for c in plan.conflicts),
            header_changed=tuple(plan.header_changed),
        )

    def _refuse_list(
        self,
        imported: ImportedResponse,
        answers: Mapping[str, Any],
        reasons: list[Rejected],
        respondent: str,
    ) -> None:
        """The whole response is refused: its reasons, then each of its answers not placed."""
        self.rejected += reasons
        reason = reasons[0].code if reasons else "?"
        for question_id, raw in answers.items():
            self.rejected.append(
                rejected_here(
                    "import_list_not_placed",
                    imported.answer_sources.get(str(question_id), imported.source),
                    answer_shown(raw),
                    self.lang,
                    respondent=respondent,
                    reason=reason,
                )
            )


class _Sorting:
    """Sorts imported values into new / changed / unchanged / conflicts against a response."""

    def __init__(self, existing: Response | None, replace: bool) -> None:
        self.existing = existing
        self.replace = replace
        self.new: list[str] = []
        self.changed: list[str] = []
        self.unchanged: list[str] = []
        #: (question id or header field, how the report names it, imported, recorded)
        self.conflicts: list[tuple[str, str, str, str]] = []
        self.header_changed: list[str] = []

    def take_field(self, name: str, value: Any) -> bool:
        if self.existing is None or name in ("respondent", "questionnaire"):
            return True
        recorded = self.existing.model_dump(mode="json", include={name}).get(name)
        if recorded == value:
            return False
        if recorded is None or name not in self.existing.model_fields_set or self.replace:
            self.header_changed.append(name)
            return True
        self.conflicts.append((name, name, str(value), str(recorded)))
        return False

    def take_answer(self, question_id: str, answer: Answer) -> bool:
        recorded = self.existing.answers.get(question_id) if self.existing else None
        if recorded is None:
            self.new.append(question_id)
            return True
        if recorded == answer:
            self.unchanged.append(question_id)
            return False
        if self.replace:
            self.changed.append(question_id)
            return True
        shown = f"{question_id} ({', '.join(_differing_parts(answer, recorded))})"
        self.conflicts.append((question_id, shown, answer_shown(answer), answer_shown(recorded)))
        return False


def _differing_parts(imported: Answer, recorded: Answer) -> list[str]:
    """Which parts of an answer differ (``choice``, ``comment``, ``evidence``…): the shown value
    alone may be the same when only a comment or a source differs."""
    mine, theirs = imported.model_dump(), recorded.model_dump()
    return [name for name in mine if mine[name] != theirs.get(name)]


def _at(data: Mapping[str, Any], path: str) -> str:
    """The imported value at a header field's path (``questionnaire.id``), shown."""
    value: Any = data
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return "" if value is None or isinstance(value, Mapping) else str(value)
