"""``civicquest diff`` as a table for people (in French or English) or as JSON for tools."""

from __future__ import annotations

import json

from ..text.catalog import pgettext
from ..text.diff_texts import BUMP_WORDS, CHANGE_WORDS, DIFF_TEXTS
from ..text.display import printable
from .diff import Change, QuestionnaireDiff

__all__ = ["diff_as_json", "diff_as_text"]


def diff_as_json(diff: QuestionnaireDiff) -> str:
    return json.dumps(diff.as_dict(), ensure_ascii=False, indent=2) + "\n"


def diff_as_text(diff: QuestionnaireDiff, lang: str) -> str:
    """A Markdown-style table, one change a row, then the bump the changes need."""
    old = f"{diff.old_id} {diff.old_version}"
    new = f"{diff.new_id} {diff.new_version}"
    if not diff.changes:
        return _text("same", lang, old=printable(old), new=printable(new)) + "\n"
    header = [cell.strip() for cell in _text("header", lang).split("|")]
    rows = [header, ["---"] * len(header)] + [_row(change, lang) for change in diff.changes]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    implied = diff.implied or "none"
    lines += [
        "",
        _text(
            "implied",
            lang,
            count=len(diff.changes),
            implied=_bump(implied, lang),
            declared=_bump(diff.declared, lang),
        ),
    ]
    if diff.too_small:
        lines.append(
            _text(
                "too_small",
                lang,
                old=diff.old_version,
                new=diff.new_version,
                implied=_bump(implied, lang),
            )
        )
    return "\n".join(lines) + "\n"


def _row(change: Change, lang: str) -> list[str]:
    what = pgettext("diff-change", CHANGE_WORDS[change.kind], lang)
    detail = change.field
    if change.languages:
        detail += f" ({', '.join(change.languages)})"
    if change.before is not None or change.after is not None:
        detail += f": {_short(change.before)} → {_short(change.after)}"
    return [what, _cell(change.target), _cell(detail.strip()), _bump(change.bump, lang)]


def _short(value: str | None, limit: int = 60) -> str:
    if value is None:
        return "∅"
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _cell(value: str) -> str:
    return printable(value).replace("|", "\\|").replace("\n", " ")


def _bump(bump: str, lang: str) -> str:
    return pgettext("diff-bump", BUMP_WORDS[bump], lang)


def _text(key: str, lang: str, **params: object) -> str:
    return pgettext("diff", DIFF_TEXTS[key], lang).format(**params)
