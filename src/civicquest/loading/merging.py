"""How an extending questionnaire's changes merge into its base, each value keeping its origin.

The rules (docs/evolving.md):

- a mapping merges key by key into the base's (a text given per language changes only the
  languages given); a ``null`` value removes the key, which then takes its default;
- the lists of ``organisers``, ``themes``, ``scales``, ``questions`` and a scale's ``options``
  merge by id (``code`` for options): an entry with a base's id changes that entry, an entry
  with a new id is added at the end, or ``before``/``after`` another id (which also moves an
  entry of the base); an entry with an unknown id that lacks what a new one needs is a mistake
  (a typo in an id), not an addition;
- any other value (a text, a number, another list) replaces the base's.

Values are carried as :class:`Node` objects that remember the document and the path they were
read from, so that the merged questionnaire can be located back in the files that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models.extends import Removals
from ..validation.issues import Issue, format_doc_path, located
from ..validation.locations import DocPath, Document

__all__ = ["KEYED", "Keyed", "Merger", "Node", "unwrap", "wrap"]


@dataclass
class Node:
    """A value read from ``doc`` at ``at``; mappings and lists hold nodes."""

    value: Any
    doc: Document
    at: DocPath


@dataclass(frozen=True)
class Keyed:
    """A list merged by ``key``: what one entry is called, and what adding one needs."""

    noun: str
    key: str
    needed: tuple[str, ...]
    children: dict[str, Keyed] = field(default_factory=dict)


KEYED: dict[str, Keyed] = {
    "organisers": Keyed("organiser", "id", ("name",)),
    "themes": Keyed("theme", "id", ("title",)),
    "scales": Keyed("scale", "id", ("options",), {"options": Keyed("option", "code", ("label",))}),
    "questions": Keyed("question", "id", ("kind", "theme", "text")),
}
_PLACES = ("before", "after")


def wrap(data: Any, doc: Document, at: DocPath) -> Node:
    """``data`` (read from ``doc`` at ``at``) as nodes."""
    if isinstance(data, dict):
        return Node({k: wrap(v, doc, (*at, k)) for k, v in data.items()}, doc, at)
    if isinstance(data, list):
        return Node([wrap(v, doc, (*at, i)) for i, v in enumerate(data)], doc, at)
    return Node(data, doc, at)


def unwrap(node: Node, path: DocPath, sources: dict[DocPath, tuple[Document, DocPath]]) -> Any:
    """Plain data again; ``sources`` gets where each value at ``path`` and below came from."""
    sources[path] = (node.doc, node.at)
    if isinstance(node.value, dict):
        return {k: unwrap(v, (*path, k), sources) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [unwrap(v, (*path, i), sources) for i, v in enumerate(node.value)]
    return node.value


def _ident(node: Node, key: str) -> str | None:
    if isinstance(node.value, dict):
        found = node.value.get(key)
        if found is not None and isinstance(found.value, str):
            return found.value
    return None


def _index(items: list[Node], key: str, ident: str) -> int | None:
    return next((i for i, item in enumerate(items) if _ident(item, key) == ident), None)


class Merger:
    """Merges one extending file's changes into its base; ``issues`` are the mistakes found."""

    def __init__(self, document: Document, base_name: str) -> None:
        self.document = document
        self.base_name = base_name
        self.issues: list[Issue] = []

    def remove(self, root: Node, removals: Removals) -> list[Issue]:
        """Leave out of ``root`` what ``removals`` names (each id must be in the base)."""
        issues: list[Issue] = []
        for name in ("questions", "themes", "scales", "organisers"):
            items = self._list(root, name)
            for n, ident in enumerate(getattr(removals, name)):
                issues += self._remove_one(items, KEYED[name], ident, ("remove", name, n))
        scales = self._list(root, "scales")
        option = KEYED["scales"].children["options"]
        for scale_id, codes in removals.options.items():
            found = _index(scales, "id", scale_id)
            if found is None:
                at: DocPath = ("remove", "options", scale_id)
                issues.append(self._unknown(KEYED["scales"], scale_id, at, at_key=True))
                continue
            options = self._list(scales[found], "options")
            for n, code in enumerate(codes):
                at = ("remove", "options", scale_id, n)
                issues += self._remove_one(options, option, code, at)
        return issues

    def merge(self, base: Node, change: Node, keyed: dict[str, Keyed] = KEYED) -> Node:
        """``change`` merged into ``base`` (mappings key by key, ``keyed`` lists by id)."""
        if not (isinstance(base.value, dict) and isinstance(change.value, dict)):
            return change
        merged = dict(base.value)
        for key, value in change.value.items():
            if value.value is None:
                merged.pop(key, None)
            elif key in keyed and isinstance(value.value, list):
                before = merged.get(key) or Node([], value.doc, value.at)
                merged[key] = self._merge_list(before, value, keyed[key])
            elif key in merged:
                merged[key] = self.merge(merged[key], value, {})
            else:
                merged[key] = value
        return Node(merged, base.doc, base.at)

    def _merge_list(self, base: Node, changes: Node, keyed: Keyed) -> Node:
        if not isinstance(base.value, list):
            return changes  # the base is broken there: validation says so
        items = list(base.value)
        seen: dict[str, DocPath] = {}
        for entry in changes.value:
            ident = _ident(entry, keyed.key)
            if ident is None:
                items.append(entry)  # no id: validation reports what is missing
                continue
            if ident in seen:
                first = format_doc_path(seen[ident])
                where = (*entry.at, keyed.key)
                issue = located("duplicate_id", entry.doc, where, kind=keyed.noun, id=ident,
                                first=first)  # fmt: skip
                self.issues.append(issue)
                continue
            seen[ident] = entry.at
            self._merge_entry(items, entry, ident, keyed)
        return Node(items, base.doc, base.at)

    def _merge_entry(self, items: list[Node], entry: Node, ident: str, keyed: Keyed) -> None:
        places = {k: v for k, v in entry.value.items() if k in _PLACES}
        change = Node({k: v for k, v in entry.value.items() if k not in _PLACES}, entry.doc,
                      entry.at)  # fmt: skip
        found = _index(items, keyed.key, ident)
        if found is not None:
            items[found] = self.merge(items[found], change, keyed.children)
        elif any(name not in change.value for name in keyed.needed):
            self.issues.append(self._unknown(keyed, ident, (*entry.at, keyed.key)))
            return
        else:
            items.append(self.merge(Node({}, entry.doc, entry.at), change, keyed.children))
            found = len(items) - 1
        if places:
            self._place(items, found, places, keyed)

    def _place(self, items: list[Node], index: int, places: dict[str, Node], keyed: Keyed) -> None:
        if len(places) > 1:
            node = places["after"]
            self.issues.append(located("extends_two_places", node.doc, node.at, at_key=True))
            return
        ((where, node),) = places.items()
        target = node.value if isinstance(node.value, str) else None
        moved = items.pop(index)
        found = _index(items, keyed.key, target) if target is not None else None
        if found is None:
            items.insert(index, moved)
            if target != _ident(moved, keyed.key):
                self.issues.append(self._unknown(keyed, str(node.value), node.at))
            return
        items.insert(found if where == "before" else found + 1, moved)

    def _remove_one(self, items: list[Node], keyed: Keyed, ident: str, at: DocPath) -> list[Issue]:
        found = _index(items, keyed.key, ident)
        if found is None:
            return [self._unknown(keyed, ident, at)]
        del items[found]
        return []

    def _unknown(self, keyed: Keyed, ident: str, at: DocPath, *, at_key: bool = False) -> Issue:
        return located(
            "extends_unknown_id",
            self.document,
            at,
            at_key=at_key,
            noun=keyed.noun,
            id=ident,
            base=self.base_name,
            needed=", ".join(keyed.needed),
        )

    @staticmethod
    def _list(node: Node, key: str) -> list[Node]:
        """The list under ``key`` (an empty one, not kept, when there is none)."""
        if isinstance(node.value, dict):
            found = node.value.get(key)
            if found is not None and isinstance(found.value, list):
                items: list[Node] = found.value
                return items
        return []
