"""Test helpers: a response as a SurveyJS respondent enters it, and survey-core run by node."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from civicquest.models import Response

__all__ = ["JS", "as_entered", "survey_core"]

JS = Path(__file__).resolve().parents[1] / "js"
INSTALL = f"npm ci --prefix {JS.relative_to(JS.parents[2])}  (or: make node-deps)"


def as_entered(response: Response) -> dict[str, Any]:
    """What a list enters in the form to give ``response``: element name -> value."""
    entered: dict[str, Any] = {
        "_respondent": response.respondent,
        "_consent_to_publish": response.consent_to_publish,
    }
    for question_id, answer in response.answers.items():
        if answer.no_answer is not None:
            entered[f"{question_id}/no_answer"] = answer.no_answer
        else:
            value = getattr(answer, answer.value_field)
            entered[question_id] = list(value) if isinstance(value, tuple) else value
        if answer.comment is not None:
            entered[f"{question_id}-Comment"] = answer.comment
        if answer.evidence:
            entered[f"{question_id}/evidence"] = [
                e.model_dump(exclude_none=True) for e in answer.evidence
            ]
    if response.comment is not None:
        entered["_comment"] = response.comment
    return entered


def survey_core(survey: bytes, tmp_path: Path, answers: list[dict[str, Any]] | None = None) -> Any:
    """Run ``js/survey-check.cjs`` on ``survey`` (and the ``answers`` to fill in); its report."""
    node = shutil.which("node")
    assert node, "node is missing: install Node.js (apt-get install nodejs npm), then " + INSTALL
    assert (JS / "node_modules" / "survey-core").is_dir(), f"survey-core is missing: run {INSTALL}"
    survey_path = tmp_path / "survey.json"
    survey_path.write_bytes(survey)
    args = [node, str(JS / "survey-check.cjs"), str(survey_path)]
    if answers is not None:
        answers_path = tmp_path / "answers.json"
        answers_path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
        args.append(str(answers_path))
    run = subprocess.run(
        args, cwd=JS, capture_output=True, check=False, env={**os.environ, "NODE_OPTIONS": ""}
    )
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    return json.loads(run.stdout)
