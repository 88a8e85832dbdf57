"""The form's own words, in French and in English (both are written into the file)."""

from __future__ import annotations

__all__ = ["LANGUAGES", "NO_ANSWER_REASONS", "WORDS"]

#: the form's languages, French first: the file carries every text in both
LANGUAGES = ("fr", "en")

NO_ANSWER_REASONS = ("skipped", "declined", "not_applicable")

WORDS: dict[str, dict[str, str]] = {
    "switch": {"fr": "English", "en": "Français"},
    "your_list": {"fr": "Votre liste", "en": "Your list"},
    "respondent": {"fr": "Quelle liste répond ?", "en": "Which list is answering?"},
    "choose": {"fr": "— Choisissez —", "en": "— Choose —"},
    "consent": {
        "fr": "Acceptez-vous que vos réponses soient publiées ?",
        "en": "Do you agree that your answers be published?",
    },
    "yes": {"fr": "Oui", "en": "Yes"},
    "no": {"fr": "Non", "en": "No"},
    "required": {"fr": "(réponse obligatoire)", "en": "(answer required)"},
    "your_answer": {"fr": "Votre réponse", "en": "Your answer"},
    "unit": {"fr": "Unité : ", "en": "Unit: "},
    "no_answer": {
        "fr": "Si vous ne répondez pas, dites pourquoi",
        "en": "If you do not answer, say why",
    },
    "none": {"fr": "—", "en": "—"},
    "skipped": {"fr": "Pas de réponse", "en": "No answer"},
    "declined": {"fr": "Nous refusons de répondre", "en": "We decline to answer"},
    "not_applicable": {"fr": "Sans objet", "en": "Not applicable"},
    "comment": {"fr": "Commentaire (facultatif)", "en": "Comment (optional)"},
    "evidence": {
        "fr": "Sources : un lien ou un extrait de votre programme (facultatif)",
        "en": "Sources: a link or an excerpt of your programme (optional)",
    },
    "source": {"fr": "Source", "en": "Source"},
    "add_source": {"fr": "Ajouter une source", "en": "Add a source"},
    "remove_source": {"fr": "Retirer cette source", "en": "Remove this source"},
    "url": {"fr": "Adresse (https://…)", "en": "Address (https://…)"},
    "title": {"fr": "Titre du document", "en": "Title of the document"},
    "excerpt": {"fr": "Extrait cité", "en": "Quoted excerpt"},
    "finally": {"fr": "Pour finir", "en": "Finally"},
    "general_comment": {
        "fr": "Un commentaire général sur vos réponses (facultatif)",
        "en": "A general comment on your answers (optional)",
    },
    "save": {"fr": "Enregistrer", "en": "Save"},
    "save_help": {
        "fr": "Enregistre un fichier de réponse à renvoyer à la coalition.",
        "en": "Saves a response file to send back to the coalition.",
    },
    # messages the script shows; {n}, {min}, {max} are filled in by it
    "err_required": {
        "fr": "Réponse obligatoire : répondez, ou dites pourquoi vous ne répondez pas.",
        "en": "Answer required: answer, or say why you do not answer.",
    },
    "err_respondent": {"fr": "Choisissez votre liste.", "en": "Choose your list."},
    "err_consent": {
        "fr": "Dites si vos réponses peuvent être publiées.",
        "en": "Say whether your answers may be published.",
    },
    "err_conflict": {
        "fr": "Vous avez répondu et donné une raison de ne pas répondre : gardez l'un ou l'autre.",
        "en": "You answered and gave a reason for not answering: keep one or the other.",
    },
    "err_orphan": {
        "fr": "Un commentaire ou une source sans réponse : répondez, ou dites pourquoi pas.",
        "en": "A comment or a source without an answer: answer, or say why not.",
    },
    "err_too_long": {
        "fr": "Trop long : {n} caractères, {max} au plus.",
        "en": "Too long: {n} characters, at most {max}.",
    },
    "err_number": {"fr": "Écrivez un nombre.", "en": "Write a number."},
    "err_integer": {"fr": "Écrivez un nombre entier.", "en": "Write a whole number."},
    "err_min": {"fr": "Au moins {min}.", "en": "At least {min}."},
    "err_max": {"fr": "Au plus {max}.", "en": "At most {max}."},
    "err_min_choices": {"fr": "Cochez au moins {min} cases.", "en": "Tick at least {min} boxes."},
    "err_max_choices": {"fr": "Cochez au plus {max} cases.", "en": "Tick at most {max} boxes."},
    "err_source": {
        "fr": "Chaque source a besoin d'une adresse (https://…) ou d'un extrait.",
        "en": "Each source needs an address (https://…) or an excerpt.",
    },
    "err_url": {
        "fr": "Une adresse commence par https:// ou http://.",
        "en": "An address starts with https:// or http://.",
    },
    "err_summary": {
        "fr": "Le fichier n'est pas enregistré : {n} question(s) à corriger.",
        "en": "The file is not saved: {n} question(s) to fix.",
    },
    "saved": {
        "fr": "Fichier enregistré : {file}. Envoyez-le à la coalition.",
        "en": "File saved: {file}. Send it to the coalition.",
    },
}
