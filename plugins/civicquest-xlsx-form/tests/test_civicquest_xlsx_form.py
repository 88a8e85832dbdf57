"""civicquest-xlsx-form: the form opens, guides and protects; what a list types comes back."""

from __future__ import annotations

import io
from typing import Any, ClassVar

import openpyxl
import pytest
from civicquest_xlsx_form import load_form
from civicquest_xlsx_form.cells import ooxml_escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicquest import example_path, export, load_project
from civicquest.models import Answer, Evidence, Project, QuestionnaireRef, Response
from civicquest.plugins import NO_ANSWER_LABELS, ExportOutput, UsageError
from civicquest.testing import HOSTILE_STRINGS, ExporterConformance, aix2026, list_plugins

__all__ = ["aix2026"]  # fixture

AIX = load_project(example_path())
LISTS = [r for r in AIX.respondents if r.status not in {"withdrawn", "merged", "not_solicited"}]
FORM = export(AIX, "xlsx-form", {})
ONE_LIST = export(AIX, "xlsx-form", {"respondent": LISTS[0].id})


def book(output: ExportOutput) -> Any:
    assert isinstance(output, bytes)
    return openpyxl.load_workbook(io.BytesIO(output))


def rows_by_key(sheet: Any) -> dict[str, int]:
    return {str(row[0].value): row[0].row for row in sheet.iter_rows(max_col=1) if row[0].value}


class TestConformance(ExporterConformance):
    format_name = "xlsx-form"
    carries: ClassVar[frozenset[str]] = frozenset({"questions"})

    def output_text(self, output: ExportOutput) -> str:
        workbook = book(output)
        return "\n".join(
            str(c.value) for s in workbook.worksheets for r in s.iter_rows() for c in r if c.value
        )


def test_the_plugin_is_discovered_through_its_entry_point() -> None:
    info = {p.name: p for p in list_plugins(include_defaults=False)}["xlsx-form"]
    assert info.distribution == "civicquest-xlsx-form"


def test_a_sheet_per_list_after_the_cover_and_hidden_meta() -> None:
    workbook = book(FORM)
    assert workbook.sheetnames[0].startswith("Mode d'emploi")
    assert len(workbook.sheetnames) == len(LISTS) + 3
    assert workbook["meta"].sheet_state == "hidden"
    assert workbook["choix"].sheet_state == "hidden"
    meta = {r[0]: r[1] for r in workbook["meta"].iter_rows(values_only=True) if r[0]}
    assert meta["questionnaire_id"] == AIX.questionnaire.id
    assert meta["questionnaire_version"] == AIX.questionnaire.version
    assert {meta[r.name[:31]] for r in LISTS if r.name[:31] in meta} <= {r.id for r in LISTS}
    name = workbook.defined_names["cq_questionnaire_version"]
    sheet, cell = next(iter(name.destinations))
    assert workbook[sheet][cell.replace("$", "")].value == AIX.questionnaire.version


def test_every_answer_cell_has_the_right_dropdown_and_only_they_are_unlocked() -> None:
    workbook = book(FORM)
    choices = workbook["choix"]
    for sheet in workbook.worksheets[1 : len(LISTS) + 1]:
        assert sheet.protection.sheet
        assert workbook.security.lockStructure
        rules = {}
        for rule in sheet.data_validations.dataValidation:
            for cell_range in rule.sqref.ranges:
                for row, col in cell_range.cells:
                    rules[f"{chr(64 + col)}{row}"] = rule
        unlocked = {c.coordinate for r in sheet.iter_rows() for c in r if not c.protection.locked}
        keys = rows_by_key(sheet)
        for question in AIX.questionnaire.questions:
            row = keys[question.id]
            assert f"F{row}" in unlocked
            assert rules[f"F{row}"].type == "list"
            if question.kind == "multiple_choice":
                assert f"E{row}" not in unlocked
                continue
            rule = rules[f"E{row}"]
            assert f"E{row}" in unlocked
            expected = {"open_text": "textLength", "number": "decimal"}.get(question.kind, "list")
            assert rule.type == ("whole" if getattr(question, "integer", False) else expected)
            if rule.type == "list":
                letter, _span = rule.formula1.split("!")[1].split(":")
                labels = [c.value for c in choices[letter.replace("$", "")[0]][1:]]
                scale = AIX.scales_by_id[question.scale]  # type: ignore[attr-defined]
                assert [x for x in labels if x] == [o.label["fr"] for o in scale.options]
        assert unlocked <= {f"{col}{row}" for row in range(1, sheet.max_row + 1) for col in "EFGHI"}


def test_one_list_only_and_an_unknown_list_is_a_usage_error() -> None:
    workbook = book(export(AIX, "xlsx-form", {"respondent": "aix-avenir"}))
    assert len(workbook.sheetnames) == 4
    with pytest.raises(UsageError, match="aix-nobody"):
        export(AIX, "xlsx-form", {"respondent": "aix-nobody"})


