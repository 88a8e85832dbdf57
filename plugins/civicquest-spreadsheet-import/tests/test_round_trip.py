"""Round trip: the project's responses (with hostile strings) written to a CSV the way a form
tool would, with a generated mapping; imported back, every answer is the same."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spreadsheet_import_helpers import responses, run_import, write_mapping

from civicquest.models import Answer, Evidence, Project, Response
from civicquest.plugins import NO_ANSWER_LABELS, format_number, text_of
from civicquest.testing import HOSTILE_STRINGS, aix2026, hostile_project

__all__ = ["aix2026"]  # fixture

URLS = st.lists(
    st.from_regex(r"https://[a-z]{1,12}\.example\.org/[a-z0-9/#_-]{0,30}", fullmatch=True),
    min_size=1,
    max_size=3,
)
EVIDENCE = st.one_of(
    st.just(()),
    URLS.map(lambda urls: tuple(Evidence(url=url) for url in urls)),
    st.sampled_from(HOSTILE_STRINGS).map(lambda text: (Evidence(excerpt=text),)),
)


@st.composite
def layouts(draw: st.DrawFn, project: Project) -> dict[str, Any]:
    question_ids = [q.id for q in project.questionnaire.questions]
    return {
        "delimiter": draw(st.sampled_from([";", ",", "\t"])),
        "encoding": draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])),
        "titles": draw(st.integers(0, 2)),
        "lang": draw(st.sampled_from(["fr", "en", "code"])),
        "french_numbers": draw(st.booleans()),
        "order": draw(st.permutations(question_ids)),
        "evidence": {qid: draw(EVIDENCE) for qid in question_ids},
    }


def with_evidence(project: Project, evidence: dict[str, tuple[Evidence, ...]]) -> Project:
    """The project, each answer carrying the generated evidence (what one column can carry:
    addresses, one per line, or one excerpt)."""
    changed = [
        r.model_copy(
            update={
                "answers": {
                    qid: a.model_copy(update={"evidence": evidence[qid]})
                    for qid, a in r.answers.items()
                }
            }
        )
        for r in project.responses
    ]
    return project.model_copy(update={"responses": tuple(changed)})


def cell(project: Project, question_id: str, answer: Answer, layout: dict[str, Any]) -> str:
    """What a form tool writes for an answer: labels in the layout's language, numbers with a
    decimal comma, no-answer reasons spelt out."""
    lang = layout["lang"]
    if answer.no_answer is not None:
        return answer.no_answer if lang == "code" else NO_ANSWER_LABELS[answer.no_answer][lang]
    if answer.number is not None:
        number = format_number(answer.number)
        return number.replace(".", ",") if layout["french_numbers"] else number
    if answer.text is not None:
        return answer.text
    question = project.questions_by_id[question_id]
    scale = project.scales_by_id[getattr(question, "scale", "")]
    labels = {
        o.code: o.code if lang == "code" else text_of(project, o.label, lang) for o in scale.options
    }
    return " ; ".join(labels[code] for code in (answer.choices or (answer.choice,)) if code)


def evidence_cell(answer: Answer) -> str:
    if answer.evidence and answer.evidence[0].url is not None:
        return "\n".join(e.url or "" for e in answer.evidence)
    return answer.evidence[0].excerpt or "" if answer.evidence else ""


def write(project: Project, layout: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
    headers = ["Liste", "Date", "Publication", "Commentaire général"]
    for qid in layout["order"]:
        headers += [f"Question {qid}", f"Commentaire {qid}", f"Sources {qid}"]
    rows = [[f"Titre {n} ; ligne de titre, avec virgule"] for n in range(layout["titles"])]
    rows.append(headers)
    for response in project.responses:
        row = [
            response.respondent,
            response.received.strftime("%d/%m/%Y") if response.received else "",
            "oui" if response.consent_to_publish else "non",
            response.comment or "",
        ]
        for qid in layout["order"]:
            answer = response.answers.get(qid)
            if answer is None:
                row += ["", "", ""]
            else:
                row += [
                    cell(project, qid, answer, layout),
                    answer.comment or "",
                    evidence_cell(answer),
                ]
        rows.append(row)
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=layout["delimiter"]).writerows(rows)
    mapping = {
        "header_row": layout["titles"] + 1,
        "respondent": {"column": "liste"},
        "received": "DATE",
        "consent": {"column": "Publication"},
        "comment": "Commentaire general",
        "questions": {
            qid: {
                "column": f"question {qid}",
                "comment": f"Commentaire {qid}",
                "evidence": f"Sources {qid}",
            }
            for qid in layout["order"]
        },
    }
    return buffer.getvalue().encode(layout["encoding"]), mapping


def excel_escape(text: str) -> str:
    """How Excel writes a carriage return (which XML would read as a line feed) in a cell."""
    return text.replace("_x", "_x005F_x").replace("\r", "_x000D_")


def carried(response: Response) -> dict[str, Any]:
    return {
        "received": response.received,
        "consent": response.consent_to_publish,
        "comment": response.comment,
        "answers": response.answers,
    }


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_answer_comes_back(aix2026: Project, data: st.DataObject) -> None:
    layout = data.draw(layouts(aix2026))
    project = with_evidence(hostile_project(aix2026), layout["evidence"])
    content, mapping = write(project, layout)
    with tempfile.TemporaryDirectory() as folder:
        path = write_mapping(Path(folder) / "mapping.yaml", mapping)
        result = run_import(project, content, path, "export.csv")
    assert result.rejected == ()
    found = responses(result)
    assert {rid: carried(r) for rid, r in found.items()} == {
        r.respondent: carried(r) for r in project.responses
    }


def test_hostile_strings_come_back_from_xlsx(aix2026: Project, tmp_path: Path) -> None:
    """Typed into Excel cells: formulas (never computed), RTL marks, 20,000 characters."""
    layout = {
        "lang": "fr",
        "french_numbers": True,
        "order": [q.id for q in aix2026.questionnaire.questions],
    }
    layout["evidence"] = dict.fromkeys(layout["order"], ())
    project = with_evidence(hostile_project(aix2026), layout["evidence"])
    content, mapping = write(
        project, {**layout, "delimiter": ",", "encoding": "utf-8", "titles": 0}
    )
    workbook = openpyxl.Workbook()
    for row in csv.reader(io.StringIO(content.decode(), newline="")):
        # as Excel stores text: "=…" a formula, a carriage return _x000D_
        workbook.active.append([excel_escape(value) or None for value in row])
    assert any(c.data_type == "f" for row in workbook.active.iter_rows() for c in row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = write_mapping(tmp_path / "mapping.yaml", mapping)
    result = run_import(project, buffer.getvalue(), path, "export.xlsx")
    assert result.rejected == ()
    assert {rid: carried(r) for rid, r in responses(result).items()} == {
        r.respondent: carried(r) for r in project.responses
    }
