"""Reading YAML and JSON with positions; hostile files give located errors, never exceptions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from civicquest.loading.documents import MAX_FILE_BYTES, Position, SourceError, read_document


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_yaml_values_keep_their_line_and_column(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.yaml", "a: 1\nb:\n  - x: 2\n    y: texte\n"))
    assert doc.data == {"a": 1, "b": [{"x": 2, "y": "texte"}]}
    assert doc.position(("b", 0, "y")) == Position(4, 8)
    assert doc.position(("b", 0, "y"), key=True) == Position(4, 5)


def test_unknown_path_falls_back_to_nearest_ancestor(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.yaml", "a:\n  b: 1\n"))
    assert doc.position(("a", "missing", 3)) == Position(2, 3)


def test_keys_keep_their_text_while_values_follow_yaml(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.yaml", "no: yes\n12: 2026-03-15\n"))
    assert doc.data == {"no": True, "12": dt.date(2026, 3, 15)}


def test_json_positions_are_computed_on_demand(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.json", '{"a": [1, {"b": 2}],\n "c": 3}'))
    assert doc.data == {"a": [1, {"b": 2}], "c": 3}
    assert doc.position(("c",)) == Position(2, 7)


def test_bom_is_accepted(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.yaml", "\ufeffa: 1\n".encode()))
    assert doc.data == {"a": 1}


@pytest.mark.parametrize(
    ("name", "content", "code", "position"),
    [
        ("a.yaml", "a: [1\n", "syntax_error", Position(2, 1)),
        ("a.yaml", "a: 1\na: 2\n", "duplicate_key", Position(2, 1)),
        ("a.json", '{"a": 1, "a": 2}', "duplicate_key", Position(1, 14)),
        ("a.json", '{"a": 1,}', "syntax_error", Position(1, 9)),
        ("a.yaml", b"a: 1\n\xff\xfe", "not_utf8", Position(2, 1)),
        ("a.yaml", b"a: \x00", "not_utf8", Position(1, 4)),
        ("a.yaml", "a: 1\n---\nb: 2\n", "several_documents", Position(3, 1)),
        ("a.yaml", "base: &b {x: 1}\nc:\n  <<: *b\n", "merge_key_unsupported", Position(3, 3)),
        ("a.yaml", "? [1, 2]\n: v\n", "complex_key", Position(1, 3)),
        ("a.yaml", "a: !!python/object:os.system x\n", "syntax_error", Position(1, 4)),
    ],
)
def test_unreadable_documents_are_located(
    tmp_path: Path, name: str, content: str | bytes, code: str, position: Position | None
) -> None:
    with pytest.raises(SourceError) as caught:
        read_document(write(tmp_path, name, content))
    assert caught.value.code == code
    assert caught.value.position == position


def test_alias_bomb_is_stopped(tmp_path: Path) -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    with pytest.raises(SourceError) as caught:
        read_document(write(tmp_path, "bomb.yaml", "\n".join(levels) + "\n"))
    assert caught.value.code == "too_many_nodes"


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(SourceError) as caught:
        read_document(path)
    assert caught.value.code == "file_too_large"


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read_document(write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000))
    assert caught.value.code in {"too_deep", "syntax_error"}
