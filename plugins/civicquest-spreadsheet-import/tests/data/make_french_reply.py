"""Regenerates french_reply*.csv and french_mapping.yaml from the Aix example (run by hand).

The files are committed as they are: a coalition's own French Excel export of three lists'
replies, with the mistakes people make. Tests read the committed files, not this script.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from civicquest import example_path, load_project
from civicquest.plugins import answer_value, text_of

HERE = Path(__file__).parent
LISTS = ("aix-avenir", "aix-citoyenne", "aix-ecologie")
#: (list, question) → what the secretary typed instead of the label
MISTAKES = {
    ("aix-avenir", "p01"): "Engagment minimal",
    ("aix-avenir", "p06"): "D’acord",
    ("aix-citoyenne", "i01"): "Nivau 3",
    ("aix-ecologie", "s13"): "Pas d'acord",
}
NUMBERS = {"aix-avenir": {"p02": "1,0"}}


def header(project, question) -> str:
    return f"{question.id.upper()} – {text_of(project, question.text, 'fr')[:40].strip()}"


def main() -> None:
    project = load_project(example_path())
    questions = project.questionnaire.questions
    headers = ["Liste", "Date de réception", "Accord de publication"]
    for question in questions:
        headers += [header(project, question), f"{question.id.upper()} – commentaire"]
    headers += ["Commentaire général", "Remarque interne"]
    rows = [
        ["Collectif Solidarités Aix 2026 ; réponses des listes"],
        ["Saisie par le secrétariat, mise à jour du 12/03/2026"],
        headers,
    ]
    names = {
        "aix-avenir": "Aix Avenir",
        "aix-citoyenne": "aix citoyenne",
        "aix-ecologie": "Aix Écologie (liste fictive)",
    }
    for list_id in LISTS:
        response = project.responses_by_respondent[list_id]
        row = [
            names[list_id],
            response.received.strftime("%d/%m/%Y") if response.received else "",
            "Oui" if response.consent_to_publish else "Non",
        ]
        for question in questions:
            answer = response.answers.get(question.id)
            if answer is None:
                row += ["", ""]
                continue
            cell = labels(project, question, answer)
            cell = MISTAKES.get((list_id, question.id), cell)
            cell = NUMBERS.get(list_id, {}).get(question.id, cell)
            row += [cell, answer.comment or ""]
        row += [
            response.comment or "",
            "Rappeler M. Martin au 06 12 34 56 78" if list_id == "aix-avenir" else "",
        ]
        rows.append(row)
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    text = buffer.getvalue().replace("\u2019", "\u2019")
    (HERE / "french_reply_cp1252.csv").write_bytes(text.encode("cp1252"))
    (HERE / "french_reply_utf8_bom.csv").write_bytes(text.encode("utf-8-sig"))
    mapping = {
        "header_row": 3,
        "respondent": {"column": "Liste"},
        "received": "Date de réception",
        "consent": {"column": "Accord de publication"},
        "comment": "Commentaire général",
        "questions": {
            q.id: {"column": header(project, q), "comment": f"{q.id.upper()} – commentaire"}
            for q in questions
        },
        "ignore": [],
    }
    (HERE / "french_mapping.yaml").write_text(
        "# Correspondance du tableur du collectif / mapping of the coalition's spreadsheet\n"
        + yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )


def labels(project, question, answer) -> str:
    if answer.no_answer is not None or (answer.choice is None and answer.choices is None):
        value = answer_value(answer)
        if answer.number is not None:
            return value.replace(".", ",")
        return value or answer.no_answer or ""
    scale = project.scales_by_id[question.scale]
    by_code = {o.code: text_of(project, o.label, "fr") for o in scale.options}
    codes = [answer.choice] if answer.choice else list(answer.choices or ())
    return " ; ".join(by_code[code] for code in codes)


if __name__ == "__main__":
    main()
