"""Which field of the form each column of an export holds.

KoboToolbox and Ona write group paths with ``/`` (``partenariat/p01``), ODK Central and
Briefcase with ``-`` (``partenariat-p01``); without groups a column is the field's name. A
select_multiple also has one column per option (``partenariat/p06/agree``) holding 1 or 0.
The tools' own columns (``_uuid``, ``_submission_time``, ``start``, ``end``…) are known and left
aside on purpose; any other column is reported, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from civicquest.models import Project

from .names import (
    COMMENT,
    CONSENT,
    EVIDENCE_PARTS,
    GENERAL_COMMENT,
    INTRO,
    LIST,
    NO_ANSWER,
    VERSION,
    evidence_field,
    field_name,
)

__all__ = ["META_COLUMNS", "SUBMISSION_TIME", "Column", "resolve_columns"]

#: columns the tools add to every export (KoboToolbox, Ona, ODK Central, Briefcase)
META_COLUMNS = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "subscriberid",
        "simserial",
        "phonenumber",
        "username",
        "email",
        "audit",
        "__version__",
        "_version_",
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "_tags",
        "_index",
        "_parent_index",
        "_parent_table_name",
        "_submission__id",
        "_version",
        "_duration",
        "_xform_id",
        "_xform_id_string",
        "_date_modified",
        "_edited",
        "_last_edited",
        "_total_media",
        "_media_count",
        "_media_all_received",
        "_geolocation",
        "_attachments",
        "_bamboo_dataset_id",
        "_review_status",
        "_review_comment",
        "instanceID",
        "instanceName",
        "SubmissionDate",
        "KEY",
        "SubmitterID",
        "SubmitterName",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "Status",
        "ReviewState",
        "DeviceID",
        "Edits",
        "FormVersion",
        INTRO,
    }
)
META_PREFIXES = ("meta/", "meta-", "formhub/", "__")
SUBMISSION_TIME = ("_submission_time", "SubmissionDate")


@dataclass(frozen=True)
class Column:
    """A column's role: ``list``, ``consent``, ``version``, ``general_comment``, ``received``,
    ``answer``, ``no_answer``, ``comment``, ``evidence``, ``option_flag``, ``meta`` or
    ``unmapped``; with the question, the evidence slot and part, or the option it is about."""

    role: str
    question: str = ""
    slot: int = 0
    part: str = ""


def resolve_columns(project: Project, header: list[str], slots: int = 5) -> list[Column]:
    known = _known_paths(project, slots)
    return [_resolve(name.strip(), known) for name in header]


def _resolve(name: str, known: dict[str, Column]) -> Column:
    if name in known:
        return known[name]
    if name in SUBMISSION_TIME:
        return Column("received")
    if name in META_COLUMNS or name.startswith(META_PREFIXES):
        return Column("meta")
    return Column("unmapped")


def _known_paths(project: Project, slots: int) -> dict[str, Column]:
    fields: dict[tuple[str, ...], Column] = {
        (LIST,): Column("list"),
        (CONSENT,): Column("consent"),
        (VERSION,): Column("version"),
        (GENERAL_COMMENT,): Column("general_comment"),
    }
    for question in project.questionnaire.questions:
        group, name = field_name(question.theme), field_name(question.id)
        fields[(group, name)] = Column("answer", question.id)
        fields[(group, name + NO_ANSWER)] = Column("no_answer", question.id)
        fields[(group, name + COMMENT)] = Column("comment", question.id)
        for slot in range(1, slots + 1):
            for part in EVIDENCE_PARTS:
                column = Column("evidence", question.id, slot, part)
                fields[(group, evidence_field(question.id, slot, part))] = column
        for option in _options(project, question.id):
            fields[(group, name, option)] = Column("option_flag", question.id, part=option)
    paths: dict[str, Column] = {}
    for path, column in fields.items():
        for written in (*_joined(path), *_joined(path[1:])):  # with or without the group
            paths.setdefault(written, column)
    return paths


def _joined(path: tuple[str, ...]) -> Iterator[str]:
    """``path`` joined by ``/`` or ``-`` (each tool its own; ODK Central mixes them)."""
    if len(path) <= 1:
        yield from path
        return
    for rest in _joined(path[1:]):
        for separator in ("/", "-"):
            yield f"{path[0]}{separator}{rest}"


def _options(project: Project, question_id: str) -> tuple[str, ...]:
    question = project.questions_by_id[question_id]
    if question.kind != "multiple_choice":
        return ()
    scale = project.scales_by_id.get(getattr(question, "scale", ""))
    return tuple(option.code for option in scale.options) if scale else ()
