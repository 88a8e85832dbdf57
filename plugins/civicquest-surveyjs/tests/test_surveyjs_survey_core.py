"""The exported form in survey-core itself (node): it loads with no JSON error, shows every text
as written, and filled in as a list would, its results import back into the same responses."""

from __future__ import annotations

import json
from itertools import cycle
from pathlib import Path
from typing import Any

from civicquest_surveyjs import load_results
from civicquest_surveyjs.importer import SurveyJsImportOptions
from civicquest_surveyjs.survey import BRACE
from surveyjs_answers import as_entered, survey_core

from civicquest import export
from civicquest.models import Answer, Evidence, Project, Response
from civicquest.testing import HOSTILE_STRINGS, aix2026, hostile_project

__all__ = ["aix2026"]  # fixture

#: texts survey-core would read as placeholders: a question's value, the locale, the page count
BRACED = ("{p01} et {locale}, {pagecount} {_respondent} {{p02}} \\{p03}", "{", "}{")


def _form(project: Project) -> bytes:
    output = export(project, "surveyjs")
    assert isinstance(output, bytes)
    return output


def _questions_in_form(project: Project) -> int:
    # per question: itself, its no-answer reason and, if allowed, its sources
    per_question = sum(2 + q.allow_evidence for q in project.questionnaire.questions)
    return per_question + 3  # the list, its consent, its general comment


def test_the_aix_form_loads_in_survey_core_with_no_json_error(
    aix2026: Project, tmp_path: Path
) -> None:
    report = survey_core(_form(aix2026), tmp_path)
    assert report["jsonErrors"] == []
    assert report["pages"] == len(aix2026.questionnaire.themes) + 2
    assert report["questions"] == _questions_in_form(aix2026)
    assert sorted(report["locales"]) == ["en", "fr"]
    assert report["locale"] == "fr"


def test_english_is_shown_in_english(aix2026: Project, tmp_path: Path) -> None:
    report = survey_core(_form(aix2026), tmp_path)
    for question in aix2026.questionnaire.questions:
        assert isinstance(question.text, dict)
        for lang in ("fr", "en"):
            assert report["texts"][lang][f"{question.id} title"] == question.text[lang]


def _hostile_questionnaire(project: Project) -> Project:
    texts = cycle((*HOSTILE_STRINGS, *BRACED))
    questionnaire = project.questionnaire
    questions = tuple(
        q.model_copy(update={"text": {"fr": next(texts), "en": next(texts)}, "help": next(texts)})
        for q in questionnaire.questions
    )
    scales = tuple(
        s.model_copy(
            update={
                "options": tuple(
                    o.model_copy(update={"label": {"fr": next(texts), "en": next(texts)}})
                    for o in s.options
                )
            }
        )
        for s in questionnaire.scales
    )
    themes = tuple(t.model_copy(update={"title": next(texts)}) for t in questionnaire.themes)
    respondents = tuple(r.model_copy(update={"name": next(texts)}) for r in project.respondents)
    hostile = questionnaire.model_copy(
        update={"questions": questions, "scales": scales, "themes": themes, "title": BRACED[0]}
    )
    return project.model_copy(update={"questionnaire": hostile, "respondents": respondents})


def _expected_texts(project: Project, lang: str) -> dict[str, str]:
    def pick(text: str | dict[str, str]) -> str:
        return text if isinstance(text, str) else text[lang]

    questionnaire = project.questionnaire
    expected = {"survey title": pick(questionnaire.title)}
    for theme in questionnaire.themes:
        expected[f"theme/{theme.id} title"] = pick(theme.title)
    for question in questionnaire.questions:
        expected[f"{question.id} title"] = pick(question.text)
        if question.help is not None and getattr(question, "unit", None) is None:
            expected[f"{question.id} description"] = pick(question.help)
        for option in (
            project.scales_by_id[getattr(question, "scale", "")].options
            if hasattr(question, "scale")
            else ()
        ):
            expected[f"{question.id} choice {option.code}"] = pick(option.label)
    for respondent in project.respondents:
        if respondent.status != "not_solicited":  # not asked, so not offered
            expected[f"_respondent choice {respondent.id}"] = respondent.name
    return expected


def test_hostile_texts_load_and_show_exactly_as_written(aix2026: Project, tmp_path: Path) -> None:
    project = _hostile_questionnaire(aix2026)
    report = survey_core(_form(project), tmp_path)
    assert report["jsonErrors"] == []
    for lang in ("fr", "en"):
        shown = report["texts"][lang]
        for where, text in _expected_texts(project, lang).items():
            assert shown[where].replace(BRACE, "{") == text, (lang, where, text[:60])
        offered = {key for key in shown if key.startswith("_respondent choice ")}
        assert offered == {key for key in _expected_texts(project, lang) if key in offered}


def _with_hostile_evidence(project: Project) -> Project:
    texts = cycle(HOSTILE_STRINGS)
    responses = []
    for response in project.responses:
        answers = dict(response.answers)
        for question_id, answer in list(answers.items())[:3]:
            if answer.no_answer is None:
                source = Evidence(
                    url="https://example.org/programme?a=<script>&b='x'",
                    title=next(texts),
                    excerpt=next(texts),
                )
                answers[question_id] = answer.model_copy(
                    update={"evidence": (*answer.evidence, source)}
                )
        responses.append(response.model_copy(update={"answers": answers}))
    return project.model_copy(update={"responses": tuple(responses)})


def _imported(project: Project, results: list[dict[str, Any]]) -> list[Response]:
    content = json.dumps(results, ensure_ascii=False).encode()
    result = load_results(project, content, SurveyJsImportOptions(), "results.json")
    assert result.rejected == ()
    return [Response.model_validate(r.data) for r in result.responses]


def _as_received(response: Response) -> Response:
    # the results do not say when or how the coalition received them: import options do
    return response.model_copy(update={"received": None, "channel": "form"})


def test_filled_in_survey_core_the_answers_come_back_equal(
    aix2026: Project, tmp_path: Path
) -> None:
    project = _with_hostile_evidence(hostile_project(aix2026))
    entered = [as_entered(response) for response in project.responses]
    report = survey_core(_form(project), tmp_path, entered)
    for result in report["results"]:
        assert result["unknown"] == []
    imported = _imported(project, [result["data"] for result in report["results"]])
    assert imported == [_as_received(response) for response in project.responses]


def test_survey_core_asks_for_required_answers_unless_a_reason_is_given(
    aix2026: Project, tmp_path: Path
) -> None:
    required = [q.id for q in aix2026.questionnaire.questions if q.required]
    nothing = {"_respondent": "aix-avenir", "_consent_to_publish": True}
    reasons = nothing | {f"{q}/no_answer": "declined" for q in required}
    report = survey_core(_form(aix2026), tmp_path, [nothing, reasons])
    assert sorted(report["results"][0]["invalid"]) == sorted(required)
    assert report["results"][1]["invalid"] == []
    assert _imported(aix2026, [report["results"][1]["data"]])[0].answers == {
        q: Answer(no_answer="declined") for q in required
    }
