"""Round trips through the command line, per form format: export the form from a copy of the Aix
example, fill it in as that tool's users would with a list's recorded response, remove the
list's response file, ``civicquest import`` it: the project validates and the response is back,
equal; a second import changes nothing; a conflicting answer is refused without ``--replace``."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from civicquest import example_path, load_project
from civicquest.models import Answer, Evidence, Project, Response
from civicquest.plugins import NO_ANSWER_LABELS, format_number, text_of
from civicquest.testing import run_cli

LIST = "aix-avenir"


def copy_of_the_example(tmp_path: Path) -> Path:
    project = tmp_path / "aix2026"
    shutil.copytree(example_path(), project)
    return project


def remove_the_response(project_dir: Path) -> None:
    """The list has not answered yet: its response file goes, its status becomes pending."""
    (project_dir / "responses" / f"{LIST}.yaml").unlink()
    respondents = project_dir / "respondents.yaml"
    text = respondents.read_text(encoding="utf-8")
    entry = f"  - id: {LIST}\n    status: answered\n"
    assert entry in text
    respondents.write_text(
        text.replace(entry, f"  - id: {LIST}\n    status: pending\n"), encoding="utf-8"
    )


def recorded(project_dir: Path) -> Response:
    return load_project(project_dir).responses_by_respondent[LIST]


def carried(project: Project, response: Response) -> Response:
    """What every form carries of a response: one source per answer (address and excerpt), the
    ticked choices in the scale's order (a form ticks boxes, it does not keep an order)."""
    return response.model_copy(
        update={"answers": {q: carried_answer(project, q, a) for q, a in response.answers.items()}}
    )


def carried_answer(project: Project, question_id: str, answer: Answer) -> Answer:
    update: dict[str, Any] = {
        "evidence": tuple(Evidence(url=e.url, excerpt=e.excerpt) for e in answer.evidence[:1])
    }
    if answer.choices is not None:
        codes = [o.code for o in scale_of(project, question_id).options]
        update["choices"] = tuple(code for code in codes if code in answer.choices)
    return answer.model_copy(update=update)


def scale_of(project: Project, question_id: str) -> Any:
    return project.scales_by_id[project.questions_by_id[question_id].scale]  # type: ignore[attr-defined]


def label(project: Project, question_id: str, code: str) -> str:
    options = scale_of(project, question_id).options
    return text_of(project, next(o.label for o in options if o.code == code), "fr")


def export_form(project_dir: Path, tmp_path: Path, fmt: str, name: str) -> Path:
    form = tmp_path / name
    result = run_cli("export", str(project_dir), "--format", fmt, "-o", str(form))
    assert result.exit_code == 0, result.output
    return form


# ---- fillers: the form as the tool's users hand it back ------------------------------------


def fill_xlsx_form(project: Project, response: Response, tmp_path: Path, form: Path) -> Path:
    book = openpyxl.load_workbook(form)
    sheet_of = {r[1]: r[0] for r in book["meta"].iter_rows(values_only=True) if r[0]}
    sheet = book[sheet_of[response.respondent]]
    row_of = {str(c[0].value): c[0].row for c in sheet.iter_rows(max_col=1) if c[0].value}
    sheet[f"E{row_of['#consent']}"] = "Oui" if response.consent_to_publish else "Non"
    if response.received:
        sheet[f"E{row_of['#received']}"] = response.received.strftime("%d/%m/%Y")
    if response.comment is not None:
        sheet[f"E{row_of['#comment']}"] = response.comment
    for qid, answer in response.answers.items():
        row = row_of[qid]
        if answer.choice is not None:
            sheet[f"E{row}"] = label(project, qid, answer.choice)
        elif answer.choices is not None:
            for code in answer.choices:
                sheet[f"E{row_of[f'{qid}#{code}']}"] = "Oui"
        elif answer.no_answer is not None:
            sheet[f"F{row}"] = NO_ANSWER_LABELS[answer.no_answer]["fr"]
        else:
            sheet[f"E{row}"] = answer.text if answer.text is not None else answer.number
        if answer.comment is not None:
            sheet[f"G{row}"] = answer.comment
        for evidence in answer.evidence:
            sheet[f"H{row}"], sheet[f"I{row}"] = evidence.url, evidence.excerpt
    filled = tmp_path / "reponses.xlsx"
    book.save(filled)
    return filled


