"""The reasons a value of a form is not imported: stable codes, French then English, and what
to do. Each becomes a :class:`civicquest.plugins.Rejected` at the cell it was found in."""

from __future__ import annotations

from civicquest.plugins import Rejected, SourceRef

__all__ = ["REASONS", "reject"]

#: code → (message, what to do); ``{value}``, ``{question}``, ``{expected}`` are filled in.
REASONS: dict[str, tuple[str, str]] = {
    "unreadable_file": (
        "fichier illisible comme classeur XLSX / not readable as an XLSX workbook ({value})",
        "enregistrez-le au format .xlsx / save it as .xlsx",
    ),
    "not_a_form": (
        "ce classeur n'est pas un formulaire civicquest / this workbook is not a civicquest form",
        "utilisez l'import générique avec un fichier de correspondance / use the generic "
        "spreadsheet importer with a mapping file",
    ),
    "questionnaire_mismatch": (
        "formulaire d'un autre questionnaire « {value} » (attendu {expected}) / form of another "
        "questionnaire {value!r} (expected {expected})",
        "importez-le dans le bon projet / import it into the right project",
    ),
    "questionnaire_version_incompatible": (
        "formulaire de la version {value}, incompatible avec la version {expected} du projet / "
        "form of version {value}, incompatible with the project's version {expected}",
        "envoyez à la liste le formulaire de la version actuelle / send the list a form of the "
        "current version",
    ),
    "unknown_sheet": (
        "onglet « {value} » inconnu : il n'appartient à aucune liste / unknown sheet {value!r}: "
        "it belongs to no list",
        "recopiez ses réponses dans l'onglet de la liste / copy its answers into the list's sheet",
    ),
    "unknown_respondent": (
        "liste inconnue « {value} » : rien de cet onglet n'est importé / unknown list {value!r}: "
        "nothing of this sheet is imported",
        "écrivez l'identifiant ou le nom d'une liste de respondents.yaml / type the id or name "
        "of a list in respondents.yaml",
    ),
    "unknown_question": (
        "ligne d'une question inconnue « {value} » / row of an unknown question {value!r}",
        "vérifiez la version du questionnaire / check the questionnaire's version",
    ),
    "unknown_option": (
        "réponse « {value} » inconnue pour la question {question} / unknown answer {value!r} "
        "for question {question}",
        "choisissez une réponse dans la liste déroulante / choose an answer from the drop-down "
        "list",
    ),
    "unknown_no_answer": (
        "raison « {value} » inconnue (question {question}) / unknown reason {value!r} "
        "(question {question})",
        "choisissez : pas de réponse, refuse de répondre, sans objet / choose: no answer, "
        "declined to answer, not applicable",
    ),
    "answer_and_no_answer": (
        "question {question} : une réponse et une raison de ne pas répondre ({value}) / "
        "question {question}: an answer and a reason for not answering ({value})",
        "gardez l'une des deux / keep one of them",
    ),
    "not_a_number": (
        "« {value} » n'est pas un nombre (question {question}) / {value!r} is not a number "
        "(question {question})",
        "écrivez un nombre, par exemple 12,5 / type a number, e.g. 12.5",
    ),
    "unreadable_date": (
        "date illisible « {value} » / unreadable date {value!r}",
        "écrivez la date jj/mm/aaaa / type the date as dd/mm/yyyy",
    ),
    "not_yes_no": (
        "« {value} » n'est ni oui ni non / {value!r} is neither yes nor no",
        "choisissez Oui ou Non / choose Yes or No",
    ),
    "formula_in_cell": (
        "la cellule contient une formule « {value} », jamais calculée à l'import / the cell holds "
        "a formula {value!r}, never computed on import",
        "tapez le texte précédé d'une apostrophe ' / type the text after an apostrophe '",
    ),
    "unplaced_cell": (
        "« {value} » est hors des cellules à remplir / {value!r} is outside the cells to fill in",
        "déplacez-le dans la colonne Commentaire de la question / move it to the question's "
        "Comment column",
    ),
}


def _shown(value: str) -> str:
    return value if len(value) <= 80 else value[:79] + "…"


def reject(
    code: str,
    source: SourceRef,
    value: str,
    *,
    question: str = "",
    expected: str = "",
    suggestion: str | None = None,
) -> Rejected:
    message, hint = REASONS[code]
    filled = message.format(value=_shown(value), question=question, expected=expected)
    if suggestion is not None:
        hint = f"{hint} — « {suggestion} » ?"
    return Rejected(
        source=source, value=value, code=code, message=filled, hint=hint, suggestion=suggestion
    )
