"""The answers come back from a KoboToolbox/ODK/Ona export of the XLSForm, equal, and every
value that cannot be placed is rejected with where it was and what to do."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import openpyxl
import pytest
from civicquest_xlsform import KoboOptions, load_kobo
from hypothesis import given, settings
from hypothesis import strategies as st

from civicquest import export, load_project
from civicquest.models import Answer, Evidence, Project, Response
from civicquest.plugins import NO_ANSWER_LABELS, ImportResult, format_number, text_of
from civicquest.testing import HOSTILE_STRINGS, aix2026, example_path, list_plugins

__all__ = ["aix2026"]  # fixture

AIX = load_project(example_path())
META = (
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
)


def form_fields(project: Project) -> Iterator[tuple[str, str, str]]:
    """``(group path, field name, XLSForm type)`` of each field of the exported form, read from
    the form itself, as the tools build their export's columns from it."""
    output = export(project, "xlsform")
    assert isinstance(output, bytes)
    sheet = openpyxl.load_workbook(io.BytesIO(output))["survey"]
    header, *rows = ([str(c.value or "") for c in row] for row in sheet.iter_rows())
    groups: list[str] = []
    for values in rows:
        row = dict(zip(header, values, strict=True))
        if row["type"] == "begin_group":
            groups.append(row["name"])
        elif row["type"] == "end_group":
            groups.pop()
        elif row["type"] != "note":
            yield "/".join(groups), row["name"], row["type"]


def cell_of(project: Project, response: Response, name: str, kind: str, labels: bool) -> str:
    """What the tool writes for field ``name`` of ``response``: choice names, or labels."""
    answers, fr = response.answers, (lambda text: text_of(project, text, "fr"))
    if name == "liste":
        return (
            fr(project.respondents_by_id[response.respondent].name)
            if labels
            else response.respondent
        )
    if name == "consentement":
        return (
            ("Oui" if labels else "oui")
            if response.consent_to_publish
            else ("Non" if labels else "non")
        )
    if name == "version_questionnaire":
        return response.questionnaire.version
    if name == "commentaire_general":
        return response.comment or ""
    if name in ("start", "end"):
        return "2026-03-01T10:00:00.000+01:00"
    question_id, _, suffix = name.partition("_")
    answer = answers.get(question_id)
    if answer is None:
        return ""
    if not suffix:
        return _value(project, question_id, answer, kind, labels)
    if suffix == "sans_reponse":
        reason = answer.no_answer or ""
        return NO_ANSWER_LABELS[reason]["fr"] if labels and reason else reason
    if suffix == "commentaire":
        return answer.comment or ""
    slot, part = suffix.removeprefix("preuve").split("_")
    evidence = (
        answer.evidence[int(slot or 1) - 1] if len(answer.evidence) >= int(slot or 1) else None
    )
    field = {"url": "url", "titre": "title", "extrait": "excerpt"}[part]
    return (getattr(evidence, field) or "") if evidence else ""


def _value(project: Project, question_id: str, answer: Answer, kind: str, labels: bool) -> str:
    if answer.number is not None:
        return format_number(answer.number)
    if answer.text is not None:
        return answer.text
    codes = [answer.choice] if answer.choice else list(answer.choices or ())
    if not labels or not codes:
        return " ".join(codes)
    scale = project.scales_by_id[kind.split()[1]]
    by_code = {o.code: text_of(project, o.label, "fr") for o in scale.options}
    return " ".join(by_code[c] for c in codes)


def kobo_table(
    project: Project, responses: tuple[Response, ...], *, labels: bool = False, separator: str = "/"
) -> list[list[str]]:
    """The export as KoboToolbox makes it: group paths, a select_multiple's summary column and
    one 1/0 column per option, the tool's own columns at the end."""
    header: list[str] = []
    cells: list[tuple[str, str, str | None]] = []
    for group, name, kind in form_fields(project):
        path = separator.join(p for p in (group, name) if p)
        header.append(path)
        cells.append((name, kind, None))
        if kind.startswith("select_multiple"):
            for option in project.scales_by_id[kind.split()[1]].options:
                header.append(f"{path}/{option.code}")
                cells.append((name, kind, option.code))
    rows = [header + list(META)]
    for index, response in enumerate(responses, start=1):
        row = []
        for name, kind, option in cells:
            value = cell_of(project, response, name, kind, labels)
            row.append(
                value
                if option is None
                else (
                    ""
                    if not value and not response.answers.get(name)
                    else str(int(option in value.split()))
                )
            )
        received = response.received.isoformat() + "T09:30:00" if response.received else ""
        row += [
            str(index),
            f"uuid-{index}",
            received,
            "",
            "",
            "submitted_via_web",
            "",
            "v1",
            "",
            str(index),
        ]
        rows.append(row)
    return rows