def kobo_fields(form: Path) -> list[tuple[str, str]]:
    """(column, field name) of each field of the XLSForm, as the tools name their columns."""
    rows = openpyxl.load_workbook(form)["survey"].iter_rows(values_only=True)
    header = [str(c or "") for c in next(rows)]
    groups: list[str] = []
    fields = []
    for values in rows:
        row = dict(zip(header, (str(v or "") for v in values), strict=True))
        if row["type"] == "begin_group":
            groups.append(row["name"])
        elif row["type"] == "end_group":
            groups.pop()
        elif row["type"] and row["type"] != "note":
            fields.append(("/".join([*groups, row["name"]]), row["name"]))
    return fields


def kobo_cell(response: Response, name: str) -> str:
    header = {
        "liste": response.respondent,
        "consentement": "oui" if response.consent_to_publish else "non",
        "version_questionnaire": response.questionnaire.version,
        "commentaire_general": response.comment or "",
    }
    if name in header:
        return header[name]
    qid, _, suffix = name.partition("_")
    answer = response.answers.get(qid)
    if answer is None:
        return ""
    if not suffix:
        if answer.number is not None:
            return format_number(answer.number)
        return answer.text or answer.choice or " ".join(answer.choices or ())
    if suffix == "sans_reponse":
        return answer.no_answer or ""
    if suffix == "commentaire":
        return answer.comment or ""
    slot, part = suffix.removeprefix("preuve").split("_")
    sources = answer.evidence[int(slot or 1) - 1 : int(slot or 1)]
    field = {"url": "url", "titre": "title", "extrait": "excerpt"}[part]
    return next((getattr(e, field) or "" for e in sources), "")


def fill_kobo(project: Project, response: Response, tmp_path: Path, form: Path) -> Path:
    fields = kobo_fields(form)
    received = f"{response.received.isoformat()}T09:30:00" if response.received else ""
    rows = [
        [column for column, _ in fields] + ["_id", "_submission_time"],
        [kobo_cell(response, name) for _, name in fields] + ["1", received],
    ]
    filled = tmp_path / "kobo-export.csv"
    with filled.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    return filled


def fill_surveyjs(project: Project, response: Response, tmp_path: Path, form: Path) -> Path:
    entered: dict[str, Any] = {
        "_respondent": response.respondent,
        "_consent_to_publish": response.consent_to_publish,
    }
    for qid, answer in response.answers.items():
        if answer.no_answer is not None:
            entered[f"{qid}/no_answer"] = answer.no_answer
        else:
            value = getattr(answer, answer.value_field)
            entered[qid] = list(value) if isinstance(value, tuple) else value
        if answer.comment is not None:
            entered[f"{qid}-Comment"] = answer.comment
        if answer.evidence:
            entered[f"{qid}/evidence"] = [e.model_dump(exclude_none=True) for e in answer.evidence]
    if response.comment is not None:
        entered["_comment"] = response.comment
    filled = tmp_path / "resultats.json"
    filled.write_text(json.dumps([entered], ensure_ascii=False), encoding="utf-8")
    return filled


def spreadsheet_cell(project: Project, qid: str, answer: Answer) -> str:
    if answer.no_answer is not None:
        return answer.no_answer
    if answer.choice is not None:
        return label(project, qid, answer.choice)
    if answer.choices is not None:
        return " ; ".join(label(project, qid, code) for code in answer.choices)
    return answer.text if answer.text is not None else format_number(answer.number or 0.0)


