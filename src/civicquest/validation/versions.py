"""Semantic versions of a questionnaire: what a change of version promises to the lists.

- **major**: an older response may no longer fit (a question removed, an option removed,
  a scale reordered, a question's kind or constraints changed);
- **minor**: something new to answer (a question, an option, a theme, a language), or a score;
- **patch**: wording and metadata only.

A response to an older version of the same major version is accepted.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["BUMPS", "Bump", "compatible", "declared_bump", "parse_version"]

Bump = Literal["major", "minor", "patch"]
#: From the smallest to the largest.
BUMPS: tuple[Bump, ...] = ("patch", "minor", "major")
_CORE = re.compile(r"^(\d+)\.(\d+)\.(\d+)")


def parse_version(version: str) -> tuple[int, int, int]:
    """``"1.2.3-rc.1"`` -> ``(1, 2, 3)`` (pre-release and build tags are not compared)."""
    found = _CORE.match(version)
    if found is None:
        raise ValueError(f"not a semantic version: {version!r}")
    major, minor, patch = found.groups()
    return int(major), int(minor), int(patch)


def compatible(answered: str, current: str) -> bool:
    """A response to ``answered`` can be read against ``current``: same major, not newer."""
    old, new = parse_version(answered), parse_version(current)
    return old[0] == new[0] and old <= new


def declared_bump(old: str, new: str) -> Bump | Literal["none", "downgrade"]:
    """The bump ``old`` -> ``new`` declares: the first of major, minor, patch that grew."""
    before, after = parse_version(old), parse_version(new)
    if after < before:
        return "downgrade"
    for bump, was, now in zip(("major", "minor", "patch"), before, after, strict=True):
        if now > was:
            return bump  # type: ignore[return-value]
    return "none"
