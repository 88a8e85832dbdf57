"""Text others wrote is shown on a terminal without control or direction tricks."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from civicquest.text.display import show_value


def test_escape_sequences_and_direction_marks_are_made_visible() -> None:
    shown = show_value("\x1b[31mRED\x1b[0m \u202eevil\u202c\nnext", 200)
    assert shown == "\\u001b[31mRED\\u001b[0m \\u202eevil\\u202c\\u000anext"


def test_long_text_is_cut_with_an_ellipsis() -> None:
    assert show_value("x" * 100, 10) == "x" * 10 + "…"


@given(st.text())
def test_shown_text_holds_no_control_or_format_character(text: str) -> None:
    for char in show_value(text, 10_000):
        assert not unicodedata.category(char).startswith("C")
