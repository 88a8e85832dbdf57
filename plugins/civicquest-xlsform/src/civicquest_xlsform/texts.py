"""The words of the form and of the importer's rejects, French first with English alongside."""

from __future__ import annotations

__all__ = ["FORM_TEXTS", "REJECTS", "form_text", "reject_text"]

FORM_TEXTS: dict[str, dict[str, str]] = {
    "list": {"fr": "Votre liste", "en": "Your list"},
    "list_hint": {
        "fr": "Choisissez la liste au nom de laquelle vous répondez.",
        "en": "Choose the list you are answering for.",
    },
    "consent": {
        "fr": "Acceptez-vous que vos réponses soient publiées telles quelles ?",
        "en": "Do you agree that your answers be published as they are?",
    },
    "yes": {"fr": "Oui", "en": "Yes"},
    "no": {"fr": "Non", "en": "No"},
    "no_answer": {
        "fr": "Pourquoi pas de réponse à cette question ?",
        "en": "Why no answer to this question?",
    },
    "answer_or_reason": {
        "fr": "Répondez à la question ou donnez une raison, pas les deux.",
        "en": "Answer the question or give a reason, not both.",
    },
    "comment": {"fr": "Commentaire (facultatif)", "en": "Comment (optional)"},
    "evidence_url": {
        "fr": "Source : adresse web (facultatif)",
        "en": "Source: web address (optional)",
    },
    "evidence_title": {"fr": "Source : titre (facultatif)", "en": "Source: title (optional)"},
    "evidence_excerpt": {
        "fr": "Source : extrait cité (facultatif)",
        "en": "Source: quoted excerpt (optional)",
    },
    "url_constraint": {
        "fr": "Une adresse web commence par http:// ou https:// et ne contient pas d'espace.",
        "en": "A web address starts with http:// or https:// and has no spaces.",
    },
    "general_comment": {
        "fr": "Commentaire général sur vos réponses (facultatif)",
        "en": "General comment on your answers (optional)",
    },
    "too_long": {
        "fr": "{limit} caractères au plus.",
        "en": "{limit} characters at most.",
    },
    "range": {"fr": "Entre {low} et {high}.", "en": "Between {low} and {high}."},
    "at_least": {"fr": "Au moins {low}.", "en": "At least {low}."},
    "at_most": {"fr": "Au plus {high}.", "en": "At most {high}."},
}

#: rejects of the importer: (message, what to do), each with ``fr`` and ``en``
REJECTS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "unmapped_column": (
        {
            "fr": "la colonne « {column} » n'est pas une question du formulaire",
            "en": "column '{column}' is not a question of the form",
        },
        {
            "fr": "vérifiez que l'export vient du formulaire de ce questionnaire ; reportez la "
            "valeur à la main si elle doit être gardée",
            "en": "check that the export comes from this questionnaire's form; copy the value "
            "by hand if it must be kept",
        },
    ),
    "unknown_option": (
        {
            "fr": "« {value} » n'est pas un choix de la question {question}",
            "en": "'{value}' is not an option of question {question}",
        },
        {
            "fr": "corrigez la cellule avec un des choix : {options}",
            "en": "correct the cell with one of the options: {options}",
        },
    ),
    "unknown_respondent": (
        {
            "fr": "« {value} » n'est pas une liste du projet : la ligne n'est pas importée",
            "en": "'{value}' is not a list of the project: the row is not imported",
        },
        {
            "fr": "ajoutez la liste à respondents.yaml ou corrigez la colonne liste",
            "en": "add the list to respondents.yaml or correct the liste column",
        },
    ),
    "missing_respondent": (
        {
            "fr": "la ligne ne dit pas quelle liste répond : elle n'est pas importée",
            "en": "the row does not say which list answers: it is not imported",
        },
        {"fr": "remplissez la colonne liste", "en": "fill in the liste column"},
    ),
    "duplicate_respondent": (
        {
            "fr": "la liste {value} a déjà une réponse à la ligne {first} : cette ligne n'est "
            "pas importée",
            "en": "list {value} already answered on row {first}: this row is not imported",
        },
        {
            "fr": "gardez une seule soumission par liste (supprimez l'autre dans l'outil)",
            "en": "keep one submission per list (delete the other one in the tool)",
        },
    ),
    "missing_consent": (
        {
            "fr": "le consentement à la publication n'est pas renseigné : la réponse est "
            "importée comme non publiable",
            "en": "consent to publication is missing: the response is imported as not publishable",
        },
        {
            "fr": "demandez à la liste son accord et corrigez consent_to_publish",
            "en": "ask the list for its consent and correct consent_to_publish",
        },
    ),
    "unreadable_number": (
        {
            "fr": "« {value} » n'est pas un nombre (question {question})",
            "en": "'{value}' is not a number (question {question})",
        },
        {
            "fr": "écrivez un nombre, avec une virgule ou un point décimal",
            "en": "write a number, with a decimal comma or point",
        },
    ),
    "conflicting_values": (
        {
            "fr": "la question {question} a une réponse et une raison de ne pas répondre",
            "en": "question {question} has both an answer and a reason for no answer",
        },
        {
            "fr": "gardez l'une des deux ; la réponse est importée, pas la raison",
            "en": "keep one of them; the answer is imported, not the reason",
        },
    ),
    "unreadable_file": (
        {
            "fr": "le fichier n'est pas un export CSV ou XLSX lisible : {reason}",
            "en": "the file is not a readable CSV or XLSX export: {reason}",
        },
        {
            "fr": "exportez les données de KoboToolbox, ODK Central ou Ona en CSV ou XLSX",
            "en": "export the data from KoboToolbox, ODK Central or Ona as CSV or XLSX",
        },
    ),
}


def form_text(key: str, lang: str, **values: object) -> str:
    texts = FORM_TEXTS[key]
    return texts.get(lang, texts["en"]).format(**values)


def reject_text(code: str, **values: object) -> tuple[str, str]:
    """``(message, what to do)``, each in French then English."""
    message, hint = REJECTS[code]
    return _both(message, values), _both(hint, values)


def _both(texts: dict[str, str], values: dict[str, object]) -> str:
    return f"{texts['fr'].format(**values)} / {texts['en'].format(**values)}"
