"""The worked examples shipped with civicquest."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError

__all__ = ["EXAMPLES", "example_path"]

EXAMPLES = ("aix2026", "metropole2026")


def example_path(name: str = "aix2026") -> Path:
    """The folder of a shipped example, from an installed wheel or a source checkout."""
    if name not in EXAMPLES:
        raise UsageError(f"unknown example {name!r}; available: {', '.join(EXAMPLES)}")
    packaged = Path(__file__).parents[1] / "examples" / name
    if packaged.is_dir():
        return packaged
    # Editable installs and source checkouts: the folder sits at the repository's root.
    in_checkout = Path(__file__).resolve().parents[3] / "examples" / name
    if in_checkout.is_dir():
        return in_checkout
    raise UsageError(f"the example {name!r} is missing from this installation")
