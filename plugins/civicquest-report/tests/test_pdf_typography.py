"""French typography on text, never on markup: narrow no-break spaces where French puts them,
nothing else changed, everything escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from civicquest_report.typography import NARROW_NBSP, french_spacing, typography
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from civicquest.testing import HOSTILE_STRINGS

N = NARROW_NBSP


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("Pourquoi ? Parce que !", f"Pourquoi{N}? Parce que{N}!"),
        ("Note : voir ; puis", f"Note{N}: voir{N}; puis"),
        ("Oui! Non? Si: bien", f"Oui{N}! Non{N}? Si{N}: bien"),
        ("Quoi ?!", f"Quoi{N}?!"),
        ("«bonjour»", f"«{N}bonjour{N}»"),
        ("« bonjour »", f"«{N}bonjour{N}»"),
        ("12 % et 3€", f"12{N}% et 3{N}€"),
        ("à 12:30, https://x.fr/?a=1 ou ?lang=fr", "à 12:30, https://x.fr/?a=1 ou ?lang=fr"),
        ("fin:suite", "fin:suite"),
    ],
)
def test_french_spacing(text: str, spaced: str) -> None:
    assert french_spacing(text) == spaced


def test_french_text_is_escaped_then_spaced() -> None:
    assert typography("<b>Oui</b> & non ?", "fr") == f"&lt;b&gt;Oui&lt;/b&gt; &amp; non{N}?"
    # the ';' ending an entity is never taken for punctuation
    assert typography("'a' b & c; d", "fr") == "&#39;a&#39; b &amp; c; d"


def test_english_text_is_only_escaped() -> None:
    assert typography("Why ? « no »", "en") == "Why ? « no »"


def test_markup_is_refused() -> None:
    with pytest.raises(TypeError, match="not to markup"):
        typography(Markup('<a href="x">Oui !</a>'), "fr")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read(markup: str) -> _Reader:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return reader


def _without_spaces(text: str) -> str:
    return "".join(text.split()).replace(N, "")


@given(st.text() | st.sampled_from(HOSTILE_STRINGS))
def test_any_text_stays_text_with_only_spaces_changed(text: str) -> None:
    for lang in ("fr", "en"):
        shown = typography(text, lang)
        reader = _read(str(shown))
        assert reader.tags == []
        assert _without_spaces("".join(reader.text)) == _without_spaces(text)
