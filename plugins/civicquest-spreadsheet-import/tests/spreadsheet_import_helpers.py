"""Shared helpers of the spreadsheet importer's tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from civicquest_spreadsheet_import import SpreadsheetOptions, load_spreadsheet

from civicquest.models import Answer, Project, Response
from civicquest.plugins import ImportResult

DATA = Path(__file__).parent / "data"


def run_import(project: Project, content: bytes, mapping: Path, file_name: str) -> ImportResult:
    """What ``civicquest import --format spreadsheet --mapping M`` hands to the importer."""
    return load_spreadsheet(project, content, SpreadsheetOptions(mapping=str(mapping)), file_name)


def responses(result: ImportResult) -> dict[str, Response]:
    """The imported responses, validated as response files are."""
    return {
        item.data["respondent"]: Response.model_validate(item.data) for item in result.responses
    }


def answers_without(response: Response, question_ids: set[str]) -> dict[str, Answer]:
    return {qid: a for qid, a in response.answers.items() if qid not in question_ids}


def write_mapping(path: Path, data: dict[str, Any]) -> Path:
    import yaml

    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
