"""Files that are probably a project file under a wrong name: ``respondent.yaml``,
``Scoring.yml``, ``questionnaire.yaml.txt``, a ``réponses/`` folder.

Such a file is not read; without this check its absence would only show through its
consequences (every response "from an unknown list").
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

__all__ = ["PROJECT_NAMES", "near_miss"]

#: Every name civicquest reads in a project folder.
PROJECT_NAMES = frozenset(
    f"{stem}{suffix}"
    for stem in ("questionnaire", "respondents", "scoring")
    for suffix in (".yaml", ".yml", ".json")
) | {"responses"}
_CUTOFF = 0.8


def near_miss(stem: str, names: Iterable[str]) -> str | None:
    """The first of ``names`` that looks like ``stem`` (plus any extension) but is not read."""
    for name in names:
        if name in PROJECT_NAMES:
            continue
        written = _plain(name).split(".")[0]
        if written == stem or difflib.SequenceMatcher(None, written, stem).ratio() >= _CUTOFF:
            return name
    return None


def _plain(name: str) -> str:
    """Lower case, without accents: ``Réponses.YAML`` -> ``reponses.yaml``."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
