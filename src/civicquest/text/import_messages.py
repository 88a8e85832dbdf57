"""The French and English texts of what ``civicquest import`` could not place.

Same shape as :data:`civicquest.text.messages.CATALOG`, which includes them.
"""

from __future__ import annotations

from .display import printable

__all__ = ["IMPORT_MESSAGES", "plan_line"]

IMPORT_MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "import_unknown_list": {
        "fr": (
            "liste inconnue « {respondent} » dans le fichier importé{suggested}",
            "Corrigez le nom ou l'id de la liste dans le fichier, ou ajoutez la liste à "
            "respondents.yaml, puis importez à nouveau.",
        ),
        "en": (
            "unknown list '{respondent}' in the imported file{suggested}",
            "Fix the list's name or id in the file, or add the list to respondents.yaml, then "
            "import again.",
        ),
    },
    "import_conflict": {
        "fr": (
            "« {field} » : la valeur importée diffère de celle déjà enregistrée ({existing})",
            "Rien n'est remplacé : vérifiez, puis relancez avec --replace pour garder la "
            "valeur importée.",
        ),
        "en": (
            "'{field}': the imported value differs from the one already recorded ({existing})",
            "Nothing is replaced: check, then run again with --replace to keep the imported value.",
        ),
    },
    "import_list_not_placed": {
        "fr": (
            "valeur non placée : la réponse de la liste « {respondent} » est refusée ({reason})",
            "Corrigez d'abord le problème de la liste (voir les autres lignes), puis importez "
            "à nouveau.",
        ),
        "en": (
            "value not placed: the response of the list '{respondent}' is refused ({reason})",
            "Fix the list's problem first (see the other rows), then import again.",
        ),
    },
    "import_duplicate_list": {
        "fr": (
            "la liste « {respondent} » répond deux fois dans le fichier (d'abord : {first})",
            "Gardez une seule réponse par liste dans le fichier importé.",
        ),
        "en": (
            "the list '{respondent}' answers twice in the file (first: {first})",
            "Keep one response per list in the imported file.",
        ),
    },
}


def plan_line(
    lang: str,
    *,
    respondent: str | None = None,
    new: int = 0,
    changed: int = 0,
    unchanged: int = 0,
    conflicts: int = 0,
    fields: int = 0,
    dry_run: bool = False,
) -> str:
    """One line of the import's plan for a list (or, without a list, that there is none)."""
    would = " (essai : rien n'est écrit)" if lang == "fr" else " (dry run: nothing written)"
    suffix = would if dry_run else ""
    if respondent is None:
        none = "aucune réponse dans le fichier" if lang == "fr" else "no response in the file"
        return none + suffix
    if lang == "fr":
        counts = (
            f"{new} nouvelle(s), {changed} remplacée(s), {unchanged} inchangée(s), "
            f"{conflicts} en conflit, {fields} champ(s) d'en-tête"
        )
    else:
        counts = (
            f"{new} new, {changed} replaced, {unchanged} unchanged, {conflicts} in conflict, "
            f"{fields} header field(s)"
        )
    return f"{printable(respondent)}: {counts}{suffix}"