def as_csv(rows: list[list[str]], delimiter: str = ";") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def as_xlsx(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Aix solidarité"
    for row in rows:
        sheet.append([_typed(value) for value in row])
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    book.create_sheet("repeat_sheet")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _typed(value: str) -> object:
    try:
        return int(value) if value.isdigit() and len(value) < 10 else value
    except ValueError:
        return value


def imported(project: Project, content: bytes, name: str = "export.csv") -> ImportResult:
    return load_kobo(project, content, KoboOptions(), name)


def responses_of(result: ImportResult) -> dict[str, Response]:
    return {r.data["respondent"]: Response.model_validate(r.data) for r in result.responses}


def expected(response: Response) -> Response:
    """The response as the form carries it (round 1, by form)."""
    return response.model_copy(update={"round": 1, "channel": "form"})


def test_the_importer_is_registered() -> None:
    info = {p.name: p for p in list_plugins(include_defaults=False)}["xlsform"]
    assert info.provides["importers"] == ("kobo",)


@pytest.mark.parametrize(
    ("labels", "delimiter", "separator"),
    [(False, ";", "/"), (True, ";", "/"), (False, ",", "-"), (True, ",", "/")],
    ids=["kobo-xml-values", "kobo-labels", "odk-central", "ona-labels"],
)
def test_the_aix_responses_come_back_equal(
    aix2026: Project, labels: bool, delimiter: str, separator: str
) -> None:
    table = kobo_table(aix2026, aix2026.responses, labels=labels, separator=separator)
    result = imported(aix2026, as_csv(table, delimiter))
    assert result.rejected == ()
    assert responses_of(result) == {r.respondent: expected(r) for r in aix2026.responses}


def test_an_xlsx_export_comes_back_equal(aix2026: Project) -> None:
    result = imported(aix2026, as_xlsx(kobo_table(aix2026, aix2026.responses)), "export.xlsx")
    assert result.rejected == ()
    assert responses_of(result) == {r.respondent: expected(r) for r in aix2026.responses}
    assert result.responses[0].source.sheet == "Aix solidarité"


texts = st.one_of(
    st.sampled_from(HOSTILE_STRINGS),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=40),
).filter(lambda text: text.strip() != "")
urls = st.from_regex(r"https://[a-z0-9.\-]{1,20}/[A-Za-z0-9_/?=&#%.\-]{0,20}", fullmatch=True)
evidence = st.builds(Evidence, url=st.none() | urls, title=st.none() | texts, excerpt=texts)


@st.composite
def answers(draw: st.DrawFn, question_id: str) -> Answer:
    question = AIX.questions_by_id[question_id]
    scale = AIX.scales_by_id.get(getattr(question, "scale", ""))
    codes = [o.code for o in scale.options] if scale else []
    value: dict[str, Any]
    if draw(st.booleans()) and draw(st.booleans()):
        value = {"no_answer": draw(st.sampled_from(sorted(NO_ANSWER_LABELS)))}
    elif question.kind == "multiple_choice":
        value = {"choices": tuple(draw(st.lists(st.sampled_from(codes), min_size=1, unique=True)))}
    elif codes:
        value = {"choice": draw(st.sampled_from(codes))}
    elif question.kind == "open_text":
        value = {"text": draw(texts)}
    else:
        value = {
            "number": float(draw(st.integers(0, 100)))
            if getattr(question, "integer", False)
            else draw(st.floats(0, 100, allow_nan=False))
        }
    comment = draw(st.none() | texts)
    return Answer(**value, comment=comment, evidence=tuple(draw(st.lists(evidence, max_size=1))))


@st.composite
def responses(draw: st.DrawFn) -> tuple[Response, ...]:
    lists = draw(
        st.lists(
            st.sampled_from([r.id for r in AIX.respondents]), min_size=1, max_size=3, unique=True
        )
    )
    made = []
    for respondent in lists:
        asked = draw(st.lists(st.sampled_from(list(AIX.questions_by_id)), max_size=8, unique=True))
        made.append(
            Response(
                respondent=respondent,
                questionnaire={"id": AIX.questionnaire.id, "version": AIX.questionnaire.version},
                received=draw(st.dates()),
                consent_to_publish=draw(st.booleans()),
                comment=draw(st.none() | texts),
                answers={q: draw(answers(q)) for q in asked},
            )
        )
    return tuple(made)


