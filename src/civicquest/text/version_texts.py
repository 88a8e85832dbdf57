"""Issue texts of questionnaires that extend another, and of the versions a project keeps.

English msgids, French in the .po (``make messages``); merged into the catalogue by
:mod:`.messages`.
"""

from __future__ import annotations

from .catalog import N_

__all__ = ["EXTENDS_NOUNS", "VERSION_TEXTS"]

VERSION_TEXTS: dict[str, tuple[str, str]] = {
    "extends_version_mismatch": (
        N_(
            "issue:extends_version_mismatch",
            "this file extends version {pinned} of {base}, but the base says {found}",
        ),
        N_(
            "hint:extends_version_mismatch",
            "Check what changed in the base (civicquest diff), adapt your changes, then write "
            'version: "{found}" under extends.',
        ),
    ),
    "extends_base_missing": (
        N_("issue:extends_base_missing", "the questionnaire extended, {base}, is not there"),
        N_(
            "hint:extends_base_missing",
            "Give a questionnaire file or a project folder relative to this file, or a shipped "
            "example such as example:aix2026.",
        ),
    ),
    "extends_cycle": (
        N_("issue:extends_cycle", "questionnaires that extend each other in a loop: {chain}"),
        N_("hint:extends_cycle", "One of them must be a whole questionnaire, extending nothing."),
    ),
    "extends_too_deep": (
        N_(
            "issue:extends_too_deep",
            "too long a chain of questionnaires extending one another (at most {limit})",
        ),
        N_(
            "hint:extends_too_deep",
            "Write one of the questionnaires of the chain in full (civicquest export -f yaml "
            "writes the resolved questionnaire) and extend that one.",
        ),
    ),
    "extends_unknown_id": (
        N_("issue:extends_unknown_id", "{noun} '{id}' is not in the base {base}"),
        N_(
            "hint:extends_unknown_id",
            "Use the id of a {noun} of the base (check its spelling); an entry that adds a new "
            "{noun} gives all of: {needed}.",
        ),
    ),
    "extends_two_places": (
        N_("issue:extends_two_places", "both 'before' and 'after' for one entry"),
        N_("hint:extends_two_places", "Keep one of them."),
    ),
    "older_version_not_kept": (
        N_(
            "issue:older_version_not_kept",
            "response to version {found}, which the project does not keep: it is shown with the "
            "wording of version {expected}",
        ),
        N_(
            "hint:older_version_not_kept",
            "To show the wording this list answered, keep that version of the questionnaire as "
            "previous_versions/{found}.yaml in the project folder.",
        ),
    ),
    "previous_version_mismatch": (
        N_(
            "issue:previous_version_mismatch",
            "this file should keep version {expected_version} of '{expected_id}', but holds "
            "version {found_version} of '{found_id}'",
        ),
        N_(
            "hint:previous_version_mismatch",
            "Name each file in previous_versions/ after the version it holds, and keep only "
            "earlier versions of this project's questionnaire there.",
        ),
    ),
}

# What {noun} names in extends_unknown_id.
EXTENDS_NOUNS: dict[str, str] = {
    "question": N_("extends-noun", "question"),
    "theme": N_("extends-noun", "theme"),
    "scale": N_("extends-noun", "scale"),
    "organiser": N_("extends-noun", "organiser"),
    "option": N_("extends-noun", "option"),
}
