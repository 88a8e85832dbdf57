"""Read YAML and JSON documents, keeping the line and column of every node for error messages.

Positions are 1-based, and columns count characters. JSON is parsed with the fast standard
parser; its positions are only computed when an error needs them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jiter
import yaml

from ..validation.locations import DocPath, Position
from .file_kinds import PathKind, kind_of, kind_of_mode
from .yaml_hints import indentation_mistake, yaml_problem_words

__all__ = ["DocPath", "Position", "SourceDocument", "SourceError", "read_document"]

MAX_FILE_BYTES = 10 * 1024 * 1024
#: The lists of a questionnaire sent in every commune of France (35,000 communes x 6 lists) and
#: such a questionnaire itself are larger than any other project file.
MAX_LISTING_BYTES = 128 * 1024 * 1024
MAX_NODES = 250_000
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
_BOM = "\ufeff".encode()

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class SourceError(Exception):
    """A document that cannot be read at all; ``code`` names an issue code."""

    code: str
    position: Position | None = None
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class PositionIndex:
    values: dict[DocPath, Position] = field(default_factory=dict)
    keys: dict[DocPath, Position] = field(default_factory=dict)


@dataclass
class SourceDocument:
    """A parsed file: its data, and where each value sits in the text."""

    path: Path
    data: Any
    raw: bytes
    _index: PositionIndex | None = None
    _text: str | None = None

    @property
    def text(self) -> str:
        """The decoded text (decoded on first use: bulk JSON loads never need it)."""
        if self._text is None:
            self._text = self.raw.decode("utf-8-sig", errors="replace")
        return self._text

    def position(self, doc_path: DocPath, *, key: bool = False) -> Position | None:
        """Where ``doc_path`` sits (its key if ``key``), else its nearest located ancestor."""
        index = self._positions()
        for end in range(len(doc_path), -1, -1):
            prefix = doc_path[:end]
            table = index.keys if key and end == len(doc_path) else index.values
            if prefix in table:
                return table[prefix]
        return Position(1, 1)  # nothing located: the file is empty, point at its start

    def _positions(self) -> PositionIndex:
        if self._index is None:
            try:
                _, self._index = _compose_yaml(self.text)
            except SourceError:
                self._index = PositionIndex()
        return self._index


def read_document(
    path: Path, *, streams: bool = False, max_bytes: int = MAX_FILE_BYTES
) -> SourceDocument:
    """Read a YAML or JSON file. Raises :class:`SourceError` when it cannot be parsed.

    Only a regular file is opened, unless ``streams`` allows a pipe or a device that the user
    named on purpose (``--answers <(…)``); project files never do.
    """
    raw = _read_bytes(path, streams=streams, max_bytes=max_bytes)
    if path.suffix.lower() in YAML_SUFFIXES:
        text = _decode(raw)
        data, index = _compose_yaml(text)
        return SourceDocument(path, data, raw, index, text)
    try:
        return SourceDocument(path, _parse_json(raw[3:] if raw.startswith(_BOM) else raw), raw)
    except SourceError:
        _decode(raw)  # a file that is not text at all is reported as such
        raise


def _read_bytes(path: Path, *, streams: bool, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    if not streams:
        found = kind_of(path)
        if found.kind != "file":
            raise _kind_error(path, found)
    # O_NONBLOCK: should the file become a FIFO after the check above, opening it won't block.
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
    if not streams:
        flags |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        with os.fdopen(os.open(path, flags), "rb") as stream:
            mode = os.fstat(stream.fileno()).st_mode
            if not streams and kind_of_mode(mode) != "file":
                raise _kind_error(path, PathKind(kind_of_mode(mode)))
            raw = stream.read(max_bytes + 1)
    except OSError as error:
        raise _kind_error(path, PathKind("unreadable", error.strerror or str(error))) from None
    if len(raw) > max_bytes:
        # Say only what was read: a device, a pipe or a /proc file has no meaningful size.
        raise SourceError("file_too_large", params={"limit_mb": max_bytes // 2**20})
    return raw


def _kind_error(path: Path, found: PathKind) -> SourceError:
    """The error for a path that is not a readable regular file."""
    if found.kind == "absent":
        return SourceError("file_missing", params={"expected": str(path)})
    if found.kind in ("broken_link", "link_loop"):
        return SourceError(found.kind, params={"target": found.target})
    if found.kind == "unreadable":
        return SourceError("file_unreadable", params={"reason": found.reason})
    return SourceError("not_a_file", params={"kind": found.kind})


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError("not_utf8", _offset_position(raw, error.start)) from None
    if "\x00" in text:
        raise SourceError("not_utf8", _offset_position(raw, raw.index(b"\x00")))
    return text


def _offset_position(raw: bytes, offset: int) -> Position:
    """The 1-based line and column (in characters, as YAML counts) of byte ``offset``."""
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return Position(before.count(b"\n") + 1, column)


def _jiter_position(raw: bytes, message: str) -> Position | None:
    """Where jiter's error is, from its 1-based line and byte column.

    jiter counts bytes, and at the end of the input gives the column of the last character read
    (0 on an empty line): the missing value is really just after the end of the file.
    """
    match = _JITER_POSITION.search(message)
    if match is None:
        return None
    if message.startswith("EOF"):
        return _offset_position(raw, len(raw))
    line, column = int(match["line"]), int(match["column"])
    rest_of_file = raw.split(b"\n", line - 1)
    if len(rest_of_file) < line:
        return None
    line_start = len(raw) - len(rest_of_file[-1])
    return _offset_position(raw, line_start + max(column, 1) - 1)


def _parse_json(raw: bytes) -> Any:
    """Parse JSON with jiter: fast, and it reports duplicate keys (stdlib json keeps the last)."""
    try:
        return jiter.from_json(raw, catch_duplicate_keys=True, allow_inf_nan=False)
    except ValueError as error:
        message = str(error)
        position = _jiter_position(raw, message)
        duplicate = _JITER_DUPLICATE.match(message)
        if duplicate:
            raise SourceError("duplicate_key", position, {"key": duplicate["key"]}) from None
        problem = _JITER_POSITION.sub("", message)
        raise SourceError("syntax_error", position, {"problem": problem}) from None
    except RecursionError:
        raise SourceError("too_deep") from None


_JITER_POSITION = re.compile(r" at line (?P<line>\d+) column (?P<column>\d+)$")
_JITER_DUPLICATE = re.compile(r'^Detected duplicate key "(?P<key>.*)" at line')


def _compose_yaml(text: str) -> tuple[Any, PositionIndex]:
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(text, error) from None
    except yaml.reader.ReaderError as error:  # a character YAML forbids: says where, not how
        position = _text_position(text, error.position)
        raise SourceError(
            "syntax_error", position, {"problem": yaml_problem_words(error.reason)}
        ) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise SourceError("syntax_error", None, {"problem": str(error)}) from None
    if len(nodes) > 1:
        second = nodes[1]
        raise SourceError("several_documents", _mark(second))
    if not nodes or nodes[0] is None:
        return None, PositionIndex()
    builder = _YamlBuilder()
    try:
        if "*" in text:  # aliases: refuse a "billion laughs" before expanding it
            _refuse_alias_bombs(nodes[0])
        data = builder.build(nodes[0], ())
    except RecursionError:
        raise SourceError("too_deep") from None
    return data, builder.index


def _syntax_error(text: str, error: yaml.MarkedYAMLError) -> SourceError:
    """The parser's error in our words: a tab, a wrongly indented line, or what went wrong."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or ""
    if mark is None:
        return SourceError("syntax_error", None, {"problem": yaml_problem_words(problem)})
    position = Position(mark.line + 1, mark.column + 1)
    if text[mark.index : mark.index + 1] == "\t":
        return SourceError("tab_character", position)
    mistake = indentation_mistake(text, problem, mark.line)
    if mistake is not None:
        params = {"found": mistake.found, "expected": mistake.expected, "line": mistake.other_line}
        return SourceError("bad_indentation", mistake.position, params)
    return SourceError("syntax_error", position, {"problem": yaml_problem_words(problem)})


