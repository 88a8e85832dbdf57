"""The names of the form's fields: what the exporter writes and the importer reads back.

A question keeps its id as its field name; the fields around it take the id and a suffix.
XForm names must start with a letter or ``_``, so an id starting with a digit gets a leading
``_`` (civicquest ids never start with ``_``, so the mapping is reversible).
"""

from __future__ import annotations

__all__ = [
    "COMMENT",
    "CONSENT",
    "CONSENT_NO",
    "CONSENT_YES",
    "EVIDENCE_PARTS",
    "GENERAL_COMMENT",
    "INTRO",
    "LIST",
    "NO_ANSWER",
    "NO_ANSWER_LIST",
    "VERSION",
    "evidence_field",
    "field_name",
    "id_of_field",
    "language_column",
]

#: the select of the list answering (its choices are the project's respondents)
LIST = "liste"
CONSENT, CONSENT_YES, CONSENT_NO = "consentement", "oui", "non"
NO_ANSWER_LIST = "sans_reponse"
#: a calculate field carrying the questionnaire's version into every submission
VERSION = "version_questionnaire"
GENERAL_COMMENT = "commentaire_general"
INTRO = "presentation"
#: suffixes of the fields that follow a question
NO_ANSWER, COMMENT = "_sans_reponse", "_commentaire"
EVIDENCE_PARTS = {"url": "url", "title": "titre", "excerpt": "extrait"}

LANGUAGE_NAMES = {
    "fr": "Français",
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    "it": "Italiano",
    "pt": "Português",
    "nl": "Nederlands",
    "ar": "العربية",
    "oc": "Occitan",
    "br": "Brezhoneg",
    "eu": "Euskara",
    "ca": "Català",
    "co": "Corsu",
}


def language_column(lang: str) -> str:
    """The XLSForm language of ``lang``, as in ``label::Français (fr)``."""
    return f"{LANGUAGE_NAMES.get(lang, lang)} ({lang})"


def field_name(identifier: str) -> str:
    """The XForm name of a civicquest id (a question, a theme)."""
    return f"_{identifier}" if identifier[0].isdigit() else identifier


def id_of_field(name: str) -> str:
    """The inverse of :func:`field_name`."""
    return name[1:] if name.startswith("_") and name[1:2].isdigit() else name


def evidence_field(question_id: str, slot: int, part: str) -> str:
    """``p01_preuve_url`` for the first evidence of p01, ``p01_preuve2_url`` for the second."""
    number = "" if slot == 1 else str(slot)
    return f"{field_name(question_id)}_preuve{number}_{EVIDENCE_PARTS[part]}"