def fill_spreadsheet(project: Project, response: Response, tmp_path: Path, form: Path) -> Path:
    """The coalition's own CSV (semicolons, Windows-1252) and its mapping, next to it."""
    mapping: dict[str, Any] = {
        "respondent": {"column": "Liste"},
        "consent": {"column": "Accord"},
        "comment": "Commentaire général",
        "questions": {},
    }
    row = {"Liste": response.respondent, "Accord": "Oui" if response.consent_to_publish else "Non"}
    row["Commentaire général"] = response.comment or ""
    for qid, answer in response.answers.items():
        mapping["questions"][qid] = {
            "column": qid,
            "comment": f"{qid} commentaire",
            "evidence": f"{qid} source",
        }
        row[qid] = spreadsheet_cell(project, qid, answer)
        row[f"{qid} commentaire"] = answer.comment or ""
        row[f"{qid} source"] = "\n".join(e.url or "" for e in answer.evidence)
    filled = tmp_path / "reponses.csv"
    with filled.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(row), delimiter=";")
        writer.writeheader()
        writer.writerow(row)
    (tmp_path / "correspondance.yaml").write_text(
        yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return filled


Filler = Callable[[Project, Response, Path, Path], Path]

#: format exported (any, for the spreadsheet), its file name, the import format, the filler.
FORMATS: dict[str, tuple[str, str, str, Filler]] = {
    "xlsx-form": ("xlsx-form", "formulaire.xlsx", "xlsx-form", fill_xlsx_form),
    "xlsform+kobo": ("xlsform", "kobo.xlsx", "kobo", fill_kobo),
    "surveyjs": ("surveyjs", "questionnaire.json", "surveyjs", fill_surveyjs),
    "spreadsheet": ("csv", "questionnaire.csv", "spreadsheet", fill_spreadsheet),
}


def import_args(project_dir: Path, filled: Path, fmt: str, *extra: str) -> list[str]:
    args = ["import", str(project_dir), str(filled), "--format", fmt, *extra]
    if fmt == "spreadsheet":
        args += ["--mapping", str(filled.parent / "correspondance.yaml")]
    return args


@pytest.mark.parametrize("name", FORMATS)
def test_a_removed_response_comes_back_equal_and_a_second_import_changes_nothing(
    name: str, tmp_path: Path
) -> None:
    export_as, form_name, import_as, fill = FORMATS[name]
    project_dir = copy_of_the_example(tmp_path)
    project = load_project(project_dir)
    removed = carried(project, recorded(project_dir))
    form = export_form(project_dir, tmp_path, export_as, form_name)
    filled = fill(project, removed, tmp_path, form)
    remove_the_response(project_dir)
    assert run_cli("validate", str(project_dir)).exit_code == 0

    first = run_cli(*import_args(project_dir, filled, import_as))
    assert first.exit_code == 0, first.output
    assert run_cli("validate", str(project_dir)).exit_code == 0
    back = recorded(project_dir)
    assert back.answers == removed.answers
    assert (back.comment, back.consent_to_publish) == (removed.comment, removed.consent_to_publish)

    written = (project_dir / "responses" / f"{LIST}.yaml").read_bytes()
    second = run_cli(*import_args(project_dir, filled, import_as))
    assert second.exit_code == 0, second.output
    assert f"{LIST}: 0 nouvelle(s), 0 remplacée(s), {len(removed.answers)} inchangée(s)" in (
        second.output
    )
    assert (project_dir / "responses" / f"{LIST}.yaml").read_bytes() == written


def test_a_conflicting_answer_is_refused_without_replace_and_applied_with_it(
    tmp_path: Path,
) -> None:
    project_dir = copy_of_the_example(tmp_path)
    project = load_project(project_dir)
    response = recorded(project_dir)
    question_id, answer = next((q, a) for q, a in response.answers.items() if a.choice)
    other = next(o.code for o in scale_of(project, question_id).options if o.code != answer.choice)
    changed = response.model_copy(
        update={
            "answers": {
                **response.answers,
                question_id: answer.model_copy(update={"choice": other}),
            }
        }
    )
    filled = fill_surveyjs(project, changed, tmp_path, tmp_path)
    before = (project_dir / "responses" / f"{LIST}.yaml").read_bytes()
    rejects = tmp_path / "refus.csv"

    refused = run_cli(*import_args(project_dir, filled, "surveyjs", "--rejects", str(rejects)))
    assert refused.exit_code == 1, refused.output
    report = list(csv.DictReader(io.StringIO(rejects.read_text(encoding="utf-8-sig"))))
    assert [(r["code"], r["value"]) for r in report] == [("import_conflict", other)]
    assert question_id in report[0]["message"]
    assert (project_dir / "responses" / f"{LIST}.yaml").read_bytes() == before

    replaced = run_cli(*import_args(project_dir, filled, "surveyjs", "--replace"))
    assert replaced.exit_code == 0, replaced.output
    assert recorded(project_dir).answers[question_id].choice == other
    assert run_cli("validate", str(project_dir)).exit_code == 0
