"""Turn the YAML parser's errors into what a volunteer needs: which line is wrong, and why.

PyYAML reports where it got lost, which for an indentation mistake is often the line after
the wrong one, in words such as "mapping values are not allowed here". Comparing the
indentation of the reported line with the lines above finds the line that is really wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.yaml_texts import YAML_PROBLEMS
from ..validation.locations import Position

__all__ = ["IndentationMistake", "indentation_mistake", "yaml_problem_words"]

#: Parser problems that an indentation mistake produces (a prefix of PyYAML's text).
_INDENTATION_SYMPTOMS = (
    "mapping values are not allowed",
    "expected <block end>",
    "expected '<document start>'",
    "did not find expected key",
    "did not find expected '-' indicator",
)
_KEY_LINE = re.compile(r"^(?:- +)*(?:\"[^\"]*\"|'[^']*'|[^\s#'\"{\[][^:#]*?)\s*:(?:\s|$)")
_OPENS_BLOCK = re.compile(r":\s*(?:[|>][-+0-9]*)?\s*(?:#.*)?$|^-\s*$")


@dataclass(frozen=True)
class IndentationMistake:
    """The wrong line, its indentation, and the line of the same block it should match."""

    position: Position
    found: int  # the column where the wrong line starts
    expected: int  # the column of the line it should be aligned with
    other_line: int


def yaml_problem_words(problem: str) -> str:
    """Our English words (a catalogue msgid) for a parser problem, or the parser's own text."""
    for prefix, words in YAML_PROBLEMS.items():
        if problem.startswith(prefix):
            return words
    return problem


def indentation_mistake(text: str, problem: str, line: int) -> IndentationMistake | None:
    """The line that is wrongly indented, when ``problem`` at 0-based ``line`` comes from one.

    Three shapes are recognised: a key indented more than the key above, which already has a
    value (reported on that line or the next one); the first key of a block indented more than
    the keys after it; and a key not aligned with the key above it.
    """
    if not problem.startswith(_INDENTATION_SYMPTOMS):
        return None
    lines = text.split("\n")
    if not 0 <= line < len(lines) or not _is_key_line(lines[line]):
        return None
    above = _previous_content(lines, line)
    if above is None:
        return None
    if lines[line].strip().startswith("- "):
        return _list_item_mistake(lines, line)
    here, previous = _indent(lines[line]), _key_column(lines[above])
    if here == previous or _opens_block(lines[above]):
        return None  # aligned, or a block starts above: any deeper indentation is fine there
    if here < previous and _first_of_block(lines, above, here) and _agrees(lines, line, previous):
        # the line above opens its block too far right: the lines after it agree with this one
        return _mistake(lines, above, previous, here, line)
    return _mistake(lines, line, here, previous, above)


def _list_item_mistake(lines: list[str], line: int) -> IndentationMistake | None:
    """A ``- `` item compared with the item of its list before it: a less indented one if the
    item went too far right, else the nearest item of a list still open above it."""
    here = _indent(lines[line])
    items = [i for i in range(line - 1, -1, -1) if lines[i].lstrip(" ").startswith("- ")]
    before = next((i for i in items if _indent(lines[i]) < here), None)
    if before is None:
        before = next(
            (i for i in items if _indent(lines[i]) > here and _open(lines, i, line)), None
        )
    if before is None:
        return None
    return _mistake(lines, line, here, _indent(lines[before]), before)


def _open(lines: list[str], item: int, line: int) -> bool:
    """Whether the list of ``lines[item]`` goes on down to ``line`` (nothing less indented)."""
    indent = _indent(lines[item])
    return all(
        _indent(text) >= indent
        for text in lines[item + 1 : line]
        if text.strip()[:1] not in ("", "#")
    )


def _agrees(lines: list[str], line: int, above_column: int) -> bool:
    """Whether the lines after ``line`` agree with its indentation: the next one is its sibling
    or, when it opens a block, its child; or the block ends after a line moved left."""
    below = next(
        (i for i in range(line + 1, len(lines)) if lines[i].strip()[:1] not in ("", "#")), None
    )
    here = _indent(lines[line])
    if below is None:
        return True
    column = _key_column(lines[below])
    return (
        column == here
        or (here < above_column and column < here)
        or (_opens_block(lines[line]) and _indent(lines[below]) > here)
    )


def _mistake(
    lines: list[str], index: int, found: int, expected: int, other: int
) -> IndentationMistake:
    """Columns are 1-based, as in every position we print."""
    return IndentationMistake(Position(index + 1, found + 1), found + 1, expected + 1, other + 1)


def _first_of_block(lines: list[str], index: int, sibling_indent: int) -> bool:
    """Whether ``lines[index]`` opens its block, in which ``sibling_indent`` would be valid."""
    opener = _previous_content(lines, index)
    if opener is None:
        return True  # the first key of the document
    return _opens_block(lines[opener]) and _key_column(lines[opener]) < sibling_indent


def _previous_content(lines: list[str], index: int) -> int | None:
    for above in range(index - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def _is_key_line(line: str) -> bool:
    return _KEY_LINE.match(line.strip()) is not None


def _opens_block(line: str) -> bool:
    return _OPENS_BLOCK.search(line.strip()) is not None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(line: str) -> int:
    """Where the key of ``line`` starts, past any ``- `` list markers."""
    stripped = line.lstrip(" ")
    column = len(line) - len(stripped)
    while stripped.startswith("- "):
        rest = stripped[2:].lstrip(" ")
        column += len(stripped) - len(rest)
        stripped = rest
    return column
