"""The words of the form, French and English; the form's language comes first."""

from __future__ import annotations

__all__ = ["CONSENT", "HEADINGS", "HOW", "INSTRUCTIONS", "both", "one"]

Pair = tuple[str, str]  # (French, English)

HEADINGS: dict[str, Pair] = {
    "key": ("id", "id"),
    "theme": ("Thème, n°", "Theme, no."),
    "question": ("Question", "Question"),
    "how": ("Comment répondre", "How to answer"),
    "answer": ("Votre réponse", "Your answer"),
    "no_answer": ("Pas de réponse ? Pourquoi", "No answer? Why"),
    "comment": ("Commentaire (publié)", "Comment (published)"),
    "evidence_url": ("Source : lien (https://…)", "Source: link (https://…)"),
    "evidence_excerpt": ("Source : extrait du programme", "Source: excerpt of the programme"),
    "#respondent": ("Liste", "List"),
    "#answered_by": ("Personne qui répond", "Person answering"),
    "#received": ("Date de la réponse", "Date of the reply"),
    "#consent": ("Accord pour publier", "Consent to publish"),
    "#comment": ("Commentaire général (publié)", "General comment (published)"),
}

HOW: dict[str, Pair] = {
    "#respondent": ("Nom de la liste", "Name of the list"),
    "#answered_by": (
        "Nom et fonction ; pour la coalition, jamais publié",
        "Name and role; for the coalition, never published",
    ),
    "#received": ("jj/mm/aaaa", "dd/mm/yyyy"),
    "#consent": (
        "Oui : vos réponses peuvent être publiées telles quelles",
        "Yes: your answers may be published as they are",
    ),
    "#comment": ("Facultatif", "Optional"),
    "choice": ("Choisir dans la liste", "Choose from the list"),
    "multiple_choice": (
        "Oui ou Non pour chaque proposition ci-dessous",
        "Yes or No for each option below",
    ),
    "option": ("Oui / Non", "Yes / No"),
    "open_text": ("Texte libre", "Free text"),
    "max_length": ("au plus {n} caractères", "at most {n} characters"),
    "number": ("Un nombre", "A number"),
    "integer": ("Un nombre entier", "A whole number"),
    "between": ("entre {low} et {high}", "between {low} and {high}"),
    "at_least": ("au moins {low}", "at least {low}"),
    "at_most": ("au plus {high}", "at most {high}"),
    "required": ("réponse attendue", "answer expected"),
}

CONSENT: dict[str, tuple[str, str]] = {"fr": ("Oui", "Non"), "en": ("Yes", "No")}

INSTRUCTIONS: tuple[Pair, ...] = (
    (
        "Une feuille par liste : ouvrez l'onglet qui porte le nom de votre liste.",
        "One sheet per list: open the tab named after your list.",
    ),
    (
        "Remplissez seulement les cellules jaunes ; le reste est protégé (sans mot de passe).",
        "Fill in the yellow cells only; the rest is protected (no password).",
    ),
    (
        "Pour chaque question, choisissez une réponse dans la liste déroulante de la colonne "
        "« Votre réponse », ou indiquez pourquoi vous ne répondez pas.",
        'For each question, choose an answer from the drop-down list in the "Your answer" '
        "column, or say why you do not answer.",
    ),
    (
        "Vous pouvez commenter chaque réponse et citer votre programme (lien et extrait).",
        "You may comment on each answer and quote your programme (link and excerpt).",
    ),
    (
        "Indiquez si vous acceptez que vos réponses soient publiées, et qui a répondu.",
        "Say whether you agree that your answers be published, and who answered.",
    ),
    (
        "Renvoyez ce fichier tel quel, au format .xlsx, sans le renommer ni changer ses onglets.",
        "Send this file back as it is, as .xlsx, without renaming it or changing its tabs.",
    ),
)


def one(pair: Pair, lang: str) -> str:
    """The text in the form's language (French unless ``lang`` is English)."""
    return pair[1] if lang == "en" else pair[0]


def both(pair: Pair, lang: str, separator: str = " / ") -> str:
    """The text in the form's language, then in the other one."""
    first, second = (pair[1], pair[0]) if lang == "en" else pair
    return first if first == second else f"{first}{separator}{second}"