def _text_position(text: str, offset: int) -> Position:
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _mark(node: yaml.Node | None) -> Position | None:
    if node is None:
        return None
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _refuse_alias_bombs(root: yaml.Node) -> None:
    """Count the nodes the document expands to before building it, aliases included.

    Each distinct node is counted once (an alias is the node it names), so a "billion laughs"
    document is refused at once, at the innermost node that alone is too big.
    """
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        known = sizes.get(id(node))
        if known is None:
            known = 1 + sum(size(child) for child in _children(node))
            sizes[id(node)] = known
        return known

    if size(root) <= MAX_NODES:
        return
    node = root
    while True:
        bigger = next((c for c in _children(node) if sizes[id(c)] > MAX_NODES), None)
        if bigger is None:
            raise SourceError("too_many_nodes", _mark(node), {"limit": MAX_NODES})
        node = bigger


def _children(node: yaml.Node) -> list[yaml.Node]:
    """The values under a node, as the builder visits them (mapping keys are not counted)."""
    if isinstance(node, yaml.MappingNode):
        return [value for _, value in node.value]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


class _YamlBuilder:
    """Turns composed YAML nodes into plain data, recording positions, bounding alias expansion."""

    def __init__(self) -> None:
        self.index = PositionIndex()
        self._constructor = yaml.constructor.SafeConstructor()
        self._count = 0

    def build(self, node: yaml.Node, path: DocPath) -> Any:
        self._count += 1
        if self._count > MAX_NODES:
            raise SourceError("too_many_nodes", _mark(node), {"limit": MAX_NODES})
        self.index.values[path] = _mark(node)  # type: ignore[assignment]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: DocPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in self._pairs(node):
            key = self._key(key_node)
            if key in result:
                raise SourceError("duplicate_key", _mark(key_node), {"key": key})
            self.index.keys[(*path, key)] = _mark(key_node)  # type: ignore[assignment]
            result[key] = self.build(value_node, (*path, key))
        return result

    def _pairs(self, node: yaml.MappingNode) -> Iterator[tuple[yaml.Node, yaml.Node]]:
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise SourceError("merge_key_unsupported", _mark(key_node))
            yield key_node, value_node

    def _key(self, node: yaml.Node) -> str:
        # Keys are ids and field names: keep the text as written (``no:`` means "no", not False).
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        raise SourceError("complex_key", _mark(node))

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            raise SourceError(
                "syntax_error", _mark(node), {"problem": error.problem or ""}
            ) from None
        except ValueError as error:
            raise SourceError("syntax_error", _mark(node), {"problem": str(error)}) from None
