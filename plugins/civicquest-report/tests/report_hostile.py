"""A project with hostile text in every field the report shows (built without validation, so
that even what the schema refuses, like a ``javascript:`` evidence URL, reaches the report)."""

from __future__ import annotations

from itertools import count
from typing import Any

from civicquest.models import Answer, Evidence, Project

__all__ = ["PAYLOAD", "hostile_communes", "hostile_report_project"]

PAYLOAD = (
    "<script>window.pwned=1</script>"
    '<img src=x onerror="window.pwned=2">'
    "\"'><svg onload=window.pwned=3>"
    " javascript:alert(1) \u202edroite à gauche\u202c 🗳️"
)
LONG = PAYLOAD + " " + "x" * 20_000
BAD_URL = "javascript:alert(1)"
_RESPONDENT_TEXTS = ("name", "head_of_list", "political_label", "note", "reason", "summary")


def _text(serial: count[int]) -> str:
    return f"[{next(serial)}] {PAYLOAD}"


def _questionnaire(project: Project, serial: count[int]) -> Any:
    questionnaire = project.questionnaire

    def localized(value: Any) -> Any:
        return None if value is None else _text(serial)

    organisers = tuple(
        o.model_copy(update={"name": _text(serial), "short_name": _text(serial), "url": BAD_URL})
        for o in questionnaire.organisers
    )
    themes = tuple(
        t.model_copy(update={"title": _text(serial), "description": _text(serial)})
        for t in questionnaire.themes
    )
    questions = tuple(
        q.model_copy(
            update={"text": _text(serial), "help": localized(q.help), "lever": _text(serial)}
        )
        for q in questionnaire.questions
    )
    scales = tuple(
        s.model_copy(
            update={
                "options": tuple(o.model_copy(update={"label": _text(serial)}) for o in s.options)
            }
        )
        for s in questionnaire.scales
    )
    election = questionnaire.election.model_copy(
        update={
            "name": _text(serial),
            "commune": questionnaire.election.commune.model_copy(update={"name": _text(serial)}),
        }
    )
    return questionnaire.model_copy(
        update={
            "title": _text(serial),
            "description": _text(serial),
            "intro": LONG,
            "organisers": organisers,
            "themes": themes,
            "questions": questions,
            "scales": scales,
            "election": election,
        }
    )


def _answer(answer: Answer, serial: count[int], long: bool) -> Answer:
    evidence = (
        Evidence.model_construct(url=BAD_URL, title=_text(serial), excerpt=_text(serial)),
        Evidence.model_construct(url=BAD_URL, title=None, excerpt=None),
    )
    update: dict[str, Any] = {"comment": LONG if long else _text(serial), "evidence": evidence}
    if answer.text is not None:
        update["text"] = _text(serial)
    return answer.model_copy(update=update)


def hostile_report_project(project: Project) -> Project:
    """``project`` with :data:`PAYLOAD` in every text and ``javascript:`` in every URL."""
    serial = count(1)
    respondents = tuple(
        r.model_copy(
            update={
                **{name: _text(serial) for name in _RESPONDENT_TEXTS if hasattr(r, name)},
                "url": BAD_URL,
            }
        )
        for r in project.respondents
    )
    responses = tuple(
        r.model_copy(
            update={
                "comment": _text(serial),
                "answers": {
                    qid: _answer(a, serial, long=index == 0)
                    for index, (qid, a) in enumerate(r.answers.items())
                },
            }
        )
        for r in project.responses
    )
    return Project.model_construct(
        questionnaire=_questionnaire(project, serial),
        respondents=respondents,
        responses=responses,
        scoring=project.scoring,
    )


def hostile_communes(project: Project) -> Project:
    """A multi-commune ``project`` whose communes, territory and lists are named :data:`PAYLOAD`
    (the long one for the first commune)."""
    election = project.questionnaire.election
    communes = tuple(
        c.model_copy(update={"name": LONG if i == 0 else f"[{i}] {PAYLOAD}"})
        for i, c in enumerate(election.communes or ())
    )
    election = election.model_copy(update={"communes": communes, "territory": PAYLOAD})
    respondents = tuple(
        r.model_copy(update={"name": f"[{i}] {PAYLOAD}"}) for i, r in enumerate(project.respondents)
    )
    questionnaire = project.questionnaire.model_copy(update={"election": election})
    return project.model_copy(update={"questionnaire": questionnaire, "respondents": respondents})
