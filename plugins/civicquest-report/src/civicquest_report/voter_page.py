"""The voter page: answer the questions, see the agreement with each list, computed in the browser.

The questions are plain HTML (a fieldset per question: its options, "skip", "important"); the
numbers come from ``civicquest-match.js`` (``civicquest.matching_script()``), the port of the
engine's loop, run on ``civicquest.matching_tables(project)`` for every method the project
publishes (scoring.yaml's ``match_methods``; default: the default method of
``civicquest match``). The tables and the page's words travel as JSON in a
``<script type="application/json">`` (``<``, ``>`` and ``&`` escaped, so no text can end it),
and ``static/voter.js`` writes names to the page with ``textContent`` only. Nothing is sent or
stored: no network, no storage.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

import civicquest
from civicquest.models import MatchingTables, Project
from civicquest.plugins import format_percent, text_of, translate

from .sections import Section
from .site import LANGUAGES, Site

__all__ = ["METHOD_WORDS", "add_voter_page", "page_data", "script_json"]


def N_(context: str, message: str) -> str:  # noqa: N802  (the extraction keyword, babel.cfg)
    """Mark ``message`` for ``make messages``; translated later with ``translate``."""
    del context
    return message


#: what each method is, in English (the catalogue's msgids, context "report")
METHOD_WORDS = {
    "wahl-o-mat": N_(
        "report", "Wahl-O-Mat rule: same answer 2 points, one side neutral 1, otherwise 0"
    ),
    "city-block": N_("report", "City-block distance between answers placed from agree to disagree"),
    "euclidean": N_("report", "Euclidean distance between answers placed from agree to disagree"),
    "directional": N_(
        "report", "Directional model (Mendez 2017): same side counts more than closeness"
    ),
    "points": N_("report", "Points table"),
}
_SCRIPT = "static/civicquest-match.js"
_PLACEHOLDER = 42  # a number with no grouping: "42 %" becomes the pattern "{} %"


def script_json(value: Any) -> Markup:
    """``value`` as JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or
    ``&`` (written as ``\\u003c`` etc.), so no text can close the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, escaped)
    # U+2028/2029 are valid in JSON and harmless in JSON.parse; escaped anyway for old parsers
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _words(lang: str) -> dict[str, str]:
    english = {
        "rank": N_("report", "Rank"),
        "list": N_("report", "List"),
        "overall": N_("report", "Overall"),
        "empty": N_("report", "Answer at least one question to see your agreement with each list."),
        "summary": "Agreement computed on {count} answered questions.",
        "tied": "tied",
        "none": "no answer in this theme",
    }
    return {key: translate("report", text, lang) for key, text in english.items()}


def page_data(project: Project, tables: MatchingTables, lang: str) -> dict[str, Any]:
    """What ``voter.js`` needs: the tables, theme titles, method names and the page's words."""
    percent = format_percent(_PLACEHOLDER, lang).replace(str(_PLACEHOLDER), "{}")
    themes = {
        theme.id: text_of(project, theme.title, lang) for theme in project.questionnaire.themes
    }
    methods = {
        table.key: translate("report", METHOD_WORDS[table.method], lang)
        + (f" ({table.choice.points})" if table.choice.points else "")
        for table in tables.methods
    }
    return {
        "tables": tables.model_dump(mode="json"),
        "themes": themes,
        "methods": methods,
        "words": {**_words(lang), "percent": percent},
    }


def add_voter_page(site: Site, section: Section) -> None:
    """Add the section's ``voter.html`` in every language (``<lang>/voter.html``, or in a
    commune's folder: its lists and the questions asked there, as ``civicquest match --commune``
    compares them) and, once, ``static/civicquest-match.js``."""
    project = section.project
    tables = civicquest.matching_tables(project)
    if _SCRIPT not in site.files:
        site.add_file(_SCRIPT, civicquest.matching_script().encode("utf-8"))
    by_id = {q.id: q for q in project.questionnaire.questions}
    for lang in LANGUAGES:
        questions = [
            {"table": q, "question": by_id[q.id], "labels": _labels(project, q.scale, lang)}
            for q in tables.questions
        ]
        context = {
            **section.context(lang),
            "tables": tables,
            "questions": questions,
            "voter_data": script_json(page_data(project, tables, lang)),
        }
        site.add_page(f"{section.root(lang)}voter.html", "voter.html.j2", lang, context)


def _labels(project: Project, scale_id: str, lang: str) -> dict[str, str]:
    scale = project.scales_by_id[scale_id]
    return {option.code: text_of(project, option.label, lang) for option in scale.options}
