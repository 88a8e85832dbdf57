"""The English words (msgids) of ``civicquest diff``; French is in the .po."""

from __future__ import annotations

from .catalog import N_

__all__ = ["BUMP_WORDS", "CHANGE_WORDS", "DIFF_TEXTS"]

CHANGE_WORDS: dict[str, str] = {
    "questionnaire_id": N_("diff-change", "another questionnaire id"),
    "questionnaire_reworded": N_("diff-change", "questionnaire reworded"),
    "questionnaire_changed": N_("diff-change", "questionnaire changed"),
    "language_added": N_("diff-change", "language added"),
    "language_removed": N_("diff-change", "language removed"),
    "theme_added": N_("diff-change", "theme added"),
    "theme_removed": N_("diff-change", "theme removed"),
    "theme_reworded": N_("diff-change", "theme reworded"),
    "theme_changed": N_("diff-change", "theme changed"),
    "scale_added": N_("diff-change", "scale added"),
    "scale_removed": N_("diff-change", "scale removed"),
    "scale_reworded": N_("diff-change", "scale reworded"),
    "scale_reordered": N_("diff-change", "options reordered"),
    "option_added": N_("diff-change", "option added"),
    "option_removed": N_("diff-change", "option removed"),
    "option_reworded": N_("diff-change", "option reworded"),
    "option_rescored": N_("diff-change", "option re-scored"),
    "option_changed": N_("diff-change", "option changed"),
    "question_added": N_("diff-change", "question added"),
    "question_removed": N_("diff-change", "question removed"),
    "question_reworded": N_("diff-change", "question reworded"),
    "question_changed": N_("diff-change", "question changed"),
}
BUMP_WORDS: dict[str, str] = {
    "major": N_("diff-bump", "major"),
    "minor": N_("diff-bump", "minor"),
    "patch": N_("diff-bump", "patch"),
    "none": N_("diff-bump", "none"),
    "downgrade": N_("diff-bump", "lower version"),
}
DIFF_TEXTS: dict[str, str] = {
    "header": N_("diff", "change | id | detail | version"),
    "same": N_("diff", "No change between {old} and {new}."),
    "implied": N_(
        "diff",
        "{count} change(s): they need a {implied} version bump; the versions declare {declared}.",
    ),
    "too_small": N_(
        "diff",
        "Warning: the declared bump ({old} → {new}) is smaller than the changes need: "
        "give the new questionnaire a {implied} version.",
    ),
}