@settings(max_examples=30, deadline=None)
@given(made=responses(), labels=st.booleans(), delimiter=st.sampled_from(";,"))
def test_generated_answers_come_back_equal(
    made: tuple[Response, ...], labels: bool, delimiter: str
) -> None:
    result = imported(AIX, as_csv(kobo_table(AIX, made, labels=labels), delimiter))
    assert result.rejected == ()
    assert responses_of(result) == {r.respondent: r for r in made}


def _rejects(result: ImportResult) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for reject in result.rejected:
        found.setdefault(reject.code, []).append(reject)
    return found


def _edited(rows: list[list[str]], column: str, value: str, row: int = 1) -> list[list[str]]:
    rows = [list(r) for r in rows]
    if column not in rows[0]:
        rows[0].append(column)
        for line in rows[1:]:
            line.append("")
    rows[row][rows[0].index(column)] = value
    return rows


def test_a_private_column_is_rejected_with_its_value_never_imported(aix2026: Project) -> None:
    rows = _edited(
        kobo_table(aix2026, aix2026.responses), "Remarque interne", "tél. 06 12 34 56 78"
    )
    result = imported(aix2026, as_csv(rows))
    (reject,) = result.rejected
    assert (reject.code, reject.value) == ("unmapped_column", "tél. 06 12 34 56 78")
    assert (reject.source.row, reject.source.column) == (2, "Remarque interne")
    assert "Remarque interne" in reject.message
    assert reject.hint
    assert "06 12" not in repr([r.data for r in result.responses])


def test_a_misspelt_label_is_rejected_with_the_closest_code(aix2026: Project) -> None:
    rows = kobo_table(aix2026, aix2026.responses, labels=True)
    column = rows[0].index("partenariat/p01")
    rows[1][column] = "Engagemnt minimal"
    result = imported(aix2026, as_csv(rows))
    (reject,) = result.rejected
    assert (reject.code, reject.suggestion) == ("unknown_option", "engagement_minimal")
    assert (reject.source.row, reject.source.column, reject.value) == (
        2,
        "partenariat/p01",
        "Engagemnt minimal",
    )
    assert "engagement_fort" in reject.hint
    respondent = result.responses[0].data["respondent"]
    assert "choice" not in result.responses[0].data["answers"].get("p01", {}), respondent


def test_labels_match_whatever_the_case_accents_and_apostrophes(aix2026: Project) -> None:
    rows = kobo_table(aix2026, aix2026.responses, labels=True)
    column = rows[0].index("partenariat/p01")
    rows[1][column] = "  ENGAGEMENT   minimal "
    result = imported(aix2026, as_csv(rows))
    assert result.rejected == ()
    assert result.responses[0].data["answers"]["p01"]["choice"] == "engagement_minimal"


def test_an_unknown_or_repeated_list_is_rejected_row_by_row(aix2026: Project) -> None:
    rows = kobo_table(aix2026, aix2026.responses[:2])
    rows.append(list(rows[1]))
    rows[2][rows[0].index("liste")] = "aix-avenirr"
    result = imported(aix2026, as_csv(rows))
    found = _rejects(result)
    assert found["unknown_respondent"][0].suggestion == "aix-avenir"
    assert found["duplicate_respondent"][0].source.row == 4
    assert [r.data["respondent"] for r in result.responses] == [aix2026.responses[0].respondent]


def test_missing_consent_imports_the_answers_as_not_publishable(aix2026: Project) -> None:
    rows = _edited(kobo_table(aix2026, aix2026.responses), "consentement", "")
    result = imported(aix2026, as_csv(rows))
    assert [r.code for r in result.rejected] == ["missing_consent"]
    assert result.responses[0].data["consent_to_publish"] is False


def test_the_tools_own_columns_are_left_aside_on_purpose(aix2026: Project) -> None:
    rows = kobo_table(aix2026, aix2026.responses)
    for column in ("meta/instanceID", "formhub/uuid", "KEY", "SubmitterName", "today"):
        rows = _edited(rows, column, "x")
    assert imported(aix2026, as_csv(rows)).rejected == ()


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not a zip", b"\n\n"])
def test_an_unreadable_file_is_one_clear_reject(aix2026: Project, content: bytes) -> None:
    result = imported(aix2026, content)
    assert [r.code for r in result.rejected] == ["unreadable_file"]
    assert result.rejected[0].source.file == "export.csv"
    assert result.responses == ()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-16"])
def test_encodings(aix2026: Project, encoding: str) -> None:
    rows = kobo_table(aix2026, aix2026.responses[:1])
    result = imported(aix2026, as_csv(rows).decode().encode(encoding))
    assert result.rejected == ()
    assert responses_of(result) == {r.respondent: expected(r) for r in aix2026.responses[:1]}
