"""Sort names as a dictionary does: the Unicode Collation Algorithm (pyuca, DUCET).

``sorted(names)`` puts "Échirolles" after "Voix" and "Œuvre" after "Zèbre" (code points);
the collation puts them among the E and the O. French and English use CLDR's root collation
unchanged, which is DUCET; a language with its own tailoring would need ICU. The table is
loaded on first use (about 0.7 s), so only commands that sort names pay for it.

Sorting is not rendering: scoring and matching may use this module (pyproject's contracts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from functools import cache
from typing import Any, TypeVar

__all__ = ["collation_key", "sorted_by_name"]

T = TypeVar("T")


@cache
def _collator() -> Any:
    from pyuca import Collator  # type: ignore[import-untyped]  # no stubs

    return Collator()


def collation_key(name: str) -> tuple[tuple[int, ...], str]:
    """A sort key: the collation's, then the text itself so that no two names tie."""
    return tuple(_collator().sort_key(name)), name


def sorted_by_name(
    items: Sequence[T],
    name: Callable[[T], str],
    first: Callable[[T], Hashable] = lambda _: 0,
    last: Callable[[T], str] = lambda _: "",
) -> list[T]:
    """``items`` by ``first`` (a score, a rank), then the collation of ``name``, then ``last``.

    The collation table is loaded, and a name's collation key computed, only for items that
    tie on ``first``.
    """
    firsts = [first(item) for item in items]
    if len(set(firsts)) == len(firsts):
        return [item for _, item in sorted(zip(firsts, items, strict=True), key=_first)]
    tied = {key for key, n in Counter(firsts).items() if n > 1}
    untied: tuple[tuple[int, ...], str] = ((), "")

    def key(pair: tuple[Hashable, T]) -> tuple[Any, ...]:
        value, item = pair
        collated = collation_key(name(item)) if value in tied else untied
        return (value, collated, last(item))

    return [item for _, item in sorted(zip(firsts, items, strict=True), key=key)]


def _first(pair: tuple[Any, Any]) -> Any:
    return pair[0]
