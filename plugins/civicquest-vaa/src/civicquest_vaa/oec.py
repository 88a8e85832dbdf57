"""The ``open-election-compass`` exporter: the JSON configuration OpenElectionCompass loads.

How the client reads it (github.com/open-election-compass/client, ``src/OpenElectionCompass.vue``,
``parseContent``; the configuration guide of open-election-compass.com):

- ``languages`` (``code``, ``name``), ``algorithm``, ``title``, ``subtitle``, ``introduction``;
  ``parties`` (``alias``, ``name``, ``short``, ``description``) and ``theses`` (``title``,
  ``statement``, ``positions``): every text is an object ``{language: text}``;
- ``thesis.positions[party.alias].position`` is read for **every** party and every thesis (a
  missing one stops the client), one of ``approve``, ``neutral``, ``reject`` or ``skip``
  (``skip``: the party gave no position; it earns no point, ``calculatePointsForParty``);
- every text becomes a vue-i18n message at a path built from the alias
  (``theses.0.positions.<alias>.explanation``): vue-i18n compiles it, so ``{ } @ $ |`` are syntax
  (``a | b`` shows ``b``, ``@:x`` inserts another message): each is written as a literal
  interpolation ``{'@'}``; the alias is made of letters, digits, ``_`` and ``-``;
- the client shows texts with Vue's text interpolation, never as HTML; in a statement,
  ``[term]<definition>`` becomes a tooltip (``DefinitionsTooltip.vue``): a word joiner after
  ``]`` keeps a list's text from turning into one.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import Field

from civicquest.models import Project
from civicquest.plugins import ExportInput, text_of

from .options import ThesisOptions
from .theses import Position, Stance, Thesis, running, stances, statement, theses
from .warnings_ import warn_left_out_lists, warn_left_out_questions
from .wording import description, explanation

__all__ = ["OecOptions", "message", "to_open_election_compass"]

_POSITIONS: dict[Position, str] = {"agree": "approve", "neutral": "neutral", "disagree": "reject"}
_SYNTAX = re.compile(r"[{}@$|]")
_TOOLTIP = re.compile(r"\](?=<)")
WORD_JOINER = "\u2060"
#: each language's name in itself, for the language switch
LANGUAGE_NAMES = {"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español"}


class OecOptions(ThesisOptions):
    """Options of the ``open-election-compass`` exporter."""

    algorithm: Literal["cityblock/approve-neutral-reject", "cityblock/approve-partly-reject"] = (
        Field(
            default="cityblock/approve-neutral-reject",
            description="The buttons and points: approve-neutral-reject, or approve-partly-reject "
            "(the middle button says 'partly': fits commitments)",
        )
    )


def message(text: str) -> str:
    """``text`` as a vue-i18n message that shows exactly ``text``."""
    return _SYNTAX.sub(lambda match: "{'" + match.group(0) + "'}", text)


def _statement_message(text: str) -> str:
    return message(_TOOLTIP.sub("]" + WORD_JOINER, text))


def _localised(project: Project, text: Any, languages: tuple[str, ...]) -> dict[str, str]:
    return {lang: message(text_of(project, text, lang)) for lang in languages}


def _aliases(ids: list[str]) -> dict[str, str]:
    """Aliases vue-i18n reads as one path segment, unique: ``a.b`` becomes ``a_b``."""
    aliases: dict[str, str] = {}
    for respondent_id in ids:
        alias = re.sub(r"[^A-Za-z0-9_-]", "_", respondent_id)
        while alias in aliases.values():
            alias += "_"
        aliases[respondent_id] = alias
    return aliases


def _position(stance: Stance, languages: tuple[str, ...], by_lang: dict[str, Stance]) -> Any:
    code = "skip" if stance.position is None else _POSITIONS[stance.position]
    return {
        "position": code,
        "explanation": {lang: message(explanation(by_lang[lang], lang)) for lang in languages},
    }


def _theses(
    data: ExportInput,
    thesis_list: list[Thesis],
    parties: dict[str, str],
    languages: tuple[str, ...],
) -> list[dict[str, Any]]:
    project = data.project
    per_lang = {
        lang: {
            rid: stances(project, thesis_list, rid, rid in data.withheld, lang) for rid in parties
        }
        for lang in languages
    }
    result = []
    for index, thesis in enumerate(thesis_list):
        title = project.themes_by_id[thesis.question.theme].title
        positions = {
            alias: _position(
                per_lang[languages[0]][rid][index],
                languages,
                {lang: per_lang[lang][rid][index] for lang in languages},
            )
            for rid, alias in parties.items()
        }
        result.append(
            {
                "title": _localised(project, title, languages),
                "statement": {
                    lang: _statement_message(statement(project, thesis, lang)) for lang in languages
                },
                "positions": positions,
            }
        )
    return result


def _party(data: ExportInput, respondent_id: str, alias: str, languages: tuple[str, ...]) -> Any:
    respondent = data.project.respondents_by_id[respondent_id]
    withheld = respondent_id in data.withheld
    return {
        "alias": alias,
        "name": {lang: message(respondent.name) for lang in languages},
        "short": {lang: message(respondent.name) for lang in languages},
        "description": {
            lang: message(description(data.project, respondent_id, withheld, lang))
            for lang in languages
        },
    }


def _languages(data: ExportInput) -> tuple[str, ...]:
    known = data.project.questionnaire.languages
    first = data.lang if data.lang in known else data.project.questionnaire.default_language
    return (first, *(lang for lang in known if lang != first))


def _skipping(data: ExportInput, thesis_list: list[Thesis], shown: list[str]) -> list[str]:
    lang = data.lang
    return [
        rid
        for rid in shown
        if any(s.position is None for s in stances(data.project, thesis_list, rid, False, lang))
        or rid in data.withheld
    ]


def to_open_election_compass(data: ExportInput) -> bytes:
    """The OpenElectionCompass configuration of the project, in all its languages."""
    assert isinstance(data.options, OecOptions)
    options, project = data.options, data.project
    languages = _languages(data)
    thesis_list, left_out_questions = theses(project, options.graded, options.questions)
    warn_left_out_questions(left_out_questions, data.lang)
    shown, hidden = running(project)
    skipping = _skipping(data, thesis_list, shown) if thesis_list else []
    warn_left_out_lists(project, {"not_running": hidden, "skipped": skipping}, data.lang)
    parties = _aliases(shown)
    questionnaire = project.questionnaire
    config = {
        "version": "1",
        "algorithm": options.algorithm,
        "languages": [{"code": lang, "name": LANGUAGE_NAMES.get(lang, lang)} for lang in languages],
        "title": _localised(project, questionnaire.title, languages),
        "subtitle": _localised(project, questionnaire.election.name, languages),
        "introduction": {
            "heading": _localised(project, questionnaire.election.name, languages),
            "text": _localised(
                project, questionnaire.description or questionnaire.title, languages
            ),
        },
        "parties": [_party(data, rid, alias, languages) for rid, alias in parties.items()],
        "theses": _theses(data, thesis_list, parties, languages),
    }
    return (json.dumps(config, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
