"""Short user-facing labels (French and English) shared by the CLI and the reports."""

from __future__ import annotations

__all__ = ["STATUS_LABELS", "TEXTS", "UNSCORED_REASONS", "status_label", "text", "unscored_label"]

STATUS_LABELS: dict[str, dict[str, str]] = {
    "answered": {"fr": "a répondu", "en": "answered"},
    "partial": {"fr": "réponse partielle", "en": "partial answer"},
    "pending": {"fr": "en attente de réponse", "en": "awaiting answer"},
    "declined": {"fr": "a refusé de répondre", "en": "declined to answer"},
    "outside_form": {"fr": "a répondu hors questionnaire", "en": "answered outside the form"},
    "not_solicited": {"fr": "non sollicitée", "en": "not solicited"},
    "withdrawn": {"fr": "retirée", "en": "withdrawn"},
    "merged": {"fr": "a fusionné", "en": "merged"},
}

UNSCORED_REASONS: dict[str, dict[str, str]] = {
    "not_solicited": {"fr": "non sollicitée", "en": "not solicited"},
    "withdrawn": {"fr": "retirée", "en": "withdrawn"},
    "merged": {"fr": "a fusionné", "en": "merged"},
    "no_consent": {"fr": "n'a pas autorisé la publication", "en": "did not consent to publication"},
    "no_response": {"fr": "pas de réponse", "en": "no response"},
    "no_answers": {
        "fr": "n'a répondu à aucune question comparable",
        "en": "answered none of the questions that can be compared",
    },
}

TEXTS: dict[str, dict[str, str]] = {
    "error": {"fr": "erreur", "en": "error"},
    "warning": {"fr": "avertissement", "en": "warning"},
    "valid": {"fr": "Projet valide.", "en": "The project is valid."},
    "invalid": {
        "fr": "Projet invalide : {errors} erreur(s), {warnings} avertissement(s).",
        "en": "Invalid project: {errors} error(s), {warnings} warning(s).",
    },
    "valid_with_warnings": {
        "fr": "Projet valide, avec {warnings} avertissement(s).",
        "en": "The project is valid, with {warnings} warning(s).",
    },
    "summary_head": {
        "fr": "Questionnaire {id} v{version} : {questions} questions, {themes} thèmes, "
        "{lists} listes, {responses} réponses reçues.",
        "en": "Questionnaire {id} v{version}: {questions} questions, {themes} themes, "
        "{lists} lists, {responses} responses received.",
    },
    "list": {"fr": "Liste", "en": "List"},
    "status": {"fr": "Statut", "en": "Status"},
    "answers": {"fr": "Réponses", "en": "Answers"},
    "by_status": {"fr": "Par statut", "en": "By status"},
    "panel_summary": {
        "fr": "{matched} électeur(s) comparé(s), {rejected} refusé(s) (détails ci-dessus).",
        "en": "{matched} voter(s) matched, {rejected} rejected (details above).",
    },
    "panel_unmatched": {
        "fr": "Listes non comparées : {lists}.",
        "en": "Lists not compared: {lists}.",
    },
}


def unscored_label(reason: str, lang: str) -> str:
    return UNSCORED_REASONS.get(reason, {}).get(lang, reason)


def status_label(status: str, lang: str) -> str:
    return STATUS_LABELS.get(status, {}).get(lang, status)


def text(key: str, lang: str, **params: object) -> str:
    entry = TEXTS[key]
    return entry.get(lang, entry["en"]).format(**params)