def test_english_form_offers_english_labels() -> None:
    workbook = book(export(AIX, "xlsx-form", {}, lang="en"))
    labels = {c.value for col in workbook["choix"].iter_cols() for c in col}
    assert "Strong commitment" in labels or any("commitment" in str(x) for x in labels)
    assert workbook.sheetnames[0].startswith("How to fill in")


def test_hostile_question_texts_never_become_formulas() -> None:
    question = AIX.questionnaire.questions[0].model_copy(update={"text": HOSTILE_STRINGS[0]})
    hostile = AIX.questionnaire.model_copy(
        update={"questions": (question, *AIX.questionnaire.questions[1:])}
    )
    workbook = book(export(Project(questionnaire=hostile), "xlsx-form", {}))
    cells = [c for s in workbook.worksheets for r in s.iter_rows() for c in r]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(str(c.value).startswith("=HYPERLINK") and c.quotePrefix for c in cells)


# ---- filling the form as a person would, then importing it ---------------------------------


def fill(sheet: Any, cell: str, value: object) -> None:
    """What Excel stores when a person types (a text starting with = after an apostrophe)."""
    target = sheet[cell]
    if isinstance(value, str):
        target.value = ooxml_escape(value)  # as Excel writes it: "\r" is "_x000D_"
        target.data_type = "s"
    else:
        target.value = value


def label_as_typed(label: str, variant: int) -> str:
    return [label, label.upper(), f"  {label.lower()} ", label.replace("'", "’")][variant % 4]


def fill_answer(sheet: Any, row: int, project: Project, qid: str, answer: Answer, n: int) -> None:
    question = project.questions_by_id[qid]
    if answer.choice is not None:
        scale = project.scales_by_id[question.scale]  # type: ignore[attr-defined]
        label = next(o.label for o in scale.options if o.code == answer.choice)
        fill(sheet, f"E{row}", label_as_typed(label["fr"] if isinstance(label, dict) else label, n))
    elif answer.choices is not None:
        keys = rows_by_key(sheet)
        scale = project.scales_by_id[question.scale]  # type: ignore[attr-defined]
        for option in scale.options:
            fill(
                sheet,
                f"E{keys[f'{qid}#{option.code}']}",
                "Oui" if option.code in answer.choices else "non",
            )
    elif answer.text is not None:
        fill(sheet, f"E{row}", answer.text)
    elif answer.number is not None:
        fill(sheet, f"E{row}", answer.number)
    else:
        assert answer.no_answer is not None
        fill(sheet, f"F{row}", NO_ANSWER_LABELS[answer.no_answer]["fr"])
    if answer.comment is not None:
        fill(sheet, f"G{row}", answer.comment)
    for evidence in answer.evidence:
        if evidence.url:
            fill(sheet, f"H{row}", evidence.url)
        if evidence.excerpt:
            fill(sheet, f"I{row}", evidence.excerpt)


def fill_form(form: bytes, project: Project, responses: list[Response]) -> bytes:
    workbook = book(form)
    meta = {r[1]: r[0] for r in workbook["meta"].iter_rows(values_only=True) if r[0]}
    for n, response in enumerate(responses):
        sheet = workbook[meta[response.respondent]]
        keys = rows_by_key(sheet)
        fill(sheet, f"E{keys['#consent']}", "Oui" if response.consent_to_publish else "Non")
        fill(sheet, f"E{keys['#answered_by']}", "Camille Dupont, directrice de campagne")
        if response.received:
            fill(sheet, f"E{keys['#received']}", response.received.strftime("%d/%m/%Y"))
        if response.comment is not None:
            fill(sheet, f"E{keys['#comment']}", response.comment)
        for i, (qid, answer) in enumerate(response.answers.items()):
            fill_answer(sheet, keys[qid], project, qid, answer, n + i)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def imported(project: Project, content: bytes) -> tuple[dict[str, Response], tuple[Any, ...]]:
    result = load_form(project, content, None, "reponses.xlsx")  # type: ignore[arg-type]
    return {r.data["respondent"]: Response(**r.data) for r in result.responses}, result.rejected


def comparable(response: Response) -> Response:
    """A response as the form carries it: one source per answer and no title, choices in the
    scale's order, channel form."""
    answers = {}
    for qid, a in response.answers.items():
        sources = tuple(Evidence(url=e.url, excerpt=e.excerpt) for e in a.evidence[:1])
        update: dict[str, Any] = {"evidence": sources, "important": None}
        if a.choices is not None:
            scale = AIX.scales_by_id[AIX.questions_by_id[qid].scale]  # type: ignore[attr-defined]
            update["choices"] = tuple(o.code for o in scale.options if o.code in a.choices)
        answers[qid] = a.model_copy(update=update)
    return response.model_copy(update={"answers": answers, "channel": "form", "round": 1})


def test_round_trip_of_the_example_responses() -> None:
    with_form = {r.id for r in LISTS}
    expected = [comparable(r) for r in AIX.responses if r.respondent in with_form]
    assert len(expected) >= 4
    back, rejected = imported(AIX, fill_form(FORM, AIX, expected))
    assert rejected == ()
    assert back == {r.respondent: r for r in expected}


