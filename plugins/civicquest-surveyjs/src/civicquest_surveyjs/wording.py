"""The words of the form and of the importer's rejections, in French and in English.

The form's own words (its list question, consent, comment and evidence fields) are given in every
language civicquest knows; a questionnaire in another language gets the French ones.
"""

from __future__ import annotations

__all__ = ["FORM", "REJECTIONS", "form_text", "rejection"]

FORM: dict[str, dict[str, str]] = {
    "first_page": {"fr": "Votre liste", "en": "Your list"},
    "respondent": {"fr": "Quelle liste répond ?", "en": "Which list is answering?"},
    "consent": {
        "fr": "Acceptez-vous que vos réponses soient publiées ?",
        "en": "Do you agree that your answers be published?",
    },
    "yes": {"fr": "Oui", "en": "Yes"},
    "no": {"fr": "Non", "en": "No"},
    "last_page": {"fr": "Pour finir", "en": "Finally"},
    "general_comment": {
        "fr": "Un commentaire général sur vos réponses (facultatif)",
        "en": "A general comment on your answers (optional)",
    },
    "comment": {"fr": "Commentaire (facultatif)", "en": "Comment (optional)"},
    "no_answer": {
        "fr": "Si vous ne répondez pas, dites pourquoi (facultatif)",
        "en": "If you do not answer, say why (optional)",
    },
    "skipped": {"fr": "Pas de réponse", "en": "No answer"},
    "declined": {"fr": "Nous refusons de répondre", "en": "We decline to answer"},
    "not_applicable": {"fr": "Sans objet", "en": "Not applicable"},
    "evidence": {
        "fr": "Sources : un lien ou un extrait de votre programme (facultatif)",
        "en": "Sources: a link or an excerpt of your programme (optional)",
    },
    "add_evidence": {"fr": "Ajouter une source", "en": "Add a source"},
    "remove_evidence": {"fr": "Retirer cette source", "en": "Remove this source"},
    "url": {"fr": "Adresse (https://…)", "en": "Address (https://…)"},
    "title": {"fr": "Titre du document", "en": "Title of the document"},
    "excerpt": {"fr": "Extrait cité", "en": "Quoted excerpt"},
    "unit": {"fr": "Unité : ", "en": "Unit: "},
}


def form_text(key: str, languages: tuple[str, ...]) -> dict[str, str]:
    """The form's word ``key`` in each of ``languages`` (French when civicquest lacks one)."""
    words = FORM[key]
    return {lang: words.get(lang, words["fr"]) for lang in languages}


#: code -> {lang: (message, what to do)}; messages are ``str.format`` templates
REJECTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "unreadable_file": {
        "fr": (
            "fichier illisible : {detail}",
            "Exportez de nouveau les résultats de SurveyJS en JSON (un objet, un tableau "
            "d'objets, ou une réponse par ligne).",
        ),
        "en": (
            "unreadable file: {detail}",
            "Export the SurveyJS results as JSON again (an object, an array of objects, "
            "or one result per line).",
        ),
    },
    "not_a_submission": {
        "fr": ("ceci n'est pas une réponse SurveyJS (un objet JSON) : {detail}", "Retirez-le."),
        "en": ("this is not a SurveyJS result (a JSON object): {detail}", "Remove it."),
    },
    "unknown_list": {
        "fr": (
            "liste inconnue : « {value} » ; les {count} valeurs de cette réponse ne sont pas "
            "importées",
            "Indiquez l'identifiant d'une liste de respondents.yaml dans « {key} ».",
        ),
        "en": (
            "unknown list: '{value}'; the {count} values of this result are not imported",
            "Put the id of a list of respondents.yaml in '{key}'.",
        ),
    },
    "not_imported": {
        "fr": (
            "non importé : cette réponse ne dit pas quelle liste répond",
            "Corrigez la liste de cette réponse, puis importez de nouveau.",
        ),
        "en": (
            "not imported: this result does not say which list answers",
            "Fix the list of this result, then import again.",
        ),
    },
    "unmapped_key": {
        "fr": (
            "clé « {key} » inconnue du questionnaire : valeur non importée",
            "Vérifiez que le formulaire vient de ce questionnaire ; reportez la valeur à la main "
            "si elle compte.",
        ),
        "en": (
            "key '{key}' is not in the questionnaire: value not imported",
            "Check that the form comes from this questionnaire; copy the value by hand if it "
            "matters.",
        ),
    },
    "unknown_option": {
        "fr": (
            "« {value} » n'est pas une réponse possible à {question}",
            "Choisissez l'un des codes : {codes}.",
        ),
        "en": (
            "'{value}' is not a possible answer to {question}",
            "Choose one of the codes: {codes}.",
        ),
    },
    "wrong_type": {
        "fr": ("{question} attend {expected}, pas {value}", "Corrigez la valeur."),
        "en": ("{question} expects {expected}, not {value}", "Fix the value."),
    },
    "unreadable_number": {
        "fr": ("« {value} » n'est pas un nombre ({question})", "Écrivez un nombre : 12 ou 3,5."),
        "en": ("'{value}' is not a number ({question})", "Write a number: 12 or 3.5."),
    },
    "conflicting_values": {
        "fr": (
            "{question} a une réponse et une raison de ne pas répondre : la raison est écartée",
            "Gardez l'une ou l'autre.",
        ),
        "en": (
            "{question} has an answer and a reason for not answering: the reason is left out",
            "Keep one or the other.",
        ),
    },
    "orphan_value": {
        "fr": (
            "{what} sans réponse à {question} : non importé",
            "Donnez une réponse à {question}, ou la raison de ne pas répondre.",
        ),
        "en": (
            "{what} without an answer to {question}: not imported",
            "Give an answer to {question}, or the reason for not answering.",
        ),
    },
    "evidence_without_source": {
        "fr": (
            "source sans adresse ni extrait ({question}) : non importée",
            "Donnez l'adresse (https://…) ou l'extrait cité de cette source.",
        ),
        "en": (
            "source with neither address nor excerpt ({question}): not imported",
            "Give the address (https://…) or the quoted excerpt of this source.",
        ),
    },
    "repeated_key": {
        "fr": (
            "clé « {key} » donnée deux fois dans cette réponse : seule la dernière valeur est "
            "importée",
            "Gardez une seule valeur pour « {key} ».",
        ),
        "en": (
            "key '{key}' given twice in this result: only the last value is imported",
            "Keep a single value for '{key}'.",
        ),
    },
}


def rejection(code: str, **values: object) -> tuple[str, str]:
    """The message and what to do for ``code``, French then English."""
    texts = REJECTIONS[code]
    fr_message, fr_hint = (t.format(**values) for t in texts["fr"])
    en_message, en_hint = (t.format(**values) for t in texts["en"])
    return f"{fr_message} / {en_message}", f"{fr_hint} / {en_hint}"
