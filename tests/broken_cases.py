"""The broken-input corpus as data: ways to break a project, and the commands that read one.

Each breakage is a small function applied to a copy of one valid project; the corpus test
(tests/test_broken_inputs.py) crosses them with the commands. Kept apart from the test so that
both stay short.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from project_builder import minimal_project

__all__ = [
    "COMMANDS",
    "CONTENT",
    "HOSTILE",
    "KINDS",
    "OUTPUT_COMMANDS",
    "OUTPUT_TARGETS",
    "PLACES",
    "ROLES",
    "SCHEMA_NAMES",
    "WRONG_VALUES",
    "as_json_response",
    "build_base",
    "leaf_paths",
    "text_paths",
    "write_data",
]

SCORING: dict[str, Any] = {
    "questionnaire": "demo",
    "option_scores": {"engagement": {"fort": 1.0, "non": 0.0}},
    "theme_weights": {"t1": 1},
}
VOTER: dict[str, Any] = {"answers": {"q1": {"choice": "fort", "important": True}}}

# role -> the file, relative to a case folder (the project is case/project)
ROLES: dict[str, str] = {
    "questionnaire": "project/questionnaire.yaml",
    "respondents": "project/respondents.yaml",
    "scoring": "project/scoring.yaml",
    "response": "project/responses/a.yaml",
    "response_json": "project/responses/a.json",
    "voter": "voter.yaml",
}

# command -> its arguments; {p} the project, {v} the voter file, {o} a fresh output folder
COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{p}"],
    "validate-json": ["validate", "{p}", "--format", "json", "--lang", "en"],
    "summary": ["summary", "{p}", "--lang", "en"],
    "score": ["score", "{p}"],
    "score-levels-csv": ["score", "{p}", "-m", "levels", "--format", "csv"],
    "score-unranked-json": ["score", "{p}", "-m", "unranked", "--format", "json", "--seed", "7"],
    "sensitivity": ["sensitivity", "{p}"],
    "match": ["match", "{p}", "--answers", "{v}"],
    "match-directional-json": [
        *("match", "{p}", "--answers", "{v}", "-m", "directional", "--missing", "neutral"),
        *("--format", "json", "--lang", "en"),
    ],
    "export-json": ["export", "{p}", "-f", "json"],
    "export-yaml": ["export", "{p}", "-f", "yaml"],
    "export-jsonschema": ["export", "{p}", "-f", "jsonschema"],
    "export-csv": ["export", "{p}", "-f", "csv"],
    "export-csv-wide": ["export", "{p}", "-f", "csv", "--option", "variant=wide"],
    "export-xlsx": ["export", "{p}", "-f", "xlsx", "--include-unpublished"],
    "export-markdown": ["export", "{p}", "-f", "markdown"],
    "export-markdown-form": ["export", "{p}", "-f", "md", "--option", "document=questionnaire"],
    "export-html": ["export", "{p}", "-f", "html", "--include-contact"],
    "export-frictionless": ["export", "{p}", "-f", "frictionless", "-o", "{o}/package"],
    "schema": ["schema", "response"],
}
# commands that write a file or a folder: {t} is a target prepared as OUTPUT_TARGETS says
OUTPUT_COMMANDS: dict[str, list[str]] = {
    "score-o": ["score", "{p}", "--format", "csv", "-o", "{t}"],
    "schema-o": ["schema", "questionnaire", "-o", "{t}"],
    "export-csv-o": ["export", "{p}", "-f", "csv", "-o", "{t}"],
    "export-xlsx-o": ["export", "{p}", "-f", "xlsx", "-o", "{t}"],
    "export-frictionless-o": ["export", "{p}", "-f", "frictionless", "-o", "{t}"],
}
# Never a device such as /dev/null: before issue 7 point 3 is fixed, -o replaces it (as root).
OUTPUT_TARGETS = ("parent_is_a_file", "existing_folder", "new_nested_folder")
SCHEMA_NAMES = ("questionnaire", "respondents", "response", "scoring", "bogus", "", "../x")


def build_base(folder: Path) -> Path:
    """A valid case folder: ``project/`` with every role file, and ``voter.yaml`` beside it."""
    write_data(folder, minimal_project(), SCORING, VOTER)
    return folder


def write_data(folder: Path, project: dict[str, Any], scoring: Any, voter: Any) -> None:
    """Write a case folder from data (libyaml's emitter: thousands of cases are written)."""
    root = folder / "project"
    (root / "responses").mkdir(parents=True)
    _dump(root / "questionnaire.yaml", project["questionnaire"])
    _dump(root / "respondents.yaml", project["respondents"])
    for name, response in project["responses"].items():
        _dump(root / "responses" / f"{name}.yaml", response)
    _dump(root / "scoring.yaml", scoring)
    _dump(folder / "voter.yaml", voter)


def as_json_response(case: Path) -> None:
    """Swap the response of list a from YAML to JSON (the ``response_json`` role)."""
    yaml_file = case / ROLES["response"]
    data = yaml.safe_load(yaml_file.read_text(encoding="utf-8"))
    (case / ROLES["response_json"]).write_text(json.dumps(data, ensure_ascii=False, indent=1))
    yaml_file.unlink()


class _Dumper(yaml.CSafeDumper):
    """Quotes the characters YAML would otherwise read back as line breaks (NEL, U+2028/9)."""


def _represent_str(dumper: yaml.CSafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if any(c in text for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(path: Path, data: Any) -> None:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")


# --- what a file contains -------------------------------------------------------------------

_BOMB = "\n".join(
    [f"a0: &a0 [{', '.join(['lol'] * 9)}]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
)

CONTENT: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda raw: b"",
    "blank_lines": lambda raw: b"\n  \n\t\n",
    "comment_only": lambda raw: b"# rien ici\n",
    "null_document": lambda raw: b"~\n",
    "scalar_document": lambda raw: b"juste du texte\n",
    "list_document": lambda raw: b"- a\n- b\n",
    "number_document": lambda raw: b"42\n",
    "binary": lambda raw: bytes(range(256)) * 8,
    "png_header": lambda raw: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "nul_in_middle": lambda raw: raw[: len(raw) // 2] + b"\x00" + raw[len(raw) // 2 :],
    "utf8_bom": lambda raw: b"\xef\xbb\xbf" + raw,
    "utf16_with_bom": lambda raw: raw.decode("utf-8").encode("utf-16"),
    "utf16le_without_bom": lambda raw: raw.decode("utf-8").encode("utf-16-le"),
    "utf32": lambda raw: raw.decode("utf-8").encode("utf-32"),
    "latin1": lambda raw: raw + "\nnote: « été »\n".encode("latin-1"),
    "crlf": lambda raw: raw.replace(b"\n", b"\r\n"),
    "cr_only": lambda raw: raw.replace(b"\n", b"\r"),
    "truncated_half": lambda raw: raw[: len(raw) // 2],
    "truncated_mid_utf8": lambda raw: "é".encode() * 3 + "é".encode()[:1],
    "huge_line": lambda raw: raw + b"# " + b"x" * 3_000_000 + b"\n",
    "huge_value": lambda raw: raw + b"huge: " + b"y" * 3_000_000 + b"\n",
    "over_size_limit": lambda raw: raw + b"#" * (10 * 1024 * 1024),
    "unclosed_bracket": lambda raw: raw + b"extra: [1, 2\n",
    "unclosed_quote": lambda raw: raw + b'extra: "never closed\n',
    "tab_indentation": lambda raw: raw.replace(b"\n  ", b"\n\t", 1),
    "bad_indentation": lambda raw: raw + b"  stray: 1\n bad: 2\n",
    "several_documents": lambda raw: raw + b"---\nsecond: 1\n",
    "duplicate_key": lambda raw: raw + raw.split(b"\n", 1)[0] + b"\n",
    "alias_bomb": lambda raw: _BOMB.encode(),
    "deep_nesting_flow": lambda raw: b"a: " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "deep_nesting_block": lambda raw: b"".join(b"  " * i + b"k:\n" for i in range(3000)),
    "python_tag": lambda raw: b"!!python/object/apply:os.system ['echo pwned']\n",
    "unknown_tag": lambda raw: raw + b"extra: !secret 1\n",
    "merge_key": lambda raw: b"base: &b {x: 1}\nother:\n  <<: *b\n",
    "complex_key": lambda raw: b"? [a, b]\n: c\n",
    "undefined_alias": lambda raw: raw + b"extra: *nowhere\n",
    "bad_escape": lambda raw: raw + b'extra: "\\q"\n',
    "lone_surrogate_escape": lambda raw: raw + b'extra: "\\ud800"\n',
    "nul_escape": lambda raw: raw + b'extra: "a\\0b"\n',
    "control_characters": lambda raw: raw + b"extra: a\x07\x1b[31mb\n",
    "bidi_and_zero_width": lambda raw: raw + "extra: \u202e\u200b\ufeff\n".encode(),
    "json_trailing_comma": lambda raw: b'{"a": 1,}',
    "json_nan": lambda raw: b'{"a": NaN}',
    "json_huge_number": lambda raw: b'{"a": 1' + b"0" * 5000 + b"}",
    "json_deep": lambda raw: b"[" * 100_000 + b"]" * 100_000,
    "json_duplicate_key": lambda raw: b'{"a": 1, "a": 2}',
}

# --- what stands at a path ------------------------------------------------------------------


def _replace(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def _folder(path: Path) -> None:
    _replace(path)
    path.mkdir()
    (path / "inside.yaml").write_text("a: 1\n")


def _file(path: Path) -> None:
    _replace(path)
    path.write_text("a: 1\n")


def _link_to(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _replace(path)
        path.symlink_to(target)

    return make


def _loop_pair(path: Path) -> None:
    _replace(path)
    partner = path.with_name(".partner-" + path.name)
    path.symlink_to(partner.name)
    partner.symlink_to(path.name)


def _node(mode: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _replace(path)
        os.mknod(path, 0o600 | mode)

    return make


def _link_to_valid_copy(path: Path) -> None:
    """A link to the same content moved elsewhere: must read exactly like the file."""
    moved = path.with_name(".real-" + path.name)
    path.rename(moved)
    path.symlink_to(moved.name)


def _sparse_huge(path: Path) -> None:
    with path.open("r+b" if path.is_file() else "wb") as stream:
        stream.truncate(11 * 1024 * 1024)


# kind -> how to make it; "unreadable" is made by the test (chmod + a patched os.open/scandir).
KINDS: dict[str, Callable[[Path], None]] = {
    "missing": _replace,
    "folder": _folder,
    "regular_file": _file,
    "dangling_link": _link_to("nowhere.yaml"),
    "self_loop": lambda path: _link_to(path.name)(path),
    "loop_pair": _loop_pair,
    "fifo": _node(stat.S_IFIFO),
    "socket": _node(stat.S_IFSOCK),
    "link_to_dev_null": _link_to("/dev/null"),
    "link_to_dev_zero": _link_to("/dev/zero"),
    "link_to_valid_copy": _link_to_valid_copy,
    "sparse_11_mb": _sparse_huge,
    "unreadable": lambda path: None,
}

# place -> the path a kind is applied to; entries are added beside the real responses
PLACES: dict[str, str] = {
    **ROLES,
    "responses_folder": "project/responses",
    "project_folder": "project",
    "responses_entry": "project/responses/extra",
    "responses_entry_yaml": "project/responses/extra.yaml",
    "responses_entry_newline": "project/responses/a\nfake.yaml:1:1: erreur [forged] x.txt",
}

# --- hostile text and wrong types -----------------------------------------------------------

HOSTILE: dict[str, str] = {
    "script": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "formula": '=HYPERLINK("http://evil.example","clic")',
    "formula_cmd": "=cmd|' /C calc'!A0",
    "formula_at_plus": "@SUM(1+1)+-",
    "rtl_override": "\u202eabc.exe\u202c",
    "emoji": "👩🏽‍⚖️🇫🇷 ✊🏿",
    "nul": "a\x00b",
    "cr": "ligne\rsuite",
    "newline_fake_issue": "x\nresponses/a.yaml:1:1: erreur [forged] faux",
    "long_20000": "é" * 20_000,
    "format_braces": "{reason} {0} {} {{x}} %s %(a)s",
    "markdown": "# Titre\n| a | b |\n[clic](javascript:alert(1)) *gras*",
    "yaml_like": "key: value\n- item\n---\n",
    "backslashes": "C:\\Windows\\system32\\ \\n \\x00",
    "zero_width": "\u200b\u200d\ufeff",
    "nel_and_separators": "a\x85b\u2028c\u2029d",
    "quotes": "\"'`«»‹›",
    "entities": "&amp; &lt;b&gt; &#x3C;",
    "control": "\x07\x1b[31mrouge\x1b[0m\x7f",
    "whitespace_only": " \t ",
}

WRONG_VALUES: dict[str, Any] = {
    "null": None,
    "list": ["x", 1],
    "mapping": {"x": {"y": 1}},
    "float": 1.5,
    "huge_int": 10**40,
    "bool": True,
    "empty_text": "",
}

_TEXT_KEYS = frozenset({"fr", "en", "name", "comment", "text", "excerpt", "title", "note"})


def leaf_paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a node, containers included."""
    if prefix:
        yield prefix
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        yield from leaf_paths(value, (*prefix, key))


def text_paths(data: Any) -> Iterator[tuple[Any, ...]]:
    """Paths to free text: names, titles, labels, comments, excerpts, text answers."""
    for path in leaf_paths(data):
        value: Any = data
        for key in path:
            value = value[key]
        if isinstance(value, str) and path[-1] in _TEXT_KEYS:
            yield path