texts = st.one_of(
    st.sampled_from(HOSTILE_STRINGS),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
        lambda s: s.strip() == s and s
    ),
)


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Answer]:
    result: dict[str, Answer] = {}
    for question in AIX.questionnaire.questions:
        kind = draw(st.sampled_from(["absent", "value", "no_answer"]))
        if kind == "absent":
            continue
        fields: dict[str, Any] = {}
        if kind == "no_answer":
            fields["no_answer"] = draw(st.sampled_from(list(NO_ANSWER_LABELS)))
        elif question.kind == "open_text":
            fields["text"] = draw(texts)
        elif question.kind == "number":
            fields["number"] = float(draw(st.integers(0, 100)))
        else:
            codes = [o.code for o in AIX.scales_by_id[question.scale].options]  # type: ignore[attr-defined]
            if question.kind == "multiple_choice":
                fields["choices"] = tuple(c for c in codes if draw(st.booleans()))
            else:
                fields["choice"] = draw(st.sampled_from(codes))
        if draw(st.booleans()):
            fields["comment"] = draw(texts)
        if draw(st.booleans()):
            fields["evidence"] = (
                Evidence(url="https://exemple.fr/p?a=1&b=2", excerpt=draw(texts)),
            )
        result[question.id] = Answer(**fields)
    return result


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers(), st.booleans(), st.one_of(st.none(), texts))
def test_round_trip_of_generated_answers(
    generated: dict[str, Answer], consent: bool, comment: str | None
) -> None:
    response = Response(
        respondent=LISTS[0].id,
        questionnaire=QuestionnaireRef(id=AIX.questionnaire.id, version=AIX.questionnaire.version),
        consent_to_publish=consent,
        answers=generated,
        comment=comment,
    )
    assert isinstance(ONE_LIST, bytes)
    back, rejected = imported(AIX, fill_form(ONE_LIST, AIX, [response]))
    assert rejected == ()
    assert back == {response.respondent: response}


def _one_list_form_with(cell_of: str, value: object) -> tuple[dict[str, Response], tuple[Any, ...]]:
    workbook = book(ONE_LIST)
    sheet = workbook.worksheets[1]
    row = rows_by_key(sheet).get(cell_of[1:], None)
    fill(sheet, f"{cell_of[0]}{row}" if row else cell_of, value)
    fill(sheet, f"E{rows_by_key(sheet)['#consent']}", "oui")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return imported(AIX, buffer.getvalue())


def test_a_misspelt_label_is_rejected_with_the_closest_code() -> None:
    back, rejected = _one_list_form_with("Ep01", "Engagment fort")
    assert [(r.code, r.suggestion, r.source.column) for r in rejected] == [
        ("unknown_option", "engagement_fort", "E")
    ]
    assert "p01" not in back[LISTS[0].id].answers


def test_a_formula_a_stray_cell_and_a_bad_number_are_rejected_not_dropped() -> None:
    for where, value, code in [
        ("Gp01", "=1+2", "formula_in_cell"),
        ("J12", "note privée", "unplaced_cell"),
        ("Ep02", "beaucoup", "not_a_number"),
        ("Fp01", "je ne sais pas", "unknown_no_answer"),
    ]:
        target_value: object = value
        _, rejected = _one_list_form_with(where, target_value) if where != "Gp01" else _formula()
        assert [r.code for r in rejected] == [code], where


def _formula() -> tuple[dict[str, Response], tuple[Any, ...]]:
    workbook = book(ONE_LIST)
    sheet = workbook.worksheets[1]
    sheet[f"G{rows_by_key(sheet)['p01']}"] = "=1+2"  # openpyxl stores it as a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return imported(AIX, buffer.getvalue())


def test_a_decimal_comma_and_a_french_date_are_read() -> None:
    back, rejected = _one_list_form_with("Ep02", "12,5")
    assert rejected == ()
    assert back[LISTS[0].id].answers["p02"].number == 12.5


def test_another_questionnaire_or_major_version_is_rejected_whole() -> None:
    other = AIX.model_copy(
        update={"questionnaire": AIX.questionnaire.model_copy(update={"version": "2.0.0"})}
    )
    result = load_form(other, FORM, None, "f.xlsx")  # type: ignore[arg-type]
    assert result.responses == ()
    assert [r.code for r in result.rejected] == ["questionnaire_version_incompatible"]
    renamed = AIX.model_copy(
        update={"questionnaire": AIX.questionnaire.model_copy(update={"id": "autre"})}
    )
    result = load_form(renamed, FORM, None, "f.xlsx")  # type: ignore[arg-type]
    assert [r.code for r in result.rejected] == ["questionnaire_mismatch"]
    result = load_form(AIX, b"not a zip", None, "f.xlsx")  # type: ignore[arg-type]
    assert [r.code for r in result.rejected] == ["unreadable_file"]


def test_an_untouched_form_gives_no_response() -> None:
    back, rejected = imported(AIX, FORM)  # type: ignore[arg-type]
    assert back == {}
    assert rejected == ()
