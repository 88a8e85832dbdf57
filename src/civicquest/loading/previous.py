"""Earlier versions of a project's questionnaire, kept in ``previous_versions/<version>.yaml``.

A list that answered an older compatible version is shown with the wording it answered; the
project keeps that wording by keeping the older questionnaire (a whole file, or one that
``extends`` another) under the name of its version.
"""

from __future__ import annotations

from pathlib import Path

from ..models.questionnaire import Questionnaire
from ..validation.checks import check_questionnaire
from ..validation.issues import Issue, located
from ..validation.versions import parse_version
from .extends import load_questionnaire_file
from .file_kinds import kind_of

__all__ = ["FOLDER", "load_previous_versions"]

FOLDER = "previous_versions"
_SUFFIXES = (".yaml", ".yml", ".json")


def load_previous_versions(
    folder: Path, current: Questionnaire | None, issues: list[Issue]
) -> tuple[Questionnaire, ...]:
    """The versions kept in ``folder/previous_versions``, oldest first (each one checked)."""
    directory = folder / FOLDER
    if kind_of(directory).kind != "folder":
        return ()
    kept: list[Questionnaire] = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in _SUFFIXES or path.name.startswith("."):
            continue
        loaded = load_questionnaire_file(path, issues)
        if loaded is None:
            continue
        questionnaire, doc = loaded
        issues.extend(check_questionnaire(questionnaire, doc))
        expected_id = current.id if current is not None else questionnaire.id
        if (questionnaire.id, questionnaire.version) != (expected_id, path.stem):
            issues.append(
                located(  # about the file's name: the version may come from a base
                    "previous_version_mismatch",
                    None,
                    file=path,
                    expected_version=path.stem,
                    expected_id=expected_id,
                    found_version=questionnaire.version,
                    found_id=questionnaire.id,
                )
            )
            continue
        kept.append(questionnaire)
    return tuple(sorted(kept, key=lambda q: parse_version(q.version)))
