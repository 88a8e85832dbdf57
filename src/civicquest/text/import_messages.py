"""The words of ``civicquest import``'s plan (its issue texts are in :mod:`.issue_texts`)."""

from __future__ import annotations

from .catalog import N_, pgettext
from .display import printable

__all__ = ["plan_line"]

_DRY_RUN = N_("import", " (dry run: nothing written)")
_NOTHING = N_("import", "no response in the file")
_COUNTS = N_(
    "import",
    "{new} new, {changed} replaced, {unchanged} unchanged, {conflicts} in conflict, "
    "{fields} header field(s)",
)


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
    suffix = pgettext("import", _DRY_RUN, lang) if dry_run else ""
    if respondent is None:
        return pgettext("import", _NOTHING, lang) + suffix
    counts = pgettext("import", _COUNTS, lang).format(
        new=new, changed=changed, unchanged=unchanged, conflicts=conflicts, fields=fields
    )
    return f"{printable(respondent)}: {counts}{suffix}"
